/**
 * The webhook notifier: an HTTP POST of the domain event as JSON, signed according to the
 * Standard Webhooks specification (`webhook-id` is the idempotency key, `webhook-timestamp`,
 * `webhook-signature`). 2xx is delivered; 5xx, 429, timeouts and connection errors are retried
 * (`Retry-After` honoured); 410 Gone disables the endpoint; other 3xx and 4xx fail for good.
 *
 * @since 0.1.0
 */
import * as http from "node:http"
import * as https from "node:https"
import { Notifier } from "@grenzeloos/core"
import { Clock, Effect, Layer, type Scope } from "effect"
import { fromEnv, type WebhookConfig } from "./Config.js"
import * as Signature from "./Signature.js"

/**
 * Hooks of the webhook notifier.
 *
 * @since 0.1.0
 */
export interface Options {
  /** Called once when the receiver answers 410 Gone, e.g. to store that the endpoint is disabled. */
  readonly onDisabled?: (url: string) => Effect.Effect<void>
}

interface Answer {
  readonly status: number
  readonly retryAfter: string | undefined
}

/**
 * The JSON body of a message: `type`, `timestamp` and `data` as Standard Webhooks recommends.
 * It carries member ids and the event's facts, never e-mail addresses.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 * import { WebhookNotifier } from "@grenzeloos/notify-webhook"
 *
 * declare const message: Notifier.RenderedMessage
 * const body = WebhookNotifier.body(message) // '{"type":"gathering.invited",…}'
 * ```
 * @since 0.1.0
 */
export const body = (message: Notifier.RenderedMessage): string =>
  JSON.stringify({
    type: message.event.type,
    timestamp: message.event.occurredAt,
    data: {
      id: message.idempotencyKey,
      communityId: message.event.communityId,
      subject: message.event.subject,
      memberIds: message.recipients.map((r) => r.memberId),
      language: message.language,
      details: message.event.data
    }
  })

/** Seconds or an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
const retryAfterMs = (value: string | undefined, now: number): number | undefined => {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

const post = (
  url: URL,
  agent: http.Agent,
  headers: Readonly<Record<string, string>>,
  payload: string,
  timeoutMs: number
): Effect.Effect<Answer, Error> =>
  Effect.async<Answer, Error>((resume) => {
    let settled = false
    const finish = (result: Effect.Effect<Answer, Error>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resume(result)
    }
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(payload)) } },
      (response) => {
        const retryAfter = response.headers["retry-after"]
        response.resume()
        response.on("end", () => finish(Effect.succeed({ status: response.statusCode ?? 0, retryAfter })))
        response.on("error", (error) => finish(Effect.fail(error)))
      }
    )
    // A wall-clock bound on the whole exchange, independent of the Effect clock.
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
    request.on("error", (error) => finish(Effect.fail(error)))
    request.end(payload)
    return Effect.sync(() => request.destroy())
  })

const describe = (url: URL) => `${url.origin}${url.pathname}`

/**
 * Makes a webhook notifier; its connection pool is closed with the scope.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { WebhookNotifier } from "@grenzeloos/notify-webhook"
 *
 * const notifier = WebhookNotifier.make({
 *   url: "http://127.0.0.1:8080/hooks/grenzeloos",
 *   secrets: [Redacted.make("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
 * })
 * const program = Effect.scoped(Effect.map(notifier, (n) => n.channels)) // ["webhook"]
 * ```
 * @since 0.1.0
 */
export const make = (
  config: WebhookConfig,
  options: Options = {}
): Effect.Effect<Notifier.NotifierService, never, Scope.Scope> =>
  Effect.gen(function* () {
    const url = new URL(config.url)
    const timeoutMs = config.timeoutMs ?? 10_000
    const maxSockets = config.maxConnections ?? 8
    const agent = yield* Effect.acquireRelease(
      Effect.sync(() =>
        url.protocol === "https:"
          ? new https.Agent({ keepAlive: true, maxSockets })
          : new http.Agent({ keepAlive: true, maxSockets })
      ),
      (agent) => Effect.sync(() => agent.destroy())
    )
    let disabled = false
    const send = (message: Notifier.RenderedMessage): Effect.Effect<Notifier.Delivery> =>
      Effect.gen(function* () {
        if (disabled)
          return Notifier.Delivery.FailedForGood({
            reason: `the endpoint ${describe(url)} is disabled: it answered 410 Gone`
          })
        const now = yield* Clock.currentTimeMillis
        const timestamp = Math.floor(now / 1_000)
        const payload = body(message)
        const answer = yield* Effect.either(
          post(
            url,
            agent,
            {
              "content-type": "application/json",
              "user-agent": "grenzeloos-notify-webhook",
              "webhook-id": message.idempotencyKey,
              "webhook-timestamp": String(timestamp),
              "webhook-signature": Signature.header(config.secrets, message.idempotencyKey, timestamp, payload)
            },
            payload,
            timeoutMs
          )
        )
        if (answer._tag === "Left")
          return Notifier.Delivery.RetryLater({ reason: `POST ${describe(url)} failed: ${answer.left.message}` })
        const { status, retryAfter } = answer.right
        const reason = `POST ${describe(url)} answered ${status}`
        if (status >= 200 && status < 300) return Notifier.Delivery.Delivered({ receipt: `HTTP ${status}` })
        if (status === 410) {
          if (!disabled) {
            disabled = true
            if (options.onDisabled !== undefined) yield* options.onDisabled(config.url)
          }
          return Notifier.Delivery.FailedForGood({ reason: `${reason} (Gone): the endpoint is disabled` })
        }
        if (status === 429 || status >= 500) {
          const after = retryAfterMs(retryAfter, now)
          return Notifier.Delivery.RetryLater(after === undefined ? { reason } : { reason, retryAfterMs: after })
        }
        return Notifier.Delivery.FailedForGood({ reason })
      }).pipe(Effect.withSpan("WebhookNotifier.send"))
    return { channels: ["webhook"], send }
  })

/**
 * A layer of the Notifier posting to one webhook receiver.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { WebhookNotifier } from "@grenzeloos/notify-webhook"
 *
 * const layer = WebhookNotifier.layer({
 *   url: "http://127.0.0.1:8080/hooks/grenzeloos",
 *   secrets: [Redacted.make("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
 * })
 * ```
 * @since 0.1.0
 */
export const layer = (config: WebhookConfig, options: Options = {}): Layer.Layer<Notifier.Notifier> =>
  Layer.scoped(Notifier.Notifier, make(config, options))

/**
 * A layer of the Notifier configured from the environment (see `WebhookConfig.fromEnv`).
 *
 * @example
 * ```ts
 * import { WebhookNotifier } from "@grenzeloos/notify-webhook"
 *
 * const layer = WebhookNotifier.layerConfig
 * ```
 * @since 0.1.0
 */
export const layerConfig = Layer.scoped(
  Notifier.Notifier,
  Effect.flatMap(fromEnv, (config) => make(config))
)
