/**
 * Learning-group session timetables: for every group N sessions over a period at roughly even
 * intervals, never two sessions on one day for the same facilitator or member, on the group's
 * preferred weekday, away from known unavailability and unsuitable days.
 *
 * Each session k of a group gets a window (the k-th of N equal parts of the period) and prefers
 * the day closest to the window's middle. The windows are filled by depth-first search with
 * backtracking, most constrained group first (Haralick & Elliott 1980, "Increasing tree search
 * efficiency for constraint satisfaction problems", Artificial Intelligence 14); a group that has
 * no possible day even on its own is reported before any search.
 *
 * @since 0.1.0
 */
import type { DateTime } from "effect"
import { Either } from "effect"
import type { CalendarDate } from "../domain/CalendarDate.js"
import type { Problem } from "../domain/DecodeError.js"
import { SchedulingInputError } from "../domain/DecodeError.js"
import type { FacilitatorId, LearningGroupId, MemberId } from "../domain/Ids.js"
import type { Weekday } from "../domain/Member.js"
import { reasonsByDay, yearRangeProblems } from "./internal/Calendar.js"
import * as EpochDay from "./internal/EpochDay.js"
import { inputError } from "./internal/Validation.js"
import { atDay } from "./internal/Wall.js"
import { DEFAULT_TIME_ZONE, minutesOfDay, type TimeOfDay, zone } from "./LocalTime.js"
import type { SchoolHolidaysUnavailable } from "./SchoolHolidays.js"
import type { CalendarOptions } from "./UnsuitableDays.js"

/**
 * A group to timetable; a {@link Domain.LearningGroup} plus how many sessions, when in the day,
 * and (optionally) its preferred weekday.
 *
 * @since 0.1.0
 */
export interface GroupRequest {
  readonly id: LearningGroupId
  readonly memberIds: ReadonlyArray<MemberId>
  readonly facilitatorId?: FacilitatorId
  readonly sessions: number
  readonly preferredWeekday?: Weekday
  readonly startTime: TimeOfDay
  readonly durationMinutes: number
}

/**
 * What the timetabler needs. Unavailability comes from {@link Domain.Member}'s
 * `availability.unavailableOn` and the facilitators' own days off.
 *
 * @since 0.1.0
 */
export interface Input {
  readonly from: CalendarDate
  readonly to: CalendarDate
  readonly groups: ReadonlyArray<GroupRequest>
  readonly members?: ReadonlyArray<{ readonly id: MemberId; readonly unavailableOn: ReadonlyArray<CalendarDate> }>
  readonly facilitators?: ReadonlyArray<{
    readonly id: FacilitatorId
    readonly unavailableOn: ReadonlyArray<CalendarDate>
  }>
  /** Weekdays sessions may fall on (Monday to Friday when left out). */
  readonly weekdays?: ReadonlyArray<Weekday>
  readonly timeZone?: string
  readonly calendar?: CalendarOptions
  /** The fewest days between two sessions of a group (half the interval when left out). */
  readonly minGapDays?: number
  /** The most search steps before giving up (20 000 when left out). */
  readonly maxSteps?: number
}

/**
 * One planned session.
 *
 * @since 0.1.0
 */
export interface Session {
  readonly groupId: LearningGroupId
  /** 1 for the first session of the group. */
  readonly number: number
  readonly date: CalendarDate
  readonly startsAt: DateTime.Zoned
  readonly durationMinutes: number
  /** Days away from the even spread (the middle of the session's window). */
  readonly offsetDays: number
}

/**
 * One of the people a session's day depends on.
 *
 * @since 0.2.0
 */
export interface Person {
  readonly role: "member" | "facilitator"
  readonly id: string
}

/**
 * The session a reason is about: its group, its number (from 1) and the window of days it had.
 *
 * @since 0.2.0
 */
export interface SessionWindow {
  readonly groupId: string
  readonly sessionNumber: number
  readonly windowFrom: CalendarDate
  readonly windowTo: CalendarDate
}

/**
 * Why a group's session has no day, as data; `Texts.of(language).reason` says it in Dutch or
 * English.
 *
 * @since 0.2.0
 */
export type Explanation =
  /** Not even the group alone has a day: `wrongWeekday` days are not `weekday` (or not allowed), `unsuitable` are holidays or blackouts, and on the rest `blockers` cannot. */
  | (SessionWindow & {
      readonly _tag: "NoDayForSession"
      readonly wrongWeekday: number
      readonly weekday: Weekday | undefined
      readonly unsuitable: number
      readonly blockers: ReadonlyArray<Person>
    })
  /** Each of the session's `candidates` days would double-book `clashes` (sessions of `rivals`). */
  | (SessionWindow & {
      readonly _tag: "EveryDayDoubleBooks"
      readonly candidates: number
      readonly clashes: ReadonlyArray<Person>
      readonly rivals: ReadonlyArray<string>
    })
  /** The search stopped after `maxSteps` steps; the tightest point is where `clashes` meet `rivals`. */
  | (SessionWindow & {
      readonly _tag: "SearchLimitReached"
      readonly maxSteps: number
      readonly clashes: ReadonlyArray<Person>
      readonly rivals: ReadonlyArray<string>
    })

/**
 * A timetable, or the group that cannot be timetabled and why.
 *
 * @since 0.1.0
 */
export type Timetable =
  | { readonly _tag: "Timetable"; readonly sessions: ReadonlyArray<Session> }
  | {
      readonly _tag: "Infeasible"
      readonly groupId: LearningGroupId
      /** The session (1-based) that found no day. */
      readonly sessionNumber: number
      readonly windowFrom: CalendarDate
      readonly windowTo: CalendarDate
      /** `no-day`: not even this group alone has a day; `double-booking`: every day left collides with another group's session. */
      readonly reason: "no-day" | "double-booking" | "search-limit"
      /** The people whose other sessions or days off stand in the way. */
      readonly people: ReadonlyArray<Person>
      readonly explanation: Explanation
    }

const WORKDAYS: ReadonlyArray<Weekday> = ["monday", "tuesday", "wednesday", "thursday", "friday"]

const checkInput = (input: Input): Array<Problem> => {
  const problems: Array<Problem> = []
  if (input.to < input.from)
    problems.push({ path: "to", message: `expected a date on or after from (${input.from}), got ${input.to}` })
  const seen = new Set<string>()
  input.groups.forEach((g, i) => {
    if (seen.has(g.id)) problems.push({ path: `groups[${i}].id`, message: `group ${g.id} is listed twice` })
    seen.add(g.id)
    if (!(Number.isInteger(g.sessions) && g.sessions >= 1 && g.sessions <= 366)) {
      problems.push({
        path: `groups[${i}].sessions`,
        message: `expected a whole number of sessions from 1 to 366, got ${g.sessions}`
      })
    }
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(g.startTime)) {
      problems.push({
        path: `groups[${i}].startTime`,
        message: `expected a time written HH:MM, got ${JSON.stringify(g.startTime)}`
      })
    }
    if (!(Number.isInteger(g.durationMinutes) && g.durationMinutes >= 1 && g.durationMinutes <= 1440)) {
      problems.push({
        path: `groups[${i}].durationMinutes`,
        message: `expected whole minutes from 1 to 1440, got ${g.durationMinutes}`
      })
    }
    const inGroup = new Set<string>()
    g.memberIds.forEach((m, k) => {
      if (inGroup.has(m))
        problems.push({ path: `groups[${i}].memberIds[${k}]`, message: `member ${m} is listed twice` })
      inGroup.add(m)
    })
  })
  if (input.minGapDays !== undefined && !(Number.isInteger(input.minGapDays) && input.minGapDays >= 1)) {
    problems.push({ path: "minGapDays", message: `expected a whole number of at least 1, got ${input.minGapDays}` })
  }
  return problems
}

/**
 * Timetables every group's sessions, or names the group that cannot be timetabled and why.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * const timetable = Scheduling.Sessions.timetable({
 *   from: Domain.CalendarDate.make("2027-01-01"),
 *   to: Domain.CalendarDate.make("2027-12-31"),
 *   groups: [{
 *     id: Domain.LearningGroupId.make("g-1"),
 *     memberIds: [Domain.MemberId.make("m-001"), Domain.MemberId.make("m-002")],
 *     facilitatorId: Domain.FacilitatorId.make("f-01"),
 *     sessions: 6,
 *     preferredWeekday: "tuesday",
 *     startTime: Scheduling.LocalTime.TimeOfDay.make("14:00"),
 *     durationMinutes: 180
 *   }]
 * })
 * if (Either.isRight(timetable) && timetable.right._tag === "Timetable") console.log(timetable.right.sessions.length) // 6
 * ```
 * @since 0.1.0
 */
export const timetable = (input: Input): Either.Either<Timetable, SchedulingInputError | SchoolHolidaysUnavailable> => {
  const problems = checkInput(input)
  const error = inputError("session timetable", problems)
  if (error !== undefined) return Either.left(error)
  return Either.flatMap(
    zone(input.timeZone ?? DEFAULT_TIME_ZONE),
    (timeZone): Either.Either<Timetable, SchedulingInputError | SchoolHolidaysUnavailable> => {
      const first = EpochDay.parse(input.from)
      const last = EpochDay.parse(input.to)
      const range = yearRangeProblems(first, last, "from")
      if (range.length > 0)
        return Either.left(new SchedulingInputError({ subject: "session timetable", problems: range }))
      return Either.map(reasonsByDay(first, last, input.calendar ?? {}), (reasons) =>
        solve(input, timeZone, first, last, reasons)
      )
    }
  )
}

const solve = (
  input: Input,
  timeZone: DateTime.TimeZone,
  first: number,
  last: number,
  reasons: Map<number, ReadonlyArray<{ readonly _tag: string }>>
): Timetable => {
  const days = last - first + 1
  const allowedWeekdays = input.weekdays ?? WORKDAYS
  // People: members and facilitators in one index space.
  const personIndex = new Map<string, number>()
  const personName: Array<Person> = []
  const person = (key: string, name: Person) => {
    let p = personIndex.get(key)
    if (p === undefined) {
      p = personName.length
      personIndex.set(key, p)
      personName.push(name)
    }
    return p
  }
  const groupPeople = input.groups.map((g) => [
    ...g.memberIds.map((m) => person(`m\u0000${m}`, { role: "member", id: m })),
    ...(g.facilitatorId === undefined
      ? []
      : [person(`f\u0000${g.facilitatorId}`, { role: "facilitator", id: g.facilitatorId })])
  ])
  const people = personName.length
  const off = new Uint8Array(people * days)
  const markOff = (key: string, dates: ReadonlyArray<CalendarDate>) => {
    const p = personIndex.get(key)
    if (p === undefined) return
    for (const date of dates) {
      const d = EpochDay.parse(date) - first
      if (d >= 0 && d < days) off[p * days + d] = 1
    }
  }
  for (const m of input.members ?? []) markOff(`m\u0000${m.id}`, m.unavailableOn)
  for (const f of input.facilitators ?? []) markOff(`f\u0000${f.id}`, f.unavailableOn)

  // Variables: (group, session) with their windows and candidate days, closest to the middle first.
  interface Variable {
    readonly group: number
    readonly k: number
    readonly from: number
    readonly to: number
    readonly ideal: number
    readonly candidates: Int32Array
  }
  // The session a failure is about, for the result and its explanation alike.
  const windowOf = (g: GroupRequest, v: Variable): SessionWindow => ({
    groupId: g.id,
    sessionNumber: v.k + 1,
    windowFrom: EpochDay.format(first + v.from),
    windowTo: EpochDay.format(first + v.to)
  })
  const variables: Array<Array<Variable>> = input.groups.map((g, gi) => {
    const interval = days / g.sessions
    const out: Array<Variable> = []
    for (let k = 0; k < g.sessions; k++) {
      // The window reaches three quarters of an interval either side of the even spread, so a
      // session can move around a recess; the minimum gap keeps the sessions apart and in order.
      const ideal = Math.floor((k + 0.5) * interval)
      const from = Math.max(0, Math.ceil(ideal - 0.75 * interval))
      const to = Math.min(days - 1, Math.floor(ideal + 0.75 * interval))
      const list: Array<number> = []
      for (let d = from; d <= to; d++) {
        const weekday = EpochDay.weekdayOf(first + d)
        if (!allowedWeekdays.includes(weekday)) continue
        if (g.preferredWeekday !== undefined && weekday !== g.preferredWeekday) continue
        if (reasons.has(first + d)) continue
        if ((groupPeople[gi] as Array<number>).some((p) => off[p * days + d] === 1)) continue
        list.push(d)
      }
      list.sort((a, b) => Math.abs(a - ideal) - Math.abs(b - ideal) || a - b)
      out.push({ group: gi, k, from, to, ideal, candidates: Int32Array.from(list) })
    }
    return out
  })

  // A group without any day for a session, even alone: say why.
  for (let gi = 0; gi < input.groups.length; gi++) {
    const g = input.groups[gi] as GroupRequest
    for (const v of variables[gi] as Array<Variable>) {
      if (v.candidates.length > 0) continue
      let wrongWeekday = 0
      let unsuitable = 0
      const blockers = new Set<Person>()
      for (let d = v.from; d <= v.to; d++) {
        const weekday = EpochDay.weekdayOf(first + d)
        if (
          !allowedWeekdays.includes(weekday) ||
          (g.preferredWeekday !== undefined && weekday !== g.preferredWeekday)
        ) {
          wrongWeekday++
          continue
        }
        if (reasons.has(first + d)) {
          unsuitable++
          continue
        }
        for (const p of groupPeople[gi] as Array<number>)
          if (off[p * days + d] === 1) blockers.add(personName[p] as Person)
      }
      const window = windowOf(g, v)
      return {
        _tag: "Infeasible",
        ...window,
        groupId: g.id,
        reason: "no-day",
        people: [...blockers],
        explanation: {
          _tag: "NoDayForSession",
          ...window,
          wrongWeekday,
          weekday: g.preferredWeekday,
          unsuitable,
          blockers: [...blockers]
        }
      }
    }
  }

  // Depth-first search with dynamic "fewest remaining days first" ordering and forward checking:
  // after each placement every open session recounts its possible days, and a session left with
  // none ends the branch at once.
  const sequence: Array<Variable> = variables.flat()
  const count = sequence.length
  const groupOffset = new Int32Array(input.groups.length + 1)
  for (let gi = 0; gi < input.groups.length; gi++) {
    groupOffset[gi + 1] = (groupOffset[gi] as number) + (input.groups[gi] as GroupRequest).sessions
  }
  const busy = new Int32Array(people * days).fill(-1) // the group holding a person's day
  const chosen = new Int32Array(count).fill(-1)
  const maxSteps = input.maxSteps ?? 20_000
  let steps = 0
  const minGapOf = input.groups.map((g) => input.minGapDays ?? Math.max(1, Math.floor(days / g.sessions / 2)))

  const fits = (at: number, d: number): boolean => {
    const v = sequence[at] as Variable
    const gap = minGapOf[v.group] as number
    const base = groupOffset[v.group] as number
    // The nearest placed sessions of the same group on either side keep their order and gap.
    for (let j = at - 1, hops = 1; j >= base; j--, hops++) {
      const other = chosen[j] as number
      if (other !== -1) {
        if (d - other < gap * hops) return false
        break
      }
    }
    for (let j = at + 1, hops = 1; j < (groupOffset[v.group + 1] as number); j++, hops++) {
      const other = chosen[j] as number
      if (other !== -1) {
        if (other - d < gap * hops) return false
        break
      }
    }
    for (const p of groupPeople[v.group] as Array<number>) if ((busy[p * days + d] as number) !== -1) return false
    return true
  }
  const place = (at: number, d: number, value: number) => {
    for (const p of groupPeople[(sequence[at] as Variable).group] as Array<number>) busy[p * days + d] = value
  }
  // The deepest dead end seen, with who held the people on its candidate days at that moment.
  let failure: { depth: number; at: number; clashes: Set<Person>; rivals: Set<string> } | undefined
  const recordFailure = (depth: number, at: number) => {
    if (failure !== undefined && failure.depth > depth) return
    const v = sequence[at] as Variable
    const clashes = new Set<Person>()
    const rivals = new Set<string>()
    for (const p of groupPeople[v.group] as Array<number>) {
      for (let c = 0; c < v.candidates.length; c++) {
        const other = busy[p * days + (v.candidates[c] as number)] as number
        if (other >= 0 && other !== v.group) {
          clashes.add(personName[p] as Person)
          rivals.add((input.groups[other] as GroupRequest).id)
        }
      }
    }
    failure = { depth, at, clashes, rivals }
  }
  const search = (depth: number): boolean | "limit" => {
    if (depth === count) return true
    if (++steps > maxSteps) return "limit"
    // Choose the open session with the fewest possible days; stop at once if one has none.
    let pick = -1
    let fewest = Number.POSITIVE_INFINITY
    for (let at = 0; at < count; at++) {
      if ((chosen[at] as number) !== -1) continue
      const v = sequence[at] as Variable
      let n = 0
      for (let c = 0; c < v.candidates.length && n < fewest; c++) if (fits(at, v.candidates[c] as number)) n++
      if (n === 0) {
        recordFailure(depth, at)
        return false
      }
      if (n < fewest) {
        fewest = n
        pick = at
      }
    }
    const v = sequence[pick] as Variable
    for (let c = 0; c < v.candidates.length; c++) {
      const d = v.candidates[c] as number
      if (!fits(pick, d)) continue
      chosen[pick] = d
      place(pick, d, v.group)
      const r = search(depth + 1)
      if (r !== false) return r
      place(pick, d, -1)
      chosen[pick] = -1
      if (steps > maxSteps) return "limit"
    }
    return false
  }
  const outcome = search(0)
  if (outcome === true) {
    const sessions: Array<Session> = sequence.map((v, at) => {
      const g = input.groups[v.group] as GroupRequest
      const d = chosen[at] as number
      return {
        groupId: g.id,
        number: v.k + 1,
        date: EpochDay.format(first + d),
        startsAt: atDay(first + d, minutesOfDay(g.startTime), timeZone),
        durationMinutes: g.durationMinutes,
        offsetDays: d - v.ideal
      }
    })
    sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.groupId < b.groupId ? -1 : 1))
    return { _tag: "Timetable", sessions }
  }
  // Explain the deepest dead end: which other groups held the people on every remaining day.
  const v = sequence[failure?.at ?? 0] as Variable
  const g = input.groups[v.group] as GroupRequest
  const clashes = failure?.clashes ?? new Set<Person>()
  const rivals = failure?.rivals ?? new Set<string>()
  const window = windowOf(g, v)
  return {
    _tag: "Infeasible",
    ...window,
    groupId: g.id,
    reason: outcome === "limit" ? "search-limit" : "double-booking",
    people: [...clashes],
    explanation: {
      ...(outcome === "limit"
        ? { _tag: "SearchLimitReached" as const, maxSteps }
        : { _tag: "EveryDayDoubleBooks" as const, candidates: v.candidates.length }),
      ...window,
      clashes: [...clashes],
      rivals: [...rivals]
    }
  }
}
