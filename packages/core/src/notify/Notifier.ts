/**
 * The Notifier port: a transport that takes a rendered message and answers delivered, retry
 * later (with a reason) or failed for good. It never builds texts and never throws: an answer is
 * a value, and the dispatcher decides about retries and the dead-letter state.
 *
 * @since 0.1.0
 */
import { Context, Data, Effect, Layer } from "effect"
import type { Channel, RenderedMessage } from "./Message.js"

/**
 * The answer of a transport for one message.
 *
 * - `Delivered`: the receiver accepted it (`receipt` is what the receiver said, e.g. an SMTP reply).
 * - `RetryLater`: a transient failure; `retryAfterMs` when the receiver said when to come back.
 * - `FailedForGood`: retrying cannot help (a rejected address, a 4xx, a disabled endpoint).
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * const answer = Notifier.Delivery.RetryLater({ reason: "503 Service Unavailable", retryAfterMs: 30_000 })
 * ```
 * @since 0.1.0
 */
export type Delivery = Data.TaggedEnum<{
  Delivered: { readonly receipt?: string }
  RetryLater: { readonly reason: string; readonly retryAfterMs?: number }
  FailedForGood: { readonly reason: string }
}>

/**
 * Constructors and matchers of {@link Delivery}.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * const ok = Notifier.Delivery.Delivered({ receipt: "250 OK" })
 * Notifier.Delivery.$is("Delivered")(ok) // true
 * ```
 * @since 0.1.0
 */
export const Delivery = Data.taggedEnum<Delivery>()

/**
 * What a transport implements: the channels it serves and `send`, which never fails (every
 * outcome is a {@link Delivery}); a defect is treated by the dispatcher as `RetryLater`.
 *
 * @since 0.1.0
 */
export interface NotifierService {
  readonly channels: ReadonlyArray<Channel>
  readonly send: (message: RenderedMessage) => Effect.Effect<Delivery>
}

/**
 * The Notifier service tag.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Notifier } from "@grenzeloos/core"
 *
 * declare const message: Notifier.RenderedMessage
 * const program = Effect.flatMap(Notifier.Notifier, (notifier) => notifier.send(message))
 * ```
 * @since 0.1.0
 */
export class Notifier extends Context.Tag("@grenzeloos/core/Notifier")<Notifier, NotifierService>() {}

/**
 * One Notifier from several transports: each message goes to the first transport serving its
 * channel; a message for a channel nobody serves fails for good, naming the channel.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * declare const email: Notifier.NotifierService
 * declare const webhook: Notifier.NotifierService
 * const both = Notifier.route([email, webhook])
 * ```
 * @since 0.1.0
 */
export const route = (transports: ReadonlyArray<NotifierService>): NotifierService => {
  const byChannel = new Map<Channel, NotifierService>()
  for (const transport of transports)
    for (const channel of transport.channels) if (!byChannel.has(channel)) byChannel.set(channel, transport)
  return {
    channels: [...byChannel.keys()],
    send: (message) => {
      const transport = byChannel.get(message.channel)
      return transport === undefined
        ? Effect.succeed(
            Delivery.FailedForGood({
              reason: `no notifier is configured for the ${message.channel} channel (configured: ${[...byChannel.keys()].join(", ") || "none"})`
            })
          )
        : transport.send(message)
    }
  }
}

/**
 * A layer of the Notifier that routes to each of the given transports by channel.
 *
 * @example
 * ```ts
 * import { Layer } from "effect"
 * import { Notifier } from "@grenzeloos/core"
 *
 * declare const email: Notifier.NotifierService
 * const layer: Layer.Layer<Notifier.Notifier> = Notifier.layerRoute([email])
 * ```
 * @since 0.1.0
 */
export const layerRoute = (transports: ReadonlyArray<NotifierService>): Layer.Layer<Notifier> =>
  Layer.succeed(Notifier, route(transports))

/**
 * What a transport written with plain async functions returns: the same three answers as
 * plain objects.
 *
 * @since 0.1.0
 */
export type PromiseDelivery =
  | { readonly _tag: "Delivered"; readonly receipt?: string }
  | { readonly _tag: "RetryLater"; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly _tag: "FailedForGood"; readonly reason: string }

/**
 * A Notifier from a plain async `send` (for authors who do not use Effect). A rejected promise
 * counts as `RetryLater` with the error's message.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * const notifier = Notifier.fromPromise(["webhook"], async (message) => {
 *   await fetch("http://127.0.0.1:8080/hook", { method: "POST", body: JSON.stringify(message.event) })
 *   return { _tag: "Delivered" }
 * })
 * ```
 * @since 0.1.0
 */
export const fromPromise = (
  channels: ReadonlyArray<Channel>,
  send: (message: RenderedMessage) => Promise<PromiseDelivery>
): NotifierService => ({
  channels,
  send: (message) =>
    Effect.tryPromise(() => send(message)).pipe(
      Effect.map((answer): Delivery => answer),
      Effect.catchAll((error) =>
        Effect.succeed(
          Delivery.RetryLater({
            reason: error.cause instanceof Error ? error.cause.message : String(error.cause)
          })
        )
      )
    )
})
