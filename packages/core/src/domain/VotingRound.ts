/**
 * Voting rounds: members vote on backlog themes for a coming gathering.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { duplicatesIn } from "../internal/duplicates.js"
import { oneOf } from "../internal/literals.js"
import { repairArbitrary, uniqueBy } from "../internal/repairArbitrary.js"
import { Timestamp } from "./DateTimes.js"
import { CommunityId, GatheringId, ThemeId, VotingRoundId } from "./Ids.js"
import { Title } from "./Text.js"

/**
 * The kind of ballot a voting round collects, with its limits:
 * - `approval`: tick the themes you want (at most `maxApprovals`, if given);
 * - `dots`: spread at most `dotsPerMember` dots over the themes;
 * - `scores`: give each theme a whole score from `minScore` to `maxScore` (e.g. 0–5);
 * - `ranking`: order the themes, most wanted first (a partial ranking is allowed).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // Five dots per member, to spread over the themes as they like.
 * const dots = Schema.decodeUnknownSync(Domain.BallotFormat)({ _tag: "dots", dotsPerMember: 5 })
 * const approval: Domain.BallotFormat = { _tag: "approval", maxApprovals: 3 }
 * ```
 * @since 0.1.0
 */
export const BallotFormat = Schema.Union(
  Schema.TaggedStruct("approval", {
    maxApprovals: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { exact: true })
  }),
  Schema.TaggedStruct("dots", { dotsPerMember: Schema.Int.pipe(Schema.between(1, 1000)) }),
  Schema.TaggedStruct("scores", {
    minScore: Schema.Int.pipe(Schema.between(-100, 100)),
    maxScore: Schema.Int.pipe(Schema.between(-100, 100))
  }).pipe(
    Schema.filter((f) =>
      f.maxScore <= f.minScore
        ? { path: ["maxScore"], message: `expected maxScore above minScore (${f.minScore}), got ${f.maxScore}` }
        : undefined
    )
  ),
  Schema.TaggedStruct("ranking", {})
).annotations({ identifier: "BallotFormat" })
/** @since 0.1.0 */
export type BallotFormat = typeof BallotFormat.Type

/**
 * Where a voting round stands: `open` for ballots, or `closed`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const round: Domain.VotingRound
 * const acceptsBallots = round.status === "open"
 * // A status from a form or an export, checked before it is compared or stored.
 * declare const reported: unknown
 * const status = Schema.decodeUnknownSync(Domain.VotingRoundStatus)(reported)
 * ```
 * @since 0.1.0
 */
export const VotingRoundStatus = oneOf("VotingRoundStatus", "open", "closed")
/** @since 0.1.0 */
export type VotingRoundStatus = typeof VotingRoundStatus.Type

/**
 * How one theme fared in a closed vote: its place, support, whether it made the programme, and
 * the engine's explanation.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const round: Domain.VotingRound
 * const chosen = (round.result?.outcomes ?? []).filter((o: Domain.ThemeOutcome) => o.inProgramme)
 * ```
 * @since 0.1.0
 */
export const ThemeOutcome = Schema.Struct({
  themeId: ThemeId,
  inProgramme: Schema.Boolean,
  place: Schema.Int.pipe(Schema.positive()),
  durationMinutes: Schema.Int.pipe(Schema.nonNegative()),
  support: Schema.Finite,
  supporters: Schema.Int.pipe(Schema.nonNegative()),
  explanation: Schema.String
}).annotations({ identifier: "ThemeOutcome" })
/** @since 0.1.0 */
export type ThemeOutcome = typeof ThemeOutcome.Type

/**
 * The result of a closed vote as stored when it closed: the method, the time budget and what the
 * programme uses, every theme's outcome (the programme first, in order), the fairness figures and
 * the summary for the room, so a report needs no saved output.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const round: Domain.VotingRound
 * const share = round.result?.fairness.shareWithAtLeastOne ?? 0
 * ```
 * @since 0.1.0
 */
export const VoteResult = Schema.Struct({
  closedAt: Timestamp,
  method: Schema.String,
  budgetMinutes: Schema.Int.pipe(Schema.nonNegative()),
  usedMinutes: Schema.Int.pipe(Schema.nonNegative()),
  ballots: Schema.Int.pipe(Schema.nonNegative()),
  /** The gathering whose programme the vote set, if any. */
  gatheringId: Schema.optionalWith(GatheringId, { exact: true }),
  outcomes: Schema.Array(ThemeOutcome),
  fairness: Schema.Struct({
    voters: Schema.Int.pipe(Schema.nonNegative()),
    withAtLeastOne: Schema.Int.pipe(Schema.nonNegative()),
    shareWithAtLeastOne: Schema.Finite
  }),
  summary: Schema.String
}).annotations({ identifier: "VoteResult" })
/** @since 0.1.0 */
export type VoteResult = typeof VoteResult.Type

const VotingRoundFields = Schema.Struct({
  id: VotingRoundId,
  communityId: CommunityId,
  title: Title,
  /** The themes on the ballot. */
  themeIds: Schema.NonEmptyArray(ThemeId),
  format: BallotFormat,
  status: VotingRoundStatus,
  opensAt: Timestamp,
  closesAt: Timestamp,
  /** The gathering whose programme this round decides, if any. */
  gatheringId: Schema.optionalWith(GatheringId, { exact: true }),
  /** The result, stored when the round is closed (absent on rounds closed before results were stored). */
  result: Schema.optionalWith(VoteResult, { exact: true })
}).pipe(
  Schema.filter((round) => [
    ...duplicatesIn(
      round.themeIds,
      (id) => id,
      ["themeIds"],
      (id) => `theme ${id} is on the ballot twice`
    ),
    ...(round.closesAt.epochMillis < round.opensAt.epochMillis
      ? [{ path: ["closesAt"], message: "expected closesAt on or after opensAt" }]
      : [])
  ])
)

/**
 * A vote of the community on a set of backlog themes.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const round = Schema.decodeUnknownSync(Domain.VotingRound)({
 *   id: "v-2027-q1",
 *   communityId: "rijk",
 *   title: "Programma voorjaarsbijeenkomst",
 *   themeIds: ["t-sabotage", "t-woo"],
 *   format: { _tag: "dots", dotsPerMember: 5 },
 *   status: "open",
 *   opensAt: "2027-01-04T08:00:00.000Z",
 *   closesAt: "2027-01-18T17:00:00.000Z"
 * })
 * ```
 * @since 0.1.0
 */
export class VotingRound extends Schema.Class<VotingRound>("VotingRound")(
  VotingRoundFields.annotations({
    arbitrary: repairArbitrary<typeof VotingRoundFields.Type>((r) => {
      const [first, ...rest] = r.themeIds
      const themeIds: typeof r.themeIds = [first, ...uniqueBy(rest, (id) => id).filter((id) => id !== first)]
      return r.closesAt.epochMillis < r.opensAt.epochMillis
        ? { ...r, themeIds, opensAt: r.closesAt, closesAt: r.opensAt }
        : { ...r, themeIds }
    })
  })
) {}
