import { Domain, Scheduling } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

const { UnsuitableDays, SchoolHolidays } = Scheduling
const date = Domain.CalendarDate.make

describe("UnsuitableDays", () => {
  it("gives every reason of every unsuitable day: days off, school holidays of the regions, blackouts", () => {
    const days = Either.getOrThrow(
      UnsuitableDays.unsuitableDays({
        from: date("2026-04-20"),
        to: date("2026-05-08"),
        schoolRegions: ["south"],
        blackouts: [{ from: date("2026-05-04"), to: date("2026-05-06"), reason: "begrotingsweek" }]
      })
    )
    const byDate = new Map<string, ReadonlyArray<string>>(days.map((d) => [d.date, d.reasons.map((r) => r._tag)]))
    expect(byDate.get("2026-04-24")).toBeUndefined()
    expect(byDate.get("2026-04-25")).toEqual(["SchoolHoliday"])
    expect(byDate.get("2026-04-27")).toEqual(["DayOff", "SchoolHoliday"])
    expect(byDate.get("2026-05-04")).toEqual(["Blackout"])
    expect(byDate.get("2026-05-05")).toEqual(["DayOff", "Blackout"])
    expect(byDate.get("2026-05-07")).toBeUndefined()
  })

  it("marks Prinsjesdag unless told not to", () => {
    const query = { from: date("2027-09-01"), to: date("2027-09-30") }
    const days = Either.getOrThrow(UnsuitableDays.unsuitableDays(query))
    expect(days).toEqual([{ date: "2027-09-21", reasons: [expect.objectContaining({ _tag: "Prinsjesdag" })] }])
    expect(Either.getOrThrow(UnsuitableDays.unsuitableDays({ ...query, avoidPrinsjesdag: false }))).toEqual([])
  })

  it("says which days have no published school holidays instead of treating them as school days", () => {
    const result = UnsuitableDays.unsuitableDays({
      from: date("2029-08-01"),
      to: date("2029-12-31"),
      schoolRegions: ["north"]
    })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result) && result.left._tag === "SchoolHolidaysUnavailable") {
      expect(result.left.missingFrom).toBe("2029-09-03")
      expect(result.left.missingTo).toBe("2029-12-31")
      expect(result.left.message).toContain("2028-2029")
    } else throw new Error("expected SchoolHolidaysUnavailable")
  })

  it("accepts school years the caller adds from the government's open data", () => {
    const extra: Scheduling.SchoolHolidays.SchoolYear = {
      schoolYear: "2029-2030",
      coversFrom: date("2029-09-03"),
      coversTo: date("2030-09-01"),
      source: "test",
      holidays: [
        {
          nameNl: "Kerstvakantie",
          nameEn: "Christmas holiday",
          region: "north",
          from: date("2029-12-22"),
          to: date("2030-01-06")
        }
      ]
    }
    const days = Either.getOrThrow(
      UnsuitableDays.unsuitableDays({
        from: date("2029-12-01"),
        to: date("2029-12-31"),
        schoolRegions: ["north"],
        schoolYears: [extra]
      })
    )
    expect(days.filter((d) => d.reasons.some((r) => r._tag === "SchoolHoliday")).map((d) => d.date)[0]).toBe(
      "2029-12-22"
    )
    expect(SchoolHolidays.table.map((y) => y.schoolYear)).not.toContain("2029-2030")
  })

  it("rejects an end before its start, naming the field", () => {
    const result = UnsuitableDays.decodeQuery({ from: "2027-03-31", to: "2027-03-01" })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("SchedulingInputError")
      expect(result.left.problems).toEqual([
        { path: "to", message: "expected a date on or after from (2027-03-31), got 2027-03-01" }
      ])
    }
    const typed = UnsuitableDays.unsuitableDays({ from: date("2027-03-31"), to: date("2027-03-01") })
    expect(Either.isLeft(typed) && typed.left._tag === "SchedulingInputError" && typed.left.problems[0]?.path).toBe(
      "to"
    )
  })

  it("keeps every region's school holidays inside the school year they belong to", () => {
    for (const year of SchoolHolidays.table) {
      for (const region of ["north", "middle", "south"] as const) {
        const holidays = year.holidays.filter((h) => h.region === region)
        expect(holidays.map((h) => h.nameNl)).toEqual([
          "Herfstvakantie",
          "Kerstvakantie",
          "Voorjaarsvakantie",
          "Meivakantie",
          "Zomervakantie"
        ])
        for (const h of holidays) {
          expect(h.from >= year.coversFrom && h.to <= year.coversTo && h.from <= h.to).toBe(true)
        }
      }
    }
  })
})
