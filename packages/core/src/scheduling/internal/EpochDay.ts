/**
 * Whole days counted from 1970-01-01 in the proleptic Gregorian calendar: the engines' integer
 * representation of a calendar date. Private to the scheduling engines.
 *
 * The conversions follow Howard Hinnant (2013), "chrono-Compatible Low-Level Date Algorithms"
 * (`days_from_civil` / `civil_from_days`), exact for every year of the proleptic calendar.
 *
 * @since 0.1.0
 */
import type { CalendarDate } from "../../domain/CalendarDate.js"
import type { Weekday } from "../../domain/Member.js"

/** Days since 1970-01-01 for a year, month (1–12) and day. */
export const fromYmd = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The year, month (1–12) and day of a day number. */
export const toYmd = (days: number): { readonly year: number; readonly month: number; readonly day: number } => {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** The day number of a `YYYY-MM-DD` date. */
export const parse = (date: CalendarDate | string): number =>
  fromYmd(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))

/** The `YYYY-MM-DD` date of a day number. */
export const format = (days: number): CalendarDate => {
  const { year, month, day } = toYmd(days)
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CalendarDate
}

/** Weekdays, Monday first (index 0) as in the Netherlands. */
export const WEEKDAYS: ReadonlyArray<Weekday> = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday"
]

/** The weekday index of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekdayIndex = (days: number): number => (((days + 3) % 7) + 7) % 7

/** The weekday of a day number. */
export const weekdayOf = (days: number): Weekday => WEEKDAYS[weekdayIndex(days)] as Weekday
