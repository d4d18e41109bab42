/**
 * The `Message-ID` of a message, derived from its idempotency key so that a resend after a lost
 * acknowledgement carries the same id (RFC 5322 §3.6.4): the key with `:` written as `=` (a
 * colon may not appear in the id's left part), `@`, and a domain.
 *
 * @since 0.1.0
 */

/**
 * The Message-ID (with angle brackets) of an idempotency key.
 *
 * @example
 * ```ts
 * import { MessageId } from "@grenzeloos/notify-email"
 *
 * MessageId.of("gathering-invitation:g-1:0:m-1:email", "grenzeloos.example")
 * // "<gathering-invitation=g-1=0=m-1=email@grenzeloos.example>"
 * ```
 * @since 0.1.0
 */
export const of = (key: string, domain: string): string => `<${key.replace(/:/g, "=")}@${domain}>`

/**
 * The idempotency key back from a Message-ID (with or without angle brackets), for a receiver
 * that dedupes.
 *
 * @example
 * ```ts
 * import { MessageId } from "@grenzeloos/notify-email"
 *
 * MessageId.keyOf("<gathering-invitation=g-1=0=m-1=email@grenzeloos.example>") // "gathering-invitation:g-1:0:m-1:email"
 * ```
 * @since 0.1.0
 */
export const keyOf = (messageId: string): string => {
  const bare = messageId.trim().replace(/^</, "").replace(/>$/, "")
  const at = bare.lastIndexOf("@")
  return (at < 0 ? bare : bare.slice(0, at)).replace(/=/g, ":")
}
