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
 * The Store conformance kit: `storeConformance(name, makeLayer, options)` registers the tests
 * every storage adapter must pass.
 *
 * @since 0.1.0
 */
export * from "./StoreConformance.js"
/**
 * A seeded, realistic synthetic community.
 *
 * @since 0.1.0
 */
export * as Synthetic from "./Synthetic.js"

/**
 * A clock the test moves by hand (sleeps stay real), for lease and retry times.
 *
 * @since 0.1.0
 */
export * as ManualClock from "./store/ManualClock.js"
