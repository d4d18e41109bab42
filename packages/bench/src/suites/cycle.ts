/**
 * `pnpm bench cycle [--members N] [--runs R] [--store file|memory] [--iterations I]`: a whole quarter for a
 * community of N members (default 1,000), end to end through the use cases on the SQLite store
 * (a fresh file per run by default): import, intakes, groups, the groups' session timetables
 * (three sessions each, sent as one calendar series per group), vote, programme, candidate dates,
 * the request to answer the poll, the poll with every member's answer, invitations, reminders
 * and attendance. Target: under 5 s
 * for 1,000 members. The grouping search gets I iterations (default 200: at 1,000 members each
 * iteration moves far more members than at the demo's 100). Prints the time per step and in
 * all, per run.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
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

const suite: Suite = {
  description: "a quarter of N members end to end through the use cases on SQLite (target: 1,000 in under 5 s)",
  run: async (args) => {
    const members = Number(option(args, "members", "1000"))
    const runs = Number(option(args, "runs", "3"))
    const kind = option(args, "store", "file")
    const iterations = Number(option(args, "iterations", "200"))
    const generated = Synthetic.community({ members, facilitators: Math.max(5, Math.ceil(members / 20)) })
    const rows: Array<Array<string | number>> = []
    for (let run = 1; run <= runs; run++) {
      const dir = mkdtempSync(join(tmpdir(), "grenzeloos-cycle-"))
      const filename = kind === "memory" ? ":memory:" : join(dir, "cycle.db")
      const layer = Services.UseCases.layer.pipe(
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
      const steps: Array<[string, number]> = []
      let last = performance.now()
      const started = last
      let current = "opstarten"
      const report = await Effect.runPromise(
        Effect.provide(
          Scenario.quarter({
            generated,
            groupingIterations: iterations,
            onStep: (step) => {
              const now = performance.now()
              steps.push([current, now - last])
              process.stderr.write(`  run ${run}: ${step}…\n`)
              current = step
              last = now
            }
          }),
          layer
        )
      )
      const total = performance.now() - started
      steps.push([current, performance.now() - last])
      rmSync(dir, { recursive: true, force: true })
      rows.push([
        run,
        ...steps.map(([, ms]) => Math.round(ms)),
        Math.round(total),
        report.groups.groups.length,
        report.ballots,
        report.invitation.invited,
        total < 5000 ? "ja" : "NEE"
      ])
      if (run === 1)
        console.log(
          `${members} leden (${generated.facilitators.length} begeleiders), opslag: SQLite ${kind === "memory" ? ":memory:" : "bestand"}\n`
        )
      if (run === runs)
        console.log(
          table(
            ["run", ...steps.map(([name]) => `${name} ms`), "totaal ms", "groepen", "stemmen", "uitgenodigd", "< 5 s"],
            rows
          )
        )
    }
  }
}

export default suite
