/**
 * `pnpm --silent bench:mdgp <instance-file> [--seconds S] [--seed N]`: solves one MDGPLIB instance
 * with the grouping engine (the distance matrix is the score) and prints one JSON object.
 */

import { Grouping } from "@grenzeloos/core"
import { Either } from "effect"
import { flag } from "./grouping/Args.js"
import { read } from "./grouping/Mdgplib.js"

const args = process.argv.slice(2)
const file = args.find((a, i) => !a.startsWith("--") && !(args[i - 1] ?? "").startsWith("--"))
if (file === undefined) {
  console.error("usage: pnpm --silent bench:mdgp <instance-file> [--seconds S] [--seed N]")
  process.exit(2)
}
const seconds = flag(args, "--seconds", 3)
const seed = flag(args, "--seed", 1)
const instance = read(file)
const start = performance.now()
const result = Grouping.Search.solve(instance.problem, { seed, timeLimitMs: seconds * 1000 })
const elapsed = (performance.now() - start) / 1000
if (Either.isLeft(result)) {
  console.error(`${instance.name}: ${result.left.message}`)
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
    iterations: result.right.iterations,
    groups
  })
)
