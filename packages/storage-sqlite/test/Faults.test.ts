import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { afterAll, describe, expect, layer } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Effect, Layer, Option } from "effect"

const dir = mkdtempSync(join(tmpdir(), "grenzeloos-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const filename = join(dir, "store.db")

// The store and its SQL client, so a test can reach under the store.
const withClient = Layer.effect(Store.Store, SqliteStore.make({ filename })).pipe(
  Layer.provideMerge(Layer.orDie(SqliteClient.layer({ filename })))
)

describe("sqlite file", () => {
  layer(withClient, { excludeTestServices: true })((it) => {
    it.effect("opens in WAL mode with a busy timeout", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const [mode] = yield* sql<{ journal_mode: string }>`PRAGMA journal_mode`
        const [timeout] = yield* sql<{ timeout: number }>`PRAGMA busy_timeout`
        expect([mode?.journal_mode, timeout?.timeout]).toEqual(["wal", 5000])
      })
    )

    it.effect("lets the write-ahead log grow to 10000 pages before copying it back, and cuts it to 64 MiB after", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const [pages] = yield* sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`
        const [limit] = yield* sql<{ journal_size_limit: number }>`PRAGMA journal_size_limit`
        expect([pages?.wal_autocheckpoint, limit?.journal_size_limit]).toEqual([10_000, 64 * 1024 * 1024])
      })
    )

    it.effect("a database error in the middle of a batch leaves nothing behind, and the error says so", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const store = (yield* Store.Store).forCommunity("rijk")
        yield* sql.unsafe(
          `CREATE TRIGGER fail_audit BEFORE INSERT ON grenzeloos_audit BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END`
        )
        const error = yield* Effect.flip(
          store.commit({
            writes: [Store.put("member", "m-1", 0, {}), Store.put("member", "m-2", 0, {})],
            outbox: [{ id: "msg-1", topic: "t", payload: {} }],
            audit: [{ id: "a-1", actor: "f-1", action: "member.register" }]
          })
        )
        yield* sql.unsafe("DROP TRIGGER fail_audit")
        expect(error._tag).toBe("StoreUnavailable")
        expect((error as Store.StoreUnavailable).batchApplied).toBe("none")
        expect(error.message).toContain("simulated")
        expect(Option.isNone(yield* store.get("member", "m-1"))).toBe(true)
        expect((yield* store.outbox()).items).toEqual([])
      })
    )

    it.effect("refuses a database migrated by a newer version of the adapter", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql.unsafe(`INSERT INTO grenzeloos_migrations (version, name, applied_at) VALUES (999, 'future', 0)`)
        const error = yield* Effect.flip(SqliteStore.make({ filename }))
        expect(error.message).toContain("newer than")
        yield* sql.unsafe("DELETE FROM grenzeloos_migrations WHERE version = 999")
      })
    )
  })
})
