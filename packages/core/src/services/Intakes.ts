/**
 * Use cases of intakes: plan an intake for every invited member with the scheduling engine's
 * optimal assignment, and record how an intake went.
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Option, Redacted, Schema } from "effect"
import { ZonedDateTime } from "../domain/DateTimes.js"
import { DurationMinutes } from "../domain/Duration.js"
import { CommunityId, FacilitatorId, IntakeId, MemberId, SlotId } from "../domain/Ids.js"
import { Intake, type IntakeStatus } from "../domain/Intake.js"
import { Member } from "../domain/Member.js"
import { FreeText, Interest } from "../domain/Text.js"
import { ensure } from "../internal/lifecycle.js"
import { intakeSummary } from "../notify/Templates.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import * as Intakes from "../scheduling/Intakes.js"
import { InvalidState, NotFound } from "./Errors.js"
import { addressee, authorize, begin, commit, input, notify, puts, required } from "./Runner.js"
import { Settings } from "./Settings.js"

/**
 * The input of {@link planIntakes}: the facilitators' free slots and, optionally, which members
 * (default: every member with status `invited`).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const request: typeof Services.Intakes.PlanIntakes.Encoded = {
 *   slots: [
 *     { facilitatorId: "f-01", startsAt: "2027-02-02T10:00:00+01:00[Europe/Amsterdam]", durationMinutes: 60 },
 *     { facilitatorId: "f-02", startsAt: "2027-02-04T14:00:00+01:00[Europe/Amsterdam]", durationMinutes: 60, preference: "possible" }
 *   ],
 *   maxPerDay: 3
 * }
 * const program = Services.Intakes.planIntakes(team, request)
 * ```
 * @since 0.1.0
 */
export const PlanIntakes = Schema.Struct({
  slots: Schema.Array(
    Schema.Struct({
      id: Schema.optionalWith(SlotId, { exact: true }),
      facilitatorId: FacilitatorId,
      startsAt: ZonedDateTime,
      durationMinutes: DurationMinutes,
      preference: Schema.optionalWith(Schema.Literal("preferred", "possible"), { exact: true })
    })
  ),
  /** At most this many intakes per facilitator per day (default 4). */
  maxPerDay: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 24)), { exact: true }),
  memberIds: Schema.optionalWith(Schema.Array(MemberId), { exact: true })
}).annotations({ identifier: "PlanIntakes" })

/**
 * Plans intakes: an optimal assignment (minimum-cost flow) of members to the facilitators' slots
 * that respects both sides' availability and each facilitator's maximum per day. Every placed
 * member gets an intake record (status `planned`), their status becomes `intake-planned` and an
 * invitation with a calendar event is queued; the result lists who could not be placed and why.
 * Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Intakes.planIntakes(team, {
 *   slots: [{ facilitatorId: "f-01", startsAt: "2027-01-12T10:00:00.000+01:00[Europe/Amsterdam]", durationMinutes: 60 }]
 * })
 * ```
 * @since 0.1.0
 */
export const planIntakes = Effect.fn("Intakes.planIntakes")(function* (
  actor: unknown,
  value: typeof PlanIntakes.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(PlanIntakes, "intake plan")(value)
  yield* authorize(session, "intake.plan", { _tag: "Community", communityId: session.actor.communityId })
  const settings = yield* Settings
  const members = yield* Repository.all(session.store, Kinds.Members)
  const facilitators = yield* Repository.all(session.store, Kinds.Facilitators)
  const wanted = request.memberIds === undefined ? undefined : new Set<string>(request.memberIds)
  const candidates = members.filter((m) =>
    wanted === undefined ? m.value.status === "invited" : wanted.has(m.value.id)
  )
  const known = new Set(members.map((m) => m.value.id as string))
  const missing = request.memberIds?.findIndex((id) => !known.has(id)) ?? -1
  if (missing >= 0 && request.memberIds !== undefined)
    return yield* Effect.fail(
      new InvalidState({
        subject: `memberIds[${missing}]`,
        problem: `names ${request.memberIds[missing]}, who is not a member of this community`,
        hint: "register the member first, or leave the id out",
        nl: {
          subject: `memberIds[${missing}]`,
          problem: `noemt ${request.memberIds[missing]}, die geen lid is van deze community`,
          hint: "registreer het lid eerst, of laat de id weg"
        }
      })
    )
  const slots = yield* Effect.forEach(request.slots, (slot) =>
    Effect.map(
      slot.id === undefined ? session.ids.next("slot") : Effect.succeed(slot.id as string),
      (id): Intakes.Slot => ({
        id: SlotId.make(id),
        facilitatorId: slot.facilitatorId,
        startsAt: slot.startsAt,
        durationMinutes: slot.durationMinutes,
        ...(slot.preference === undefined ? {} : { preference: slot.preference })
      })
    )
  )
  const plan = yield* Intakes.plan({
    members: candidates.map((m) => ({
      id: m.value.id,
      ...(m.value.availability === undefined ? {} : { availability: m.value.availability })
    })),
    slots,
    facilitators: facilitators.map((f) => ({ id: f.value.id, maxPerDay: request.maxPerDay ?? 4 }))
  })
  const memberById = new Map(candidates.map((m) => [m.value.id as string, m]))
  const facilitatorById = new Map(facilitators.map((f) => [f.value.id as string, f.value]))
  const slotById = new Map(slots.map((s) => [s.id as string, s]))
  const intakes: Array<Intake> = []
  const updated: Array<{ value: Member; version: number }> = []
  // `true`: built from decoded values, and the Store checks each record as it encodes it, so the
  // constructor's validation (compiled anew on every call, about 0.13 ms) is skipped (decision 0149).
  for (const a of plan.assignments) {
    const member = memberById.get(a.memberId)
    const slot = slotById.get(a.slotId)
    if (member === undefined || slot === undefined) continue
    intakes.push(
      new Intake(
        {
          id: IntakeId.make(yield* session.ids.next("intake")),
          communityId: CommunityId.make(session.store.communityId),
          memberId: a.memberId,
          facilitatorId: a.facilitatorId,
          status: "planned",
          startsAt: a.startsAt,
          durationMinutes: slot.durationMinutes,
          interests: member.value.interests
        },
        true
      )
    )
    updated.push({ value: new Member({ ...member.value, status: "intake-planned" }, true), version: member.version })
  }
  const outbox = yield* notify(
    session,
    intakes.flatMap((intake) => {
      const member = memberById.get(intake.memberId)?.value
      const facilitator = facilitatorById.get(intake.facilitatorId)
      if (member === undefined || facilitator === undefined) return []
      return [
        {
          _tag: "IntakeInvitation" as const,
          recipient: addressee(member),
          facilitatorName: facilitator.name,
          event: {
            uid: `${intake.id}@${settings.uidDomain}`,
            sequence: 0,
            summary: intakeSummary(member.preferredLanguage, facilitator.name),
            start: intake.startsAt,
            durationMinutes: intake.durationMinutes,
            organizer: { name: facilitator.name, email: facilitator.email },
            attendees: [{ name: member.name, email: member.email, role: "required" as const, rsvp: true }]
          }
        }
      ]
    })
  )
  if (intakes.length > 0)
    yield* commit(session, "intake.plan", {
      writes: [
        ...(yield* puts(
          Kinds.Intakes,
          intakes.map((value) => ({ value, version: 0 }))
        )),
        ...(yield* puts(Kinds.Members, updated))
      ],
      outbox,
      detail: { planned: intakes.length, unplaced: plan.unplaced.length }
    })
  return { intakes, unplaced: plan.unplaced, totalCost: plan.totalCost }
})

/**
 * The input of {@link recordIntake}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const facilitator = { _tag: "Facilitator", communityId: "rijk", facilitatorId: "f-02" } as const
 * const outcome: typeof Services.Intakes.RecordIntake.Encoded = {
 *   intakeId: "intake-0001",
 *   status: "held",
 *   interests: ["stakeholdermanagement", "aanbesteden"]
 * }
 * const program = Services.Intakes.recordIntake(facilitator, outcome)
 * ```
 * @since 0.1.0
 */
export const RecordIntake = Schema.Struct({
  intakeId: IntakeId,
  status: Schema.Literal("held", "cancelled"),
  interests: Schema.optionalWith(Schema.Array(Interest), { exact: true }),
  notes: Schema.optionalWith(FreeText, { exact: true })
}).annotations({ identifier: "RecordIntake" })

/**
 * Records how an intake went: held (with the member's interests and confidential notes; the
 * member becomes `active` and their interests are updated) or cancelled (the member can be
 * planned again). Programme team only; the notes are readable by the programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Intakes.recordIntake(team, {
 *   intakeId: "intake-0001",
 *   status: "held",
 *   interests: ["omgaan met sabotage"],
 *   notes: "Wil vooral leren van andere departementen."
 * })
 * ```
 * @since 0.1.0
 */
export const recordIntake = Effect.fn("Intakes.recordIntake")(function* (
  actor: unknown,
  value: typeof RecordIntake.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(RecordIntake, "intake outcome")(value)
  const found = yield* Repository.get(session.store, Kinds.Intakes, request.intakeId)
  // Authorize before saying whether the intake exists, with the same answer for an intake that
  // is absent and one that is not the actor's: a denial must not reveal it.
  const resource = Option.match(found, {
    onNone: () => ({ _tag: "Community" as const, communityId: session.actor.communityId }),
    onSome: (i) => ({
      _tag: "Intake" as const,
      communityId: session.actor.communityId,
      memberId: i.value.memberId,
      facilitatorId: i.value.facilitatorId
    })
  })
  yield* authorize(session, "intake.record", resource)
  // The intake read above, or NotFound at its path (no second read).
  if (Option.isNone(found))
    return yield* Effect.fail(new NotFound({ kind: Kinds.Intakes.kind, id: request.intakeId, path: "intakeId" }))
  const intake = found.value
  yield* ensure("recordIntake", { ...intake.value, title: intake.value.id })
  if (request.status === "held" && DateTime.toEpochMillis(intake.value.startsAt) > DateTime.toEpochMillis(session.now))
    return yield* Effect.fail(
      new InvalidState({
        subject: "status",
        problem: `is "held", but intake ${intake.value.id} starts ${DateTime.formatIsoZoned(intake.value.startsAt)}, which is still to come`,
        hint: "record an intake as held once it has taken place, or record it as cancelled",
        nl: {
          subject: "status",
          problem: `is "held", maar intake ${intake.value.id} begint ${DateTime.formatIsoZoned(intake.value.startsAt)} en moet nog plaatsvinden`,
          hint: "leg een intake vast als gehouden zodra die heeft plaatsgevonden, of leg hem vast als geannuleerd"
        }
      })
    )
  const member = yield* required(session, Kinds.Members, intake.value.memberId, "intakeId (its member)")
  const interests = request.interests ?? intake.value.interests
  const status: IntakeStatus = request.status
  // `true`: built from decoded values, and the Store checks each record as it encodes it, so the
  // constructor's validation (compiled anew on every call, about 0.13 ms) is skipped (decision 0149).
  const next = new Intake(
    {
      ...intake.value,
      status,
      interests,
      ...(request.notes === undefined ? {} : { notes: Redacted.make(request.notes) })
    },
    true
  )
  const memberNext = new Member(
    {
      ...member.value,
      status: status === "held" ? "active" : "invited",
      interests: status === "held" ? interests : member.value.interests
    },
    true
  )
  yield* commit(session, "intake.record", {
    writes: [
      ...(yield* puts(Kinds.Intakes, [{ value: next, version: intake.version }])),
      ...(yield* puts(Kinds.Members, [{ value: memberNext, version: member.version }]))
    ],
    subject: { kind: "intake", id: next.id },
    detail: { status, interests: interests.length, notes: request.notes !== undefined }
  })
  return next
})
