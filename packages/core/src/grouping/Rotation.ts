/**
 * The rotation engine: plan several rounds of groups at once so that as few pairs as possible meet
 * more than once, while each round also scores well on a pairwise score matrix (the policy). With
 * a zero score matrix this is the social golfer problem (CSPLib prob010).
 *
 * The algorithm is the tabu search of Dotú & Van Hentenryck (2005), "Scheduling social golfers
 * locally" (CPAIOR, LNCS 3524): swaps of two people between groups of the same round, restricted to
 * people who are in a conflict (a pair meeting again), the best non-tabu swap each step, with
 * aspiration; started from the greedy construction of Triska & Musliu (2012), "An effective greedy
 * heuristic for the Social Golfer Problem" (Annals of Operations Research 194), which fills each
 * group with the pair of people who add the fewest repeats and leave the most people unmet. With
 * policy scores it restarts from the best schedule with a random perturbation; without, it adds
 * rounds one at a time, kicks a stalled search with random swaps and starts new runs, keeping the
 * best (decisions 0014 and 0135). Without policy scores, shapes that finite geometry solves exactly
 * (q^m people in groups of q or q², q prime) are answered by {@link Geometry} first; with equal
 * groups, a tabu search over the base rounds of rotations that a cyclic shift of the people maps
 * onto themselves comes next, with nine tenths of the budget, and the rotation with the fewest
 * repeated pairs of both searches is returned (decisions 0104 and 0142). The body lives in
 * `internal/rotation/` (decision 0136).
 *
 * @since 0.1.0
 */
import type { Either } from "effect"
import * as Meetings from "./internal/rotation/Meetings.js"
import * as internal from "./internal/rotation/solve.js"
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
 * Options of {@link solve}: the seed and the budget (iterations are search steps: without scores
 * and with equal groups, up to nine tenths go to the cyclic search of decision 0104 and the rest
 * to tabu steps).
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
export const defaultIterations: number = internal.defaultIterations

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
export const repeatsOf: (
  size: number,
  rounds: ReadonlyArray<ArrayLike<number>>
) => { readonly repeats: number; readonly extraMeetings: number } = Meetings.repeatsOf

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
export const solve: (problem: Problem, options: Options) => Either.Either<Solution, SizeConflict> = internal.solve
