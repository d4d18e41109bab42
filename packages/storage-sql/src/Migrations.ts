/**
 * Versioned, forward-only migrations of the SQL store's schema, in one list for both dialects.
 * They run on start-up by default, inside one transaction (with an advisory lock on PostgreSQL,
 * so two processes starting together migrate once); a database migrated by a newer version of
 * the adapter is refused rather than used.
 *
 * @since 0.1.0
 */
import { SqlClient } from "@effect/sql"
import { Store } from "@grenzeloos/core"
import { Clock, Effect } from "effect"
import type { Tables } from "./Tables.js"

/**
 * One migration: a version (1, 2, ...), a name, and the statements for a dialect.
 *
 * @since 0.1.0
 */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly statements: (tables: Tables) => ReadonlyArray<string>
}

/**
 * The migrations of the schema, oldest first. Never edit a released one: add a new one.
 *
 * @example
 * ```ts
 * import { Migrations } from "@grenzeloos/storage-sql"
 *
 * for (const migration of Migrations.migrations) console.log(migration.version, migration.name)
 * ```
 * @since 0.1.0
 */
export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: "records, indexes, outbox, audit log and batches",
    statements: (t) => {
      const key = t.dialect === "pg" ? `text COLLATE "C"` : "TEXT"
      const int = t.dialect === "pg" ? "bigint" : "INTEGER"
      const seq =
        t.dialect === "pg" ? "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"
      return [
        `CREATE TABLE ${t.records} (
          community_id ${key} NOT NULL,
          kind ${key} NOT NULL,
          id ${key} NOT NULL,
          version ${int} NOT NULL,
          document TEXT NOT NULL,
          indexes TEXT NOT NULL,
          PRIMARY KEY (community_id, kind, id)
        )`,
        `CREATE TABLE ${t.indexes} (
          community_id ${key} NOT NULL,
          kind ${key} NOT NULL,
          field ${key} NOT NULL,
          value ${key} NOT NULL,
          id ${key} NOT NULL,
          PRIMARY KEY (community_id, kind, field, value, id)
        )`,
        `CREATE INDEX ${t.name("record_indexes_by_record")} ON ${t.indexes} (community_id, kind, id)`,
        `CREATE TABLE ${t.outbox} (
          community_id ${key} NOT NULL,
          id ${key} NOT NULL,
          topic TEXT NOT NULL,
          payload TEXT NOT NULL,
          status TEXT NOT NULL,
          attempts ${int} NOT NULL,
          available_at ${int} NOT NULL,
          created_at ${int} NOT NULL,
          lease_id TEXT,
          lease_expires_at ${int},
          last_error TEXT,
          settled_at ${int},
          PRIMARY KEY (community_id, id)
        )`,
        `CREATE INDEX ${t.name("outbox_due")} ON ${t.outbox} (community_id, status, available_at)`,
        `CREATE TABLE ${t.audit} (
          seq ${seq},
          community_id ${key} NOT NULL,
          id ${key} NOT NULL,
          at ${int} NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          subject_kind TEXT,
          subject_id TEXT,
          detail TEXT NOT NULL,
          UNIQUE (community_id, id)
        )`,
        `CREATE INDEX ${t.name("audit_by_community")} ON ${t.audit} (community_id, seq)`,
        `CREATE TABLE ${t.batches} (
          batch_id ${key} PRIMARY KEY,
          community_id ${key} NOT NULL,
          committed_at ${int} NOT NULL
        )`
      ]
    }
  },
  {
    version: 2,
    name: "unique index values, and audit positions taken at commit",
    statements: (t) => {
      const key = t.dialect === "pg" ? `text COLLATE "C"` : "TEXT"
      const int = t.dialect === "pg" ? "bigint" : "INTEGER"
      return [
        // Decision 0047. Existing records claim their values the next time they are written.
        `CREATE TABLE ${t.unique} (
          community_id ${key} NOT NULL,
          kind ${key} NOT NULL,
          field ${key} NOT NULL,
          value ${key} NOT NULL,
          id ${key} NOT NULL,
          PRIMARY KEY (community_id, kind, field, value)
        )`,
        `CREATE INDEX ${t.name("unique_values_by_record")} ON ${t.unique} (community_id, kind, id)`,
        // Decision 0048. Existing entries keep their number as their position, so a reader's
        // cursor stays valid; new ones continue from each community's highest.
        `ALTER TABLE ${t.audit} ADD COLUMN log_position ${int}`,
        `UPDATE ${t.audit} SET log_position = seq`,
        `CREATE UNIQUE INDEX ${t.name("audit_by_position")} ON ${t.audit} (community_id, log_position)`,
        `CREATE TABLE ${t.auditPositions} (
          community_id ${key} PRIMARY KEY,
          last_position ${int} NOT NULL
        )`,
        `INSERT INTO ${t.auditPositions} (community_id, last_position) SELECT community_id, MAX(seq) FROM ${t.audit} GROUP BY community_id`
      ]
    }
  },
  {
    version: 3,
    name: "outbox ordering streams, supersession, expiry, first attempt",
    statements: (t) => {
      const key = t.dialect === "pg" ? `text COLLATE "C"` : "TEXT"
      const int = t.dialect === "pg" ? "bigint" : "INTEGER"
      return [
        `ALTER TABLE ${t.outbox} ADD COLUMN stream ${key}`,
        `ALTER TABLE ${t.outbox} ADD COLUMN label TEXT`,
        // The labels a message supersedes, as |a|b| (labels hold no | nor LIKE wildcards), or NULL.
        `ALTER TABLE ${t.outbox} ADD COLUMN supersedes TEXT`,
        `ALTER TABLE ${t.outbox} ADD COLUMN expires_at ${int}`,
        `ALTER TABLE ${t.outbox} ADD COLUMN first_attempt_at ${int}`,
        // Commit order within a community: an identity on PostgreSQL (existing rows are numbered
        // in physical order), on SQLite the commit writes MAX + 1 (writers are serialised there).
        t.dialect === "pg"
          ? `ALTER TABLE ${t.outbox} ADD COLUMN position bigint GENERATED BY DEFAULT AS IDENTITY`
          : `ALTER TABLE ${t.outbox} ADD COLUMN position INTEGER`,
        ...(t.dialect === "pg" ? [] : [`UPDATE ${t.outbox} SET position = rowid`]),
        `CREATE INDEX ${t.name("outbox_stream")} ON ${t.outbox} (community_id, stream, position)`
      ]
    }
  },
  {
    version: 4,
    name: "fewer pages per commit: SQLite audit positions from the log itself, no index by seq",
    // Decision 0125. The log is read by position since version 2, so the index by seq only cost a
    // page per commit. SQLite takes the next position from the log under its write lock and keeps
    // no counter row; its rows are removed so that no stale counter remains. This version also
    // stops an older adapter, which would take positions from that counter, from opening the file.
    statements: (t) => [
      `DROP INDEX IF EXISTS ${t.schema === undefined ? "" : `${t.schema}.`}${t.name("audit_by_community")}`,
      ...(t.dialect === "pg" ? [] : [`DELETE FROM ${t.auditPositions}`])
    ]
  },
  {
    version: 5,
    name: "SQLite: index, unique-value and batch tables without rowid",
    // Decision 0126. Their rows are small and found by their primary key; as rowid tables every
    // insert wrote the table and its primary-key index, two B-trees where one does. PostgreSQL's
    // tables are heaps with separate indexes either way: nothing changes there.
    statements: (t) => {
      if (t.dialect === "pg") return []
      const rebuild = (table: string, columns: string, primaryKey: string) => {
        const old = table.replace(/"$/, '_old"')
        return [
          `ALTER TABLE ${table} RENAME TO ${old}`,
          `CREATE TABLE ${table} (${columns}, PRIMARY KEY (${primaryKey})) WITHOUT ROWID`,
          `INSERT INTO ${table} SELECT ${columns.replace(/ [A-Z]+( NOT NULL)?/g, "")} FROM ${old}`,
          `DROP TABLE ${old}`
        ]
      }
      return [
        ...rebuild(
          t.indexes,
          "community_id TEXT NOT NULL, kind TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL",
          "community_id, kind, field, value, id"
        ),
        `CREATE INDEX ${t.name("record_indexes_by_record")} ON ${t.indexes} (community_id, kind, id)`,
        ...rebuild(
          t.unique,
          "community_id TEXT NOT NULL, kind TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL",
          "community_id, kind, field, value"
        ),
        `CREATE INDEX ${t.name("unique_values_by_record")} ON ${t.unique} (community_id, kind, id)`,
        ...rebuild(
          t.batches,
          "batch_id TEXT NOT NULL, community_id TEXT NOT NULL, committed_at INTEGER NOT NULL",
          "batch_id"
        )
      ]
    }
  }
]

/**
 * The schema version this adapter writes.
 *
 * @example
 * ```ts
 * import { Migrations } from "@grenzeloos/storage-sql"
 *
 * console.log(`schema version ${Migrations.latestVersion}`)
 * ```
 * @since 0.1.0
 */
export const latestVersion: number = migrations.reduce((max, m) => Math.max(max, m.version), 0)

const failure = (adapter: string, reason: string) => (cause: unknown) =>
  new Store.StoreMigrationError({ adapter, reason, cause })

/**
 * Brings the schema up to {@link latestVersion}; returns the versions it applied. Fails with
 * `StoreMigrationError` when the database has a newer schema than this adapter knows.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Migrations, Tables } from "@grenzeloos/storage-sql"
 *
 * const tables = Tables.make({ dialect: "sqlite" })
 * const program = Effect.flatMap(Effect.orDie(tables), (t) => Migrations.run(t, "sqlite"))
 * ```
 * @since 0.1.0
 */
export const run = (
  tables: Tables,
  adapter: string,
  list: ReadonlyArray<Migration> = migrations
): Effect.Effect<ReadonlyArray<number>, Store.StoreMigrationError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const known = list.reduce((max, m) => Math.max(max, m.version), 0)
    const int = tables.dialect === "pg" ? "bigint" : "INTEGER"
    if (tables.schema !== undefined)
      yield* sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${tables.schema}`).pipe(
        Effect.catchAll((cause) =>
          // Two processes may race to create the schema; the loser sees it exists.
          sql.unsafe(`SELECT 1 FROM ${tables.migrations} LIMIT 0`).pipe(Effect.mapError(() => cause))
        ),
        Effect.catchAll(() => Effect.void)
      )
    const migrate = Effect.gen(function* () {
      if (tables.dialect === "pg")
        yield* sql.unsafe(`SELECT pg_advisory_xact_lock(hashtext(${`'${tables.migrations.replace(/'/g, "''")}'`}))`)
      yield* sql.unsafe(
        `CREATE TABLE IF NOT EXISTS ${tables.migrations} (version ${int} PRIMARY KEY, name TEXT NOT NULL, applied_at ${int} NOT NULL)`
      )
      const rows = yield* sql.unsafe<{ version: number | string }>(`SELECT version FROM ${tables.migrations}`)
      const applied = new Set(rows.map((r) => Number(r.version)))
      const current = Math.max(0, ...applied)
      if (current > known)
        return yield* Effect.fail(
          new Store.StoreMigrationError({
            adapter,
            reason: `the database schema is at version ${current}, newer than the ${known} this adapter knows; upgrade the adapter (migrations are forward-only)`
          })
        )
      const pending = [...list].filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version)
      const now = yield* Clock.currentTimeMillis
      for (const migration of pending) {
        for (const statement of migration.statements(tables)) yield* sql.unsafe(statement)
        yield* sql`INSERT INTO ${sql.literal(tables.migrations)} (version, name, applied_at) VALUES (${migration.version}, ${migration.name}, ${now})`
      }
      return pending.map((m) => m.version)
    })
    return yield* sql
      .withTransaction(migrate)
      .pipe(
        Effect.catchTag("SqlError", (e) =>
          Effect.fail(
            failure(
              adapter,
              `a migration failed: ${e.message} ${String((e.cause as Error | undefined)?.message ?? "")}`
            )(e)
          )
        )
      )
  })
