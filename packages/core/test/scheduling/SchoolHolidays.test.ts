import { Domain, Scheduling } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

const { SchoolHolidays, UnsuitableDays } = Scheduling
const date = Domain.CalendarDate.make
type Region = Scheduling.SchoolHolidays.Region

/** The holiday of that name and region in the shipped table (throws when it is missing). */
const holiday = (schoolYear: string, nameNl: string, region: Region) => {
  const found = SchoolHolidays.table
    .find((y) => y.schoolYear === schoolYear)
    ?.holidays.find((h) => h.nameNl === nameNl && h.region === region)
  if (found === undefined) throw new Error(`no ${nameNl} for ${region} in ${schoolYear}`)
  return { from: found.from, to: found.to }
}

/** The school-holiday names of one day for one region, as the calendar reports them. */
const schoolHolidayOn = (day: string, region: Region): ReadonlyArray<string> =>
  Either.getOrThrow(UnsuitableDays.unsuitableDays({ from: date(day), to: date(day), schoolRegions: [region] }))
    .flatMap((d) => d.reasons)
    .flatMap((r) => (r._tag === "SchoolHoliday" ? [r.nameNl] : []))

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()

describe("SchoolHolidays.table", () => {
  it("ships the school years up to 2028–2029, in order, each with its source", () => {
    expect(SchoolHolidays.table.map((y) => y.schoolYear)).toEqual([
      "2023-2024",
      "2024-2025",
      "2025-2026",
      "2026-2027",
      "2027-2028",
      "2028-2029"
    ])
    const sources = new Map(SchoolHolidays.table.map((y) => [y.schoolYear, y.source]))
    expect(sources.get("2027-2028")).toContain("overzicht-schoolvakanties-2027-2028")
    expect(sources.get("2028-2029")).toContain("overzicht-schoolvakanties-2028-2029")
    expect(sources.get("2026-2027")).toContain("Secondary sources")
    for (const year of SchoolHolidays.table.slice(3)) {
      expect(year.source).toMatch(/vastgesteld/)
      expect(year.source).toMatch(/advies/)
    }
  })

  it("covers every day from the first school year to the last without gaps or overlaps", () => {
    const years = SchoolHolidays.table
    for (let i = 1; i < years.length; i++) {
      const previousEnd = new Date(`${years[i - 1]?.coversTo}T00:00:00Z`)
      previousEnd.setUTCDate(previousEnd.getUTCDate() + 1)
      expect(years[i]?.coversFrom).toBe(previousEnd.toISOString().slice(0, 10))
    }
  })

  it("ends every school year on the last day of the latest summer holiday", () => {
    for (const year of SchoolHolidays.table) {
      const summers = year.holidays.filter((h) => h.nameNl === "Zomervakantie").map((h) => h.to)
      expect(year.coversTo).toBe([...summers].sort().at(-1))
    }
  })

  it("runs every holiday from a Saturday to a Sunday: a week, two weeks or six weeks", () => {
    for (const year of SchoolHolidays.table) {
      for (const h of year.holidays) {
        expect([weekday(h.from), weekday(h.to)], `${year.schoolYear} ${h.nameNl} ${h.region}`).toEqual([6, 0])
        const days = (Date.parse(`${h.to}T00:00:00Z`) - Date.parse(`${h.from}T00:00:00Z`)) / 86_400_000 + 1
        const expected = { Kerstvakantie: 16, Zomervakantie: 44 }[h.nameNl] ?? 9
        expect(days, `${year.schoolYear} ${h.nameNl} ${h.region}`).toBe(expected)
      }
    }
  })

  it("staggers the summer holiday: each region starts in a different week", () => {
    for (const year of SchoolHolidays.table) {
      const starts = year.holidays.filter((h) => h.nameNl === "Zomervakantie").map((h) => h.from)
      expect(new Set(starts).size).toBe(3)
    }
  })
})

describe("SchoolHolidays known answers per school year", () => {
  it("2027–2028: autumn, Christmas, spring, May and summer per region", () => {
    expect(holiday("2027-2028", "Herfstvakantie", "north")).toEqual({ from: "2027-10-16", to: "2027-10-24" })
    expect(holiday("2027-2028", "Herfstvakantie", "south")).toEqual({ from: "2027-10-23", to: "2027-10-31" })
    expect(holiday("2027-2028", "Kerstvakantie", "middle")).toEqual({ from: "2027-12-25", to: "2028-01-09" })
    expect(holiday("2027-2028", "Voorjaarsvakantie", "north")).toEqual({ from: "2028-02-19", to: "2028-02-27" })
    expect(holiday("2027-2028", "Voorjaarsvakantie", "south")).toEqual({ from: "2028-02-26", to: "2028-03-05" })
    expect(holiday("2027-2028", "Meivakantie", "south")).toEqual({ from: "2028-04-29", to: "2028-05-07" })
    expect(holiday("2027-2028", "Zomervakantie", "north")).toEqual({ from: "2028-07-15", to: "2028-08-27" })
    expect(holiday("2027-2028", "Zomervakantie", "middle")).toEqual({ from: "2028-07-08", to: "2028-08-20" })
    expect(holiday("2027-2028", "Zomervakantie", "south")).toEqual({ from: "2028-07-22", to: "2028-09-03" })
  })

  it("2028–2029: autumn, Christmas, spring, May and summer per region", () => {
    expect(holiday("2028-2029", "Herfstvakantie", "north")).toEqual({ from: "2028-10-14", to: "2028-10-22" })
    expect(holiday("2028-2029", "Herfstvakantie", "middle")).toEqual({ from: "2028-10-21", to: "2028-10-29" })
    expect(holiday("2028-2029", "Kerstvakantie", "north")).toEqual({ from: "2028-12-23", to: "2029-01-07" })
    expect(holiday("2028-2029", "Voorjaarsvakantie", "middle")).toEqual({ from: "2029-02-17", to: "2029-02-25" })
    expect(holiday("2028-2029", "Voorjaarsvakantie", "south")).toEqual({ from: "2029-02-10", to: "2029-02-18" })
    expect(holiday("2028-2029", "Meivakantie", "north")).toEqual({ from: "2029-04-28", to: "2029-05-06" })
    expect(holiday("2028-2029", "Zomervakantie", "north")).toEqual({ from: "2029-07-21", to: "2029-09-02" })
    expect(holiday("2028-2029", "Zomervakantie", "middle")).toEqual({ from: "2029-07-07", to: "2029-08-19" })
    expect(holiday("2028-2029", "Zomervakantie", "south")).toEqual({ from: "2029-07-14", to: "2029-08-26" })
  })

  it("2026–2027 (secondary sources): Christmas, May and the summer of each region", () => {
    expect(holiday("2026-2027", "Herfstvakantie", "north")).toEqual({ from: "2026-10-10", to: "2026-10-18" })
    expect(holiday("2026-2027", "Kerstvakantie", "south")).toEqual({ from: "2026-12-19", to: "2027-01-03" })
    expect(holiday("2026-2027", "Voorjaarsvakantie", "south")).toEqual({ from: "2027-02-13", to: "2027-02-21" })
    expect(holiday("2026-2027", "Meivakantie", "middle")).toEqual({ from: "2027-04-24", to: "2027-05-02" })
    expect(holiday("2026-2027", "Zomervakantie", "north")).toEqual({ from: "2027-07-10", to: "2027-08-22" })
    expect(holiday("2026-2027", "Zomervakantie", "middle")).toEqual({ from: "2027-07-17", to: "2027-08-29" })
    expect(holiday("2026-2027", "Zomervakantie", "south")).toEqual({ from: "2027-07-24", to: "2027-09-05" })
  })
})

describe("school holidays in the unsuitable days", () => {
  it("marks the first and the last day of a holiday and not the days around it", () => {
    // Christmas 2027–2028, all regions: Saturday 25 December to Sunday 9 January.
    expect(schoolHolidayOn("2027-12-24", "middle")).toEqual([])
    expect(schoolHolidayOn("2027-12-25", "middle")).toEqual(["Kerstvakantie"])
    expect(schoolHolidayOn("2028-01-09", "middle")).toEqual(["Kerstvakantie"])
    expect(schoolHolidayOn("2028-01-10", "middle")).toEqual([])
    // Spring 2029, south a week before north and middle.
    expect(schoolHolidayOn("2029-02-10", "south")).toEqual(["Voorjaarsvakantie"])
    expect(schoolHolidayOn("2029-02-10", "north")).toEqual([])
    expect(schoolHolidayOn("2029-02-25", "north")).toEqual(["Voorjaarsvakantie"])
    expect(schoolHolidayOn("2029-02-26", "north")).toEqual([])
  })

  it("puts a day inside each region's summer holiday, and only there", () => {
    // Wednesday 30 August 2028: south still on holiday, north and middle back at school.
    expect(schoolHolidayOn("2028-08-30", "south")).toEqual(["Zomervakantie"])
    expect(schoolHolidayOn("2028-08-30", "north")).toEqual([])
    expect(schoolHolidayOn("2028-08-30", "middle")).toEqual([])
    // Tuesday 10 July 2029: middle on holiday, north and south not yet.
    expect(schoolHolidayOn("2029-07-10", "middle")).toEqual(["Zomervakantie"])
    expect(schoolHolidayOn("2029-07-10", "south")).toEqual([])
    expect(schoolHolidayOn("2029-07-10", "north")).toEqual([])
    // Sunday 2 September 2029: the last day of north's summer and of the table.
    expect(schoolHolidayOn("2029-09-02", "north")).toEqual(["Zomervakantie"])
    // Thursday 12 August 2027: every region on holiday.
    for (const region of ["north", "middle", "south"] as const) {
      expect(schoolHolidayOn("2027-08-12", region)).toEqual(["Zomervakantie"])
    }
  })

  it("answers across school years without a gap: from the 2026 autumn to the 2029 summer", () => {
    const result = SchoolHolidays.holidaysBetween(date("2026-09-01"), date("2029-09-02"), ["north", "middle", "south"])
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result)) expect(result.right).toHaveLength(45)
  })

  it("gives a clear error for the days after the last published school year", () => {
    const result = SchoolHolidays.holidaysBetween(date("2029-08-20"), date("2029-10-31"), ["north"])
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("SchoolHolidaysUnavailable")
      expect(result.left.missingFrom).toBe("2029-09-03")
      expect(result.left.missingTo).toBe("2029-10-31")
      expect(result.left.available.at(-1)).toBe("2028-2029")
      expect(result.left.message).toContain("2029-09-03 – 2029-10-31")
    }
  })
})
