/**
 * Learning-group sessions: the timetable of a round's groups through the Sessions stored
 * on each group and sent to its members and facilitator as one calendar series.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import { CalendarDate } from "../domain/CalendarDate.js"
import { DurationMinutes } from "../domain/Duration.js"
import { LearningGroupId, MemberId, RoundId } from "../domain/Ids.js"
import { LearningGroup } from "../domain/LearningGroup.js"
import { Weekday } from "../domain/Member.js"
import { Title } from "../domain/Text.js"
import { ensure } from "../internal/lifecycle.js"
import type { Notification } from "../notify/Templates.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import { TimeOfDay } from "../scheduling/LocalTime.js"
import * as Timetabler from "../scheduling/Sessions.js"
import { CalendarOptions } from "../scheduling/UnsuitableDays.js"
import { InvalidState } from "./Errors.js"
import { todayIn, zoneOf } from "./GatheringSupport.js"
import { addressee, authorize, begin, commit, input, notify, puts, required } from "./Runner.js"
import { Settings } from "./Settings.js"

/**
 * The input of {@link planSessions}: the round, how many sessions each group has, when in the
 * day and for how long; the period defaults to the round's own.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const plan: typeof Services.Sessions.PlanSessions.Encoded = {
 *   roundId: "round-0001",
 *   sessions: 6,
 *   startTime: "14:00",
 *   durationMinutes: 180,
 *   weekdays: ["tuesday", "wednesday", "thursday"],
 *   calendar: { schoolRegions: ["middle"] }
 * }
 * const program = Services.Sessions.planSessions(team, plan)
 * ```
 * @since 0.1.0
 */
export const PlanSessions = Schema.Struct({
  roundId: RoundId,
  sessions: Schema.Int.pipe(Schema.between(1, 52)),
  startTime: TimeOfDay,
  durationMinutes: DurationMinutes,
  from: Schema.optionalWith(CalendarDate, { exact: true }),
  to: Schema.optionalWith(CalendarDate, { exact: true }),
  weekdays: Schema.optionalWith(Schema.NonEmptyArray(Weekday), { exact: true }),
  /** A weekday per group, where a group has agreed one. */
  preferredWeekdays: Schema.optionalWith(Schema.Array(Schema.Struct({ groupId: LearningGroupId, weekday: Weekday })), {
    exact: true
  }),
  calendar: Schema.optionalWith(CalendarOptions, { exact: true }),
  minGapDays: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 366)), { exact: true }),
  /** Where the sessions take place, as the invitations say. */
  location: Schema.optionalWith(Title, { exact: true }),
  /** Send the invitations (default true); false only stores the timetable. */
  invite: Schema.optionalWith(Schema.Boolean, { exact: true })
}).annotations({ identifier: "PlanSessions" })

/**
 * Plans the sessions of every group of a round (published or not) with the Sessions engine: the
 * sessions spread evenly over the period, on allowed weekdays, away from holidays and the days
 * members or facilitators cannot, never two on one day for the same person; all in the
 * community's time zone. The timetable is stored on each group, and each member and facilitator
 * is sent the group's sessions as one calendar series (the first session with the others as
 * RDATEs). Planning again sends the new timetable as an update of the same series (same UID,
 * SEQUENCE + 1). A group that cannot be timetabled is named with the reason and the people in the
 * way. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Sessions.planSessions(team, {
 *   roundId: "round-0001",
 *   sessions: 5,
 *   startTime: "13:30",
 *   durationMinutes: 150
 * })
 * ```
 * @since 0.1.0
 */
export const planSessions = Effect.fn("Sessions.planSessions")(function* (
  actor: unknown,
  value: typeof PlanSessions.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(PlanSessions, "session plan")(value)
  yield* authorize(session, "sessions.plan", { _tag: "Community", communityId: session.actor.communityId })
  const round = yield* required(session, Kinds.Rounds, request.roundId, "roundId")
  yield* ensure("planSessions", { ...round.value, title: round.value.name })
  const [stored, members, facilitators, zone, settings] = yield* Effect.all([
    Repository.all(session.store, Kinds.LearningGroups, { roundId: request.roundId }),
    Repository.all(session.store, Kinds.Members),
    Repository.all(session.store, Kinds.Facilitators),
    zoneOf(session),
    Settings
  ])
  // The timetable depends on the order of the groups: take them by name ("Leergroep 2" before
  // "Leergroep 10"), not by their random ids, so the same round gets the same dates in any store.
  const groups = [...stored].sort(
    (a, b) => a.value.name.localeCompare(b.value.name, "nl", { numeric: true }) || a.value.id.localeCompare(b.value.id)
  )
  if (groups.length === 0)
    return yield* Effect.fail(
      new InvalidState({
        subject: `round "${round.value.name}" (${round.value.id})`,
        problem: "has no groups",
        hint: "form its groups first (formGroups)",
        nl: {
          subject: `ronde "${round.value.name}" (${round.value.id})`,
          problem: "heeft geen groepen",
          hint: "vorm eerst haar groepen (formGroups)"
        }
      })
    )
  // From the round's start, or today when the round is under way (ISO dates sort as text).
  const from = CalendarDate.make(request.from ?? [round.value.startsOn, todayIn(session, zone)].sort()[1] ?? "")
  const to = request.to ?? round.value.endsOn
  const preferred = new Map((request.preferredWeekdays ?? []).map((p) => [p.groupId as string, p.weekday]))
  const memberById = new Map(members.map((m) => [m.value.id as string, m.value]))
  const facilitatorById = new Map(facilitators.map((f) => [f.value.id as string, f.value]))
  const timetable = yield* Timetabler.timetable({
    from,
    to,
    groups: groups.map(({ value: g }) => {
      const weekday = preferred.get(g.id)
      return {
        id: g.id,
        memberIds: g.memberIds,
        ...(g.facilitatorId === undefined ? {} : { facilitatorId: g.facilitatorId }),
        sessions: request.sessions,
        ...(weekday === undefined ? {} : { preferredWeekday: weekday }),
        startTime: request.startTime,
        durationMinutes: request.durationMinutes
      }
    }),
    members: groups.flatMap(({ value: g }) =>
      g.memberIds.flatMap((id) => {
        const unavailableOn = memberById.get(id)?.availability?.unavailableOn ?? []
        return unavailableOn.length === 0 ? [] : [{ id: MemberId.make(id), unavailableOn }]
      })
    ),
    timeZone: zone,
    ...(request.weekdays === undefined ? {} : { weekdays: request.weekdays }),
    ...(request.calendar === undefined ? {} : { calendar: request.calendar }),
    ...(request.minGapDays === undefined ? {} : { minGapDays: request.minGapDays })
  })
  if (timetable._tag === "Infeasible") {
    const group = groups.find((g) => g.value.id === timetable.groupId)?.value
    const people = timetable.people.map(
      (p) => (p.role === "member" ? memberById.get(p.id)?.name : facilitatorById.get(p.id)?.name) ?? p.id
    )
    return yield* Effect.fail(
      new InvalidState({
        subject: `${group?.name ?? timetable.groupId}, session ${timetable.sessionNumber} (${timetable.windowFrom} – ${timetable.windowTo})`,
        problem: `cannot be timetabled: ${
          timetable.reason === "no-day"
            ? "no day in its window is possible"
            : timetable.reason === "double-booking"
              ? "every possible day collides with another group's session"
              : "the search ran out of steps"
        }${people.length > 0 ? ` (in the way: ${people.join(", ")})` : ""}`,
        hint: "allow more weekdays, a longer period, fewer sessions, or a smaller minGapDays",
        nl: {
          subject: `${group?.name ?? timetable.groupId}, bijeenkomst ${timetable.sessionNumber} (${timetable.windowFrom} – ${timetable.windowTo})`,
          problem: `kan niet worden ingeroosterd: ${
            timetable.reason === "no-day"
              ? "geen dag in het venster is mogelijk"
              : timetable.reason === "double-booking"
                ? "elke mogelijke dag botst met een bijeenkomst van een andere groep"
                : "de zoektocht had geen stappen meer"
          }${people.length > 0 ? ` (in de weg: ${people.join(", ")})` : ""}`,
          hint: "sta meer weekdagen, een langere periode, minder bijeenkomsten of minder dagen tussen bijeenkomsten toe"
        }
      })
    )
  }
  const byGroup = new Map<string, Array<Timetabler.Session>>()
  for (const s of timetable.sessions) {
    const list = byGroup.get(s.groupId) ?? []
    list.push(s)
    byGroup.set(s.groupId, list)
  }
  const planned = groups.map(({ value: g, version }) => {
    const sessions = (byGroup.get(g.id) ?? []).sort((a, b) => a.number - b.number)
    // `true`: built from decoded values, and the Store checks each record as it encodes it, so the
    // constructor's validation (compiled anew on every call, about 0.13 ms) is skipped (decision 0149).
    return {
      version,
      value: new LearningGroup(
        {
          ...g,
          sessions: sessions.map((s) => ({
            number: s.number,
            startsAt: s.startsAt,
            durationMinutes: s.durationMinutes
          })),
          // The first timetable is SEQUENCE 0; every later one an update of the same series.
          sessionsSequence: g.sessions === undefined ? 0 : (g.sessionsSequence ?? 0) + 1
        },
        true
      )
    }
  })
  const invite = request.invite ?? true
  const notifications: Array<Notification> = invite
    ? planned.flatMap(({ value: g }) => {
        const [first, ...rest] = g.sessions ?? []
        if (first === undefined) return []
        const facilitator = g.facilitatorId === undefined ? undefined : facilitatorById.get(g.facilitatorId)
        const event = {
          uid: `${g.id}-sessions@${settings.uidDomain}`,
          sequence: g.sessionsSequence ?? 0,
          summary: `${g.name} — ${round.value.name}`,
          ...(request.location === undefined ? {} : { location: request.location }),
          start: first.startsAt,
          durationMinutes: first.durationMinutes,
          organizer: settings.organizer,
          attendees: [],
          ...(rest.length === 0 ? {} : { recurrence: { _tag: "Dates" as const, starts: rest.map((s) => s.startsAt) } })
        }
        const people = [
          ...g.memberIds.flatMap((id) => {
            const member = memberById.get(id)
            return member === undefined || member.status === "left" ? [] : [addressee(member)]
          }),
          ...(facilitator === undefined
            ? []
            : [
                {
                  memberId: MemberId.make(facilitator.id),
                  name: facilitator.name,
                  email: facilitator.email,
                  language: facilitator.preferredLanguage
                }
              ])
        ]
        return people.map(
          (recipient): Notification => ({
            _tag: "SessionInvitation",
            recipient,
            groupId: g.id,
            groupName: g.name,
            event,
            sessions: g.sessions?.length ?? 0
          })
        )
      })
    : []
  const outbox = yield* notify(session, notifications)
  yield* commit(session, "sessions.plan", {
    writes: yield* puts(Kinds.LearningGroups, planned),
    outbox,
    subject: { kind: "round", id: round.value.id },
    detail: { groups: planned.length, sessions: timetable.sessions.length, messages: outbox.length }
  })
  return {
    round: round.value,
    groups: planned.map((g) => g.value),
    sessions: timetable.sessions.length,
    messages: outbox.length
  }
})
