/**
 * Use cases of the backlog agenda: propose themes, open a voting round, cast ballots, and close
 * the round, which prioritises the backlog with the agenda engine and sets the programme of the
 * coming gathering.
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Option, Schema } from "effect"
import * as AgendaInput from "../agenda/Input.js"
import * as Prioritise from "../agenda/Prioritise.js"
import * as Validation from "../agenda/Validation.js"
import { Ballot, BallotContent } from "../domain/Ballot.js"
import { CalendarDate } from "../domain/CalendarDate.js"
import { Timestamp } from "../domain/DateTimes.js"
import { DurationMinutes } from "../domain/Duration.js"
import { BallotId, CommunityId, GatheringId, ThemeId, VotingRoundId } from "../domain/Ids.js"
import { FreeText, Title } from "../domain/Text.js"
import { Theme } from "../domain/Theme.js"
import { BallotFormat, VotingRound } from "../domain/VotingRound.js"
import { ensure } from "../internal/lifecycle.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import * as Texts from "../texts/index.js"
import { activeMember, countedBallots, type EntryProblem, ownRecord } from "./Acting.js"
import { carriedFairness, fairnessRecords } from "./CarriedFairness.js"
import { InvalidState, NotAllowed } from "./Errors.js"
import { pendingAbout, programmeStep, todayIn, withdrawal, zoneOf } from "./GatheringSupport.js"
import { applyProgramme, sameTitle } from "./ProgrammeSupport.js"
import { addressee, authorize, begin, commit, input, naturalKey, notify, puts, required } from "./Runner.js"

/**
 * The input of {@link proposeTheme}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const theme: typeof Services.Voting.ProposeTheme.Encoded = {
 *   title: "Omgaan met politieke druk op de planning",
 *   description: "Wat doe je als de minister een datum noemt die het programma niet kan halen?",
 *   durationMinutes: 45
 * }
 * const program = Services.Voting.proposeTheme(ann, theme)
 * ```
 * @since 0.1.0
 */
export const ProposeTheme = Schema.Struct({
  /** An id of your own, e.g. when bringing over an existing backlog (default: a new id). */
  id: Schema.optionalWith(ThemeId, { exact: true }),
  title: Title,
  description: Schema.optionalWith(FreeText, { exact: true }),
  durationMinutes: DurationMinutes
}).annotations({ identifier: "ProposeTheme" })

// A theme's status as a Dutch reader says it (the domain's values are English).
const THEME_STATUS_NL: { readonly [S in Theme["status"]]: string } = {
  backlog: "op de voorraadagenda",
  scheduled: "ingepland",
  discussed: "besproken",
  archived: "gearchiveerd"
}

/**
 * Puts a theme on the backlog agenda, proposed by the acting member or facilitator. A title that
 * is already on the agenda (not archived; case and spacing aside) is refused with the theme that
 * has it. Every member and facilitator of the community may.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Voting.proposeTheme(ann, { title: "Worstelen met de Woo", durationMinutes: 45 })
 * ```
 * @since 0.1.0
 */
export const proposeTheme = Effect.fn("Voting.proposeTheme")(function* (
  actor: unknown,
  value: typeof ProposeTheme.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(ProposeTheme, "theme")(value)
  yield* authorize(session, "theme.propose", { _tag: "Community", communityId: session.actor.communityId })
  const by = session.actor
  if (by._tag === "Administrator")
    return yield* Effect.fail(new NotAllowed({ action: "theme.propose", missing: "member of the community" }))
  if (by._tag === "Member") yield* activeMember(session, by.memberId, "theme.propose")
  if (request.id !== undefined && Option.isSome(yield* Repository.get(session.store, Kinds.Themes, request.id)))
    return yield* Effect.fail(
      new InvalidState({
        subject: `theme ${request.id}`,
        problem: "already exists",
        hint: "leave the id out to propose a new theme, or pick another id",
        nl: {
          subject: `thema ${request.id}`,
          problem: "bestaat al",
          hint: "laat de id weg om een nieuw thema voor te stellen, of kies een andere id"
        }
      })
    )
  const [themes, zone] = yield* Effect.all([Repository.all(session.store, Kinds.Themes), zoneOf(session)])
  const twin = themes.find((t) => t.value.status !== "archived" && sameTitle(t.value.title, request.title))
  if (twin !== undefined)
    return yield* Effect.fail(
      new InvalidState({
        subject: "title",
        problem: `("${request.title}") is already on the agenda as theme ${twin.value.id} (${twin.value.status})`,
        hint: "edit that theme (editTheme) or choose another title",
        nl: {
          subject: "title",
          problem: `("${request.title}") staat al op de agenda als thema ${twin.value.id} (${THEME_STATUS_NL[twin.value.status]})`,
          hint: "wijzig dat thema (editTheme) of kies een andere titel"
        }
      })
    )
  const theme = new Theme({
    id: request.id ?? ThemeId.make(yield* session.ids.next("theme")),
    communityId: CommunityId.make(session.store.communityId),
    title: request.title,
    ...(request.description === undefined ? {} : { description: request.description }),
    durationMinutes: request.durationMinutes,
    status: "backlog",
    proposedBy:
      by._tag === "Member"
        ? { _tag: "Member", memberId: by.memberId }
        : { _tag: "Facilitator", facilitatorId: by.facilitatorId },
    proposedOn: CalendarDate.make(todayIn(session, zone)),
    discussedAt: []
  })
  yield* commit(session, "theme.propose", {
    writes: yield* puts(Kinds.Themes, [{ value: theme, version: 0 }]),
    subject: { kind: "theme", id: theme.id }
  })
  return theme
})

/**
 * The input of {@link openVoting}. Without `themeIds`, every theme on the backlog is on the
 * ballot.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const round: typeof Services.Voting.OpenVoting.Encoded = {
 *   title: "Agenda voorjaar 2027",
 *   format: { _tag: "dots", dotsPerMember: 5 },
 *   closesAt: "2027-02-15T17:00:00Z",
 *   gatheringId: "gathering-0001"
 * }
 * const program = Services.Voting.openVoting(team, round)
 * ```
 * @since 0.1.0
 */
export const OpenVoting = Schema.Struct({
  title: Title,
  format: BallotFormat,
  closesAt: Timestamp,
  themeIds: Schema.optionalWith(Schema.NonEmptyArray(ThemeId), { exact: true }),
  gatheringId: Schema.optionalWith(GatheringId, { exact: true })
}).annotations({ identifier: "OpenVoting" })

/**
 * When a vote that runs for `days` days closes: at 23:59 on the last day, in the community's
 * time zone, a deadline as a person writes it ("tot en met vrijdag 18 juni") rather than the
 * minute the vote happened to be opened (decision 0140). Days are calendar days in that zone, so
 * a change to or from summer time does not move the closing time off 23:59.
 *
 * @example
 * ```ts
 * import { DateTime } from "effect"
 * import { Services } from "@grenzeloos/core"
 *
 * const closes = Services.Voting.closingTime(DateTime.unsafeMake("2027-06-04T13:51:00Z"), 14, "Europe/Amsterdam")
 * DateTime.formatIso(closes) // "2027-06-18T21:59:00.000Z": 18 June, 23:59 in Amsterdam
 * ```
 * @since 0.2.0
 */
export const closingTime = (now: DateTime.DateTime, days: number, timeZone: string): DateTime.Utc => {
  const local = DateTime.add(DateTime.unsafeSetZoneNamed(now, timeZone), { days })
  return DateTime.toUtc(DateTime.setParts(local, { hours: 23, minutes: 59, seconds: 0, millis: 0 }))
}

/**
 * Opens a voting round on backlog themes and asks every active member to vote. Programme team
 * only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Voting.openVoting(team, {
 *   title: "Programma voorjaar 2027",
 *   format: { _tag: "approval" },
 *   closesAt: "2027-02-01T17:00:00.000Z"
 * })
 * ```
 * @since 0.1.0
 */
export const openVoting = Effect.fn("Voting.openVoting")(function* (actor: unknown, value: typeof OpenVoting.Encoded) {
  const session = yield* begin(actor)
  const request = yield* input(OpenVoting, "voting round")(value)
  yield* authorize(session, "voting.open", { _tag: "Community", communityId: session.actor.communityId })
  if (DateTime.lessThanOrEqualTo(request.closesAt, session.now))
    return yield* Effect.fail(
      new InvalidState({
        subject: "closesAt",
        problem: `(${DateTime.formatIso(request.closesAt)}) is not in the future`,
        hint: "give a closing time after now",
        nl: {
          subject: "closesAt",
          problem: `(${DateTime.formatIso(request.closesAt)}) ligt niet in de toekomst`,
          hint: "geef een sluitingstijd in de toekomst"
        }
      })
    )
  const [themes, members, zone] = yield* Effect.all([
    Repository.all(session.store, Kinds.Themes),
    Repository.all(session.store, Kinds.Members, { status: "active" }),
    zoneOf(session)
  ])
  if (request.gatheringId !== undefined) yield* required(session, Kinds.Gatherings, request.gatheringId, "gatheringId")
  const byId = new Map(themes.map((t) => [t.value.id as string, t.value]))
  const problems = (request.themeIds ?? []).flatMap((id, index): ReadonlyArray<EntryProblem> => {
    const path = `themeIds[${index}]`
    const theme = byId.get(id)
    return theme === undefined
      ? [{ _tag: "UnknownTheme", path, themeId: id }]
      : theme.status === "backlog"
        ? []
        : [{ _tag: "ThemeNotOpen", path, title: theme.title, status: theme.status }]
  })
  if (problems.length > 0)
    return yield* Effect.fail(
      new InvalidState({
        subject: "the voting round",
        problem: problems.map((p) => Texts.en.reason(p)).join("; "),
        hint: "vote on backlog themes only",
        nl: {
          subject: "de stemronde",
          problem: problems.map((p) => Texts.nl.reason(p)).join("; "),
          hint: "stem alleen over thema's op de voorraadagenda"
        }
      })
    )
  const backlog = themes.filter((t) => t.value.status === "backlog").map((t) => t.value.id)
  const [first, ...rest] = request.themeIds ?? backlog
  if (first === undefined)
    return yield* Effect.fail(
      new InvalidState({
        subject: "the backlog",
        problem: "is empty",
        hint: "propose themes before opening a vote",
        nl: {
          subject: "de voorraadagenda",
          problem: "is leeg",
          hint: "stel thema's voor voordat je een stemronde opent"
        }
      })
    )
  const round = new VotingRound({
    id: VotingRoundId.make(yield* session.ids.next("vote")),
    communityId: CommunityId.make(session.store.communityId),
    title: request.title,
    themeIds: [first, ...rest],
    format: request.format,
    status: "open",
    opensAt: session.now,
    closesAt: request.closesAt,
    ...(request.gatheringId === undefined ? {} : { gatheringId: request.gatheringId })
  })
  const outbox = yield* notify(
    session,
    members.map((m) => ({
      _tag: "VoteRequest" as const,
      recipient: addressee(m.value),
      votingRoundId: round.id,
      title: round.title,
      closesAt: DateTime.unsafeSetZoneNamed(round.closesAt, zone),
      themeTitles: round.themeIds.map((id) => byId.get(id)?.title ?? id)
    }))
  )
  yield* commit(session, "voting.open", {
    writes: yield* puts(Kinds.VotingRounds, [{ value: round, version: 0 }]),
    outbox,
    subject: { kind: "voting-round", id: round.id },
    detail: { themes: round.themeIds.length, invited: members.length }
  })
  return round
})

/**
 * The input of {@link castBallot}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const ballot: typeof Services.Voting.CastBallot.Encoded = {
 *   votingRoundId: "vote-0001",
 *   content: { _tag: "dots", dots: [{ themeId: "t-0003", dots: 3 }, { themeId: "t-0007", dots: 2 }] }
 * }
 * const program = Services.Voting.castBallot(ann, ballot)
 * ```
 * @since 0.1.0
 */
export const CastBallot = Schema.Struct({ votingRoundId: VotingRoundId, content: BallotContent }).annotations({
  identifier: "CastBallot"
})

/**
 * Casts (or replaces) the acting member's ballot in an open voting round. Ballots are secret:
 * only the member reads their own; everyone sees the result.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Voting.castBallot(ann, {
 *   votingRoundId: "vote-0001",
 *   content: { _tag: "approval", themeIds: ["theme-0001", "theme-0003"] }
 * })
 * ```
 * @since 0.1.0
 */
export const castBallot = Effect.fn("Voting.castBallot")(function* (actor: unknown, value: typeof CastBallot.Encoded) {
  const session = yield* begin(actor)
  const request = yield* input(CastBallot, "ballot")(value)
  const by = session.actor
  if (by._tag !== "Member") {
    yield* authorize(session, "ballot.cast", { _tag: "Community", communityId: by.communityId })
    return yield* Effect.fail(new NotAllowed({ action: "ballot.cast", missing: "own record" }))
  }
  yield* authorize(session, "ballot.cast", { _tag: "Member", communityId: by.communityId, memberId: by.memberId })
  yield* activeMember(session, by.memberId, "ballot.cast")
  const round = yield* required(session, Kinds.VotingRounds, request.votingRoundId, "votingRoundId")
  // A round whose closing time has passed is closed for ballots, even before closeVoting runs.
  const closesPassed = DateTime.greaterThan(session.now, round.value.closesAt)
  yield* ensure("castBallot", closesPassed ? { ...round.value, status: "closed" } : round.value)
  // One ballot per member per round, enforced by its key: two casts at once cannot make two.
  const previous = Option.toArray(
    yield* ownRecord(session, Kinds.Ballots, { field: "votingRoundId", id: round.value.id }, by.memberId)
  )
  const id = previous[0]?.value.id ?? BallotId.make(naturalKey(round.value.id, by.memberId))
  // `true`: built from decoded values, and the Store checks each record as it encodes it, so the
  // constructor's validation (compiled anew on every call, about 0.13 ms) is skipped (decision 0149).
  const ballot = new Ballot(
    {
      id,
      communityId: CommunityId.make(session.store.communityId),
      votingRoundId: round.value.id,
      memberId: by.memberId,
      castAt: session.now,
      content: request.content
    },
    true
  )
  // The agenda engine's validation checks the ballot against the round: its format, the themes
  // on it and the format's limits, each problem with its path. The round alone says all of that,
  // so the themes' records are not read (decision 0122).
  const { round: roundInput, ballots: ballotInputs } = AgendaInput.fromDomain({
    round: round.value,
    themes: [],
    ballots: [ballot]
  })
  yield* Validation.validateBallots(roundInput, ballotInputs)
  yield* commit(session, "ballot.cast", {
    writes: yield* puts(Kinds.Ballots, [{ value: ballot, version: previous[0]?.version ?? 0 }]),
    subject: { kind: "voting-round", id: round.value.id },
    detail: { replaced: previous.length > 0 }
  })
  return ballot
})

const MethodInput = Schema.Union(
  Schema.TaggedStruct("greedy", {}),
  Schema.TaggedStruct("dots", {}),
  Schema.TaggedStruct("score", {}),
  Schema.TaggedStruct("borda", {}),
  Schema.TaggedStruct("schulze", {}),
  Schema.TaggedStruct("equal-shares", {
    satisfaction: Schema.optionalWith(Schema.Literal("cost", "cardinality"), { exact: true }),
    completion: Schema.optionalWith(Schema.Literal("none", "add1", "add1-utilitarian", "utilitarian"), { exact: true })
  }),
  // The carried methods (decisions 0025–0027): closing the round stores a fairness record per member.
  Schema.TaggedStruct("equal-shares-carried", {
    decay: Schema.optionalWith(Schema.Number.pipe(Schema.between(0, 1)), { exact: true }),
    satisfaction: Schema.optionalWith(Schema.Literal("cost", "cardinality"), { exact: true }),
    completion: Schema.optionalWith(Schema.Literal("none", "add1"), { exact: true })
  }),
  Schema.TaggedStruct("perpetual-phragmen", {
    decay: Schema.optionalWith(Schema.Number.pipe(Schema.between(0, 1)), { exact: true })
  })
).annotations({ identifier: "Method" })

const RulesInput = Schema.Struct({
  ageing: Schema.optionalWith(
    Schema.Struct({
      percentPerMeeting: Schema.Number,
      maxPercent: Schema.optionalWith(Schema.Number, { exact: true })
    }),
    { exact: true }
  ),
  coolingOff: Schema.optionalWith(Schema.Struct({ meetings: Schema.Int }), { exact: true }),
  pinned: Schema.optionalWith(Schema.Array(ThemeId), { exact: true }),
  minThemes: Schema.optionalWith(Schema.Int, { exact: true }),
  maxThemes: Schema.optionalWith(Schema.Int, { exact: true })
}).annotations({ identifier: "StandingRules" })

/**
 * The input of {@link closeVoting}: how to prioritise, and the programme's time budget.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * // The method and budget from a settings screen, checked before the round is closed.
 * declare const form: unknown
 * const request = Domain.decode(Services.Voting.CloseVoting)(form)
 * if (Either.isRight(request)) {
 *   const program = Services.Voting.closeVoting(team, request.right)
 * }
 * ```
 * @since 0.1.0
 */
export const CloseVoting = Schema.Struct({
  votingRoundId: VotingRoundId,
  method: MethodInput,
  budgetMinutes: DurationMinutes,
  rules: Schema.optionalWith(RulesInput, { exact: true }),
  /** The gathering whose programme the vote sets (default: the round's own gathering, if any). */
  gatheringId: Schema.optionalWith(GatheringId, { exact: true }),
  /**
   * The gathering's invitations are out: change its programme anyway and send every invitee the
   * update (without it, closing the vote for an invited gathering is refused).
   */
  updateInvitees: Schema.optionalWith(Schema.Boolean, { exact: true }),
  /**
   * Close a vote nobody voted in anyway (since 0.2): without it that is refused, since the
   * programme would be chosen from no votes at all.
   */
  force: Schema.optionalWith(Schema.Boolean, { exact: true })
}).annotations({ identifier: "CloseVoting" })

/**
 * Closes a voting round and prioritises the backlog with the agenda engine (ageing and
 * cooling-off from the gatherings held so far); the result (every theme's outcome with its
 * explanation, the fairness figures, the summary) is stored on the round. When the vote is for a
 * gathering (`gatheringId`, or the round's own), the chosen themes become its programme and are
 * marked `scheduled`, and themes that leave the programme go back to the backlog. Once the
 * gathering's invitations are out this is refused unless `updateInvitees` asks to send every
 * invitee the update. A vote without ballots is refused unless `force`. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Voting.closeVoting(team, {
 *   votingRoundId: "vote-0001",
 *   gatheringId: "gathering-0001",
 *   method: { _tag: "equal-shares", completion: "add1" },
 *   budgetMinutes: 180
 * })
 * ```
 * @since 0.1.0
 */
export const closeVoting = Effect.fn("Voting.closeVoting")(function* (
  actor: unknown,
  value: typeof CloseVoting.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(CloseVoting, "closing of the vote")(value)
  yield* authorize(session, "voting.close", { _tag: "Community", communityId: session.actor.communityId })
  const round = yield* required(session, Kinds.VotingRounds, request.votingRoundId, "votingRoundId")
  yield* ensure("closeVoting", round.value)
  if (
    request.gatheringId !== undefined &&
    round.value.gatheringId !== undefined &&
    request.gatheringId !== round.value.gatheringId
  )
    return yield* Effect.fail(
      new InvalidState({
        subject: "gatheringId",
        problem: `(${request.gatheringId}) is not the gathering the round was opened for (${round.value.gatheringId})`,
        hint: "leave gatheringId out, or give the round's own gathering",
        nl: {
          subject: "gatheringId",
          problem: `(${request.gatheringId}) is niet de bijeenkomst waarvoor de stemronde is geopend (${round.value.gatheringId})`,
          hint: "laat gatheringId weg, of geef de eigen bijeenkomst van de stemronde"
        }
      })
    )
  const gatheringId = request.gatheringId ?? round.value.gatheringId
  const gathering =
    gatheringId === undefined
      ? undefined
      : yield* required(
          session,
          Kinds.Gatherings,
          gatheringId,
          request.gatheringId === undefined ? "votingRoundId (its gathering)" : "gatheringId"
        )
  if (gathering !== undefined) yield* programmeStep(gathering.value, request.updateInvitees === true, session.now)
  const [themes, cast, gatherings, members] = yield* Effect.all([
    Repository.all(session.store, Kinds.Themes),
    Repository.all(session.store, Kinds.Ballots, { votingRoundId: round.value.id }),
    Repository.all(session.store, Kinds.Gatherings),
    Repository.all(session.store, Kinds.Members)
  ])
  // Only ballots of members who are active at the close count (decision 0096): not those of
  // unregistered, paused, departed or erased members, and one per member.
  const ballots = countedBallots(cast, members)
  // A programme chosen from no votes is not the members' choice: refused unless forced, like a
  // poll nobody answered.
  if (ballots.length === 0 && request.force !== true) {
    const active = members.filter((m) => m.value.status === "active").length
    return yield* Effect.fail(
      new InvalidState({
        subject: `voting round "${round.value.title}" (${round.value.id})`,
        problem: `has no ballots (0 of ${active} active members voted)`,
        hint: "collect ballots first (recordBallots takes a spreadsheet of them), or close anyway with force",
        nl: {
          subject: `stemronde "${round.value.title}" (${round.value.id})`,
          problem: `heeft geen stemmen (0 van ${active} actieve leden stemden)`,
          hint: "verzamel eerst stemmen (recordBallots neemt ze uit een spreadsheet), of sluit toch met force"
        }
      })
    )
  }
  const carried = yield* carriedFairness(session.store, request.method._tag)
  const pastGatherings = gatherings
    .filter((g) => (g.value.status === "held" || g.value.status === "closed") && g.value.startsAt !== undefined)
    .map((g) => ({
      id: g.value.id,
      heldOn: g.value.startsAt === undefined ? "" : DateTime.formatIsoDate(g.value.startsAt)
    }))
  const result = yield* Prioritise.prioritise({
    ...AgendaInput.fromDomain({
      round: round.value,
      themes: themes.map((t) => t.value),
      ballots: ballots.map((b) => b.value),
      pastGatherings
    }),
    budget: { _tag: "minutes", minutes: request.budgetMinutes },
    method: request.method,
    ...(request.rules === undefined ? {} : { rules: request.rules }),
    ...(carried === undefined ? {} : { carried }),
    language: "nl"
  })
  const closed = new VotingRound({
    ...round.value,
    status: "closed",
    ...(gatheringId === undefined ? {} : { gatheringId }),
    result: {
      closedAt: session.now,
      method: request.method._tag,
      budgetMinutes: request.budgetMinutes,
      usedMinutes: Math.round(result.used),
      ballots: ballots.length,
      ...(gatheringId === undefined ? {} : { gatheringId }),
      outcomes: result.backlog.map((t) => ({
        themeId: ThemeId.make(t.themeId),
        inProgramme: t.inProgramme,
        place: t.place,
        durationMinutes: t.durationMinutes,
        support: t.support,
        supporters: t.supporters,
        explanation: t.explanation
      })),
      fairness: {
        voters: result.fairness.voters,
        withAtLeastOne: result.fairness.withAtLeastOne,
        shareWithAtLeastOne: result.fairness.shareWithAtLeastOne
      },
      summary: result.summary
    }
  })
  const change =
    gathering === undefined
      ? undefined
      : yield* applyProgramme(
          session,
          gathering,
          result.programme.map((t) => ({ themeId: ThemeId.make(t.themeId), durationMinutes: t.durationMinutes }))
        )
  // The vote is closed: requests to vote that are still waiting leave the outbox with it.
  const requests = yield* pendingAbout(
    session,
    { kind: "voting-round", id: round.value.id },
    (e) => e.type === "vote.requested"
  )
  yield* commit(session, "voting.close", {
    writes: [
      ...(yield* puts(Kinds.VotingRounds, [{ value: closed, version: round.version }])),
      ...(change?.writes ?? []),
      ...(yield* puts(Kinds.FairnessRecords, fairnessRecords(round.value, result)))
    ],
    outbox: change?.outbox ?? [],
    outboxRemovals: [...(change?.outboxRemovals ?? []), ...withdrawal(requests).outboxRemovals],
    subject: { kind: "voting-round", id: round.value.id },
    detail: {
      ballots: ballots.length,
      notCounted: cast.length - ballots.length,
      programme: result.programme.map((t) => t.themeId),
      method: request.method._tag,
      ...(change === undefined
        ? {}
        : { gathering: change.gathering.id, dropped: change.dropped, updated: change.updated })
    }
  })
  return {
    round: closed,
    result,
    ...(change === undefined ? {} : { gathering: change.gathering, dropped: change.dropped, updated: change.updated })
  }
})

/**
 * Names a voting round: the input of {@link myBallot}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const round: typeof Services.Voting.VotingRoundRef.Encoded = { votingRoundId: "vote-0001" }
 * const program = Services.Voting.myBallot(ann, round)
 * ```
 * @since 0.1.0
 */
export const VotingRoundRef = Schema.Struct({ votingRoundId: VotingRoundId }).annotations({
  identifier: "VotingRoundRef"
})

/**
 * The acting member's own ballot in a round, if they cast one: ballots are secret, so this is
 * the only way to read one.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Voting.myBallot(ann, { votingRoundId: "vote-0001" })
 * ```
 * @since 0.1.0
 */
export const myBallot = Effect.fn("Voting.myBallot")(function* (actor: unknown, value: typeof VotingRoundRef.Encoded) {
  const session = yield* begin(actor)
  const { votingRoundId } = yield* input(VotingRoundRef, "voting round")(value)
  const by = session.actor
  if (by._tag !== "Member") {
    yield* authorize(session, "ballot.read", { _tag: "Community", communityId: by.communityId })
    return yield* Effect.fail(new NotAllowed({ action: "ballot.read", missing: "own record" }))
  }
  yield* authorize(session, "ballot.read", { _tag: "Member", communityId: by.communityId, memberId: by.memberId })
  const found = yield* ownRecord(session, Kinds.Ballots, { field: "votingRoundId", id: votingRoundId }, by.memberId)
  return Option.map(found, (b) => b.value)
})

/**
 * The input of {@link listThemes}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const filter: typeof Services.Voting.ListThemes.Encoded = { status: "backlog" }
 * const program = Services.Voting.listThemes(ann, filter)
 * ```
 * @since 0.1.0
 */
export const ListThemes = Schema.Struct({
  status: Schema.optionalWith(Schema.Literal("backlog", "scheduled", "discussed", "archived"), { exact: true })
}).annotations({ identifier: "ListThemes" })

/**
 * The themes of the community (optionally of one status), by title: everyone in the community
 * may read the backlog agenda.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Voting.listThemes(ann, { status: "backlog" })
 * ```
 * @since 0.1.0
 */
export const listThemes = Effect.fn("Voting.listThemes")(function* (actor: unknown, value: typeof ListThemes.Encoded) {
  const session = yield* begin(actor)
  const request = yield* input(ListThemes, "themes")(value)
  yield* authorize(session, "theme.read", { _tag: "Community", communityId: session.actor.communityId })
  const themes = yield* Repository.all(
    session.store,
    Kinds.Themes,
    request.status === undefined ? undefined : { status: request.status }
  )
  return themes.map((t) => t.value).sort((a, b) => a.title.localeCompare(b.title, "nl"))
})
