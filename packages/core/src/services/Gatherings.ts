/**
 * Use cases of the quarterly gathering: plan it, propose candidate dates that avoid holidays,
 * run the availability poll, decide the date, send the invitations and reminders, and record
 * RSVPs and attendance.
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Either, Option, Schema } from "effect"
import { AvailabilityAnswer, AvailabilityPoll, PollResponse } from "../domain/AvailabilityPoll.js"
import { CalendarDate } from "../domain/CalendarDate.js"
import { DecodeError } from "../domain/DecodeError.js"
import { DurationMinutes } from "../domain/Duration.js"
import { Gathering, RsvpResponse, Venue } from "../domain/Gathering.js"
import { AvailabilityPollId, CommunityId, GatheringId, MemberId, PollResponseId, SlotId } from "../domain/Ids.js"
import { Weekday } from "../domain/Member.js"
import { Quarter } from "../domain/Quarter.js"
import { Title } from "../domain/Text.js"
import { Theme } from "../domain/Theme.js"
import { ensure } from "../internal/lifecycle.js"
import type { Notification } from "../notify/Templates.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import * as CandidateSlots from "../scheduling/CandidateSlots.js"
import { TimeOfDay } from "../scheduling/LocalTime.js"
import * as Poll from "../scheduling/Poll.js"
import { CalendarOptions } from "../scheduling/UnsuitableDays.js"
import * as Texts from "../texts/index.js"
import { activeMember, ownRecord } from "./Acting.js"
import { InvalidState, NotAllowed } from "./Errors.js"
import {
  alreadySent,
  eventOf,
  messagesAbout,
  noOpenPoll,
  pendingAbout,
  step,
  withAttendees,
  withdrawal,
  zoneOf
} from "./GatheringSupport.js"
import { openPolls, pollStandingFor } from "./PollPrivacy.js"
import { addressee, authorize, begin, commit, input, naturalKey, notify, puts, required } from "./Runner.js"

/**
 * The input of {@link planGathering}.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Services } from "@grenzeloos/core"
 *
 * // A web form checked before the use case runs, so every problem shows beside its field.
 * declare const form: unknown
 * const checked = Domain.decode(Services.Gatherings.PlanGathering)(form)
 * if (Either.isLeft(checked)) for (const p of checked.left.problems) console.log(p.path, p.message)
 * ```
 * @since 0.1.0
 */
export const PlanGathering = Schema.Struct({
  title: Title,
  quarter: Quarter,
  durationMinutes: DurationMinutes,
  venue: Schema.optionalWith(Venue, { exact: true })
}).annotations({ identifier: "PlanGathering" })

/**
 * Plans the gathering of a quarter (state `planned`, no date yet). Running it again for the
 * same quarter returns the gathering already planned. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Gatherings.planGathering(team, {
 *   title: "Kwartaalbijeenkomst voorjaar 2027",
 *   quarter: "2027-Q1",
 *   durationMinutes: 240
 * })
 * ```
 * @since 0.1.0
 */
export const planGathering = Effect.fn("Gatherings.planGathering")(function* (
  actor: unknown,
  value: typeof PlanGathering.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(PlanGathering, "gathering")(value)
  yield* authorize(session, "gathering.plan", { _tag: "Community", communityId: session.actor.communityId })
  const existing = yield* Repository.all(session.store, Kinds.Gatherings, { quarter: request.quarter })
  const current = existing.find((g) => g.value.status !== "cancelled")
  if (current !== undefined) return current.value
  const gathering = new Gathering({
    id: GatheringId.make(yield* session.ids.next("gathering")),
    communityId: CommunityId.make(session.store.communityId),
    title: request.title,
    quarter: request.quarter,
    status: "planned",
    durationMinutes: request.durationMinutes,
    ...(request.venue === undefined ? {} : { venue: request.venue }),
    programme: [],
    rsvps: [],
    attendance: [],
    sequence: 0
  })
  yield* commit(session, "gathering.plan", {
    writes: yield* puts(Kinds.Gatherings, [{ value: gathering, version: 0 }]),
    subject: { kind: "gathering", id: gathering.id }
  })
  return gathering
})

/**
 * The input of {@link proposeDates}. The previous meeting's date is taken from the last
 * gathering held or scheduled when not given.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const request: typeof Services.Gatherings.ProposeDates.Encoded = {
 *   gatheringId: "gathering-0001",
 *   count: 5,
 *   weekdays: ["tuesday", "thursday"],
 *   startTimes: ["13:30"],
 *   calendar: { schoolRegions: ["middle"] },
 *   requiredMemberIds: ["m-001"]
 * }
 * const program = Services.Gatherings.proposeDates(team, request)
 * ```
 * @since 0.1.0
 */
export const ProposeDates = Schema.Struct({
  gatheringId: GatheringId,
  count: Schema.Int.pipe(Schema.between(1, 200)),
  weekdays: Schema.NonEmptyArray(Weekday),
  startTimes: Schema.NonEmptyArray(TimeOfDay),
  previousGatheringOn: Schema.optionalWith(CalendarDate, { exact: true }),
  minDaysSincePrevious: Schema.optionalWith(Schema.Int.pipe(Schema.between(0, 366)), { exact: true }),
  calendar: Schema.optionalWith(CalendarOptions, { exact: true }),
  requiredMemberIds: Schema.optionalWith(Schema.Array(MemberId), { exact: true })
}).annotations({ identifier: "ProposeDates" })

const dateOf = (g: Gathering): string | undefined =>
  g.startsAt === undefined ? undefined : DateTime.formatIsoDate(g.startsAt)

/**
 * Proposes candidate dates for a planned gathering (none on a day the central government is
 * closed, Prinsjesdag, the school holidays of the regions asked, or a blackout; far enough from
 * the previous meeting) and opens the availability poll on them. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Gatherings.proposeDates(team, {
 *   gatheringId: "gathering-0001",
 *   count: 6,
 *   weekdays: ["tuesday", "thursday"],
 *   startTimes: ["13:00"]
 * })
 * ```
 * @since 0.1.0
 */
export const proposeDates = Effect.fn("Gatherings.proposeDates")(function* (
  actor: unknown,
  value: typeof ProposeDates.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(ProposeDates, "candidate dates")(value)
  yield* authorize(session, "gathering.plan", { _tag: "Community", communityId: session.actor.communityId })
  const gathering = yield* required(session, Kinds.Gatherings, request.gatheringId, "gatheringId")
  const polling = yield* step(gathering.value, "proposeDates", session.now)
  const [gatherings, polls, zone] = yield* Effect.all([
    Repository.all(session.store, Kinds.Gatherings),
    Repository.all(session.store, Kinds.AvailabilityPolls, { gatheringId: gathering.value.id }),
    zoneOf(session)
  ])
  yield* noOpenPoll(gathering.value, polls)
  const previous = gatherings
    .filter(
      (g) =>
        g.value.id !== gathering.value.id &&
        (g.value.status === "held" ||
          g.value.status === "closed" ||
          g.value.status === "invited" ||
          g.value.status === "date-decided")
    )
    .map((g) => dateOf(g.value))
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1)
  const previousGatheringOn =
    request.previousGatheringOn ?? (previous === undefined ? undefined : CalendarDate.make(previous))
  const proposal = yield* CandidateSlots.propose({
    quarter: gathering.value.quarter,
    count: request.count,
    weekdays: request.weekdays,
    startTimes: request.startTimes,
    durationMinutes: gathering.value.durationMinutes,
    timeZone: zone,
    ...(previousGatheringOn === undefined ? {} : { previousGatheringOn }),
    ...(request.minDaysSincePrevious === undefined ? {} : { minDaysSincePrevious: request.minDaysSincePrevious }),
    ...(request.calendar === undefined ? {} : { calendar: request.calendar })
  })
  const [first, ...rest] = proposal.slots
  if (first === undefined)
    return yield* Effect.fail(
      new InvalidState({
        subject: `quarter ${gathering.value.quarter}`,
        problem: `has no suitable day (${proposal.shortfall === undefined ? "every day is excluded" : Texts.en.reason(proposal.shortfall)})`,
        hint: "allow more weekdays or start times, or fewer blackouts",
        nl: {
          subject: `kwartaal ${gathering.value.quarter}`,
          problem: `heeft geen geschikte dag (${proposal.shortfall === undefined ? "elke dag valt af" : Texts.nl.reason(proposal.shortfall)})`,
          hint: "sta meer weekdagen of begintijden toe, of minder uitgesloten dagen"
        }
      })
    )
  const toSlot = (s: CandidateSlots.Candidate) => ({
    id: s.id,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes
  })
  const poll = new AvailabilityPoll({
    id: AvailabilityPollId.make(yield* session.ids.next("poll")),
    communityId: CommunityId.make(session.store.communityId),
    title: gathering.value.title,
    gatheringId: gathering.value.id,
    slots: [toSlot(first), ...rest.map(toSlot)],
    requiredMemberIds: request.requiredMemberIds ?? [],
    status: "open"
  })
  yield* commit(session, "gathering.plan", {
    writes: [
      ...(yield* puts(Kinds.AvailabilityPolls, [{ value: poll, version: 0 }])),
      ...(yield* puts(Kinds.Gatherings, [
        { value: new Gathering({ ...gathering.value, status: polling }), version: gathering.version }
      ]))
    ],
    subject: { kind: "availability-poll", id: poll.id },
    detail: { slots: poll.slots.length, excludedDays: proposal.excluded.length }
  })
  return { poll, proposal }
})

/**
 * The input of {@link answerPoll}: the acting member's answer per slot (slots left out count as
 * no answer).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const answers: typeof Services.Gatherings.AnswerPoll.Encoded = {
 *   pollId: "poll-0001",
 *   answers: [
 *     { slotId: "slot-1", answer: "yes" },
 *     { slotId: "slot-2", answer: "if-need-be" },
 *     { slotId: "slot-3", answer: "no" }
 *   ]
 * }
 * const program = Services.Gatherings.answerPoll(ann, answers)
 * ```
 * @since 0.1.0
 */
export const AnswerPoll = Schema.Struct({
  pollId: AvailabilityPollId,
  answers: Schema.Array(Schema.Struct({ slotId: SlotId, answer: AvailabilityAnswer }))
}).annotations({ identifier: "AnswerPoll" })

/**
 * Records (or replaces) the acting member's answers to an open poll.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Gatherings.answerPoll(ann, {
 *   pollId: "poll-0001",
 *   answers: [{ slotId: "2027-03-11T13:00", answer: "yes" }]
 * })
 * ```
 * @since 0.1.0
 */
export const answerPoll = Effect.fn("Gatherings.answerPoll")(function* (
  actor: unknown,
  value: typeof AnswerPoll.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(AnswerPoll, "poll answers")(value)
  const by = session.actor
  if (by._tag !== "Member") {
    yield* authorize(session, "poll.respond", { _tag: "Community", communityId: by.communityId })
    return yield* Effect.fail(new NotAllowed({ action: "poll.respond", missing: "own record" }))
  }
  yield* authorize(session, "poll.respond", { _tag: "Member", communityId: by.communityId, memberId: by.memberId })
  yield* activeMember(session, by.memberId, "poll.respond")
  const poll = yield* required(session, Kinds.AvailabilityPolls, request.pollId, "pollId")
  yield* ensure("answerPoll", poll.value)
  const slots = new Set<string>(poll.value.slots.map((s) => s.id))
  const unknown = request.answers.findIndex((a) => !slots.has(a.slotId))
  if (unknown >= 0)
    return yield* Effect.fail(
      new InvalidState({
        subject: `answers[${unknown}].slotId`,
        problem: `(${request.answers[unknown]?.slotId}) is not a slot of poll ${poll.value.id}`,
        hint: `answer for its slots: ${[...slots].join(", ")}`,
        nl: {
          subject: `answers[${unknown}].slotId`,
          problem: `(${request.answers[unknown]?.slotId}) is geen moment van datumprikker ${poll.value.id}`,
          hint: `antwoord voor de momenten: ${[...slots].join(", ")}`
        }
      })
    )
  // One answer per member per poll, enforced by its key.
  const previous = Option.toArray(
    yield* ownRecord(session, Kinds.PollResponses, { field: "pollId", id: poll.value.id }, by.memberId)
  )
  const id = previous[0]?.value.id ?? PollResponseId.make(naturalKey(poll.value.id, by.memberId))
  // `true`: built from decoded values, and the Store checks each record as it encodes it, so the
  // constructor's validation (compiled anew on every call, about 0.13 ms) is skipped (decision 0149).
  const response = new PollResponse(
    {
      id,
      communityId: CommunityId.make(session.store.communityId),
      pollId: poll.value.id,
      memberId: by.memberId,
      answers: request.answers,
      respondedAt: session.now
    },
    true
  )
  yield* commit(session, "poll.respond", {
    writes: yield* puts(Kinds.PollResponses, [{ value: response, version: previous[0]?.version ?? 0 }]),
    subject: { kind: "availability-poll", id: poll.value.id }
  })
  return response
})

/**
 * The input of {@link decideDate}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * // The room holds 60, so the slot where most can come is chosen among those that fit.
 * const decision: typeof Services.Gatherings.DecideDate.Encoded = { pollId: "poll-0001", capacity: 60 }
 * const program = Services.Gatherings.decideDate(team, decision)
 * ```
 * @since 0.1.0
 */
export const DecideDate = Schema.Struct({
  pollId: AvailabilityPollId,
  /** How many people the venue holds (default: the gathering's venue, or no limit). */
  capacity: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 100_000)), { exact: true }),
  /** Decide even though nobody answered the poll (the first candidate date is then taken). */
  force: Schema.optionalWith(Schema.Boolean, { exact: true })
}).annotations({ identifier: "DecideDate" })

/**
 * Decides the date from the poll: required people must be able to come, then the most people,
 * "if need be" counting less, the venue's capacity respected, and members who missed the last
 * gathering weighing more. Members who did not answer count as unknown (not as "cannot come"),
 * and the result says who answered and who did not; a poll nobody answered is decided only with
 * `force`. The poll is closed and the gathering `date-decided` on the chosen slot, in the
 * community's time zone. The result explains the choice, with the runner-up, and the best pair
 * of dates should the gathering be held twice. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Gatherings.decideDate(team, { pollId: "poll-0001" })
 * ```
 * @since 0.1.0
 */
export const decideDate = Effect.fn("Gatherings.decideDate")(function* (
  actor: unknown,
  value: typeof DecideDate.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(DecideDate, "date decision")(value)
  yield* authorize(session, "gathering.plan", { _tag: "Community", communityId: session.actor.communityId })
  const poll = yield* required(session, Kinds.AvailabilityPolls, request.pollId, "pollId")
  yield* ensure("decideDate", poll.value)
  if (poll.value.gatheringId === undefined)
    return yield* Effect.fail(
      new InvalidState({
        subject: `poll ${poll.value.id}`,
        problem: "belongs to no gathering",
        hint: "propose new dates to decide again",
        nl: {
          subject: `datumprikker ${poll.value.id}`,
          problem: "hoort bij geen bijeenkomst",
          hint: "stel nieuwe data voor (proposeDates) om opnieuw te beslissen"
        }
      })
    )
  const gathering = yield* required(session, Kinds.Gatherings, poll.value.gatheringId, "pollId (its gathering)")
  const decided = yield* step(gathering.value, "decideDate", session.now)
  const [members, responses, gatherings, zone] = yield* Effect.all([
    Repository.all(session.store, Kinds.Members, { status: "active" }),
    Repository.all(session.store, Kinds.PollResponses, { pollId: poll.value.id }),
    Repository.all(session.store, Kinds.Gatherings),
    zoneOf(session)
  ])
  const invitees = members.map((m) => m.value.id)
  const invited = new Set<string>(invitees)
  // Answers of members who have since paused or left no longer count.
  const counted = responses.map((r) => r.value).filter((r) => invited.has(r.memberId))
  const answeredIds = new Set<string>(counted.map((r) => r.memberId))
  const answered = invitees.filter((id) => answeredIds.has(id))
  const notAnswered = invitees.filter((id) => !answeredIds.has(id))
  if (answered.length === 0 && request.force !== true)
    return yield* Effect.fail(
      new InvalidState({
        subject: `poll ${poll.value.id} ("${poll.value.title}")`,
        problem: `has no answers yet (0 of ${invitees.length} members answered)`,
        hint: "collect answers first (requestPollAnswers asks every active member), or decide anyway with force",
        nl: {
          subject: `datumprikker ${poll.value.id} ("${poll.value.title}")`,
          problem: `heeft nog geen antwoorden (0 van ${invitees.length} leden hebben geantwoord)`,
          hint: "verzamel eerst antwoorden (requestPollAnswers vraagt het elk actief lid), of beslis toch met force"
        }
      })
    )
  const last = gatherings
    .filter((g) => g.value.id !== gathering.value.id && (g.value.status === "held" || g.value.status === "closed"))
    .sort((a, b) => (dateOf(a.value) ?? "").localeCompare(dateOf(b.value) ?? ""))
    .at(-1)
  const lastDate = last === undefined ? undefined : dateOf(last.value)
  const missedLastGathering =
    last === undefined || lastDate === undefined
      ? []
      : Poll.missedLastGathering(
          last.value,
          members.filter((m) => m.value.joinedOn <= lastDate).map((m) => m.value.id)
        )
  // The year's attendance weighs in too (decision 0028): the gatherings of the last 365 days.
  const yearAgo = DateTime.formatIsoDate(DateTime.subtract(session.now, { days: 365 }))
  const joinedOn = new Map<string, string>(members.map((m) => [m.value.id, m.value.joinedOn]))
  const attendanceOverYear = Poll.attendanceOverYear(
    gatherings
      .filter((g) => g.value.id !== gathering.value.id && (g.value.status === "held" || g.value.status === "closed"))
      .map((g) => ({ attendance: g.value.attendance, heldOn: dateOf(g.value) }))
      .filter((g) => g.heldOn !== undefined && g.heldOn >= yearAgo),
    invitees,
    (id) => joinedOn.get(id)
  )
  const capacity = request.capacity ?? gathering.value.venue?.capacity
  const pollInput: Poll.Input = {
    poll: poll.value,
    invitees,
    responses: counted,
    missedLastGathering,
    attendanceOverYear,
    ...(capacity === undefined ? {} : { capacity })
  }
  const decision = yield* Poll.decide(pollInput)
  const pair = Either.getOrUndefined(Poll.bestPair(pollInput))
  if (decision._tag === "NoFeasibleSlot")
    return yield* Effect.fail(
      new InvalidState({
        subject: `poll ${poll.value.id}`,
        problem: `has no slot that works: ${Texts.en.reason(decision.explanation)}`,
        hint: "propose other dates or change who is required",
        nl: {
          subject: `datumprikker ${poll.value.id}`,
          problem: `heeft geen moment dat past: ${Texts.nl.reason(decision.explanation)}`,
          hint: "stel andere data voor of verander wie er bij moet zijn"
        }
      })
    )
  const chosen = decision.chosen
  const closed = new AvailabilityPoll({ ...poll.value, status: "closed", decidedSlotId: chosen.slotId })
  const scheduled = new Gathering({
    ...gathering.value,
    status: decided,
    startsAt: DateTime.unsafeSetZoneNamed(chosen.startsAt, zone)
  })
  // The poll is closed: a request to answer it that is still waiting would ask for an answer
  // nobody reads any more, so it leaves the outbox with the decision.
  const requests = yield* pendingAbout(
    session,
    { kind: "availability-poll", id: poll.value.id },
    (e) => e.type === "poll.requested"
  )
  yield* commit(session, "gathering.plan", {
    writes: [
      ...(yield* puts(Kinds.AvailabilityPolls, [{ value: closed, version: poll.version }])),
      ...(yield* puts(Kinds.Gatherings, [{ value: scheduled, version: gathering.version }]))
    ],
    ...withdrawal(requests),
    subject: { kind: "gathering", id: scheduled.id },
    detail: {
      poll: poll.value.id,
      slot: chosen.slotId,
      yes: chosen.yes.length,
      ifNeedBe: chosen.ifNeedBe.length,
      answered: answered.length,
      notAnswered: notAnswered.length,
      forced: answered.length === 0
    }
  })
  return { gathering: scheduled, poll: closed, decision, pair, answered, notAnswered }
})

/**
 * Names a gathering: the input of {@link sendInvitations}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const gathering: typeof Services.Gatherings.GatheringRef.Encoded = { gatheringId: "gathering-0001" }
 * const program = Services.Gatherings.sendInvitations(team, gathering)
 * ```
 * @since 0.1.0
 */
export const GatheringRef = Schema.Struct({ gatheringId: GatheringId }).annotations({ identifier: "GatheringRef" })

/**
 * Sends the invitation of a gathering whose date is decided to every active member (the
 * gathering is then `invited` and stores who was invited in `invitees`; a gathering that has
 * started or is cancelled is refused): one message per member
 * with the iCalendar REQUEST (organizer, attendee, RSVP, the programme in the description, a
 * VTIMEZONE). Sending again for the same version of the gathering is refused by the outbox
 * (the idempotency key is the same); change the gathering to send an update. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Gatherings.sendInvitations(team, { gatheringId: "gathering-0001" })
 * ```
 * @since 0.1.0
 */
export const sendInvitations = Effect.fn("Gatherings.sendInvitations")(function* (
  actor: unknown,
  value: typeof GatheringRef.Encoded
) {
  const session = yield* begin(actor)
  const { gatheringId } = yield* input(GatheringRef, "gathering")(value)
  yield* authorize(session, "gathering.invite", { _tag: "Community", communityId: session.actor.communityId })
  const gathering = yield* required(session, Kinds.Gatherings, gatheringId, "gatheringId")
  const invitedState = yield* step(gathering.value, "sendInvitations", session.now)
  const sequence = gathering.value.sequence
  // Sending again reaches only members who have no invitation of this version yet (who joined
  // since), so running it twice is harmless. The outbox is read only when invitations are out.
  const sent =
    gathering.value.status !== "invited"
      ? new Set<string>()
      : alreadySent(
          yield* messagesAbout(
            session,
            { kind: "gathering", id: gatheringId },
            (e) => (e.type === "gathering.invited" || e.type === "gathering.changed") && e.data?.sequence === sequence
          )
        )
  const members = (yield* Repository.all(session.store, Kinds.Members, { status: "active" })).filter(
    (m) => !sent.has(m.value.id)
  )
  const event = yield* eventOf(session, gathering.value)
  const outbox = yield* notify(
    session,
    members.map(
      ({ value: m }): Notification => ({
        _tag: "GatheringInvitation",
        recipient: addressee(m),
        event: withAttendees(event, [m])
      })
    )
  )
  // Who was invited is stored on the gathering (decision 0120): the report's "invited / yes /
  // there" then comes from the record alone, also after members have left.
  const known = new Set<string>(gathering.value.invitees)
  const newlyInvited = members.map((m) => m.value.id).filter((id) => !known.has(id))
  const invited = new Gathering({
    ...gathering.value,
    status: invitedState,
    invitees: [...gathering.value.invitees, ...newlyInvited]
  })
  yield* commit(session, "gathering.invite", {
    writes:
      invitedState === gathering.value.status && newlyInvited.length === 0
        ? []
        : yield* puts(Kinds.Gatherings, [{ value: invited, version: gathering.version }]),
    outbox,
    subject: { kind: "gathering", id: gatheringId },
    detail: { invited: members.length, sequence: gathering.value.sequence }
  })
  return {
    invited: members.length,
    messages: outbox.length,
    event: withAttendees(
      event,
      members.map((m) => m.value)
    )
  }
})

/**
 * The input of {@link sendReminders}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * // Reminders two weeks and two days ahead instead of the default week and day.
 * const reminders: typeof Services.Gatherings.SendReminders.Encoded = { gatheringId: "gathering-0001", daysBefore: [14, 2] }
 * const program = Services.Gatherings.sendReminders(team, reminders)
 * ```
 * @since 0.1.0
 */
export const SendReminders = Schema.Struct({
  gatheringId: GatheringId,
  /** Whole days before the start at which reminders go out (default [7, 1]). */
  daysBefore: Schema.optionalWith(Schema.Array(Schema.Int.pipe(Schema.between(0, 60))), { exact: true })
}).annotations({ identifier: "SendReminders" })

/**
 * Queues reminders for an invited gathering to every active member who has not declined: each
 * is held in the outbox until its day, so the dispatcher sends it then. A reminder whose day has
 * passed is not queued, and a gathering that has started or is cancelled gets none (cancelling
 * withdraws the reminders still waiting). Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Gatherings.sendReminders(team, { gatheringId: "gathering-0001", daysBefore: [7] })
 * ```
 * @since 0.1.0
 */
export const sendReminders = Effect.fn("Gatherings.sendReminders")(function* (
  actor: unknown,
  value: typeof SendReminders.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(SendReminders, "reminders")(value)
  yield* authorize(session, "gathering.remind", { _tag: "Community", communityId: session.actor.communityId })
  const gathering = yield* required(session, Kinds.Gatherings, request.gatheringId, "gatheringId")
  yield* step(gathering.value, "sendReminders", session.now)
  const startsAt = gathering.value.startsAt
  // An invited gathering has a date: the life cycle sets it when the date is decided.
  if (startsAt === undefined) return yield* Effect.dieMessage(`invited gathering ${gathering.value.id} has no date`)
  const declined = new Set<string>(gathering.value.rsvps.filter((r) => r.response === "no").map((r) => r.memberId))
  const members = (yield* Repository.all(session.store, Kinds.Members, { status: "active" })).filter(
    (m) => !declined.has(m.value.id)
  )
  const start = DateTime.toEpochMillis(startsAt)
  const now = DateTime.toEpochMillis(session.now)
  // A reminder for a day already past would arrive late and say the wrong thing.
  const days = [...new Set(request.daysBefore ?? [7, 1])].filter((d) => start - d * 86_400_000 >= now)
  const queued = new Set(
    (yield* messagesAbout(
      session,
      { kind: "gathering", id: gathering.value.id },
      (e) => e.type === "gathering.reminded" && e.data?.sequence === gathering.value.sequence
    )).map((m) => `${m.event.data?.memberId}:${m.event.data?.daysBefore}`)
  )
  const event = yield* eventOf(session, gathering.value)
  const notifications = members.flatMap(({ value: m }) =>
    days
      .filter((daysBefore) => !queued.has(`${m.id}:${daysBefore}`))
      .map((daysBefore): Notification & { readonly _tag: "Reminder" } => ({
        _tag: "Reminder",
        recipient: addressee(m),
        event: withAttendees(event, [m]),
        daysBefore
      }))
  )
  const outbox = yield* notify(session, notifications, {
    availableAt: (n) => (n._tag === "Reminder" ? start - n.daysBefore * 86_400_000 : undefined)
  })
  yield* commit(session, "gathering.remind", {
    writes: [],
    outbox,
    subject: { kind: "gathering", id: gathering.value.id },
    detail: { members: members.length, daysBefore: days }
  })
  return { queued: outbox.length }
})

/**
 * The input of {@link recordRsvp}: the member is the actor, or named by the programme team.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * // The member answers for themselves, so memberId is left out.
 * const rsvp: typeof Services.Gatherings.RecordRsvp.Encoded = { gatheringId: "gathering-0001", response: "maybe" }
 * const program = Services.Gatherings.recordRsvp(ann, rsvp)
 * ```
 * @since 0.1.0
 */
export const RecordRsvp = Schema.Struct({
  gatheringId: GatheringId,
  memberId: Schema.optionalWith(MemberId, { exact: true }),
  response: RsvpResponse
}).annotations({ identifier: "RecordRsvp" })

/**
 * Records a member's answer to an invitation (yes, no, maybe), replacing an earlier one.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Gatherings.recordRsvp(ann, { gatheringId: "gathering-0001", response: "yes" })
 * ```
 * @since 0.1.0
 */
export const recordRsvp = Effect.fn("Gatherings.recordRsvp")(function* (
  actor: unknown,
  value: typeof RecordRsvp.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(RecordRsvp, "RSVP")(value)
  const memberId = request.memberId ?? (session.actor._tag === "Member" ? session.actor.memberId : undefined)
  if (memberId === undefined)
    return yield* Effect.fail(
      new DecodeError({
        subject: "RSVP",
        problems: [{ path: "memberId", message: "is required when the programme team records an RSVP for a member" }]
      })
    )
  yield* authorize(session, "rsvp.record", { _tag: "Member", communityId: session.actor.communityId, memberId })
  const gathering = yield* required(session, Kinds.Gatherings, request.gatheringId, "gatheringId")
  yield* step(gathering.value, "recordRsvp", session.now)
  yield* required(session, Kinds.Members, memberId, "memberId")
  const next = new Gathering({
    ...gathering.value,
    rsvps: [
      ...gathering.value.rsvps.filter((r) => r.memberId !== memberId),
      { memberId, response: request.response, respondedAt: session.now }
    ]
  })
  yield* commit(session, "rsvp.record", {
    writes: yield* puts(Kinds.Gatherings, [{ value: next, version: gathering.version }]),
    subject: { kind: "gathering", id: next.id },
    detail: { memberId, response: request.response }
  })
  return next
})

/**
 * The input of {@link recordAttendance}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * declare const signedIn: ReadonlyArray<string> // the member ids on the attendance list
 * const attendance: typeof Services.Gatherings.RecordAttendance.Encoded = {
 *   gatheringId: "gathering-0001",
 *   attended: signedIn
 * }
 * const program = Services.Gatherings.recordAttendance(team, attendance)
 * ```
 * @since 0.1.0
 */
export const RecordAttendance = Schema.Struct({
  gatheringId: GatheringId,
  attended: Schema.Array(MemberId)
}).annotations({ identifier: "RecordAttendance" })

/**
 * Records who attended a gathering that has taken place, which is then `held`; the next poll weighs those who missed
 * it more. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Gatherings.recordAttendance(team, { gatheringId: "gathering-0001", attended: ["m-001"] })
 * ```
 * @since 0.1.0
 */
export const recordAttendance = Effect.fn("Gatherings.recordAttendance")(function* (
  actor: unknown,
  value: typeof RecordAttendance.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(RecordAttendance, "attendance")(value)
  yield* authorize(session, "attendance.record", { _tag: "Community", communityId: session.actor.communityId })
  const gathering = yield* required(session, Kinds.Gatherings, request.gatheringId, "gatheringId")
  yield* step(gathering.value, "recordAttendance", session.now)
  const members = yield* Repository.all(session.store, Kinds.Members)
  const known = new Set<string>(members.map((m) => m.value.id))
  const unknown = request.attended.findIndex((id) => !known.has(id))
  if (unknown >= 0)
    return yield* Effect.fail(
      new InvalidState({
        subject: `attended[${unknown}]`,
        problem: `(${request.attended[unknown]}) is not a member of this community`,
        hint: "record members by their id",
        nl: {
          subject: `attended[${unknown}]`,
          problem: `(${request.attended[unknown]}) is geen lid van deze community`,
          hint: "noem leden bij hun id"
        }
      })
    )
  const held = new Gathering({ ...gathering.value, status: "held", attendance: [...new Set(request.attended)] })
  const themes = yield* Repository.all(session.store, Kinds.Themes)
  const onProgramme = new Set<string>(held.programme.map((p) => p.themeId))
  const discussed = themes
    .filter((t) => onProgramme.has(t.value.id) && !t.value.discussedAt.includes(held.id))
    .map((t) => ({
      value: new Theme({
        ...t.value,
        status: "discussed",
        discussedAt: [...t.value.discussedAt, held.id]
      }),
      version: t.version
    }))
  yield* commit(session, "attendance.record", {
    writes: [
      ...(yield* puts(Kinds.Gatherings, [{ value: held, version: gathering.version }])),
      ...(yield* puts(Kinds.Themes, discussed))
    ],
    subject: { kind: "gathering", id: held.id },
    detail: { attended: held.attendance.length }
  })
  return held
})

/**
 * The standing of a poll's slots so far, for everyone in the community: per slot the counts and
 * scores, and who answered what as far as the read policy lets the actor see others' answers
 * (the member's own answer always; everyone's for the programme team, or when the community has
 * opted into open polls).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Gatherings.pollStanding(ann, { pollId: "poll-0001" })
 * ```
 * @since 0.1.0
 */
export const pollStanding = Effect.fn("Gatherings.pollStanding")(function* (
  actor: unknown,
  value: { readonly pollId: string }
) {
  const session = yield* begin(actor)
  const { pollId } = yield* input(Schema.Struct({ pollId: AvailabilityPollId }), "poll")(value)
  yield* authorize(session, "poll.read", { _tag: "Community", communityId: session.actor.communityId })
  const poll = yield* required(session, Kinds.AvailabilityPolls, pollId, "pollId")
  const [members, responses] = yield* Effect.all([
    Repository.all(session.store, Kinds.Members, { status: "active" }),
    Repository.all(session.store, Kinds.PollResponses, { pollId })
  ])
  const invited = new Set<string>(members.map((m) => m.value.id))
  const standing = yield* Poll.decide({
    poll: poll.value,
    invitees: members.map((m) => m.value.id),
    responses: responses.map((r) => r.value).filter((r) => invited.has(r.memberId))
  })
  return pollStandingFor(session.actor, standing, yield* openPolls(session))
})

/**
 * The community's gatherings, by quarter: everyone in the community may see them (without RSVPs
 * and attendance of others unless programme team).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Gatherings.listGatherings(ann)
 * ```
 * @since 0.1.0
 */
export const listGatherings = Effect.fn("Gatherings.listGatherings")(function* (actor: unknown) {
  const session = yield* begin(actor)
  yield* authorize(session, "gathering.read", { _tag: "Community", communityId: session.actor.communityId })
  const gatherings = yield* Repository.all(session.store, Kinds.Gatherings)
  const team = session.actor._tag === "ProgrammeTeam"
  const self = session.actor._tag === "Member" ? session.actor.memberId : undefined
  return gatherings
    .map((g) => g.value)
    .sort((a, b) => a.quarter.localeCompare(b.quarter))
    .map((g) =>
      team
        ? g
        : new Gathering({
            ...g,
            rsvps: g.rsvps.filter((r) => r.memberId === self),
            attendance: g.attendance.filter((id) => id === self)
          })
    )
})

/**
 * The input of {@link listPolls}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * // Every poll of the community: leave gatheringId out.
 * const all: typeof Services.Gatherings.ListPolls.Encoded = {}
 * const program = Services.Gatherings.listPolls(ann, all)
 * ```
 * @since 0.1.0
 */
export const ListPolls = Schema.Struct({
  gatheringId: Schema.optionalWith(GatheringId, { exact: true })
}).annotations({ identifier: "ListPolls" })

/**
 * The availability polls of the community (or of one gathering), for everyone in it; the answers
 * are read with {@link pollStanding}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Gatherings.listPolls(ann, { gatheringId: "gathering-0001" })
 * ```
 * @since 0.1.0
 */
export const listPolls = Effect.fn("Gatherings.listPolls")(function* (actor: unknown, value: typeof ListPolls.Encoded) {
  const session = yield* begin(actor)
  const request = yield* input(ListPolls, "polls")(value)
  yield* authorize(session, "poll.read", { _tag: "Community", communityId: session.actor.communityId })
  const polls = yield* Repository.all(
    session.store,
    Kinds.AvailabilityPolls,
    request.gatheringId === undefined ? undefined : { gatheringId: request.gatheringId }
  )
  return polls.map((p) => p.value)
})
