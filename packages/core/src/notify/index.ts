/**
 * Notifications: the Notifier port, the rendered message, the templates (Dutch and English) and
 * the console notifier.
 *
 * @since 0.1.0
 */
export * as ConsoleNotifier from "./ConsoleNotifier.js"
export * from "./Message.js"
export * from "./Notifier.js"
export * from "./Templates.js"
