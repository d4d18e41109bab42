import { SqlClient } from "@effect/sql"
import { Store } from "@grenzeloos/core"
import { PgStore } from "@grenzeloos/storage-postgres"
import { quarterSuite } from "@grenzeloos/testkit/vitest"
import { Effect, Layer } from "effect"
import { describe, it } from "vitest"
import { uniqueSchema, url } from "./TestDatabase.js"

if (url === undefined) {
  console.warn(
    "[storage-postgres] GRENZELOOS_TEST_POSTGRES_URL is not set: the quarter through the use cases on PostgreSQL is SKIPPED. " +
      "Set it, e.g. GRENZELOOS_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test"
  )
  describe.skip("postgres: a quarter through the use cases (GRENZELOOS_TEST_POSTGRES_URL not set)", () => {
    it("needs a PostgreSQL server", () => {})
  })
} else {
  const server = url
  const schema = uniqueSchema("quarter")
  // Every row of every table in the store's schema, read straight from the server.
  const rawDump = Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const tables = yield* sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = ${schema}`
    const parts: Array<unknown> = []
    for (const { table_name } of tables)
      parts.push(table_name, yield* sql.unsafe(`SELECT * FROM "${schema}"."${table_name.replace(/"/g, '""')}"`))
    return JSON.stringify(parts)
  })
  const dropSchema = Layer.scopedDiscard(
    Effect.addFinalizer(() =>
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).pipe(
        Effect.ignore
      )
    )
  )
  quarterSuite(
    "postgres",
    () =>
      Layer.merge(Layer.effect(Store.Store, PgStore.make({ schema })), dropSchema).pipe(
        Layer.provideMerge(Layer.orDie(PgStore.clientLayer({ url: server, maxConnections: 4 })))
      ),
    { rawDump }
  )
}
