/**
 * The embedded default Store: SQLite through `@effect/sql-sqlite-node` (better-sqlite3), in a file
 * (WAL journal, busy timeout) or in memory. Zero set-up: the schema is created on start-up.
 *
 * @since 0.1.0
 */
import type { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Store } from "@grenzeloos/core"
import { SqlStore } from "@grenzeloos/storage-sql"
import { Config, type ConfigError, Effect, Layer } from "effect"

/**
 * Configuration of the SQLite store.
 *
 * @since 0.1.0
 */
export interface SqliteStoreConfig {
  /** A file path, or `":memory:"` for a database that lives as long as the layer. */
  readonly filename: string
  /** How long a write waits for another process's lock, in milliseconds (default 5000). */
  readonly busyTimeoutMs?: number
  /**
   * `"normal"` (default for files, in WAL mode) survives a crash of the process and never corrupts
   * the database, but may lose the last commits on a power failure; `"full"` syncs every commit to
   * disk (slower where fsync is slow).
   */
  readonly synchronous?: "full" | "normal"
  /**
   * The most memory SQLite may keep of the database's pages, in MiB (default 64). A community is
   * read whole when it is loaded; pages that stay in this cache are not read from the file again.
   */
  readonly pageCacheMiB?: number
  /**
   * How many pages (of 4 KiB) the write-ahead log may grow to before SQLite copies it back into
   * the database file (default 10000, about 40 MiB; SQLite's own default is 1000). Each copy syncs
   * both files to disk, and pages written by many commits are copied once instead of once per
   * 1000 pages, so a larger log makes a run of small commits (a member's ballot each) about twice
   * as fast on an ordinary disk (decision 0122). After a copy the log file is cut back to 64 MiB.
   */
  readonly walCheckpointPages?: number
  /** Run pending migrations on start-up (default `true`). */
  readonly migrate?: boolean
  /** A prefix for the table names (default `grenzeloos_`). */
  readonly tablePrefix?: string
  /**
   * After an erasure commits (forgetting a member): `"scrub"` (default) checkpoints the WAL into
   * the database and truncates it, so the erased bytes leave the `-wal` file (deleted content is
   * always overwritten with zeros: `secure_delete` is on); `"operator"` leaves the checkpoint to the
   * operator. See the README, "Erasure".
   */
  readonly afterErasure?: "scrub" | "operator"
}

/**
 * What the SQLite store declares.
 *
 * @example
 * ```ts
 * import { SqliteStore } from "@grenzeloos/storage-sqlite"
 *
 * const limitMiB = SqliteStore.capabilities.maxDocumentBytes / 1024 / 1024 // 16
 * ```
 * @since 0.1.0
 */
export const capabilities: Store.Capabilities = {
  name: "sqlite",
  maxDocumentBytes: 16 * 1024 * 1024,
  sharedAcrossProcesses: true
}

/**
 * Makes the Store service over a `SqliteClient` already in the context (sets the busy timeout
 * and synchronous mode, then runs the migrations).
 *
 * @example
 * ```ts
 * import { SqliteClient } from "@effect/sql-sqlite-node"
 * import { Store } from "@grenzeloos/core"
 * import { SqliteStore } from "@grenzeloos/storage-sqlite"
 * import { Layer } from "effect"
 *
 * const layer = Layer.effect(Store.Store, SqliteStore.make({ filename: "grenzeloos.db" })).pipe(
 *   Layer.provide(SqliteClient.layer({ filename: "grenzeloos.db" }))
 * )
 * ```
 * @since 0.1.0
 */
export const make = (
  config: SqliteStoreConfig
): Effect.Effect<Store.StoreService, Store.StoreMigrationError, SqliteClient.SqliteClient | SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqliteClient.SqliteClient
    yield* sql
      .unsafe(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(config.busyTimeoutMs ?? 5000))}`)
      .pipe(
        Effect.zipRight(sql.unsafe(`PRAGMA synchronous = ${config.synchronous === "full" ? "FULL" : "NORMAL"}`)),
        // A negative cache_size is in KiB.
        Effect.zipRight(
          sql.unsafe(`PRAGMA cache_size = -${Math.max(1, Math.floor((config.pageCacheMiB ?? 64) * 1024))}`)
        ),
        // Deleted and replaced content is overwritten with zeros, so erased personal data does not
        // linger in free pages (decision 0049).
        Effect.zipRight(sql.unsafe("PRAGMA secure_delete = ON")),
        Effect.zipRight(
          sql.unsafe(`PRAGMA wal_autocheckpoint = ${Math.max(1, Math.floor(config.walCheckpointPages ?? 10_000))}`)
        ),
        Effect.zipRight(sql.unsafe(`PRAGMA journal_size_limit = ${64 * 1024 * 1024}`))
      )
      .pipe(
        Effect.mapError(
          (cause) =>
            new Store.StoreMigrationError({ adapter: "sqlite", reason: "could not configure the database", cause })
        )
      )
    const driver = yield* SqlStore.makeDriver({
      dialect: "sqlite",
      capabilities,
      ...(config.migrate === undefined ? {} : { migrate: config.migrate }),
      ...(config.afterErasure === undefined ? {} : { afterErasure: config.afterErasure }),
      ...(config.tablePrefix === undefined ? {} : { tablePrefix: config.tablePrefix })
    })
    return Store.makeEncoded(driver)
  })

/**
 * A layer with the SQLite Store, opening the database (WAL mode for files) and closing it with
 * the layer.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Store } from "@grenzeloos/core"
 * import { SqliteStore } from "@grenzeloos/storage-sqlite"
 *
 * const program = Effect.flatMap(Store.forCommunity("rijk"), (store) => store.findAll("member"))
 * Effect.runPromise(Effect.provide(program, SqliteStore.layer({ filename: ":memory:" })))
 * ```
 * @since 0.1.0
 */
export const layer = (config: SqliteStoreConfig): Layer.Layer<Store.Store, Store.StoreMigrationError> =>
  Layer.effect(Store.Store, make(config)).pipe(
    Layer.provide(
      SqliteClient.layer({ filename: config.filename, disableWAL: config.filename === ":memory:" }).pipe(Layer.orDie)
    )
  )

/**
 * A layer with the SQLite Store from configuration, e.g.
 * `SqliteStore.layerConfig({ filename: Config.string("GRENZELOOS_SQLITE_FILE") })`.
 *
 * @example
 * ```ts
 * import { Config } from "effect"
 * import { SqliteStore } from "@grenzeloos/storage-sqlite"
 *
 * const layer = SqliteStore.layerConfig({
 *   filename: Config.string("GRENZELOOS_SQLITE_FILE").pipe(Config.withDefault("grenzeloos.db"))
 * })
 * ```
 * @since 0.1.0
 */
export const layerConfig = (
  config: Config.Config.Wrap<SqliteStoreConfig>
): Layer.Layer<Store.Store, Store.StoreMigrationError | ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(Config.unwrap(config), layer))
