/**
 * Keeping the backlog and the ballots right: edit or withdraw a theme, withdraw a ballot, and
 * record the ballots of a paper or spreadsheet vote for the members who cast them.
 *
 * @since 0.1.0
 */
import { Effect, Option, Schema } from "effect"
import * as AgendaInput from "../agenda/Input.js"
import * as Validation from "../agenda/Validation.js"
import { Ballot, BallotContent } from "../domain/Ballot.js"
import { DurationMinutes } from "../domain/Duration.js"
import { BallotId, CommunityId, MemberId, ThemeId, VotingRoundId } from "../domain/Ids.js"
import { FreeText, Title } from "../domain/Text.js"
import { Theme } from "../domain/Theme.js"
import type { VotingRound } from "../domain/VotingRound.js"
import { ensure } from "../internal/lifecycle.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import * as Texts from "../texts/index.js"
import type { Resource } from "./Access.js"
import { entryProblems } from "./Acting.js"
import { InvalidState } from "./Errors.js"
import { pendingAbout, withdrawal } from "./GatheringSupport.js"
import { sameTitle } from "./ProgrammeSupport.js"
import { authorize, begin, commit, input, naturalKey, puts, required, type Session } from "./Runner.js"

const themeResource = (session: Session, theme: Theme): Resource =>
  theme.proposedBy._tag === "Member"
    ? { _tag: "Member", communityId: session.actor.communityId, memberId: theme.proposedBy.memberId }
    : { _tag: "Community", communityId: session.actor.communityId }

/**
 * The theme a request names, once the actor may `action` it (its proposer, or the programme
 * team). The right is asked before the theme's existence is reported, so a denial says nothing
 * about which themes exist.
 */
const authorizedTheme = (session: Session, action: "theme.edit" | "theme.withdraw", themeId: string) =>
  Effect.gen(function* () {
    const theme = yield* Repository.get(session.store, Kinds.Themes, themeId)
    yield* authorize(
      session,
      action,
      Option.isSome(theme)
        ? themeResource(session, theme.value.value)
        : { _tag: "Community", communityId: session.actor.communityId }
    )
    return yield* required(session, Kinds.Themes, themeId, "themeId")
  })

/** The open voting rounds a theme is on: it cannot change under the voters' feet. */
const openRoundsWith = (session: Session, themeId: string) =>
  Effect.map(Repository.all(session.store, Kinds.VotingRounds, { status: "open" }), (rounds) =>
    rounds.map((r) => r.value).filter((r) => r.themeIds.includes(ThemeId.make(themeId)))
  )

const onOpenVote = (theme: Theme, rounds: ReadonlyArray<VotingRound>) =>
  new InvalidState({
    subject: `theme "${theme.title}" (${theme.id})`,
    problem: `is on the ballot of the open vote "${rounds[0]?.title}" (${rounds[0]?.id})`,
    hint: "close that vote first, or change the theme after it",
    nl: {
      subject: `thema "${theme.title}" (${theme.id})`,
      problem: `staat op de stembrief van de open stemronde "${rounds[0]?.title}" (${rounds[0]?.id})`,
      hint: "sluit eerst die stemronde, of wijzig het thema daarna"
    }
  })

/**
 * The input of {@link editTheme}: the theme and the fields to change.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const edit: typeof Services.Backlog.EditTheme.Encoded = { themeId: "theme-0003", durationMinutes: 45 }
 * const program = Services.Backlog.editTheme(ann, edit)
 * ```
 * @since 0.1.0
 */
export const EditTheme = Schema.Struct({
  themeId: ThemeId,
  title: Schema.optionalWith(Title, { exact: true }),
  description: Schema.optionalWith(FreeText, { exact: true }),
  durationMinutes: Schema.optionalWith(DurationMinutes, { exact: true })
}).annotations({ identifier: "EditTheme" })

/**
 * Edits a theme on the backlog (its title, description or the time it needs). A title another
 * theme already has is refused, and so is a theme on an open vote's ballot or past the backlog.
 * The member who proposed it, or the programme team.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Backlog.editTheme(team, { themeId: "theme-0003", title: "Hoe organiseer je focus?" })
 * ```
 * @since 0.1.0
 */
export const editTheme = Effect.fn("Backlog.editTheme")(function* (actor: unknown, value: typeof EditTheme.Encoded) {
  const session = yield* begin(actor)
  const request = yield* input(EditTheme, "theme")(value)
  const found = yield* authorizedTheme(session, "theme.edit", request.themeId)
  yield* ensure("editTheme", found.value)
  const rounds = yield* openRoundsWith(session, found.value.id)
  if (rounds.length > 0) return yield* Effect.fail(onOpenVote(found.value, rounds))
  if (request.title !== undefined) {
    const title = request.title
    const twin = (yield* Repository.all(session.store, Kinds.Themes)).find(
      (t) => t.value.id !== found.value.id && t.value.status !== "archived" && sameTitle(t.value.title, title)
    )
    if (twin !== undefined)
      return yield* Effect.fail(
        new InvalidState({
          subject: "title",
          problem: `("${title}") is already on the agenda as theme ${twin.value.id}`,
          hint: "choose another title",
          nl: {
            subject: "title",
            problem: `("${title}") staat al op de agenda als thema ${twin.value.id}`,
            hint: "kies een andere titel"
          }
        })
      )
  }
  const edited = new Theme({
    ...found.value,
    ...(request.title === undefined ? {} : { title: request.title }),
    ...(request.description === undefined ? {} : { description: request.description }),
    ...(request.durationMinutes === undefined ? {} : { durationMinutes: request.durationMinutes })
  })
  yield* commit(session, "theme.edit", {
    writes: yield* puts(Kinds.Themes, [{ value: edited, version: found.version }]),
    subject: { kind: "theme", id: edited.id },
    detail: {
      fields: ["title", "description", "durationMinutes"].filter(
        (k) => request[k as keyof typeof request] !== undefined
      )
    }
  })
  return edited
})

/**
 * Names a theme: the input of {@link withdrawTheme}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ref: typeof Services.Backlog.ThemeRef.Encoded = { themeId: "theme-0003" }
 * ```
 * @since 0.1.0
 */
export const ThemeRef = Schema.Struct({ themeId: ThemeId }).annotations({ identifier: "ThemeRef" })

/**
 * Withdraws a theme from the backlog: it is `archived` (kept for the record, no longer voted on).
 * A theme on a gathering's programme or an open vote's ballot is refused with what to do first.
 * The member who proposed it, or the programme team.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Backlog.withdrawTheme(ann, { themeId: "theme-0003" })
 * ```
 * @since 0.1.0
 */
export const withdrawTheme = Effect.fn("Backlog.withdrawTheme")(function* (
  actor: unknown,
  value: typeof ThemeRef.Encoded
) {
  const session = yield* begin(actor)
  const { themeId } = yield* input(ThemeRef, "theme")(value)
  const found = yield* authorizedTheme(session, "theme.withdraw", themeId)
  yield* ensure("withdrawTheme", found.value)
  const rounds = yield* openRoundsWith(session, found.value.id)
  if (rounds.length > 0) return yield* Effect.fail(onOpenVote(found.value, rounds))
  const withdrawn = new Theme({ ...found.value, status: "archived" })
  yield* commit(session, "theme.withdraw", {
    writes: yield* puts(Kinds.Themes, [{ value: withdrawn, version: found.version }]),
    subject: { kind: "theme", id: withdrawn.id }
  })
  return withdrawn
})

/**
 * The input of {@link withdrawBallot}: the round, and the member (left out when members withdraw
 * their own).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const request: typeof Services.Backlog.WithdrawBallot.Encoded = { votingRoundId: "vote-0001", memberId: "m-001" }
 * const program = Services.Backlog.withdrawBallot(team, request)
 * ```
 * @since 0.1.0
 */
export const WithdrawBallot = Schema.Struct({
  votingRoundId: VotingRoundId,
  memberId: Schema.optionalWith(MemberId, { exact: true })
}).annotations({ identifier: "WithdrawBallot" })

/** The id of a member's ballot in a round (one per member per round). */
const ballotIdOf = (votingRoundId: string, memberId: string) => BallotId.make(naturalKey(votingRoundId, memberId))

/**
 * Withdraws a member's ballot from an open round (a ballot recorded by mistake, or a member who
 * changed their mind about voting at all). The member, or the programme team for them.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Backlog.withdrawBallot(ann, { votingRoundId: "vote-0001" })
 * ```
 * @since 0.1.0
 */
export const withdrawBallot = Effect.fn("Backlog.withdrawBallot")(function* (
  actor: unknown,
  value: typeof WithdrawBallot.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(WithdrawBallot, "ballot")(value)
  const memberId = request.memberId ?? (session.actor._tag === "Member" ? session.actor.memberId : undefined)
  if (memberId === undefined)
    return yield* Effect.fail(
      new InvalidState({
        subject: "memberId",
        problem: "is missing",
        hint: "name the member whose ballot is withdrawn",
        nl: { subject: "memberId", problem: "ontbreekt", hint: "noem het lid van wie de stem wordt ingetrokken" }
      })
    )
  yield* authorize(session, "ballot.withdraw", { _tag: "Member", communityId: session.actor.communityId, memberId })
  const round = yield* required(session, Kinds.VotingRounds, request.votingRoundId, "votingRoundId")
  yield* ensure("withdrawBallot", round.value)
  const ballot = yield* required(
    session,
    Kinds.Ballots,
    ballotIdOf(round.value.id, memberId),
    "memberId (their ballot)"
  )
  yield* commit(session, "ballot.withdraw", {
    writes: [Repository.remove(Kinds.Ballots, ballot.value.id, ballot.version)],
    subject: { kind: "voting-round", id: round.value.id },
    detail: { memberId }
  })
  return { votingRoundId: round.value.id, memberId, withdrawn: true as const }
})

/**
 * The input of {@link recordBallots}: the round and each member's ballot.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const sheet: typeof Services.Backlog.RecordBallots.Encoded = {
 *   votingRoundId: "vote-0001",
 *   ballots: [{ memberId: "m-001", content: { _tag: "approval", themeIds: ["theme-0003"] } }]
 * }
 * const program = Services.Backlog.recordBallots(team, sheet)
 * ```
 * @since 0.1.0
 */
export const RecordBallots = Schema.Struct({
  votingRoundId: VotingRoundId,
  ballots: Schema.Array(Schema.Struct({ memberId: MemberId, content: BallotContent }))
}).annotations({ identifier: "RecordBallots" })

/**
 * Records the ballots of a vote held on paper or in a spreadsheet, for the members who cast
 * them, in one commit (a member's earlier ballot is replaced). The "vote" request still waiting
 * in the outbox for those members is withdrawn: they have voted. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Backlog.recordBallots(team, {
 *   votingRoundId: "vote-0001",
 *   ballots: [{ memberId: "m-001", content: { _tag: "approval", themeIds: ["theme-0003", "theme-0007"] } }]
 * })
 * ```
 * @since 0.1.0
 */
export const recordBallots = Effect.fn("Backlog.recordBallots")(function* (
  actor: unknown,
  value: typeof RecordBallots.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(RecordBallots, "ballots")(value)
  yield* authorize(session, "ballot.record", { _tag: "Community", communityId: session.actor.communityId })
  const round = yield* required(session, Kinds.VotingRounds, request.votingRoundId, "votingRoundId")
  yield* ensure("recordBallots", round.value)
  const [members, existing] = yield* Effect.all([
    Repository.all(session.store, Kinds.Members),
    Repository.all(session.store, Kinds.Ballots, { votingRoundId: round.value.id })
  ])
  const known = new Map(members.map((m) => [m.value.id as string, m.value]))
  const problems = entryProblems(request.ballots, known, (i) => `ballots[${i}]`).flat()
  if (problems.length > 0)
    return yield* Effect.fail(
      new InvalidState({
        subject: "the ballots",
        problem: problems.map((p) => Texts.en.reason(p)).join("; "),
        hint: "record one ballot per active member",
        nl: {
          subject: "de stemmen",
          problem: problems.map((p) => Texts.nl.reason(p)).join("; "),
          hint: "leg één stem per actief lid vast"
        }
      })
    )
  const versions = new Map(existing.map((b) => [b.value.id as string, b.version]))
  const ballots = request.ballots.map(
    (b) =>
      new Ballot({
        id: ballotIdOf(round.value.id, b.memberId),
        communityId: CommunityId.make(session.store.communityId),
        votingRoundId: round.value.id,
        memberId: b.memberId,
        castAt: session.now,
        content: b.content
      })
  )
  // Against the round alone, as a member's own ballot is (decision 0122).
  const agendaInput = AgendaInput.fromDomain({ round: round.value, themes: [], ballots })
  yield* Validation.validateBallots(agendaInput.round, agendaInput.ballots)
  // The members who voted no longer need asking.
  const voted = new Set<string>(ballots.map((b) => b.memberId))
  const requests = yield* pendingAbout(
    session,
    { kind: "voting-round", id: round.value.id },
    (e) => e.type === "vote.requested" && typeof e.data?.memberId === "string" && voted.has(e.data.memberId)
  )
  yield* commit(session, "ballot.record", {
    writes: yield* puts(
      Kinds.Ballots,
      ballots.map((b) => ({ value: b, version: versions.get(b.id) ?? 0 }))
    ),
    ...withdrawal(requests),
    subject: { kind: "voting-round", id: round.value.id },
    detail: {
      ballots: ballots.length,
      replaced: ballots.filter((b) => versions.has(b.id)).length,
      requestsWithdrawn: requests.length
    }
  })
  return { votingRoundId: round.value.id, recorded: ballots.length, requestsWithdrawn: requests.length }
})
