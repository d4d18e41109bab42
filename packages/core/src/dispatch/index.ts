/**
 * The outbox dispatcher: delivers committed messages through the Notifier with leases, retries
 * with backoff and jitter, and a dead-letter state.
 *
 * @since 0.1.0
 */
export * from "./Dispatcher.js"
