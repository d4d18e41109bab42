import { Domain, Scheduling, Texts } from "@grenzeloos/core"
import { DateTime, Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"

const { Sessions } = Scheduling
const date = Domain.CalendarDate.make
const time = Scheduling.LocalTime.TimeOfDay.make
const group = (
  i: number,
  members: ReadonlyArray<number>,
  facilitator: number,
  extra: Partial<Scheduling.Sessions.GroupRequest> = {}
): Scheduling.Sessions.GroupRequest => ({
  id: Domain.LearningGroupId.make(`g-${i}`),
  memberIds: members.map((m) => Domain.MemberId.make(`m-${m}`)),
  facilitatorId: Domain.FacilitatorId.make(`f-${facilitator}`),
  sessions: 6,
  startTime: time("14:00"),
  durationMinutes: 180,
  ...extra
})

const timetableOf = (input: Scheduling.Sessions.Input) => {
  const result = Either.getOrThrow(Sessions.timetable(input))
  if (result._tag !== "Timetable") throw new Error(Texts.en.reason(result.explanation))
  return result.sessions
}

describe("Sessions.timetable", () => {
  it("spreads each group's sessions evenly over the year on its weekday, at its local time across DST", () => {
    const sessions = timetableOf({
      from: date("2027-01-01"),
      to: date("2027-12-31"),
      groups: [group(1, [1, 2, 3], 1, { preferredWeekday: "tuesday" })]
    })
    expect(sessions).toHaveLength(6)
    for (const s of sessions) {
      expect(DateTime.toParts(s.startsAt).weekDay).toBe(2) // Tuesday
      expect(DateTime.formatIsoZoned(s.startsAt)).toMatch(/T14:00:00\.000\+0[12]:00\[Europe\/Amsterdam\]$/)
      expect(Math.abs(s.offsetDays)).toBeLessThanOrEqual(7)
    }
    const summer = sessions.find((s) => s.date.startsWith("2027-07") || s.date.startsWith("2027-08"))
    expect(summer === undefined || DateTime.formatIsoZoned(summer.startsAt).includes("+02:00")).toBe(true)
  })

  it("never puts a session on a day off, a blackout or a person's day off", () => {
    const sessions = timetableOf({
      from: date("2027-04-01"),
      to: date("2027-05-31"),
      groups: [group(1, [1], 1, { sessions: 2, preferredWeekday: "monday" })],
      members: [{ id: Domain.MemberId.make("m-1"), unavailableOn: [date("2027-04-12")] }],
      calendar: { blackouts: [{ from: date("2027-05-10"), to: date("2027-05-14"), reason: "reces" }] }
    })
    // Windows: 1 Apr–30 Apr (middle 16 Apr) and 1–31 May (middle 16 May); Easter Monday 29 Mar is
    // outside; 12 Apr is m-1's day off; 10 May is the blackout; 17 May is Whit Monday.
    expect(sessions.map((s) => s.date)).toEqual(["2027-04-19", "2027-05-24"])
  })

  it("says which group cannot be timetabled, which session and who stands in the way", () => {
    const result = Either.getOrThrow(
      Sessions.timetable({
        from: date("2027-03-01"),
        to: date("2027-03-07"),
        groups: [
          group(1, [1, 2], 1, { sessions: 1, preferredWeekday: "wednesday" }),
          group(2, [3, 2], 2, { sessions: 1, preferredWeekday: "wednesday" })
        ]
      })
    )
    expect(result._tag).toBe("Infeasible")
    if (result._tag === "Infeasible") {
      expect(result.reason).toBe("double-booking")
      expect(result.people).toEqual([{ role: "member", id: "m-2" }])
      expect(Texts.en.reason(result.explanation)).toContain("double-book member m-2")
      expect(["g-1", "g-2"]).toContain(result.groupId)
    }
    const alone = Either.getOrThrow(
      Sessions.timetable({
        from: date("2027-03-01"),
        to: date("2027-03-07"),
        groups: [group(3, [1], 1, { sessions: 1, preferredWeekday: "wednesday" })],
        facilitators: [{ id: Domain.FacilitatorId.make("f-1"), unavailableOn: [date("2027-03-03")] }]
      })
    )
    expect(alone).toMatchObject({
      _tag: "Infeasible",
      groupId: "g-3",
      sessionNumber: 1,
      reason: "no-day",
      people: [{ role: "facilitator", id: "f-1" }]
    })
  })

  it("rejects an end before its start and an unknown time zone with typed errors", () => {
    const end = Sessions.timetable({ from: date("2027-12-31"), to: date("2027-01-01"), groups: [] })
    expect(Either.isLeft(end) && end.left._tag === "SchedulingInputError" && end.left.problems[0]).toEqual({
      path: "to",
      message: "expected a date on or after from (2027-12-31), got 2027-01-01"
    })
    const zone = Sessions.timetable({
      from: date("2027-01-01"),
      to: date("2027-12-31"),
      groups: [],
      timeZone: "Europe/Amsterdm"
    })
    expect(Either.isLeft(zone) && zone.left._tag === "SchedulingInputError" && zone.left.problems[0]).toEqual({
      path: "timeZone",
      message: 'unknown time zone "Europe/Amsterdm"; expected an IANA name such as "Europe/Amsterdam"'
    })
  })

  it("never double-books a facilitator or member and keeps everyone's days off (property)", () => {
    const arbitrary = fc.record({
      groups: fc.array(
        fc.record({
          members: fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 5 }),
          facilitator: fc.integer({ min: 0, max: 2 }),
          sessions: fc.integer({ min: 1, max: 6 }),
          weekday: fc.option(fc.constantFrom<Domain.Weekday>("monday", "tuesday", "wednesday", "thursday", "friday"), {
            nil: undefined
          })
        }),
        { minLength: 1, maxLength: 8 }
      ),
      daysOff: fc.array(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 180 })), { maxLength: 20 })
    })
    fc.assert(
      fc.property(arbitrary, ({ groups, daysOff }) => {
        const first = Date.UTC(2027, 0, 1)
        const dayOff = (d: number) => date(new Date(first + d * 86_400_000).toISOString().slice(0, 10))
        const input: Scheduling.Sessions.Input = {
          from: date("2027-01-01"),
          to: date("2027-06-30"),
          groups: groups.map((g, i) =>
            group(i, g.members, g.facilitator, {
              sessions: g.sessions,
              ...(g.weekday === undefined ? {} : { preferredWeekday: g.weekday })
            })
          ),
          members: Array.from({ length: 15 }, (_, m) => ({
            id: Domain.MemberId.make(`m-${m}`),
            unavailableOn: daysOff.filter(([who]) => who === m).map(([, d]) => dayOff(d))
          }))
        }
        const result = Either.getOrThrow(Sessions.timetable(input))
        if (result._tag === "Infeasible") {
          expect(input.groups.map((g) => g.id)).toContain(result.groupId)
          return true
        }
        const busy = new Set<string>()
        for (const s of result.sessions) {
          const g = input.groups.find((x) => x.id === s.groupId)!
          for (const p of [...g.memberIds, g.facilitatorId]) {
            const key = `${p} ${s.date}`
            expect(busy.has(key)).toBe(false)
            busy.add(key)
          }
          const offs = input.members!.filter((m) => g.memberIds.includes(m.id)).flatMap((m) => m.unavailableOn)
          expect(offs).not.toContain(s.date)
          if (g.preferredWeekday !== undefined) {
            expect(
              ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][
                DateTime.toParts(s.startsAt).weekDay === 0 ? 6 : DateTime.toParts(s.startsAt).weekDay - 1
              ]
            ).toBe(g.preferredWeekday)
          }
        }
        for (const g of input.groups) expect(result.sessions.filter((s) => s.groupId === g.id)).toHaveLength(g.sessions)
        return true
      }),
      { seed: 1982, numRuns: 100 }
    )
  })
})
