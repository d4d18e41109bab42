/**
 * Prioritising the backlog: from a voting round's ballots to the programme of the next meeting
 * within its time, the ordered backlog, a reason for every theme, and fairness per member.
 *
 * The steps, each visible in the result:
 * 1. validate the input against the round (every problem at once);
 * 2. pinned themes go on the programme first; themes in their cooling-off are set aside;
 * 3. the method orders the eligible themes (support with ageing; Schulze; or Equal Shares, which
 *    chooses its own set within the time left after the pins);
 * 4. the programme is filled in that order within the budget, never above the maximum number of
 *    themes, and keeping room to reach the minimum number (a theme is skipped if taking it would
 *    leave too little time for the shortest themes still needed).
 *
 * Ties between themes: more supporters, then the shorter duration, then the id in code-point order.
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import type { Language } from "../domain/Language.js"
import * as Carried from "./Carried.js"
import type { Vote } from "./Election.js"
import type { Completion } from "./EqualShares.js"
import { select } from "./EqualShares.js"
import type { MethodName, Reason } from "./Explanation.js"
import { type Fairness, measure } from "./Fairness.js"
import { AgendaInfeasible } from "./Infeasible.js"
import type { AgendaInput, ThemeInput } from "./Input.js"
import type { AgendaInputError } from "./InputError.js"
import * as Phragmen from "./Phragmen.js"
import { compareCodePoints } from "./Profile.js"
import { rank } from "./Schulze.js"
import { count } from "./Scoring.js"
import * as Texts from "./Texts.js"
import { type ReplacedBallot, validate } from "./Validation.js"

/**
 * One theme of the round in the outcome.
 *
 * @since 0.1.0
 */
export interface ThemeOutcome {
  readonly themeId: string
  readonly title?: string
  readonly inProgramme: boolean
  /** Its place in the ordered backlog, from 1. */
  readonly place: number
  readonly durationMinutes: number
  /** The method's measure, ageing included: approvals, dots, score, Borda points, or Schulze wins. */
  readonly support: number
  readonly supporters: number
  /** The ageing bonus applied to its support, in percent. */
  readonly ageingPercent: number
  readonly reason: Reason
  /** The reason (and ageing) as a sentence in the requested language. */
  readonly explanation: string
}

/**
 * The outcome of {@link prioritise}.
 *
 * @since 0.1.0
 */
export interface AgendaResult {
  readonly method: MethodName
  readonly unit: Texts.Unit
  readonly budget: number
  /** Minutes (or slots) the programme uses. */
  readonly used: number
  readonly language: Language
  /** The programme in order: pinned themes, then in order of choice. */
  readonly programme: ReadonlyArray<ThemeOutcome>
  /** Every theme of the round: the programme first, then the rest in the method's order, then the themes cooling off. */
  readonly backlog: ReadonlyArray<ThemeOutcome>
  readonly fairness: Fairness
  readonly replacedBallots: ReadonlyArray<ReplacedBallot>
  /** For Equal Shares: the share per member of the final run, the runs made and the completion. */
  readonly equalShares?: { readonly sharePerMember: number; readonly runs: number; readonly completion: Completion }
  /**
   * For the carried methods: this vote's record per member (the input of the next vote) and, per
   * member who voted, how much their vote weighed and why.
   */
  readonly carried?: {
    readonly method: Carried.CarriedMethod
    /** The number of this vote in the sequence of carried votes. */
    readonly meeting: number
    readonly decay: number
    readonly records: ReadonlyArray<Carried.MemberRecord>
    readonly members: ReadonlyArray<{
      readonly memberId: string
      readonly weight: Carried.Weight
      readonly explanation: string
    }>
  }
  /** A paragraph for the room. */
  readonly summary: string
}

const sum = (xs: ReadonlyArray<number>) => xs.reduce((s, x) => s + x, 0)

/**
 * Chooses the programme of the next meeting from the round's ballots with the method and the
 * standing rules, explaining every theme; returns the input problems or the rule that cannot be met
 * instead of throwing.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const result = Agenda.Prioritise.prioritise({
 *   round: { themeIds: ["t-woo", "t-ego", "t-ai"], format: { _tag: "approval" } },
 *   themes: [
 *     { id: "t-woo", durationMinutes: 60 },
 *     { id: "t-ego", durationMinutes: 45 },
 *     { id: "t-ai", durationMinutes: 90 }
 *   ],
 *   ballots: [
 *     { memberId: "m-1", content: { _tag: "approval", themeIds: ["t-woo", "t-ego"] } },
 *     { memberId: "m-2", content: { _tag: "approval", themeIds: ["t-ai"] } }
 *   ],
 *   budget: { _tag: "minutes", minutes: 150 },
 *   method: { _tag: "equal-shares" },
 *   language: "en"
 * })
 * if (Either.isRight(result)) for (const t of result.right.backlog) console.log(t.themeId, t.explanation)
 * ```
 * @since 0.1.0
 */
export const prioritise = (input: AgendaInput): Either.Either<AgendaResult, AgendaInputError | AgendaInfeasible> => {
  const validated = validate(input)
  if (Either.isLeft(validated)) return Either.left(validated.left)
  const { themes, ballots, replaced } = validated.right
  const language = input.language ?? "nl"
  const rules = input.rules ?? {}
  const unit: Texts.Unit = input.budget._tag
  const capacity = input.budget._tag === "minutes" ? input.budget.minutes : input.budget.slots
  const method: MethodName = input.method._tag
  const byId = new Map(themes.map((t) => [t.id, t]))
  const costOf = (id: string) => (unit === "slots" ? 1 : (byId.get(id)?.durationMinutes ?? 0))
  const format = input.round.format
  const minScore = format._tag === "scores" ? format.minScore : 0
  const votes = ballots.map((b) => b.content)
  const counted = count(
    themes.map((t) => t.id),
    votes,
    minScore
  )
  const ageingPercent = (t: ThemeInput | undefined) =>
    rules.ageing === undefined || t === undefined
      ? 0
      : Math.min(rules.ageing.maxPercent ?? 100, rules.ageing.percentPerMeeting * (t.waitingMeetings ?? 0))
  const factor = (id: string) => 1 + ageingPercent(byId.get(id)) / 100
  const supporters = (id: string) => counted.supporters.get(id) ?? 0
  let support = (id: string) => (counted.total.get(id) ?? 0) * factor(id)
  const cmp = (a: string, b: string) =>
    supporters(b) - supporters(a) || costOf(a) - costOf(b) || compareCodePoints(a, b)
  const min = rules.minThemes ?? 0
  const max = rules.maxThemes
  const cooling = rules.coolingOff?.meetings
  const isCooling = (t: ThemeInput) =>
    cooling !== undefined && t.lastDiscussedMeetingsAgo !== undefined && t.lastDiscussedMeetingsAgo <= cooling

  // 2. Pins and cooling-off.
  const reasons = new Map<string, Reason>()
  const pinned = rules.pinned ?? []
  const pinnedSet = new Set(pinned)
  const pinnedCost = sum(pinned.map(costOf))
  if (pinnedCost > capacity)
    return Either.left(
      new AgendaInfeasible({
        constraint: "pinned-over-budget",
        themeIds: pinned,
        detail: `the pinned themes need ${pinnedCost} ${unit}, the meeting has ${capacity}`
      })
    )
  if (max !== undefined && pinned.length > max)
    return Either.left(
      new AgendaInfeasible({
        constraint: "pinned-over-max",
        themeIds: pinned,
        detail: `${pinned.length} themes are pinned, at most ${max} themes fit the programme`
      })
    )
  const programme: Array<string> = [...pinned]
  for (const id of pinned) {
    const t = byId.get(id)
    reasons.set(id, { _tag: "Pinned", coolingOffOverridden: t !== undefined && isCooling(t) })
  }
  const coolingOff: Array<string> = []
  for (const t of themes)
    if (!pinnedSet.has(t.id) && isCooling(t)) {
      coolingOff.push(t.id)
      reasons.set(t.id, { _tag: "CoolingOff", meetingsAgo: t.lastDiscussedMeetingsAgo ?? 0, meetings: cooling ?? 0 })
    }
  const eligible = themes.filter((t) => !pinnedSet.has(t.id) && !isCooling(t)).map((t) => t.id)
  const need = Math.max(0, min - pinned.length)
  if (need > 0) {
    const shortest = [...eligible].sort((a, b) => costOf(a) - costOf(b) || compareCodePoints(a, b)).slice(0, need)
    const needed = sum(shortest.map(costOf))
    if (shortest.length < need || needed > capacity - pinnedCost)
      return Either.left(
        new AgendaInfeasible({
          constraint: "min-themes",
          themeIds: shortest,
          detail:
            shortest.length < need
              ? `${min} themes are required, only ${shortest.length + pinned.length} are eligible`
              : `${min} themes are required; the shortest eligible ones need ${needed} ${unit}, ${capacity - pinnedCost} are left after the pins`
        })
      )
  }

  // 3. The method's order.
  let order: Array<string>
  let prefix: number | undefined
  let equalShares: AgendaResult["equalShares"]
  let carriedVote:
    | {
        readonly method: Carried.CarriedMethod
        readonly decay: number
        readonly plain: number
        readonly history: ReadonlyMap<string, ReadonlyArray<Carried.MemberRecord>>
        readonly got: ReadonlyArray<number>
      }
    | undefined
  const mesReasons = new Map<string, Reason>()
  const bySupport = () => [...eligible].sort((a, b) => support(b) - support(a) || cmp(a, b))
  if (input.method._tag === "schulze") {
    const ranking = rank(
      eligible,
      votes.map((v) => (v._tag === "ranking" ? v.ranking : [])),
      undefined,
      cmp
    )
    order = [...ranking.order]
    support = (id) => ranking.wins.get(id) ?? 0
  } else if (
    input.method._tag === "equal-shares" ||
    input.method._tag === "equal-shares-carried" ||
    input.method._tag === "perpetual-phragmen"
  ) {
    const options = input.method
    // Themes nobody supports are left out of the election: Equal Shares cannot buy them, and a short
    // one would keep Add1 from ever seeing an exhaustive outcome. They enter only for the minimum.
    const keep = new Set(eligible.filter((id) => supporters(id) > 0))
    const election = {
      budget: capacity - pinnedCost,
      candidates: [...keep].map((id) => ({ id, cost: costOf(id) })),
      votes: votes.map(
        (v): Vote =>
          v._tag === "approval"
            ? { ...v, themeIds: v.themeIds.filter((id) => keep.has(id)) }
            : v._tag === "dots"
              ? { ...v, dots: v.dots.filter((d) => keep.has(d.themeId)) }
              : v._tag === "scores"
                ? { ...v, scores: v.scores.filter((s) => keep.has(s.themeId)) }
                : { ...v, ranking: v.ranking.filter((id) => keep.has(id)) }
      ),
      minScore
    }
    const plain = ballots.length > 0 ? (capacity - pinnedCost) / ballots.length : 0
    for (const id of eligible) if (!keep.has(id)) mesReasons.set(id, { _tag: "NoSupport" })
    const history = Carried.byMember(input.carried ?? [])
    const balances = Carried.balances(
      ballots.map((b) => b.memberId),
      history
    )
    let chosen: Array<string>
    let got: ReadonlyArray<number> = []
    if (options._tag === "perpetual-phragmen") {
      const selected = Phragmen.select(election, { loads: balances.map((b) => -b) })
      if (Either.isLeft(selected)) return Either.left(selected.left)
      const outcome = selected.right
      outcome.selected.forEach((s, k) => {
        mesReasons.set(s.id, {
          _tag: "Phragmen",
          step: k + 1,
          supporters: s.supporters,
          load: s.load,
          tiedWith: s.tiedWith
        })
      })
      for (const [id, left] of outcome.doesNotFit)
        mesReasons.set(id, { _tag: "DoesNotFit", needed: costOf(id), remaining: left })
      chosen = outcome.selected.map((s) => s.id)
      got = outcome.loadsAfter.map((after, v) => after - (outcome.loadsBefore[v] ?? 0))
    } else {
      const selected = select(election, {
        ...(options.satisfaction === undefined ? {} : { satisfaction: options.satisfaction }),
        completion: options.completion ?? "add1",
        add1:
          options._tag === "equal-shares"
            ? {
                increment: options.add1?.increment ?? plain / 100,
                integral: options.add1?.integral ?? false,
                stop: options.add1?.stop ?? "exhaustive"
              }
            : { increment: plain / 100, integral: false, stop: "exhaustive" },
        multipliers: new Map(eligible.map((id) => [id, factor(id)])),
        ...(options._tag === "equal-shares-carried" ? { carried: balances } : {})
      })
      // The input was validated above, so the election always compiles; pass a problem on all the same.
      if (Either.isLeft(selected)) return Either.left(selected.left)
      const outcome = selected.right
      outcome.selected.forEach((s, k) => {
        mesReasons.set(
          s.id,
          s.by === "equal-shares"
            ? {
                _tag: "EqualShares",
                step: k + 1,
                payers: s.payers ?? 0,
                maxPayment: s.maxPayment ?? 0,
                share: outcome.sharePerVoter,
                tiedWith: s.tiedWith ?? []
              }
            : { _tag: "Completion", support: support(s.id) }
        )
      })
      for (const [id, r] of outcome.rejected)
        mesReasons.set(
          id,
          r._tag === "NoSupport"
            ? { _tag: "NoSupport" }
            : r._tag === "Unaffordable"
              ? { _tag: "SupportersCannotPay", step: r.step + 1, money: r.money, needed: costOf(id) }
              : { _tag: "DoesNotFit", needed: costOf(id), remaining: r.remaining }
        )
      chosen = outcome.selected.map((s) => s.id)
      got = outcome.paidPerVoter
      equalShares = { sharePerMember: outcome.sharePerVoter, runs: outcome.runs, completion: outcome.completion }
    }
    const chosenSet = new Set(chosen)
    order = [...chosen, ...bySupport().filter((id) => !chosenSet.has(id))]
    prefix = chosen.length
    if (options._tag !== "equal-shares") {
      const decay = options.decay ?? Carried.defaultDecay
      carriedVote = { method: options._tag, decay, plain, history, got }
    }
  } else order = bySupport()

  // 4. Fill the programme in that order.
  let remaining = capacity - pinnedCost
  let taken = pinned.length
  const rest: Array<string> = []
  const decide = (id: string, i: number, inPrefix: boolean, noSupport: boolean): Reason | undefined => {
    const cost = costOf(id)
    if ((!inPrefix || noSupport) && taken >= min)
      return noSupport ? { _tag: "NoSupport" } : (mesReasons.get(id) ?? { _tag: "NoSupport" })
    if (max !== undefined && taken >= max) return { _tag: "MaxThemes", maxThemes: max }
    if (cost > remaining) return { _tag: "DoesNotFit", needed: cost, remaining }
    const stillNeeded = min - taken - 1
    if (stillNeeded > 0) {
      const shortest = order
        .slice(i + 1)
        .map(costOf)
        .sort((a, b) => a - b)
        .slice(0, stillNeeded)
      if (shortest.length < stillNeeded || remaining - cost < sum(shortest))
        return { _tag: "ReservedForMinimum", minThemes: min }
    }
    return undefined
  }
  order.forEach((id, i) => {
    const inPrefix = prefix === undefined || i < prefix
    const noSupport = prefix === undefined && supporters(id) === 0
    const skipped = decide(id, i, inPrefix, noSupport)
    if (skipped !== undefined) {
      reasons.set(id, skipped)
      rest.push(id)
      return
    }
    programme.push(id)
    remaining -= costOf(id)
    taken++
    reasons.set(
      id,
      !inPrefix || noSupport
        ? { _tag: "AddedForMinimum", minThemes: min }
        : prefix === undefined
          ? { _tag: "Ranked", method, place: i + 1, of: order.length, support: support(id) }
          : (mesReasons.get(id) ?? { _tag: "AddedForMinimum", minThemes: min })
    )
  })
  // Equal Shares' own "does not fit" was measured before the fill; report what is left in the end.
  for (const id of rest) {
    const r = reasons.get(id)
    if (r?._tag === "DoesNotFit" && r === mesReasons.get(id)) reasons.set(id, { ...r, remaining })
  }

  const coolingSorted = [...coolingOff].sort((a, b) => support(b) - support(a) || cmp(a, b))
  const inProgramme = new Set(programme)
  const outcomeOf = (id: string, place: number): ThemeOutcome => {
    const t = byId.get(id)
    const reason = reasons.get(id) ?? { _tag: "NoSupport" }
    const percent = ageingPercent(t)
    const explanation = [
      Texts.reason(language, unit, reason),
      ...(percent > 0 && method !== "schulze" ? [Texts.ageing(language, t?.waitingMeetings ?? 0, percent)] : [])
    ].join(" ")
    return {
      themeId: id,
      ...(t?.title === undefined ? {} : { title: t.title }),
      inProgramme: inProgramme.has(id),
      place,
      durationMinutes: t?.durationMinutes ?? 0,
      support: support(id),
      supporters: supporters(id),
      ageingPercent: percent,
      reason,
      explanation
    }
  }
  const backlog = [...programme, ...rest, ...coolingSorted].map((id, k) => outcomeOf(id, k + 1))
  const fairness = measure(
    ballots.map((b, k) => ({ memberId: b.memberId, supported: counted.supported[k] ?? [] })),
    programme
  )
  const used = capacity - remaining
  let carried: AgendaResult["carried"]
  if (carriedVote !== undefined) {
    const cv = carriedVote
    const meeting = Carried.nextMeeting(input.carried ?? [])
    const records = Carried.close({
      method: cv.method,
      decay: cv.decay,
      meeting,
      ...(input.round.id === undefined ? {} : { votingRoundId: input.round.id }),
      fairShareMinutes: cv.plain,
      voters: ballots.map((b, k) => ({
        memberId: b.memberId,
        gotMinutes: cv.got[k] ?? 0,
        supportedMinutes: sum((counted.supported[k] ?? []).filter((id) => inProgramme.has(id)).map(costOf))
      })),
      history: cv.history
    })
    carried = {
      method: cv.method,
      meeting,
      decay: cv.decay,
      records,
      members: ballots.map((b) => {
        const weight = Carried.weight(b.memberId, cv.history.get(b.memberId) ?? [], cv.plain)
        return { memberId: b.memberId, weight, explanation: Texts.carried(language, weight) }
      })
    }
  }
  return Either.right({
    method,
    unit,
    budget: capacity,
    used,
    language,
    programme: backlog.slice(0, programme.length),
    backlog,
    fairness,
    replacedBallots: replaced,
    ...(equalShares === undefined ? {} : { equalShares }),
    ...(carried === undefined ? {} : { carried }),
    summary: Texts.summary(language, unit, {
      method,
      themes: programme.length,
      used,
      budget: capacity,
      members: fairness.voters,
      withAtLeastOne: fairness.withAtLeastOne
    })
  })
}
