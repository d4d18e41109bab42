/**
 * Calendar dates without a time (`2027-03-12`), as used for rounds, blackout days and holidays.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { isValidDate } from "../internal/calendar.js"

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/**
 * A date in the proleptic Gregorian calendar, written `YYYY-MM-DD` (years 0001–9999).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * Schema.decodeUnknownSync(Domain.CalendarDate)("2027-04-27")
 * ```
 * @since 0.1.0
 */
export const CalendarDate = Schema.String.pipe(
  Schema.filter(
    (s) => {
      const m = DATE.exec(s)
      return m !== null && Number(m[1]) >= 1 && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))
    },
    {
      message: (issue) => `expected a date written YYYY-MM-DD, got ${JSON.stringify(issue.actual)}`,
      arbitrary: () => (fc) =>
        fc
          .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
          .filter(([y, m, d]) => isValidDate(y, m, d))
          .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)
    }
  ),
  Schema.brand("CalendarDate"),
  Schema.annotations({ identifier: "CalendarDate" })
)
/** @since 0.1.0 */
export type CalendarDate = typeof CalendarDate.Type
