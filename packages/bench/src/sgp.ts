/**
 * `pnpm --silent bench:sgp [<g> <p> <w>] [--seconds S] [--seed N | --seeds A-B] [--no-geometry] [--cpu-clock]`:
 * the social golfer problem (g groups of p people, w weeks) planned by the grouping engine's rotation
 * planner with an empty policy. With g, p and w it prints one JSON object (the weeks included);
 * without them it runs the published numbers of weeks that issue 19 sets as targets (8-4-10, 7-4-9,
 * 6-4-7, 6-3-8 and 7-3-10) and prints a table. Every run reports its wall-clock and CPU seconds and
 * the load average, so that a figure from a machine loaded by others still means something.
 * `--no-geometry` leaves the rotation to the search even where finite geometry would answer;
 * `--cpu-clock` measures the limit in CPU time of this process. `--seeds A-B` runs every seed from A
 * to B and prints one row per instance and seed (with g, p and w, only that instance), so that a
 * result that holds for one seed only shows.
 */

import { loadavg } from "node:os"
import { Grouping } from "@grenzeloos/core"
import { Either } from "effect"
import { cpuClock, flag, positional } from "./grouping/Args.js"
import { table } from "./Table.js"

const usage =
  "usage: pnpm --silent bench:sgp [<groups> <size> <weeks>] [--seconds S] [--seed N | --seeds A-B] [--no-geometry] [--cpu-clock]"
const args = process.argv.slice(2)
const seedsAt = args.indexOf("--seeds")
const seedRange = seedsAt < 0 ? undefined : /^(\d+)-(\d+)$/.exec(args[seedsAt + 1] ?? "")
if (seedsAt >= 0 && (seedRange === undefined || seedRange === null || Number(seedRange[1]) > Number(seedRange[2]))) {
  console.error(`--seeds expects a range of seeds such as 1-10, got ${args[seedsAt + 1] ?? "nothing"}\n${usage}`)
  process.exit(2)
}
const shape = positional(args).map(Number)
if (shape.length !== 0 && (shape.length !== 3 || !shape.every((x) => Number.isInteger(x) && x > 0))) {
  console.error(usage)
  process.exit(2)
}
const seconds = flag(args, "--seconds", 10)
const seeds =
  seedRange === undefined || seedRange === null
    ? [flag(args, "--seed", 1)]
    : Array.from({ length: Number(seedRange[2]) - Number(seedRange[1]) + 1 }, (_, i) => Number(seedRange[1]) + i)
const geometry = !args.includes("--no-geometry")
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")

/** The published numbers of weeks that issue 19 sets as targets. */
const targets: ReadonlyArray<readonly [number, number, number]> = [
  [8, 4, 10],
  [7, 4, 9],
  [6, 4, 7],
  [6, 3, 8],
  [7, 3, 10]
]

const run = (g: number, p: number, w: number, seed: number) => {
  const n = g * p
  const start = performance.now()
  const cpuStart = cpuClock()
  const result = Grouping.Rotation.solve(
    { size: n, rounds: w, groupSizes: Array.from({ length: g }, () => p), score: new Float64Array(n * n) },
    { seed, timeLimitMs: seconds * 1000, geometry, ...(args.includes("--cpu-clock") ? { clock: cpuClock } : {}) }
  )
  const cpuSeconds = (cpuClock() - cpuStart) / 1000
  const elapsed = (performance.now() - start) / 1000
  if (Either.isLeft(result)) {
    console.error(result.left.message)
    process.exit(1)
  }
  // Counted again from the weeks, independently of what the engine reports.
  const counted = Grouping.Rotation.repeatsOf(n, result.right.rounds)
  if (counted.repeats !== result.right.repeats) {
    console.error(`the engine reports ${result.right.repeats} repeated pairs, the weeks have ${counted.repeats}`)
    process.exit(1)
  }
  return {
    repeats: counted.repeats,
    seconds: Math.round(elapsed * 1000) / 1000,
    cpuSeconds: Math.round(cpuSeconds * 1000) / 1000,
    iterations: result.right.iterations,
    rounds: result.right.rounds
  }
}

const [g, p, w] = shape
const clockNote = `${seconds} s each${args.includes("--cpu-clock") ? " of CPU time" : ""}, ${geometry ? "finite geometry where it applies" : "the search alone (--no-geometry)"}; target: 0 repeats within 10 s`
if (seedRange !== undefined) {
  // one row per instance and seed
  const instances: ReadonlyArray<readonly [number, number, number]> =
    g !== undefined && p !== undefined && w !== undefined ? [[g, p, w]] : targets
  const rows: Array<Array<string | number>> = []
  for (const [g, p, w] of instances)
    for (const seed of seeds) {
      const r = run(g, p, w, seed)
      rows.push([`${g}-${p}-${w}`, seed, r.repeats, r.seconds, r.cpuSeconds, r.iterations, load()])
      console.log(`  ${rows.at(-1)?.join("  ")}`)
    }
  console.log(
    `\n${table(["instance", "seed", "repeats", "seconds", "CPU seconds", "search steps", "load average (1, 5, 15 min)"], rows)}\n`
  )
  const missed = rows.filter((row) => row[2] !== 0).length
  console.log(`seeds ${seeds[0]}-${seeds.at(-1)}, ${clockNote}; ${rows.length - missed} of ${rows.length} runs at 0`)
} else if (g !== undefined && p !== undefined && w !== undefined) {
  const seed = seeds[0] as number
  const r = run(g, p, w, seed)
  const weeks = r.rounds.map((round) => {
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
      repeats: r.repeats,
      seconds: r.seconds,
      cpuSeconds: r.cpuSeconds,
      iterations: r.iterations,
      load: load(),
      weeks
    })
  )
} else {
  const seed = seeds[0] as number
  const rows: Array<Array<string | number>> = []
  for (const [g, p, w] of targets) {
    const r = run(g, p, w, seed)
    rows.push([`${g}-${p}-${w}`, r.repeats, r.seconds, r.cpuSeconds, r.iterations, load()])
    console.log(`  ${rows.at(-1)?.join("  ")}`)
  }
  console.log(
    `\n${table(["instance", "repeats", "seconds", "CPU seconds", "search steps", "load average (1, 5, 15 min)"], rows)}\n`
  )
  console.log(`seed ${seed}, ${clockNote}`)
}
