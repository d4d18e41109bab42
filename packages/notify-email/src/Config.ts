/**
 * The configuration of the e-mail notifier, decoded with `effect/Schema` (every problem with its
 * path) or read from the environment.
 *
 * @since 0.1.0
 */
import { ConfigError, Config as EffectConfig, Either, Option, Schema } from "effect"

const Address = Schema.String.pipe(
  Schema.pattern(/^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+\.[^\s@<>"(),;:\\[\]]+$/, {
    message: () => "expected an e-mail address such as team@grenzeloos.example"
  })
)

/**
 * The SMTP server and the sender: host, port, TLS (`secure` for implicit TLS on 465,
 * `requireTLS` to insist on STARTTLS), optional authentication, the pool size and timeouts.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { EmailConfig } from "@grenzeloos/notify-email"
 *
 * const config = Schema.decodeUnknownSync(EmailConfig.EmailConfig)({
 *   host: "127.0.0.1",
 *   port: 2525,
 *   from: { name: "Programmateam Grenzeloos", address: "team@grenzeloos.example" }
 * })
 * ```
 * @since 0.1.0
 */
export const EmailConfig = Schema.Struct({
  host: Schema.String.pipe(Schema.minLength(1)),
  port: Schema.Int.pipe(Schema.between(1, 65_535)),
  /** Implicit TLS from the first byte (port 465); default false. */
  secure: Schema.optionalWith(Schema.Boolean, { exact: true }),
  /** Refuse to send unless the server offers STARTTLS; default false. */
  requireTLS: Schema.optionalWith(Schema.Boolean, { exact: true }),
  /** Accept a certificate that does not verify (a test server); default false. */
  allowUnverifiedCertificate: Schema.optionalWith(Schema.Boolean, { exact: true }),
  auth: Schema.optionalWith(Schema.Struct({ user: Schema.String, pass: Schema.Redacted(Schema.String) }), {
    exact: true
  }),
  from: Schema.Struct({ name: Schema.String, address: Address }),
  /** The domain of the Message-ID; the sender's domain by default. */
  messageIdDomain: Schema.optionalWith(Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9.-]+$/)), { exact: true }),
  /** Open SMTP connections at most (default 4). */
  maxConnections: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 100)), { exact: true }),
  /** Connection, greeting and socket timeout (default 30 000 ms). */
  timeoutMs: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 600_000)), { exact: true })
}).annotations({ identifier: "EmailConfig" })
/** @since 0.1.0 */
export type EmailConfig = typeof EmailConfig.Type

/**
 * The configuration from the environment: `GRENZELOOS_SMTP_HOST`, `GRENZELOOS_SMTP_PORT`,
 * `GRENZELOOS_SMTP_FROM_ADDRESS`, and optionally `GRENZELOOS_SMTP_FROM_NAME`,
 * `GRENZELOOS_SMTP_SECURE`, `GRENZELOOS_SMTP_REQUIRE_TLS`, `GRENZELOOS_SMTP_USER`,
 * `GRENZELOOS_SMTP_PASS`, `GRENZELOOS_SMTP_MAX_CONNECTIONS`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EmailConfig } from "@grenzeloos/notify-email"
 *
 * const program = Effect.map(EmailConfig.fromEnv, (config) => config.host)
 * ```
 * @since 0.1.0
 */
export const fromEnv: EffectConfig.Config<EmailConfig> = EffectConfig.nested(
  EffectConfig.all({
    host: EffectConfig.string("HOST"),
    port: EffectConfig.integer("PORT"),
    fromAddress: EffectConfig.string("FROM_ADDRESS"),
    fromName: EffectConfig.withDefault(EffectConfig.string("FROM_NAME"), "Grenzeloos"),
    secure: EffectConfig.withDefault(EffectConfig.boolean("SECURE"), false),
    requireTLS: EffectConfig.withDefault(EffectConfig.boolean("REQUIRE_TLS"), false),
    user: EffectConfig.option(EffectConfig.string("USER")),
    pass: EffectConfig.option(EffectConfig.redacted("PASS")),
    maxConnections: EffectConfig.option(EffectConfig.integer("MAX_CONNECTIONS"))
  }),
  "GRENZELOOS_SMTP"
).pipe(
  EffectConfig.mapOrFail((raw) =>
    Schema.decodeUnknownEither(EmailConfig)({
      host: raw.host,
      port: raw.port,
      secure: raw.secure,
      requireTLS: raw.requireTLS,
      from: { name: raw.fromName, address: raw.fromAddress },
      ...(Option.isSome(raw.user) && Option.isSome(raw.pass)
        ? { auth: { user: raw.user.value, pass: raw.pass.value } }
        : {}),
      ...(Option.isSome(raw.maxConnections) ? { maxConnections: raw.maxConnections.value } : {})
    }).pipe(Either.mapLeft((error) => ConfigError.InvalidData(["GRENZELOOS_SMTP"], error.message)))
  )
)
