/**
 * The conformance suites of the ports, which register vitest tests: import this entry only from
 * test files (vitest cannot be loaded outside its runner, so `@grenzeloos/testkit` itself does not
 * load it).
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The Notifier conformance kit: `notifierConformance(name, harness, options)` registers the tests
 * every notifier adapter must pass.
 *
 * @since 0.1.0
 */
export * from "./NotifierConformance.js"
/**
 * The end-to-end suite of the use cases: a full quarter and the next, access, export, erasure,
 * the Woo export and the audit log, against any Store.
 *
 * @since 0.1.0
 */
export * from "./QuarterSuite.js"
/**
 * The Store conformance kit: `storeConformance(name, makeLayer, options)` registers the tests
 * every storage adapter must pass.
 *
 * @since 0.1.0
 */
export * from "./StoreConformance.js"
