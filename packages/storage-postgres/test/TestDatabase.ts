// The real PostgreSQL server of the test machine; each layer gets a schema of its own, dropped
// when the layer is released, so parallel runs never collide.
import { SqlClient } from "@effect/sql"
import { Store } from "@grenzeloos/core"
import { PgStore } from "@grenzeloos/storage-postgres"
import { Effect, Layer } from "effect"

/** The URL of the test server, from `GRENZELOOS_TEST_POSTGRES_URL`. */
export const url = process.env.GRENZELOOS_TEST_POSTGRES_URL

export const uniqueSchema = (label: string) =>
  `gz_${label}_${process.pid}_${globalThis.crypto.randomUUID().replace(/-/g, "").slice(0, 10)}`

const dropSchemaOnRelease = (schema: string) =>
  Layer.scopedDiscard(
    Effect.addFinalizer(() =>
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).pipe(
        Effect.ignore
      )
    )
  )

/** A Store layer in a fresh schema of the test server, dropped on release. */
export const storeLayer = (label: string, config: Omit<PgStore.PgStoreConfig, "url" | "schema"> = {}) => {
  if (url === undefined) throw new Error("GRENZELOOS_TEST_POSTGRES_URL is not set")
  const schema = uniqueSchema(label)
  return Layer.merge(Layer.effect(Store.Store, PgStore.make({ ...config, schema })), dropSchemaOnRelease(schema)).pipe(
    Layer.provide(Layer.orDie(PgStore.clientLayer({ maxConnections: 10, ...config, url })))
  )
}
