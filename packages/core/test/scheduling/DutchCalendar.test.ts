import { createRequire } from "node:module"
import { Scheduling } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

// date-holidays cross-checks the computed dates (its data classes Good Friday and Liberation Day
// as school holidays, so it checks dates, never which days are off).
const Holidays = createRequire(import.meta.url)("date-holidays") as new (
  country: string
) => {
  getHolidays: (year: number) => ReadonlyArray<{ date: string; name: string; type: string }>
}

const { DutchCalendar } = Scheduling
const dayOf = (year: number, ruleId: string) =>
  Either.getOrThrow(DutchCalendar.holidays(year)).find((h) => h.ruleId === ruleId)?.date

describe("DutchCalendar", () => {
  it("lists the central-government days off and Prinsjesdag of 2027", () => {
    const days = Either.getOrThrow(DutchCalendar.holidays(2027)).map((h) => `${h.date} ${h.ruleId}`)
    expect(days).toEqual([
      "2027-01-01 new-years-day",
      "2027-03-26 good-friday",
      "2027-03-28 easter-sunday",
      "2027-03-29 easter-monday",
      "2027-04-27 monarchs-day",
      "2027-05-05 liberation-day",
      "2027-05-06 ascension-day",
      "2027-05-16 whit-sunday",
      "2027-05-17 whit-monday",
      "2027-09-21 prinsjesdag",
      "2027-12-25 christmas-day",
      "2027-12-26 boxing-day"
    ])
  })

  it("moves King's Day to Saturday 26 April when the 27th is a Sunday (2014, 2025, 2031)", () => {
    expect(dayOf(2014, "monarchs-day")).toBe("2014-04-26")
    expect(dayOf(2025, "monarchs-day")).toBe("2025-04-26")
    expect(dayOf(2031, "monarchs-day")).toBe("2031-04-26")
    expect(dayOf(2026, "monarchs-day")).toBe("2026-04-27")
  })

  it("keeps Queen's Day on 30 April before 2014, with the Sunday rules of each reign", () => {
    expect(dayOf(2013, "monarchs-day")).toBe("2013-04-30")
    expect(dayOf(2006, "monarchs-day")).toBe("2006-04-29") // 30 April a Sunday under Beatrix: Saturday
    expect(dayOf(1950, "monarchs-day")).toBe("1950-05-01") // 30 April a Sunday under Juliana: Monday
    expect(dayOf(1931, "monarchs-day")).toBe("1931-08-31") // Wilhelmina's 31 August
    expect(dayOf(1930, "monarchs-day")).toBe("1930-09-01") // 31 August 1930 a Sunday: Monday
  })

  it("has Liberation Day every year from 1983 and Good Friday as a day off", () => {
    expect(dayOf(2026, "liberation-day")).toBe("2026-05-05")
    expect(dayOf(2027, "liberation-day")).toBe("2027-05-05") // not a jubilee year: still off for the central government
    expect(dayOf(1982, "liberation-day")).toBeUndefined()
    const goodFriday = Either.getOrThrow(DutchCalendar.holidays(2025)).find((h) => h.ruleId === "good-friday")
    expect(goodFriday).toMatchObject({ date: "2025-04-18", kind: "central-government-day-off" })
  })

  it("computes Easter for known years of the computus", () => {
    const known: Record<number, string> = {
      1900: "1900-04-15",
      1954: "1954-04-18",
      1981: "1981-04-19",
      2000: "2000-04-23",
      2008: "2008-03-23",
      2011: "2011-04-24",
      2038: "2038-04-25",
      2200: "2200-04-06"
    }
    for (const [year, date] of Object.entries(known)) {
      expect(Either.getOrThrow(DutchCalendar.easterSunday(Number(year)))).toBe(date)
    }
  })

  it("agrees with date-holidays on every computed date from 1900 to 2200", () => {
    const reference = new Holidays("NL")
    const byName: Record<string, string> = {
      "good-friday": "Goede Vrijdag",
      "easter-sunday": "Pasen",
      "easter-monday": "Tweede paasdag",
      "ascension-day": "Hemelvaartsdag",
      "whit-sunday": "Pinksteren",
      "whit-monday": "Tweede pinksterdag",
      "christmas-day": "Kerstmis",
      "boxing-day": "Tweede kerstdag",
      "new-years-day": "Nieuwjaar",
      prinsjesdag: "Prinsjesdag",
      "liberation-day": "Bevrijdingsdag"
    }
    const mismatches: Array<string> = []
    for (let year = 1900; year <= 2200; year++) {
      const theirs = reference.getHolidays(year)
      const ours = Either.getOrThrow(DutchCalendar.holidays(year))
      for (const h of ours) {
        const name = h.ruleId === "monarchs-day" ? (year >= 2014 ? "Koningsdag" : "Koninginnedag") : byName[h.ruleId]
        // date-holidays has Queen's Day from 1949 only.
        if (h.ruleId === "monarchs-day" && year < 1949) continue
        const match = theirs.find((t) => t.name === name)
        if (match === undefined) {
          if (h.ruleId !== "prinsjesdag" && h.ruleId !== "liberation-day")
            mismatches.push(`${year} ${h.ruleId}: missing there`)
          continue
        }
        if (match.date.slice(0, 10) !== h.date)
          mismatches.push(`${year} ${h.ruleId}: ${h.date} here, ${match.date} there`)
      }
    }
    expect(mismatches).toEqual([])
  })

  it("rejects years outside 1900–2200 with a typed error", () => {
    const result = DutchCalendar.holidays(1899)
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("SchedulingInputError")
      expect(result.left.problems).toEqual([{ path: "year", message: expect.stringContaining("from 1900 to 2200") }])
    }
    expect(Either.isLeft(DutchCalendar.easterSunday(2201))).toBe(true)
  })

  it("keeps every rule documented with a source", () => {
    for (const rule of DutchCalendar.rules) {
      expect(rule.source.length).toBeGreaterThan(10)
      expect(rule.rule.length).toBeGreaterThan(3)
    }
  })
})
