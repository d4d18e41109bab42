/**
 * Test kit for Grenzeloos: a seeded synthetic community, schema-derived arbitraries and test
 * doubles. This entry does not load vitest, so scripts and demos can use it; the conformance
 * suites (which register vitest tests) are in `@grenzeloos/testkit/vitest`.
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
 * A TCP proxy on 127.0.0.1 that refuses, black-holes, answers and hangs up, or drops a
 * connection mid-request or after it: fault injection between a real client and a real server.
 *
 * @since 0.1.0
 */
export * as FaultProxy from "./faults/FaultProxy.js"
/**
 * One outage measured end to end through the dispatcher: lost messages, duplicates, recovery
 * time and CPU while the receiver is down.
 *
 * @since 0.1.0
 */
export * as Outage from "./faults/Outage.js"
/**
 * Notifiers for tests: recording, and flaky as planned.
 *
 * @since 0.1.0
 */
export * as RecordingNotifier from "./notifier/Recording.js"
/**
 * Rendered sample messages of every kind, and invitations in bulk, for notifier tests.
 *
 * @since 0.1.0
 */
export * as NotifierSamples from "./notifier/Samples.js"
/**
 * One quarter of a community run through the use cases on a simulated clock: the demo, the
 * end-to-end suite and the cycle benchmark share it.
 *
 * @since 0.1.0
 */
export * as Scenario from "./Scenario.js"
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
