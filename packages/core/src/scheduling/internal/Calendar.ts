// Calendar computations shared by the scheduling engines; not exported from the package.
import { Either } from "effect"
import { type Rule, rules, YEARS } from "../DutchCalendar.js"
import { SchoolHolidaysUnavailable, table } from "../SchoolHolidays.js"
import type { CalendarOptions, Reason } from "../UnsuitableDays.js"
import * as EpochDay from "./EpochDay.js"
import { schoolDaysBetween } from "./SchoolDays.js"

/** Holidays of a year as day numbers, without checks. */
export const holidayDays = (year: number): ReadonlyArray<{ readonly day: number; readonly rule: Rule }> => {
  const out: Array<{ day: number; rule: Rule }> = []
  for (const rule of rules) {
    const day = rule.dayIn(year)
    if (day !== undefined) out.push({ day, rule })
  }
  return out.sort((a, b) => a.day - b.day)
}

/** The checks of a year range, shared by the engines that take a period. */
export const yearRangeProblems = (firstDay: number, lastDay: number, path: string) => {
  const first = EpochDay.toYmd(firstDay).year
  const last = EpochDay.toYmd(lastDay).year
  return first < YEARS.first || last > YEARS.last
    ? [
        {
          path,
          message: `the period ${EpochDay.format(firstDay)} – ${EpochDay.format(lastDay)} reaches outside ${YEARS.first}–${YEARS.last}, the years the calendar rules are written for`
        }
      ]
    : []
}

/** Reasons per day number for [first, last]. */
export const reasonsByDay = (
  firstDay: number,
  lastDay: number,
  options: CalendarOptions
): Either.Either<Map<number, Array<Reason>>, SchoolHolidaysUnavailable> => {
  const out = new Map<number, Array<Reason>>()
  const add = (day: number, reason: Reason) => {
    const list = out.get(day)
    if (list === undefined) out.set(day, [reason])
    else list.push(reason)
  }
  const firstYear = EpochDay.toYmd(firstDay).year
  const lastYear = EpochDay.toYmd(lastDay).year
  for (let year = firstYear; year <= lastYear; year++) {
    for (const { day, rule } of holidayDays(year)) {
      if (day < firstDay || day > lastDay) continue
      if (rule.kind === "prinsjesdag") {
        if (options.avoidPrinsjesdag !== false)
          add(day, { _tag: "Prinsjesdag", nameNl: rule.nameNl, nameEn: rule.nameEn })
      } else add(day, { _tag: "DayOff", ruleId: rule.id, nameNl: rule.nameNl, nameEn: rule.nameEn })
    }
  }
  const regions = options.schoolRegions ?? []
  if (regions.length > 0) {
    const years = [...table, ...(options.schoolYears ?? [])]
    const school = schoolDaysBetween(firstDay, lastDay, regions, years)
    if (school.missing !== undefined) {
      return Either.left(
        new SchoolHolidaysUnavailable({
          missingFrom: EpochDay.format(school.missing.from),
          missingTo: EpochDay.format(school.missing.to),
          available: years.map((y) => y.schoolYear)
        })
      )
    }
    for (const [day, list] of school.byDay) {
      for (const { holiday, schoolYear } of list) {
        add(day, {
          _tag: "SchoolHoliday",
          region: holiday.region,
          schoolYear,
          nameNl: holiday.nameNl,
          nameEn: holiday.nameEn
        })
      }
    }
  }
  for (const blackout of options.blackouts ?? []) {
    const from = Math.max(firstDay, EpochDay.parse(blackout.from))
    const to = Math.min(lastDay, EpochDay.parse(blackout.to))
    for (let day = from; day <= to; day++) add(day, { _tag: "Blackout", reason: blackout.reason })
  }
  return Either.right(out)
}
