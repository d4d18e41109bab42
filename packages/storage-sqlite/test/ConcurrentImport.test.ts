import { execFile } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { Store } from "@grenzeloos/core"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"

const dir = mkdtempSync(join(tmpdir(), "grenzeloos-import-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const root = join(import.meta.dirname, "../../..")
const run = promisify(execFile)

// The finding of issue 14: two CLI imports of one file at once, each a process of its own on the
// same SQLite file, stored every person twice. The address is unique now (decision 0047) and an
// import that loses the race reads again and finds the people there.
describe("sqlite file: concurrent imports in separate processes", () => {
  it("four processes importing the same 500 people store 500 members", { timeout: 180_000 }, async () => {
    const filename = join(dir, "import.db")
    // The schema first, so the processes do not race to create it.
    await Effect.runPromise(Effect.provide(Effect.void, SqliteStore.layer({ filename })))
    const results = await Promise.all(
      [0, 1, 2, 3].map((variant) =>
        run(
          join(root, "node_modules/.bin/tsx"),
          [
            "--conditions=@grenzeloos/source",
            join(import.meta.dirname, "fixtures/import-worker.ts"),
            filename,
            "500",
            String(variant)
          ],
          { cwd: root }
        ).then(({ stdout }) => JSON.parse(stdout) as { created: number; updated: number; unchanged: number })
      )
    )
    const members = await Effect.runPromise(
      Effect.provide(
        Effect.flatMap(Store.forCommunity("rijk"), (store) => store.findAll("member")),
        SqliteStore.layer({ filename })
      )
    )
    expect(members.length).toBe(500)
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(500)
    for (const r of results) expect(r.created + r.updated + r.unchanged).toBe(500)
  })
})
