/**
 * `pnpm --silent bench:mdgp <instance-file> [--seconds S] [--seed N] [--cpu-clock]`: solves one MDGPLIB
 * instance with the grouping engine (the distance matrix is the score) and prints one JSON object.
 * `--cpu-clock` measures the limit in CPU time of this process instead of wall time: on a machine
 * loaded by others it shows what the search does with the time it actually gets.
 */

import { Grouping } from "@grenzeloos/core"
import { Either } from "effect"
import { cpuClock, flag, positional } from "./grouping/Args.js"
import { read, sizeViolation } from "./grouping/Mdgplib.js"

const args = process.argv.slice(2)
const file = positional(args)[0]
if (file === undefined) {
  console.error("usage: pnpm --silent bench:mdgp <instance-file> [--seconds S] [--seed N] [--cpu-clock]")
  process.exit(2)
}
const seconds = flag(args, "--seconds", 3)
const seed = flag(args, "--seed", 1)
const instance = read(file)
const start = performance.now()
const cpuStart = cpuClock()
const clock = args.includes("--cpu-clock") ? cpuClock : undefined
const result = Grouping.Search.solve(instance.problem, {
  seed,
  timeLimitMs: seconds * 1000,
  ...(clock === undefined ? {} : { clock })
})
const elapsed = (performance.now() - start) / 1000
if (Either.isLeft(result)) {
  console.error(`${instance.name}: ${result.left.message}`)
  process.exit(1)
}
const violation = sizeViolation(instance, result.right.assignment)
if (violation !== undefined) {
  console.error(violation)
  process.exit(1)
}
const { assignment, objective } = result.right
const groups: Array<Array<number>> = instance.problem.minSizes.map(() => [])
assignment.forEach((g, i) => {
  groups[g]?.push(i)
})
console.log(
  JSON.stringify({
    instance: instance.name,
    objective: Math.round(objective * 1e6) / 1e6,
    seconds: Math.round(elapsed * 1000) / 1000,
    ...(clock === undefined ? {} : { cpuSeconds: Math.round(clock() - cpuStart) / 1000 }),
    iterations: result.right.iterations,
    groups
  })
)
