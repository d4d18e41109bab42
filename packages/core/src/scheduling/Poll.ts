/**
 * Deciding an availability poll (yes / if need be / no): the best slot, explained with the
 * runner-up and who cannot come to each, and the best pair of slots when a gathering is held twice.
 *
 * The ordering follows Rallly's ranking of poll options (people who can come, then "yes"
 * answers) inside the hard / medium / soft levels of Timefold's meeting-scheduling example
 * (required attendees are hard, capacity caps attendance), with the fairness-over-time idea of
 * perpetual voting (Lackner 2020, "Perpetual Voting: Fairness in Long-Term Decision Making", AAAI):
 * members who missed the last gathering weigh more, so the same people do not always lose. Over the
 * year, members who could come to fewer of the earlier gatherings weigh more as well, within a
 * documented bound (decision record 0028), and the decision reports what the chosen date does to
 * each member's share of gatherings they could attend: its minimum, mean and spread.
 *
 * @since 0.1.0
 */
import { DateTime, Either } from "effect"
import type { AvailabilityAnswer } from "../domain/AvailabilityPoll.js"
import type { Problem, SchedulingInputError } from "../domain/DecodeError.js"
import type { MemberId, SlotId } from "../domain/Ids.js"
import { inputError } from "./internal/Validation.js"

/**
 * What the poll engine needs; an {@link Domain.AvailabilityPoll} and its
 * {@link Domain.PollResponse}s fit as they are.
 *
 * @since 0.1.0
 */
export interface Input {
  readonly poll: {
    readonly id?: string
    readonly slots: ReadonlyArray<{ readonly id: SlotId; readonly startsAt: DateTime.DateTime }>
    readonly requiredMemberIds: ReadonlyArray<MemberId>
  }
  /** Everyone asked to answer; answers from anyone else are an error. */
  readonly invitees: ReadonlyArray<MemberId>
  readonly responses: ReadonlyArray<{
    readonly memberId: MemberId
    readonly answers: ReadonlyArray<{ readonly slotId: SlotId; readonly answer: AvailabilityAnswer }>
  }>
  /** How many people the venue holds; no limit when left out. */
  readonly capacity?: number
  /** Members who missed the previous gathering (from {@link Domain.Gathering}'s attendance). */
  readonly missedLastGathering?: ReadonlyArray<MemberId>
  /** How much a member who missed the last gathering counts (a whole number, default 2). */
  readonly missedLastWeight?: number
  /**
   * Per member, how many of this year's earlier gatherings they could attend (see
   * {@link attendanceOverYear}). A member missing from the list has no history and counts as
   * having attended every one.
   */
  readonly attendanceOverYear?: ReadonlyArray<AttendanceHistory>
  /**
   * How much more a member counts who could attend none of the earlier gatherings: a member's
   * weight rises by `yearWeight × (1 − share attended)`. From 0 to 4, default 1 (decision 0028).
   */
  readonly yearWeight?: number
}

/**
 * A member's attendance over the year before this poll.
 *
 * @example
 * ```ts
 * import { Domain, type Scheduling } from "@grenzeloos/core"
 *
 * const history: Scheduling.Poll.AttendanceHistory = { memberId: Domain.MemberId.make("anna"), attended: 1, gatherings: 3 }
 * ```
 * @since 0.2.0
 */
export interface AttendanceHistory {
  readonly memberId: MemberId
  /** Of the earlier gatherings, those the member could attend. */
  readonly attended: number
  readonly gatherings: number
}

/**
 * The fairness figure of a decision: per member, the share of the year's gatherings (earlier ones
 * and this one) they can attend with the chosen date, and its minimum, mean and spread.
 *
 * @since 0.2.0
 */
export interface YearFairness {
  readonly members: ReadonlyArray<{
    readonly memberId: MemberId
    readonly attended: number
    readonly gatherings: number
    /** The member's weight in this poll (1 for no history and no miss). */
    readonly weight: number
  }>
  /**
   * The lowest share of gatherings a member can attend, this one included (1 when nobody is
   * invited). A member who did not answer the poll at all is unknown for this gathering, not
   * "cannot" (decision 0093): it counts for them neither way, and a member with no earlier
   * gathering is left out of the minimum, mean and spread.
   */
  readonly minimumShare: number
  readonly meanShare: number
  /** The standard deviation of the shares. */
  readonly spread: number
  /** The members at the minimum. */
  readonly lowest: ReadonlyArray<MemberId>
  /** The most a member can weigh in this poll: `missedLastWeight + yearWeight`. */
  readonly maxWeight: number
  /** How many members did not answer the poll at all, so their share leaves this gathering out. */
  readonly unknown: number
}

/**
 * A slot's standing in the poll: who can come, who cannot, and the scores of the ordering.
 *
 * @since 0.1.0
 */
export interface SlotScore {
  readonly slotId: SlotId
  /** The slot's position in the poll. */
  readonly index: number
  readonly startsAt: DateTime.DateTime
  /** Every required person answered yes or if need be. */
  readonly feasible: boolean
  readonly requiredMissing: ReadonlyArray<MemberId>
  readonly yes: ReadonlyArray<MemberId>
  readonly ifNeedBe: ReadonlyArray<MemberId>
  /** Answered no. */
  readonly no: ReadonlyArray<MemberId>
  /** Invited but did not answer this slot: unknown, so not counted as able to come, nor reported as "cannot". */
  readonly noAnswer: ReadonlyArray<MemberId>
  /** Who can come, weighted (missed-last members count more), capped at the venue's capacity. */
  readonly attendanceScore: number
  /** The weighted "yes" answers among those admitted. */
  readonly yesScore: number
  /** How many people who can come would not fit in the venue. */
  readonly turnedAway: number
}

/**
 * The documented ordering of slots, best first: (1) feasible (every required person can come),
 * (2) higher attendance score, (3) higher yes score, (4) earlier start, (5) earlier in the poll.
 * Negative when `a` is better than `b`.
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * const sorted = (scores: ReadonlyArray<Scheduling.Poll.SlotScore>) => [...scores].sort(Scheduling.Poll.compareSlots)
 * ```
 * @since 0.1.0
 */
export const compareSlots = (a: SlotScore, b: SlotScore): number =>
  Number(b.feasible) - Number(a.feasible) ||
  b.attendanceScore - a.attendanceScore ||
  b.yesScore - a.yesScore ||
  DateTime.toEpochMillis(a.startsAt) - DateTime.toEpochMillis(b.startsAt) ||
  a.index - b.index

/**
 * Why a slot won over the runner-up, by the first rule of {@link compareSlots} that told them
 * apart.
 *
 * @since 0.2.0
 */
export type Why =
  | { readonly _tag: "OnlySlot" }
  | { readonly _tag: "OthersMissRequired" }
  | { readonly _tag: "MoreCanCome"; readonly chosen: number; readonly runnerUp: number }
  | { readonly _tag: "MoreYes"; readonly chosen: number; readonly runnerUp: number }
  | { readonly _tag: "EarliestOnTie" }

/**
 * A slot's standing as its explanation tells it: the counts, and who cannot come or did not
 * answer.
 *
 * @since 0.2.0
 */
export interface Standing {
  readonly slotId: string
  readonly yes: ReadonlyArray<string>
  readonly ifNeedBe: ReadonlyArray<string>
  readonly no: ReadonlyArray<string>
  readonly noAnswer: ReadonlyArray<string>
  readonly turnedAway: number
  readonly requiredMissing: ReadonlyArray<string>
}

/**
 * A slot's standing in counts only, for a reader who may not see who answered what.
 *
 * @since 0.2.0
 */
export interface SlotCount {
  readonly slotId: string
  readonly yes: number
  readonly ifNeedBe: number
  /** Who said no or did not answer. */
  readonly cannot: number
  readonly requiredMissing: number
}

/**
 * Why the poll came out as it did, as data; `Texts.of(language).reason` turns it into a sentence
 * in Dutch or English.
 *
 * @example
 * ```ts
 * import { Texts } from "@grenzeloos/core"
 *
 * Texts.of("en").reason({ _tag: "TooFewSlotsForPair", feasible: 1 })
 * // "1 slots suit every required person; two meetings need two."
 * ```
 * @since 0.1.0
 */
export type Explanation =
  /** `chosen` won over `runnerUp` because of `why`; `fairness` is the year's attendance with it. */
  | {
      readonly _tag: "SlotChosen"
      readonly chosen: Standing
      readonly runnerUp: Standing | undefined
      readonly why: Why
      readonly fairness: YearFairness
      /** Someone weighed more than 1 for missing earlier gatherings (their history weighed in). */
      readonly withHistory: boolean
    }
  /** Required people cannot come to any slot: who is missing per slot. */
  | { readonly _tag: "NoSlotForRequired"; readonly slots: ReadonlyArray<Standing> }
  /** The slots in counts only, for a reader who may not see who answered what. */
  | {
      readonly _tag: "SlotCounts"
      readonly slots: ReadonlyArray<SlotCount>
    }
  /** Two slots reach `reached` of `of` members at least once; `neither` cannot come to either. */
  | {
      readonly _tag: "PairChosen"
      readonly first: string
      readonly second: string
      readonly reached: number
      readonly of: number
      readonly neither: ReadonlyArray<string>
    }
  /** Fewer than two slots suit every required person. */
  | { readonly _tag: "TooFewSlotsForPair"; readonly feasible: number }

/**
 * The decision of a poll: the chosen slot and the runner-up with every slot's standing, or no
 * slot at all because required people cannot come to any.
 *
 * @since 0.1.0
 */
export type Decision =
  | {
      readonly _tag: "Decided"
      readonly chosen: SlotScore
      readonly runnerUp: SlotScore | undefined
      /** Every slot, best first. */
      readonly ranking: ReadonlyArray<SlotScore>
      /** What the chosen date does to each member's share of the year's gatherings. */
      readonly fairness: YearFairness
      readonly explanation: Explanation
    }
  | {
      readonly _tag: "NoFeasibleSlot"
      readonly ranking: ReadonlyArray<SlotScore>
      readonly explanation: Explanation
    }

interface Prepared {
  readonly memberIds: ReadonlyArray<MemberId>
  /** answers[slot * n + member]: 0 no / no answer, 1 if need be, 2 yes. */
  readonly answers: Uint8Array
  readonly answered: Uint8Array
  /** Per member, their weight in hundredths (100 = 1), so that scores add up exactly. */
  readonly weight: Int32Array
  readonly required: Uint8Array
  /** Per member, the year's earlier gatherings and those they attended. */
  readonly attended: Int32Array
  readonly gatherings: Int32Array
  readonly n: number
}

const prepare = (input: Input): Either.Either<Prepared, SchedulingInputError> => {
  const problems: Array<Problem> = []
  const subject = `availability poll${input.poll.id === undefined ? "" : ` ${input.poll.id}`}`
  const memberIndex = new Map<string, number>()
  input.invitees.forEach((id, i) => {
    if (memberIndex.has(id)) problems.push({ path: `invitees[${i}]`, message: `member ${id} is invited twice` })
    else memberIndex.set(id, i)
  })
  const slotIndex = new Map<string, number>()
  input.poll.slots.forEach((slot, i) => {
    if (slotIndex.has(slot.id))
      problems.push({ path: `poll.slots[${i}]`, message: `slot ${slot.id} is in the poll twice` })
    else slotIndex.set(slot.id, i)
  })
  if (input.poll.slots.length === 0) problems.push({ path: "poll.slots", message: "the poll has no slots" })
  if (input.capacity !== undefined && !(Number.isInteger(input.capacity) && input.capacity >= 1)) {
    problems.push({ path: "capacity", message: `expected a whole number of at least 1, got ${input.capacity}` })
  }
  const w = input.missedLastWeight ?? 2
  if (!(Number.isInteger(w) && w >= 1 && w <= 100)) {
    problems.push({ path: "missedLastWeight", message: `expected a whole number from 1 to 100, got ${w}` })
  }
  const n = input.invitees.length
  const s = input.poll.slots.length
  const answers = new Uint8Array(n * s)
  const answered = new Uint8Array(n * s)
  const seen = new Set<string>()
  input.responses.forEach((response, r) => {
    const m = memberIndex.get(response.memberId)
    if (m === undefined) {
      problems.push({
        path: `responses[${r}].memberId`,
        message: `member ${response.memberId} answered but is not invited to this poll`
      })
      return
    }
    if (seen.has(response.memberId)) {
      problems.push({
        path: `responses[${r}].memberId`,
        message: `member ${response.memberId} answered twice; keep the latest`
      })
      return
    }
    seen.add(response.memberId)
    response.answers.forEach((a, j) => {
      const k = slotIndex.get(a.slotId)
      if (k === undefined) {
        problems.push({
          path: `responses[${r}].answers[${j}].slotId`,
          message: `slot ${a.slotId} is not one of the poll's slots`
        })
        return
      }
      answers[k * n + m] = a.answer === "yes" ? 2 : a.answer === "if-need-be" ? 1 : 0
      answered[k * n + m] = 1
    })
  })
  const required = new Uint8Array(n)
  input.poll.requiredMemberIds.forEach((id, i) => {
    const m = memberIndex.get(id)
    if (m === undefined) {
      problems.push({
        path: `poll.requiredMemberIds[${i}]`,
        message: `required member ${id} is not among the invitees`
      })
    } else required[m] = 1
  })
  const yearWeight = input.yearWeight ?? 1
  if (!(Number.isFinite(yearWeight) && yearWeight >= 0 && yearWeight <= 4)) {
    problems.push({ path: "yearWeight", message: `expected a number from 0 to 4, got ${yearWeight}` })
  }
  const attended = new Int32Array(n)
  const gatherings = new Int32Array(n)
  const hasHistory = new Uint8Array(n)
  ;(input.attendanceOverYear ?? []).forEach((h, i) => {
    const m = memberIndex.get(h.memberId)
    const path = `attendanceOverYear[${i}]`
    if (m === undefined) {
      problems.push({ path: `${path}.memberId`, message: `member ${h.memberId} is not among the invitees` })
      return
    }
    if (hasHistory[m] === 1) {
      problems.push({ path: `${path}.memberId`, message: `member ${h.memberId} has two attendance histories` })
      return
    }
    hasHistory[m] = 1
    if (!(Number.isInteger(h.gatherings) && h.gatherings >= 0))
      problems.push({
        path: `${path}.gatherings`,
        message: `expected a whole number of 0 or more, got ${h.gatherings}`
      })
    else if (!(Number.isInteger(h.attended) && h.attended >= 0 && h.attended <= h.gatherings))
      problems.push({
        path: `${path}.attended`,
        message: `expected a whole number from 0 to ${h.gatherings} (the gatherings), got ${h.attended}`
      })
    else {
      attended[m] = h.attended
      gatherings[m] = h.gatherings
    }
  })
  const weight = new Int32Array(n).fill(100)
  for (const id of input.missedLastGathering ?? []) {
    const m = memberIndex.get(id)
    if (m !== undefined) weight[m] = 100 * w
  }
  for (let m = 0; m < n; m++) {
    const g = gatherings[m] as number
    if (g > 0) weight[m] = (weight[m] as number) + Math.round(100 * yearWeight * (1 - (attended[m] as number) / g))
  }
  const error = inputError(subject, problems)
  return error === undefined
    ? Either.right({ memberIds: input.invitees, answers, answered, weight, required, n, attended, gatherings })
    : Either.left(error)
}

const scoreSlots = (input: Input, p: Prepared): Array<SlotScore> => {
  const capacity = input.capacity ?? Number.POSITIVE_INFINITY
  const { n, answers, answered, weight, required, memberIds } = p
  return input.poll.slots.map((slot, k) => {
    const yes: Array<MemberId> = []
    const ifNeedBe: Array<MemberId> = []
    const no: Array<MemberId> = []
    const noAnswer: Array<MemberId> = []
    const requiredMissing: Array<MemberId> = []
    // Admission order when the venue is full: heavier members first, "yes" before "if need be".
    const coming: Array<number> = []
    for (let m = 0; m < n; m++) {
      const a = answers[k * n + m] as number
      const id = memberIds[m] as MemberId
      if (a === 2) yes.push(id)
      else if (a === 1) ifNeedBe.push(id)
      else if (answered[k * n + m] === 1) no.push(id)
      else noAnswer.push(id)
      if (a === 0 && required[m] === 1) requiredMissing.push(id)
      if (a > 0) coming.push(m)
    }
    coming.sort(
      (x, y) =>
        (weight[y] as number) - (weight[x] as number) ||
        (answers[k * n + y] as number) - (answers[k * n + x] as number) ||
        x - y
    )
    const admitted = Math.min(coming.length, capacity)
    let attendance = 0
    let yesOnly = 0
    for (let i = 0; i < admitted; i++) {
      const m = coming[i] as number
      attendance += weight[m] as number
      if (answers[k * n + m] === 2) yesOnly += weight[m] as number
    }
    return {
      slotId: slot.id,
      index: k,
      startsAt: slot.startsAt,
      feasible: requiredMissing.length === 0,
      requiredMissing,
      yes,
      ifNeedBe,
      no,
      noAnswer,
      attendanceScore: attendance / 100,
      yesScore: yesOnly / 100,
      turnedAway: coming.length - admitted
    }
  })
}

const yearFairness = (input: Input, p: Prepared, slotIndex: number): YearFairness => {
  const { n, answers, answered, attended, gatherings, weight, memberIds } = p
  // Unknown is not "cannot" (decision 0093): a member who did not answer the poll at all keeps
  // their earlier share, and this gathering counts for them neither way. A member who answered
  // other dates but left this one open had the chance to say yes, so it counts as cannot.
  const slots = input.poll.slots.length
  const responded = new Uint8Array(n)
  for (let k = 0; k < slots; k++) for (let m = 0; m < n; m++) if (answered[k * n + m] === 1) responded[m] = 1
  const known = (m: number) => responded[m] === 1
  const members = Array.from({ length: n }, (_, m) => ({
    memberId: memberIds[m] as MemberId,
    attended: (attended[m] as number) + ((answers[slotIndex * n + m] as number) > 0 ? 1 : 0),
    gatherings: (gatherings[m] as number) + (known(m) ? 1 : 0),
    weight: (weight[m] as number) / 100
  }))
  const counted = members.filter((x) => x.gatherings > 0)
  const shares = counted.map((x) => x.attended / x.gatherings)
  const c = counted.length
  const minimumShare = c === 0 ? 1 : Math.min(...shares)
  const meanShare = c === 0 ? 1 : shares.reduce((a, b) => a + b, 0) / c
  const spread = c === 0 ? 0 : Math.sqrt(shares.reduce((a, x) => a + (x - meanShare) ** 2, 0) / c)
  let unknown = 0
  for (let m = 0; m < n; m++) if (!known(m)) unknown++
  return {
    members,
    minimumShare,
    meanShare,
    spread,
    lowest: counted.filter((_, i) => (shares[i] as number) === minimumShare).map((x) => x.memberId),
    maxWeight: (input.missedLastWeight ?? 2) + (input.yearWeight ?? 1),
    unknown
  }
}

/**
 * Picks the best slot of a poll on the documented ordering ({@link compareSlots}), or says that
 * required people cannot come to any slot. Bad input (answers from people not invited, unknown
 * slots) is a {@link SchedulingInputError} naming every problem.
 *
 * @example
 * ```ts
 * import { DateTime, Either } from "effect"
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * const slot = (id: string, iso: string) => ({ id: Domain.SlotId.make(id), startsAt: DateTime.unsafeMake(iso) })
 * const [anna, bram] = [Domain.MemberId.make("anna"), Domain.MemberId.make("bram")]
 * const decision = Scheduling.Poll.decide({
 *   poll: { slots: [slot("s1", "2027-03-09T12:00:00Z"), slot("s2", "2027-03-11T12:00:00Z")], requiredMemberIds: [anna] },
 *   invitees: [anna, bram],
 *   responses: [
 *     { memberId: anna, answers: [{ slotId: Domain.SlotId.make("s1"), answer: "yes" }, { slotId: Domain.SlotId.make("s2"), answer: "if-need-be" }] },
 *     { memberId: bram, answers: [{ slotId: Domain.SlotId.make("s2"), answer: "yes" }] }
 *   ]
 * })
 * if (Either.isRight(decision) && decision.right._tag === "Decided") console.log(decision.right.chosen.slotId) // "s2"
 * ```
 * @since 0.1.0
 */
export const decide = (input: Input): Either.Either<Decision, SchedulingInputError> =>
  Either.map(prepare(input), (p) => {
    const ranking = scoreSlots(input, p).sort(compareSlots)
    const best = ranking[0] as SlotScore
    if (!best.feasible) {
      return { _tag: "NoFeasibleSlot", ranking, explanation: { _tag: "NoSlotForRequired", slots: ranking } } as const
    }
    const runnerUp = ranking[1]
    const why = (a: SlotScore, b: SlotScore | undefined): Why => {
      if (b === undefined) return { _tag: "OnlySlot" }
      if (!b.feasible) return { _tag: "OthersMissRequired" }
      if (a.attendanceScore !== b.attendanceScore)
        return { _tag: "MoreCanCome", chosen: a.attendanceScore, runnerUp: b.attendanceScore }
      if (a.yesScore !== b.yesScore) return { _tag: "MoreYes", chosen: a.yesScore, runnerUp: b.yesScore }
      return { _tag: "EarliestOnTie" }
    }
    const fairness = yearFairness(input, p, best.index)
    return {
      _tag: "Decided",
      chosen: best,
      runnerUp,
      ranking,
      fairness,
      explanation: {
        _tag: "SlotChosen",
        chosen: best,
        runnerUp,
        why: why(best, runnerUp),
        fairness,
        // Only when someone did weigh more: an attendance history where everyone came to every
        // gathering (or a community's first poll) gives every member weight 1.
        withHistory: p.weight.some((w) => w > 100)
      }
    } as const
  })

/**
 * The best pair of slots when a gathering is held twice.
 *
 * @since 0.1.0
 */
export type PairDecision =
  | {
      readonly _tag: "Pair"
      readonly first: SlotScore
      readonly second: SlotScore
      /** Members who can come to at least one of the two, within the venue's capacity at each. */
      readonly reached: number
      readonly onlyFirst: ReadonlyArray<MemberId>
      readonly onlySecond: ReadonlyArray<MemberId>
      readonly both: ReadonlyArray<MemberId>
      /** Members who can come to neither. */
      readonly neither: ReadonlyArray<MemberId>
      readonly explanation: Explanation
    }
  | { readonly _tag: "NoFeasiblePair"; readonly explanation: Explanation }

const popcount = (x: number) => {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/**
 * Which two slots, if the gathering is held twice, let the most members come to at least one. Only
 * slots every required person can come to are considered; with a capacity, each gathering admits
 * at most that many. Ties: more members with a "yes" for at least one, then the more even split,
 * then the earlier slots.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * declare const input: Scheduling.Poll.Input
 * const pair = Scheduling.Poll.bestPair(input)
 * if (Either.isRight(pair) && pair.right._tag === "Pair") console.log(pair.right.first.slotId, pair.right.second.slotId)
 * ```
 * @since 0.1.0
 */
export const bestPair = (input: Input): Either.Either<PairDecision, SchedulingInputError> =>
  Either.map(prepare(input), (p) => {
    const scores = scoreSlots(input, p)
    const feasible = scores.filter((s) => s.feasible)
    if (feasible.length < 2) {
      return {
        _tag: "NoFeasiblePair",
        explanation: { _tag: "TooFewSlotsForPair", feasible: feasible.length }
      } as const
    }
    const { n, answers } = p
    const words = (n + 31) >>> 5
    const can = new Uint32Array(feasible.length * words)
    const yes = new Uint32Array(feasible.length * words)
    const canCount = new Int32Array(feasible.length)
    feasible.forEach((s, f) => {
      for (let m = 0; m < n; m++) {
        const a = answers[s.index * n + m] as number
        if (a > 0) {
          const at = f * words + (m >>> 5)
          can[at] = (can[at] as number) | (1 << (m & 31))
          canCount[f] = (canCount[f] as number) + 1
          if (a === 2) yes[at] = (yes[at] as number) | (1 << (m & 31))
        }
      }
    })
    const capacity = input.capacity ?? Number.POSITIVE_INFINITY
    let best: { i: number; j: number; reached: number; yesReached: number; balance: number } | undefined
    for (let i = 0; i < feasible.length; i++) {
      for (let j = i + 1; j < feasible.length; j++) {
        let both = 0
        let yesUnion = 0
        for (let w = 0; w < words; w++) {
          both += popcount((can[i * words + w] as number) & (can[j * words + w] as number))
          yesUnion += popcount((yes[i * words + w] as number) | (yes[j * words + w] as number))
        }
        const onlyA = (canCount[i] as number) - both
        const onlyB = (canCount[j] as number) - both
        const fitA = Math.min(onlyA, capacity)
        const fitB = Math.min(onlyB, capacity)
        const reached = fitA + fitB + Math.min(both, 2 * capacity - fitA - fitB)
        const balance = -Math.abs(onlyA - onlyB)
        if (
          best === undefined ||
          reached > best.reached ||
          (reached === best.reached &&
            (yesUnion > best.yesReached || (yesUnion === best.yesReached && balance > best.balance)))
        ) {
          best = { i, j, reached, yesReached: yesUnion, balance }
        }
      }
    }
    const chosen = best as { i: number; j: number; reached: number }
    const [first, second] = [feasible[chosen.i] as SlotScore, feasible[chosen.j] as SlotScore]
    const onlyFirst: Array<MemberId> = []
    const onlySecond: Array<MemberId> = []
    const both: Array<MemberId> = []
    const neither: Array<MemberId> = []
    for (let m = 0; m < n; m++) {
      const a = (answers[first.index * n + m] as number) > 0
      const b = (answers[second.index * n + m] as number) > 0
      const id = p.memberIds[m] as MemberId
      if (a && b) both.push(id)
      else if (a) onlyFirst.push(id)
      else if (b) onlySecond.push(id)
      else neither.push(id)
    }
    return {
      _tag: "Pair",
      first,
      second,
      reached: chosen.reached,
      onlyFirst,
      onlySecond,
      both,
      neither,
      explanation: {
        _tag: "PairChosen",
        first: first.slotId,
        second: second.slotId,
        reached: chosen.reached,
        of: n,
        neither
      }
    } as const
  })

/**
 * The members who were invited to the previous gathering but are not in its attendance: what
 * {@link Input.missedLastGathering} expects, from a {@link Domain.Gathering} record.
 *
 * @example
 * ```ts
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * declare const previous: Domain.Gathering
 * declare const invitees: ReadonlyArray<Domain.MemberId>
 * const missed = Scheduling.Poll.missedLastGathering(previous, invitees)
 * ```
 * @since 0.1.0
 */
export const missedLastGathering = (
  previous: { readonly attendance: ReadonlyArray<MemberId> },
  invitedThen: ReadonlyArray<MemberId>
): ReadonlyArray<MemberId> => {
  const present = new Set<string>(previous.attendance)
  return invitedThen.filter((id) => !present.has(id))
}

/**
 * Each member's attendance over the year from this year's earlier gatherings (any order): how
 * many there were and how many the member attended. What {@link Input.attendanceOverYear} expects.
 * With `joinedOn` (a member's first day, YYYY-MM-DD) a gathering held before a member joined does
 * not count for them.
 *
 * @example
 * ```ts
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * declare const thisYear: ReadonlyArray<Domain.Gathering>
 * declare const invitees: ReadonlyArray<Domain.MemberId>
 * const history = Scheduling.Poll.attendanceOverYear(thisYear, invitees)
 * ```
 * @since 0.2.0
 */
export const attendanceOverYear = (
  earlier: ReadonlyArray<{ readonly attendance: ReadonlyArray<MemberId>; readonly heldOn?: string | undefined }>,
  invitees: ReadonlyArray<MemberId>,
  joinedOn: (memberId: MemberId) => string | undefined = () => undefined
): ReadonlyArray<AttendanceHistory> => {
  const present = earlier.map((g) => ({ heldOn: g.heldOn, set: new Set<string>(g.attendance) }))
  return invitees.map((memberId) => {
    const joined = joinedOn(memberId)
    const counted = present.filter((g) => joined === undefined || g.heldOn === undefined || g.heldOn >= joined)
    return { memberId, attended: counted.filter((g) => g.set.has(memberId)).length, gatherings: counted.length }
  })
}
