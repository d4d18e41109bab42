/**
 * Test kit for Grenzeloos: a seeded synthetic community, schema-derived arbitraries, and the
 * conformance suites that adapters must pass.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * fast-check arbitraries derived from the domain schemas.
 *
 * @since 0.1.0
 */
export * as Arbitraries from "./Arbitraries.js"

/**
 * A seeded, realistic synthetic community.
 *
 * @since 0.1.0
 */
export * as Synthetic from "./Synthetic.js"
