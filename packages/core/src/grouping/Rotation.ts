/**
 * The rotation engine: plan several rounds of groups at once so that as few pairs as possible meet
 * more than once, while each round also scores well on a pairwise score matrix (the policy). With
 * a zero score matrix this is the social golfer problem (CSPLib prob010).
 *
 * The algorithm is the tabu search of Dotú & Van Hentenryck (2005), "Scheduling social golfers
 * locally" (CPAIOR, LNCS 3524): swaps of two people between groups of the same round, restricted to
 * people who are in a conflict (a pair meeting again), the best non-tabu swap each step, with
 * aspiration and restarts from the best schedule with a random perturbation; started from the
 * greedy construction of Triska & Musliu (2012), "An effective greedy heuristic for the Social
 * Golfer Problem" (Annals of Operations Research 194), which fills each group with the person who
 * has met its current members least often.
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import * as Rng from "../random/Rng.js"
import type { Budget } from "./Search.js"

/**
 * A rotation problem: `rounds` rounds of groups with the given sizes (the same in every round),
 * `score` the pairwise scores of a round (row-major `n × n`, symmetric, zero diagonal; all zeros
 * for the social golfer problem), and `repeatWeight` the penalty for each extra meeting of a pair.
 *
 * @since 0.1.0
 */
export interface Problem {
  readonly size: number
  readonly rounds: number
  /** The size of each group in every round; they add up to `size`. */
  readonly groupSizes: ReadonlyArray<number>
  readonly score: Float64Array
  /** The penalty for a pair meeting once more than once (default 1). */
  readonly repeatWeight?: number
}

/**
 * Options of {@link solve}: the seed and the budget (iterations are tabu steps).
 *
 * @since 0.1.0
 */
export interface Options extends Budget {
  readonly seed: number
}

/**
 * A planned rotation: `rounds[r][i]` is the group of person `i` in round `r`; `repeats` counts the
 * pairs that meet more than once; `extraMeetings` the meetings beyond the first of every pair;
 * `score` the summed within-group scores over all rounds; `objective` is
 * `score − repeatWeight × extraMeetings`.
 *
 * @since 0.1.0
 */
export interface Solution {
  readonly rounds: ReadonlyArray<Int32Array>
  readonly repeats: number
  readonly extraMeetings: number
  readonly score: number
  readonly objective: number
  readonly iterations: number
}

/**
 * The problem has no rotation: the group sizes do not add up to the number of people.
 *
 * @since 0.1.0
 */
export interface SizeConflict {
  readonly _tag: "SizeConflict"
  readonly message: string
}

/**
 * The tabu steps used when neither `iterations` nor `timeLimitMs` is given.
 *
 * @since 0.1.0
 */
export const defaultIterations = 20_000

/**
 * Counts, for a rotation, the pairs that meet more than once and the meetings beyond the first.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Rotation.repeatsOf(4, [Int32Array.from([0, 0, 1, 1]), Int32Array.from([0, 0, 1, 1])])
 * // { repeats: 2, extraMeetings: 2 }
 * ```
 * @since 0.1.0
 */
export const repeatsOf = (
  size: number,
  rounds: ReadonlyArray<ArrayLike<number>>
): { readonly repeats: number; readonly extraMeetings: number } => {
  let repeats = 0
  let extraMeetings = 0
  for (let i = 0; i < size; i++)
    for (let j = i + 1; j < size; j++) {
      let met = 0
      for (const round of rounds) if (round[i] === round[j]) met++
      if (met > 1) {
        repeats++
        extraMeetings += met - 1
      }
    }
  return { repeats, extraMeetings }
}

/**
 * Plans a rotation: the best schedule found within the budget (it stops early when no pair meets
 * twice and the score matrix is zero, which cannot be improved). The same problem, seed and
 * iteration budget give the same schedule.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * // the Kirkman schoolgirls: 15 people, 5 groups of 3, 7 rounds, nobody meets twice
 * const result = Grouping.Rotation.solve(
 *   { size: 15, rounds: 7, groupSizes: [3, 3, 3, 3, 3], score: new Float64Array(225) },
 *   { seed: 1, iterations: 200_000 }
 * )
 * if (Either.isRight(result)) console.log(result.right.repeats)
 * ```
 * @since 0.1.0
 */
export const solve = (problem: Problem, options: Options): Either.Either<Solution, SizeConflict> => {
  const total = problem.groupSizes.reduce((a, b) => a + b, 0)
  if (problem.groupSizes.some((s) => !Number.isInteger(s) || s < 1))
    return Either.left({ _tag: "SizeConflict", message: "every group needs a whole, positive size" })
  if (total !== problem.size)
    return Either.left({
      _tag: "SizeConflict",
      message: `the group sizes add up to ${total}, but there are ${problem.size} people`
    })
  if (problem.score.length !== problem.size * problem.size)
    return Either.left({ _tag: "SizeConflict", message: "the score matrix does not match the number of people" })
  if (!Number.isInteger(problem.rounds) || problem.rounds < 0)
    return Either.left({ _tag: "SizeConflict", message: `the number of rounds must be a whole number ≥ 0` })
  return Either.right(search(problem, options))
}

const search = (problem: Problem, options: Options): Solution => {
  const n = problem.size
  const R = problem.rounds
  const G = problem.groupSizes.length
  const sizes = Int32Array.from(problem.groupSizes)
  const score = problem.score
  const lambda = problem.repeatWeight ?? 1
  const rng = Rng.make(options.seed)
  let hasScore = false
  for (let k = 0; k < score.length; k++)
    if (score[k] !== 0) {
      hasScore = true
      break
    }
  if (n === 0 || R === 0 || G === 0)
    return {
      rounds: Array.from({ length: R }, () => new Int32Array(n)),
      repeats: 0,
      extraMeetings: 0,
      score: 0,
      objective: 0,
      iterations: 0
    }

  // offsets of each group's slots in a round's member list
  const offset = new Int32Array(G + 1)
  for (let g = 0; g < G; g++) offset[g + 1] = (offset[g] as number) + (sizes[g] as number)
  const groupOf = Array.from({ length: R }, () => new Int32Array(n))
  const slots = Array.from({ length: R }, () => new Int32Array(n)) // slots[r][offset[g] + s] = member
  const slotOf = Array.from({ length: R }, () => new Int32Array(n))
  const met = new Int32Array(n * n)

  // Greedy construction (Triska & Musliu 2012): round by round, group by group, add the pair of
  // people (or the one person, for the last place) who add the fewest repeated meetings (and lose
  // the least score), and among those the pair with the most "freedom": the number of people that
  // neither they nor the group's members have met yet, so later places stay easy to fill.
  const words = (n + 31) >>> 5
  const unmet = new Uint32Array(n * words) // bit k of row x: x has not met k
  const common = new Uint32Array(words)
  const popcount = (v: number): number => {
    v -= (v >>> 1) & 0x55555555
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
  }
  const freedom = (x: number, y: number): number => {
    let f = 0
    const rx = x * words
    const ry = y * words
    for (let w = 0; w < words; w++)
      f += popcount((common[w] as number) & (unmet[rx + w] as number) & (unmet[ry + w] as number))
    return f
  }
  const meet = (x: number, k: number): void => {
    met[x * n + k] = (met[x * n + k] as number) + 1
    met[k * n + x] = (met[k * n + x] as number) + 1
    unmet[x * words + (k >>> 5)] = (unmet[x * words + (k >>> 5)] as number) & ~(1 << (k & 31))
    unmet[k * words + (x >>> 5)] = (unmet[k * words + (x >>> 5)] as number) & ~(1 << (x & 31))
  }
  const construct = (): void => {
    met.fill(0)
    for (let x = 0; x < n; x++)
      for (let k = 0; k < n; k++)
        if (k !== x) unmet[x * words + (k >>> 5)] = (unmet[x * words + (k >>> 5)] as number) | (1 << (k & 31))
    const cost = new Float64Array(n) // cost of adding x to the group being built
    for (let r = 0; r < R; r++) {
      const unplaced = Rng.shuffle(
        rng,
        Array.from({ length: n }, (_, i) => i)
      )
      const go = groupOf[r] as Int32Array
      const sl = slots[r] as Int32Array
      const so = slotOf[r] as Int32Array
      for (let g = 0; g < G; g++) {
        const first = offset[g] as number
        const end = offset[g + 1] as number
        common.fill(0xffffffff)
        cost.fill(0)
        const place = (u: number, at: number): void => {
          const x = unplaced[u] as number
          unplaced[u] = unplaced[unplaced.length - 1] as number
          unplaced.pop()
          for (let q = first; q < at; q++) meet(x, sl[q] as number)
          sl[at] = x
          so[x] = at
          go[x] = g
          for (let w = 0; w < words; w++) common[w] = (common[w] as number) & (unmet[x * words + w] as number)
          for (const y of unplaced)
            cost[y] = (cost[y] as number) + (met[y * n + x] as number) * lambda - (score[y * n + x] as number)
        }
        let at = first
        while (end - at >= 2) {
          let bu = 0
          let bv = 1
          let bestCost = Number.POSITIVE_INFINITY
          let bestFree = -1
          let seen = 0
          for (let u = 0; u < unplaced.length; u++) {
            const x = unplaced[u] as number
            const cx = cost[x] as number
            if (cx > bestCost) continue
            for (let v = u + 1; v < unplaced.length; v++) {
              const y = unplaced[v] as number
              const c = cx + (cost[y] as number) + (met[x * n + y] as number) * lambda - (score[x * n + y] as number)
              if (c > bestCost) continue
              const f = freedom(x, y)
              if (c < bestCost || f > bestFree) {
                bestCost = c
                bestFree = f
                bu = u
                bv = v
                seen = 1
              } else if (f === bestFree && rng.int(++seen) === 0) {
                bu = u
                bv = v
              }
            }
          }
          const y = unplaced[bv] as number
          place(bu, at++)
          place(unplaced.indexOf(y), at++)
        }
        if (at < end) {
          let bu = 0
          let bestCost = Number.POSITIVE_INFINITY
          for (let u = 0; u < unplaced.length; u++) {
            const c = cost[unplaced[u] as number] as number
            if (c < bestCost) {
              bestCost = c
              bu = u
            }
          }
          place(bu, at++)
        }
      }
    }
  }
  construct()

  // soft gain tables per round (only when there is a score)
  const gains = hasScore ? Array.from({ length: R }, () => new Float64Array(n * G)) : []
  const rebuildGains = (): void => {
    if (!hasScore) return
    for (let r = 0; r < R; r++) {
      const gain = gains[r] as Float64Array
      const go = groupOf[r] as Int32Array
      gain.fill(0)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const at = i * G + (go[j] as number)
          gain[at] = (gain[at] as number) + (score[i * n + j] as number)
        }
    }
  }
  rebuildGains()

  const totals = (): { extra: number; soft: number } => {
    let extra = 0
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const m = met[i * n + j] as number
        if (m > 1) extra += m - 1
      }
    let soft = 0
    if (hasScore)
      for (let r = 0; r < R; r++) {
        const gain = gains[r] as Float64Array
        const go = groupOf[r] as Int32Array
        for (let i = 0; i < n; i++) soft += gain[i * G + (go[i] as number)] as number
      }
    return { extra, soft: soft / 2 }
  }

  const swap = (r: number, i: number, j: number): void => {
    const go = groupOf[r] as Int32Array
    const sl = slots[r] as Int32Array
    const so = slotOf[r] as Int32Array
    const a = go[i] as number
    const b = go[j] as number
    for (let q = offset[a] as number, end = offset[a + 1] as number; q < end; q++) {
      const k = sl[q] as number
      if (k === i) continue
      met[i * n + k] = (met[i * n + k] as number) - 1
      met[k * n + i] = (met[k * n + i] as number) - 1
      met[j * n + k] = (met[j * n + k] as number) + 1
      met[k * n + j] = (met[k * n + j] as number) + 1
    }
    for (let q = offset[b] as number, end = offset[b + 1] as number; q < end; q++) {
      const k = sl[q] as number
      if (k === j) continue
      met[j * n + k] = (met[j * n + k] as number) - 1
      met[k * n + j] = (met[k * n + j] as number) - 1
      met[i * n + k] = (met[i * n + k] as number) + 1
      met[k * n + i] = (met[k * n + i] as number) + 1
    }
    const si = so[i] as number
    const sj = so[j] as number
    sl[si] = j
    sl[sj] = i
    so[i] = sj
    so[j] = si
    go[i] = b
    go[j] = a
    if (hasScore) {
      const gain = gains[r] as Float64Array
      for (let k = 0; k < n; k++) {
        const ci = score[i * n + k] as number
        const cj = score[j * n + k] as number
        const at = k * G
        gain[at + a] = (gain[at + a] as number) - ci + cj
        gain[at + b] = (gain[at + b] as number) + ci - cj
      }
    }
  }

  // the change in extra meetings when i (in a) and j (in b) swap in round r
  const conflictDelta = (r: number, i: number, j: number): number => {
    const go = groupOf[r] as Int32Array
    const sl = slots[r] as Int32Array
    const a = go[i] as number
    const b = go[j] as number
    let d = 0
    const rowI = i * n
    const rowJ = j * n
    for (let q = offset[a] as number, end = offset[a + 1] as number; q < end; q++) {
      const k = sl[q] as number
      if (k === i) continue
      if ((met[rowI + k] as number) >= 2) d--
      if ((met[rowJ + k] as number) >= 1) d++
    }
    for (let q = offset[b] as number, end = offset[b + 1] as number; q < end; q++) {
      const k = sl[q] as number
      if (k === j) continue
      if ((met[rowJ + k] as number) >= 2) d--
      if ((met[rowI + k] as number) >= 1) d++
    }
    return d
  }

  const softDelta = (r: number, i: number, j: number): number => {
    if (!hasScore) return 0
    const gain = gains[r] as Float64Array
    const go = groupOf[r] as Int32Array
    const a = go[i] as number
    const b = go[j] as number
    return (
      (gain[i * G + b] as number) -
      (gain[i * G + a] as number) +
      (gain[j * G + a] as number) -
      (gain[j * G + b] as number) -
      2 * (score[i * n + j] as number)
    )
  }

  const inConflict = (r: number, i: number): boolean => {
    const go = groupOf[r] as Int32Array
    const sl = slots[r] as Int32Array
    const a = go[i] as number
    for (let q = offset[a] as number, end = offset[a + 1] as number; q < end; q++) {
      const k = sl[q] as number
      if (k !== i && (met[i * n + k] as number) >= 2) return true
    }
    return false
  }

  let { extra, soft } = totals()
  let bestExtra = extra
  let bestSoft = soft
  let bestValue = soft - lambda * extra
  const bestRounds = groupOf.map((round) => Int32Array.from(round))
  const tabu = new Int32Array(R * n * G) // tabu[(r * n + i) * G + g]: step until which i may not enter g in r

  const clock = options.clock ?? (() => globalThis.performance.now())
  const hasTime = options.timeLimitMs !== undefined
  const deadline = hasTime ? clock() + (options.timeLimitMs as number) : Number.POSITIVE_INFINITY
  const maxIterations = options.iterations ?? (hasTime ? Number.POSITIVE_INFINITY : defaultIterations)
  const stableLimit = Math.max(200, 4 * n)
  const tenureBase = Math.max(3, Math.round(n / 8))
  let stable = 0
  let iterations = 0
  const candI: Array<number> = []
  const candR: Array<number> = []
  const ties: Array<number> = []

  const restoreBest = (): void => {
    for (let r = 0; r < R; r++) {
      const target = bestRounds[r] as Int32Array
      const go = groupOf[r] as Int32Array
      // bring round r to the best assignment by swaps (keeps `met` and the tables consistent)
      for (let i = 0; i < n; i++) {
        if (go[i] === target[i]) continue
        const want = target[i] as number
        const sl = slots[r] as Int32Array
        for (let q = offset[want] as number, end = offset[want + 1] as number; q < end; q++) {
          const k = sl[q] as number
          if (target[k] !== want) {
            swap(r, i, k)
            break
          }
        }
      }
    }
  }

  while (iterations < maxIterations) {
    if (!hasScore && extra === 0) break
    if (hasTime && (iterations & 31) === 0 && clock() >= deadline) break
    iterations++
    candI.length = 0
    candR.length = 0
    const focus = extra > 0 && (!hasScore || (iterations & 1) === 0)
    if (focus) {
      for (let r = 0; r < R; r++)
        for (let i = 0; i < n; i++)
          if (inConflict(r, i)) {
            candR.push(r)
            candI.push(i)
          }
    } else {
      const r = rng.int(R)
      for (let i = 0; i < n; i++) {
        candR.push(r)
        candI.push(i)
      }
    }
    let bestDelta = Number.NEGATIVE_INFINITY
    ties.length = 0
    for (let c = 0; c < candI.length; c++) {
      const r = candR[c] as number
      const i = candI[c] as number
      const go = groupOf[r] as Int32Array
      const a = go[i] as number
      for (let j = 0; j < n; j++) {
        const b = go[j] as number
        if (b === a) continue
        if (!focus && j < i) continue
        const dc = conflictDelta(r, i, j)
        const ds = softDelta(r, i, j)
        const delta = ds - lambda * dc
        const isTabu =
          (tabu[(r * n + i) * G + b] as number) > iterations || (tabu[(r * n + j) * G + a] as number) > iterations
        if (isTabu && !(soft + ds - lambda * (extra + dc) > bestValue + 1e-9)) continue
        if (delta > bestDelta + 1e-9) {
          bestDelta = delta
          ties.length = 0
          ties.push(r, i, j)
        } else if (delta >= bestDelta - 1e-9) ties.push(r, i, j)
      }
    }
    if (ties.length === 0) {
      stable++
    } else {
      const pick = rng.int(ties.length / 3) * 3
      const r = ties[pick] as number
      const i = ties[pick + 1] as number
      const j = ties[pick + 2] as number
      const go = groupOf[r] as Int32Array
      const a = go[i] as number
      const b = go[j] as number
      extra += conflictDelta(r, i, j)
      soft += softDelta(r, i, j)
      swap(r, i, j)
      tabu[(r * n + i) * G + a] = iterations + tenureBase + rng.int(tenureBase + 1)
      tabu[(r * n + j) * G + b] = iterations + tenureBase + rng.int(tenureBase + 1)
      const value = soft - lambda * extra
      if (value > bestValue + 1e-9) {
        bestValue = value
        bestExtra = extra
        bestSoft = soft
        for (let q = 0; q < R; q++) (bestRounds[q] as Int32Array).set(groupOf[q] as Int32Array)
        stable = 0
      } else stable++
    }
    if (stable >= stableLimit) {
      // restart from the best schedule with a random perturbation
      restoreBest()
      if (hasScore) rebuildGains()
      const kicks = 1 + rng.int(Math.max(2, Math.round(n / 10)))
      for (let s = 0; s < kicks; s++) {
        const r = rng.int(R)
        const i = rng.int(n)
        const j = rng.int(n)
        if ((groupOf[r] as Int32Array)[i] !== (groupOf[r] as Int32Array)[j]) swap(r, i, j)
      }
      const t = totals()
      extra = t.extra
      soft = t.soft
      tabu.fill(0)
      stable = 0
    }
  }
  const finalRounds = bestRounds.map((round) => Int32Array.from(round))
  const counted = repeatsOf(n, finalRounds)
  let finalScore = 0
  for (const round of finalRounds)
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) if (round[i] === round[j]) finalScore += score[i * n + j] as number
  void bestExtra
  void bestSoft
  return {
    rounds: finalRounds,
    repeats: counted.repeats,
    extraMeetings: counted.extraMeetings,
    score: finalScore,
    objective: finalScore - lambda * counted.extraMeetings,
    iterations
  }
}
