/**
 * iCalendar invitations (RFC 5545, with the iTIP methods of RFC 5546): REQUEST with organizer,
 * attendees and RSVP; updates that keep the UID and raise SEQUENCE; CANCEL with STATUS:CANCELLED;
 * series of sessions (RRULE, or RDATE for irregular dates); a VTIMEZONE for every zone used;
 * DTSTAMP always in UTC; lines folded at 75 octets and ended with CRLF.
 *
 * @since 0.1.0
 */
import { DateTime, Duration, Either, Redacted } from "effect"
import type { Problem } from "../domain/DecodeError.js"
import { ICalendarInputError } from "../domain/DecodeError.js"
import type * as Domain from "../domain/index.js"
import { escapeText, join, local, paramValue, utc } from "./ContentLine.js"
import * as VTimezone from "./VTimezone.js"

/**
 * A person with a name and e-mail address (plain or `Redacted`, as the domain keeps it).
 *
 * @since 0.1.0
 */
export interface Person {
  readonly name: string
  readonly email: string | Redacted.Redacted<string>
}

/**
 * An invitee: `required` (the default), `optional` or `chair`; RSVP asked unless `rsvp: false`.
 *
 * @since 0.1.0
 */
export interface Attendee extends Person {
  readonly role?: "required" | "optional" | "chair"
  readonly rsvp?: boolean
  /** The invitee's answer so far (NEEDS-ACTION when left out). */
  readonly status?: "needs-action" | "accepted" | "declined" | "tentative"
}

/**
 * How an event repeats: a rule (every `interval` days, weeks or months, `count` times), or an
 * explicit list of further start times (RDATE) for sessions at irregular intervals.
 *
 * @since 0.1.0
 */
export type Recurrence =
  | {
      readonly _tag: "Rule"
      readonly frequency: "daily" | "weekly" | "monthly"
      readonly interval: number
      readonly count: number
    }
  | { readonly _tag: "Dates"; readonly starts: ReadonlyArray<DateTime.Zoned> }

/**
 * One event (a gathering, a session series, an intake).
 *
 * @since 0.1.0
 */
export interface Event {
  /** Stable for the life of the event: updates and the cancellation reuse it. */
  readonly uid: string
  /** 0 for the first invitation, raised with every update and the cancellation. */
  readonly sequence: number
  readonly summary: string
  readonly description?: string
  readonly location?: string
  readonly start: DateTime.Zoned
  readonly durationMinutes: number
  readonly organizer: Person
  readonly attendees: ReadonlyArray<Attendee>
  readonly recurrence?: Recurrence
  readonly url?: string
}

/**
 * A message: REQUEST (invite or update), CANCEL, or PUBLISH (a calendar feed without replies).
 *
 * @since 0.1.0
 */
export interface Message {
  readonly method: "REQUEST" | "CANCEL" | "PUBLISH"
  readonly events: ReadonlyArray<Event>
  /** When the message is made (DTSTAMP); a value the caller passes, never read from a clock. */
  readonly stamp: DateTime.DateTime
  /** PRODID; `-//Grenzeloos//Grenzeloos 0.1//NL` when left out. */
  readonly productId?: string
}

const EMAIL = /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+\.[^\s@<>"(),;:\\[\]]+$/
const emailOf = (p: Person) => (typeof p.email === "string" ? p.email : Redacted.value(p.email))

const ROLE = { required: "REQ-PARTICIPANT", optional: "OPT-PARTICIPANT", chair: "CHAIR" } as const
const PARTSTAT = {
  "needs-action": "NEEDS-ACTION",
  accepted: "ACCEPTED",
  declined: "DECLINED",
  tentative: "TENTATIVE"
} as const
const FREQ = { daily: "DAILY", weekly: "WEEKLY", monthly: "MONTHLY" } as const

const checkEvent = (e: Event, at: string): Array<Problem> => {
  const problems: Array<Problem> = []
  if (!/^[\x21-\x7e]{1,255}$/.test(e.uid)) {
    problems.push({
      path: `${at}.uid`,
      message: `expected 1–255 printable ASCII characters without spaces, got ${JSON.stringify(e.uid)}`
    })
  }
  if (!(Number.isInteger(e.sequence) && e.sequence >= 0)) {
    problems.push({ path: `${at}.sequence`, message: `expected a whole number of at least 0, got ${e.sequence}` })
  }
  if (e.summary.trim() === "")
    problems.push({ path: `${at}.summary`, message: "expected a title, got an empty string" })
  if (!(Number.isInteger(e.durationMinutes) && e.durationMinutes >= 1)) {
    problems.push({
      path: `${at}.durationMinutes`,
      message: `expected whole minutes of at least 1 (an end after its start), got ${e.durationMinutes}`
    })
  }
  const zones = [e.start, ...(e.recurrence?._tag === "Dates" ? e.recurrence.starts : [])]
  zones.forEach((z, i) => {
    if (z.zone._tag !== "Named") {
      problems.push({
        path: i === 0 ? `${at}.start` : `${at}.recurrence.starts[${i - 1}]`,
        message: "expected a date-time in a named time zone such as Europe/Amsterdam, got a fixed offset"
      })
    }
  })
  if (e.recurrence?._tag === "Dates") {
    e.recurrence.starts.forEach((s, i) => {
      if (DateTime.toEpochMillis(s) <= DateTime.toEpochMillis(e.start)) {
        problems.push({ path: `${at}.recurrence.starts[${i}]`, message: "expected a start after the first session" })
      }
    })
  }
  if (e.recurrence?._tag === "Rule") {
    const r = e.recurrence
    if (!(Number.isInteger(r.interval) && r.interval >= 1)) {
      problems.push({
        path: `${at}.recurrence.interval`,
        message: `expected a whole number of at least 1, got ${r.interval}`
      })
    }
    if (!(Number.isInteger(r.count) && r.count >= 1 && r.count <= 1000)) {
      problems.push({
        path: `${at}.recurrence.count`,
        message: `expected a whole number from 1 to 1000, got ${r.count}`
      })
    }
  }
  const people: Array<[string, Person]> = [
    [`${at}.organizer`, e.organizer],
    ...e.attendees.map((a, i): [string, Person] => [`${at}.attendees[${i}]`, a])
  ]
  for (const [path, p] of people) {
    const email = emailOf(p)
    if (!EMAIL.test(email))
      problems.push({ path: `${path}.email`, message: "expected an e-mail address such as naam@example.nl" })
  }
  return problems
}

const endOf = (start: DateTime.Zoned, minutes: number) => DateTime.addDuration(start, Duration.minutes(minutes))

const zoneName = (z: DateTime.Zoned) => (z.zone._tag === "Named" ? z.zone.id : "UTC")

const dateTimeProperty = (name: string, z: DateTime.Zoned) =>
  zoneName(z) === "UTC" ? `${name}:${utc(z)}` : `${name};TZID=${zoneName(z)}:${local(z)}`

/** The last instant an event's series can reach, for the years its VTIMEZONE must cover. */
const lastStart = (e: Event): number => {
  const start = DateTime.toEpochMillis(e.start)
  const r = e.recurrence
  if (r === undefined) return start
  if (r._tag === "Dates") return Math.max(start, ...r.starts.map(DateTime.toEpochMillis))
  const days = r.frequency === "daily" ? 1 : r.frequency === "weekly" ? 7 : 31
  return start + (r.count - 1) * r.interval * days * 86_400_000
}

const eventLines = (e: Event, method: Message["method"], stamp: string): Array<string> => {
  const organizer = `ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${emailOf(e.organizer)}`
  const attendees = e.attendees.map((a) => {
    const params = [
      `CN=${paramValue(a.name)}`,
      "CUTYPE=INDIVIDUAL",
      `ROLE=${ROLE[a.role ?? "required"]}`,
      ...(method === "CANCEL" ? [] : [`PARTSTAT=${PARTSTAT[a.status ?? "needs-action"]}`]),
      ...(method === "REQUEST" && a.rsvp !== false ? ["RSVP=TRUE"] : [])
    ]
    return `ATTENDEE;${params.join(";")}:mailto:${emailOf(a)}`
  })
  const r = e.recurrence
  const recurrence =
    r === undefined
      ? []
      : r._tag === "Rule"
        ? [`RRULE:FREQ=${FREQ[r.frequency]};INTERVAL=${r.interval};COUNT=${r.count}`]
        : r.starts.length === 0
          ? []
          : // One RDATE line per zone, so that each carries its TZID. DTSTART is repeated in the
            // set (RFC 5545 §3.8.5.2: duplicates count once) because some readers, ical.js among
            // them, expand only the RDATE values when there is no RRULE.
            [...new Set([e.start, ...r.starts].map(zoneName))].map((z) => {
              const values = [e.start, ...r.starts]
                .filter((s) => zoneName(s) === z)
                .map((s) => (z === "UTC" ? utc(s) : local(s)))
              return z === "UTC" ? `RDATE:${values.join(",")}` : `RDATE;TZID=${z}:${values.join(",")}`
            })
  return [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${e.sequence}`,
    dateTimeProperty("DTSTART", e.start),
    dateTimeProperty("DTEND", endOf(e.start, e.durationMinutes)),
    ...recurrence,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description === undefined ? [] : [`DESCRIPTION:${escapeText(e.description)}`]),
    ...(e.location === undefined ? [] : [`LOCATION:${escapeText(e.location)}`]),
    ...(e.url === undefined ? [] : [`URL:${e.url}`]),
    `STATUS:${method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    organizer,
    ...attendees,
    "END:VEVENT"
  ]
}

/**
 * Renders a message as an iCalendar stream (CRLF line ends, folded lines), or says what is wrong
 * with its events.
 *
 * @example
 * ```ts
 * import { DateTime, Either } from "effect"
 * import { ICalendar } from "@grenzeloos/core"
 *
 * const ics = ICalendar.Invitation.render({
 *   method: "REQUEST",
 *   stamp: DateTime.unsafeMake("2027-01-15T09:00:00Z"),
 *   events: [{
 *     uid: "q-2027-1@grenzeloos.example",
 *     sequence: 0,
 *     summary: "Kwartaalbijeenkomst voorjaar 2027",
 *     start: DateTime.unsafeMakeZoned("2027-03-11T12:00:00Z", { timeZone: "Europe/Amsterdam" }),
 *     durationMinutes: 240,
 *     organizer: { name: "Programmateam Grenzeloos", email: "team@grenzeloos.example" },
 *     attendees: [{ name: "IJsbrand de Vries", email: "ijsbrand@example.nl" }]
 *   }]
 * })
 * if (Either.isRight(ics)) console.log(ics.right)
 * ```
 * @since 0.1.0
 */
export const render = (message: Message): Either.Either<string, ICalendarInputError> => {
  const problems: Array<Problem> = []
  if (message.events.length === 0) problems.push({ path: "events", message: "expected at least one event" })
  for (const [i, e] of message.events.entries()) problems.push(...checkEvent(e, `events[${i}]`))
  const uids = new Set<string>()
  message.events.forEach((e, i) => {
    const key = e.uid
    if (uids.has(key)) problems.push({ path: `events[${i}].uid`, message: `UID ${e.uid} is in the message twice` })
    uids.add(key)
  })
  if (problems.length > 0)
    return Either.left(new ICalendarInputError({ subject: `iCalendar ${message.method}`, problems }))

  // Every named zone used, with the years it must cover.
  const zoneYears = new Map<string, { from: number; to: number }>()
  for (const e of message.events) {
    const starts = [e.start, ...(e.recurrence?._tag === "Dates" ? e.recurrence.starts : [])]
    for (const s of starts) {
      const name = zoneName(s)
      if (name === "UTC") continue
      const fromYear = new Date(DateTime.toEpochMillis(e.start)).getUTCFullYear()
      const toYear = new Date(lastStart(e) + e.durationMinutes * 60_000).getUTCFullYear()
      const known = zoneYears.get(name)
      zoneYears.set(name, {
        from: Math.min(known?.from ?? fromYear, fromYear),
        to: Math.max(known?.to ?? toYear, toYear)
      })
    }
  }
  const stamp = utc(message.stamp)
  const lines = [
    "BEGIN:VCALENDAR",
    `PRODID:${message.productId ?? "-//Grenzeloos//Grenzeloos 0.1//NL"}`,
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `METHOD:${message.method}`,
    ...[...zoneYears.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .flatMap(([name, years]) => VTimezone.lines(name, years.from, years.to)),
    ...message.events.flatMap((e) => eventLines(e, message.method, stamp)),
    "END:VCALENDAR"
  ]
  return Either.right(join(lines))
}

/**
 * The same event changed and sent again: same UID, SEQUENCE one higher.
 *
 * @example
 * ```ts
 * import { DateTime } from "effect"
 * import { ICalendar } from "@grenzeloos/core"
 *
 * declare const sent: ICalendar.Invitation.Event
 * const moved = ICalendar.Invitation.update(sent, {
 *   start: DateTime.unsafeMakeZoned("2027-03-18T12:00:00Z", { timeZone: "Europe/Amsterdam" })
 * })
 * ```
 * @since 0.1.0
 */
export const update = (previous: Event, changes: Partial<Omit<Event, "uid" | "sequence">>): Event => ({
  ...previous,
  ...changes,
  uid: previous.uid,
  sequence: previous.sequence + 1
})

/**
 * The CANCEL message for an event that was sent: same UID, SEQUENCE one higher, STATUS:CANCELLED.
 *
 * @example
 * ```ts
 * import { DateTime } from "effect"
 * import { ICalendar } from "@grenzeloos/core"
 *
 * declare const sent: ICalendar.Invitation.Event
 * const message = ICalendar.Invitation.cancellation(sent, DateTime.unsafeMake("2027-03-01T08:00:00Z"))
 * ```
 * @since 0.1.0
 */
export const cancellation = (previous: Event, stamp: DateTime.DateTime): Message => ({
  method: "CANCEL",
  stamp,
  events: [{ ...previous, sequence: previous.sequence + 1 }]
})

/**
 * A gathering's programme as description text: each item with its local start and end time.
 *
 * @example
 * ```ts
 * import { DateTime } from "effect"
 * import { ICalendar } from "@grenzeloos/core"
 *
 * ICalendar.Invitation.programmeText(
 *   DateTime.unsafeMakeZoned("2027-03-11T12:00:00Z", { timeZone: "Europe/Amsterdam" }),
 *   [{ title: "Omgaan met sabotage", durationMinutes: 60 }, { title: "Worstelen met de Woo", durationMinutes: 45 }]
 * ) // "Programma:\n13:00–14:00 Omgaan met sabotage\n14:00–14:45 Worstelen met de Woo"
 * ```
 * @since 0.1.0
 */
export const programmeText = (
  start: DateTime.Zoned,
  items: ReadonlyArray<{ readonly title: string; readonly durationMinutes: number }>,
  heading = "Programma:"
): string => {
  const hhmm = (z: DateTime.Zoned) => {
    const p = DateTime.toParts(z)
    return `${String(p.hours).padStart(2, "0")}:${String(p.minutes).padStart(2, "0")}`
  }
  let at = start
  const lines = items.map((item) => {
    const end = endOf(at, item.durationMinutes)
    const line = `${hhmm(at)}–${hhmm(end)} ${item.title}`
    at = end
    return line
  })
  return [heading, ...lines].join("\n")
}

// The heading of the programme in the event's description, in the language of its reader.
const PROGRAMME_HEADING: { readonly [L in "nl" | "en"]: string } = { nl: "Programma:", en: "Programme:" }

/**
 * The event of a {@link Domain.Gathering}: UID from its id, SEQUENCE from its own counter, the
 * venue as location and the programme (theme titles looked up by id) in the description.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, ICalendar } from "@grenzeloos/core"
 *
 * declare const gathering: Domain.Gathering
 * const event = ICalendar.Invitation.fromGathering(gathering, {
 *   uidDomain: "grenzeloos.example",
 *   organizer: { name: "Programmateam Grenzeloos", email: "team@grenzeloos.example" },
 *   attendees: [],
 *   themeTitles: new Map()
 * })
 * if (Either.isRight(event)) console.log(event.right.uid)
 * ```
 * @since 0.1.0
 */
export const fromGathering = (
  gathering: Domain.Gathering,
  options: {
    readonly uidDomain: string
    readonly organizer: Person
    readonly attendees: ReadonlyArray<Attendee>
    readonly themeTitles: ReadonlyMap<string, string>
    readonly language?: "nl" | "en"
  }
): Either.Either<Event, ICalendarInputError> => {
  const start = gathering.startsAt
  if (start === undefined) {
    return Either.left(
      new ICalendarInputError({
        subject: `gathering ${gathering.id}`,
        problems: [{ path: "startsAt", message: "the gathering has no start time yet; decide the date first" }]
      })
    )
  }
  const items = gathering.programme.map((item) => ({
    title: options.themeTitles.get(item.themeId) ?? item.themeId,
    durationMinutes: item.durationMinutes
  }))
  const venue = gathering.venue
  return Either.right({
    uid: `${gathering.id}@${options.uidDomain}`,
    sequence: gathering.sequence,
    summary: gathering.title,
    ...(items.length === 0
      ? {}
      : { description: programmeText(start, items, PROGRAMME_HEADING[options.language ?? "nl"]) }),
    ...(venue === undefined
      ? {}
      : { location: venue.address === undefined ? venue.name : `${venue.name}, ${venue.address}` }),
    start,
    durationMinutes: gathering.durationMinutes,
    organizer: options.organizer,
    attendees: options.attendees
  })
}
