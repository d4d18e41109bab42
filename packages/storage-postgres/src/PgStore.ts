/**
 * A PostgreSQL Store through `@effect/sql-pg`, for organisations where several tools and many
 * communities share one database: a URL or a config, a schema of its own, a connection pool, and
 * row-level concurrency (versions checked in the writing statement, outbox claims with
 * `FOR UPDATE SKIP LOCKED`).
 *
 * @since 0.1.0
 */
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Store } from "@grenzeloos/core"
import { SqlStore } from "@grenzeloos/storage-sql"
import { Config, type ConfigError, Duration, Effect, Layer, Redacted } from "effect"

/**
 * Configuration of the PostgreSQL store: a `url`, or `host`/`port`/`database`/`username`/`password`.
 *
 * @since 0.1.0
 */
export interface PgStoreConfig {
  /** e.g. `postgres://grenzeloos@db.internal:5432/grenzeloos`; kept `Redacted` because it may hold a password. */
  readonly url?: Redacted.Redacted | string
  readonly host?: string
  readonly port?: number
  readonly database?: string
  readonly username?: string
  readonly password?: Redacted.Redacted
  /** The PostgreSQL schema of the tables, created when missing (default `grenzeloos`). */
  readonly schema?: string
  /** A prefix for the table names (default `grenzeloos_`). */
  readonly tablePrefix?: string
  /** Connections in the pool (default 10). */
  readonly maxConnections?: number
  /** How long to wait for a connection, in milliseconds (default 5000). */
  readonly connectTimeoutMs?: number
  /** Run pending migrations on start-up (default `true`). */
  readonly migrate?: boolean
  /** The `application_name` the server shows for the connections (default `grenzeloos`). */
  readonly applicationName?: string
  /**
   * After an erasure commits (forgetting a member): `"scrub"` (default) runs `VACUUM (FULL)` on the
   * tables it wrote, so no dead row version keeps the erased bytes in the relation files (it locks
   * those tables, for every community, while it runs); `"operator"` leaves that to the operator.
   * Either way the write-ahead log, WAL archives, replicas and backups keep the old bytes until
   * they are recycled: see the README, "Erasure".
   */
  readonly afterErasure?: "scrub" | "operator"
}

/**
 * What the PostgreSQL store declares.
 *
 * @example
 * ```ts
 * import { PgStore } from "@grenzeloos/storage-postgres"
 *
 * const shared = PgStore.capabilities.sharedAcrossProcesses // true
 * ```
 * @since 0.1.0
 */
export const capabilities: Store.Capabilities = {
  name: "postgres",
  maxDocumentBytes: 64 * 1024 * 1024,
  sharedAcrossProcesses: true
}

/**
 * Makes the Store service over a PostgreSQL `SqlClient` already in the context.
 *
 * @example
 * ```ts
 * import { PgClient } from "@effect/sql-pg"
 * import { Store } from "@grenzeloos/core"
 * import { PgStore } from "@grenzeloos/storage-postgres"
 * import { Layer, Redacted } from "effect"
 *
 * const layer = Layer.effect(Store.Store, PgStore.make({ schema: "grenzeloos" })).pipe(
 *   Layer.provide(PgClient.layer({ url: Redacted.make("postgres://postgres@127.0.0.1:5432/test") }))
 * )
 * ```
 * @since 0.1.0
 */
export const make = (
  config: Pick<PgStoreConfig, "schema" | "tablePrefix" | "migrate" | "afterErasure"> = {}
): Effect.Effect<Store.StoreService, Store.StoreMigrationError, SqlClient.SqlClient> =>
  Effect.map(
    SqlStore.makeDriver({
      dialect: "pg",
      capabilities,
      schema: config.schema ?? "grenzeloos",
      ...(config.migrate === undefined ? {} : { migrate: config.migrate }),
      ...(config.afterErasure === undefined ? {} : { afterErasure: config.afterErasure }),
      ...(config.tablePrefix === undefined ? {} : { tablePrefix: config.tablePrefix })
    }),
    Store.makeEncoded
  )

/**
 * The `@effect/sql-pg` client layer for a store configuration.
 *
 * @example
 * ```ts
 * import { PgStore } from "@grenzeloos/storage-postgres"
 *
 * const client = PgStore.clientLayer({ url: "postgres://postgres@127.0.0.1:5432/test", maxConnections: 4 })
 * ```
 * @since 0.1.0
 */
export const clientLayer = (config: PgStoreConfig) =>
  PgClient.layer({
    ...(config.url === undefined
      ? {}
      : { url: typeof config.url === "string" ? Redacted.make(config.url) : config.url }),
    ...(config.host === undefined ? {} : { host: config.host }),
    ...(config.port === undefined ? {} : { port: config.port }),
    ...(config.database === undefined ? {} : { database: config.database }),
    ...(config.username === undefined ? {} : { username: config.username }),
    ...(config.password === undefined ? {} : { password: config.password }),
    maxConnections: config.maxConnections ?? 10,
    connectTimeout: Duration.millis(config.connectTimeoutMs ?? 5000),
    applicationName: config.applicationName ?? "grenzeloos"
  })

/**
 * A layer with the PostgreSQL Store: opens the pool, migrates the schema, and closes the pool with
 * the layer.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Store } from "@grenzeloos/core"
 * import { PgStore } from "@grenzeloos/storage-postgres"
 *
 * const layer = PgStore.layer({ url: "postgres://postgres@127.0.0.1:5432/test", schema: "grenzeloos" })
 * const program = Effect.flatMap(Store.forCommunity("rijk"), (store) => store.findAll("member"))
 * Effect.runPromise(Effect.provide(program, layer))
 * ```
 * @since 0.1.0
 */
export const layer = (
  config: PgStoreConfig
): Layer.Layer<Store.Store, Store.StoreMigrationError | Store.StoreUnavailable> =>
  Layer.effect(Store.Store, make(config)).pipe(
    Layer.provide(
      clientLayer(config).pipe(
        Layer.mapError(
          (cause) =>
            new Store.StoreUnavailable({
              operation: "connect",
              batchApplied: "none",
              reason: `could not connect to PostgreSQL: ${cause.message}`,
              cause
            })
        )
      )
    )
  )

/**
 * A layer with the PostgreSQL Store from configuration, e.g.
 * `PgStore.layerConfig({ url: Config.redacted("DATABASE_URL") })`.
 *
 * @example
 * ```ts
 * import { Config } from "effect"
 * import { PgStore } from "@grenzeloos/storage-postgres"
 *
 * const layer = PgStore.layerConfig({
 *   url: Config.redacted("DATABASE_URL"),
 *   schema: Config.string("GRENZELOOS_SCHEMA").pipe(Config.withDefault("grenzeloos"))
 * })
 * ```
 * @since 0.1.0
 */
export const layerConfig = (
  config: Config.Config.Wrap<PgStoreConfig>
): Layer.Layer<Store.Store, Store.StoreMigrationError | Store.StoreUnavailable | ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(Config.unwrap(config), layer))
