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
  gatheringId: Schema.optionalWith(GatheringId, { exact: true })
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
