/**
 * Grenzeloos: the domain, engines and plugin SDK for a cross-government community of programme
 * directors.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The domain model: records, branded ids and decoding with paths.
 *
 * @since 0.1.0
 */
export * as Domain from "./domain/index.js"

/**
 * Seeded randomness for the deterministic engines.
 *
 * @since 0.1.0
 */
export * as Rng from "./random/index.js"
