/**
 * `pnpm bench scheduling [--runs N]`: the scheduling engines against the targets of issue 5 —
 * a poll of 100 members × 60 slots under 5 ms, an optimal intake plan for 100 members × 400
 * facilitator slots under 100 ms, a year of sessions for 20 groups × 6 with 5 facilitators under
 * 200 ms. Each case runs on fixed seeds after a warm-up; the table gives median and worst times.
 */
import { Scheduling, Texts } from "@grenzeloos/core"
import { Either } from "effect"
import type { Suite } from "../Suite.js"
import * as Instances from "../scheduling/Instances.js"
import { elapsedMs, table } from "../Table.js"

const time = (runs: number, f: () => unknown): { median: number; p95: number; worst: number } => {
  for (let i = 0; i < 10; i++) f()
  const times: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    f()
    times.push(elapsedMs(start))
  }
  times.sort((a, b) => a - b)
  return {
    median: times[Math.floor(times.length / 2)] as number,
    p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] as number,
    worst: times[times.length - 1] as number
  }
}

const suite: Suite = {
  description: "Dutch-calendar scheduling: poll decision, best pair, optimal intakes, session timetables",
  run: async (args) => {
    const runsAt = args.indexOf("--runs")
    const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 60
    const rows: Array<Array<string | number>> = []
    const seeds = [1, 2, 3]

    for (const seed of seeds) {
      const input = Instances.poll(seed)
      const decision = Either.getOrThrow(Scheduling.Poll.decide(input))
      const t = time(runs, () => Scheduling.Poll.decide(input))
      rows.push([
        "poll decide 100×60",
        seed,
        t.median,
        t.p95,
        t.worst,
        5,
        t.median < 5 ? "yes" : "NO",
        decision._tag === "Decided"
          ? `chosen ${decision.chosen.slotId}, score ${decision.chosen.attendanceScore}`
          : decision._tag
      ])
      const pair = Either.getOrThrow(Scheduling.Poll.bestPair(input))
      const tp = time(runs, () => Scheduling.Poll.bestPair(input))
      rows.push([
        "poll best pair 100×60",
        seed,
        tp.median,
        tp.p95,
        tp.worst,
        5,
        tp.median < 5 ? "yes" : "NO",
        pair._tag === "Pair" ? `${pair.first.slotId}+${pair.second.slotId} reach ${pair.reached}/100` : pair._tag
      ])
    }
    for (const seed of seeds) {
      const input = Instances.intakes(seed)
      const plan = Either.getOrThrow(Scheduling.Intakes.assign(input))
      const t = time(Math.max(5, Math.floor(runs / 3)), () => Scheduling.Intakes.assign(input))
      rows.push([
        "intakes 100×400 optimal",
        seed,
        t.median,
        t.p95,
        t.worst,
        100,
        t.median < 100 ? "yes" : "NO",
        `placed ${plan.assignments.length}/100, cost ${plan.totalCost}`
      ])
    }
    for (const seed of seeds) {
      const input = Instances.sessions(seed)
      const result = Either.getOrThrow(Scheduling.Sessions.timetable(input))
      const t = time(Math.max(5, Math.floor(runs / 3)), () => Scheduling.Sessions.timetable(input))
      rows.push([
        "sessions 20×6/year, 5 facilitators",
        seed,
        t.median,
        t.p95,
        t.worst,
        200,
        t.median < 200 ? "yes" : "NO",
        result._tag === "Timetable"
          ? `${result.sessions.length} sessions, max offset ${Math.max(...result.sessions.map((s) => Math.abs(s.offsetDays)))} d`
          : Texts.en.reason(result.explanation)
      ])
    }
    console.log(table(["case", "seed", "median ms", "p95 ms", "worst ms", "target ms", "met (median)", "result"], rows))
    console.log(
      `\n${runs} timed runs per poll case, ${Math.max(5, Math.floor(runs / 3))} per intake and session case, after 10 warm-up runs; load average ${(await import("node:os")).loadavg()[0]?.toFixed(2)} on ${(await import("node:os")).cpus().length} cores.`
    )
  }
}

export default suite
