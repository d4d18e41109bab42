import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { it } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Effect, Layer } from "effect"
import { expect } from "vitest"

// Decision 0125: SQLite takes an audit position from the log itself under its write lock, so a
// commit writes no counter row, and the unused index by seq is gone.
const layer = Layer.merge(
  Layer.effect(Store.Store, SqliteStore.make({ filename: ":memory:" })),
  Layer.effectContext(Effect.map(SqliteClient.SqliteClient, (sql) => SqlClient.SqlClient.context(sql)))
).pipe(Layer.provideMerge(SqliteClient.layer({ filename: ":memory:", disableWAL: true })))

const entry = (id: string) => ({ id, actor: "member:m-1", action: "test.audit", detail: { n: id } })

it.layer(layer)("sqlite audit positions", (it) => {
  it.effect("single and multi-entry commits number the log 1, 2, 3 … without a counter row or an index by seq", () =>
    Effect.gen(function* () {
      const store = (yield* Store.Store).forCommunity("c-1")
      const other = (yield* Store.Store).forCommunity("c-2")
      yield* store.commit({ audit: [entry("a1")] })
      yield* other.commit({ audit: [entry("b1")] })
      yield* store.commit({ audit: [entry("a2"), entry("a3"), entry("a4")] })
      yield* store.commit({ audit: [entry("a5")] })
      const page = yield* store.audit({ limit: 100 })
      expect(page.items.map((e) => [e.seq, e.id])).toEqual([
        [1, "a1"],
        [2, "a2"],
        [3, "a3"],
        [4, "a4"],
        [5, "a5"]
      ])
      expect((yield* other.audit()).items.map((e) => [e.seq, e.id])).toEqual([[1, "b1"]])
      const sql = yield* SqlClient.SqlClient
      expect(yield* sql`SELECT COUNT(*) AS n FROM grenzeloos_audit_positions`).toEqual([{ n: 0 }])
      expect(
        yield* sql`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'grenzeloos_audit_by_community'`
      ).toEqual([])
      // A duplicate id is still a conflict, and takes no position.
      const duplicate = yield* Effect.flip(store.commit({ audit: [entry("a5")] }))
      expect(duplicate._tag).toBe("StoreConflict")
      yield* store.commit({ audit: [entry("a6")] })
      expect((yield* store.audit({ afterSeq: 5 })).items.map((e) => [e.seq, e.id])).toEqual([[6, "a6"]])
    })
  )
})
