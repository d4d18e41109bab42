import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Store } from "@grenzeloos/core"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { quarterSuite } from "@grenzeloos/testkit/vitest"
import { Effect, Layer } from "effect"
import { afterAll } from "vitest"

const dir = mkdtempSync(join(tmpdir(), "grenzeloos-quarter-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const filename = join(dir, "quarter.db")

// Every row of every table, read straight from the file: what the erasure check searches.
const rawDump = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const tables = yield* sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`
  const parts: Array<unknown> = []
  for (const { name } of tables) parts.push(name, yield* sql.unsafe(`SELECT * FROM "${name.replace(/"/g, '""')}"`))
  return JSON.stringify(parts)
})

// The file, its write-ahead log and its shared-memory index, byte for byte, while the store is
// open: after an erasure, neither free pages nor old WAL frames may hold the forgotten member.
const rawFiles = Effect.sync(() =>
  [filename, `${filename}-wal`, `${filename}-shm`]
    .filter((name) => existsSync(name))
    .map((name) => ({ name, bytes: readFileSync(name) }))
)

quarterSuite(
  "sqlite file",
  () =>
    Layer.effect(Store.Store, SqliteStore.make({ filename })).pipe(
      Layer.provideMerge(Layer.orDie(SqliteClient.layer({ filename })))
    ),
  { rawDump, rawFiles }
)
