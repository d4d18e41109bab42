/**
 * `pnpm bench grouping [--seeds 1,2,3] [--scale 1] [--only mdgp|sgp|community]`: the grouping
 * engine on the MDGPLIB instances in the shared data (gap to the TPSDP best-known values, 3 s for
 * n = 120, 20 s for n = 240, 60 s for n = 480, times `--scale`), on social golfer instances (zero
 * repeats within 10 s; the most weeks reached on the open ones) and on the 100-member synthetic
 * community (three generated communities, a call under 200 ms against a 30 s run). Run it under `flock /tmp/bench.lock`.
 */
import { readdirSync } from "node:fs"
import { join } from "node:path"
import { Grouping } from "@grenzeloos/core"
import { Either } from "effect"
import { communityRequest } from "../grouping/Community.js"
import { bestKnown, instanceDir, read } from "../grouping/Mdgplib.js"
import type { Suite } from "../Suite.js"
import { table } from "../Table.js"

const option = (args: ReadonlyArray<string>, name: string): string | undefined => {
  const at = args.indexOf(name)
  return at < 0 ? undefined : args[at + 1]
}

const secondsFor = (n: number): number => (n <= 120 ? 3 : n <= 240 ? 20 : 60)

const mdgp = (seeds: ReadonlyArray<number>, scale: number) => {
  const best = bestKnown()
  const files = readdirSync(instanceDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
  const rows: Array<Array<string | number>> = []
  const gaps = new Map<number, Array<number>>()
  for (const file of files) {
    const instance = read(join(instanceDir, file))
    const known = best.get(instance.name)
    for (const seed of seeds) {
      const seconds = secondsFor(instance.problem.size) * scale
      const start = performance.now()
      const result = Grouping.Search.solve(instance.problem, { seed, timeLimitMs: seconds * 1000 })
      const elapsed = (performance.now() - start) / 1000
      if (Either.isLeft(result)) throw new Error(result.left.message)
      const gap = known === undefined ? Number.NaN : (100 * (known - result.right.objective)) / known
      gaps.set(instance.problem.size, [...(gaps.get(instance.problem.size) ?? []), gap])
      rows.push([instance.name, seed, result.right.objective, known ?? "?", gap, elapsed])
    }
  }
  console.log(table(["instance", "seed", "objective", "best known", "gap %", "seconds"], rows))
  const summary = [...gaps].map(([n, g]) => [
    n,
    g.length,
    g.reduce((a, b) => a + b, 0) / g.length,
    n <= 120 ? 0.5 : n <= 240 ? 1.0 : 1.5
  ])
  console.log(`\n${table(["n", "runs", "mean gap %", "target %"], summary)}\n`)
}

const golfers = (g: number, p: number, w: number, seconds: number, seed: number) => {
  const n = g * p
  const start = performance.now()
  const result = Grouping.Rotation.solve(
    { size: n, rounds: w, groupSizes: Array.from({ length: g }, () => p), score: new Float64Array(n * n) },
    { seed, timeLimitMs: seconds * 1000 }
  )
  if (Either.isLeft(result)) throw new Error(result.left.message)
  return { repeats: result.right.repeats, seconds: (performance.now() - start) / 1000 }
}

const sgp = (seed: number) => {
  const rows: Array<Array<string | number>> = []
  for (const [g, p, w] of [
    [5, 3, 7],
    [4, 4, 5],
    [8, 4, 9],
    [10, 10, 3],
    [25, 4, 10],
    [20, 5, 8]
  ] as const) {
    const r = golfers(g, p, w, 10, seed)
    rows.push([`${g}-${p}-${w}`, r.repeats, r.seconds, "0 repeats"])
  }
  console.log(table(["instance", "repeats", "seconds", "target"], rows))
  const open: Array<Array<string | number>> = []
  for (const [g, p, from, known] of [
    [6, 3, 6, 8],
    [6, 4, 5, 7],
    [7, 4, 7, 9],
    [5, 5, 4, 6],
    [8, 4, 8, 10]
  ] as const) {
    let reached = 0
    for (let w = from; w <= known; w++) {
      if (golfers(g, p, w, 10, seed).repeats > 0) break
      reached = w
    }
    open.push([`${g}-${p}`, reached, known])
  }
  console.log(`\n${table(["golfers", "weeks without repeats (10 s each)", "best known"], open)}\n`)
}

const community = (seeds: ReadonlyArray<number>) => {
  const rows: Array<Array<string | number>> = []
  for (const communitySeed of [1, 2, 3]) {
    const request = communityRequest(communitySeed)
    const run = (seed: number, timeLimitMs: number) => {
      const start = performance.now()
      const result = Grouping.Form.form(request, { seed, timeLimitMs })
      const ms = performance.now() - start
      if (Either.isLeft(result)) throw new Error(result.left.message)
      return { objective: result.right.objective, ms }
    }
    // warm the JIT the way a long-running tool would be warm
    for (let k = 0; k < 3; k++) run(100 + k, 50)
    const quick = seeds.map((seed) => run(seed, 160))
    const long = run(seeds[0] ?? 1, 30_000)
    const mean = quick.reduce((s, q) => s + q.objective, 0) / quick.length
    rows.push([
      `community seed ${communitySeed}`,
      request.members.length,
      quick.map((q) => q.objective).join(" / "),
      Math.max(...quick.map((q) => q.ms)),
      long.objective,
      (100 * (long.objective - mean)) / Math.abs(long.objective)
    ])
  }
  console.log(
    table(
      ["instance", "members", "objective, 160 ms limit (per seed)", "max ms", "objective (30 s)", "gap % (mean)"],
      rows
    )
  )
  console.log("\ntarget: every call under 200 ms, gap at most 1 %\n")
}

const suite: Suite = {
  description: "grouping engine: MDGPLIB gaps to TPSDP, social golfers, the synthetic community",
  run: async (args) => {
    const seeds = (option(args, "--seeds") ?? "1,2,3").split(",").map(Number)
    const scale = Number(option(args, "--scale") ?? "1")
    const only = option(args, "--only")
    if (only === undefined || only === "mdgp") mdgp(seeds, scale)
    if (only === undefined || only === "sgp") sgp(seeds[0] ?? 1)
    if (only === undefined || only === "community") community(seeds)
  }
}

export default suite
