/**
 * `pnpm --silent bench:sgp <g> <p> <w> [--seconds S] [--seed N] [--no-geometry] [--cpu-clock]`: the
 * social golfer problem (g groups of p people, w weeks) planned by the grouping engine's rotation
 * planner with an empty policy; prints one JSON object. `--no-geometry` leaves the rotation to the
 * search even where finite geometry would answer; `--cpu-clock` measures the limit in CPU time of
 * this process (for a machine loaded by others).
 */

import { Grouping } from "@grenzeloos/core"
import { Either } from "effect"
import { cpuClock, flag, positional } from "./grouping/Args.js"

const args = process.argv.slice(2)
const [g, p, w] = positional(args).map(Number)
if (g === undefined || p === undefined || w === undefined || ![g, p, w].every((x) => Number.isInteger(x) && x > 0)) {
  console.error("usage: pnpm --silent bench:sgp <g> <p> <w> [--seconds S] [--seed N] [--no-geometry] [--cpu-clock]")
  process.exit(2)
}
const seconds = flag(args, "--seconds", 10)
const seed = flag(args, "--seed", 1)
const n = g * p
const start = performance.now()
const result = Grouping.Rotation.solve(
  { size: n, rounds: w, groupSizes: Array.from({ length: g }, () => p), score: new Float64Array(n * n) },
  {
    seed,
    timeLimitMs: seconds * 1000,
    geometry: !args.includes("--no-geometry"),
    ...(args.includes("--cpu-clock") ? { clock: cpuClock } : {})
  }
)
const elapsed = (performance.now() - start) / 1000
if (Either.isLeft(result)) {
  console.error(result.left.message)
  process.exit(1)
}
// Counted again from the weeks, independently of what the engine reports.
const counted = Grouping.Rotation.repeatsOf(g * p, result.right.rounds)
if (counted.repeats !== result.right.repeats) {
  console.error(`the engine reports ${result.right.repeats} repeated pairs, the weeks have ${counted.repeats}`)
  process.exit(1)
}
const weeks = result.right.rounds.map((round) => {
  const groups: Array<Array<number>> = Array.from({ length: g }, () => [])
  round.forEach((group, i) => {
    groups[group]?.push(i)
  })
  return groups
})
console.log(
  JSON.stringify({
    g,
    p,
    w,
    repeats: counted.repeats,
    seconds: Math.round(elapsed * 1000) / 1000,
    iterations: result.right.iterations,
    weeks
  })
)
