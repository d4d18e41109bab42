/**
 * `pnpm --silent bench:mdgp <instance-file> [--seconds S] [--seed N] [--cpu-clock]`: solves one MDGPLIB
 * instance with the grouping engine (the distance matrix is the score) and prints one JSON object.
 *
 * `pnpm --silent bench:mdgp [--all] [--instances a,b] [--seeds 1,2,3] [--scale 1] [--cpu-clock] [--json]`:
 * without a file, every shared instance (or those whose name contains one of `--instances`) × the
 * seeds, each with its size's standard time (3 s for n = 120, 20 s for n = 240, 60 s for n = 480,
 * times `--scale`); progress on stderr, then a table of gaps to the TPSDP best-known values and a
 * summary per size against the targets of issue 19 (or one JSON object with `--json`).
 *
 * `--cpu-clock` measures the limit in CPU time of this process instead of wall time: on a machine
 * loaded by others it shows what the search does with the time it actually gets.
 */

import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Grouping } from "@grenzeloos/core"
import { Either } from "effect"
import { cpuClock, flag, positional } from "./grouping/Args.js"
import { bestKnown, type Instance, instanceDir, read, sizeViolation } from "./grouping/Mdgplib.js"
import { table } from "./Table.js"

const args = process.argv.slice(2)
const useCpu = args.includes("--cpu-clock")
const text = (name: string): string | undefined => {
  const at = args.indexOf(name)
  return at < 0 ? undefined : args[at + 1]
}

/** The standard time of a size, in seconds (the times of the TPSDP comparison in issue 19). */
const secondsFor = (n: number): number => (n <= 120 ? 3 : n <= 240 ? 20 : 60)
/** The target mean gap of a size, in per cent; no single run may exceed twice it. */
const targetFor = (n: number): number => (n <= 120 ? 0.15 : n <= 240 ? 0.2 : 0.3)

interface Run {
  readonly instance: string
  readonly n: number
  readonly seed: number
  readonly objective: number
  readonly seconds: number
  readonly cpuSeconds: number
  readonly iterations: number
  readonly assignment: Int32Array
}

const solveOne = (instance: Instance, seed: number, seconds: number): Run => {
  const start = performance.now()
  const cpuStart = cpuClock()
  const result = Grouping.Search.solve(instance.problem, {
    seed,
    timeLimitMs: seconds * 1000,
    ...(useCpu ? { clock: cpuClock } : {})
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
  return {
    instance: instance.name,
    n: instance.problem.size,
    seed,
    objective: result.right.objective,
    seconds: elapsed,
    cpuSeconds: (cpuClock() - cpuStart) / 1000,
    iterations: result.right.iterations,
    assignment: result.right.assignment
  }
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits
const loadAverage = (): string => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")

const file = positional(args)[0]
if (file !== undefined && !args.includes("--all")) {
  const instance = read(file)
  const run = solveOne(instance, flag(args, "--seed", 1), flag(args, "--seconds", 3))
  const groups: Array<Array<number>> = instance.problem.minSizes.map(() => [])
  run.assignment.forEach((g, i) => {
    groups[g]?.push(i)
  })
  console.log(
    JSON.stringify({
      instance: instance.name,
      objective: round(run.objective, 6),
      seconds: round(run.seconds, 3),
      ...(useCpu ? { cpuSeconds: round(run.cpuSeconds, 3) } : {}),
      iterations: run.iterations,
      groups
    })
  )
} else {
  const seedsText = text("--seeds") ?? "1,2,3"
  const seeds = seedsText.split(",").map(Number)
  if (seeds.some((s) => !Number.isInteger(s))) {
    console.error(`--seeds expects whole numbers separated by commas (1,2,3), got ${seedsText}`)
    process.exit(2)
  }
  const scale = flag(args, "--scale", 1)
  if (!(scale > 0)) {
    console.error(`--scale expects a positive number (0.1 is a tenth of the standard time), got ${scale}`)
    process.exit(2)
  }
  const filters = (text("--instances") ?? "").split(",").filter((f) => f.length > 0)
  const files = readdirSync(instanceDir)
    .filter((f) => f.endsWith(".txt"))
    .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
    .sort()
  if (files.length === 0) {
    console.error(
      `--instances ${filters.join(",")} matches none of the instances in ${instanceDir}; use parts of names such as n120 or Geo_n240_ss`
    )
    process.exit(2)
  }
  const best = bestKnown()
  const runs: Array<Run & { gap: number }> = []
  const total = files.length * seeds.length
  for (const name of files) {
    const instance = read(join(instanceDir, name))
    const known = best.get(instance.name)
    for (const seed of seeds) {
      const seconds = secondsFor(instance.problem.size) * scale
      const run = solveOne(instance, seed, seconds)
      const gap = known === undefined ? Number.NaN : (100 * (known - run.objective)) / known
      runs.push({ ...run, gap })
      console.error(
        `[${runs.length}/${total}] ${instance.name} seed ${seed}: gap ${gap.toFixed(3)} % in ${run.seconds.toFixed(1)} s (cpu ${run.cpuSeconds.toFixed(1)} s), load ${loadAverage()}`
      )
    }
  }
  const sizes = [...new Set(runs.map((r) => r.n))].sort((a, b) => a - b)
  const summary = sizes.map((n) => {
    const gaps = runs.filter((r) => r.n === n).map((r) => r.gap)
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length
    const worst = Math.max(...gaps)
    const target = targetFor(n)
    return {
      n,
      runs: gaps.length,
      seconds: secondsFor(n) * scale,
      meanGap: mean,
      worstGap: worst,
      target,
      met: mean <= target && worst <= 2 * target
    }
  })
  if (args.includes("--json")) {
    console.log(
      JSON.stringify({
        clock: useCpu ? "cpu" : "wall",
        scale,
        load: loadAverage(),
        runs: runs.map((r) => ({
          instance: r.instance,
          seed: r.seed,
          objective: round(r.objective, 6),
          gap: round(r.gap, 4),
          seconds: round(r.seconds, 3),
          cpuSeconds: round(r.cpuSeconds, 3),
          iterations: r.iterations
        })),
        summary: summary.map((s) => ({ ...s, meanGap: round(s.meanGap, 4), worstGap: round(s.worstGap, 4) }))
      })
    )
  } else {
    console.log(
      table(
        ["instance", "seed", "objective", "gap %", "seconds", "cpu s", "iterations"],
        runs.map((r) => [r.instance, r.seed, r.objective, r.gap, r.seconds, r.cpuSeconds, r.iterations])
      )
    )
    console.log(
      `\n${table(
        ["n", "runs", "time s", "mean gap %", "worst gap %", "target mean %", "target worst %", "met"],
        summary.map((s) => [
          s.n,
          s.runs,
          s.seconds,
          s.meanGap,
          s.worstGap,
          s.target,
          2 * s.target,
          s.met ? "yes" : "NO"
        ])
      )}`
    )
    console.log(`\nlimits on the ${useCpu ? "CPU clock of this process" : "wall clock"}; load average ${loadAverage()}`)
  }
}
