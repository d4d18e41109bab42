/**
 * What the use cases of a gathering's life share: the community's time zone, the life-cycle
 * check, the calendar event, who was invited, and the withdrawal of messages that no longer
 * hold. Private: the use-case modules build on it.
 */
import { DateTime, Effect, Option } from "effect"
import type { Gathering, GatheringStatus } from "../domain/Gathering.js"
import type { GatheringStateError, GatheringStep } from "../domain/GatheringLifecycle.js"
import * as Lifecycle from "../domain/GatheringLifecycle.js"
import type { Member } from "../domain/Member.js"
import * as Invitation from "../ical/Invitation.js"
import { everyPage, type OutboxEntry, type StoreError } from "../ports/Store.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import { InvalidState } from "./Errors.js"
import type { Session } from "./Runner.js"
import { Settings } from "./Settings.js"

/** The zone of a community whose record does not say (records from before 0.1 always do). */
export const DEFAULT_ZONE = "Europe/Amsterdam"

/** The community's stored time zone: every local date and time of its use cases is in it. */
export const zoneOf = (session: Session): Effect.Effect<string, StoreError> =>
  Effect.map(
    Repository.get(session.store, Kinds.Communities, session.store.communityId),
    Option.match({ onNone: () => DEFAULT_ZONE, onSome: (c) => c.value.timeZone })
  )

/** Today's date in the community's zone. */
export const todayIn = (session: Session, zone: string): string =>
  DateTime.formatIsoDate(DateTime.unsafeSetZoneNamed(session.now, zone))

/**
 * The state a step leads to, or the refusal that names the gathering's state (or that it has, or
 * has not yet, started) and what can be done: every use case's check of a gathering's state.
 */
export const step = (
  gathering: Gathering,
  name: GatheringStep,
  now: DateTime.Utc
): Effect.Effect<GatheringStatus, GatheringStateError> =>
  Lifecycle.transition(gathering, name, DateTime.toEpochMillis(now))

/**
 * The step by which a closed vote sets the gathering's programme: `setProgramme` until the
 * invitations are out, then only `changeProgramme`, and only when the caller asks for the update
 * to go to every invitee (`updateInvitees`); otherwise the refusal says how.
 */
export const programmeStep = (
  gathering: Gathering,
  updateInvitees: boolean,
  now: DateTime.Utc
): Effect.Effect<GatheringStatus, GatheringStateError | InvalidState> =>
  gathering.status === "invited" && !updateInvitees
    ? Effect.fail(
        new InvalidState({
          subject: `gathering "${gathering.title}" (${gathering.id})`,
          problem: "is invited: its invitations, with their programme, are out",
          hint: "close the vote with updateInvitees to change the programme and send every invitee the update",
          nl: {
            subject: `bijeenkomst "${gathering.title}" (${gathering.id})`,
            problem: "is uitgenodigd: de uitnodigingen, met hun programma, zijn verstuurd",
            hint: "sluit de stemronde met updateInvitees om het programma te wijzigen en elke genodigde de wijziging te sturen"
          }
        })
      )
    : step(gathering, gathering.status === "invited" ? "changeProgramme" : "setProgramme", now)

/**
 * Nothing when the gathering has no open date poll among `polls` (its own), or the refusal that
 * names the open one: a gathering is polled for one set of dates at a time.
 */
export const noOpenPoll = (
  gathering: Gathering,
  polls: ReadonlyArray<{ readonly value: { readonly id: string; readonly status: string } }>
): Effect.Effect<void, InvalidState> => {
  const open = polls.find((p) => p.value.status === "open")
  return open === undefined
    ? Effect.void
    : Effect.fail(
        new InvalidState({
          subject: `gathering ${gathering.id}`,
          problem: `already has an open poll (${open.value.id})`,
          hint: "decide that poll first",
          nl: {
            subject: `bijeenkomst ${gathering.id}`,
            problem: `heeft al een open datumprikker (${open.value.id})`,
            hint: "beslis eerst over die datumprikker"
          }
        })
      )
}

/** Whether the gathering has started by now (a gathering without a date has not). */
export const hasStarted = (gathering: Gathering, now: DateTime.Utc): boolean =>
  Lifecycle.hasStarted(gathering, DateTime.toEpochMillis(now))

// The gathering's calendar event is built once per use case (it reads the theme titles); each
// message then gets the same event with its own attendee.
export const eventOf = (session: Session, gathering: Gathering) =>
  Effect.flatMap(Settings, (settings) =>
    Effect.flatMap(Repository.all(session.store, Kinds.Themes), (themes) =>
      Invitation.fromGathering(gathering, {
        uidDomain: settings.uidDomain,
        organizer: settings.organizer,
        attendees: [],
        themeTitles: new Map(themes.map((t) => [t.value.id as string, t.value.title]))
      })
    )
  )

export const withAttendees = (
  event: Invitation.Event,
  people: ReadonlyArray<{ readonly name: string; readonly email: Invitation.Person["email"] }>
): Invitation.Event => ({
  ...event,
  attendees: people.map((a) => ({ name: a.name, email: a.email, role: "required" as const, rsvp: true }))
})

/**
 * Everyone the gathering's invitation went to, as far as they are still members: the stored
 * invitees (a member paused since still hears of a move or a cancel). A gathering invited before
 * invitees were stored falls back to the active members and whoever answered it.
 */
export const inviteesOf = (session: Session, gathering: Gathering): Effect.Effect<ReadonlyArray<Member>, StoreError> =>
  Effect.map(Repository.all(session.store, Kinds.Members), (members) => {
    const invited = new Set<string>(gathering.invitees)
    const answered = new Set<string>(gathering.rsvps.map((r) => r.memberId))
    return members
      .map((m) => m.value)
      .filter((m) =>
        invited.size > 0
          ? invited.has(m.id) && m.status !== "left"
          : m.status === "active" || (answered.has(m.id) && m.status !== "left")
      )
  })

/** The payload of a rendered notification: its domain event names the subject and the facts. */
interface Payload {
  readonly event?: {
    readonly type?: string
    readonly subject?: { readonly kind?: string; readonly id?: string }
    readonly data?: Readonly<Record<string, unknown>>
  }
}

const payloadOf = (entry: OutboxEntry): Payload =>
  typeof entry.payload === "object" && entry.payload !== null ? (entry.payload as Payload) : {}

type About = OutboxEntry & { readonly event: NonNullable<Payload["event"]> }

/**
 * Messages in the outbox about a subject (say, a gathering), every page read: of one status
 * (`pending`: still waiting), or all of them.
 */
export const messagesAbout = (
  session: Session,
  subject: { readonly kind: string; readonly id: string },
  keep: (event: NonNullable<Payload["event"]>) => boolean = () => true,
  status?: OutboxEntry["status"]
): Effect.Effect<ReadonlyArray<About>, StoreError> =>
  Effect.map(
    everyPage((page) => session.store.outbox({ ...page, ...(status === undefined ? {} : { status }) })),
    (entries) => {
      const out: Array<About> = []
      for (const entry of entries) {
        const event = payloadOf(entry).event
        if (event?.subject?.kind === subject.kind && event.subject.id === subject.id && keep(event))
          out.push({ ...entry, event })
      }
      return out
    }
  )

/** Messages still waiting in the outbox about a subject. */
export const pendingAbout = (
  session: Session,
  subject: { readonly kind: string; readonly id: string },
  keep: (event: NonNullable<Payload["event"]>) => boolean = () => true
): Effect.Effect<ReadonlyArray<About>, StoreError> => messagesAbout(session, subject, keep, "pending")

/** The members a message of the kind was already made for (sent or waiting), by its event. */
export const alreadySent = (messages: ReadonlyArray<About>): ReadonlySet<string> =>
  new Set(
    messages.flatMap((m) => {
      const id = m.event.data?.memberId
      return typeof id === "string" ? [id] : []
    })
  )

/**
 * What a use case commits to take messages that no longer hold out of the outbox: today their
 * removal. The one place that will also declare the outbox's supersession once the Store port
 * has it (decision 0094), so no use case builds its own.
 */
export const withdrawal = (
  messages: ReadonlyArray<{ readonly id: string }>
): { readonly outboxRemovals: ReadonlyArray<string> } => ({ outboxRemovals: messages.map((m) => m.id) })

/** Whole days before a start at which each pending reminder was queued, from its payload. */
export const reminderDays = (messages: ReadonlyArray<{ readonly event: Payload["event"] }>): ReadonlyArray<number> => [
  ...new Set(
    messages.flatMap((m) => {
      const days = m.event?.data?.daysBefore
      return m.event?.type === "gathering.reminded" && typeof days === "number" ? [days] : []
    })
  )
]
