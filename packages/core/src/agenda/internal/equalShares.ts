// The body of `EqualShares.select`: one run of the Method of Equal Shares over a compiled profile,
// the Add1 and utilitarian completions around it, and the carried balances split into groups. The
// algorithm and its sources (Peters, Pierczyński & Skowron 2021; equalshares.net) are described at
// the top of ../EqualShares.ts.
import { Either } from "effect"
import { AgendaInputError } from "../../domain/DecodeError.js"
import type { Election } from "../Election.js"
import type { Add1, Options, Outcome, Rejection, Step } from "../EqualShares.js"
import { compile, defaultSatisfaction, type Profile, splitBy, tieBreak, utilities } from "../Profile.js"

/** Relative tolerance under which two values of ρ (or money and a cost) count as equal. */
const EPS = 1e-9

export const add1Defaults: {
  readonly election: Required<Add1>
  readonly agenda: (plainShare: number) => Required<Add1>
} = {
  election: { increment: 1, integral: true, stop: "exhaustive" },
  agenda: (plainShare) => ({ increment: plainShare / 100, integral: false, stop: "exhaustive" })
}

interface Run {
  readonly order: Array<number>
  readonly rho: Array<number>
  readonly payers: Array<number>
  readonly exhausted: Array<number>
  readonly maxPayment: Array<number>
  readonly tied: Array<Array<number>>
  readonly unaffordable: Map<number, { step: number; money: number }>
  readonly left: Float64Array
}

/**
 * ρ of a candidate given the current money, or Infinity if its supporters cannot pay it. Starts from
 * a lower bound and raises it: the supporters who cannot pay ρ·u ("poor") pay all they have, the
 * others share the rest; the poor set only grows, so this reaches the fixed point. A module-level
 * function (not a closure per run), so that the JIT keeps its optimised code across Add1 runs.
 */
const affordability = (
  cost: number,
  lowerBound: number,
  from: number,
  to: number,
  group: Int32Array,
  u: Float64Array,
  money: Float64Array,
  mult: Float64Array
): number => {
  let rho = lowerBound
  let poorBefore = -1
  for (let pass = 0; ; pass++) {
    let paid = 0
    let rich = 0
    let poor = 0
    let all = 0
    let maxRatio = 0
    // The hot loop: indices are in range by construction, so the reads skip `?? 0` checks.
    for (let k = from; k < to; k++) {
      const g = group[k] as number
      const uk = u[k] as number
      const b = money[g] as number
      const w = mult[g] as number
      all += w * b
      if (b < rho * uk) {
        paid += w * b
        poor++
        if (b > maxRatio * uk) maxRatio = b / uk
      } else rich += w * uk
    }
    if (pass === 0 && all < cost * (1 - EPS)) return Number.POSITIVE_INFINITY
    if (poor === poorBefore) return rho
    if (rich === 0) return maxRatio
    const next = (cost - paid) / rich
    // ρ never decreases; if it did not rise, the poor set is already the fixed point's.
    if (next <= rho) return rho
    poorBefore = poor
    rho = next
  }
}

/** One run of MES with a fixed share per voter. */
const run = (
  p: Profile,
  u: Float64Array,
  total: Float64Array,
  eligible: Uint8Array,
  share: number,
  cmpTie: (a: number, b: number) => number,
  tieRank: Int32Array,
  carried: Float64Array | undefined
): Run => {
  const groups = p.mult.length
  const money = new Float64Array(groups).fill(share)
  // Carried money: voters start unequal, so the total may exceed the budget; every purchase must then fit it.
  let room = Number.POSITIVE_INFINITY
  if (carried !== undefined) {
    for (let g = 0; g < groups; g++) money[g] = Math.max(0, share + (carried[g] ?? 0))
    room = p.budget
  }
  const lower = new Float64Array(p.m)
  let alive: Array<number> = []
  for (let c = 0; c < p.m; c++) {
    const cost = p.costs[c] ?? 0
    const t = total[c] ?? 0
    if (eligible[c] === 1 && cost > 0 && t > 0) {
      lower[c] = cost / t
      alive.push(c)
    }
  }
  const result: Run = {
    order: [],
    rho: [],
    payers: [],
    exhausted: [],
    maxPayment: [],
    tied: [],
    unaffordable: new Map(),
    left: money
  }
  const { start, group, mult } = p
  for (let step = 0; alive.length > 0; step++) {
    alive.sort((a, b) => (lower[a] ?? 0) - (lower[b] ?? 0) || (tieRank[a] ?? 0) - (tieRank[b] ?? 0))
    let best = -1
    let bestRho = Number.POSITIVE_INFINITY
    let ties: Array<number> = []
    const keep: Array<number> = []
    for (let k = 0; k < alive.length; k++) {
      const c = alive[k] ?? 0
      if (best >= 0 && (lower[c] ?? 0) > bestRho * (1 + EPS)) {
        for (let r = k; r < alive.length; r++) keep.push(alive[r] ?? 0)
        break
      }
      if ((p.costs[c] ?? 0) > room * (1 + EPS)) continue
      const rho = affordability(p.costs[c] ?? 0, lower[c] ?? 0, start[c] ?? 0, start[c + 1] ?? 0, group, u, money, mult)
      if (rho === Number.POSITIVE_INFINITY) {
        let m = 0
        for (let s = start[c] ?? 0; s < (start[c + 1] ?? 0); s++) {
          const g = group[s] ?? 0
          m += (mult[g] ?? 0) * (money[g] ?? 0)
        }
        result.unaffordable.set(c, { step, money: m })
        continue
      }
      keep.push(c)
      lower[c] = rho
      if (best < 0 || rho < bestRho * (1 - EPS)) {
        best = c
        bestRho = rho
        ties = [c]
      } else if (rho <= bestRho * (1 + EPS)) {
        ties.push(c)
        if (rho < bestRho) bestRho = rho
      }
    }
    if (best < 0) break
    ties = ties.filter((c) => (lower[c] ?? 0) <= bestRho * (1 + EPS)).sort(cmpTie)
    best = ties[0] ?? best
    const rho = lower[best] ?? bestRho
    let payers = 0
    let exhausted = 0
    let maxPaid = 0
    for (let k = start[best] ?? 0; k < (start[best + 1] ?? 0); k++) {
      const g = group[k] ?? 0
      const b = money[g] ?? 0
      const pay = rho * (u[k] ?? 0)
      const w = mult[g] ?? 0
      payers += w
      if (b <= pay * (1 + EPS) || b - pay <= share * EPS) {
        money[g] = 0
        exhausted += w
        maxPaid = Math.max(maxPaid, b)
      } else {
        money[g] = b - pay
        maxPaid = Math.max(maxPaid, pay)
      }
    }
    room -= p.costs[best] ?? 0
    result.order.push(best)
    result.rho.push(rho)
    result.payers.push(payers)
    result.exhausted.push(exhausted)
    result.maxPayment.push(maxPaid)
    result.tied.push(ties.slice(1))
    alive = keep.filter((c) => c !== best)
  }
  return result
}

const costOf = (p: Profile, order: ReadonlyArray<number>): number =>
  order.reduce((sum, c) => sum + (p.costs[c] ?? 0), 0)

/** Adds, greedily by utilitarian welfare per cost, every eligible candidate that still fits. */
const utilitarianFill = (
  p: Profile,
  total: Float64Array,
  eligible: Uint8Array,
  chosen: ReadonlyArray<number>,
  cmpTie: (a: number, b: number) => number
): Array<number> => {
  const taken = new Uint8Array(p.m)
  for (const c of chosen) taken[c] = 1
  let spent = costOf(p, chosen)
  const value = (c: number) => {
    const cost = p.costs[c] ?? 0
    const t = total[c] ?? 0
    return t <= 0 ? 0 : cost > 0 ? t / cost : Number.POSITIVE_INFINITY
  }
  // As the reference tools, candidates nobody supports come last and are added too if they fit.
  const order = [...Array(p.m).keys()]
    .filter((c) => eligible[c] === 1 && taken[c] === 0)
    .sort((a, b) => value(b) - value(a) || cmpTie(a, b))
  const added: Array<number> = []
  for (const c of order) {
    const cost = p.costs[c] ?? 0
    if (spent + cost <= p.budget) {
      added.push(c)
      spent += cost
    }
  }
  return added
}

/** Runs MES with a completion on a compiled profile; `eligible` marks the candidates that may be chosen. */
const onProfile = (p: Profile, options: Options, eligible: Uint8Array): Outcome => {
  const satisfaction = options.satisfaction ?? defaultSatisfaction(p)
  const completion = options.completion ?? "add1"
  const multiplier = Float64Array.from(p.ids, (id) => options.multipliers?.get(id) ?? 1)
  const { u, total } = utilities(p, satisfaction, multiplier)
  const cmpTie = tieBreak(p)
  const tieRank = new Int32Array(p.m)
  ;[...Array(p.m).keys()].sort(cmpTie).forEach((c, k) => {
    tieRank[c] = k
  })
  const n = p.voterCount
  const plain = n > 0 ? p.budget / n : 0
  let runs = 0
  const carriedPerGroup = carriedOf(p, options.carried)
  const go = (share: number) => {
    runs++
    return run(p, u, total, eligible, share, cmpTie, tieRank, carriedPerGroup)
  }
  let share = plain
  let current: Run
  if (completion === "add1" || completion === "add1-utilitarian") {
    const increment = options.add1?.increment ?? add1Defaults.election.increment
    const integral = options.add1?.integral ?? add1Defaults.election.integral
    const stop = options.add1?.stop ?? add1Defaults.election.stop
    const base = integral ? Math.floor(plain) : plain
    let steps = 0
    share = base
    current = go(share)
    let cost = costOf(p, current.order)
    const supported = [...Array(p.m).keys()].filter(
      (c) => eligible[c] === 1 && (total[c] ?? 0) > 0 && (p.costs[c] ?? 0) > 0
    ).length
    while (increment > 0 && n > 0) {
      if (stop === "exhaustive") {
        const chosen = new Uint8Array(p.m)
        for (const c of current.order) chosen[c] = 1
        let exhaustive = true
        for (let c = 0; c < p.m && exhaustive; c++)
          if (eligible[c] === 1 && chosen[c] === 0 && cost + (p.costs[c] ?? 0) <= p.budget) exhaustive = false
        if (exhaustive) break
      }
      // MES cannot add more once every supported candidate is in; stop instead of looping for ever.
      if (current.order.length >= supported) break
      // Computed from the start rather than summed, so that many small steps do not drift.
      const nextShare = base + (steps + 1) * increment
      const next = go(nextShare)
      const nextCost = costOf(p, next.order)
      if (nextCost > p.budget) break
      steps++
      share = nextShare
      current = next
      cost = nextCost
    }
  } else current = go(share)

  const steps: Array<Step> = current.order.map((c, k) => ({
    id: p.ids[c] ?? "",
    cost: p.costs[c] ?? 0,
    by: "equal-shares",
    rho: current.rho[k] ?? 0,
    payers: current.payers[k] ?? 0,
    exhausted: current.exhausted[k] ?? 0,
    maxPayment: current.maxPayment[k] ?? 0,
    tiedWith: (current.tied[k] ?? []).map((t) => p.ids[t] ?? "")
  }))
  const chosenOrder = [...current.order]
  if (completion === "utilitarian" || completion === "add1-utilitarian") {
    for (const c of utilitarianFill(p, total, eligible, chosenOrder, cmpTie)) {
      chosenOrder.push(c)
      steps.push({ id: p.ids[c] ?? "", cost: p.costs[c] ?? 0, by: "utilitarian-completion" })
    }
  }
  const totalCost = costOf(p, chosenOrder)
  const chosen = new Set(chosenOrder)
  const rejected = new Map<string, Rejection>()
  for (let c = 0; c < p.m; c++) {
    if (eligible[c] !== 1 || chosen.has(c)) continue
    const id = p.ids[c] ?? ""
    const gone = current.unaffordable.get(c)
    if ((total[c] ?? 0) <= 0 || (p.costs[c] ?? 0) <= 0) rejected.set(id, { _tag: "NoSupport" })
    else if (gone !== undefined) rejected.set(id, { _tag: "Unaffordable", step: gone.step, money: gone.money })
    else rejected.set(id, { _tag: "DoesNotFit", remaining: p.budget - totalCost })
  }
  const leftPerVoter = Array.from(p.groupOf, (g) => current.left[g] ?? 0)
  const paidPerVoter = Array.from(
    p.groupOf,
    (g) => Math.max(0, share + (carriedPerGroup?.[g] ?? 0)) - (current.left[g] ?? 0)
  )
  return {
    selected: steps,
    totalCost,
    sharePerVoter: share,
    satisfaction,
    completion,
    runs,
    rejected,
    leftPerVoter,
    paidPerVoter
  }
}

/** The carried money per ballot group (the profile is split so that a group shares one value). */
const carriedOf = (p: Profile, carried: ReadonlyArray<number> | undefined): Float64Array | undefined => {
  if (carried === undefined) return undefined
  const perGroup = new Float64Array(p.mult.length)
  for (let v = 0; v < p.groupOf.length; v++) perGroup[p.groupOf[v] as number] = carried[v] ?? 0
  return perGroup
}

export const select = (election: Election, options: Options = {}): Either.Either<Outcome, AgendaInputError> => {
  const compiled = compile(election)
  if (!("profile" in compiled))
    return Either.left(new AgendaInputError({ subject: "election", problems: compiled.problems }))
  const carried = options.carried
  if (carried !== undefined && carried.length !== election.votes.length)
    return Either.left(
      new AgendaInputError({
        subject: "election",
        problems: [
          {
            path: "carried",
            message: `expected one carried balance per vote (${election.votes.length}), got ${carried.length}`
          }
        ]
      })
    )
  const bad = carried?.findIndex((x) => !Number.isFinite(x)) ?? -1
  if (bad >= 0)
    return Either.left(
      new AgendaInputError({
        subject: "election",
        problems: [{ path: `carried[${bad}]`, message: `expected a finite number, got ${carried?.[bad]}` }]
      })
    )
  const p = carried === undefined ? compiled.profile : splitBy(compiled.profile, carried)
  return Either.right(onProfile(p, options, new Uint8Array(p.m).fill(1)))
}
