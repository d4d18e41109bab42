/**
 * `@grenzeloos/notify-email`: SMTP with iCalendar invitations for Grenzeloos notifications.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The configuration schema and its environment variables.
 *
 * @since 0.1.0
 */
export * as EmailConfig from "./Config.js"
/**
 * The notifier: `make`, `layer` and `layerConfig`.
 *
 * @since 0.1.0
 */
export * as EmailNotifier from "./EmailNotifier.js"
/**
 * The Message-ID derived from the idempotency key.
 *
 * @since 0.1.0
 */
export * as MessageId from "./MessageId.js"
