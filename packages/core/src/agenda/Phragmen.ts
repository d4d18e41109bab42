/**
 * Sequential Phragmén with costs, starting from loads carried over from earlier votes: perpetual
 * Phragmén when the loads of one vote are the start of the next.
 *
 * Sources: Phragmén, E. (1894), "Sur la théorie des élections multiples"; Brill, M., Freeman, R.,
 * Janson, S. & Lackner, M. (2017), "Phragmén's Voting Methods and Justified Representation" (AAAI);
 * Lackner, M. (2020), "Perpetual Voting: Fairness in Long-Term Decision Making" (AAAI), perpetual
 * Phragmén; Los, M., Christoff, Z. & Grossi, D. (2022), "Proportional Budget Allocations: Towards a
 * Systematization" (IJCAI), Phragmén with costs.
 *
 * Every voter carries a load: the minutes they have been charged so far. A candidate c is bought
 * by its supporters N_c, who together take on its cost and end with equal loads, so the new load
 * is t_c = (cost_c + Σ_{i ∈ N_c} load_i) / |N_c|. Step by step the candidate with the lowest t_c
 * that still fits the budget is bought, and its supporters' loads become t_c. A voter who got less
 * than their share in earlier votes starts with a lower load, so the candidates they support come
 * first. Only support counts (a tick, a dot, a score above the minimum, a ranked place), not its
 * size. Ties on t (relative tolerance 1e-9, decision 0020) go to more supporters, then lower cost,
 * then the id in code-point order (decision 0022). See decision record 0025.
 *
 * @since 0.2.0
 */
import { Either } from "effect"
import { AgendaInputError } from "../domain/DecodeError.js"
import type { Election } from "./Election.js"
import { compile, type Profile, splitBy, tieBreak } from "./Profile.js"

const EPS = 1e-9

/**
 * Options of {@link select}.
 *
 * @example
 * ```ts
 * import type { Agenda } from "@grenzeloos/core"
 *
 * const options: Agenda.Phragmen.Options = { loads: [0, -12.5, 3] }
 * ```
 * @since 0.2.0
 */
export interface Options {
  /** The load each voter starts with, in input order (0 when absent); lower means owed more. */
  readonly loads?: ReadonlyArray<number>
}

/**
 * One selected candidate: the load its supporters ended with.
 *
 * @since 0.2.0
 */
export interface Step {
  readonly id: string
  readonly cost: number
  /** The supporters' common load after buying it. */
  readonly load: number
  readonly supporters: number
  /** Candidates whose new load tied with this one and lost on the tie-break. */
  readonly tiedWith: ReadonlyArray<string>
}

/**
 * The outcome of {@link select}.
 *
 * @since 0.2.0
 */
export interface Outcome {
  readonly selected: ReadonlyArray<Step>
  readonly totalCost: number
  /** Per voter (input order): the load at the start and at the end. */
  readonly loadsBefore: ReadonlyArray<number>
  readonly loadsAfter: ReadonlyArray<number>
  /** Candidates with support that did not fit what was left of the budget, with what was left when they were dropped. */
  readonly doesNotFit: ReadonlyMap<string, number>
}

const onProfile = (p: Profile, loadOf: Float64Array): Omit<Outcome, "loadsBefore"> => {
  const load = Float64Array.from(loadOf)
  const cmpTie = tieBreak(p)
  const { start, group, mult, costs } = p
  let alive: Array<number> = []
  for (let c = 0; c < p.m; c++) if ((p.supporters[c] ?? 0) > 0 && (costs[c] ?? 0) > 0) alive.push(c)
  let room = p.budget
  const selected: Array<Step> = []
  const doesNotFit = new Map<string, number>()
  const t = new Float64Array(p.m)
  while (alive.length > 0) {
    const keep: Array<number> = []
    let best = -1
    for (const c of alive) {
      const cost = costs[c] as number
      if (cost > room * (1 + EPS)) {
        doesNotFit.set(p.ids[c] ?? "", room)
        continue
      }
      keep.push(c)
      let sum = cost
      // The hot loop: a candidate's supporters in its compressed row.
      for (let k = start[c] as number; k < (start[c + 1] as number); k++) {
        const g = group[k] as number
        sum += (mult[g] as number) * (load[g] as number)
      }
      const tc = sum / (p.supporters[c] as number)
      t[c] = tc
      const tb = best < 0 ? 0 : (t[best] as number)
      if (best < 0 || tc < tb - EPS * Math.max(1, Math.abs(tb))) best = c
      else if (Math.abs(tc - tb) <= EPS * Math.max(1, Math.abs(tb)) && cmpTie(c, best) < 0) best = c
    }
    if (best < 0) break
    const tb = t[best] as number
    const tied = keep
      .filter((c) => c !== best && Math.abs((t[c] as number) - tb) <= EPS * Math.max(1, Math.abs(tb)))
      .sort(cmpTie)
    for (let k = start[best] as number; k < (start[best + 1] as number); k++) load[group[k] as number] = tb
    room -= costs[best] as number
    selected.push({
      id: p.ids[best] ?? "",
      cost: costs[best] as number,
      load: tb,
      supporters: p.supporters[best] as number,
      tiedWith: tied.map((c) => p.ids[c] ?? "")
    })
    alive = keep.filter((c) => c !== best)
  }
  return {
    selected,
    totalCost: p.budget - room,
    loadsAfter: Array.from(p.groupOf, (g) => load[g] as number),
    doesNotFit
  }
}

/**
 * Selects candidates by sequential Phragmén with costs within the budget, every voter starting
 * from their carried load; returns the selection in order with the loads before and after, or
 * every problem of the election.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const election = {
 *   budget: 60,
 *   candidates: [{ id: "t-woo", cost: 60 }, { id: "t-ai", cost: 60 }],
 *   votes: [
 *     { _tag: "approval" as const, themeIds: ["t-woo"] },
 *     { _tag: "approval" as const, themeIds: ["t-woo"] },
 *     { _tag: "approval" as const, themeIds: ["t-ai"] }
 *   ]
 * }
 * // The third member is owed 60 minutes from earlier meetings (a load of -60), so t-ai wins this time.
 * const outcome = Agenda.Phragmen.select(election, { loads: [0, 0, -60] })
 * if (Either.isRight(outcome)) console.log(outcome.right.selected.map((s) => s.id)) // ["t-ai"]
 * ```
 * @since 0.2.0
 */
export const select = (election: Election, options: Options = {}): Either.Either<Outcome, AgendaInputError> => {
  const compiled = compile(election)
  if (!("profile" in compiled))
    return Either.left(new AgendaInputError({ subject: "election", problems: compiled.problems }))
  const loads = options.loads ?? []
  const problems = [
    ...(options.loads !== undefined && loads.length !== election.votes.length
      ? [{ path: "loads", message: `expected one load per vote (${election.votes.length}), got ${loads.length}` }]
      : []),
    ...loads.flatMap((x, k) =>
      Number.isFinite(x) ? [] : [{ path: `loads[${k}]`, message: `expected a finite number, got ${x}` }]
    )
  ]
  if (problems.length > 0) return Either.left(new AgendaInputError({ subject: "election", problems }))
  const before = Array.from(election.votes, (_, v) => loads[v] ?? 0)
  const p = splitBy(compiled.profile, before)
  const perGroup = new Float64Array(p.mult.length)
  for (let v = 0; v < p.groupOf.length; v++) perGroup[p.groupOf[v] as number] = before[v] as number
  return Either.right({ ...onProfile(p, perGroup), loadsBefore: before })
}
