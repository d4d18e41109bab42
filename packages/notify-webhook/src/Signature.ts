/**
 * Standard Webhooks signatures: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the
 * secret (the base64 after `whsec_`). With several secrets, one signature per secret, separated by
 * spaces, so a receiver can rotate keys without missing a message.
 *
 * Source: Standard Webhooks specification (standardwebhooks.com, 2023), "Signature scheme".
 *
 * @since 0.1.0
 */
import { createHmac } from "node:crypto"
import { Redacted } from "effect"

/**
 * The HMAC-SHA256 signature (`v1,<base64>`) of one message under one `whsec_` secret.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Signature } from "@grenzeloos/notify-webhook"
 *
 * Signature.sign(Redacted.make("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}')
 * // "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
 * ```
 * @since 0.1.0
 */
export const sign = (secret: Redacted.Redacted<string>, id: string, timestampSeconds: number, body: string): string => {
  const key = Buffer.from(Redacted.value(secret).replace(/^whsec_/, ""), "base64")
  return `v1,${createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`
}

/**
 * The `webhook-signature` header: one signature per secret, separated by spaces.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Signature } from "@grenzeloos/notify-webhook"
 *
 * const header = Signature.header([Redacted.make("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")], "msg_1", 1614265330, "{}")
 * ```
 * @since 0.1.0
 */
export const header = (
  secrets: ReadonlyArray<Redacted.Redacted<string>>,
  id: string,
  timestampSeconds: number,
  body: string
): string => secrets.map((secret) => sign(secret, id, timestampSeconds, body)).join(" ")
