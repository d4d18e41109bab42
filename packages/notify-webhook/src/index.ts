/**
 * `@grenzeloos/notify-webhook`: signed webhooks (Standard Webhooks) for Grenzeloos notifications.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The configuration schema and its environment variables.
 *
 * @since 0.1.0
 */
export * as WebhookConfig from "./Config.js"
/**
 * Standard Webhooks signatures.
 *
 * @since 0.1.0
 */
export * as Signature from "./Signature.js"
/**
 * The notifier: `make`, `layer` and `layerConfig`.
 *
 * @since 0.1.0
 */
export * as WebhookNotifier from "./WebhookNotifier.js"
