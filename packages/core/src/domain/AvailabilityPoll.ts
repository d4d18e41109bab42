/**
 * Availability polls (Doodle-style): which candidate dates people can make.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { duplicatesIn } from "../internal/duplicates.js"
import { oneOf } from "../internal/literals.js"
import { repairArbitrary, uniqueBy } from "../internal/repairArbitrary.js"
import { Timestamp, ZonedDateTime } from "./DateTimes.js"
import { DurationMinutes } from "./Duration.js"
import { AvailabilityPollId, CommunityId, GatheringId, MemberId, PollResponseId, SlotId } from "./Ids.js"
import { Title } from "./Text.js"

/**
 * One candidate date and time in a poll.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const slot = Schema.decodeUnknownSync(Domain.PollSlot)({
 *   id: "slot-1",
 *   startsAt: "2027-03-18T14:00:00+01:00[Europe/Amsterdam]",
 *   durationMinutes: 180
 * })
 * ```
 * @since 0.1.0
 */
export const PollSlot = Schema.Struct({
  id: SlotId,
  startsAt: ZonedDateTime,
  durationMinutes: DurationMinutes
}).annotations({ identifier: "PollSlot" })
/** @since 0.1.0 */
export type PollSlot = typeof PollSlot.Type

/**
 * Where a poll stands: `open` for answers, or `closed` (with the slot decided, if any).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const poll: Domain.AvailabilityPoll
 * const canAnswer = poll.status === "open"
 * // A status from a form or an export, checked before it is compared or stored.
 * declare const reported: unknown
 * const status = Schema.decodeUnknownSync(Domain.PollStatus)(reported)
 * ```
 * @since 0.1.0
 */
export const PollStatus = oneOf("PollStatus", "open", "closed")
/** @since 0.1.0 */
export type PollStatus = typeof PollStatus.Type

const PollFields = Schema.Struct({
  id: AvailabilityPollId,
  communityId: CommunityId,
  title: Title,
  gatheringId: Schema.optionalWith(GatheringId, { exact: true }),
  slots: Schema.NonEmptyArray(PollSlot),
  /** People without whom the meeting cannot take place. */
  requiredMemberIds: Schema.Array(MemberId),
  status: PollStatus,
  decidedSlotId: Schema.optionalWith(SlotId, { exact: true })
}).pipe(
  Schema.filter((poll) => [
    ...duplicatesIn(
      poll.slots,
      (s) => s.id,
      ["slots"],
      (id) => `slot ${id} is in the poll twice`
    ),
    ...duplicatesIn(
      poll.requiredMemberIds,
      (id) => id,
      ["requiredMemberIds"],
      (id) => `member ${id} is listed twice`
    ),
    ...(poll.decidedSlotId !== undefined && !poll.slots.some((s) => s.id === poll.decidedSlotId)
      ? [{ path: ["decidedSlotId"], message: `slot ${poll.decidedSlotId} is not one of the poll's slots` }]
      : [])
  ])
)

/**
 * A poll on candidate dates for a gathering or a learning-group session.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const poll = Schema.decodeUnknownSync(Domain.AvailabilityPoll)({
 *   id: "p-2027-q1",
 *   communityId: "rijk",
 *   title: "Datum voorjaarsbijeenkomst",
 *   slots: [{ id: "s1", startsAt: "2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]", durationMinutes: 240 }],
 *   requiredMemberIds: [],
 *   status: "open"
 * })
 * ```
 * @since 0.1.0
 */
export class AvailabilityPoll extends Schema.Class<AvailabilityPoll>("AvailabilityPoll")(
  PollFields.annotations({
    arbitrary: repairArbitrary<typeof PollFields.Type>((poll) => {
      const [first, ...rest] = poll.slots
      const slots: typeof poll.slots = [first, ...uniqueBy(rest, (s) => s.id).filter((s) => s.id !== first.id)]
      const { decidedSlotId, ...withoutDecision } = poll
      return {
        ...withoutDecision,
        slots,
        requiredMemberIds: uniqueBy(poll.requiredMemberIds, (id) => id),
        ...(decidedSlotId !== undefined && slots.some((s) => s.id === decidedSlotId) ? { decidedSlotId } : {})
      }
    })
  })
) {}

/**
 * An answer to one slot: `yes`, `if-need-be` ("als het moet") or `no`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a form field: "yes", "if-need-be" or "no"; anything else is rejected with a message.
 * const answer = Schema.decodeUnknownSync(Domain.AvailabilityAnswer)("if-need-be")
 * ```
 * @since 0.1.0
 */
export const AvailabilityAnswer = oneOf("AvailabilityAnswer", "yes", "if-need-be", "no")
/** @since 0.1.0 */
export type AvailabilityAnswer = typeof AvailabilityAnswer.Type

const ResponseFields = Schema.Struct({
  id: PollResponseId,
  communityId: CommunityId,
  pollId: AvailabilityPollId,
  memberId: MemberId,
  answers: Schema.Array(Schema.Struct({ slotId: SlotId, answer: AvailabilityAnswer })),
  respondedAt: Timestamp
}).pipe(
  Schema.filter((r) =>
    duplicatesIn(
      r.answers,
      (a) => a.slotId,
      ["answers"],
      (id) => `slot ${id} is answered twice`
    )
  )
)

/**
 * One person's answers to a poll. A slot left out counts as `no`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const response = Schema.decodeUnknownSync(Domain.PollResponse)({
 *   id: "pr-001",
 *   communityId: "rijk",
 *   pollId: "p-2027-q1",
 *   memberId: "m-001",
 *   answers: [{ slotId: "s1", answer: "if-need-be" }],
 *   respondedAt: "2027-01-10T08:00:00.000Z"
 * })
 * ```
 * @since 0.1.0
 */
export class PollResponse extends Schema.Class<PollResponse>("PollResponse")(
  ResponseFields.annotations({
    arbitrary: repairArbitrary<typeof ResponseFields.Type>((r) => ({
      ...r,
      answers: uniqueBy(r.answers, (a) => a.slotId)
    }))
  })
) {}
