import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Store } from "@grenzeloos/core"
import { storeConformance } from "@grenzeloos/testkit/vitest"
import { Effect, Option } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import * as JsonFileStore from "../src/JsonFileStore.js"

const dir = mkdtempSync(join(tmpdir(), "grenzeloos-json-store-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

// The third-party adapter passes the same kit as the first-party ones.
storeConformance("json-file", () => JsonFileStore.layer({ path: join(dir, `store-${++files}.json`) }))

describe("json-file format", () => {
  it("migrates a format-1 file forward on open and keeps its records", async () => {
    const path = join(dir, "old.json")
    writeFileSync(
      path,
      JSON.stringify({
        format: 1,
        communities: {
          rijk: {
            records: { "theme/t-1": { kind: "theme", id: "t-1", version: 3, indexes: {}, document: '{"a":1}' } },
            outbox: {},
            audit: [{ id: "a-1", at: 1, actor: "x", action: "y", detail: "null" }]
          }
        }
      })
    )
    const program = Effect.gen(function* () {
      const store = yield* Store.forCommunity("rijk")
      const record = yield* store.get("theme", "t-1")
      const audit = yield* store.audit()
      return { version: Option.map(record, (r) => r.version), seqs: audit.items.map((e) => e.seq) }
    })
    const result = await Effect.runPromise(Effect.provide(program, JsonFileStore.layer({ path })))
    expect(result).toEqual({ version: Option.some(3), seqs: [1] })
  })

  it("refuses a file written by a newer version of the adapter", async () => {
    const path = join(dir, "new.json")
    writeFileSync(path, JSON.stringify({ format: JsonFileStore.FORMAT_VERSION + 1, communities: {} }))
    const exit = await Effect.runPromiseExit(Effect.provide(Store.forCommunity("rijk"), JsonFileStore.layer({ path })))
    expect(String(exit)).toContain("newer than")
    // A Promise driver reports a schema it cannot use with Store.MigrationFailed: not a retryable outage.
    expect(String(exit)).toContain("StoreMigrationError")
  })
})
