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
 * has met its current members least often. Without policy scores, shapes that finite geometry
 * solves exactly (q^m people in groups of q or q², q prime) are answered by {@link Geometry}
 * first.
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import * as Rng from "../random/Rng.js"
import * as Geometry from "./Geometry.js"
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
  /**
   * Whether a rotation may come from finite geometry when the shape allows it (the default,
   * decision 0015); `false` leaves every rotation to the search (for measuring the search alone).
   */
  readonly geometry?: boolean
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
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * // Three rounds at once, searched five times longer than by default for fewer repeated pairs.
 * declare const request: Grouping.Input.Request
 * const plan = Grouping.Form.plan(request, 3, { seed: 1, iterations: Grouping.Rotation.defaultIterations * 5 })
 * ```
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
  // Without scores, equal groups of q or q² people among q^m (q prime) have an exact answer from
  // finite geometry whenever enough disjoint subspaces exist; the search handles everything else.
  const p = sizes[0] as number
  if (options.geometry !== false && !hasScore && G > 1 && sizes.every((s) => s === p)) {
    const built = Geometry.rotation(n, p, R, { seed: options.seed })
    if (built !== undefined) {
      const counted = repeatsOf(n, built)
      return { rounds: built, ...counted, score: 0, objective: -lambda * counted.extraMeetings, iterations: 0 }
    }
  }

  // offsets of each group's slots in a round's member list
  const offset = new Int32Array(G + 1)
  for (let g = 0; g < G; g++) offset[g + 1] = (offset[g] as number) + (sizes[g] as number)
  // flat per-round tables: group[r·n + i] is i's group in round r, slot[r·n + offset[g] + s] the
  // members of group g in round r, slotOf[r·n + i] where i sits in that list
  const group = new Int32Array(R * n)
  const slot = new Int32Array(R * n)
  const slotOf = new Int32Array(R * n)
  const met = new Int32Array(n * n) // meetings of each pair over the rounds planned so far

  // Greedy construction of one round (Triska & Musliu 2012), against the meetings so far: group by
  // group, add the pair of people (or the one person, for the last place) who add the fewest
  // repeated meetings (and lose the least score), and among those the pair with the most
  // "freedom": the number of people that neither they nor the group's members have met yet, so
  // later places stay easy to fill.
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
  const cost = new Float64Array(n) // cost of adding x to the group being built
  const constructRound = (r: number): void => {
    unmet.fill(0)
    for (let x = 0; x < n; x++)
      for (let k = 0; k < n; k++)
        if (k !== x && met[x * n + k] === 0)
          unmet[x * words + (k >>> 5)] = (unmet[x * words + (k >>> 5)] as number) | (1 << (k & 31))
    const unplaced = Rng.shuffle(
      rng,
      Array.from({ length: n }, (_, i) => i)
    )
    const base = r * n
    for (let g = 0; g < G; g++) {
      const first = offset[g] as number
      const end = offset[g + 1] as number
      common.fill(0xffffffff)
      cost.fill(0)
      const place = (u: number, at: number): void => {
        const x = unplaced[u] as number
        unplaced[u] = unplaced[unplaced.length - 1] as number
        unplaced.pop()
        for (let q = first; q < at; q++) meet(x, slot[base + q] as number)
        slot[base + at] = x
        slotOf[base + x] = at
        group[base + x] = g
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

  // Incremental evaluation, one entry per round, person and group: once[(r·n + x)·G + g] counts the
  // members k ≠ x of group g in round r whom x meets at least once over the planned rounds,
  // twice[…] those x meets at least twice. The change in extra meetings of a swap of i (in a) and
  // j (in b) is then O(1): i leaving a removes twice[i][a] repeats, i entering b adds
  // once[i][b] − [i and j met] (the same for j), and x is in a conflict in round r exactly when
  // twice[x][own group] > 0. A swap updates the tables in O(n + p·R).
  let active = 0 // the rounds planned so far: the search works on rounds 0 … active − 1
  const once = new Int32Array(R * n * G)
  const twice = new Int32Array(R * n * G)
  const gains = new Float64Array(hasScore ? R * n * G : 0) // gains[(r·n + x)·G + g]: Σ score[x][k], k in g
  let extra = 0
  let soft = 0
  const rebuild = (): void => {
    met.fill(0)
    for (let r = 0; r < active; r++) {
      const base = r * n
      for (let g = 0; g < G; g++)
        for (let q = offset[g] as number, end = offset[g + 1] as number; q < end; q++) {
          const x = slot[base + q] as number
          for (let s = q + 1; s < end; s++) {
            const k = slot[base + s] as number
            met[x * n + k] = (met[x * n + k] as number) + 1
            met[k * n + x] = (met[k * n + x] as number) + 1
          }
        }
    }
    once.fill(0)
    twice.fill(0)
    if (hasScore) gains.fill(0)
    extra = 0
    soft = 0
    for (let x = 0; x < n; x++)
      for (let k = x + 1; k < n; k++) {
        const m = met[x * n + k] as number
        if (m > 1) extra += m - 1
      }
    for (let r = 0; r < active; r++) {
      const base = r * n
      for (let x = 0; x < n; x++) {
        const row = (base + x) * G
        for (let k = 0; k < n; k++) {
          if (k === x) continue
          const m = met[x * n + k] as number
          const g = group[base + k] as number
          if (m >= 1) once[row + g] = (once[row + g] as number) + 1
          if (m >= 2) twice[row + g] = (twice[row + g] as number) + 1
          if (hasScore) gains[row + g] = (gains[row + g] as number) + (score[x * n + k] as number)
        }
        if (hasScore) soft += gains[row + (group[base + x] as number)] as number
      }
    }
    soft /= 2
  }

  // a pair's meeting count crosses 0↔1 or 1↔2: adjust the tables of both in every round
  const adjust = (table: Int32Array, x: number, y: number, d: number): void => {
    for (let r = 0, base = 0; r < active; r++, base += n) {
      const gx = (base + x) * G + (group[base + y] as number)
      const gy = (base + y) * G + (group[base + x] as number)
      table[gx] = (table[gx] as number) + d
      table[gy] = (table[gy] as number) + d
    }
  }
  const addMeeting = (x: number, y: number): void => {
    const m = met[x * n + y] as number
    met[x * n + y] = m + 1
    met[y * n + x] = m + 1
    if (m === 0) adjust(once, x, y, 1)
    else if (m === 1) adjust(twice, x, y, 1)
  }
  const removeMeeting = (x: number, y: number): void => {
    const m = met[x * n + y] as number
    met[x * n + y] = m - 1
    met[y * n + x] = m - 1
    if (m === 1) adjust(once, x, y, -1)
    else if (m === 2) adjust(twice, x, y, -1)
  }

  const swap = (r: number, i: number, j: number): void => {
    const base = r * n
    const a = group[base + i] as number
    const b = group[base + j] as number
    // the meetings change first (with the old groups), then i and j change groups
    for (let q = offset[a] as number, end = offset[a + 1] as number; q < end; q++) {
      const k = slot[base + q] as number
      if (k === i) continue
      removeMeeting(i, k)
      addMeeting(j, k)
    }
    for (let q = offset[b] as number, end = offset[b + 1] as number; q < end; q++) {
      const k = slot[base + q] as number
      if (k === j) continue
      removeMeeting(j, k)
      addMeeting(i, k)
    }
    for (let x = 0; x < n; x++) {
      const row = (base + x) * G
      const mi = met[x * n + i] as number
      const mj = met[x * n + j] as number
      const d1 = (mj >= 1 ? 1 : 0) - (mi >= 1 ? 1 : 0)
      const d2 = (mj >= 2 ? 1 : 0) - (mi >= 2 ? 1 : 0)
      if (d1 !== 0) {
        once[row + a] = (once[row + a] as number) + d1
        once[row + b] = (once[row + b] as number) - d1
      }
      if (d2 !== 0) {
        twice[row + a] = (twice[row + a] as number) + d2
        twice[row + b] = (twice[row + b] as number) - d2
      }
      if (hasScore) {
        const ds = (score[x * n + j] as number) - (score[x * n + i] as number)
        gains[row + a] = (gains[row + a] as number) + ds
        gains[row + b] = (gains[row + b] as number) - ds
      }
    }
    const si = slotOf[base + i] as number
    const sj = slotOf[base + j] as number
    slot[base + si] = j
    slot[base + sj] = i
    slotOf[base + i] = sj
    slotOf[base + j] = si
    group[base + i] = b
    group[base + j] = a
  }

  // the change in extra meetings when i and j (in different groups) swap in round r
  const conflictDelta = (r: number, i: number, j: number): number => {
    const base = r * n
    const a = group[base + i] as number
    const b = group[base + j] as number
    const ri = (base + i) * G
    const rj = (base + j) * G
    return (
      (once[ri + b] as number) +
      (once[rj + a] as number) -
      ((met[i * n + j] as number) >= 1 ? 2 : 0) -
      (twice[ri + a] as number) -
      (twice[rj + b] as number)
    )
  }

  const softDelta = (r: number, i: number, j: number): number => {
    if (!hasScore) return 0
    const base = r * n
    const a = group[base + i] as number
    const b = group[base + j] as number
    const ri = (base + i) * G
    const rj = (base + j) * G
    return (
      (gains[ri + b] as number) -
      (gains[ri + a] as number) +
      (gains[rj + a] as number) -
      (gains[rj + b] as number) -
      2 * (score[i * n + j] as number)
    )
  }

  const clock = options.clock ?? (() => globalThis.performance.now())
  const hasTime = options.timeLimitMs !== undefined
  const deadline = hasTime ? clock() + (options.timeLimitMs as number) : Number.POSITIVE_INFINITY
  const maxIterations = options.iterations ?? (hasTime ? Number.POSITIVE_INFINITY : defaultIterations)
  // Without a score (the social golfer problem) the search kicks the current schedule with one or
  // two random swaps after `stableLimit` steps without a new best (Triska & Musliu's random swaps);
  // with a score it restarts from the best schedule with a larger perturbation (Dotú & Van
  // Hentenryck), so that the policy's score found so far is not thrown away.
  const stableLimit = hasScore ? Math.max(200, 4 * n) : 10
  const kickLimit = hasScore ? Math.max(2, Math.round(n / 10)) : 2
  const tenureMin = 5
  const tenureSpan = 11
  // a round's search ends when it has no repeats, or after this many steps; then the next round
  // is added
  const phaseLimit = 20_000
  // tabu[(r·n + i)·n + j]: the step until which i and j may not swap back in round r
  const tabu = new Int32Array(R * n * n)
  const best = new Int32Array(R * n)
  let bestValue = Number.NEGATIVE_INFINITY
  let stable = 0
  let phaseStart = 0
  let iterations = 0
  const ties: Array<number> = []

  const load = (assignment: Int32Array): void => {
    group.set(assignment)
    for (let r = 0; r < R; r++) {
      const base = r * n
      const fill = offset.slice(0, G)
      for (let x = 0; x < n; x++) {
        const g = group[base + x] as number
        const at = fill[g] as number
        fill[g] = at + 1
        slot[base + at] = x
        slotOf[base + x] = at
      }
    }
  }

  // plan one more round greedily against the rounds so far; the search then works on all of them
  const addRound = (): void => {
    rebuild()
    constructRound(active)
    active++
    phaseStart = iterations
    rebuild()
    tabu.fill(0)
    stable = 0
    bestValue = soft - lambda * extra
    if (active === R) best.set(group)
  }
  addRound()
  // with a score, every round is planned before searching (a round's search would trade score
  // against repeats on its own); without one, round by round
  if (hasScore) while (active < R) addRound()

  while (iterations < maxIterations) {
    if (active < R) {
      if (extra === 0 || iterations - phaseStart >= phaseLimit) {
        addRound()
        continue
      }
    } else if (!hasScore && extra === 0) break
    if (hasTime && (iterations & 31) === 0 && clock() >= deadline) break
    iterations++
    // the neighbourhood: swaps in one round of a person who meets someone again there (Dotú & Van
    // Hentenryck); with a score, every other step all swaps in one random round
    const focus = extra > 0 && (!hasScore || (iterations & 1) === 0)
    let bestDelta = Number.NEGATIVE_INFINITY
    ties.length = 0
    if (focus && !hasScore) {
      // the social golfer case, inlined: the smallest change in extra meetings
      let bestD = Number.POSITIVE_INFINITY
      const bestExtra = -bestValue / lambda
      for (let r = 0; r < active; r++) {
        const base = r * n
        for (let i = 0; i < n; i++) {
          const a = group[base + i] as number
          const ri = (base + i) * G
          const leave = twice[ri + a] as number
          if (leave === 0) continue
          const metRow = i * n
          const tabuRow = (base + i) * n
          for (let j = 0; j < n; j++) {
            const b = group[base + j] as number
            if (b === a) continue
            const rj = (base + j) * G
            const d =
              (once[ri + b] as number) +
              (once[rj + a] as number) -
              ((met[metRow + j] as number) >= 1 ? 2 : 0) -
              leave -
              (twice[rj + b] as number)
            if (d > bestD) continue
            if ((tabu[tabuRow + j] as number) > iterations && !(extra + d < bestExtra)) continue
            if (d < bestD) {
              bestD = d
              ties.length = 0
            }
            ties.push(r, i, j)
          }
        }
      }
      bestDelta = -lambda * bestD
    } else {
      const consider = (r: number, i: number, j: number): void => {
        const dc = conflictDelta(r, i, j)
        const ds = softDelta(r, i, j)
        const delta = ds - lambda * dc
        if (delta < bestDelta - 1e-9) return
        if (
          (tabu[(r * n + i) * n + j] as number) > iterations &&
          !(soft + ds - lambda * (extra + dc) > bestValue + 1e-9)
        )
          return
        if (delta > bestDelta + 1e-9) {
          bestDelta = delta
          ties.length = 0
        }
        ties.push(r, i, j)
      }
      if (focus) {
        for (let r = 0; r < active; r++) {
          const base = r * n
          for (let i = 0; i < n; i++) {
            const a = group[base + i] as number
            if ((twice[(base + i) * G + a] as number) === 0) continue
            for (let j = 0; j < n; j++) if (group[base + j] !== a) consider(r, i, j)
          }
        }
      } else {
        const r = rng.int(active)
        const base = r * n
        for (let i = 0; i < n; i++) {
          const a = group[base + i] as number
          for (let j = i + 1; j < n; j++) if (group[base + j] !== a) consider(r, i, j)
        }
      }
    }
    if (ties.length === 0) stable++
    else {
      const pick = rng.int(ties.length / 3) * 3
      const r = ties[pick] as number
      const i = ties[pick + 1] as number
      const j = ties[pick + 2] as number
      extra += conflictDelta(r, i, j)
      soft += softDelta(r, i, j)
      swap(r, i, j)
      const until = iterations + tenureMin + rng.int(tenureSpan)
      tabu[(r * n + i) * n + j] = until
      tabu[(r * n + j) * n + i] = until
      const value = soft - lambda * extra
      if (value > bestValue + 1e-9) {
        bestValue = value
        if (active === R) best.set(group)
        stable = 0
      } else stable++
    }
    if (stable >= stableLimit) {
      if (hasScore && active === R) load(best)
      const kicks = 1 + rng.int(kickLimit)
      for (let s = 0; s < kicks; s++) {
        const base = rng.int(active) * n
        const i = rng.int(n)
        const j = rng.int(n)
        if (group[base + i] !== group[base + j]) {
          const si = slotOf[base + i] as number
          const sj = slotOf[base + j] as number
          slot[base + si] = j
          slot[base + sj] = i
          slotOf[base + i] = sj
          slotOf[base + j] = si
          const gi = group[base + i] as number
          group[base + i] = group[base + j] as number
          group[base + j] = gi
        }
      }
      rebuild()
      tabu.fill(0)
      stable = 0
    }
  }
  // out of budget before every round was planned: plan the rest greedily
  while (active < R) addRound()
  const finalRounds = Array.from({ length: R }, (_, r) => best.slice(r * n, (r + 1) * n))
  const counted = repeatsOf(n, finalRounds)
  let finalScore = 0
  for (const round of finalRounds)
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) if (round[i] === round[j]) finalScore += score[i * n + j] as number
  return {
    rounds: finalRounds,
    repeats: counted.repeats,
    extraMeetings: counted.extraMeetings,
    score: finalScore,
    objective: finalScore - lambda * counted.extraMeetings,
    iterations
  }
}
