import { Domain, Scheduling, Texts } from "@grenzeloos/core"
import { DateTime, Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"

const { CandidateSlots, UnsuitableDays } = Scheduling
const time = Scheduling.LocalTime.TimeOfDay.make
const base: Scheduling.CandidateSlots.Request = {
  quarter: Domain.Quarter.make("2026-Q2"),
  count: 6,
  weekdays: ["tuesday", "thursday"],
  startTimes: [time("13:00")],
  durationMinutes: 240
}

describe("CandidateSlots.propose", () => {
  it("proposes slots on the preferred weekdays, spread over the quarter, none on an unsuitable day", () => {
    const proposal = Either.getOrThrow(
      CandidateSlots.propose({
        ...base,
        previousGatheringOn: Domain.CalendarDate.make("2026-03-12"),
        calendar: { schoolRegions: ["middle"] }
      })
    )
    expect(proposal.slots).toHaveLength(6)
    const unsuitable = Either.getOrThrow(
      UnsuitableDays.unsuitableDays({
        from: Domain.CalendarDate.make("2026-04-01"),
        to: Domain.CalendarDate.make("2026-06-30"),
        schoolRegions: ["middle"]
      })
    ).map((d) => d.date)
    for (const slot of proposal.slots) {
      expect(unsuitable).not.toContain(slot.date)
      expect(slot.date >= "2026-04-23").toBe(true) // six weeks after 12 March
      expect(DateTime.formatIsoZoned(slot.startsAt)).toBe(`${slot.date}T13:00:00.000+02:00[Europe/Amsterdam]`)
    }
    // Ascension Day (14 May) is a Thursday and is left out with its reason.
    expect(proposal.excluded.find((e) => e.date === "2026-05-14")?.reasons[0]).toMatchObject({
      _tag: "DayOff",
      ruleId: "ascension-day"
    })
    const ids = proposal.slots.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids[0]).toMatch(/^2026-Q2-2026\d{4}-1300$/)
  })

  it("uses the winter offset before the end of March and the summer offset after it", () => {
    const proposal = Either.getOrThrow(
      CandidateSlots.propose({ ...base, quarter: Domain.Quarter.make("2027-Q1"), count: 13, weekdays: ["monday"] })
    )
    const offsets = proposal.slots.map((s) => [s.date, DateTime.formatIsoOffset(s.startsAt).slice(-6)])
    expect(offsets.filter(([d]) => (d as string) < "2027-03-28").every(([, o]) => o === "+01:00")).toBe(true)
  })

  it("reports a shortfall when the quarter has fewer eligible days than asked", () => {
    const proposal = Either.getOrThrow(CandidateSlots.propose({ ...base, count: 40, weekdays: ["wednesday"] }))
    expect(proposal.slots.length).toBe(proposal.eligibleDays)
    expect(proposal.shortfall && Texts.en.reason(proposal.shortfall)).toContain(
      `only ${proposal.eligibleDays} of 40 slots`
    )
  })

  it("rejects a quarter written 2027-Q5 and an unknown time zone, saying exactly what is wrong", () => {
    const decoded = CandidateSlots.decodeRequest({ ...base, quarter: "2027-Q5", startTimes: ["13:00"] })
    expect(Either.isLeft(decoded)).toBe(true)
    if (Either.isLeft(decoded)) {
      expect(decoded.left.problems).toEqual([
        {
          path: "quarter",
          message: 'expected a quarter written YYYY-Qn with n from 1 to 4 (e.g. "2027-Q1"), got "2027-Q5"'
        }
      ])
    }
    const zone = CandidateSlots.propose({ ...base, timeZone: "Mars/Olympus_Mons" })
    expect(Either.isLeft(zone) && zone.left._tag === "SchedulingInputError" && zone.left.problems).toEqual([
      {
        path: "timeZone",
        message: 'unknown time zone "Mars/Olympus_Mons"; expected an IANA name such as "Europe/Amsterdam"'
      }
    ])
    const typedBadQuarter = CandidateSlots.propose({ ...base, quarter: "2027-Q5" as Domain.Quarter })
    expect(
      Either.isLeft(typedBadQuarter) &&
        typedBadQuarter.left._tag === "SchedulingInputError" &&
        typedBadQuarter.left.problems[0]?.path
    ).toBe("quarter")
  })

  it("never proposes an unsuitable day or one too close to the previous meeting (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.uniqueArray(fc.constantFrom<Domain.Weekday>("monday", "tuesday", "wednesday", "thursday", "friday"), {
          minLength: 1,
          maxLength: 3
        }),
        fc.integer({ min: 0, max: 60 }),
        (year, q, count, weekdays, gap) => {
          const previous = Domain.CalendarDate.make(`${year}-0${3 * (q - 1) + 1}-01`.replace(/-0(1\d)-/, "-$1-"))
          const request: Scheduling.CandidateSlots.Request = {
            ...base,
            quarter: Domain.Quarter.make(`${year}-Q${q}`),
            count,
            weekdays: weekdays as [Domain.Weekday, ...Array<Domain.Weekday>],
            previousGatheringOn: previous,
            minDaysSincePrevious: gap
          }
          const proposal = Either.getOrThrow(CandidateSlots.propose(request))
          const first = proposal.slots[0]?.date
          const quarterDays = Either.getOrThrow(
            UnsuitableDays.unsuitableDays({
              from: previous,
              to: Domain.CalendarDate.make(`${year}-12-31`)
            })
          ).map((d) => d.date)
          for (const slot of proposal.slots) {
            expect(quarterDays).not.toContain(slot.date)
            expect((Date.parse(slot.date) - Date.parse(previous)) / 86_400_000).toBeGreaterThanOrEqual(gap)
            expect(slot.date.startsWith(String(year))).toBe(true)
          }
          expect(first === undefined || proposal.slots.length === Math.min(count, proposal.eligibleDays)).toBe(true)
          return true
        }
      ),
      { seed: 65, numRuns: 60 }
    )
  })
})
