/**
 * A PostgreSQL Store for Grenzeloos through `@effect/sql-pg`.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The PostgreSQL Store: `make`, `layer(config)`, `layerConfig` and `clientLayer`.
 *
 * @since 0.1.0
 */
export * as PgStore from "./PgStore.js"
