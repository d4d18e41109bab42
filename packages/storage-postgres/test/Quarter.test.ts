import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
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
  // The relation files of every table, index and TOAST relation in the store's schema, read from
  // the server's data directory (readable by root on the test machine) after a CHECKPOINT has
  // written every changed page: after an erasure, no dead row version may hold the member.
  const rawFiles = Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe("CHECKPOINT")
    const [setting] = yield* sql<{ data_directory: string }>`SELECT current_setting('data_directory') AS data_directory`
    const relations = yield* sql<{ name: string; path: string | null }>`
      SELECT c.relname AS name, pg_relation_filepath(c.oid) AS path
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${schema}
      UNION ALL
      SELECT t.relname, pg_relation_filepath(t.oid)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class t ON t.oid = c.reltoastrelid
      WHERE n.nspname = ${schema}
      UNION ALL
      SELECT i.relname, pg_relation_filepath(i.oid)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_index x ON x.indrelid = c.reltoastrelid
        JOIN pg_class i ON i.oid = x.indexrelid
      WHERE n.nspname = ${schema}`
    const directory = setting?.data_directory ?? ""
    const files = []
    for (const { name, path } of relations) {
      if (path === null) continue
      // A relation over 1 GiB continues in segments path.1, path.2, ...
      for (let segment = 0; ; segment++) {
        const file = join(directory, segment === 0 ? path : `${path}.${segment}`)
        if (!existsSync(file)) {
          if (segment === 0)
            return yield* Effect.dieMessage(
              `cannot read ${file} (${name}): the erasure test reads PostgreSQL's relation files, so it must run on the database server as a user who can read its data directory`
            )
          break
        }
        files.push({ name: `${name} (${file})`, bytes: readFileSync(file) })
      }
    }
    return files
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
    { rawDump, rawFiles }
  )
}
