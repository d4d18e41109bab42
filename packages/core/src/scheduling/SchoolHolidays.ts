/**
 * School holidays of primary and secondary education in the three holiday regions (north, middle,
 * south), as published by the government, shipped as a data table. Regions are per municipality;
 * which region a venue or member is in is the caller's data (Rijksoverheid publishes the list).
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import { CalendarDate } from "../domain/CalendarDate.js"
import { oneOf } from "../internal/literals.js"
import * as EpochDay from "./internal/EpochDay.js"
import { schoolDaysBetween } from "./internal/SchoolDays.js"

/**
 * A school-holiday region: `north`, `middle` or `south` (noord, midden, zuid).
 *
 * @since 0.1.0
 */
export const Region = oneOf("SchoolRegion", "north", "middle", "south")
/** @since 0.1.0 */
export type Region = typeof Region.Type

/**
 * One holiday of one region in a school year, first and last day included.
 *
 * @since 0.1.0
 */
export const Holiday = Schema.Struct({
  nameNl: Schema.String,
  nameEn: Schema.String,
  region: Region,
  from: CalendarDate,
  to: CalendarDate
}).annotations({ identifier: "SchoolHoliday" })
/** @since 0.1.0 */
export type Holiday = typeof Holiday.Type

/**
 * The holidays of one school year, with the days the entry speaks for: from the day after the
 * previous summer holiday ended in every region up to the last day of this year's summer holiday.
 *
 * @since 0.1.0
 */
export const SchoolYear = Schema.Struct({
  schoolYear: Schema.String.pipe(Schema.pattern(/^\d{4}-\d{4}$/)),
  coversFrom: CalendarDate,
  coversTo: CalendarDate,
  source: Schema.String,
  holidays: Schema.Array(Holiday)
}).annotations({ identifier: "SchoolYear" })
/** @since 0.1.0 */
export type SchoolYear = typeof SchoolYear.Type

const d = (s: string) => s as CalendarDate
const h = (nameNl: string, nameEn: string, region: Region, from: string, to: string): Holiday => ({
  nameNl,
  nameEn,
  region,
  from: d(from),
  to: d(to)
})
const all = (nameNl: string, nameEn: string, from: string, to: string): ReadonlyArray<Holiday> =>
  (["north", "middle", "south"] as const).map((region) => h(nameNl, nameEn, region, from, to))

const SOURCE =
  "Rijksoverheid, 'Schoolvakanties <school year>' (rijksoverheid.nl/onderwerpen/schoolvakanties), open data at opendata.rijksoverheid.nl (infotype schoolholidays)"

/**
 * The school years the table ships: 2023–2024 to 2025–2026. Later years the government has
 * published can be passed by the caller (see the `schoolYears` option of `Scheduling.UnsuitableDays.unsuitableDays`).
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Scheduling.SchoolHolidays.table.map((y) => y.schoolYear) // ["2023-2024", "2024-2025", "2025-2026"]
 * ```
 * @since 0.1.0
 */
export const table: ReadonlyArray<SchoolYear> = [
  {
    schoolYear: "2023-2024",
    coversFrom: d("2023-09-04"),
    coversTo: d("2024-09-01"),
    source: SOURCE.replace("<school year>", "2023-2024"),
    holidays: [
      h("Herfstvakantie", "Autumn holiday", "north", "2023-10-21", "2023-10-29"),
      h("Herfstvakantie", "Autumn holiday", "middle", "2023-10-14", "2023-10-22"),
      h("Herfstvakantie", "Autumn holiday", "south", "2023-10-14", "2023-10-22"),
      ...all("Kerstvakantie", "Christmas holiday", "2023-12-23", "2024-01-07"),
      h("Voorjaarsvakantie", "Spring holiday", "north", "2024-02-17", "2024-02-25"),
      h("Voorjaarsvakantie", "Spring holiday", "middle", "2024-02-17", "2024-02-25"),
      h("Voorjaarsvakantie", "Spring holiday", "south", "2024-02-10", "2024-02-18"),
      ...all("Meivakantie", "May holiday", "2024-04-27", "2024-05-05"),
      h("Zomervakantie", "Summer holiday", "north", "2024-07-20", "2024-09-01"),
      h("Zomervakantie", "Summer holiday", "middle", "2024-07-13", "2024-08-25"),
      h("Zomervakantie", "Summer holiday", "south", "2024-07-06", "2024-08-18")
    ]
  },
  {
    schoolYear: "2024-2025",
    coversFrom: d("2024-09-02"),
    coversTo: d("2025-08-31"),
    source: SOURCE.replace("<school year>", "2024-2025"),
    holidays: [
      h("Herfstvakantie", "Autumn holiday", "north", "2024-10-26", "2024-11-03"),
      h("Herfstvakantie", "Autumn holiday", "middle", "2024-10-26", "2024-11-03"),
      h("Herfstvakantie", "Autumn holiday", "south", "2024-10-19", "2024-10-27"),
      ...all("Kerstvakantie", "Christmas holiday", "2024-12-21", "2025-01-05"),
      h("Voorjaarsvakantie", "Spring holiday", "north", "2025-02-15", "2025-02-23"),
      h("Voorjaarsvakantie", "Spring holiday", "middle", "2025-02-22", "2025-03-02"),
      h("Voorjaarsvakantie", "Spring holiday", "south", "2025-03-01", "2025-03-09"),
      ...all("Meivakantie", "May holiday", "2025-04-26", "2025-05-04"),
      h("Zomervakantie", "Summer holiday", "north", "2025-07-12", "2025-08-24"),
      h("Zomervakantie", "Summer holiday", "middle", "2025-07-19", "2025-08-31"),
      h("Zomervakantie", "Summer holiday", "south", "2025-07-05", "2025-08-17")
    ]
  },
  {
    schoolYear: "2025-2026",
    coversFrom: d("2025-09-01"),
    coversTo: d("2026-08-30"),
    source: SOURCE.replace("<school year>", "2025-2026"),
    holidays: [
      h("Herfstvakantie", "Autumn holiday", "north", "2025-10-18", "2025-10-26"),
      h("Herfstvakantie", "Autumn holiday", "middle", "2025-10-18", "2025-10-26"),
      h("Herfstvakantie", "Autumn holiday", "south", "2025-10-11", "2025-10-19"),
      ...all("Kerstvakantie", "Christmas holiday", "2025-12-20", "2026-01-04"),
      h("Voorjaarsvakantie", "Spring holiday", "north", "2026-02-21", "2026-03-01"),
      h("Voorjaarsvakantie", "Spring holiday", "middle", "2026-02-14", "2026-02-22"),
      h("Voorjaarsvakantie", "Spring holiday", "south", "2026-02-14", "2026-02-22"),
      ...all("Meivakantie", "May holiday", "2026-04-25", "2026-05-03"),
      h("Zomervakantie", "Summer holiday", "north", "2026-07-04", "2026-08-16"),
      h("Zomervakantie", "Summer holiday", "middle", "2026-07-18", "2026-08-30"),
      h("Zomervakantie", "Summer holiday", "south", "2026-07-11", "2026-08-23")
    ]
  }
]

/**
 * The school holidays asked for are not in the table: the government has not published them, or
 * they have not been added. Says which days are missing and which days the table covers.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * const result = Scheduling.SchoolHolidays.holidaysBetween(
 *   Domain.CalendarDate.make("2031-01-01"), Domain.CalendarDate.make("2031-03-31"), ["north"]
 * )
 * if (Either.isLeft(result)) console.error(result.left.message)
 * ```
 * @since 0.1.0
 */
export class SchoolHolidaysUnavailable extends Schema.TaggedError<SchoolHolidaysUnavailable>(
  "@grenzeloos/core/SchoolHolidaysUnavailable"
)("SchoolHolidaysUnavailable", {
  /** The first and last day asked for that no school year in the table covers. */
  missingFrom: CalendarDate,
  missingTo: CalendarDate,
  /** The school years the table has, e.g. ["2023-2024", "2024-2025"]. */
  available: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `school holidays are not available for ${this.missingFrom} – ${this.missingTo}: the table has the school years ${this.available.join(", ") || "(none)"}; pass the published years as schoolYears, or leave school holidays out`
  }
}

const unavailable = (missing: { readonly from: number; readonly to: number }, years: ReadonlyArray<SchoolYear>) =>
  new SchoolHolidaysUnavailable({
    missingFrom: EpochDay.format(missing.from),
    missingTo: EpochDay.format(missing.to),
    available: years.map((y) => y.schoolYear)
  })

/**
 * The school holidays of the given regions that touch a period, from the shipped table (and any
 * school years the caller adds); an error when part of the period is not covered.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * const result = Scheduling.SchoolHolidays.holidaysBetween(
 *   Domain.CalendarDate.make("2025-10-01"), Domain.CalendarDate.make("2025-10-31"), ["south"]
 * )
 * if (Either.isRight(result)) console.log(result.right[0]?.from) // "2025-10-11" (Herfstvakantie, south)
 * ```
 * @since 0.1.0
 */
export const holidaysBetween = (
  from: CalendarDate,
  to: CalendarDate,
  regions: ReadonlyArray<Region>,
  extraSchoolYears: ReadonlyArray<SchoolYear> = []
): Either.Either<ReadonlyArray<Holiday>, SchoolHolidaysUnavailable> => {
  const first = EpochDay.parse(from)
  const last = EpochDay.parse(to)
  const years = [...table, ...extraSchoolYears]
  const days = schoolDaysBetween(first, last, regions, years)
  if (days.missing !== undefined) return Either.left(unavailable(days.missing, years))
  return Either.right(
    years.flatMap((y) =>
      y.holidays.filter(
        (hol) => regions.includes(hol.region) && EpochDay.parse(hol.from) <= last && EpochDay.parse(hol.to) >= first
      )
    )
  )
}
