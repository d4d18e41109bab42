/**
 * `pnpm bench fairness [--json] [--seeds N] [--runs N]`: fairness over two years (issue 18). A seeded
 * simulation of 8 meetings of 180 minutes with 100 members and themes of 45–90 minutes, in three
 * scenarios (a cohesive minority of 30 % and of 15 % with themes of their own, and the synthetic
 * community's realistic interests), for greedy, plain Equal Shares per meeting, and the carried
 * methods. Per scenario and method: the minority's share of the programme minutes, the share of
 * members who see a supported theme in every window of 2 meetings, the Gini coefficient of
 * per-member satisfaction and the total satisfaction, each the mean over the seeds. Then the time
 * of one vote of 10,000 members × 100 themes with the carried state of an earlier vote (target
 * 1 s). With `--json` only the rows of the simulation are printed, as one JSON array.
 */
import { cpus, loadavg } from "node:os"
import { Agenda, Rng } from "@grenzeloos/core"
import { Either } from "effect"
import { figures, type Scenario, simulate } from "../agenda/Seasons.js"
import type { Suite } from "../Suite.js"
import { elapsedMs, table } from "../Table.js"

interface Row {
  readonly scenario: Scenario
  readonly method: string
  readonly carried: boolean
  readonly minorityShare: number | null
  readonly windowCoverage: number
  readonly gini: number
  readonly totalSatisfaction: number
}

const methods: ReadonlyArray<{ readonly method: Agenda.Input.Method; readonly carried: boolean }> = [
  { method: { _tag: "greedy" }, carried: false },
  { method: { _tag: "equal-shares" }, carried: false },
  { method: { _tag: "equal-shares-carried" }, carried: true },
  { method: { _tag: "perpetual-phragmen" }, carried: true }
]

const scenarios: ReadonlyArray<Scenario> = ["minority-30", "minority-15", "realistic"]

const round3 = (x: number) => Math.round(x * 1000) / 1000

const rowsFor = (seeds: number): Array<Row> =>
  scenarios.flatMap((scenario) =>
    methods.map(({ method, carried }) => {
      const all = Array.from({ length: seeds }, (_, s) => figures(simulate(scenario, method, s + 1)))
      const mean = (f: (x: (typeof all)[number]) => number) => all.reduce((sum, x) => sum + f(x), 0) / all.length
      return {
        scenario,
        method: method._tag,
        carried,
        minorityShare: scenario === "realistic" ? null : round3(mean((x) => x.minorityShare ?? 0)),
        windowCoverage: round3(mean((x) => x.windowCoverage)),
        gini: round3(mean((x) => x.gini)),
        totalSatisfaction: Math.round(mean((x) => x.totalSatisfaction))
      }
    })
  )

/** A vote of `members` × `themes` with the carried records of one earlier vote on other ballots. */
const largeVote = (
  method: Agenda.Input.Method,
  seed: number,
  members = 10_000,
  themeCount = 100
): Agenda.Input.AgendaInput => {
  const rng = Rng.make(seed)
  const themes = Array.from({ length: themeCount }, (_, k) => ({
    id: `t-${String(k).padStart(3, "0")}`,
    durationMinutes: 45 + 15 * rng.int(4)
  }))
  // Zipf-like popularity: a few themes are wanted by many, most by a few.
  const weights = themes.map((_, k) => 1 / (k + 1) ** 0.7)
  const total = weights.reduce((s, w) => s + w, 0)
  const ballots = (salt: number) =>
    Array.from({ length: members }, (_, m) => {
      const chosen = new Set<string>()
      const size = 1 + ((m * 7 + salt) % 10)
      while (chosen.size < size) {
        let x = rng.next() * total
        let k = 0
        while (k < weights.length - 1 && (x -= weights[k] ?? 0) > 0) k++
        chosen.add(themes[k]?.id ?? "")
      }
      return {
        memberId: `m-${String(m).padStart(5, "0")}`,
        content: { _tag: "approval" as const, themeIds: [...chosen] }
      }
    })
  const base = {
    round: { themeIds: themes.map((t) => t.id), format: { _tag: "approval" as const } },
    themes,
    budget: { _tag: "minutes" as const, minutes: Math.round(0.25 * themes.reduce((s, t) => s + t.durationMinutes, 0)) },
    method
  }
  const first = Either.getOrThrow(Agenda.Prioritise.prioritise({ ...base, ballots: ballots(1) }))
  return { ...base, ballots: ballots(2), carried: first.carried?.records ?? [] }
}

const suite: Suite = {
  description:
    "Fairness over two years: minority share, coverage, Gini and total satisfaction per method; 10,000×100 carried vote",
  run: async (args) => {
    const json = args.includes("--json")
    const seedsAt = args.indexOf("--seeds")
    const seeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 5
    const runsAt = args.indexOf("--runs")
    const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5
    const rows = rowsFor(seeds)
    if (json) {
      console.log(JSON.stringify(rows))
      return
    }
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(", ")} on ${cpus().length} cores; mean of ${seeds} seeds\n`
    )
    const target = (r: Row) =>
      !r.carried || r.minorityShare === null
        ? "-"
        : Math.abs(r.minorityShare - (r.scenario === "minority-30" ? 0.3 : 0.15)) <= 0.05
          ? "met"
          : "NOT MET"
    console.log(
      table(
        [
          "scenario",
          "method",
          "carried",
          "minority share",
          "target ±5 %",
          "window coverage",
          "gini",
          "total satisfaction"
        ],
        rows.map((r) => [
          r.scenario,
          r.method,
          r.carried ? "yes" : "no",
          r.minorityShare === null ? "-" : r.minorityShare,
          target(r),
          r.windowCoverage,
          r.gini,
          r.totalSatisfaction
        ])
      )
    )
    const timings: Array<Array<string | number>> = []
    for (const method of methods.filter((m) => m.carried).map((m) => m.method))
      for (const seed of [1, 2, 3]) {
        const input = largeVote(method, seed)
        const result = Either.getOrThrow(Agenda.Prioritise.prioritise(input))
        Agenda.Prioritise.prioritise(input)
        const walls: Array<number> = []
        const cpu: Array<number> = []
        for (let i = 0; i < runs; i++) {
          const usage = process.cpuUsage()
          const start = performance.now()
          Agenda.Prioritise.prioritise(input)
          walls.push(elapsedMs(start))
          const used = process.cpuUsage(usage)
          cpu.push((used.user + used.system) / 1000)
        }
        const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
        timings.push([
          `10000×100 ${method._tag}`,
          seed,
          median(walls),
          median(cpu),
          1000,
          median(walls) < 1000 ? "yes" : median(cpu) < 1000 ? "cpu only" : "NO",
          `${result.programme.length} themes, ${result.used} of ${result.budget} min, ${input.carried?.length ?? 0} carried records`
        ])
      }
    console.log(`\n${table(["case", "seed", "median ms", "cpu ms", "target ms", "met", "outcome"], timings)}`)
  }
}

export default suite
