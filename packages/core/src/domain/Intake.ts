/**
 * Intakes: the personal conversation with every (new) member.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { oneOf } from "../internal/literals.js"
import { ZonedDateTime } from "./DateTimes.js"
import { DurationMinutes } from "./Duration.js"
import { CommunityId, FacilitatorId, IntakeId, MemberId } from "./Ids.js"
import { FreeText, Interest } from "./Text.js"

/**
 * Where an intake stands: `planned`, `held` or `cancelled`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // A list screen filtered by ?status=…; an unknown value is rejected with the values allowed.
 * declare const url: URL
 * declare const intakes: ReadonlyArray<Domain.Intake>
 * const status = Schema.decodeUnknownSync(Domain.IntakeStatus)(url.searchParams.get("status"))
 * const shown = intakes.filter((i) => i.status === status)
 * ```
 * @since 0.1.0
 */
export const IntakeStatus = oneOf("IntakeStatus", "planned", "held", "cancelled")
/** @since 0.1.0 */
export type IntakeStatus = typeof IntakeStatus.Type

/**
 * A conversation between a member and a facilitator. Its notes are confidential to the programme
 * team and kept `Redacted`; the interests it captures feed groups and agenda.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const intake = Schema.decodeUnknownSync(Domain.Intake)({
 *   id: "i-001",
 *   communityId: "rijk",
 *   memberId: "m-001",
 *   facilitatorId: "f-01",
 *   status: "planned",
 *   startsAt: "2027-01-12T10:00:00.000+01:00[Europe/Amsterdam]",
 *   durationMinutes: 60,
 *   interests: []
 * })
 * ```
 * @since 0.1.0
 */
export class Intake extends Schema.Class<Intake>("Intake")({
  id: IntakeId,
  communityId: CommunityId,
  memberId: MemberId,
  facilitatorId: FacilitatorId,
  status: IntakeStatus,
  startsAt: ZonedDateTime,
  durationMinutes: DurationMinutes,
  /** The interests the member named in the conversation. */
  interests: Schema.Array(Interest),
  /** Confidential notes, readable by the programme team only. */
  notes: Schema.optionalWith(Schema.Redacted(FreeText), { exact: true })
}) {}
