/**
 * Members of the community: the programme directors.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { oneOf } from "../internal/literals.js"
import { CalendarDate } from "./CalendarDate.js"
import { Timestamp } from "./DateTimes.js"
import { Email } from "./Email.js"
import { CommunityId, MemberId } from "./Ids.js"
import { Language } from "./Language.js"
import { Interest, OrganisationName, PersonName, Title } from "./Text.js"

/**
 * Where a member stands in the community: `invited` (not yet met), `intake-planned`, `active`,
 * `paused` (temporarily out of groups and polls) or `left`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // A list screen filtered by ?status=…; an unknown value is rejected with the values allowed.
 * declare const url: URL
 * declare const members: ReadonlyArray<Domain.Member>
 * const status = Schema.decodeUnknownSync(Domain.MemberStatus)(url.searchParams.get("status"))
 * const shown = members.filter((m) => m.status === status)
 * ```
 * @since 0.1.0
 */
export const MemberStatus = oneOf("MemberStatus", "invited", "intake-planned", "active", "paused", "left")
/** @since 0.1.0 */
export type MemberStatus = typeof MemberStatus.Type

/**
 * A day of the week, Monday first as in the Netherlands.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const weekdays = Schema.decodeUnknownSync(Schema.Array(Domain.Weekday))(["tuesday", "thursday"])
 * ```
 * @since 0.1.0
 */
export const Weekday = oneOf("Weekday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
/** @since 0.1.0 */
export type Weekday = typeof Weekday.Type

/**
 * A part of the day in which a meeting can take place.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const member: Domain.Member
 * const canInTheAfternoon = member.availability?.partsOfDay.includes("afternoon") ?? false
 * ```
 * @since 0.1.0
 */
export const PartOfDay = oneOf("PartOfDay", "morning", "afternoon", "evening")
/** @since 0.1.0 */
export type PartOfDay = typeof PartOfDay.Type

/**
 * A member's usual availability: the weekdays and parts of the day they can usually meet, and
 * dates they already know they cannot.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const availability = Schema.decodeUnknownSync(Domain.Availability)({
 *   weekdays: ["tuesday", "thursday"],
 *   partsOfDay: ["afternoon"],
 *   unavailableOn: ["2027-02-18"]
 * })
 * ```
 * @since 0.1.0
 */
export const Availability = Schema.Struct({
  weekdays: Schema.Array(Weekday),
  partsOfDay: Schema.Array(PartOfDay),
  unavailableOn: Schema.Array(CalendarDate)
}).annotations({ identifier: "Availability" })
/** @since 0.1.0 */
export type Availability = typeof Availability.Type

/**
 * A programme director in the community. The e-mail address is personal data and is kept
 * `Redacted`: it prints as `<redacted>` and must be read with `Redacted.value`.
 *
 * @example
 * ```ts
 * import { Redacted, Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const member = Schema.decodeUnknownSync(Domain.Member)({
 *   id: "m-001",
 *   communityId: "rijk",
 *   name: "IJsbrand de Vries",
 *   email: "ijsbrand.devries@minbzk.nl",
 *   organisation: "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
 *   programme: "Renovatie Binnenhof",
 *   interests: ["omgaan met sabotage"],
 *   preferredLanguage: "nl",
 *   status: "active",
 *   joinedOn: "2026-02-01"
 * })
 * Redacted.value(member.email) // "ijsbrand.devries@minbzk.nl"
 * ```
 * @since 0.1.0
 */
export class Member extends Schema.Class<Member>("Member")({
  id: MemberId,
  communityId: CommunityId,
  name: PersonName,
  email: Schema.Redacted(Email),
  /** The ministry or agency the member works for. */
  organisation: OrganisationName,
  /** The programme the member leads, e.g. "Renovatie Binnenhof". */
  programme: Title,
  interests: Schema.Array(Interest),
  preferredLanguage: Language,
  status: MemberStatus,
  joinedOn: CalendarDate,
  availability: Schema.optionalWith(Availability, { exact: true }),
  /** When the member's personal data were erased on request (AVG art. 17). Since 0.2.0. */
  erasedAt: Schema.optionalWith(Timestamp, { exact: true })
}) {}
