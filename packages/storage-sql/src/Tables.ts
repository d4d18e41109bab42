/**
 * The names and dialect of the tables a SQL store uses: a prefix, and on PostgreSQL a schema.
 * Names are validated and quoted here, once, so no statement builds identifiers from input.
 *
 * @since 0.1.0
 */
import { Either } from "effect"

/**
 * The SQL dialects the shared store speaks.
 *
 * @since 0.1.0
 */
export type Dialect = "sqlite" | "pg"

/**
 * Where the store's tables live.
 *
 * @since 0.1.0
 */
export interface TableOptions {
  readonly dialect: Dialect
  /** PostgreSQL schema (created when missing); ignored on SQLite. Default `public` on PostgreSQL. */
  readonly schema?: string
  /** A prefix for every table name (default `grenzeloos_`). */
  readonly tablePrefix?: string
}

/**
 * Quoted, qualified table names, ready to be inlined into statements.
 *
 * @since 0.1.0
 */
export interface Tables {
  readonly dialect: Dialect
  /** The schema, quoted (PostgreSQL), or `undefined`. */
  readonly schema: string | undefined
  readonly records: string
  readonly indexes: string
  /** Unique index values: one row per (community, kind, field, value), naming the record holding it. */
  readonly unique: string
  readonly outbox: string
  readonly audit: string
  /** The last audit position of each community, raised (and locked) by every batch with audit entries. */
  readonly auditPositions: string
  readonly batches: string
  readonly migrations: string
  /** Unquoted name of an index or constraint, prefixed. */
  readonly name: (suffix: string) => string
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,40}$/

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Validates and quotes the table names; a schema or prefix that is not a plain identifier is
 * refused with the reason.
 *
 * @example
 * ```ts
 * import { Tables } from "@grenzeloos/storage-sql"
 *
 * const tables = Tables.make({ dialect: "pg", schema: "grenzeloos" }) // Either<Tables, string>
 * ```
 * @since 0.1.0
 */
export const make = (options: TableOptions): Either.Either<Tables, string> => {
  const prefix = options.tablePrefix ?? "grenzeloos_"
  if (prefix !== "" && !IDENTIFIER.test(prefix))
    return Either.left(`table prefix ${JSON.stringify(prefix)} must be letters, digits and _ (at most 41)`)
  const schema = options.dialect === "pg" ? (options.schema ?? "public") : undefined
  if (schema !== undefined && !IDENTIFIER.test(schema))
    return Either.left(`schema ${JSON.stringify(schema)} must be letters, digits and _ (at most 41)`)
  const qualified = (table: string) =>
    schema === undefined ? quote(`${prefix}${table}`) : `${quote(schema)}.${quote(`${prefix}${table}`)}`
  return Either.right({
    dialect: options.dialect,
    schema: schema === undefined ? undefined : quote(schema),
    records: qualified("records"),
    indexes: qualified("record_indexes"),
    unique: qualified("unique_values"),
    outbox: qualified("outbox"),
    audit: qualified("audit"),
    auditPositions: qualified("audit_positions"),
    batches: qualified("batches"),
    migrations: qualified("migrations"),
    name: (suffix) => `${prefix}${suffix}`
  })
}
