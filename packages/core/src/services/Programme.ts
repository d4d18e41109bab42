/**
 * The programme of a gathering: set from a closed vote while the invitations are not out yet,
 * changed afterwards only on purpose ({@link changeProgramme}, which sends every invitee an
 * update), and read back with the vote's explanation and fairness ({@link getProgramme}). A
 * theme that leaves a programme goes back to the backlog.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import type { ProgrammeItem } from "../domain/Gathering.js"
import { GatheringId, ThemeId, VotingRoundId } from "../domain/Ids.js"
import { ensure } from "../internal/lifecycle.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import * as Texts from "../texts/index.js"
import type { EntryProblem } from "./Acting.js"
import { InvalidState } from "./Errors.js"
import { step } from "./GatheringSupport.js"
import { applyProgramme, programmeOf } from "./ProgrammeSupport.js"
import { authorize, begin, commit, input, required } from "./Runner.js"

/**
 * The input of {@link changeProgramme}: the gathering, and the new programme either from a
 * closed vote (`votingRoundId`) or as themes in order (`themeIds`, each with the time the theme
 * needs unless `minutes` gives it).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const change: typeof Services.Programme.ChangeProgramme.Encoded = {
 *   gatheringId: "gathering-0001",
 *   themes: [{ themeId: "theme-0003" }, { themeId: "theme-0007", minutes: 45 }]
 * }
 * const program = Services.Programme.changeProgramme(team, change)
 * ```
 * @since 0.1.0
 */
export const ChangeProgramme = Schema.Struct({
  gatheringId: GatheringId,
  votingRoundId: Schema.optionalWith(VotingRoundId, { exact: true }),
  themes: Schema.optionalWith(
    Schema.Array(
      Schema.Struct({
        themeId: ThemeId,
        minutes: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 1440)), { exact: true })
      })
    ),
    { exact: true }
  )
}).annotations({ identifier: "ChangeProgramme" })

/**
 * Changes the programme of a gathering on purpose, also after the invitations are out: every
 * invitee is then sent the updated invitation (same UID, SEQUENCE + 1), and themes that leave the
 * programme go back to the backlog. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * // The programme of the second vote replaces the one the invitations carried.
 * const program = Services.Programme.changeProgramme(team, { gatheringId: "gathering-0001", votingRoundId: "vote-0002" })
 * ```
 * @since 0.1.0
 */
export const changeProgramme = Effect.fn("Programme.changeProgramme")(function* (
  actor: unknown,
  value: typeof ChangeProgramme.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(ChangeProgramme, "programme")(value)
  yield* authorize(session, "programme.change", { _tag: "Community", communityId: session.actor.communityId })
  if ((request.votingRoundId === undefined) === (request.themes === undefined))
    return yield* Effect.fail(
      new InvalidState({
        subject: "the programme",
        problem: request.votingRoundId === undefined ? "is not given" : "is given twice (votingRoundId and themes)",
        hint: "give either votingRoundId (a closed vote) or themes (in order)",
        nl: {
          subject: "het programma",
          problem:
            request.votingRoundId === undefined ? "is niet gegeven" : "is twee keer gegeven (votingRoundId en themes)",
          hint: "geef óf votingRoundId (een gesloten stemronde) óf themes (op volgorde)"
        }
      })
    )
  const gathering = yield* required(session, Kinds.Gatherings, request.gatheringId, "gatheringId")
  yield* step(gathering.value, "changeProgramme", session.now)
  let programme: ReadonlyArray<ProgrammeItem>
  if (request.votingRoundId !== undefined) {
    const round = yield* required(session, Kinds.VotingRounds, request.votingRoundId, "votingRoundId")
    const chosen = programmeOf(round.value)
    yield* ensure("programmeFromVote", round.value)
    if (chosen === undefined)
      return yield* Effect.fail(
        new InvalidState({
          subject: `voting round "${round.value.title}" (${round.value.id})`,
          problem: "was closed without a stored result",
          hint: "close the vote first (closeVoting), or give the themes in order",
          nl: {
            subject: `stemronde "${round.value.title}" (${round.value.id})`,
            problem: "is gesloten zonder opgeslagen uitslag",
            hint: "sluit eerst de stemronde (closeVoting), of geef de thema's op volgorde"
          }
        })
      )
    programme = chosen
  } else {
    const themes = yield* Repository.all(session.store, Kinds.Themes)
    const byId = new Map(themes.map((t) => [t.value.id as string, t.value]))
    const items = request.themes ?? []
    const problems = items.flatMap((item, i): ReadonlyArray<EntryProblem> => {
      const path = `themes[${i}]`
      const theme = byId.get(item.themeId)
      if (theme === undefined) return [{ _tag: "UnknownTheme", path, themeId: item.themeId }]
      if (theme.status === "archived" || theme.status === "discussed")
        return [{ _tag: "ThemeNotOpen", path, title: theme.title, status: theme.status }]
      return items.findIndex((other) => other.themeId === item.themeId) < i
        ? [{ _tag: "ThemeTwice", path, title: theme.title }]
        : []
    })
    if (problems.length > 0)
      return yield* Effect.fail(
        new InvalidState({
          subject: "the programme",
          problem: problems.map((p) => Texts.en.reason(p)).join("; "),
          hint: "put backlog or scheduled themes on a programme, each once",
          nl: {
            subject: "het programma",
            problem: problems.map((p) => Texts.nl.reason(p)).join("; "),
            hint: "zet thema's van de voorraadagenda of al ingeplande thema's op een programma, elk één keer"
          }
        })
      )
    programme = items.map((item) => ({
      themeId: item.themeId,
      durationMinutes: item.minutes ?? byId.get(item.themeId)?.durationMinutes ?? 60
    }))
  }
  const change = yield* applyProgramme(session, gathering, programme)
  yield* commit(session, "programme.change", {
    writes: change.writes,
    outbox: change.outbox,
    outboxRemovals: change.outboxRemovals,
    subject: { kind: "gathering", id: gathering.value.id },
    detail: {
      programme: programme.map((p) => p.themeId),
      added: change.added,
      dropped: change.dropped,
      updated: change.updated,
      sequence: change.gathering.sequence
    }
  })
  return {
    gathering: change.gathering,
    added: change.added,
    dropped: change.dropped,
    updated: change.updated
  }
})

/**
 * Names a gathering: the input of {@link getProgramme}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ref: typeof Services.Programme.ProgrammeRef.Encoded = { gatheringId: "gathering-0001" }
 * ```
 * @since 0.1.0
 */
export const ProgrammeRef = Schema.Struct({ gatheringId: GatheringId }).annotations({ identifier: "ProgrammeRef" })

/**
 * A gathering's stored programme with theme titles, and the vote that chose it (its method,
 * every theme's outcome with the explanation, the fairness figures and the summary), from the
 * stored records alone. Everyone in the community may read it.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Effect.map(Services.Programme.getProgramme(ann, { gatheringId: "gathering-0001" }), (p) =>
 *   p.items.map((item) => `${item.title} (${item.durationMinutes} min)`)
 * )
 * ```
 * @since 0.1.0
 */
export const getProgramme = Effect.fn("Programme.getProgramme")(function* (
  actor: unknown,
  value: typeof ProgrammeRef.Encoded
) {
  const session = yield* begin(actor)
  const { gatheringId } = yield* input(ProgrammeRef, "gathering")(value)
  yield* authorize(session, "voting.results", { _tag: "Community", communityId: session.actor.communityId })
  const gathering = yield* required(session, Kinds.Gatherings, gatheringId, "gatheringId")
  const [themes, rounds] = yield* Effect.all([
    Repository.all(session.store, Kinds.Themes),
    Repository.all(session.store, Kinds.VotingRounds)
  ])
  const titles = new Map(themes.map((t) => [t.value.id as string, t.value.title]))
  // The vote that set the programme: the latest closed round whose result names the gathering.
  const round = rounds
    .map((r) => r.value)
    .filter((r) => r.status === "closed" && r.result?.gatheringId === gatheringId)
    .sort((a, b) => (a.result?.closedAt.epochMillis ?? 0) - (b.result?.closedAt.epochMillis ?? 0))
    .at(-1)
  return {
    gathering: gathering.value,
    items: gathering.value.programme.map((p) => ({
      themeId: p.themeId,
      title: titles.get(p.themeId) ?? p.themeId,
      durationMinutes: p.durationMinutes
    })),
    /** The vote behind the programme, or null when it was set by hand (changeProgramme with themes). */
    vote:
      round?.result === undefined
        ? null
        : {
            votingRoundId: round.id,
            title: round.title,
            result: round.result,
            outcomes: round.result.outcomes.map((o) => ({ ...o, title: titles.get(o.themeId) ?? o.themeId }))
          }
  }
})
