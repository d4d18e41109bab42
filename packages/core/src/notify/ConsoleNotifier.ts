/**
 * A Notifier for development and the demo: it prints each rendered message to the console and
 * answers `Delivered`. Addresses are shown masked (`i…@example.nl`), never in full.
 *
 * @since 0.1.0
 */
import { Console, Effect, Layer, Redacted } from "effect"
import { type Channel, maskAddress, type RenderedMessage } from "./Message.js"
import { Delivery, Notifier, type NotifierService } from "./Notifier.js"

/**
 * The text the console notifier prints for a message (addresses masked).
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * declare const message: Notifier.RenderedMessage
 * console.log(Notifier.ConsoleNotifier.format(message))
 * ```
 * @since 0.1.0
 */
export const format = (message: RenderedMessage): string => {
  const to = message.recipients.map((r) => `${r.name} <${maskAddress(Redacted.value(r.email))}>`).join(", ")
  return [
    `── ${message.channel} ${message.idempotencyKey} (${message.event.type})`,
    `To: ${to}`,
    `Subject: ${message.subject}`,
    "",
    message.text,
    ...message.attachments.map((a) => `[attachment ${a.filename}: ${a.contentType}, ${a.content.length} characters]`)
  ].join("\n")
}

/**
 * A console notifier serving the given channels (both by default).
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * const notifier = Notifier.ConsoleNotifier.make()
 * ```
 * @since 0.1.0
 */
export const make = (channels: ReadonlyArray<Channel> = ["email", "webhook"]): NotifierService => ({
  channels,
  send: (message) => Effect.as(Console.log(format(message)), Delivery.Delivered({ receipt: "printed" }))
})

/**
 * A layer of the Notifier that prints every message.
 *
 * @example
 * ```ts
 * import { Layer } from "effect"
 * import { Notifier } from "@grenzeloos/core"
 *
 * const layer: Layer.Layer<Notifier.Notifier> = Notifier.ConsoleNotifier.layer
 * ```
 * @since 0.1.0
 */
export const layer: Layer.Layer<Notifier> = Layer.succeed(Notifier, make())
