/**
 * The e-mail notifier: SMTP through nodemailer with a pool of at most `maxConnections`
 * connections. The text and HTML come rendered from the core; an iCalendar attachment is sent as
 * a `text/calendar; method=…` alternative (and as an `.ics` file), so mail clients offer to accept
 * or decline. The `Message-ID` is derived from the idempotency key.
 *
 * SMTP cannot dedupe: when the connection drops after the server accepted a message, the
 * dispatcher sends it again and the recipient may get it twice, with the same Message-ID. The
 * e-mail channel is at-least-once.
 *
 * @since 0.1.0
 */
import * as net from "node:net"
import { Notifier } from "@grenzeloos/core"
import { Duration, Effect, Layer, Redacted, type Scope } from "effect"
import nodemailer from "nodemailer"
import { type EmailConfig, fromEnv } from "./Config.js"
import * as MessageId from "./MessageId.js"

/**
 * What an SMTP failure carries, as nodemailer reports it: the message, nodemailer's error code
 * (`ECONNECTION`, `ETIMEDOUT`, `EAUTH`, …) and the server's reply code, if any.
 *
 * @since 0.1.0
 */
export interface SmtpError {
  readonly message: string
  readonly code?: string
  readonly responseCode?: number
}

const ADDRESS = /[^\s<>"'(),;:@]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g

/** An error text without full addresses in it (servers quote the rejected recipient). */
const masked = (text: string) => text.replace(ADDRESS, (address) => Notifier.maskAddress(address))

/**
 * How an SMTP failure is answered: a 5xx reply to the message or its recipients fails for good;
 * 4xx replies, authentication problems, timeouts and connection errors are retried.
 *
 * @example
 * ```ts
 * import { EmailNotifier } from "@grenzeloos/notify-email"
 *
 * EmailNotifier.classify({ message: "550 5.1.1 user unknown", code: "EENVELOPE", responseCode: 550 })._tag // "FailedForGood"
 * ```
 * @since 0.1.0
 */
export const classify = (error: SmtpError): Notifier.Delivery => {
  const reason = masked(
    `${error.code === undefined ? "" : `${error.code}: `}${error.message}`.replace(/\s+/g, " ").slice(0, 1_000)
  )
  const permanent =
    error.responseCode !== undefined && error.responseCode >= 500 && error.responseCode < 600 && error.code !== "EAUTH"
  return permanent ? Notifier.Delivery.FailedForGood({ reason }) : Notifier.Delivery.RetryLater({ reason })
}

const toSmtpError = (cause: unknown): SmtpError => {
  if (cause instanceof Error) {
    const { code, responseCode } = cause as Error & { code?: unknown; responseCode?: unknown }
    return {
      message: cause.message,
      ...(typeof code === "string" ? { code } : {}),
      ...(typeof responseCode === "number" ? { responseCode } : {})
    }
  }
  return { message: String(cause) }
}

/**
 * Makes an e-mail notifier; its connection pool is closed with the scope.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EmailNotifier } from "@grenzeloos/notify-email"
 *
 * const notifier = EmailNotifier.make({
 *   host: "127.0.0.1",
 *   port: 2525,
 *   from: { name: "Programmateam Grenzeloos", address: "team@grenzeloos.example" }
 * })
 * const program = Effect.scoped(Effect.map(notifier, (n) => n.channels)) // ["email"]
 * ```
 * @since 0.1.0
 */
export const make = (config: EmailConfig): Effect.Effect<Notifier.NotifierService, never, Scope.Scope> =>
  Effect.gen(function* () {
    const timeoutMs = config.timeoutMs ?? 30_000
    // Connecting, the greeting and the dialogue each have `timeoutMs`; the whole message at most four.
    const sendTimeoutMs = 4 * timeoutMs
    const transporter = yield* Effect.acquireRelease(
      Effect.sync(() =>
        nodemailer.createTransport({
          pool: true,
          maxConnections: config.maxConnections ?? 4,
          maxMessages: 1_000,
          host: config.host,
          port: config.port,
          secure: config.secure ?? false,
          requireTLS: config.requireTLS ?? false,
          ...(config.auth === undefined
            ? {}
            : { auth: { user: config.auth.user, pass: Redacted.value(config.auth.pass) } }),
          ...(config.allowUnverifiedCertificate === true ? { tls: { rejectUnauthorized: false } } : {}),
          // TCP_NODELAY: without it every message waits on Nagle's algorithm against the server's
          // delayed ACK (about 40 ms a message; 1,000 e-mails took 12.4 s instead of 2.2 s).
          // nodemailer does not set it. Our socket is only ever handed over connected: when our
          // connect fails or times out, nodemailer gets no socket and connects (and fails) itself,
          // through the path that frees its pool slot. Answering the hook with an error made the
          // pool keep a slot for every failed connect, so after `maxConnections` failures every
          // later e-mail hung (issue 13, decision 0055).
          getSocket: (_options: unknown, callback: (error: Error | null, socketOptions: object) => void) => {
            if (config.secure === true) return callback(null, {})
            let answered = false
            const answer = (socketOptions: object) => {
              if (answered) return
              answered = true
              callback(null, socketOptions)
            }
            const socket = net.connect({ host: config.host, port: config.port, noDelay: true }, () => {
              socket.setTimeout(0)
              answer({ connection: socket })
            })
            socket.setTimeout(timeoutMs, () => socket.destroy())
            socket.once("error", () => answer({}))
            socket.once("close", () => answer({}))
          },
          connectionTimeout: timeoutMs,
          greetingTimeout: timeoutMs,
          socketTimeout: timeoutMs
        })
      ),
      (transporter) => Effect.sync(() => transporter.close())
    )
    // At most one send per pool connection: nothing waits in nodemailer's own queue, so the time
    // bound below only ever cuts a send that is on a connection. A send cut off while it waited
    // in that queue would still go out later, and the dispatcher's retry would make a duplicate.
    const permits = yield* Effect.makeSemaphore(config.maxConnections ?? 4)
    const domain = config.messageIdDomain ?? config.from.address.slice(config.from.address.lastIndexOf("@") + 1)

    const send = (message: Notifier.RenderedMessage): Effect.Effect<Notifier.Delivery> => {
      const calendar = message.attachments.find((a) => a.calendarMethod !== undefined)
      const others = message.attachments.filter((a) => a !== calendar)
      return Effect.tryPromise({
        try: () =>
          transporter.sendMail({
            from: { name: config.from.name, address: config.from.address },
            to: message.recipients.map((r) => ({ name: r.name, address: Redacted.value(r.email) })),
            subject: message.subject,
            text: message.text,
            ...(message.html === undefined ? {} : { html: message.html }),
            messageId: MessageId.of(message.idempotencyKey, domain),
            headers: { "Auto-Submitted": "auto-generated", "Content-Language": message.language },
            ...(calendar?.calendarMethod === undefined
              ? {}
              : {
                  icalEvent: {
                    method: calendar.calendarMethod,
                    filename: calendar.filename,
                    content: calendar.content
                  }
                }),
            attachments: others.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }))
          }),
        catch: toSmtpError
      }).pipe(
        Effect.map((info) => Notifier.Delivery.Delivered({ receipt: masked(String(info.response)) })),
        Effect.catchAll((error) => Effect.succeed(classify(error))),
        // nodemailer never settles a send whose server answered bytes that are no SMTP and hung up
        // (a TLS alert, a wrong service on the port); the pool recovers, the send must answer too.
        Effect.timeoutTo({
          duration: Duration.millis(sendTimeoutMs),
          onSuccess: (delivery): Notifier.Delivery => delivery,
          onTimeout: () =>
            Notifier.Delivery.RetryLater({
              reason: `the SMTP server at ${config.host}:${config.port} did not finish the message within ${sendTimeoutMs} ms`
            })
        }),
        permits.withPermits(1),
        Effect.withSpan("EmailNotifier.send")
      )
    }
    return { channels: ["email"], send }
  })

/**
 * A layer of the Notifier sending e-mail through one SMTP server.
 *
 * @example
 * ```ts
 * import { EmailNotifier } from "@grenzeloos/notify-email"
 *
 * const layer = EmailNotifier.layer({
 *   host: "127.0.0.1",
 *   port: 2525,
 *   from: { name: "Programmateam Grenzeloos", address: "team@grenzeloos.example" }
 * })
 * ```
 * @since 0.1.0
 */
export const layer = (config: EmailConfig): Layer.Layer<Notifier.Notifier> =>
  Layer.scoped(Notifier.Notifier, make(config))

/**
 * A layer of the Notifier configured from the environment (see `EmailConfig.fromEnv`).
 *
 * @example
 * ```ts
 * import { EmailNotifier } from "@grenzeloos/notify-email"
 *
 * const layer = EmailNotifier.layerConfig
 * ```
 * @since 0.1.0
 */
export const layerConfig = Layer.scoped(Notifier.Notifier, Effect.flatMap(fromEnv, make))
