/**
 * The embedded default Store for Grenzeloos: SQLite through `@effect/sql-sqlite-node`.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The SQLite Store: `make`, `layer(config)` and `layerConfig`.
 *
 * @since 0.1.0
 */
export * as SqliteStore from "./SqliteStore.js"
