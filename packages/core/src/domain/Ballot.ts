/**
 * Ballots: one member's vote in a voting round.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { duplicatesIn } from "../internal/duplicates.js"
import { Timestamp } from "./DateTimes.js"
import { BallotId, CommunityId, MemberId, ThemeId, VotingRoundId } from "./Ids.js"

const themeTwice = (id: string) => `theme ${id} appears twice on the ballot`

/**
 * What a member filled in. The kind must match the voting round's {@link BallotFormat}; whether the
 * themes are on the round and the limits hold is checked against the round by the agenda engine.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const themeIds: ReadonlyArray<Domain.ThemeId>
 * const approval: Domain.BallotContent = { _tag: "approval", themeIds }
 * const ranking = Schema.decodeUnknownSync(Domain.BallotContent)({ _tag: "ranking", ranking: ["t-3", "t-1"] })
 * ```
 * @since 0.1.0
 */
export const BallotContent = Schema.Union(
  Schema.TaggedStruct("approval", { themeIds: Schema.Array(ThemeId) }).pipe(
    Schema.filter((b) => duplicatesIn(b.themeIds, (id) => id, ["themeIds"], themeTwice))
  ),
  Schema.TaggedStruct("dots", {
    dots: Schema.Array(Schema.Struct({ themeId: ThemeId, dots: Schema.Int.pipe(Schema.positive()) }))
  }).pipe(Schema.filter((b) => duplicatesIn(b.dots, (d) => d.themeId, ["dots"], themeTwice))),
  Schema.TaggedStruct("scores", {
    scores: Schema.Array(Schema.Struct({ themeId: ThemeId, score: Schema.Int }))
  }).pipe(Schema.filter((b) => duplicatesIn(b.scores, (s) => s.themeId, ["scores"], themeTwice))),
  Schema.TaggedStruct("ranking", {
    /** Most wanted first; themes left out are ranked below all listed ones. */
    ranking: Schema.Array(ThemeId)
  }).pipe(Schema.filter((b) => duplicatesIn(b.ranking, (id) => id, ["ranking"], themeTwice)))
).annotations({ identifier: "BallotContent" })
/** @since 0.1.0 */
export type BallotContent = typeof BallotContent.Type

/**
 * One member's ballot in a voting round. A new ballot of the same member replaces the old one.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const ballot = Schema.decodeUnknownSync(Domain.Ballot)({
 *   id: "b-001",
 *   communityId: "rijk",
 *   votingRoundId: "v-2027-q1",
 *   memberId: "m-001",
 *   castAt: "2027-01-05T10:12:00.000Z",
 *   content: { _tag: "approval", themeIds: ["t-sabotage", "t-woo"] }
 * })
 * ```
 * @since 0.1.0
 */
export class Ballot extends Schema.Class<Ballot>("Ballot")({
  id: BallotId,
  communityId: CommunityId,
  votingRoundId: VotingRoundId,
  memberId: MemberId,
  castAt: Timestamp,
  content: BallotContent
}) {}
