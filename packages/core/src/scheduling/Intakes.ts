/**
 * Assigning every new member an intake slot with a facilitator, optimally: first as many members
 * as possible, then the least total cost of preferences, within both sides' availability and each
 * facilitator's maximum per day.
 *
 * Solved as a minimum-cost maximum flow (source → member → slot → facilitator-day → sink; the
 * day caps are the capacities of the last arcs), which a plain assignment (Hungarian, Kuhn 1955,
 * "The Hungarian method for the assignment problem", Naval Research Logistics Quarterly 2) cannot
 * express. See Ahuja, Magnanti & Orlin (1993), "Network Flows", ch. 9, and ./internal/MinCostFlow.ts.
 *
 * @since 0.1.0
 */
import type { DateTime } from "effect"
import { Either } from "effect"
import type { CalendarDate } from "../domain/CalendarDate.js"
import type { Problem, SchedulingInputError } from "../domain/DecodeError.js"
import type { FacilitatorId, MemberId, SlotId } from "../domain/Ids.js"
import type { Availability, PartOfDay, Weekday } from "../domain/Member.js"
import * as EpochDay from "./internal/EpochDay.js"
import * as MinCostFlow from "./internal/MinCostFlow.js"
import { inputError } from "./internal/Validation.js"
import { localDayAndMinutes } from "./internal/Wall.js"

/**
 * A new member to place; `availability` is {@link Domain.Member}'s own.
 *
 * @since 0.1.0
 */
export interface MemberRequest {
  readonly id: MemberId
  readonly availability?: Availability
  /** Facilitators the member would rather talk to (any other costs {@link Costs.notPreferredFacilitator}). */
  readonly preferredFacilitatorIds?: ReadonlyArray<FacilitatorId>
  /** Slots the member would rather have (any other costs {@link Costs.notPreferredSlot}). */
  readonly preferredSlotIds?: ReadonlyArray<SlotId>
  /** Slots the member cannot make. */
  readonly unavailableSlotIds?: ReadonlyArray<SlotId>
}

/**
 * A time a facilitator offers for an intake; `possible` slots cost {@link Costs.facilitatorPossible}.
 *
 * @since 0.1.0
 */
export interface Slot {
  readonly id: SlotId
  readonly facilitatorId: FacilitatorId
  readonly startsAt: DateTime.Zoned
  readonly durationMinutes: number
  readonly preference?: "preferred" | "possible"
}

/**
 * The whole-number costs of the objective (defaults in brackets).
 *
 * @since 0.1.0
 */
export interface Costs {
  /** A facilitator the member did not prefer, when the member named any (3). */
  readonly notPreferredFacilitator?: number
  /** A slot the member did not prefer, when the member named any (2). */
  readonly notPreferredSlot?: number
  /** A slot its facilitator marked `possible` rather than `preferred` (1). */
  readonly facilitatorPossible?: number
}

/**
 * What the intake planner needs.
 *
 * @since 0.1.0
 */
export interface Input {
  readonly members: ReadonlyArray<MemberRequest>
  readonly slots: ReadonlyArray<Slot>
  readonly facilitators: ReadonlyArray<{ readonly id: FacilitatorId; readonly maxPerDay: number }>
  readonly costs?: Costs
}

/**
 * One placed intake.
 *
 * @since 0.1.0
 */
export interface Assignment {
  readonly memberId: MemberId
  readonly slotId: SlotId
  readonly facilitatorId: FacilitatorId
  readonly startsAt: DateTime.Zoned
  readonly cost: number
}

/**
 * A member who could not be placed, and why.
 *
 * @since 0.1.0
 */
export interface Unplaced {
  readonly memberId: MemberId
  /** `no-fitting-slot`: no slot fits the member's availability; `taken`: every fitting slot went to someone else or its facilitator's day was full. */
  readonly reason: "no-fitting-slot" | "taken"
  /** How many slots fit the member. */
  readonly fittingSlots: number
  readonly explanation: Explanation
}

/**
 * Why a member has no intake, as data; `Texts.of(language).reason` says it in Dutch or English.
 *
 * @since 0.2.0
 */
export type Explanation =
  /** No slot fits the member's availability. */
  | { readonly _tag: "NoFittingSlot"; readonly memberId: string }
  /** The `fitting` slots went to others (`takenByOthers`) or fall on facilitators' full days. */
  | {
      readonly _tag: "FittingSlotsTaken"
      readonly memberId: string
      readonly fitting: number
      readonly takenByOthers: number
      readonly fullDays: ReadonlyArray<{ readonly facilitatorId: string; readonly date: string; readonly max: number }>
    }

/**
 * The plan: who goes where, who could not be placed, and the total cost.
 *
 * @since 0.1.0
 */
export interface Plan {
  readonly assignments: ReadonlyArray<Assignment>
  readonly unplaced: ReadonlyArray<Unplaced>
  readonly totalCost: number
}

// Parts of the day as members mean them: morning before 12:00, afternoon until 18:00, then evening.
const partOfDay = (minutes: number): PartOfDay =>
  minutes < 12 * 60 ? "morning" : minutes < 18 * 60 ? "afternoon" : "evening"

/**
 * Whether a member can take a slot, and at what cost (`-1` when the slot does not fit). Exposed
 * so that a caller (and the tests) can see exactly which pairs the planner considers.
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * declare const input: Scheduling.Intakes.Input
 * const matrix = Scheduling.Intakes.costMatrix(input) // matrix[member][slot]
 * ```
 * @since 0.1.0
 */
export const costMatrix = (input: Input): ReadonlyArray<ReadonlyArray<number>> => {
  const costs = {
    notPreferredFacilitator: input.costs?.notPreferredFacilitator ?? 3,
    notPreferredSlot: input.costs?.notPreferredSlot ?? 2,
    facilitatorPossible: input.costs?.facilitatorPossible ?? 1
  }
  const local = input.slots.map((s) => {
    const { day, minutes } = localDayAndMinutes(s.startsAt)
    return { weekday: EpochDay.weekdayOf(day), part: partOfDay(minutes), date: EpochDay.format(day) }
  })
  return input.members.map((m) => {
    const weekdays = m.availability?.weekdays ?? []
    const parts = m.availability?.partsOfDay ?? []
    const off = new Set<string>(m.availability?.unavailableOn ?? [])
    const unavailable = new Set<string>(m.unavailableSlotIds ?? [])
    const prefFac = new Set<string>(m.preferredFacilitatorIds ?? [])
    const prefSlot = new Set<string>(m.preferredSlotIds ?? [])
    return input.slots.map((s, j) => {
      const l = local[j] as { weekday: Weekday; part: PartOfDay; date: string }
      if (weekdays.length > 0 && !weekdays.includes(l.weekday)) return -1
      if (parts.length > 0 && !parts.includes(l.part)) return -1
      if (off.has(l.date) || unavailable.has(s.id)) return -1
      return (
        (prefFac.size > 0 && !prefFac.has(s.facilitatorId) ? costs.notPreferredFacilitator : 0) +
        (prefSlot.size > 0 && !prefSlot.has(s.id) ? costs.notPreferredSlot : 0) +
        (s.preference === "possible" ? costs.facilitatorPossible : 0)
      )
    })
  })
}

const check = (input: Input): SchedulingInputError | undefined => {
  const problems: Array<Problem> = []
  const seenMember = new Set<string>()
  input.members.forEach((m, i) => {
    if (seenMember.has(m.id)) problems.push({ path: `members[${i}].id`, message: `member ${m.id} is listed twice` })
    seenMember.add(m.id)
  })
  const facilitators = new Map<string, number>()
  input.facilitators.forEach((f, i) => {
    if (facilitators.has(f.id))
      problems.push({ path: `facilitators[${i}].id`, message: `facilitator ${f.id} is listed twice` })
    facilitators.set(f.id, i)
    if (!(Number.isInteger(f.maxPerDay) && f.maxPerDay >= 0)) {
      problems.push({
        path: `facilitators[${i}].maxPerDay`,
        message: `expected a whole number of at least 0, got ${f.maxPerDay}`
      })
    }
  })
  const seenSlot = new Set<string>()
  const byFacilitator = new Map<string, Array<{ start: number; end: number; index: number }>>()
  input.slots.forEach((s, j) => {
    if (seenSlot.has(s.id)) problems.push({ path: `slots[${j}].id`, message: `slot ${s.id} is listed twice` })
    seenSlot.add(s.id)
    if (!facilitators.has(s.facilitatorId)) {
      problems.push({
        path: `slots[${j}].facilitatorId`,
        message: `facilitator ${s.facilitatorId} is not among the facilitators`
      })
    }
    if (!(Number.isInteger(s.durationMinutes) && s.durationMinutes >= 1)) {
      problems.push({
        path: `slots[${j}].durationMinutes`,
        message: `expected whole minutes of at least 1, got ${s.durationMinutes}`
      })
    }
    const start = s.startsAt.epochMillis
    const list = byFacilitator.get(s.facilitatorId) ?? []
    list.push({ start, end: start + s.durationMinutes * 60_000, index: j })
    byFacilitator.set(s.facilitatorId, list)
  })
  for (const [facilitatorId, list] of byFacilitator) {
    list.sort((a, b) => a.start - b.start)
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1] as { end: number; index: number }
      const cur = list[k] as { start: number; index: number }
      if (cur.start < prev.end) {
        problems.push({
          path: `slots[${cur.index}].startsAt`,
          message: `slot ${input.slots[cur.index]?.id} overlaps slot ${input.slots[prev.index]?.id} of the same facilitator ${facilitatorId}`
        })
      }
    }
  }
  const costs = input.costs ?? {}
  for (const key of ["notPreferredFacilitator", "notPreferredSlot", "facilitatorPossible"] as const) {
    const v = costs[key]
    if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v <= 1_000_000)) {
      problems.push({ path: `costs.${key}`, message: `expected a whole number from 0 to 1000000, got ${v}` })
    }
  }
  input.members.forEach((m, i) => {
    for (const [k, id] of (m.unavailableSlotIds ?? []).entries()) {
      if (!seenSlot.has(id))
        problems.push({ path: `members[${i}].unavailableSlotIds[${k}]`, message: `slot ${id} is not among the slots` })
    }
  })
  return inputError("intake planning", problems)
}

/**
 * Plans the intakes: the most members placed, then the least total cost. Every member who could
 * not be placed is listed with the reason.
 *
 * @example
 * ```ts
 * import { DateTime, Either } from "effect"
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * const plan = Scheduling.Intakes.assign({
 *   members: [{ id: Domain.MemberId.make("m-001") }],
 *   slots: [{
 *     id: Domain.SlotId.make("f-01-0112-1000"),
 *     facilitatorId: Domain.FacilitatorId.make("f-01"),
 *     startsAt: DateTime.unsafeMakeZoned("2027-01-12T09:00:00Z", { timeZone: "Europe/Amsterdam" }),
 *     durationMinutes: 60
 *   }],
 *   facilitators: [{ id: Domain.FacilitatorId.make("f-01"), maxPerDay: 3 }]
 * })
 * if (Either.isRight(plan)) console.log(plan.right.assignments.length) // 1
 * ```
 * @since 0.2.0
 */
export const assign = (input: Input): Either.Either<Plan, SchedulingInputError> => {
  const error = check(input)
  if (error !== undefined) return Either.left(error)
  const matrix = costMatrix(input)
  const n = input.members.length
  const s = input.slots.length
  // Facilitator-days: one node per (facilitator, local date) with the day cap towards the sink.
  const dayKey = new Map<string, number>()
  const slotDay = new Int32Array(s)
  const dayCap: Array<number> = []
  const dayLabel: Array<{ facilitatorId: FacilitatorId; date: CalendarDate; max: number }> = []
  const maxPerDay = new Map(input.facilitators.map((f) => [f.id as string, f.maxPerDay]))
  input.slots.forEach((slot, j) => {
    const date = EpochDay.format(localDayAndMinutes(slot.startsAt).day)
    const key = `${slot.facilitatorId}\u0000${date}`
    let index = dayKey.get(key)
    if (index === undefined) {
      index = dayCap.length
      dayKey.set(key, index)
      const max = maxPerDay.get(slot.facilitatorId) ?? 0
      dayCap.push(max)
      dayLabel.push({ facilitatorId: slot.facilitatorId, date, max })
    }
    slotDay[j] = index
  })
  const days = dayCap.length
  const source = 0
  const sink = 1
  const memberNode = (i: number) => 2 + i
  const slotNode = (j: number) => 2 + n + j
  const dayNode = (d: number) => 2 + n + s + d
  let pairs = 0
  for (const row of matrix) for (const c of row) if (c >= 0) pairs++
  const network = MinCostFlow.make(2 + n + s + days, n + pairs + s + days)
  const pairEdges: Array<{ edge: number; member: number; slot: number; cost: number }> = []
  for (let i = 0; i < n; i++) {
    network.addEdge(source, memberNode(i), 1, 0)
    const row = matrix[i] as ReadonlyArray<number>
    for (let j = 0; j < s; j++) {
      const c = row[j] as number
      if (c >= 0)
        pairEdges.push({ edge: network.addEdge(memberNode(i), slotNode(j), 1, c), member: i, slot: j, cost: c })
    }
  }
  for (let j = 0; j < s; j++) network.addEdge(slotNode(j), dayNode(slotDay[j] as number), 1, 0)
  for (let d = 0; d < days; d++) network.addEdge(dayNode(d), sink, dayCap[d] as number, 0)
  const result = network.solve(source, sink)

  const placedSlot = new Int32Array(n).fill(-1)
  const slotTaken = new Uint8Array(s)
  const dayUsed = new Int32Array(days)
  const assignments: Array<Assignment> = []
  for (const p of pairEdges) {
    if (network.flowOn(p.edge) !== 1) continue
    const slot = input.slots[p.slot] as Slot
    placedSlot[p.member] = p.slot
    slotTaken[p.slot] = 1
    dayUsed[slotDay[p.slot] as number] = (dayUsed[slotDay[p.slot] as number] as number) + 1
    assignments.push({
      memberId: (input.members[p.member] as MemberRequest).id,
      slotId: slot.id,
      facilitatorId: slot.facilitatorId,
      startsAt: slot.startsAt,
      cost: p.cost
    })
  }
  const unplaced: Array<Unplaced> = []
  for (let i = 0; i < n; i++) {
    if (placedSlot[i] !== -1) continue
    const row = matrix[i] as ReadonlyArray<number>
    const fitting: Array<number> = []
    for (let j = 0; j < s; j++) if ((row[j] as number) >= 0) fitting.push(j)
    const id = (input.members[i] as MemberRequest).id
    if (fitting.length === 0) {
      unplaced.push({
        memberId: id,
        reason: "no-fitting-slot",
        fittingSlots: 0,
        explanation: { _tag: "NoFittingSlot", memberId: id }
      })
      continue
    }
    const fullDays = new Set<number>()
    let takenByOthers = 0
    for (const j of fitting) {
      if (slotTaken[j] === 1) takenByOthers++
      else fullDays.add(slotDay[j] as number)
    }
    const full = [...fullDays].map((d) => dayLabel[d] as { facilitatorId: string; date: string; max: number })
    unplaced.push({
      memberId: id,
      reason: "taken",
      fittingSlots: fitting.length,
      explanation: {
        _tag: "FittingSlotsTaken",
        memberId: id,
        fitting: fitting.length,
        takenByOthers,
        fullDays: full
      }
    })
  }
  return Either.right({ assignments, unplaced, totalCost: result.cost })
}

/**
 * The intakes' assignment to slots.
 *
 * @deprecated Since 0.2.0: use {@link assign}; `plan` named four different things (decision 0115).
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * const same = Scheduling.Intakes.plan === Scheduling.Intakes.assign // true
 * ```
 * @since 0.1.0
 */
export const plan: (input: Input) => Either.Either<Plan, SchedulingInputError> = assign
