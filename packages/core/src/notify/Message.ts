/**
 * The rendered message a Notifier receives: everything a transport needs and nothing it has to
 * build itself. The core renders it from a template (see `Templates`); adapters only carry it.
 * Its encoded form is plain JSON, which is what the outbox stores.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Email } from "../domain/Email.js"
import { CommunityId, MemberId } from "../domain/Ids.js"
import { Language } from "../domain/Language.js"

/**
 * The idempotency key of a message: unique per community, the outbox id, the e-mail
 * `Message-ID` and the `webhook-id`. A receiver that dedupes on it sees each message once.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * const key = Notifier.IdempotencyKey.make("gathering-invitation:g-2027-1:0:m-001:email")
 * ```
 * @since 0.1.0
 */
export const IdempotencyKey = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,127}$/, {
    message: (issue) =>
      `expected an idempotency key (1–128 characters: letters, digits and - _ . : ~, starting with a letter or digit), got ${JSON.stringify(issue.actual)}`
  }),
  Schema.brand("IdempotencyKey"),
  Schema.annotations({ identifier: "IdempotencyKey" })
)
/** @since 0.1.0 */
export type IdempotencyKey = typeof IdempotencyKey.Type

/**
 * The channel a message travels by; the dispatcher routes on it.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * const channel: Notifier.Channel = "email"
 * ```
 * @since 0.1.0
 */
export const Channel = Schema.Literal("email", "webhook").annotations({ identifier: "Channel" })
/** @since 0.1.0 */
export type Channel = typeof Channel.Type

/** Text that goes into a mail or HTTP header: no control characters (CR, LF, TAB, NUL, …) nor line separators. */
const HeaderText = Schema.String.pipe(
  Schema.pattern(/^[^\p{Cc}\u2028\u2029]*$/u, {
    message: () => "expected text without control characters (CR, LF, TAB, …): it goes into a mail header"
  })
)

/**
 * A recipient: a member (or facilitator) with the address, kept `Redacted` so it never reaches a
 * log in full.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { Domain, Notifier } from "@grenzeloos/core"
 *
 * const to: Notifier.Recipient = {
 *   memberId: Domain.MemberId.make("m-001"),
 *   name: "IJsbrand de Vries",
 *   email: Redacted.make(Domain.Email.make("ijsbrand@example.nl"))
 * }
 * ```
 * @since 0.1.0
 */
export const Recipient = Schema.Struct({
  memberId: MemberId,
  name: HeaderText.pipe(Schema.minLength(1), Schema.maxLength(200)),
  email: Schema.Redacted(Email)
}).annotations({ identifier: "Recipient" })
/** @since 0.1.0 */
export type Recipient = typeof Recipient.Type

/**
 * An attachment. A calendar invitation names its iTIP `calendarMethod`, so that an e-mail
 * transport can send it as a `text/calendar; method=…` part that clients offer to accept.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * const ics: Notifier.Attachment = {
 *   filename: "uitnodiging.ics",
 *   contentType: "text/calendar; charset=utf-8; method=REQUEST",
 *   content: "BEGIN:VCALENDAR\r\n…",
 *   calendarMethod: "REQUEST"
 * }
 * ```
 * @since 0.1.0
 */
export const Attachment = Schema.Struct({
  filename: Schema.String.pipe(Schema.pattern(/^[^/\\\r\n]{1,200}$/)),
  contentType: Schema.String.pipe(Schema.minLength(1)),
  /** UTF-8 text. */
  content: Schema.String,
  calendarMethod: Schema.optionalWith(Schema.Literal("REQUEST", "CANCEL", "PUBLISH"), { exact: true })
}).annotations({ identifier: "Attachment" })
/** @since 0.1.0 */
export type Attachment = typeof Attachment.Type

/**
 * The structured domain event a message came from; a webhook carries it as its JSON body.
 * It holds ids and facts, never e-mail addresses.
 *
 * @example
 * ```ts
 * import { Domain, Notifier } from "@grenzeloos/core"
 *
 * const event: Notifier.DomainEvent = {
 *   type: "gathering.invited",
 *   communityId: Domain.CommunityId.make("rijk"),
 *   subject: { kind: "gathering", id: "g-2027-1" },
 *   occurredAt: "2027-01-10T09:00:00.000Z",
 *   data: { memberId: "m-001", sequence: 0 }
 * }
 * ```
 * @since 0.1.0
 */
export const DomainEvent = Schema.Struct({
  /** e.g. `gathering.invited`, `group.placed`, `vote.requested`. */
  type: Schema.String.pipe(Schema.pattern(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/)),
  communityId: CommunityId,
  subject: Schema.Struct({ kind: Schema.String, id: Schema.String }),
  /** ISO 8601 in UTC. */
  occurredAt: Schema.String,
  /** Any JSON value. */
  data: Schema.Unknown
}).annotations({ identifier: "DomainEvent" })
/** @since 0.1.0 */
export type DomainEvent = typeof DomainEvent.Type

/**
 * A message ready to send: the idempotency key, the channel, the recipients, the subject and text
 * (and HTML for e-mail), attachments, and the domain event it came from.
 *
 * @example
 * ```ts
 * import { Either, Schema } from "effect"
 * import { Notifier } from "@grenzeloos/core"
 *
 * declare const payload: unknown // read from the outbox
 * const message = Schema.decodeUnknownEither(Notifier.RenderedMessage)(payload)
 * if (Either.isRight(message)) console.log(message.right.subject)
 * ```
 * @since 0.1.0
 */
export const RenderedMessage = Schema.Struct({
  idempotencyKey: IdempotencyKey,
  channel: Channel,
  language: Language,
  recipients: Schema.NonEmptyArray(Recipient),
  subject: HeaderText.pipe(Schema.minLength(1), Schema.maxLength(998)),
  text: Schema.String,
  html: Schema.optionalWith(Schema.String, { exact: true }),
  attachments: Schema.Array(Attachment),
  event: DomainEvent
}).annotations({ identifier: "RenderedMessage" })
/** @since 0.1.0 */
export type RenderedMessage = typeof RenderedMessage.Type
/** The JSON form of a rendered message, as the outbox stores it. @since 0.1.0 */
export type EncodedMessage = typeof RenderedMessage.Encoded

/**
 * The outbox topic of messages for a channel (`notify.email`, `notify.webhook`).
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * Notifier.topicOf("email") // "notify.email"
 * ```
 * @since 0.1.0
 */
export const topicOf = (channel: Channel): string => `notify.${channel}`

/**
 * Masks an e-mail address for logs and error texts: `ijsbrand@example.nl` becomes `i…@example.nl`.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * Notifier.maskAddress("ijsbrand@example.nl") // "i…@example.nl"
 * ```
 * @since 0.1.0
 */
export const maskAddress = (address: string): string => {
  const at = address.lastIndexOf("@")
  if (at <= 0) return "…"
  return `${address.slice(0, 1)}…${address.slice(at)}`
}
