/**
 * Learning groups: members who learn together around concrete questions for a round.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { duplicatesIn } from "../internal/duplicates.js"
import { repairArbitrary, uniqueBy } from "../internal/repairArbitrary.js"
import { Timestamp } from "./DateTimes.js"
import { CommunityId, FacilitatorId, LearningGroupId, MemberId, RoundId } from "./Ids.js"
import { Title } from "./Text.js"

const GroupFields = Schema.Struct({
  id: LearningGroupId,
  communityId: CommunityId,
  roundId: RoundId,
  name: Title,
  memberIds: Schema.Array(MemberId),
  facilitatorId: Schema.optionalWith(FacilitatorId, { exact: true }),
  formedAt: Timestamp
}).pipe(
  Schema.filter((group) =>
    duplicatesIn(
      group.memberIds,
      (id) => id,
      ["memberIds"],
      (id) => `member ${id} is listed twice`
    )
  )
)

/**
 * A learning group of a round, with its members and (once assigned) its facilitator. Each member
 * is listed once.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const group = Schema.decodeUnknownSync(Domain.LearningGroup)({
 *   id: "g-2027-1",
 *   communityId: "rijk",
 *   roundId: "r-2027",
 *   name: "Leergroep 1",
 *   memberIds: ["m-001", "m-002", "m-003", "m-004", "m-005"],
 *   facilitatorId: "f-01",
 *   formedAt: "2026-12-01T09:00:00.000Z"
 * })
 * ```
 * @since 0.1.0
 */
export class LearningGroup extends Schema.Class<LearningGroup>("LearningGroup")(
  GroupFields.annotations({
    arbitrary: repairArbitrary<typeof GroupFields.Type>((g) => ({ ...g, memberIds: uniqueBy(g.memberIds, (id) => id) }))
  })
) {}
