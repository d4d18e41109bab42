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
}

/**
 * How long to search: an iteration budget (deterministic), a time limit, or both (whichever is
 * reached first). Without either, {@link defaultIterations} iterations.
 *
 * @since 0.1.0
 */
export interface Budget {
  /** The number of perturbation + descent rounds; with a fixed seed the result is reproducible. */
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
  /** The iterations used (perturbation + descent rounds). */
  readonly iterations: number
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
  return Either.right(undefined)
}

// The mutable state of a search: assignment, group counts, the gain table
// `gain[i * G + g] = Σ_{j in g} score[i][j]` and the objective.
class State {
  readonly n: number
  readonly G: number
  readonly score: Float64Array
  readonly assignment: Int32Array
  readonly count: Int32Array
  readonly gain: Float64Array
  objective = 0

  constructor(n: number, G: number, score: Float64Array) {
    this.n = n
    this.G = G
    this.score = score
    this.assignment = new Int32Array(n)
    this.count = new Int32Array(G)
    this.gain = new Float64Array(n * G)
  }

  /** Recomputes the gain table, the counts and the objective from the assignment. */
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
  }

  copyFrom(other: State): void {
    this.assignment.set(other.assignment)
    this.count.set(other.count)
    this.gain.set(other.gain)
    this.objective = other.objective
  }
}

// A greedy start that respects the fixed people and the size bounds: people in random order each
// join the group where they add the most score, among the groups that still have room and without
// leaving too few people for the other groups' minimums.
const greedyStart = (
  state: State,
  rng: Rng.Rng,
  minSizes: ArrayLike<number>,
  maxSizes: ArrayLike<number>,
  fixed: ArrayLike<number> | undefined
): void => {
  const { n, G, assignment, score, gain } = state
  const count = new Int32Array(G)
  gain.fill(0)
  const place = (i: number, g: number): void => {
    assignment[i] = g
    count[g] = (count[g] as number) + 1
    const row = i * n
    for (let k = 0, at = g; k < n; k++, at += G) gain[at] = (gain[at] as number) + (score[row + k] as number)
  }
  const free: Array<number> = []
  for (let i = 0; i < n; i++) {
    const g = fixed?.[i] ?? -1
    assignment[i] = -1
    if (g >= 0) place(i, g)
    else free.push(i)
  }
  let deficit = 0
  for (let g = 0; g < G; g++) deficit += Math.max(0, (minSizes[g] as number) - (count[g] as number))
  const order = Rng.shuffle(rng, free)
  for (let t = 0; t < order.length; t++) {
    const i = order[t] as number
    const left = order.length - t - 1
    let best = -1
    let bestGain = Number.NEGATIVE_INFINITY
    for (let g = 0; g < G; g++) {
      const c = count[g] as number
      if (c >= (maxSizes[g] as number)) continue
      if (c >= (minSizes[g] as number) && left < deficit) continue
      const v = gain[i * G + g] as number
      if (v > bestGain) {
        bestGain = v
        best = g
      }
    }
    if (best < 0) for (let g = 0; g < G && best < 0; g++) if ((count[g] as number) < (maxSizes[g] as number)) best = g
    if ((count[best] as number) < (minSizes[best] as number)) deficit--
    place(i, best)
  }
  state.rebuild()
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

const search = (problem: Problem, options: Options): Solution => {
  const n = problem.size
  const G = problem.minSizes.length
  if (n === 0) return { assignment: new Int32Array(0), objective: 0, iterations: 0 }
  const rng = Rng.make(options.seed)
  const minS = Int32Array.from(problem.minSizes)
  const maxS = Int32Array.from(problem.maxSizes)
  const fixed = new Int32Array(n).fill(-1)
  if (problem.fixed !== undefined) for (let i = 0; i < n; i++) fixed[i] = problem.fixed[i] ?? -1
  const score = problem.score
  const hasMoves = minS.some((lo, g) => lo < (maxS[g] as number))

  const cur = new State(n, G, score)
  const best = new State(n, G, score)
  const prev = new State(n, G, score)
  greedyStart(cur, rng, minS, maxS, problem.fixed)

  const freeList: Array<number> = []
  for (let i = 0; i < n; i++) if ((fixed[i] as number) < 0) freeList.push(i)
  const free = Int32Array.from(freeList)
  const order = Int32Array.from(Rng.shuffle(rng, freeList))
  const nf = free.length

  const { assignment, gain, count } = cur

  // Descent with "dirty" groups: a move or swap can only have become improving if one of the
  // groups it touches changed since it was last examined, so after a perturbation only the members
  // of changed groups (and moves into changed groups) are examined again.
  const dirty = new Uint8Array(G)
  const stack: Array<number> = []
  const mark = (g: number): void => {
    if (dirty[g] === 0) {
      dirty[g] = 1
      stack.push(g)
    }
  }
  for (let g = G - 1; g >= 0; g--) mark(g)

  const descent = (): void => {
    while (stack.length > 0) {
      const g = stack.pop() as number
      dirty[g] = 0
      if (hasMoves && (count[g] as number) < (maxS[g] as number)) {
        for (let t = 0; t < nf; t++) {
          const i = order[t] as number
          const a = assignment[i] as number
          if (a === g || (count[a] as number) <= (minS[a] as number)) continue
          if ((gain[i * G + g] as number) - (gain[i * G + a] as number) > EPS) {
            cur.move(i, g)
            mark(a)
            mark(g)
            if ((count[g] as number) >= (maxS[g] as number)) break
          }
        }
      }
      for (let t = 0; t < nf; t++) {
        const i = order[t] as number
        const a = assignment[i] as number
        if (a !== g) continue
        const rowI = i * G
        const ga = gain[rowI + a] as number
        if (hasMoves && (count[a] as number) > (minS[a] as number)) {
          let bestB = -1
          let bestD = EPS
          for (let b = 0; b < G; b++) {
            if (b === a || (count[b] as number) >= (maxS[b] as number)) continue
            const d = (gain[rowI + b] as number) - ga
            if (d > bestD) {
              bestD = d
              bestB = b
            }
          }
          if (bestB >= 0) {
            cur.move(i, bestB)
            mark(a)
            mark(bestB)
            continue
          }
        }
        let bestJ = -1
        let bestD = EPS
        const ci = i * n
        for (let u = 0; u < nf; u++) {
          const j = free[u] as number
          const b = assignment[j] as number
          if (b === a) continue
          const rowJ = j * G
          const d =
            (gain[rowI + b] as number) -
            ga +
            (gain[rowJ + a] as number) -
            (gain[rowJ + b] as number) -
            2 * (score[ci + j] as number)
          if (d > bestD) {
            bestD = d
            bestJ = j
          }
        }
        if (bestJ >= 0) {
          const b = assignment[bestJ] as number
          cur.move(i, b)
          cur.move(bestJ, a)
          mark(a)
          mark(b)
        }
      }
    }
  }

  const perturb = (strength: number): void => {
    if (nf < 2) return
    for (let s = 0; s < strength; s++) {
      const i = free[rng.int(nf)] as number
      const a = assignment[i] as number
      if (hasMoves && rng.next() < 0.5) {
        const b = rng.int(G)
        if (b !== a && (count[a] as number) > (minS[a] as number) && (count[b] as number) < (maxS[b] as number)) {
          cur.move(i, b)
          mark(a)
          mark(b)
          continue
        }
      }
      const j = free[rng.int(nf)] as number
      const b = assignment[j] as number
      if (a === b) continue
      cur.move(i, b)
      cur.move(j, a)
      mark(a)
      mark(b)
    }
  }

  const clock = options.clock ?? (() => globalThis.performance.now())
  const hasTime = options.timeLimitMs !== undefined
  const deadline = hasTime ? clock() + (options.timeLimitMs as number) : Number.POSITIVE_INFINITY
  const maxIterations = options.iterations ?? (hasTime ? Number.POSITIVE_INFINITY : defaultIterations)

  descent()
  best.copyFrom(cur)
  prev.copyFrom(cur)
  const G2 = Math.max(2, G)
  // weak perturbations of about half a group (Lai & Hao perturb by a few moves), at least 6 once
  // there are 100 people: with many small groups a smaller kick falls back into the same optimum
  const weak = Math.min(8, Math.max(2, Math.round(n / G2 / 2), Math.min(6, Math.round(n / 16))))
  const strong = Math.max(weak + 1, Math.round(n / 8))
  const stallLimit = Math.max(20, Math.round(n / 2))
  let stall = 0
  let iterations = 0
  const onProgress = options.onProgress
  const searchStarted = onProgress === undefined ? 0 : clock()
  let reported = searchStarted
  while (iterations < maxIterations && (!hasTime || clock() < deadline)) {
    iterations++
    if (onProgress !== undefined && (iterations & 15) === 0) {
      const now = clock()
      if (now - reported >= 50) {
        reported = now
        const byTime = hasTime ? (now - searchStarted) / Math.max(1, deadline - searchStarted) : 0
        onProgress(Math.min(1, Math.max(iterations / maxIterations, byTime)))
      }
    }
    if (stall >= stallLimit) {
      cur.copyFrom(best)
      perturb(strong)
      descent()
      prev.copyFrom(cur)
      stall = 0
    } else {
      perturb(1 + rng.int(weak))
      descent()
    }
    if (cur.objective > best.objective + EPS) {
      best.copyFrom(cur)
      prev.copyFrom(cur)
      stall = 0
    } else {
      stall++
      if (cur.objective >= prev.objective - EPS) prev.copyFrom(cur)
      else cur.copyFrom(prev)
    }
  }
  const assignmentOut = Int32Array.from(best.assignment)
  onProgress?.(1)
  return { assignment: assignmentOut, objective: objectiveOf(score, n, assignmentOut), iterations }
}
