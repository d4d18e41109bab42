/**
 * A member's fairness account of one closed vote, as the carried agenda methods keep it: what the
 * member was owed and what they got, and the balance carried into the next vote
 * ({@link Agenda.Carried.MemberRecord} with its community and round). Decision record 0027.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { CommunityId, FairnessRecordId, MemberId, VotingRoundId } from "./Ids.js"

const Minutes = Schema.Number.pipe(Schema.finite())

/**
 * One member's account of one closed vote under a carried method.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const record = Schema.decodeUnknownSync(Domain.FairnessRecord)({
 *   id: "vote-0002:m-001", communityId: "rijk", votingRoundId: "vote-0002", memberId: "m-001",
 *   meeting: 2, method: "perpetual-phragmen", decay: 0.75, voted: true, fairShareMinutes: 1.8,
 *   carriedInMinutes: 1.35, owedMinutes: 3.15, gotMinutes: 0, supportedMinutes: 0, balanceMinutes: 2.3625
 * })
 * ```
 * @since 0.2.0
 */
export class FairnessRecord extends Schema.Class<FairnessRecord>("FairnessRecord")({
  id: FairnessRecordId,
  communityId: CommunityId,
  votingRoundId: VotingRoundId,
  memberId: MemberId,
  /** The place of the vote in the community's sequence of carried votes, from 1. */
  meeting: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
  method: Schema.Literal("perpetual-phragmen", "equal-shares-carried"),
  decay: Schema.Number.pipe(Schema.between(0, 1)),
  voted: Schema.Boolean,
  fairShareMinutes: Minutes,
  carriedInMinutes: Minutes,
  owedMinutes: Minutes,
  gotMinutes: Minutes,
  supportedMinutes: Minutes,
  balanceMinutes: Minutes
}) {}
