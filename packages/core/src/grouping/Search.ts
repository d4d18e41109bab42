/**
 * The search engine of the grouping area: partition `n` people into groups with size bounds so that
 * the sum of the pairwise scores inside the groups is as large as possible. The maximally diverse
 * grouping problem (MDGP) is exactly this problem with the distance matrix as the score; a policy
 * is compiled into such a matrix by {@link Matrix.build}.
 *
 * The algorithm is an iterated local search in the style of Lai & Hao (2016), "Iterated maxima
 * search for the maximally diverse grouping problem" (European Journal of Operational Research
 * 254(3)): a descent over the one-move (insertion) and swap neighbourhoods, evaluated in O(1) per
 * candidate through a member × group gain table (as in Gallego, Laguna, Martí & Duarte 2013, "Tabu
 * search with strategic oscillation for the maximally diverse grouping problem", and Yang, Cai, Jin,
 * Tang & Gao 2022, "A three-phase search approach with dynamic population size for solving the
 * maximally diverse grouping problem", EJOR 302(3)), alternated with weak perturbations that look
 * for a better local optimum nearby (the "maxima search") and strong perturbations from the best
 * solution when that stalls. The search starts from a greedy partition, and after a perturbation the
 * descent re-examines only the groups that changed (a move or swap between unchanged groups keeps
 * its value).
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import * as Rng from "../random/Rng.js"

/**
 * A grouping problem over a score matrix: `score[i * size + j]` is what having `i` and `j` in the
 * same group is worth (symmetric, zero diagonal); group `g` must receive between `minSizes[g]`
 * and `maxSizes[g]` people; `fixed[i]` is the group `i` must be in, or `-1`.
 *
 * @since 0.1.0
 */
export interface Problem {
  /** The number of people, `n`. */
  readonly size: number
  /** The pairwise scores, row-major `n × n`. */
  readonly score: Float64Array
  /** The least number of people in each group (its length is the number of groups). */
  readonly minSizes: ReadonlyArray<number>
  /** The largest number of people in each group (same length as `minSizes`). */
  readonly maxSizes: ReadonlyArray<number>
  /** Per person the group they are fixed to, or `-1`; omitted means nobody is fixed. */
  readonly fixed?: ReadonlyArray<number>
  /**
   * A grouping to start from instead of the greedy start (within the bounds, fixed people in their
   * group): the result is never worse than it. Used to improve a grouping part by part.
   */
  readonly start?: ReadonlyArray<number>
}

/**
 * How long to search: an iteration budget (deterministic), a time limit, or both (whichever is
 * reached first). Without either, {@link defaultIterations} iterations.
 *
 * @since 0.1.0
 */
export interface Budget {
  /** The number of descents (of a start, a perturbed solution or a crossover child); with a fixed seed the result is reproducible. */
  readonly iterations?: number
  /** Stop after this many milliseconds (read from `clock`); results then depend on the machine. */
  readonly timeLimitMs?: number
  /** The clock for `timeLimitMs`, in milliseconds; defaults to `performance.now`. */
  readonly clock?: () => number
  /**
   * Called from the search loop about every 50 ms (by `clock`) with the share of the budget used,
   * from 0 to 1, and with 1 at the end: for a progress bar while the synchronous search runs. It
   * must be quick; it does not change the result.
   */
  readonly onProgress?: (share: number) => void
}

/**
 * Options of {@link solve}: the seed of the random generator and the budget.
 *
 * @since 0.1.0
 */
export interface Options extends Budget {
  readonly seed: number
}

/**
 * A solution: `assignment[i]` is the group of person `i`; `objective` is the sum of the scores of
 * all pairs in the same group.
 *
 * @since 0.1.0
 */
export interface Solution {
  readonly assignment: Int32Array
  readonly objective: number
  /** The iterations used (descents: of a start, a perturbed solution or a crossover child). */
  readonly iterations: number
  /**
   * True when the time limit ran out before the first descent finished: the assignment is the
   * best found so far (respecting the sizes), but not yet a local optimum.
   */
  readonly cutShort: boolean
}

/**
 * Why a problem has no partition at all: the group sizes cannot add up to `n`, or more people are
 * fixed to a group than it holds.
 *
 * @since 0.1.0
 */
export interface SizeConflict {
  readonly _tag: "SizeConflict"
  readonly message: string
}

/**
 * The iteration budget used when neither `iterations` nor `timeLimitMs` is given.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * // A large community: ten times the default budget, still reproducible with the same seed.
 * declare const request: Grouping.Input.Request
 * const result = Grouping.Form.form(request, { seed: 1, iterations: Grouping.Search.defaultIterations * 10 })
 * ```
 * @since 0.1.0
 */
export const defaultIterations = 2000

const EPS = 1e-9

/**
 * The sum of the scores of all pairs that share a group, computed directly from the matrix (an
 * independent check of {@link Solution.objective}).
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * const score = new Float64Array([0, 1, 1, 0])
 * Grouping.Search.objectiveOf(score, 2, Int32Array.from([0, 0])) // 1
 * ```
 * @since 0.1.0
 */
export const objectiveOf = (score: Float64Array, size: number, assignment: ArrayLike<number>): number => {
  let total = 0
  for (let i = 0; i < size; i++) {
    const gi = assignment[i]
    const row = i * size
    for (let j = i + 1; j < size; j++) if (assignment[j] === gi) total += score[row + j] as number
  }
  return total
}

/**
 * Checks that a partition exists: the bounds are consistent, their sums bracket `n`, and the fixed
 * people fit their groups.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Search.checkSizes({ size: 5, score: new Float64Array(25), minSizes: [3, 3], maxSizes: [4, 4] })
 * // Either.left: the groups need at least 6 people
 * ```
 * @since 0.1.0
 */
export const checkSizes = (problem: Problem): Either.Either<void, SizeConflict> => {
  const { size: n, minSizes, maxSizes } = problem
  const conflict = (message: string) => Either.left<SizeConflict>({ _tag: "SizeConflict", message })
  if (minSizes.length === 0) return n === 0 ? Either.right(undefined) : conflict("there are no groups")
  if (maxSizes.length !== minSizes.length) return conflict("minSizes and maxSizes differ in length")
  if (problem.score.length !== n * n)
    return conflict(`the score matrix has ${problem.score.length} cells, not ${n * n}`)
  let low = 0
  let high = 0
  for (let g = 0; g < minSizes.length; g++) {
    const lo = minSizes[g] as number
    const hi = maxSizes[g] as number
    if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 0 && hi >= lo && hi >= 1))
      return conflict(`group ${g} has bounds ${lo}–${hi}`)
    low += lo
    high += hi
  }
  if (low > n) return conflict(`the groups need at least ${low} people, there are ${n}`)
  if (high < n) return conflict(`the groups hold at most ${high} people, there are ${n}`)
  if (problem.fixed !== undefined) {
    const count = new Int32Array(minSizes.length)
    for (let i = 0; i < n; i++) {
      const g = problem.fixed[i] ?? -1
      if (g >= minSizes.length) return conflict(`person ${i} is fixed to group ${g}, which does not exist`)
      if (g >= 0) count[g] = (count[g] as number) + 1
    }
    let needed = 0
    for (let g = 0; g < minSizes.length; g++) {
      if ((count[g] as number) > (maxSizes[g] as number))
        return conflict(`${count[g]} people are fixed to group ${g}, which holds at most ${maxSizes[g]}`)
      needed += Math.max(count[g] as number, minSizes[g] as number)
    }
    if (needed > n) return conflict(`with the fixed people the groups need at least ${needed} people, there are ${n}`)
  }
  if (problem.start !== undefined) {
    const start = problem.start
    if (start.length !== n) return conflict(`the start assigns ${start.length} people, there are ${n}`)
    const count = new Int32Array(minSizes.length)
    for (let i = 0; i < n; i++) {
      const g = start[i] as number
      if (!(Number.isInteger(g) && g >= 0 && g < minSizes.length))
        return conflict(`the start puts person ${i} in group ${g}, which does not exist`)
      const f = problem.fixed?.[i] ?? -1
      if (f >= 0 && f !== g) return conflict(`the start puts person ${i} in group ${g}, but they are fixed to ${f}`)
      count[g] = (count[g] as number) + 1
    }
    for (let g = 0; g < minSizes.length; g++)
      if ((count[g] as number) < (minSizes[g] as number) || (count[g] as number) > (maxSizes[g] as number))
        return conflict(`the start puts ${count[g]} people in group ${g}, which takes ${minSizes[g]}–${maxSizes[g]}`)
  }
  return Either.right(undefined)
}

// The mutable state of one solution: assignment, group counts, the gain table
// `gain[i * G + g] = Σ_{j in g} score[i][j]` (the per-group sums every move and swap delta is read
// from in O(1)), the objective, and per group the tick of its last change (for the descent, which
// skips pairs of groups that have not changed since it last found them not improving).
class State {
  readonly n: number
  readonly G: number
  readonly score: Float64Array
  readonly assignment: Int32Array
  readonly count: Int32Array
  readonly gain: Float64Array
  readonly changed: Float64Array
  readonly ticks: { now: number }
  objective = 0

  constructor(n: number, G: number, score: Float64Array, ticks: { now: number }) {
    this.n = n
    this.G = G
    this.score = score
    this.ticks = ticks
    this.assignment = new Int32Array(n)
    this.count = new Int32Array(G)
    this.gain = new Float64Array(n * G)
    this.changed = new Float64Array(G)
  }

  /** Recomputes the gain table, the counts and the objective from the assignment (O(n²)). */
  rebuild(): void {
    const { n, G, score, assignment, count, gain } = this
    gain.fill(0)
    count.fill(0)
    for (let i = 0; i < n; i++) count[assignment[i] as number] = (count[assignment[i] as number] as number) + 1
    for (let i = 0; i < n; i++) {
      const row = i * n
      const out = i * G
      for (let j = 0; j < n; j++) {
        const g = assignment[j] as number
        gain[out + g] = (gain[out + g] as number) + (score[row + j] as number)
      }
    }
    let total = 0
    for (let i = 0; i < n; i++) total += gain[i * G + (assignment[i] as number)] as number
    this.objective = total / 2
    this.changed.fill(++this.ticks.now)
  }

  /** Moves person `i` to group `b`, updating the gain table in O(n). */
  move(i: number, b: number): void {
    const { n, G, score, assignment, count, gain } = this
    const a = assignment[i] as number
    if (a === b) return
    this.objective += (gain[i * G + b] as number) - (gain[i * G + a] as number)
    const row = i * n
    for (let k = 0, at = 0; k < n; k++, at += G) {
      const c = score[row + k] as number
      if (c !== 0) {
        gain[at + a] = (gain[at + a] as number) - c
        gain[at + b] = (gain[at + b] as number) + c
      }
    }
    assignment[i] = b
    count[a] = (count[a] as number) - 1
    count[b] = (count[b] as number) + 1
    const t = ++this.ticks.now
    this.changed[a] = t
    this.changed[b] = t
  }

  copyFrom(other: State): void {
    this.assignment.set(other.assignment)
    this.count.set(other.count)
    this.gain.set(other.gain)
    this.changed.set(other.changed)
    this.objective = other.objective
  }
}

/**
 * Solves a grouping problem: the best partition found within the budget. The same problem, seed
 * and iteration budget give the same solution.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * // four people, two groups of two; 0–1 and 2–3 like each other
 * const score = new Float64Array([0, 5, 0, 0, 5, 0, 0, 0, 0, 0, 0, 5, 0, 0, 5, 0])
 * const result = Grouping.Search.solve({ size: 4, score, minSizes: [2, 2], maxSizes: [2, 2] }, { seed: 1, iterations: 20 })
 * if (Either.isRight(result)) console.log(result.right.objective) // 10
 * ```
 * @since 0.1.0
 */
export const solve = (problem: Problem, options: Options): Either.Either<Solution, SizeConflict> =>
  Either.map(checkSizes(problem), () => search(problem, options))

// The largest population (TPSDP's β_max) and the least one it shrinks to (β_min): 2, and 1 above
// 400 people, as in TPSDP (decision 0147: RanReal n = 480, 60 s of CPU, seeds 1–2, mean gap
// 0.120 % against 0.197 % with 2)
const POPULATION_MAX = 15
const populationMin = (n: number): number => (n > 400 ? 1 : 2)
// TPSDP's α: a child slightly worse than its parent still replaces it when it is far from it.
const ALPHA = 0.05
// Rounds of the directed perturbation per application (TPSDP's η_max).
const DIRECTED_ROUNDS = 3
// Memory the population may take (gain tables of n × G doubles each).
const POPULATION_BYTES = 64 * 1024 * 1024

const search = (problem: Problem, options: Options): Solution => {
  const n = problem.size
  const G = problem.minSizes.length
  if (n === 0) return { assignment: new Int32Array(0), objective: 0, iterations: 0, cutShort: false }
  const rng = Rng.make(options.seed)
  const minS = Int32Array.from(problem.minSizes)
  const maxS = Int32Array.from(problem.maxSizes)
  const fixed = new Int32Array(n).fill(-1)
  if (problem.fixed !== undefined) for (let i = 0; i < n; i++) fixed[i] = problem.fixed[i] ?? -1
  const score = problem.score
  const hasMoves = minS.some((lo, g) => lo < (maxS[g] as number))

  const clock = options.clock ?? (() => globalThis.performance.now())
  const hasTime = options.timeLimitMs !== undefined
  const started = clock()
  const limitMs = hasTime ? Math.max(0, options.timeLimitMs as number) : Number.POSITIVE_INFINITY
  const deadline = started + limitMs
  const maxIterations = options.iterations ?? (hasTime ? Number.POSITIVE_INFINITY : defaultIterations)
  // the clock is read about every `rowsPerCheck` rows of an O(n) scan, so a check costs little and
  // comes often (about every 40 000 cell reads)
  const rowsPerCheck = Math.max(1, Math.floor(40_000 / Math.max(1, n)))
  let expired = false
  const timeUp = (): boolean => {
    if (!expired && hasTime && clock() >= deadline) expired = true
    return expired
  }

  const freeList: Array<number> = []
  for (let i = 0; i < n; i++) if ((fixed[i] as number) < 0) freeList.push(i)
  const free = Int32Array.from(freeList)
  const nf = free.length
  const ticks = { now: 0 }
  const make = () => new State(n, G, score, ticks)

  // ---- the local search: one-move and swap neighbourhoods, first improvement, O(1) per delta ----
  // For the swap pass: the free people per group (as positions in `free`), and per pair of groups
  // the most that someone in b gains by moving to a (`bestInto[b·G + a]`), rebuilt per pass (O(nG));
  // per person twice the least score they have with anyone free (made when first needed), so the
  // bound holds for negative scores too. With few groups, or groups of fewer than six on average,
  // reading the bounds costs as much as the pairs they skip (groups of three: 1.5× slower).
  const pruneSwaps = G >= 3 && nf >= 6 * G
  // Whether the bound pays on this matrix: a skipped group saves reading its members, but the
  // group-by-group scan also reads the people before v in each group, so unless the bound rules
  // out most groups the plain scan is cheaper. Over a search it rules out 86–95 % of them on RanReal,
  // 3–40 % on Geo and about half on a community's policy matrix (hard rules weigh far below every
  // other score, which pulls every person's least score down), where the search took 1.4× as long.
  // So the first descent counts how often it skips, and below six in ten the search scans plainly
  // from then on (decision 0106). Counted, not timed: the same seed still gives the same groups.
  let pruning = pruneSwaps
  let judged = false
  let boundChecks = 0
  let boundSkips = 0
  const listStart = new Int32Array(G + 1)
  const listed = new Int32Array(nf)
  const bestInto = new Float64Array(pruneSwaps ? G * G : 0)
  const least = new Float64Array(pruneSwaps ? n : 0).fill(Number.NaN)
  const twiceLeast = (v: number): number => {
    let m = least[v] as number
    if (!Number.isNaN(m)) return m
    m = Number.POSITIVE_INFINITY
    const row = v * n
    for (let k = 0; k < nf; k++) {
      const u = free[k] as number
      if (u !== v && (score[row + u] as number) < m) m = score[row + u] as number
    }
    m = m === Number.POSITIVE_INFINITY ? 0 : 2 * m
    least[v] = m
    return m
  }
  const fresher = new Int32Array(G)
  // `bounded[g]`: the bounds of pairs with group g were computed at the start of the pass
  const bounded = new Uint8Array(G)
  const groupLists = (s: State, since: number): void => {
    const { assignment, gain, changed } = s
    // only pairs with a group changed since `since` are examined, so only their bounds are needed
    let m = 0
    for (let g = 0; g < G; g++) {
      const c = (changed[g] as number) >= since
      if (c) fresher[m++] = g
      bounded[g] = c ? 1 : 0
    }
    listStart.fill(0)
    for (let k = 0; k < nf; k++) {
      const g = assignment[free[k] as number] as number
      listStart[g + 1] = (listStart[g + 1] as number) + 1
    }
    for (let g = 0; g < G; g++) listStart[g + 1] = (listStart[g + 1] as number) + (listStart[g] as number)
    bestInto.fill(Number.NEGATIVE_INFINITY)
    for (let k = 0; k < nf; k++) {
      const u = free[k] as number
      const b = assignment[u] as number
      const at = listStart[b] as number
      listed[at] = k
      listStart[b] = at + 1
      const rowU = u * G
      const gb = gain[rowU + b] as number
      const into = b * G
      if ((changed[b] as number) >= since || m === G)
        for (let a = 0; a < G; a++) {
          const d = (gain[rowU + a] as number) - gb
          if (d > (bestInto[into + a] as number)) bestInto[into + a] = d
        }
      else
        for (let f = 0; f < m; f++) {
          const a = fresher[f] as number
          const d = (gain[rowU + a] as number) - gb
          if (d > (bestInto[into + a] as number)) bestInto[into + a] = d
        }
    }
    for (let g = G; g > 0; g--) listStart[g] = listStart[g - 1] as number
    listStart[0] = 0
  }
  // Only pairs (and moves) touching a group changed since `since` are examined in the first pass;
  // later passes examine what changed during the pass before. Returns false when the clock ran out.
  const descent = (s: State, since0: number): boolean => {
    const { assignment, gain, count, changed } = s
    let since = since0
    for (;;) {
      const passStart = ticks.now + 1
      let improved = false
      if (hasMoves) {
        for (let t = 0; t < nf; t++) {
          const v = free[t] as number
          const a = assignment[v] as number
          if ((count[a] as number) <= (minS[a] as number)) continue
          const rowV = v * G
          const ga = gain[rowV + a] as number
          const fresh = (changed[a] as number) >= since
          let bestB = -1
          let bestD = EPS
          for (let b = 0; b < G; b++) {
            if (b === a || (count[b] as number) >= (maxS[b] as number)) continue
            if (!fresh && (changed[b] as number) < since) continue
            const d = (gain[rowV + b] as number) - ga
            if (d > bestD) {
              bestD = d
              bestB = b
            }
          }
          if (bestB >= 0) {
            s.move(v, bestB)
            improved = true
          }
        }
      }
      // the swap pass, group by group: a swap of v (in a) with u (in b) gains
      // (gain[v][b] − gain[v][a]) + (gain[u][a] − gain[u][b]) − 2·score[v][u]; `bestInto[b·G + a]`
      // bounds the middle term over everyone in b (from the start of the pass), so a whole group
      // whose bound cannot beat v's least score is skipped without reading its members
      if (pruning) groupLists(s, since)
      for (let t = 0; t < nf; t++) {
        if (hasTime && t % rowsPerCheck === 0 && timeUp()) return false
        const v = free[t] as number
        let a = assignment[v] as number
        let fresh = (changed[a] as number) >= since
        const rowV = v * G
        const rowS = v * n
        let ga = gain[rowV + a] as number
        if (!pruning) {
          for (let k = t + 1; k < nf; k++) {
            const u = free[k] as number
            const b = assignment[u] as number
            if (b === a) continue
            if (!fresh && (changed[b] as number) < since) continue
            const rowU = u * G
            const d =
              (gain[rowV + b] as number) -
              ga +
              (gain[rowU + a] as number) -
              (gain[rowU + b] as number) -
              2 * (score[rowS + u] as number)
            if (d > EPS) {
              s.move(v, b)
              s.move(u, a)
              a = b
              ga = gain[rowV + a] as number
              fresh = true
              improved = true
            }
          }
          continue
        }
        const floor = twiceLeast(v)
        scan: for (let b = 0; b < G; b++) {
          if (b === a) continue
          if (!fresh && (changed[b] as number) < since) continue
          const dv = (gain[rowV + b] as number) - ga
          if (bounded[a] === 1 || bounded[b] === 1) {
            boundChecks++
            if (dv + (bestInto[b * G + a] as number) - floor <= EPS) {
              boundSkips++
              continue
            }
          }
          for (let x = listStart[b] as number, end = listStart[b + 1] as number; x < end; x++) {
            const k = listed[x] as number
            if (k <= t) continue
            const u = free[k] as number
            if ((assignment[u] as number) !== b) continue
            const rowU = u * G
            const d = dv + (gain[rowU + a] as number) - (gain[rowU + b] as number) - 2 * (score[rowS + u] as number)
            if (d > EPS) {
              s.move(v, b)
              s.move(u, a)
              a = b
              ga = gain[rowV + a] as number
              fresh = true
              improved = true
              b = -1
              continue scan
            }
          }
        }
      }
      if (!improved) {
        // The first descent decides whether the bound pays on this matrix (see `pruning`).
        if (pruning && !judged && boundSkips < 0.6 * boundChecks) pruning = false
        judged = true
        return true
      }
      since = passStart
    }
  }

  // ---- starting solutions ----
  // Greedy: people in random order join the group where they add most, within the bounds.
  const greedyStart = (s: State): boolean => {
    const { assignment, gain, count } = s
    gain.fill(0)
    count.fill(0)
    const place = (i: number, g: number, withGain: boolean): void => {
      assignment[i] = g
      count[g] = (count[g] as number) + 1
      if (!withGain) return
      const row = i * n
      for (let k = 0, at = g; k < n; k++, at += G) gain[at] = (gain[at] as number) + (score[row + k] as number)
    }
    for (let i = 0; i < n; i++) if ((fixed[i] as number) >= 0) place(i, fixed[i] as number, true)
    let deficit = 0
    for (let g = 0; g < G; g++) deficit += Math.max(0, (minS[g] as number) - (count[g] as number))
    const order = Rng.shuffle(rng, freeList)
    let withGain = true
    for (let t = 0; t < order.length; t++) {
      if (withGain && hasTime && t % rowsPerCheck === 0 && timeUp()) withGain = false
      const i = order[t] as number
      const left = order.length - t - 1
      let best = -1
      let bestGain = Number.NEGATIVE_INFINITY
      for (let g = 0; g < G; g++) {
        const c = count[g] as number
        if (c >= (maxS[g] as number)) continue
        if (c >= (minS[g] as number) && left < deficit) continue
        const v = withGain ? (gain[i * G + g] as number) : -c
        if (v > bestGain) {
          bestGain = v
          best = g
        }
      }
      if (best < 0) for (let g = 0; g < G && best < 0; g++) if ((count[g] as number) < (maxS[g] as number)) best = g
      if ((count[best] as number) < (minS[best] as number)) deficit--
      place(i, best, withGain)
    }
    if (!withGain) return false
    s.rebuild()
    return true
  }

  // Random (TPSDP's start): the lower bounds first, then the rest into random groups with room.
  const order = new Int32Array(nf)
  const randomStart = (s: State): void => {
    const { assignment, count } = s
    count.fill(0)
    for (let i = 0; i < n; i++) {
      const g = fixed[i] as number
      assignment[i] = g
      if (g >= 0) count[g] = (count[g] as number) + 1
    }
    order.set(free)
    Rng.shuffleInPlace(rng, order, nf)
    fill(assignment, count, order, nf)
    s.rebuild()
  }

  // Places the `m` people in `list` (unplaced, assignment −1): groups below their minimum first,
  // then random groups with room.
  const fill = (assignment: Int32Array, count: Int32Array, list: Int32Array, m: number): void => {
    let t = 0
    for (let g = 0; g < G && t < m; g++)
      while ((count[g] as number) < (minS[g] as number) && t < m) {
        assignment[list[t++] as number] = g
        count[g] = (count[g] as number) + 1
      }
    for (; t < m; t++) {
      let g = rng.int(G)
      while ((count[g] as number) >= (maxS[g] as number)) g = g + 1 === G ? 0 : g + 1
      assignment[list[t] as number] = g
      count[g] = (count[g] as number) + 1
    }
  }

  // Places the `m` people in `list` (unplaced, assignment −1) one by one, each in the group with
  // room where they add most to the people placed so far, as long as the groups below their
  // minimum can still be filled by the people after them (decision 0132).
  const toGroup = new Float64Array(G)
  const greedyFill = (assignment: Int32Array, count: Int32Array, list: Int32Array, m: number): void => {
    let deficit = 0
    for (let g = 0; g < G; g++) deficit += Math.max(0, (minS[g] as number) - (count[g] as number))
    for (let t = 0; t < m; t++) {
      const v = list[t] as number
      const row = v * n
      toGroup.fill(0)
      for (let j = 0; j < n; j++) {
        const h = assignment[j] as number
        if (h >= 0) toGroup[h] = (toGroup[h] as number) + (score[row + j] as number)
      }
      const left = m - t - 1
      let best = -1
      for (let g = 0; g < G; g++) {
        const c = count[g] as number
        if (c >= (maxS[g] as number)) continue
        if (c >= (minS[g] as number) && left < deficit) continue
        if (best < 0 || (toGroup[g] as number) > (toGroup[best] as number)) best = g
      }
      if ((count[best] as number) < (minS[best] as number)) deficit--
      assignment[v] = best
      count[best] = (count[best] as number) + 1
    }
  }

  // ---- perturbations ----
  // Undirected (TPSDP): `strength` random moves or swaps, in proportion to the sizes of the two
  // neighbourhoods.
  const undirected = (s: State, strength: number): void => {
    if (nf < 2) return
    const { assignment, count } = s
    const moves = hasMoves ? nf * G : 0
    const all = moves + (nf * (nf - 1)) / 2
    let done = 0
    for (let tries = 0; done < strength && tries < strength * 20; tries++) {
      if (rng.next() * all < moves) {
        const v = free[rng.int(nf)] as number
        const a = assignment[v] as number
        const b = rng.int(G)
        if (b !== a && (count[a] as number) > (minS[a] as number) && (count[b] as number) < (maxS[b] as number)) {
          s.move(v, b)
          done++
        }
      } else {
        const v = free[rng.int(nf)] as number
        const u = free[rng.int(nf)] as number
        const a = assignment[v] as number
        const b = assignment[u] as number
        if (a !== b) {
          s.move(v, b)
          s.move(u, a)
          done++
        }
      }
    }
  }

  // Directed (TPSDP): take out of every group the member who adds least to it, then give every
  // group one of them back, group by group in random order, each taking the one that adds most to
  // what is left of it. Sizes are unchanged.
  const worst = new Int32Array(G)
  const worstGain = new Float64Array(G)
  const groupOrder = new Int32Array(G)
  const target = new Int32Array(G)
  const directed = (s: State): void => {
    const { assignment, gain } = s
    for (let round = 0; round < DIRECTED_ROUNDS; round++) {
      worst.fill(-1)
      worstGain.fill(Number.POSITIVE_INFINITY)
      for (let t = 0; t < nf; t++) {
        const v = free[t] as number
        const a = assignment[v] as number
        const gv = gain[v * G + a] as number
        if (gv < (worstGain[a] as number)) {
          worstGain[a] = gv
          worst[a] = v
        }
      }
      let k = 0
      for (let g = 0; g < G; g++) if ((worst[g] as number) >= 0) groupOrder[k++] = g
      if (k < 2) return
      for (let t = k - 1; t > 0; t--) {
        const r = rng.int(t + 1)
        const x = groupOrder[t] as number
        groupOrder[t] = groupOrder[r] as number
        groupOrder[r] = x
      }
      target.fill(-1)
      // `worst[h]` is the person taken from group h; `target[h]` is the group they go to
      for (let t = 0; t < k; t++) {
        const g = groupOrder[t] as number
        const out = worst[g] as number
        let bestH = -1
        let bestV = Number.NEGATIVE_INFINITY
        for (let r = 0; r < k; r++) {
          const h = groupOrder[r] as number
          if ((target[h] as number) >= 0) continue
          const e = worst[h] as number
          const v = (gain[e * G + g] as number) - (h === g ? 0 : (score[e * n + out] as number))
          if (v > bestV) {
            bestV = v
            bestH = h
          }
        }
        target[bestH] = g
      }
      for (let t = 0; t < k; t++) {
        const h = groupOrder[t] as number
        s.move(worst[h] as number, target[h] as number)
      }
    }
  }

  // ---- crossover (TPSDP, after the group-based crossovers of Lai & Hao's memetic search) ----
  // The parents take turns to hand over their group whose people not yet placed are the most
  // diverse; the child gets those people as one group (a label with room, at random); the people
  // left over fill the child's groups below their minimum, then groups with room at random.
  const remaining = [new Float64Array(G), new Float64Array(G)] as const
  const picked = [new Uint8Array(G), new Uint8Array(G)] as const
  const starts = [new Int32Array(G + 1), new Int32Array(G + 1)] as const
  const members = [new Int32Array(n), new Int32Array(n)] as const
  const labelUsed = new Uint8Array(G)
  const taken = new Int32Array(n)
  const cursor = new Int32Array(G)
  const leftover = new Int32Array(n)
  const crossover = (p1: State, p2: State, child: State): void => {
    const parents = [p1, p2] as const
    const { assignment, count } = child
    count.fill(0)
    for (let i = 0; i < n; i++) {
      const g = fixed[i] as number
      assignment[i] = g
      if (g >= 0) count[g] = (count[g] as number) + 1
    }
    labelUsed.fill(0)
    for (let q = 0; q < 2; q++) {
      const pa = (parents[q] as State).assignment
      const start = starts[q] as Int32Array
      const list = members[q] as Int32Array
      const rem = remaining[q] as Float64Array
      start.fill(0)
      for (let t = 0; t < nf; t++) {
        const g = pa[free[t] as number] as number
        start[g + 1] = (start[g + 1] as number) + 1
      }
      for (let g = 0; g < G; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number)
      const at = cursor
      at.set(start.subarray(0, G))
      for (let t = 0; t < nf; t++) {
        const v = free[t] as number
        const g = pa[v] as number
        list[at[g] as number] = v
        at[g] = (at[g] as number) + 1
      }
      rem.fill(0)
      for (let g = 0; g < G; g++) {
        let sum = 0
        for (let x = start[g] as number; x < (start[g + 1] as number); x++) {
          const row = (list[x] as number) * n
          for (let y = x + 1; y < (start[g + 1] as number); y++) sum += score[row + (list[y] as number)] as number
        }
        rem[g] = sum
      }
      ;(picked[q] as Uint8Array).fill(0)
    }
    const place = (v: number, h: number): void => {
      assignment[v] = h
      count[h] = (count[h] as number) + 1
      for (let q = 0; q < 2; q++) {
        const g = (parents[q] as State).assignment[v] as number
        const list = members[q] as Int32Array
        const start = starts[q] as Int32Array
        const row = v * n
        let sum = 0
        for (let x = start[g] as number; x < (start[g + 1] as number); x++) {
          const j = list[x] as number
          if ((assignment[j] as number) < 0) sum += score[row + j] as number
        }
        ;(remaining[q] as Float64Array)[g] = ((remaining[q] as Float64Array)[g] as number) - sum
      }
    }
    // `slack`: the people beyond what every group still needs to reach its minimum; a label may
    // take more than its minimum only from the slack, so the leftovers can always fill the rest
    let slack = n
    for (let h = 0; h < G; h++) slack -= Math.max(minS[h] as number, count[h] as number)
    let labels = G
    for (let step = 0; labels > 0 && step < 2 * G; step++) {
      const q = step & 1
      const rem = remaining[q] as Float64Array
      const pick = picked[q] as Uint8Array
      const list = members[q] as Int32Array
      const start = starts[q] as Int32Array
      let g = -1
      for (let h = 0; h < G; h++) if (pick[h] === 0 && (g < 0 || (rem[h] as number) > (rem[g] as number))) g = h
      if (g < 0) continue
      pick[g] = 1
      let k = 0
      for (let x = start[g] as number; x < (start[g + 1] as number); x++) {
        const v = list[x] as number
        if ((assignment[v] as number) < 0) taken[k++] = v
      }
      if (k === 0) continue
      let label = -1
      let fits = 0
      let roomiest = -1
      for (let h = 0; h < G; h++) {
        if (labelUsed[h] === 1) continue
        const room = (maxS[h] as number) - (count[h] as number)
        if (roomiest < 0 || room > (maxS[roomiest] as number) - (count[roomiest] as number)) roomiest = h
        if (room >= k && rng.int(++fits) === 0) label = h
      }
      // the parent's own label first: with unequal bounds a label is not interchangeable, and a
      // group moved to another label would change the sizes the parents agree on (decision 0131)
      if (labelUsed[g] === 0 && (maxS[g] as number) - (count[g] as number) >= k) label = g
      if (label < 0) label = roomiest
      const below = Math.max(0, (minS[label] as number) - (count[label] as number))
      const room = Math.min((maxS[label] as number) - (count[label] as number), below + slack)
      if (room <= 0) break
      const placed = Math.min(k, room)
      slack -= Math.max(0, placed - below)
      for (let t = 0; t < placed; t++) {
        const r = t + rng.int(k - t)
        const v = taken[r] as number
        taken[r] = taken[t] as number
        taken[t] = v
        place(v, label)
      }
      labelUsed[label] = 1
      labels--
    }
    let m = 0
    for (let t = 0; t < nf; t++) {
      const v = free[t] as number
      if ((assignment[v] as number) < 0) leftover[m++] = v
    }
    Rng.shuffleInPlace(rng, leftover, m)
    greedyFill(assignment, count, leftover, m)
    child.rebuild()
  }

  // The share of pairs grouped differently in two solutions, from their G × G contingency table.
  const table = new Int32Array(G * G)
  const distance = (x: State, y: State): number => {
    table.fill(0)
    for (let i = 0; i < n; i++) {
      const at = (x.assignment[i] as number) * G + (y.assignment[i] as number)
      table[at] = (table[at] as number) + 1
    }
    let both = 0
    for (let c = 0; c < G * G; c++) both += ((table[c] as number) * ((table[c] as number) - 1)) / 2
    let inX = 0
    let inY = 0
    for (let g = 0; g < G; g++) {
      inX += ((x.count[g] as number) * ((x.count[g] as number) - 1)) / 2
      inY += ((y.count[g] as number) * ((y.count[g] as number) - 1)) / 2
    }
    const pairs = (n * (n - 1)) / 2
    return pairs === 0 ? 0 : (inX + inY - 2 * both) / pairs
  }

  // ---- the three-phase search with a population that shrinks over the budget ----
  const best = make()
  let iterations = 0
  const onProgress = options.onProgress
  let reported = started
  const progress = (): number =>
    Math.min(1, Math.max(iterations / maxIterations, hasTime && limitMs > 0 ? (clock() - started) / limitMs : 0))
  const stop = (): boolean => iterations >= maxIterations || timeUp()
  const consider = (s: State): void => {
    iterations++
    if (s.objective > best.objective + EPS) best.copyFrom(s)
    if (onProgress !== undefined) {
      const now = clock()
      if (now - reported >= 50) {
        reported = now
        onProgress(progress())
      }
    }
  }

  // the first solution: greedy (or the given start), then a descent (both watch the clock)
  const first = make()
  const fromStart = (s: State, start: ReadonlyArray<number>): boolean => {
    for (let i = 0; i < n; i++) s.assignment[i] = start[i] as number
    s.rebuild()
    return true
  }
  let cutShort = !(problem.start === undefined ? greedyStart(first) : fromStart(first, problem.start))
  if (cutShort) {
    best.assignment.set(first.assignment)
  } else {
    cutShort = !descent(first, 0)
    best.copyFrom(first)
    iterations++
  }

  // the population: as large as TPSDP's β_max, less when the budget allows few descents or the
  // gain tables would take too much memory
  const bytes = n * G * 8
  let size = Math.max(1, Math.min(POPULATION_MAX, Math.floor(POPULATION_BYTES / Math.max(1, bytes) / 2)))
  if (!hasTime) size = Math.max(1, Math.min(size, Math.floor(maxIterations / 30)))
  const population: Array<State> = [first]
  const children: Array<State> = [make()]
  if (!cutShort && nf >= 2) {
    // enough descents for about 20 generations of three phases each, judged from the time of the
    // greedy start and its descent, but at most three times the quickest random start so far: in
    // a fresh process the first descent also pays for compiling the code (0.01 to 60 ms for the
    // same problem), which made the population 1 to 15 by chance (decision 0107)
    const firstMs = Math.max(0.01, clock() - started)
    let cheapest = Number.POSITIVE_INFINITY
    for (let k = 1; k < size && !stop(); k++) {
      const before = clock()
      const s = make()
      randomStart(s)
      descent(s, 0)
      consider(s)
      population.push(s)
      children.push(make())
      cheapest = Math.min(cheapest, clock() - before)
      if (hasTime && (k + 1) * Math.min(firstMs, 3 * cheapest) * 3 * 20 > limitMs) break
    }
  }
  const sizeMax = population.length
  const sizeMin = Math.min(sizeMax, populationMin(n))
  const etaFor = (p: number): number => {
    // TPSDP's θ: from 1.2 to 0.1 of a group (n ≤ 400), from 2 to 1 of a group above
    const [hi, lo] = n <= 400 ? [1.2, 0.1] : [1, 0.5]
    return Math.max(2, Math.round(((hi - (hi - lo) * p) * nf) / G))
  }
  while (!cutShort && nf >= 2 && !stop()) {
    const p = progress()
    const eta = etaFor(p)
    let live = population.length
    // phase 1: undirected perturbation and descent of every solution
    for (let k = 0; k < live && !stop(); k++) {
      const s = population[k] as State
      const since = ticks.now + 1
      undirected(s, eta)
      descent(s, since)
      consider(s)
    }
    // phase 2: crossover with a random other solution; the child replaces its parent when better,
    // or slightly worse but far from it
    if (live > 1)
      for (let k = 0; k < live && !stop(); k++) {
        const s = population[k] as State
        let other = rng.int(live - 1)
        if (other >= k) other++
        const child = children[k] as State
        crossover(s, population[other] as State, child)
        descent(child, 0)
        consider(child)
        if (expired) break
        const accept =
          child.objective >= s.objective - EPS ||
          (s.objective > 0 && child.objective / s.objective + ALPHA * distance(child, s) * G > 1)
        if (accept) {
          population[k] = child
          children[k] = s
        }
      }
    // phase 3: directed perturbation and descent
    for (let k = 0; k < live && !stop(); k++) {
      const s = population[k] as State
      const since = ticks.now + 1
      directed(s)
      descent(s, since)
      consider(s)
    }
    // the population shrinks with the budget used, keeping its best: as in anticlust's TPSDP
    // (whose update of β from its current value, in integers, makes it about β_min + 1 / progress),
    // not linearly as in the paper: it stays whole for the first part and then runs most of the
    // budget with two to five solutions (decision 0144; RanReal n = 240, 20 s of CPU, seeds 1–7:
    // mean gap 0.187 % linearly, 0.117 % so)
    const want = Math.max(sizeMin, Math.min(sizeMax, Math.floor(sizeMin + 1 / Math.max(progress(), 1e-9))))
    if (want < live) {
      population.sort((x, y) => y.objective - x.objective)
      while (live > want) {
        children.pop()
        population.pop()
        live--
      }
    }
  }
  const assignmentOut = Int32Array.from(best.assignment)
  onProgress?.(1)
  const objective = objectiveOf(score, n, assignmentOut)
  return { assignment: assignmentOut, objective, iterations, cutShort: cutShort }
}
