/**
 * The Dutch calendar as the central government keeps it: the days its offices are closed and
 * Prinsjesdag, as one readable table of rules with their sources, for every year from 1900 to 2200.
 *
 * Easter follows the Gregorian computus in the "anonymous" form published in Nature (1876) and
 * given by Jean Meeus (1991), "Astronomical Algorithms", ch. 8 — exact for every Gregorian year.
 *
 * The npm package `date-holidays` lists Good Friday and Liberation Day as school holidays, not days
 * off; for civil servants of the central government both are days off (CAO Rijk), so this table
 * decides and `date-holidays` is used only as a cross-check in the tests.
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import type { CalendarDate } from "../domain/CalendarDate.js"
import { SchedulingInputError } from "../domain/DecodeError.js"
import * as EpochDay from "./internal/EpochDay.js"

/**
 * The first and last year the rules are written for.
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Scheduling.DutchCalendar.YEARS // { first: 1900, last: 2200 }
 * ```
 * @since 0.1.0
 */
export const YEARS = { first: 1900, last: 2200 } as const

/**
 * What a rule marks: a day the central government is closed, or Prinsjesdag (offices are open,
 * but ministers, the parliament and many directors are taken up by the budget day).
 *
 * @since 0.1.0
 */
export type DayKind = "central-government-day-off" | "prinsjesdag"

/**
 * One rule of the calendar: its name in Dutch and English, how the date is found, and the source.
 *
 * @since 0.1.0
 */
export interface Rule {
  readonly id: string
  readonly nameNl: string
  readonly nameEn: string
  readonly kind: DayKind
  /** The rule in words, as a reader checks it against the source. */
  readonly rule: string
  readonly source: string
  /** The day number (days since 1970-01-01) in `year`, or `undefined` when the rule does not apply that year. */
  readonly dayIn: (year: number) => number | undefined
}

/**
 * Easter Sunday of a Gregorian year as a day number (anonymous Gregorian computus, Meeus 1991).
 */
const easterDay = (year: number): number => {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return EpochDay.fromYmd(year, month, day)
}

const fixed = (month: number, day: number) => (year: number) => EpochDay.fromYmd(year, month, day)
const SUNDAY = 6

/** A fixed date that moves when it falls on a Sunday (`shift` days: −1 to Saturday, +1 to Monday). */
const movedOffSunday = (month: number, day: number, shift: number) => (year: number) => {
  const d = EpochDay.fromYmd(year, month, day)
  return EpochDay.weekdayIndex(d) === SUNDAY ? d + shift : d
}

const CAO_RIJK =
  "CAO Rijk, art. 1.1 (feestdagen) and Rijksoverheid, 'Welke feestdagen zijn officiële vrije dagen?' (rijksoverheid.nl)"

/** The monarch's day in a given year: Queen's Day, King's Day, with their Sunday rules. */
const monarchsDay = (year: number): number =>
  year >= 2014
    ? movedOffSunday(4, 27, -1)(year) // King Willem-Alexander: 27 April, Saturday 26 April when the 27th is a Sunday
    : year >= 1980
      ? movedOffSunday(4, 30, -1)(year) // Queen Beatrix kept 30 April; Saturday 29 April when the 30th is a Sunday
      : year >= 1949
        ? movedOffSunday(4, 30, +1)(year) // Queen Juliana: 30 April; Monday 1 May when the 30th is a Sunday
        : movedOffSunday(8, 31, +1)(year) // Queen Wilhelmina: 31 August; Monday 1 September when a Sunday

/**
 * The rules of the calendar, in the order of the year. Every date is computed, none is listed.
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * for (const rule of Scheduling.DutchCalendar.rules) console.log(`${rule.nameNl}: ${rule.rule} (${rule.source})`)
 * ```
 * @since 0.1.0
 */
export const rules: ReadonlyArray<Rule> = [
  {
    id: "new-years-day",
    nameNl: "Nieuwjaarsdag",
    nameEn: "New Year's Day",
    kind: "central-government-day-off",
    rule: "1 January",
    source: CAO_RIJK,
    dayIn: fixed(1, 1)
  },
  {
    id: "good-friday",
    nameNl: "Goede Vrijdag",
    nameEn: "Good Friday",
    kind: "central-government-day-off",
    rule: "Easter Sunday − 2 days; a day off for civil servants of the central government (not for everyone)",
    source: CAO_RIJK,
    dayIn: (year) => easterDay(year) - 2
  },
  {
    id: "easter-sunday",
    nameNl: "Eerste Paasdag",
    nameEn: "Easter Sunday",
    kind: "central-government-day-off",
    rule: "Gregorian computus (Meeus 1991, ch. 8)",
    source: CAO_RIJK,
    dayIn: easterDay
  },
  {
    id: "easter-monday",
    nameNl: "Tweede Paasdag",
    nameEn: "Easter Monday",
    kind: "central-government-day-off",
    rule: "Easter Sunday + 1 day",
    source: CAO_RIJK,
    dayIn: (year) => easterDay(year) + 1
  },
  {
    id: "monarchs-day",
    nameNl: "Koningsdag / Koninginnedag",
    nameEn: "King's Day / Queen's Day",
    kind: "central-government-day-off",
    rule: "from 2014: 27 April, or Saturday 26 April when the 27th is a Sunday (King's Day); 1980–2013: 30 April, or Saturday 29 April when a Sunday; 1949–1979: 30 April, or Monday 1 May when a Sunday; before 1949: 31 August, or Monday 1 September when a Sunday (Queen's Day)",
    source:
      "Besluit van 26 augustus 2013 (Stb. 2013, 345) on King's Day; Rijksoverheid, 'Koningsdag'; the earlier Queen's Day dates by royal decree",
    dayIn: monarchsDay
  },
  {
    id: "liberation-day",
    nameNl: "Bevrijdingsdag",
    nameEn: "Liberation Day",
    kind: "central-government-day-off",
    rule: "5 May, every year from 1983 for the central government (before that only in jubilee years, not listed)",
    source: `${CAO_RIJK}; cabinet decision of 1982 making 5 May a yearly day off for civil servants`,
    dayIn: (year) => (year >= 1983 ? EpochDay.fromYmd(year, 5, 5) : undefined)
  },
  {
    id: "ascension-day",
    nameNl: "Hemelvaartsdag",
    nameEn: "Ascension Day",
    kind: "central-government-day-off",
    rule: "Easter Sunday + 39 days (a Thursday)",
    source: CAO_RIJK,
    dayIn: (year) => easterDay(year) + 39
  },
  {
    id: "whit-sunday",
    nameNl: "Eerste Pinksterdag",
    nameEn: "Whit Sunday",
    kind: "central-government-day-off",
    rule: "Easter Sunday + 49 days",
    source: CAO_RIJK,
    dayIn: (year) => easterDay(year) + 49
  },
  {
    id: "whit-monday",
    nameNl: "Tweede Pinksterdag",
    nameEn: "Whit Monday",
    kind: "central-government-day-off",
    rule: "Easter Sunday + 50 days",
    source: CAO_RIJK,
    dayIn: (year) => easterDay(year) + 50
  },
  {
    id: "prinsjesdag",
    nameNl: "Prinsjesdag",
    nameEn: "Prinsjesdag (budget day)",
    kind: "prinsjesdag",
    rule: "third Tuesday of September (since 1887; before 1983 the Constitution said 'third Tuesday of September' too)",
    source: "Grondwet (Constitution of the Kingdom of the Netherlands), art. 65",
    dayIn: (year) => {
      const first = EpochDay.fromYmd(year, 9, 1)
      const TUESDAY = 1
      return first + ((TUESDAY - EpochDay.weekdayIndex(first) + 7) % 7) + 14
    }
  },
  {
    id: "christmas-day",
    nameNl: "Eerste Kerstdag",
    nameEn: "Christmas Day",
    kind: "central-government-day-off",
    rule: "25 December",
    source: CAO_RIJK,
    dayIn: fixed(12, 25)
  },
  {
    id: "boxing-day",
    nameNl: "Tweede Kerstdag",
    nameEn: "Boxing Day",
    kind: "central-government-day-off",
    rule: "26 December",
    source: CAO_RIJK,
    dayIn: fixed(12, 26)
  }
]

/**
 * A day of the calendar with the rule that put it there.
 *
 * @since 0.1.0
 */
export interface Holiday {
  readonly date: CalendarDate
  readonly ruleId: string
  readonly nameNl: string
  readonly nameEn: string
  readonly kind: DayKind
}

const daysOf = (year: number) =>
  rules
    .flatMap((rule) => {
      const day = rule.dayIn(year)
      return day === undefined ? [] : [{ day, rule }]
    })
    .sort((a, b) => a.day - b.day)

const yearProblem = (year: number, path: string) =>
  Number.isInteger(year) && year >= YEARS.first && year <= YEARS.last
    ? undefined
    : {
        path,
        message: `expected a whole year from ${YEARS.first} to ${YEARS.last} (the years the calendar rules are written for), got ${year}`
      }

/**
 * Easter Sunday of a year from 1900 to 2200.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Either.getOrThrow(Scheduling.DutchCalendar.easterSunday(2027)) // "2027-03-28"
 * ```
 * @since 0.1.0
 */
export const easterSunday = (year: number): Either.Either<CalendarDate, SchedulingInputError> => {
  const problem = yearProblem(year, "year")
  return problem === undefined
    ? Either.right(EpochDay.format(easterDay(year)))
    : Either.left(new SchedulingInputError({ subject: "Easter", problems: [problem] }))
}

/**
 * Every day of the table in a year from 1900 to 2200, in date order.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * const days = Either.getOrThrow(Scheduling.DutchCalendar.holidays(2025))
 * days.find((d) => d.ruleId === "monarchs-day")?.date // "2025-04-26" (the 27th is a Sunday)
 * ```
 * @since 0.1.0
 */
export const holidays = (year: number): Either.Either<ReadonlyArray<Holiday>, SchedulingInputError> => {
  const problem = yearProblem(year, "year")
  if (problem !== undefined)
    return Either.left(new SchedulingInputError({ subject: "Dutch calendar", problems: [problem] }))
  return Either.right(
    daysOf(year).map(({ day, rule }) => ({
      date: EpochDay.format(day),
      ruleId: rule.id,
      nameNl: rule.nameNl,
      nameEn: rule.nameEn,
      kind: rule.kind
    }))
  )
}
