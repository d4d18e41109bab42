/**
 * Which days of a period are unsuitable for a gathering, and why: central-government days off,
 * Prinsjesdag, school holidays of the regions that matter, and the community's own blackout dates.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import { CalendarDate } from "../domain/CalendarDate.js"
import { SchedulingInputError } from "../domain/DecodeError.js"
import { reasonsByDay, yearRangeProblems } from "./internal/Calendar.js"
import * as EpochDay from "./internal/EpochDay.js"
import { decodeWith, validateWith } from "./internal/Validation.js"
import { Region, type SchoolHolidaysUnavailable, SchoolYear } from "./SchoolHolidays.js"

const endNotBeforeStart = <A extends { readonly from: string; readonly to: string }>(value: A) =>
  value.to < value.from
    ? { path: ["to"], message: `expected a date on or after from (${value.from}), got ${value.to}` }
    : undefined

/**
 * Days the community keeps free (a recess, the budget weeks, a retreat), first and last day included.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Schema.decodeUnknownSync(Scheduling.UnsuitableDays.Blackout)({ from: "2027-07-01", to: "2027-08-31", reason: "zomerreces" })
 * ```
 * @since 0.1.0
 */
export const Blackout = Schema.Struct({
  from: CalendarDate,
  to: CalendarDate,
  reason: Schema.NonEmptyTrimmedString
}).pipe(Schema.filter(endNotBeforeStart), Schema.annotations({ identifier: "Blackout" }))
/** @since 0.1.0 */
export type Blackout = typeof Blackout.Type

/**
 * The calendar options every scheduling engine shares: the school regions to avoid (none by
 * default), blackout dates, and school years to add to the shipped table.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * // The community's calendar settings, shared by candidate dates, sessions and intakes.
 * const calendar = Schema.decodeUnknownSync(Scheduling.UnsuitableDays.CalendarOptions)({
 *   schoolRegions: ["middle"],
 *   blackouts: [{ from: "2027-07-10", to: "2027-08-22", reason: "zomerreces" }],
 *   avoidPrinsjesdag: true
 * })
 * ```
 * @since 0.1.0
 */
export const CalendarOptions = Schema.Struct({
  schoolRegions: Schema.optionalWith(Schema.Array(Region), { exact: true }),
  blackouts: Schema.optionalWith(Schema.Array(Blackout), { exact: true }),
  schoolYears: Schema.optionalWith(Schema.Array(SchoolYear), { exact: true }),
  /** Also avoid Prinsjesdag (default true). */
  avoidPrinsjesdag: Schema.optionalWith(Schema.Boolean, { exact: true })
}).annotations({ identifier: "CalendarOptions" })
/** @since 0.1.0 */
export type CalendarOptions = typeof CalendarOptions.Type

/**
 * A period and the calendar options: what {@link unsuitableDays} is asked.
 *
 * @example
 * ```ts
 * import { Either, Schema } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * const query = Schema.decodeUnknownSync(Scheduling.UnsuitableDays.Query)({
 *   from: "2027-04-01",
 *   to: "2027-06-30",
 *   schoolRegions: ["south"]
 * })
 * const days = Scheduling.UnsuitableDays.unsuitableDays(query)
 * if (Either.isRight(days)) console.log(days.right.map((d) => d.date))
 * ```
 * @since 0.1.0
 */
export const Query = Schema.extend(Schema.Struct({ from: CalendarDate, to: CalendarDate }), CalendarOptions).pipe(
  Schema.filter(endNotBeforeStart),
  Schema.annotations({ identifier: "UnsuitableDaysQuery" })
)
/** @since 0.1.0 */
export type Query = typeof Query.Type

/**
 * Why a day is unsuitable.
 *
 * @since 0.1.0
 */
export type Reason =
  | { readonly _tag: "DayOff"; readonly ruleId: string; readonly nameNl: string; readonly nameEn: string }
  | { readonly _tag: "Prinsjesdag"; readonly nameNl: string; readonly nameEn: string }
  | {
      readonly _tag: "SchoolHoliday"
      readonly region: Region
      readonly schoolYear: string
      readonly nameNl: string
      readonly nameEn: string
    }
  | { readonly _tag: "Blackout"; readonly reason: string }

/**
 * An unsuitable day and every reason it is.
 *
 * @since 0.1.0
 */
export interface UnsuitableDay {
  readonly date: CalendarDate
  readonly reasons: ReadonlyArray<Reason>
}

const validateQuery = validateWith(Query, "unsuitable days")

/**
 * The unsuitable days of a period (1900–2200) in date order, each with every reason.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * const days = Scheduling.UnsuitableDays.unsuitableDays({
 *   from: Domain.CalendarDate.make("2026-04-01"),
 *   to: Domain.CalendarDate.make("2026-05-31"),
 *   schoolRegions: ["middle"],
 *   blackouts: [{ from: Domain.CalendarDate.make("2026-05-18"), to: Domain.CalendarDate.make("2026-05-22"), reason: "begrotingsweek" }]
 * })
 * if (Either.isRight(days)) for (const d of days.right) console.log(d.date, d.reasons.map((r) => r._tag))
 * ```
 * @since 0.1.0
 */
export const unsuitableDays = (
  query: Query
): Either.Either<ReadonlyArray<UnsuitableDay>, SchedulingInputError | SchoolHolidaysUnavailable> =>
  Either.flatMap(
    validateQuery(query),
    (q): Either.Either<ReadonlyArray<UnsuitableDay>, SchedulingInputError | SchoolHolidaysUnavailable> => {
      const first = EpochDay.parse(q.from)
      const last = EpochDay.parse(q.to)
      const range = yearRangeProblems(first, last, "")
      if (range.length > 0)
        return Either.left(new SchedulingInputError({ subject: "unsuitable days", problems: range }))
      return Either.map(reasonsByDay(first, last, q), (byDay) =>
        [...byDay.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([day, reasons]) => ({ date: EpochDay.format(day), reasons }))
      )
    }
  )

/**
 * Decodes a query from outside (a form, a file) with every problem and its path.
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Scheduling.UnsuitableDays.decodeQuery({ from: "2027-03-31", to: "2027-03-01" }) // Left: to is before from
 * ```
 * @since 0.1.0
 */
export const decodeQuery = decodeWith(Query, "unsuitable days")
