/**
 * Gatherings: the quarterly community meeting.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { duplicatesIn } from "../internal/duplicates.js"
import { oneOf } from "../internal/literals.js"
import { repairArbitrary, uniqueBy } from "../internal/repairArbitrary.js"
import { Timestamp, ZonedDateTime } from "./DateTimes.js"
import { DurationMinutes } from "./Duration.js"
import { CommunityId, GatheringId, MemberId, ThemeId } from "./Ids.js"
import { Quarter } from "./Quarter.js"
import { FreeText, Title } from "./Text.js"

/**
 * The place of a gathering and how many people it holds.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const venue = Schema.decodeUnknownSync(Domain.Venue)({
 *   name: "Rijksoverheidsgebouw De Knoop",
 *   address: "Croeselaan 10, Utrecht",
 *   capacity: 120
 * })
 * ```
 * @since 0.1.0
 */
export const Venue = Schema.Struct({
  name: Title,
  address: Schema.optionalWith(FreeText, { exact: true }),
  capacity: Schema.Int.pipe(Schema.between(1, 100_000))
}).annotations({ identifier: "Venue" })
/** @since 0.1.0 */
export type Venue = typeof Venue.Type

/**
 * One item of a gathering's programme: a theme and the minutes it gets.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const gathering: Domain.Gathering
 * const plannedMinutes = gathering.programme.reduce(
 *   (sum: number, item: Domain.ProgrammeItem) => sum + item.durationMinutes,
 *   0
 * )
 * ```
 * @since 0.1.0
 */
export const ProgrammeItem = Schema.Struct({
  themeId: ThemeId,
  durationMinutes: DurationMinutes
}).annotations({ identifier: "ProgrammeItem" })
/** @since 0.1.0 */
export type ProgrammeItem = typeof ProgrammeItem.Type

/**
 * A member's answer to an invitation: `yes`, `no` or `maybe` (as calendar clients answer
 * ACCEPTED, DECLINED, TENTATIVE).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From the reply link in an invitation: "yes", "no" or "maybe".
 * const response = Schema.decodeUnknownSync(Domain.RsvpResponse)("maybe")
 * ```
 * @since 0.1.0
 */
export const RsvpResponse = oneOf("RsvpResponse", "yes", "no", "maybe")
/** @since 0.1.0 */
export type RsvpResponse = typeof RsvpResponse.Type

/**
 * A member's latest answer to the invitation of a gathering.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const gathering: Domain.Gathering
 * const coming = gathering.rsvps.filter((rsvp: Domain.Rsvp) => rsvp.response === "yes").length
 * ```
 * @since 0.1.0
 */
export const Rsvp = Schema.Struct({
  memberId: MemberId,
  response: RsvpResponse,
  respondedAt: Timestamp
}).annotations({ identifier: "Rsvp" })
/** @since 0.1.0 */
export type Rsvp = typeof Rsvp.Type

/**
 * Where a gathering stands: `planning` (date and programme being decided), `scheduled`
 * (invitations out), `held` or `cancelled`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // A list screen filtered by ?status=…; an unknown value is rejected with the values allowed.
 * declare const url: URL
 * declare const gatherings: ReadonlyArray<Domain.Gathering>
 * const status = Schema.decodeUnknownSync(Domain.GatheringStatus)(url.searchParams.get("status"))
 * const shown = gatherings.filter((g) => g.status === status)
 * ```
 * @since 0.1.0
 */
export const GatheringStatus = oneOf("GatheringStatus", "planning", "scheduled", "held", "cancelled")
/** @since 0.1.0 */
export type GatheringStatus = typeof GatheringStatus.Type

const GatheringFields = Schema.Struct({
  id: GatheringId,
  communityId: CommunityId,
  title: Title,
  quarter: Quarter,
  status: GatheringStatus,
  /** When the gathering starts, once decided. */
  startsAt: Schema.optionalWith(ZonedDateTime, { exact: true }),
  durationMinutes: DurationMinutes,
  venue: Schema.optionalWith(Venue, { exact: true }),
  programme: Schema.Array(ProgrammeItem),
  rsvps: Schema.Array(Rsvp),
  /** The members who were there, recorded afterwards. */
  attendance: Schema.Array(MemberId),
  /** Raised with every change sent to invitees (the iCalendar SEQUENCE). */
  sequence: Schema.Int.pipe(Schema.nonNegative())
}).pipe(
  Schema.filter((g) => [
    ...duplicatesIn(
      g.programme,
      (p) => p.themeId,
      ["programme"],
      (id) => `theme ${id} is on the programme twice`
    ),
    ...duplicatesIn(
      g.rsvps,
      (r) => r.memberId,
      ["rsvps"],
      (id) => `member ${id} has two answers; keep the latest`
    ),
    ...duplicatesIn(
      g.attendance,
      (id) => id,
      ["attendance"],
      (id) => `member ${id} is listed twice`
    ),
    ...(g.status === "scheduled" && g.startsAt === undefined
      ? [{ path: ["startsAt"], message: "a scheduled gathering needs a start time" }]
      : [])
  ])
)

/**
 * The quarterly meeting of the community: its date, venue, programme, answers and attendance.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const gathering = Schema.decodeUnknownSync(Domain.Gathering)({
 *   id: "q-2027-1",
 *   communityId: "rijk",
 *   title: "Kwartaalbijeenkomst voorjaar 2027",
 *   quarter: "2027-Q1",
 *   status: "scheduled",
 *   startsAt: "2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]",
 *   durationMinutes: 240,
 *   venue: { name: "De Nieuwe Kerk", capacity: 120 },
 *   programme: [{ themeId: "t-sabotage", durationMinutes: 60 }],
 *   rsvps: [],
 *   attendance: [],
 *   sequence: 0
 * })
 * ```
 * @since 0.1.0
 */
export class Gathering extends Schema.Class<Gathering>("Gathering")(
  GatheringFields.annotations({
    arbitrary: repairArbitrary<typeof GatheringFields.Type>((g) => ({
      ...g,
      status: g.status === "scheduled" && g.startsAt === undefined ? "planning" : g.status,
      programme: uniqueBy(g.programme, (p) => p.themeId),
      rsvps: uniqueBy(g.rsvps, (r) => r.memberId),
      attendance: uniqueBy(g.attendance, (id) => id)
    }))
  })
) {}
