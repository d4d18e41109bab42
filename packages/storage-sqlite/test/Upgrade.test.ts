import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { it } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Migrations, Tables } from "@grenzeloos/storage-sql"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Effect, Either, Layer } from "effect"
import { expect } from "vitest"

// Decision 0126: schema version 5 rebuilds SQLite's index, unique-value and batch tables without
// rowid; a database written at version 4 keeps every row and every guarantee.
const client = Layer.orDie(SqliteClient.layer({ filename: ":memory:", disableWAL: true }))

it.layer(client)("sqlite schema upgrade to version 5", (it) => {
  it.effect("keeps the index, unique and batch rows of a version-4 database, in tables without rowid", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const tables = Either.getOrThrow(Tables.make({ dialect: "sqlite" }))
      yield* Migrations.run(
        tables,
        "sqlite",
        Migrations.migrations.filter((m) => m.version <= 4)
      )
      // What a version-4 commit of one member wrote.
      yield* sql`INSERT INTO grenzeloos_records (community_id, kind, id, version, document, indexes)
        VALUES ('c-1', 'member', 'm-1', 1, '{"name":"Ann"}', '{"email":["ann@example.org"],"status":["active"]}')`
      yield* sql`INSERT INTO grenzeloos_record_indexes (community_id, kind, field, value, id)
        VALUES ('c-1', 'member', 'email', 'ann@example.org', 'm-1'), ('c-1', 'member', 'status', 'active', 'm-1')`
      yield* sql`INSERT INTO grenzeloos_unique_values (community_id, kind, field, value, id)
        VALUES ('c-1', 'member', 'email', 'ann@example.org', 'm-1')`
      yield* sql`INSERT INTO grenzeloos_batches (batch_id, community_id, committed_at) VALUES ('b-1', 'c-1', 1)`

      const store = (yield* SqliteStore.make({ filename: ":memory:" })).forCommunity("c-1")
      const found = yield* store.findAll("member", { status: "active" })
      expect(found.map((r) => r.id)).toEqual(["m-1"])
      const taken = yield* Effect.flip(
        store.commit({
          writes: [Store.put("member", "m-2", 0, { name: "Bob" }, { email: "ann@example.org" }, ["email"])]
        })
      )
      expect(taken._tag).toBe("StoreConflict")
      yield* store.commit({
        writes: [Store.put("member", "m-2", 0, { name: "Bob" }, { email: "bob@example.org" }, ["email"])]
      })
      expect((yield* store.findAll("member", { email: "bob@example.org" })).map((r) => r.id)).toEqual(["m-2"])
      expect(yield* sql`SELECT COUNT(*) AS n FROM grenzeloos_batches`).toEqual([{ n: 2 }])
      const definitions = yield* sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master
        WHERE type = 'table' AND name IN ('grenzeloos_record_indexes', 'grenzeloos_unique_values', 'grenzeloos_batches')
        ORDER BY name`
      expect(definitions.map((d) => [d.name, d.sql.endsWith("WITHOUT ROWID")])).toEqual([
        ["grenzeloos_batches", true],
        ["grenzeloos_record_indexes", true],
        ["grenzeloos_unique_values", true]
      ])
      const left = yield* sql`SELECT name FROM sqlite_master WHERE name LIKE '%_old'`
      expect(left).toEqual([])
    })
  )
})
