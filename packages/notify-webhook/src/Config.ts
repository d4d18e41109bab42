/**
 * The configuration of the webhook notifier, decoded with `effect/Schema` (every problem with its
 * path) or read from the environment.
 *
 * @since 0.1.0
 */
import { ConfigError, Config as EffectConfig, Either, Schema } from "effect"

const Secret = Schema.Redacted(
  Schema.String.pipe(
    Schema.pattern(/^whsec_[A-Za-z0-9+/]{22,}={0,2}$/, {
      message: () => "expected a Standard Webhooks secret: whsec_ followed by base64 (at least 16 bytes)"
    })
  )
)

/**
 * Where and how to post: the receiver's URL, the signing secrets (the first is current; list the
 * next one too while rotating), the timeout and the bound on open connections.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { WebhookConfig } from "@grenzeloos/notify-webhook"
 *
 * const config = Schema.decodeUnknownSync(WebhookConfig.WebhookConfig)({
 *   url: "http://127.0.0.1:8080/hooks/grenzeloos",
 *   secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]
 * })
 * ```
 * @since 0.1.0
 */
export const WebhookConfig = Schema.Struct({
  url: Schema.String.pipe(
    Schema.pattern(/^https?:\/\/[^\s]+$/, { message: () => "expected an http:// or https:// URL" })
  ),
  secrets: Schema.NonEmptyArray(Secret),
  /** Per request, connect to last byte (default 10 000 ms). */
  timeoutMs: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 600_000)), { exact: true }),
  /** Open connections at most (default 8). */
  maxConnections: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 1_000)), { exact: true })
}).annotations({ identifier: "WebhookConfig" })
/** @since 0.1.0 */
export type WebhookConfig = typeof WebhookConfig.Type

/**
 * The configuration from the environment: `GRENZELOOS_WEBHOOK_URL`, `GRENZELOOS_WEBHOOK_SECRETS`
 * (comma-separated), and optionally `GRENZELOOS_WEBHOOK_TIMEOUT_MS` and
 * `GRENZELOOS_WEBHOOK_MAX_CONNECTIONS`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { WebhookConfig } from "@grenzeloos/notify-webhook"
 *
 * const program = Effect.map(WebhookConfig.fromEnv, (config) => config.url)
 * ```
 * @since 0.1.0
 */
export const fromEnv: EffectConfig.Config<WebhookConfig> = EffectConfig.nested(
  EffectConfig.all({
    url: EffectConfig.string("URL"),
    secrets: EffectConfig.string("SECRETS"),
    timeoutMs: EffectConfig.option(EffectConfig.integer("TIMEOUT_MS")),
    maxConnections: EffectConfig.option(EffectConfig.integer("MAX_CONNECTIONS"))
  }),
  "GRENZELOOS_WEBHOOK"
).pipe(
  EffectConfig.mapOrFail((raw) =>
    Schema.decodeUnknownEither(WebhookConfig)({
      url: raw.url,
      secrets: raw.secrets.split(",").map((s) => s.trim()),
      ...(raw.timeoutMs._tag === "Some" ? { timeoutMs: raw.timeoutMs.value } : {}),
      ...(raw.maxConnections._tag === "Some" ? { maxConnections: raw.maxConnections.value } : {})
    }).pipe(Either.mapLeft((error) => ConfigError.InvalidData(["GRENZELOOS_WEBHOOK"], error.message)))
  )
)
