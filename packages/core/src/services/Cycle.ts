/**
 * The rest of a gathering's life: ask the members to answer the date poll (or record their
 * answers for them), move the gathering, cancel it, and close it once it has been held. A move
 * and a cancellation keep the calendar UID and raise SEQUENCE, reach everyone invited, and take
 * the messages that no longer hold out of the outbox.
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Schema } from "effect"
import { AvailabilityAnswer, AvailabilityPoll, PollResponse } from "../domain/AvailabilityPoll.js"
import { CalendarDate } from "../domain/CalendarDate.js"
import { DurationMinutes } from "../domain/Duration.js"
import { Gathering, Venue } from "../domain/Gathering.js"
import { AvailabilityPollId, CommunityId, GatheringId, MemberId, PollResponseId, SlotId } from "../domain/Ids.js"
import { FreeText, Title } from "../domain/Text.js"
import { Theme } from "../domain/Theme.js"
import { ensure } from "../internal/lifecycle.js"
import type { Notification } from "../notify/Templates.js"
import type { OutboxMessage } from "../ports/Store.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import * as LocalTime from "../scheduling/LocalTime.js"
import * as Texts from "../texts/index.js"
import { type EntryProblem, entryProblems } from "./Acting.js"
import { InvalidState } from "./Errors.js"
import {
  eventOf,
  inviteesOf,
  messagesAbout,
  pendingAbout,
  reminderDays,
  step,
  withAttendees,
  withdrawal,
  zoneOf
} from "./GatheringSupport.js"
import { addressee, authorize, begin, commit, input, naturalKey, notify, puts, required } from "./Runner.js"

const DAY = 86_400_000

/**
 * The input of {@link moveGathering}: the new date, start time, length or place (at least one).
 * `location` is a place by name only; `venue` gives its address and capacity too.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const move: typeof Services.Cycle.MoveGathering.Encoded = {
 *   gatheringId: "gathering-0001",
 *   date: "2027-03-18",
 *   start: "14:00",
 *   location: "Nieuwspoort, Den Haag"
 * }
 * const program = Services.Cycle.moveGathering(team, move)
 * ```
 * @since 0.1.0
 */
export const MoveGathering = Schema.Struct({
  gatheringId: GatheringId,
  date: Schema.optionalWith(CalendarDate, { exact: true }),
  start: Schema.optionalWith(LocalTime.TimeOfDay, { exact: true }),
  durationMinutes: Schema.optionalWith(DurationMinutes, { exact: true }),
  location: Schema.optionalWith(Title, { exact: true }),
  venue: Schema.optionalWith(Venue, { exact: true }),
  /** A line for the invitees on why it moved. */
  note: Schema.optionalWith(FreeText, { exact: true })
}).annotations({ identifier: "MoveGathering" })

/**
 * Moves a gathering whose date is decided to another date, time or place, in the community's
 * time zone. The calendar UID stays and SEQUENCE goes up by one; once invited, every invitee is
 * sent the update. Invitations and reminders still waiting for the old moment are withdrawn, and
 * the reminders are queued again for the new one (those whose day has not passed). A moment in
 * the past is refused. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Cycle.moveGathering(team, { gatheringId: "gathering-0001", date: "2027-03-18" })
 * ```
 * @since 0.1.0
 */
export const moveGathering = Effect.fn("Cycle.moveGathering")(function* (
  actor: unknown,
  value: typeof MoveGathering.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(MoveGathering, "move")(value)
  yield* authorize(session, "gathering.move", { _tag: "Community", communityId: session.actor.communityId })
  const gathering = yield* required(session, Kinds.Gatherings, request.gatheringId, "gatheringId")
  const state = yield* step(gathering.value, "moveGathering", session.now)
  const g = gathering.value
  if (
    request.date === undefined &&
    request.start === undefined &&
    request.durationMinutes === undefined &&
    request.location === undefined &&
    request.venue === undefined
  )
    return yield* Effect.fail(
      new InvalidState({
        subject: "the move",
        problem: "changes nothing",
        hint: "give a new date, start, durationMinutes, location or venue",
        nl: {
          subject: "de verplaatsing",
          problem: "verandert niets",
          hint: "geef een nieuwe datum, begintijd, duur of locatie"
        }
      })
    )
  const zone = yield* zoneOf(session)
  const current = DateTime.unsafeSetZoneNamed(g.startsAt ?? session.now, zone)
  const date = request.date ?? LocalTime.localDate(current)
  const parts = DateTime.toParts(current)
  const minutes = request.start === undefined ? parts.hours * 60 + parts.minutes : LocalTime.minutesOfDay(request.start)
  const startsAt = LocalTime.at(date, minutes, DateTime.zoneUnsafeMakeNamed(zone))
  if (DateTime.toEpochMillis(startsAt) <= DateTime.toEpochMillis(session.now))
    return yield* Effect.fail(
      new InvalidState({
        subject: request.date === undefined ? "start" : "date",
        problem: `(${date} ${request.start ?? ""}) is in the past`.replace(" )", ")"),
        hint: "move the gathering to a moment after now",
        nl: {
          subject: request.date === undefined ? "start" : "date",
          problem: `(${date} ${request.start ?? ""}) ligt in het verleden`.replace(" )", ")"),
          hint: "verplaats de bijeenkomst naar een moment in de toekomst"
        }
      })
    )
  const venue = request.venue ?? (request.location === undefined ? g.venue : { ...g.venue, name: request.location })
  const moved = new Gathering({
    ...g,
    status: state,
    startsAt,
    ...(request.durationMinutes === undefined ? {} : { durationMinutes: request.durationMinutes }),
    ...(venue === undefined ? {} : { venue }),
    sequence: g.sequence + 1
  })
  // Everything still waiting about the gathering carries the old moment.
  const stale = yield* pendingAbout(session, { kind: "gathering", id: g.id })
  const days = reminderDays(stale)
  let outbox: ReadonlyArray<OutboxMessage> = []
  let invitees = 0
  if (state === "invited") {
    const [members, event, earlier] = yield* Effect.all([
      inviteesOf(session, moved),
      eventOf(session, moved),
      eventOf(session, g)
    ])
    const declined = new Set<string>(moved.rsvps.filter((r) => r.response === "no").map((r) => r.memberId))
    const start = DateTime.toEpochMillis(startsAt)
    const now = DateTime.toEpochMillis(session.now)
    const notifications: Array<Notification> = [
      ...members.map(
        (m): Notification => ({
          _tag: "GatheringChanged",
          recipient: addressee(m),
          event: withAttendees(event, [m]),
          ...(request.note === undefined ? {} : { change: request.note }),
          // An invited gathering has a start: the mail says when and where it was.
          previous: {
            start: earlier.start,
            ...(earlier.location === undefined ? {} : { location: earlier.location })
          }
        })
      ),
      ...members
        .filter((m) => m.status === "active" && !declined.has(m.id))
        .flatMap((m) =>
          days
            .filter((d) => start - d * DAY >= now)
            .map(
              (daysBefore): Notification => ({
                _tag: "Reminder",
                recipient: addressee(m),
                event: withAttendees(event, [m]),
                daysBefore
              })
            )
        )
    ]
    outbox = yield* notify(session, notifications, {
      availableAt: (n) => (n._tag === "Reminder" ? start - n.daysBefore * DAY : undefined)
    })
    invitees = members.length
  }
  yield* commit(session, "gathering.move", {
    writes: yield* puts(Kinds.Gatherings, [{ value: moved, version: gathering.version }]),
    outbox,
    ...withdrawal(stale),
    subject: { kind: "gathering", id: g.id },
    detail: {
      startsAt: DateTime.formatIso(startsAt),
      sequence: moved.sequence,
      updated: invitees,
      withdrawn: stale.length,
      venueChanged: venue !== g.venue
    }
  })
  return { gathering: moved, updated: invitees, withdrawn: stale.length }
})

/**
 * The input of {@link cancelGathering}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const cancel: typeof Services.Cycle.CancelGathering.Encoded = {
 *   gatheringId: "gathering-0001",
 *   reason: "Te weinig aanmeldingen."
 * }
 * const program = Services.Cycle.cancelGathering(team, cancel)
 * ```
 * @since 0.1.0
 */
export const CancelGathering = Schema.Struct({
  gatheringId: GatheringId,
  reason: Schema.optionalWith(FreeText, { exact: true })
}).annotations({ identifier: "CancelGathering" })

/**
 * Cancels a gathering that has not been held. Once invited, every invitee is sent the
 * cancellation (iCalendar METHOD:CANCEL with the same UID and SEQUENCE + 1); invitations,
 * updates and reminders still waiting for it are withdrawn from the outbox, its open date poll
 * is closed, and the themes on its programme go back to the backlog. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Cycle.cancelGathering(team, { gatheringId: "gathering-0001" })
 * ```
 * @since 0.1.0
 */
export const cancelGathering = Effect.fn("Cycle.cancelGathering")(function* (
  actor: unknown,
  value: typeof CancelGathering.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(CancelGathering, "cancellation")(value)
  yield* authorize(session, "gathering.cancel", { _tag: "Community", communityId: session.actor.communityId })
  const gathering = yield* required(session, Kinds.Gatherings, request.gatheringId, "gatheringId")
  const g = gathering.value
  const state = yield* step(g, "cancelGathering", session.now)
  const [stale, polls, themes] = yield* Effect.all([
    pendingAbout(session, { kind: "gathering", id: g.id }),
    Repository.all(session.store, Kinds.AvailabilityPolls, { gatheringId: g.id }),
    Repository.all(session.store, Kinds.Themes, { status: "scheduled" })
  ])
  let outbox: ReadonlyArray<OutboxMessage> = []
  let notified = 0
  if (g.status === "invited") {
    // The cancellation is of the event as it was sent; the template raises its SEQUENCE by one.
    const [members, event] = yield* Effect.all([inviteesOf(session, g), eventOf(session, g)])
    outbox = yield* notify(
      session,
      members.map(
        (m): Notification => ({
          _tag: "GatheringCancelled",
          recipient: addressee(m),
          event: withAttendees(event, [m]),
          ...(request.reason === undefined ? {} : { reason: request.reason })
        })
      )
    )
    notified = members.length
  }
  const cancelled = new Gathering({ ...g, status: state, sequence: g.sequence + 1 })
  const onProgramme = new Set<string>(g.programme.map((p) => p.themeId))
  yield* commit(session, "gathering.cancel", {
    writes: [
      ...(yield* puts(Kinds.Gatherings, [{ value: cancelled, version: gathering.version }])),
      ...(yield* puts(
        Kinds.AvailabilityPolls,
        polls
          .filter((p) => p.value.status === "open")
          .map((p) => ({ value: new AvailabilityPoll({ ...p.value, status: "closed" }), version: p.version }))
      )),
      ...(yield* puts(
        Kinds.Themes,
        themes
          .filter((t) => onProgramme.has(t.value.id))
          .map((t) => ({ value: new Theme({ ...t.value, status: "backlog" }), version: t.version }))
      ))
    ],
    outbox,
    ...withdrawal(stale),
    subject: { kind: "gathering", id: g.id },
    detail: { sequence: cancelled.sequence, notified, withdrawn: stale.length }
  })
  return { gathering: cancelled, notified, withdrawn: stale.length }
})

/**
 * Names a gathering: the input of {@link closeGathering}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ref: typeof Services.Cycle.GatheringRef.Encoded = { gatheringId: "gathering-0001" }
 * ```
 * @since 0.1.0
 */
export const GatheringRef = Schema.Struct({ gatheringId: GatheringId }).annotations({ identifier: "GatheringRef" })

/**
 * Closes a gathering that was held: its attendance is final and nothing more is sent about it.
 * Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Cycle.closeGathering(team, { gatheringId: "gathering-0001" })
 * ```
 * @since 0.1.0
 */
export const closeGathering = Effect.fn("Cycle.closeGathering")(function* (
  actor: unknown,
  value: typeof GatheringRef.Encoded
) {
  const session = yield* begin(actor)
  const { gatheringId } = yield* input(GatheringRef, "gathering")(value)
  yield* authorize(session, "gathering.close", { _tag: "Community", communityId: session.actor.communityId })
  const gathering = yield* required(session, Kinds.Gatherings, gatheringId, "gatheringId")
  const state = yield* step(gathering.value, "closeGathering", session.now)
  const stale = yield* pendingAbout(session, { kind: "gathering", id: gatheringId })
  const closed = new Gathering({ ...gathering.value, status: state })
  yield* commit(session, "gathering.close", {
    writes: yield* puts(Kinds.Gatherings, [{ value: closed, version: gathering.version }]),
    ...withdrawal(stale),
    subject: { kind: "gathering", id: gatheringId },
    detail: { withdrawn: stale.length }
  })
  return closed
})

/**
 * The input of {@link requestPollAnswers}: the poll, and optionally a link to the answer form.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const request: typeof Services.Cycle.RequestPollAnswers.Encoded = {
 *   pollId: "poll-0001",
 *   url: "https://grenzeloos.example.nl/prikker/poll-0001"
 * }
 * const program = Services.Cycle.requestPollAnswers(team, request)
 * ```
 * @since 0.1.0
 */
export const RequestPollAnswers = Schema.Struct({
  pollId: AvailabilityPollId,
  url: Schema.optionalWith(Schema.String.pipe(Schema.pattern(/^https:\/\/\S+$/), Schema.maxLength(2000)), {
    exact: true
  })
}).annotations({ identifier: "RequestPollAnswers" })

/**
 * E-mails every active member who has not answered an open poll its candidate dates, in their
 * own language and the community's time zone. Asking again reaches only those who still have
 * not answered, as a reminder. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Cycle.requestPollAnswers(team, { pollId: "poll-0001" })
 * ```
 * @since 0.1.0
 */
export const requestPollAnswers = Effect.fn("Cycle.requestPollAnswers")(function* (
  actor: unknown,
  value: typeof RequestPollAnswers.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(RequestPollAnswers, "poll request")(value)
  yield* authorize(session, "poll.request", { _tag: "Community", communityId: session.actor.communityId })
  const poll = yield* required(session, Kinds.AvailabilityPolls, request.pollId, "pollId")
  yield* ensure("requestPollAnswers", poll.value)
  if (poll.value.gatheringId !== undefined)
    yield* step(
      (yield* required(session, Kinds.Gatherings, poll.value.gatheringId, "pollId (its gathering)")).value,
      "requestPollAnswers",
      session.now
    )
  const [members, responses, asked, zone] = yield* Effect.all([
    Repository.all(session.store, Kinds.Members, { status: "active" }),
    Repository.all(session.store, Kinds.PollResponses, { pollId: poll.value.id }),
    messagesAbout(session, { kind: "availability-poll", id: poll.value.id }, (e) => e.type === "poll.requested"),
    zoneOf(session)
  ])
  const answered = new Set<string>(responses.map((r) => r.value.memberId))
  const times = new Map<string, number>()
  for (const m of asked) {
    const id = m.event.data?.memberId
    if (typeof id === "string") times.set(id, Math.max(times.get(id) ?? 0, Number(m.event.data?.asked ?? 0) + 1))
  }
  const slots = poll.value.slots.map((s) => DateTime.unsafeSetZoneNamed(s.startsAt, zone))
  const toAsk = members.filter((m) => !answered.has(m.value.id))
  const outbox = yield* notify(
    session,
    toAsk.map(
      ({ value: m }): Notification => ({
        _tag: "PollRequest",
        recipient: addressee(m),
        pollId: poll.value.id,
        title: poll.value.title,
        slots,
        asked: times.get(m.id) ?? 0,
        ...(request.url === undefined ? {} : { url: request.url })
      })
    )
  )
  yield* commit(session, "poll.request", {
    writes: [],
    outbox,
    subject: { kind: "availability-poll", id: poll.value.id },
    detail: {
      asked: toAsk.length,
      answered: answered.size,
      reminders: toAsk.filter((m) => times.has(m.value.id)).length
    }
  })
  return { asked: toAsk.length, alreadyAnswered: answered.size, messages: outbox.length }
})

/**
 * The input of {@link recordPollAnswers}: each member's answers to the poll's slots.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const sheet: typeof Services.Cycle.RecordPollAnswers.Encoded = {
 *   pollId: "poll-0001",
 *   responses: [{ memberId: "m-001", answers: [{ slotId: "slot-1", answer: "yes" }] }]
 * }
 * const program = Services.Cycle.recordPollAnswers(team, sheet)
 * ```
 * @since 0.1.0
 */
export const RecordPollAnswers = Schema.Struct({
  pollId: AvailabilityPollId,
  responses: Schema.Array(
    Schema.Struct({
      memberId: MemberId,
      answers: Schema.Array(Schema.Struct({ slotId: SlotId, answer: AvailabilityAnswer }))
    })
  )
}).annotations({ identifier: "RecordPollAnswers" })

/**
 * Records members' answers to an open poll for them (answers collected on paper, by e-mail or in
 * a spreadsheet), in one commit; a member's earlier answers are replaced, and the request still
 * waiting in the outbox for them is withdrawn. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Cycle.recordPollAnswers(team, {
 *   pollId: "poll-0001",
 *   responses: [{ memberId: "m-001", answers: [{ slotId: "slot-1", answer: "if-need-be" }] }]
 * })
 * ```
 * @since 0.1.0
 */
export const recordPollAnswers = Effect.fn("Cycle.recordPollAnswers")(function* (
  actor: unknown,
  value: typeof RecordPollAnswers.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(RecordPollAnswers, "poll answers")(value)
  yield* authorize(session, "poll.record", { _tag: "Community", communityId: session.actor.communityId })
  const poll = yield* required(session, Kinds.AvailabilityPolls, request.pollId, "pollId")
  yield* ensure("answerPoll", poll.value)
  const [members, existing] = yield* Effect.all([
    Repository.all(session.store, Kinds.Members),
    Repository.all(session.store, Kinds.PollResponses, { pollId: poll.value.id })
  ])
  const known = new Map(members.map((m) => [m.value.id as string, m.value]))
  const slots = new Set<string>(poll.value.slots.map((s) => s.id))
  const byMember = entryProblems(request.responses, known, (i) => `responses[${i}]`)
  const problems = request.responses.flatMap(
    (r, i): ReadonlyArray<EntryProblem> => [
      ...(byMember[i] ?? []),
      ...r.answers.flatMap(
        (a, j): ReadonlyArray<EntryProblem> =>
          slots.has(a.slotId)
            ? []
            : [{ _tag: "NotASlot", path: `responses[${i}].answers[${j}].slotId`, slotId: a.slotId }]
      )
    ]
  )
  if (problems.length > 0)
    return yield* Effect.fail(
      new InvalidState({
        subject: "the poll answers",
        problem: problems.map((p) => Texts.en.reason(p)).join("; "),
        hint: `answer for active members and the poll's slots (${[...slots].join(", ")})`,
        nl: {
          subject: "de antwoorden op de datumprikker",
          problem: problems.map((p) => Texts.nl.reason(p)).join("; "),
          hint: `antwoord voor actieve leden en de momenten van de datumprikker (${[...slots].join(", ")})`
        }
      })
    )
  const versions = new Map(existing.map((r) => [r.value.id as string, r.version]))
  // `true`: built from decoded values, and the Store checks each record as it encodes it, so the
  // constructor's validation (compiled anew on every call, about 0.13 ms) is skipped (decision 0149).
  const responses = request.responses.map(
    (r) =>
      new PollResponse(
        {
          id: PollResponseId.make(naturalKey(poll.value.id, r.memberId)),
          communityId: CommunityId.make(session.store.communityId),
          pollId: poll.value.id,
          memberId: r.memberId,
          answers: r.answers,
          respondedAt: session.now
        },
        true
      )
  )
  const answered = new Set<string>(responses.map((r) => r.memberId))
  const requests = yield* pendingAbout(
    session,
    { kind: "availability-poll", id: poll.value.id },
    (e) => e.type === "poll.requested" && typeof e.data?.memberId === "string" && answered.has(e.data.memberId)
  )
  yield* commit(session, "poll.record", {
    writes: yield* puts(
      Kinds.PollResponses,
      responses.map((r) => ({ value: r, version: versions.get(r.id) ?? 0 }))
    ),
    ...withdrawal(requests),
    subject: { kind: "availability-poll", id: poll.value.id },
    detail: { responses: responses.length, replaced: responses.filter((r) => versions.has(r.id)).length }
  })
  return { pollId: poll.value.id, recorded: responses.length, requestsWithdrawn: requests.length }
})
