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
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * // The regions of the members' children's schools, from a settings file.
 * const regions = Schema.decodeUnknownSync(Schema.Array(Scheduling.SchoolHolidays.Region))(["middle", "south"])
 * ```
 * @since 0.1.0
 */
export const Region = oneOf("SchoolRegion", "north", "middle", "south")
/** @since 0.1.0 */
export type Region = typeof Region.Type

/**
 * One holiday of one region in a school year, first and last day included.
 *
 * @example
 * ```ts
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * const christmas: Scheduling.SchoolHolidays.Holiday = {
 *   nameNl: "Kerstvakantie",
 *   nameEn: "Christmas holiday",
 *   region: "north",
 *   from: Domain.CalendarDate.make("2029-12-22"),
 *   to: Domain.CalendarDate.make("2030-01-06")
 * }
 * ```
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
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * // A school year the shipped table does not have yet, decoded from the government's published dates
 * // and passed as `calendar.schoolYears` to the scheduling engines.
 * declare const published: unknown
 * const schoolYear = Schema.decodeUnknownSync(Scheduling.SchoolHolidays.SchoolYear)(published)
 * const calendar: Scheduling.UnsuitableDays.CalendarOptions = { schoolRegions: ["north"], schoolYears: [schoolYear] }
 * ```
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

// Where each added school year comes from. Christmas, May and summer holidays are "vastgesteld"
// (fixed by the Regeling vaststelling schoolvakanties; schools must keep them); autumn and spring
// holidays are "advies" (OCW's advised weeks; a school may deviate with its participation council).
// Docs: docs/guides/scheduling.md ("School holidays"); decision 0036.
// 2026–2027: the Rijksoverheid overview page for this year could not be retrieved here, so every
// date rests on secondary sources that agree (decision 0036):
// - autumn (advies): schoolvakanties.org/herfstvakanties-nederland and deepsea.nl/wanneer-herfst-vakantie
//   (north 10–18 Oct, middle and south 17–25 Oct); middle also deschelp.csgdewaard.nl (a region-middle school);
// - Christmas (vastgesteld) 19 Dec–3 Jan: deschelp.csgdewaard.nl and several open-source holiday
//   tables on GitHub; school calendars closing Mon 21 Dec–Fri 1 Jan (obsdepolsstokberkenwoude.nl,
//   mariaschool.wsko.nl);
// - spring (advies): middle 20–28 Feb deschelp.csgdewaard.nl and obsdepolsstokberkenwoude.nl (Mon–Fri)
//   and three tables; north 20–28 Feb and south 13–21 Feb in three tables (two possibly of one author);
// - May (vastgesteld) 24 Apr–2 May: four tables, one citing
//   rijksoverheid.nl/themas/onderwijs/schoolvakanties/meivakantie/meivakantie-2027; three others say
//   1–9 May, two of which contradict dates confirmed elsewhere (region middle's 2027 spring and summer,
//   the 2024 autumn holiday); schools that take two weeks close 26 Apr–7 May, which contains both;
// - summer (vastgesteld): middle 17 Jul–29 Aug deschelp.csgdewaard.nl and three tables; south
//   24 Jul–5 Sep three tables; north 10 Jul–22 Aug one table and the week left by the other two
//   (2021 had the same weekday calendar and the same order north, middle, south).
const SOURCE_2026_2027 =
  "Secondary sources (the Rijksoverheid overview 'Overzicht schoolvakanties 2026-2027' was not retrievable): " +
  "autumn (advies) schoolvakanties.org/herfstvakanties-nederland, deepsea.nl/wanneer-herfst-vakantie; " +
  "Christmas, May, summer (vastgesteld) and spring (advies) from open-source holiday tables, one citing " +
  "rijksoverheid.nl/themas/onderwijs/schoolvakanties/meivakantie/meivakantie-2027, and region-middle school calendars " +
  "(deschelp.csgdewaard.nl/onze-school/schoolvakanties); to be checked against opendata.rijksoverheid.nl before release"
const SOURCE_2027_2028 =
  "Rijksoverheid, 'Overzicht schoolvakanties 2027-2028' (rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2027-2028): " +
  "Christmas, May and summer vastgesteld, autumn and spring advies; autumn cross-checked with schoolvakanties.org/herfstvakanties-nederland"
const SOURCE_2028_2029 =
  "Rijksoverheid, 'Overzicht schoolvakanties 2028-2029' (rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2028-2029): " +
  "Christmas, May and summer vastgesteld, autumn and spring advies; Christmas, spring, May and summer cross-checked with schoolvakanties-nederland.nl/schoolvakanties-2029.html"

/**
 * The school years the table ships: 2023–2024 to 2028–2029, each with its source (which holidays
 * are fixed by the government and which are advised). Later years the government has published can
 * be passed by the caller (see the `schoolYears` option of `Scheduling.UnsuitableDays.unsuitableDays`).
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Scheduling.SchoolHolidays.table.map((y) => y.schoolYear)
 * // ["2023-2024", "2024-2025", "2025-2026", "2026-2027", "2027-2028", "2028-2029"]
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
  },
  {
    schoolYear: "2026-2027",
    coversFrom: d("2026-08-31"),
    coversTo: d("2027-09-05"),
    source: SOURCE_2026_2027,
    holidays: [
      h("Herfstvakantie", "Autumn holiday", "north", "2026-10-10", "2026-10-18"),
      h("Herfstvakantie", "Autumn holiday", "middle", "2026-10-17", "2026-10-25"),
      h("Herfstvakantie", "Autumn holiday", "south", "2026-10-17", "2026-10-25"),
      ...all("Kerstvakantie", "Christmas holiday", "2026-12-19", "2027-01-03"),
      h("Voorjaarsvakantie", "Spring holiday", "north", "2027-02-20", "2027-02-28"),
      h("Voorjaarsvakantie", "Spring holiday", "middle", "2027-02-20", "2027-02-28"),
      h("Voorjaarsvakantie", "Spring holiday", "south", "2027-02-13", "2027-02-21"),
      ...all("Meivakantie", "May holiday", "2027-04-24", "2027-05-02"),
      h("Zomervakantie", "Summer holiday", "north", "2027-07-10", "2027-08-22"),
      h("Zomervakantie", "Summer holiday", "middle", "2027-07-17", "2027-08-29"),
      h("Zomervakantie", "Summer holiday", "south", "2027-07-24", "2027-09-05")
    ]
  },
  {
    schoolYear: "2027-2028",
    coversFrom: d("2027-09-06"),
    coversTo: d("2028-09-03"),
    source: SOURCE_2027_2028,
    holidays: [
      h("Herfstvakantie", "Autumn holiday", "north", "2027-10-16", "2027-10-24"),
      h("Herfstvakantie", "Autumn holiday", "middle", "2027-10-16", "2027-10-24"),
      h("Herfstvakantie", "Autumn holiday", "south", "2027-10-23", "2027-10-31"),
      ...all("Kerstvakantie", "Christmas holiday", "2027-12-25", "2028-01-09"),
      h("Voorjaarsvakantie", "Spring holiday", "north", "2028-02-19", "2028-02-27"),
      h("Voorjaarsvakantie", "Spring holiday", "middle", "2028-02-26", "2028-03-05"),
      h("Voorjaarsvakantie", "Spring holiday", "south", "2028-02-26", "2028-03-05"),
      ...all("Meivakantie", "May holiday", "2028-04-29", "2028-05-07"),
      h("Zomervakantie", "Summer holiday", "north", "2028-07-15", "2028-08-27"),
      h("Zomervakantie", "Summer holiday", "middle", "2028-07-08", "2028-08-20"),
      h("Zomervakantie", "Summer holiday", "south", "2028-07-22", "2028-09-03")
    ]
  },
  {
    schoolYear: "2028-2029",
    coversFrom: d("2028-09-04"),
    coversTo: d("2029-09-02"),
    source: SOURCE_2028_2029,
    holidays: [
      h("Herfstvakantie", "Autumn holiday", "north", "2028-10-14", "2028-10-22"),
      h("Herfstvakantie", "Autumn holiday", "middle", "2028-10-21", "2028-10-29"),
      h("Herfstvakantie", "Autumn holiday", "south", "2028-10-21", "2028-10-29"),
      ...all("Kerstvakantie", "Christmas holiday", "2028-12-23", "2029-01-07"),
      h("Voorjaarsvakantie", "Spring holiday", "north", "2029-02-17", "2029-02-25"),
      h("Voorjaarsvakantie", "Spring holiday", "middle", "2029-02-17", "2029-02-25"),
      h("Voorjaarsvakantie", "Spring holiday", "south", "2029-02-10", "2029-02-18"),
      ...all("Meivakantie", "May holiday", "2029-04-28", "2029-05-06"),
      h("Zomervakantie", "Summer holiday", "north", "2029-07-21", "2029-09-02"),
      h("Zomervakantie", "Summer holiday", "middle", "2029-07-07", "2029-08-19"),
      h("Zomervakantie", "Summer holiday", "south", "2029-07-14", "2029-08-26")
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
