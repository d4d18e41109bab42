/**
 * `pnpm bench grouping [--seeds 1,2,3] [--scale 1] [--only mdgp|sgp|community|deadlines] [--peer] [--equal-sizes] [--cpu-clock]`:
 * the grouping engine on the MDGPLIB instances in the shared data (gap to the TPSDP best-known
 * values, 3 s for n = 120, 20 s for n = 240, 60 s for n = 480, times `--scale`; with `--peer` side
 * by side with anticlust's TPSDP when R and anticlust are installed; `--equal-sizes` keeps the
 * instances with equal group sizes, the only ones anticlust takes), on social golfer instances
 * (zero repeats within 10 s, with finite geometry and from the search alone), on the 100-member
 * synthetic community (three generated communities, a call under 200 ms against a 30 s run) and on
 * communities of 100 to 5,000 members with a 200 ms limit. Run it under `flock /tmp/bench.lock`.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Grouping } from "@grenzeloos/core"
import { Either } from "effect"
import { cpuClock } from "../grouping/Args.js"
import { communityRequest } from "../grouping/Community.js"
import { bestKnown, instanceDir, read, sizeViolation } from "../grouping/Mdgplib.js"
import * as Peer from "../grouping/Peer.js"
import type { Suite } from "../Suite.js"
import { table } from "../Table.js"

const option = (args: ReadonlyArray<string>, name: string): string | undefined => {
  const at = args.indexOf(name)
  return at < 0 ? undefined : args[at + 1]
}

const secondsFor = (n: number): number => (n <= 120 ? 3 : n <= 240 ? 20 : 60)

const targetFor = (n: number): number => (n <= 120 ? 0.15 : n <= 240 ? 0.2 : 0.3)

const mdgp = (seeds: ReadonlyArray<number>, scale: number, peer: boolean, equalOnly: boolean, clock?: () => number) => {
  const best = bestKnown()
  const files = readdirSync(instanceDir)
    .filter((f) => f.endsWith(".txt") && (!equalOnly || f.includes("_ss_")))
    .sort()
  const peerMissing = peer ? Peer.missing() : undefined
  if (peer && peerMissing !== undefined)
    console.log(
      `--peer: ${peerMissing}; the table below is Grenzeloos alone. Install R and anticlust as the grouping guide says (docs/guides/grouping.md, "Side by side with anticlust").\n`
    )
  const withPeer = peer && peerMissing === undefined
  const now = clock ?? (() => performance.now())
  const rows: Array<Array<string | number>> = []
  const gaps = new Map<number, Array<number>>()
  // per size, our gap and the peer's on the runs where both finished (equal sizes)
  const paired = new Map<number, Array<readonly [number, number]>>()
  // TPSDP's iteration count that fills the limit, found on the first seed of an instance
  const peerIterations = new Map<string, number>()
  for (const file of files) {
    const instance = read(join(instanceDir, file))
    const known = best.get(instance.name)
    const gapOf = (objective: number) => (known === undefined ? Number.NaN : (100 * (known - objective)) / known)
    for (const seed of seeds) {
      const seconds = secondsFor(instance.problem.size) * scale
      const start = now()
      const result = Grouping.Search.solve(instance.problem, {
        seed,
        timeLimitMs: seconds * 1000,
        ...(clock === undefined ? {} : { clock })
      })
      const elapsed = (now() - start) / 1000
      if (Either.isLeft(result)) throw new Error(result.left.message)
      const violation = sizeViolation(instance, result.right.assignment)
      if (violation !== undefined) throw new Error(violation)
      const gap = gapOf(result.right.objective)
      const n = instance.problem.size
      gaps.set(n, [...(gaps.get(n) ?? []), gap])
      const row: Array<string | number> = [instance.name, seed, result.right.objective, known ?? "?", gap, elapsed]
      if (withPeer) {
        const other = Peer.run(
          join(instanceDir, file),
          seed,
          seconds,
          clock === undefined ? "wall" : "cpu",
          peerIterations.get(file)
        )
        if (typeof other === "string") row.push(other, "", "")
        else {
          peerIterations.set(file, other.iterations)
          const otherGap = gapOf(other.objective)
          paired.set(n, [...(paired.get(n) ?? []), [gap, otherGap] as const])
          row.push(other.objective, otherGap, other.seconds)
        }
      }
      rows.push(row)
      // each run as it ends, so a long table interrupted halfway keeps what it measured
      console.log(`  ${row.map((c) => (typeof c === "number" ? Number(c.toFixed(3)) : c)).join("  ")}`)
    }
  }
  console.log("")
  const header = ["instance", "seed", "objective", "best known", "gap %", clock === undefined ? "seconds" : "CPU s"]
  if (withPeer) header.push("anticlust TPSDP", "its gap %", clock === undefined ? "its seconds" : "its CPU s")
  console.log(table(header, rows))
  const mean = (g: ReadonlyArray<number>) => g.reduce((a, b) => a + b, 0) / Math.max(1, g.length)
  const summary = [...gaps].map(([n, g]) => {
    const row: Array<string | number> = [n, g.length, mean(g), Math.max(...g), targetFor(n), 2 * targetFor(n)]
    if (withPeer) {
      const p = paired.get(n) ?? []
      const ours = mean(p.map(([a]) => a))
      const theirs = mean(p.map(([, b]) => b))
      row.push(p.length, ...(p.length === 0 ? ["", "", ""] : [ours, theirs, ours <= theirs ? "yes" : "no"]))
    }
    return row
  })
  const summaryHeader = ["n", "runs", "mean gap %", "worst gap %", "target mean %", "target worst %"]
  if (withPeer)
    summaryHeader.push("runs beside anticlust", "our mean gap % there", "anticlust mean gap %", "at least as good")
  console.log(`\n${table(summaryHeader, summary)}\n`)
  console.log(`${clock === undefined ? "wall" : "CPU"} time; load average ${loadAverage()}\n`)
}

const golfers = (g: number, p: number, w: number, seconds: number, seed: number, geometry = true) => {
  const n = g * p
  const start = performance.now()
  const result = Grouping.Rotation.solve(
    { size: n, rounds: w, groupSizes: Array.from({ length: g }, () => p), score: new Float64Array(n * n) },
    { seed, timeLimitMs: seconds * 1000, geometry }
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
  // the search alone (geometry off) on the published numbers of rounds
  const alone: Array<Array<string | number>> = []
  for (const [g, p, w] of [
    [8, 4, 10],
    [7, 4, 9],
    [6, 4, 7],
    [6, 3, 8],
    [7, 3, 10]
  ] as const) {
    const r = golfers(g, p, w, 10, seed, false)
    alone.push([`${g}-${p}-${w}`, r.repeats, r.seconds, "0 repeats within 10 s"])
  }
  console.log(`${table(["search alone", "repeats", "seconds", "target"], alone)}\n`)
  console.log(`load average ${loadAverage()}\n`)
}

// `--cpu-clock`: the limits of the MDGP runs (ours and, in R, the peer's), community and deadline calls count CPU time of the process,
// and the times printed are CPU milliseconds (on a machine loaded by others, what the call does
// with the time it gets); without it, wall time.
const community = (seeds: ReadonlyArray<number>, clock?: () => number) => {
  const rows: Array<Array<string | number>> = []
  for (const communitySeed of [1, 2, 3]) {
    const request = communityRequest(communitySeed)
    const run = (seed: number, timeLimitMs: number) => {
      const now = clock ?? (() => performance.now())
      const start = now()
      const result = Grouping.Form.form(request, { seed, timeLimitMs, ...(clock === undefined ? {} : { clock }) })
      const ms = now() - start
      if (Either.isLeft(result)) throw new Error(result.left.message)
      return { objective: result.right.objective, ms }
    }
    // warm the JIT the way a long-running tool would be warm
    for (let k = 0; k < 3; k++) run(100 + k, 50)
    const quick = seeds.map((seed) => run(seed, 180))
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
      ["instance", "members", "objective, 180 ms limit (per seed)", "max ms", "objective (30 s)", "gap % (mean)"],
      rows
    )
  )
  console.log(
    `\ntarget: every call at most 200 ms, gap at most 1 %; ${clock === undefined ? "wall" : "CPU"} time; load average ${loadAverage()}\n`
  )
}

// Deadlines at every size: communities of 100 to 5,000 members, each call with a 200 ms limit
// (the matrix build, the search and the description of the result included).
const deadlines = (seeds: ReadonlyArray<number>, clock?: () => number) => {
  const rows: Array<Array<string | number>> = []
  for (const size of [100, 1000, 2000, 5000]) {
    const request = communityRequest(1, size)
    const now = clock ?? (() => performance.now())
    const withClock = clock === undefined ? {} : { clock }
    Grouping.Form.form(request, { seed: 99, timeLimitMs: 50, ...withClock })
    const runs = seeds.map((seed) => {
      const start = now()
      const result = Grouping.Form.form(request, { seed, timeLimitMs: 200, ...withClock })
      const ms = now() - start
      if (Either.isLeft(result)) throw new Error(result.left.message)
      return { ms, objective: result.right.objective, cutShort: result.right.cutShort === true }
    })
    rows.push([
      size,
      200,
      runs.map((r) => r.ms.toFixed(1)).join(" / "),
      Math.max(...runs.map((r) => r.ms)),
      runs.map((r) => r.objective.toFixed(0)).join(" / "),
      runs.map((r) => (r.cutShort ? "yes" : "no")).join(" / ")
    ])
  }
  console.log(table(["members", "limit ms", "ms (per seed)", "max ms", "objective (per seed)", "cut short"], rows))
  console.log(
    `\ntarget: at most 220 ms each (10 % over the limit); ${clock === undefined ? "wall" : "CPU"} time; load average ${loadAverage()}\n`
  )
}

const loadAverage = (): string => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")

const suite: Suite = {
  description: "grouping engine: MDGPLIB gaps to TPSDP, social golfers, the synthetic community",
  run: async (args) => {
    const seeds = (option(args, "--seeds") ?? "1,2,3").split(",").map(Number)
    const scale = Number(option(args, "--scale") ?? "1")
    const only = option(args, "--only")
    const clock = args.includes("--cpu-clock") ? cpuClock : undefined
    if (only === undefined || only === "mdgp")
      mdgp(seeds, scale, args.includes("--peer"), args.includes("--equal-sizes"), clock)
    if (only === undefined || only === "sgp") sgp(seeds[0] ?? 1)
    if (only === undefined || only === "community") community(seeds, clock)
    if (only === undefined || only === "deadlines") deadlines(seeds, clock)
  }
}

export default suite
