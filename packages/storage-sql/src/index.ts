/**
 * The shared SQL implementation of the Grenzeloos Store port on `@effect/sql`: the driver, the
 * versioned forward-only migrations and the table names, for SQLite and PostgreSQL.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Versioned, forward-only schema migrations, run on start-up by default.
 *
 * @since 0.1.0
 */
export * as Migrations from "./Migrations.js"

/**
 * The Store driver over an `SqlClient`.
 *
 * @since 0.1.0
 */
export * as SqlStore from "./SqlStore.js"

/**
 * Validated, quoted table names per dialect.
 *
 * @since 0.1.0
 */
export * as Tables from "./Tables.js"
