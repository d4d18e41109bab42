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

/**
 * The Notifier conformance kit: `notifierConformance(name, harness, options)` registers the tests
 * every notifier adapter must pass.
 *
 * @since 0.1.0
 */
export * from "./NotifierConformance.js"
/**
 * Rendered sample messages of every kind, and invitations in bulk, for notifier tests.
 *
 * @since 0.1.0
 */
export * as NotifierSamples from "./notifier/Samples.js"
/**
 * Notifiers for tests: recording, and flaky as planned.
 *
 * @since 0.1.0
 */
export * as RecordingNotifier from "./notifier/Recording.js"
