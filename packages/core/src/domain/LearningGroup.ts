/**
 * Learning groups: members who learn together around concrete questions for a round.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { duplicatesIn } from "../internal/duplicates.js"
import { repairArbitrary, uniqueBy } from "../internal/repairArbitrary.js"
import { Timestamp, ZonedDateTime } from "./DateTimes.js"
import { DurationMinutes } from "./Duration.js"
import { CommunityId, FacilitatorId, LearningGroupId, MemberId, RoundId } from "./Ids.js"
import { Title } from "./Text.js"

/**
 * Why a member was placed in their group, as facts (ids and counts, never names, so erasing a
 * member needs no change here): the interest they share with most of the group and with how
 * many, how many organisations the group spans, and whom they were grouped with before. Read
 * use cases turn them into a sentence in the reader's language.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const reason = Schema.decodeUnknownSync(Domain.PlacementReason)({
 *   memberId: "m-001",
 *   sharedInterest: "Woo",
 *   sharedWith: 3,
 *   organisations: 5,
 *   metBefore: []
 * })
 * ```
 * @since 0.1.0
 */
export const PlacementReason = Schema.Struct({
  memberId: MemberId,
  sharedInterest: Schema.optionalWith(Schema.String.pipe(Schema.maxLength(200)), { exact: true }),
  sharedWith: Schema.Int.pipe(Schema.nonNegative()),
  organisations: Schema.Int.pipe(Schema.nonNegative()),
  metBefore: Schema.Array(MemberId)
}).annotations({ identifier: "PlacementReason" })
/** @since 0.1.0 */
export type PlacementReason = typeof PlacementReason.Type

/**
 * One planned session of a learning group.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const session = Schema.decodeUnknownSync(Domain.GroupSession)({
 *   number: 1,
 *   startsAt: "2027-02-09T14:00:00.000+01:00[Europe/Amsterdam]",
 *   durationMinutes: 180
 * })
 * ```
 * @since 0.1.0
 */
export const GroupSession = Schema.Struct({
  number: Schema.Int.pipe(Schema.positive()),
  startsAt: ZonedDateTime,
  durationMinutes: DurationMinutes
}).annotations({ identifier: "GroupSession" })
/** @since 0.1.0 */
export type GroupSession = typeof GroupSession.Type

const GroupFields = Schema.Struct({
  id: LearningGroupId,
  communityId: CommunityId,
  roundId: RoundId,
  name: Title,
  memberIds: Schema.Array(MemberId),
  facilitatorId: Schema.optionalWith(FacilitatorId, { exact: true }),
  formedAt: Timestamp,
  /** Why each member is in the group, stored when the groups are formed (absent on older records). */
  reasons: Schema.optionalWith(Schema.Array(PlacementReason), { exact: true }),
  /** The group's planned sessions, oldest first, once a timetable is made. */
  sessions: Schema.optionalWith(Schema.Array(GroupSession), { exact: true }),
  /** The calendar SEQUENCE of the session series: raised each time the timetable is sent again. */
  sessionsSequence: Schema.optionalWith(Schema.Int.pipe(Schema.nonNegative()), { exact: true })
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
