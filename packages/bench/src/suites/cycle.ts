/**
 * `pnpm bench cycle [--members N] [--runs R] [--store file|memory] [--iterations I] [--json] [--by-use-case]`: a whole quarter for a
 * community of N members (default 1,000), end to end through the use cases on the SQLite store
 * (a fresh file per run by default): import, intakes, groups, the groups' session timetables
 * (three sessions each, sent as one calendar series per group), vote, programme, candidate dates,
 * the request to answer the poll, the poll with every member's answer, invitations, reminders
 * and attendance. Target: under 5 s for 1,000 members. The grouping search gets I iterations
 * (default 100, decision 0121: at 1,000 members its objective is then within 0.6 % of a run four
 * times as long, measured on three seeds; `--iterations 400` shows the difference). Prints per step and in all, per
 * run, the wall-clock time and this process's CPU time (user + system), with the load average
 * before and after each run, so a figure taken on a loaded machine still says something;
 * `--json` prints the same as one object, and `--by-use-case` adds the time per use case.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { Services } from "@grenzeloos/core"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Scenario, Synthetic } from "@grenzeloos/testkit"
import { Effect, Layer } from "effect"
import type { Suite } from "../Suite.js"
import { table } from "../Table.js"

const option = (args: ReadonlyArray<string>, name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback
}

/** The use cases with every call timed into `calls` (wall-clock and this process's CPU time). */
const timed =
  (calls: Map<string, { count: number; wallMs: number; cpuMs: number }>) =>
  (service: Services.UseCases.UseCasesService): Services.UseCases.UseCasesService => {
    const wrapped: Record<string, unknown> = {}
    for (const [name, useCase] of Object.entries(service))
      wrapped[name] = (...args: ReadonlyArray<unknown>) =>
        Effect.suspend(() => {
          const wall = performance.now()
          const cpu = process.cpuUsage()
          return Effect.ensuring(
            (useCase as (...a: ReadonlyArray<unknown>) => Effect.Effect<unknown, unknown>)(...args),
            Effect.sync(() => {
              const used = process.cpuUsage(cpu)
              const entry = calls.get(name) ?? { count: 0, wallMs: 0, cpuMs: 0 }
              entry.count++
              entry.wallMs += performance.now() - wall
              entry.cpuMs += (used.user + used.system) / 1000
              calls.set(name, entry)
            })
          )
        })
    return wrapped as Services.UseCases.UseCasesService
  }

const suite: Suite = {
  description: "a quarter of N members end to end through the use cases on SQLite (target: 1,000 in under 5 s)",
  run: async (args) => {
    const members = Number(option(args, "members", "1000"))
    const runs = Number(option(args, "runs", "3"))
    const kind = option(args, "store", "file")
    const iterations = Number(option(args, "iterations", "100"))
    const generated = Synthetic.community({ members, facilitators: Math.max(5, Math.ceil(members / 20)) })
    const json = args.includes("--json")
    const byUseCase = args.includes("--by-use-case")
    const calls = new Map<string, { count: number; wallMs: number; cpuMs: number }>()
    const results: Array<{
      run: number
      steps: ReadonlyArray<{ name: string; wallMs: number; cpuMs: number }>
      totalMs: number
      totalCpuMs: number
      load: readonly [number, number]
      groups: number
      ballots: number
      invited: number
    }> = []
    for (let run = 1; run <= runs; run++) {
      const dir = mkdtempSync(join(tmpdir(), "grenzeloos-cycle-"))
      const filename = kind === "memory" ? ":memory:" : join(dir, "cycle.db")
      const base = Services.UseCases.layer.pipe(
        Layer.provide(
          Layer.mergeAll(
            SqliteStore.layer({ filename }),
            Services.Ids.layer,
            Services.Settings.layer({
              organizer: { name: "Programmateam", email: "programmateam@grenzeloos.example" },
              uidDomain: "grenzeloos.example"
            })
          )
        )
      )
      // With --by-use-case, every use case call is timed (wall and CPU) and summed by name.
      const layer = byUseCase
        ? Layer.effect(Services.UseCases.UseCases, Effect.map(Services.UseCases.UseCases, timed(calls))).pipe(
            Layer.provide(base)
          )
        : base
      const steps: Array<{ name: string; wallMs: number; cpuMs: number }> = []
      const cpuMsOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000
      let last = performance.now()
      let lastCpu = process.cpuUsage()
      const started = last
      const startedCpu = lastCpu
      const loadBefore = loadavg()
      let current = "opstarten"
      const mark = (next: string | undefined) => {
        const now = performance.now()
        const cpu = process.cpuUsage()
        steps.push({ name: current, wallMs: now - last, cpuMs: cpuMsOf(process.cpuUsage(lastCpu)) })
        if (next !== undefined) {
          process.stderr.write(`  run ${run}: ${next}…\n`)
          current = next
        }
        last = now
        lastCpu = cpu
      }
      const report = await Effect.runPromise(
        Effect.provide(Scenario.quarter({ generated, groupingIterations: iterations, onStep: mark }), layer)
      )
      mark(undefined)
      const totalMs = performance.now() - started
      const totalCpuMs = cpuMsOf(process.cpuUsage(startedCpu))
      const loadAfter = loadavg()
      rmSync(dir, { recursive: true, force: true })
      results.push({
        run,
        steps,
        totalMs,
        totalCpuMs,
        load: [loadBefore[0] ?? 0, loadAfter[0] ?? 0],
        groups: report.groups.groups.length,
        ballots: report.ballots,
        invited: report.invitation.invited
      })
    }
    if (json) {
      console.log(JSON.stringify({ members, iterations, store: kind, cores: cpus().length, runs: results }))
      return
    }
    console.log(
      `${members} leden (${generated.facilitators.length} begeleiders), opslag: SQLite ${kind === "memory" ? ":memory:" : "bestand"}, zoeken: ${iterations} iteraties\n`
    )
    const stepNames = results[0]?.steps.map((s) => s.name) ?? []
    console.log(
      table(
        ["stap", ...results.flatMap((r) => [`run ${r.run} ms`, `run ${r.run} cpu ms`])],
        [
          ...stepNames.map((name, i) => [
            name,
            ...results.flatMap((r) => [Math.round(r.steps[i]?.wallMs ?? 0), Math.round(r.steps[i]?.cpuMs ?? 0)])
          ]),
          ["totaal", ...results.flatMap((r) => [Math.round(r.totalMs), Math.round(r.totalCpuMs)])]
        ]
      )
    )
    console.log("")
    console.log(
      table(
        ["run", "groepen", "stemmen", "uitgenodigd", "load voor", "load na", "< 5 s (wand)", "< 5 s (cpu)"],
        results.map((r) => [
          r.run,
          r.groups,
          r.ballots,
          r.invited,
          r.load[0].toFixed(2),
          r.load[1].toFixed(2),
          r.totalMs < 5000 ? "ja" : "NEE",
          r.totalCpuMs < 5000 ? "ja" : "NEE"
        ])
      )
    )
    if (byUseCase)
      console.log(
        `\nper use case, over ${runs} run(s):\n\n${table(
          ["use case", "aanroepen", "ms", "cpu ms", "cpu ms per aanroep"],
          [...calls.entries()]
            .sort((a, b) => b[1].cpuMs - a[1].cpuMs)
            .map(([name, c]) => [name, c.count, Math.round(c.wallMs), Math.round(c.cpuMs), c.cpuMs / c.count])
        )}`
      )
    console.log(
      `\nload average (1 min) ${loadavg()[0]?.toFixed(2)} op ${cpus().length} kernen; cpu ms is de processortijd van dit proces (gebruiker + systeem): onder belasting door anderen blijft die ongeveer gelijk, de wandtijd niet.`
    )
  }
}

export default suite
