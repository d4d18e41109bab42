import { Domain, ICalendar, Scheduling, Texts } from "@grenzeloos/core"
import { DateTime, Either, FastCheck as fc, Redacted, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ICAL } from "./IcalJs.js"

const { Invitation } = ICalendar
const amsterdam = { timeZone: "Europe/Amsterdam" } as const
const stamp = DateTime.unsafeMake("2027-01-15T09:30:00Z")

const gathering: ICalendar.Invitation.Event = {
  uid: "q-2027-1@grenzeloos.example",
  sequence: 0,
  summary: "Kwartaalbijeenkomst voorjaar 2027",
  description: Invitation.programmeText(DateTime.unsafeMakeZoned("2027-03-11T12:00:00Z", amsterdam), [
    { title: "Omgaan met sabotage", durationMinutes: 60 },
    { title: "Het managen van ego's; en de Woo, samen", durationMinutes: 45 }
  ]),
  location: "De Nieuwe Kerk, Den Haag",
  start: DateTime.unsafeMakeZoned("2027-03-11T12:00:00Z", amsterdam),
  durationMinutes: 240,
  organizer: { name: "Programmateam Grenzeloos", email: "team@grenzeloos.example" },
  attendees: [
    { name: "Vries, IJsbrand de", email: Redacted.make("ijsbrand.devries@minbzk.example") },
    { name: "Fatima el Amrani", email: "f.elamrani@example.nl", role: "optional", rsvp: false }
  ]
}

const parse = (ics: string) => {
  const component = new ICAL.Component(ICAL.parse(ics))
  for (const tz of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz)
  return component
}
const render = (message: ICalendar.Invitation.Message) => Either.getOrThrow(Invitation.render(message))

describe("Invitation.render", () => {
  it("renders a REQUEST that ical.js parses back: organizer, attendees with RSVP, times, text", () => {
    const ics = render({ method: "REQUEST", stamp, events: [gathering] })
    const calendar = parse(ics)
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST")
    const vevent = calendar.getFirstSubcomponent("vevent")!
    const event = new ICAL.Event(vevent)
    expect(event.uid).toBe(gathering.uid)
    expect(event.sequence).toBe(0)
    expect(event.summary).toBe(gathering.summary)
    expect(event.description).toBe(gathering.description)
    expect(event.description).toContain("14:00–14:45 Het managen van ego's; en de Woo, samen")
    expect(event.location).toBe("De Nieuwe Kerk, Den Haag")
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-03-11T12:00:00.000Z")
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-03-11T16:00:00.000Z")
    expect(event.startDate.zone.tzid).toBe("Europe/Amsterdam")
    expect(String(vevent.getFirstPropertyValue("organizer"))).toBe("mailto:team@grenzeloos.example")
    const attendees = vevent.getAllProperties("attendee")
    expect(
      attendees.map((a) => [
        a.getParameter("cn"),
        a.getParameter("rsvp"),
        a.getParameter("role"),
        String(a.getFirstValue())
      ])
    ).toEqual([
      ["Vries, IJsbrand de", "TRUE", "REQ-PARTICIPANT", "mailto:ijsbrand.devries@minbzk.example"],
      ["Fatima el Amrani", undefined, "OPT-PARTICIPANT", "mailto:f.elamrani@example.nl"]
    ])
    // DTSTAMP in UTC, as RFC 5545 requires.
    expect(ics).toContain("\r\nDTSTAMP:20270115T093000Z\r\n")
    expect(vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2027-01-15T09:30:00Z")
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED")
  })

  it("ends every line with CRLF and folds at 75 octets without splitting UTF-8 characters", () => {
    const long = { ...gathering, description: `Programma met één lange regel: ${"ë€😀 ".repeat(60)}` }
    const ics = render({ method: "REQUEST", stamp, events: [long] })
    expect(ics.endsWith("\r\n")).toBe(true)
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/)
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75)
    expect(new ICAL.Event(parse(ics).getFirstSubcomponent("vevent")!).description).toBe(long.description)
  })

  it("sends an update with the same UID and a higher SEQUENCE, and a CANCEL with STATUS:CANCELLED", () => {
    const moved = Invitation.update(gathering, { start: DateTime.unsafeMakeZoned("2027-03-18T12:00:00Z", amsterdam) })
    expect(moved.uid).toBe(gathering.uid)
    const update = new ICAL.Event(
      parse(render({ method: "REQUEST", stamp, events: [moved] })).getFirstSubcomponent("vevent")!
    )
    expect(update.sequence).toBe(1)
    expect(update.startDate.toJSDate().toISOString()).toBe("2027-03-18T12:00:00.000Z")
    const cancelIcs = render(Invitation.cancellation(moved, DateTime.unsafeMake("2027-03-01T08:00:00Z")))
    const cancel = parse(cancelIcs)
    expect(cancel.getFirstPropertyValue("method")).toBe("CANCEL")
    const vevent = cancel.getFirstSubcomponent("vevent")!
    expect(vevent.getFirstPropertyValue("uid")).toBe(gathering.uid)
    expect(vevent.getFirstPropertyValue("sequence")).toBe(2)
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED")
    expect(cancelIcs).not.toContain("RSVP=TRUE")
  })

  it("renders a session series as an RRULE that ical.js expands at 14:00 local time across both DST changes", () => {
    const series = {
      ...gathering,
      uid: "g-2027-1-series@grenzeloos.example",
      summary: "Leergroep 1",
      start: DateTime.unsafeMakeZoned("2027-02-09T13:00:00Z", amsterdam),
      durationMinutes: 180,
      recurrence: { _tag: "Rule", frequency: "weekly", interval: 6, count: 8 } as const
    }
    const event = new ICAL.Event(
      parse(render({ method: "REQUEST", stamp, events: [series] })).getFirstSubcomponent("vevent")!
    )
    const iterator = event.iterator()
    const seen: Array<string> = []
    for (let next = iterator.next(); next !== undefined && next !== null; next = iterator.next()) {
      const utc = next.toJSDate().toISOString()
      seen.push(`${next.toString()} ${utc}`)
    }
    expect(seen).toEqual([
      "2027-02-09T14:00:00 2027-02-09T13:00:00.000Z",
      "2027-03-23T14:00:00 2027-03-23T13:00:00.000Z",
      "2027-05-04T14:00:00 2027-05-04T12:00:00.000Z",
      "2027-06-15T14:00:00 2027-06-15T12:00:00.000Z",
      "2027-07-27T14:00:00 2027-07-27T12:00:00.000Z",
      "2027-09-07T14:00:00 2027-09-07T12:00:00.000Z",
      "2027-10-19T14:00:00 2027-10-19T12:00:00.000Z",
      "2027-11-30T14:00:00 2027-11-30T13:00:00.000Z"
    ])
  })

  it("renders a timetabled group's irregular sessions as RDATEs that expand to the same instants", () => {
    const timetable = Either.getOrThrow(
      Scheduling.Sessions.timetable({
        from: Domain.CalendarDate.make("2027-01-01"),
        to: Domain.CalendarDate.make("2027-12-31"),
        groups: [
          {
            id: Domain.LearningGroupId.make("g-1"),
            memberIds: [Domain.MemberId.make("m-1")],
            sessions: 6,
            preferredWeekday: "thursday",
            startTime: Scheduling.LocalTime.TimeOfDay.make("09:30"),
            durationMinutes: 150
          }
        ]
      })
    )
    if (timetable._tag !== "Timetable") throw new Error(Texts.en.reason(timetable.explanation))
    const [first, ...rest] = timetable.sessions
    const event = {
      ...gathering,
      uid: "g-1@grenzeloos.example",
      start: first!.startsAt,
      durationMinutes: 150,
      recurrence: { _tag: "Dates", starts: rest.map((s) => s.startsAt) } as const
    }
    const parsed = new ICAL.Event(
      parse(render({ method: "REQUEST", stamp, events: [event] })).getFirstSubcomponent("vevent")!
    )
    const iterator = parsed.iterator()
    const instants: Array<number> = []
    for (let next = iterator.next(); next !== undefined && next !== null; next = iterator.next())
      instants.push(next.toJSDate().getTime())
    expect(instants).toEqual(timetable.sessions.map((s) => DateTime.toEpochMillis(s.startsAt)))
  })

  it("escapes text so that any summary and location survive the round trip (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200, unit: "grapheme" }),
        fc.string({ maxLength: 120 }),
        (summary, location) => {
          fc.pre(summary.trim() !== "")
          // RFC 5545 TEXT has no way to carry control characters other than line breaks and tabs.
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters RFC 5545 cannot carry
          const clean = (s: string) => s.replace(/\r\n|\r/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
          const ics = render({ method: "PUBLISH", stamp, events: [{ ...gathering, summary, location }] })
          for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75)
          const event = new ICAL.Event(parse(ics).getFirstSubcomponent("vevent")!)
          expect(event.summary).toBe(clean(summary))
          expect(event.location).toBe(clean(location))
          return true
        }
      ),
      { seed: 5546, numRuns: 200 }
    )
  })

  it("writes a VTIMEZONE whose offsets match the IANA rules in every month (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1980, max: 2100 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        (year, month, day, hour) => {
          const start = DateTime.unsafeMakeZoned(Date.UTC(year, month, day, hour), amsterdam)
          const ics = render({ method: "PUBLISH", stamp, events: [{ ...gathering, start }] })
          const event = new ICAL.Event(parse(ics).getFirstSubcomponent("vevent")!)
          expect(event.startDate.toJSDate().getTime()).toBe(DateTime.toEpochMillis(start))
          return true
        }
      ),
      { seed: 1996, numRuns: 60 }
    )
  })

  it("rejects what it cannot render, naming every problem", () => {
    const result = Invitation.render({
      method: "REQUEST",
      stamp,
      events: [
        {
          ...gathering,
          uid: "has space",
          durationMinutes: 0,
          start: DateTime.unsafeMakeZoned(0, { timeZone: DateTime.zoneMakeOffset(3_600_000) }),
          attendees: [{ name: "X", email: "x@example.nl\r\nBCC:evil@example.nl" }]
        }
      ]
    })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("ICalendarInputError")
      expect(result.left.problems.map((p) => p.path)).toEqual([
        "events[0].uid",
        "events[0].durationMinutes",
        "events[0].start",
        "events[0].attendees[0].email"
      ])
    }
  })
})

describe("Invitation.fromGathering", () => {
  it("turns a Gathering record into an invitation with its programme, venue and sequence", () => {
    const record = Schema.decodeUnknownSync(Domain.Gathering)({
      id: "q-2027-2",
      communityId: "rijk",
      title: "Kwartaalbijeenkomst zomer 2027",
      quarter: "2027-Q2",
      status: "scheduled",
      startsAt: "2027-06-10T13:00:00.000+02:00[Europe/Amsterdam]",
      durationMinutes: 180,
      venue: { name: "Beatrixgebouw", address: "Utrecht", capacity: 120 },
      programme: [
        { themeId: "t-sabotage", durationMinutes: 60 },
        { themeId: "t-woo", durationMinutes: 30 }
      ],
      rsvps: [],
      attendance: [],
      sequence: 3
    })
    const event = Either.getOrThrow(
      Invitation.fromGathering(record, {
        uidDomain: "grenzeloos.example",
        organizer: gathering.organizer,
        attendees: gathering.attendees,
        themeTitles: new Map([["t-sabotage", "Omgaan met sabotage"]])
      })
    )
    const parsed = new ICAL.Event(
      parse(render({ method: "REQUEST", stamp, events: [event] })).getFirstSubcomponent("vevent")!
    )
    expect(parsed.uid).toBe("q-2027-2@grenzeloos.example")
    expect(parsed.sequence).toBe(3)
    expect(parsed.location).toBe("Beatrixgebouw, Utrecht")
    expect(parsed.description).toBe("Programma:\n13:00–14:00 Omgaan met sabotage\n14:00–14:30 t-woo")
    expect(parsed.startDate.toJSDate().toISOString()).toBe("2027-06-10T11:00:00.000Z")
    const { startsAt: _decided, ...encoded } = Schema.encodeSync(Domain.Gathering)(record)
    const planning = Schema.decodeUnknownSync(Domain.Gathering)({ ...encoded, status: "planning" })
    const noDate = Invitation.fromGathering(planning, {
      uidDomain: "x",
      organizer: gathering.organizer,
      attendees: [],
      themeTitles: new Map()
    })
    expect(Either.isLeft(noDate) && noDate.left.problems[0]?.path).toBe("startsAt")
  })
})

describe("ContentLine", () => {
  it("folds any text so that unfolding gives it back (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: "binary" }), (text) => {
        const line = `DESCRIPTION:${text.replace(/[\r\n]/g, "")}`
        const folded = ICalendar.ContentLine.fold(line)
        for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75)
        expect(folded.replace(/\r\n /g, "")).toBe(line)
        return true
      }),
      { seed: 75, numRuns: 100 }
    )
  })
})
