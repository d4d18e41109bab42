/**
 * Moments in time on the boundary of the library: ISO strings decoded to Effect `DateTime`s.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import { startsWithRealDate } from "../internal/calendar.js"

// Zones the property tests draw from: the community's own, its neighbours, UTC, and a Caribbean
// part of the Kingdom. Historic local-mean-time offsets (before 1970) have seconds that ISO 8601
// offsets cannot carry, so generated moments stay within 1970–2200.
const ZONES = ["Europe/Amsterdam", "UTC", "Europe/London", "Europe/Brussels", "America/Curacao"] as const
const MIN_MS = 0
const MAX_MS = Date.UTC(2200, 0, 1)

// The platform's parser reads 2027-02-30 as 2 March: the date part must be a real day first.
const RealDateText = Schema.String.pipe(Schema.filter(startsWithRealDate))

/**
 * A moment with its time zone, written as an ISO string with offset and zone,
 * e.g. `2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]`. Used for everything that happens at a
 * local time (meetings, intakes, poll slots), so that daylight saving is never guessed.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const start = Schema.decodeUnknownSync(Domain.ZonedDateTime)("2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]")
 * ```
 * @since 0.1.0
 */
export const ZonedDateTime = Schema.compose(RealDateText, Schema.DateTimeZoned).annotations({
  identifier: "ZonedDateTime",
  message: (issue) => ({
    message: `expected a date and time with its zone, e.g. "2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]", got ${JSON.stringify(issue.actual)}`,
    override: true
  }),
  arbitrary: () => (fc) =>
    fc
      .tuple(fc.integer({ min: MIN_MS, max: MAX_MS }), fc.constantFrom(...ZONES))
      .map(([ms, timeZone]) => DateTime.unsafeMakeZoned(ms, { timeZone }))
})
/** @since 0.1.0 */
export type ZonedDateTime = typeof ZonedDateTime.Type

/**
 * A moment in UTC, written as an ISO string, e.g. `2027-01-05T10:12:00.000Z`. Used for when
 * something was recorded (ballots cast, records created).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const castAt = Schema.decodeUnknownSync(Domain.Timestamp)("2027-01-05T10:12:00.000Z")
 * ```
 * @since 0.1.0
 */
export const Timestamp = Schema.compose(RealDateText, Schema.DateTimeUtc).annotations({
  identifier: "Timestamp",
  message: (issue) => ({
    message: `expected an ISO date and time in UTC, e.g. "2027-01-05T10:12:00.000Z", got ${JSON.stringify(issue.actual)}`,
    override: true
  }),
  arbitrary: () => (fc) => fc.integer({ min: MIN_MS, max: MAX_MS }).map((ms) => DateTime.unsafeMake(ms))
})
/** @since 0.1.0 */
export type Timestamp = typeof Timestamp.Type
