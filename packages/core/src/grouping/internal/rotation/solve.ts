/**
 * The body of `Rotation.solve`: checks the shape, answers from finite geometry where it applies,
 * then (without scores, equal groups) searches rotations that a cyclic shift maps onto themselves
 * ({@link cyclic}), and otherwise runs the greedy construction and the tabu search over a
 * {@link Schedule}.
 */
import { Either } from "effect"
import * as Rng from "../../../random/Rng.js"
import * as Geometry from "../../Geometry.js"
import type { Options, Problem, SizeConflict, Solution } from "../../Rotation.js"
import { Greedy } from "./Greedy.js"
import { repeatsOf, scoreOf } from "./Meetings.js"
import { cyclic } from "./Quotient.js"
import { Schedule } from "./Schedule.js"
import { RotationSearch } from "./Tabu.js"

/** The tabu steps used when neither `iterations` nor `timeLimitMs` is given. */
export const defaultIterations = 20_000

/**
 * The most people for the cyclic search: its tables have n² entries per template and base round
 * (at 256 people and eight templates of up to ten base rounds, about 25 MB).
 */
const cyclicLimit = 256

const conflict = (message: string): Either.Either<never, SizeConflict> => Either.left({ _tag: "SizeConflict", message })

export const solve = (problem: Problem, options: Options): Either.Either<Solution, SizeConflict> => {
  const total = problem.groupSizes.reduce((a, b) => a + b, 0)
  if (problem.groupSizes.some((s) => !Number.isInteger(s) || s < 1))
    return conflict("every group needs a whole, positive size")
  if (total !== problem.size)
    return conflict(`the group sizes add up to ${total}, but there are ${problem.size} people`)
  if (problem.score.length !== problem.size * problem.size)
    return conflict("the score matrix does not match the number of people")
  if (!Number.isInteger(problem.rounds) || problem.rounds < 0)
    return conflict("the number of rounds must be a whole number ≥ 0")
  return Either.right(search(problem, options))
}

const solution = (
  problem: Problem,
  rounds: ReadonlyArray<Int32Array>,
  iterations: number,
  repeatWeight: number
): Solution => {
  const counted = repeatsOf(problem.size, rounds)
  const score = scoreOf(problem.size, rounds, problem.score)
  return { rounds, ...counted, score, objective: score - repeatWeight * counted.extraMeetings, iterations }
}

const search = (problem: Problem, options: Options): Solution => {
  const n = problem.size
  const R = problem.rounds
  const G = problem.groupSizes.length
  const repeatWeight = problem.repeatWeight ?? 1
  const hasScore = problem.score.some((v) => v !== 0)
  if (n === 0 || R === 0 || G === 0)
    return solution(
      problem,
      Array.from({ length: R }, () => new Int32Array(n)),
      0,
      repeatWeight
    )
  // Without scores, equal groups of q or q² people among q^m (q prime) have an exact answer from
  // finite geometry whenever enough disjoint subspaces exist (decision 0015).
  const p = problem.groupSizes[0] as number
  if (options.geometry !== false && !hasScore && G > 1 && problem.groupSizes.every((s) => s === p)) {
    const built = Geometry.rotation(n, p, R, { seed: options.seed })
    if (built !== undefined) return solution(problem, built, 0, repeatWeight)
  }
  const clock = options.clock ?? (() => globalThis.performance.now())
  const start = clock()
  const deadline = options.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : start + options.timeLimitMs
  const iterations =
    options.iterations ?? (options.timeLimitMs === undefined ? defaultIterations : Number.POSITIVE_INFINITY)
  const rng = Rng.make(options.seed)
  // Without scores and with equal groups, the search over rotations that a cyclic shift maps onto
  // themselves comes first, with nine tenths of the steps and of the time (decision 0104); the
  // tabu search over the whole rotation gets the rest when it finds nothing.
  let cyclicSteps = 0
  let nearest: Array<Int32Array> | undefined
  if (!hasScore && G > 1 && n <= cyclicLimit && problem.groupSizes.every((s) => s === p)) {
    const shared = cyclic(G, p, R, rng, {
      steps: Math.floor((iterations * 9) / 10),
      deadline: options.timeLimitMs === undefined ? deadline : start + (options.timeLimitMs * 9) / 10,
      clock
    })
    if (shared.rounds !== undefined && shared.repeats === 0)
      return solution(problem, shared.rounds, shared.steps, repeatWeight)
    cyclicSteps = shared.steps
    if (shared.rounds !== undefined) nearest = shared.rounds
  }
  const schedule = new Schedule(n, R, problem.groupSizes, problem.score, hasScore)
  const greedy = new Greedy(schedule, rng, repeatWeight)
  const tabu = new RotationSearch(schedule, greedy, rng, repeatWeight, {
    iterations: iterations - cyclicSteps,
    deadline,
    clock
  })
  if (hasScore) tabu.policy()
  else tabu.golfers()
  const rounds = Array.from({ length: R }, (_, r) => tabu.best.slice(r * n, (r + 1) * n))
  const steps = cyclicSteps + tabu.iterations
  // the cyclic search's nearest rotation when it has fewer repeated pairs than the tabu search's
  if (nearest !== undefined && repeatsOf(n, nearest).extraMeetings < repeatsOf(n, rounds).extraMeetings)
    return solution(problem, nearest, steps, repeatWeight)
  return solution(problem, rounds, steps, repeatWeight)
}
