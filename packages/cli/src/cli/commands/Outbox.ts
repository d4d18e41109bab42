/**
 * `grenzeloos outbox send | status | retry`: what the use cases queued, delivered by e-mail (SMTP)
 * or webhook through the core's dispatcher, until nothing is due.
 *
 * @internal
 */
import { Args, Command, Options } from "@effect/cli"
import { Dispatcher, Notifier, Store } from "@grenzeloos/core"
import { EmailConfig, EmailNotifier } from "@grenzeloos/notify-email"
import { WebhookConfig, WebhookNotifier } from "@grenzeloos/notify-webhook"
import { Config, Effect, Either, Option, Schema } from "effect"
import * as Environment from "../Environment.js"
import { NothingToDo } from "../Errors.js"
import * as Messages from "../Messages.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group } from "./Shared.js"

/**
 * `outbox send` was asked to send from an address that cannot receive replies
 * (`programmateam@grenzeloos.invalid` when `init` was run without `--team-email`).
 */
export class PlaceholderOrganizer extends Schema.TaggedError<PlaceholderOrganizer>(
  "@grenzeloos/cli/PlaceholderOrganizer"
)("PlaceholderOrganizer", { email: Schema.String, language: Schema.Literal("nl", "en") }) {
  override get message(): string {
    return Texts.of(this.language).placeholderOrganizer(this.email)
  }
}

/** Neither `--smtp`, `--webhook` nor their environment variables say where to send. */
export class NoTransport extends Schema.TaggedError<NoTransport>("@grenzeloos/cli/NoTransport")("NoTransport", {
  reason: Schema.String
}) {
  override get message(): string {
    return this.reason
  }
}

/** The SMTP server of `--smtp smtp://[user:pass@]host:port` (or `smtps://`). */
export const smtpOf = (
  url: string,
  from: { readonly name: string; readonly address: string },
  language: "nl" | "en" = "nl"
): Either.Either<EmailConfig.EmailConfig, NoTransport> => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return Either.left(new NoTransport({ reason: `--smtp: ${Texts.of(language).notSmtpAddress(url)}` }))
  }
  const secure = parsed.protocol === "smtps:"
  if (!secure && parsed.protocol !== "smtp:")
    return Either.left(
      new NoTransport({ reason: `--smtp: ${Texts.of(language).notSmtpScheme(`${parsed.protocol}//`)}` })
    )
  return Either.mapLeft(
    Schema.decodeUnknownEither(EmailConfig.EmailConfig)({
      host: parsed.hostname,
      port: parsed.port === "" ? (secure ? 465 : 587) : Number(parsed.port),
      secure,
      from,
      ...(parsed.username === ""
        ? {}
        : { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } })
    }),
    (error) => new NoTransport({ reason: `--smtp: ${Messages.inLanguage(error.message, language)}` })
  )
}

const transports = (
  c: {
    readonly smtp: Option.Option<string>
    readonly webhook: Option.Option<string>
    readonly concurrency: number
    readonly lang: "nl" | "en"
  },
  from: { readonly name: string; readonly address: string }
) =>
  Effect.gen(function* () {
    const smtpUrl = Option.orElse(c.smtp, () => Option.fromNullable(process.env.GRENZELOOS_SMTP_URL))
    const webhookUrl = Option.orElse(c.webhook, () => Option.fromNullable(process.env.GRENZELOOS_WEBHOOK_URL))
    const list: Array<Notifier.NotifierService> = []
    if (Option.isSome(smtpUrl)) {
      const config = yield* smtpOf(smtpUrl.value, from, c.lang)
      // As many connections as messages in flight, so none waits for a connection of its own.
      list.push(yield* EmailNotifier.make({ ...config, maxConnections: c.concurrency }))
    } else if (process.env.GRENZELOOS_SMTP_HOST !== undefined) {
      const config = yield* EmailConfig.fromEnv
      list.push(yield* EmailNotifier.make({ maxConnections: c.concurrency, ...config, from }))
    }
    if (Option.isSome(webhookUrl)) {
      const secrets = yield* Config.string("GRENZELOOS_WEBHOOK_SECRETS").pipe(
        Config.map((s) => s.split(",").map((x) => x.trim()))
      )
      const config = yield* Schema.decodeUnknown(WebhookConfig.WebhookConfig)({ url: webhookUrl.value, secrets }).pipe(
        Effect.mapError(
          (error) => new NoTransport({ reason: `--webhook: ${Messages.inLanguage(error.message, c.lang)}` })
        )
      )
      list.push(yield* WebhookNotifier.make(config))
    }
    if (list.length === 0) return yield* new NoTransport({ reason: Texts.of(c.lang).noTransport })
    return Notifier.route(list)
  })

const outboxSend = Command.make(
  "send",
  {
    ...common,
    smtp: Options.text("smtp").pipe(
      Options.withDescription(
        "De mailserver: smtp://[gebruiker:wachtwoord@]host:poort of smtps://… (of GRENZELOOS_SMTP_URL). / The SMTP server."
      ),
      Options.optional
    ),
    webhook: Options.text("webhook").pipe(
      Options.withDescription(
        "Een webhook-ontvanger, https://… (of GRENZELOOS_WEBHOOK_URL; het geheim in GRENZELOOS_WEBHOOK_SECRETS)."
      ),
      Options.optional
    ),
    concurrency: Options.integer("concurrency").pipe(
      Options.withDescription("Hoeveel berichten tegelijk (standaard 8)."),
      Options.withDefault(8)
    )
  },
  (c) =>
    Effect.gen(function* () {
      const organizer = yield* Environment.organizer(c)
      if (Environment.isPlaceholderAddress(organizer.email))
        return yield* new PlaceholderOrganizer({ email: organizer.email, language: c.lang })
      const notifier = yield* transports(c, { name: organizer.name, address: organizer.email })
      let total = { claimed: 0, delivered: 0, retried: 0, deadLettered: 0, leasesLost: 0 }
      for (;;) {
        const batch = yield* Dispatcher.runBatch({
          communityId: c.community,
          batchSize: 100,
          concurrency: c.concurrency
        }).pipe(Effect.provideService(Notifier.Notifier, notifier))
        if (batch.claimed === 0) break
        total = {
          claimed: total.claimed + batch.claimed,
          delivered: total.delivered + batch.delivered,
          retried: total.retried + batch.retried,
          deadLettered: total.deadLettered + batch.deadLettered,
          leasesLost: total.leasesLost + batch.leasesLost
        }
        yield* Output.note(c.json, Texts.of(c.lang).sentSoFar(total.delivered))
      }
      yield* Output.result(
        c.json,
        [
          Texts.of(c.lang).sent(
            total.delivered,
            `${organizer.name} <${organizer.email}>`,
            total.retried,
            total.deadLettered
          )
        ],
        total
      )
    }).pipe(Effect.scoped, Effect.provide(Environment.useCasesLayer(c)))
).pipe(
  Command.withDescription(
    "Verstuurt wat klaarstaat (uitnodigingen, herinneringen, datumprikkers) tot er niets meer te versturen is. / Sends what is queued."
  )
)

const STATUSES = ["pending", "claimed", "delivered", "dead"] as const

// The ids of every message with a status, page by page (the Store gives at most 1,000 at a time).
const idsOf = (store: Store.CommunityStore, status: (typeof STATUSES)[number] | "superseded") =>
  Effect.iterate(
    { ids: [] as Array<string>, cursor: undefined as string | undefined, more: true },
    {
      while: (s) => s.more,
      body: (s) =>
        Effect.map(
          store.outbox({ status, limit: 1_000, ...(s.cursor === undefined ? {} : { cursor: s.cursor }) }),
          (page) => ({
            ids: [...s.ids, ...page.items.map((item) => item.id)],
            cursor: page.cursor,
            more: page.cursor !== undefined
          })
        )
    }
  ).pipe(Effect.map((s) => s.ids))

// The status of one message, or `undefined` when the outbox has no message with that id.
const ANY_STATUS = [...STATUSES, "superseded"] as const
const statusOf = (store: Store.CommunityStore, id: string) =>
  Effect.map(
    Effect.forEach(ANY_STATUS, (status) =>
      Effect.map(idsOf(store, status), (ids) => (ids.includes(id) ? [status] : []))
    ),
    (found) => found.flat()[0]
  )

const countOf = (store: Store.CommunityStore, status: (typeof STATUSES)[number]) =>
  Effect.map(idsOf(store, status), (ids) => ids.length)

const outboxStatus = Command.make("status", { ...common }, (c) =>
  Effect.gen(function* () {
    const store = (yield* Store.Store).forCommunity(c.community)
    const counts = yield* Effect.forEach(STATUSES, (status) =>
      Effect.map(countOf(store, status), (n) => [status, n] as const)
    )
    const dead = (yield* store.outbox({ status: "dead", limit: 20 })).items
    yield* Output.result(
      c.json,
      [
        ...counts.map(([status, n]) => `${Texts.of(c.lang).messageStatus(status).padEnd(24)} ${n}`),
        ...(dead.length === 0
          ? []
          : ["", Texts.of(c.lang).failedHeader, ...dead.map((d) => `  ${d.id}: ${d.lastError ?? ""}`)])
      ],
      { ...Object.fromEntries(counts), failed: dead.map((d) => ({ id: d.id, error: d.lastError ?? null })) }
    )
  }).pipe(Effect.provide(Environment.useCasesLayer(c)))
).pipe(Command.withDescription("Toont wat klaarstaat, verstuurd is en mislukte. / Shows the outbox."))

const outboxRetry = Command.make(
  "retry",
  {
    ...common,
    id: Args.text({ name: "bericht-id" }).pipe(Args.withDescription("Het mislukte bericht."), Args.optional),
    dead: Options.boolean("dead").pipe(Options.withDescription("Alle mislukte berichten opnieuw."))
  },
  (c) =>
    Effect.gen(function* () {
      const store = (yield* Store.Store).forCommunity(c.community)
      const ids = c.dead ? yield* idsOf(store, "dead") : Option.toArray(c.id)
      if (ids.length === 0)
        return yield* new NoTransport({
          reason: Texts.of(c.lang).messageOrDead
        })
      const revived = yield* Effect.forEach(ids, (id) => store.reviveOutbox(id))
      // One message asked for by id that was not put back: say whether it does not exist or has
      // not failed, instead of "0 messages".
      const [only] = ids
      if (!c.dead && only !== undefined && revived[0] === undefined) {
        const status = yield* statusOf(store, only)
        return yield* new NothingToDo({
          reason:
            status === undefined ? Texts.of(c.lang).noSuchMessage(only) : Texts.of(c.lang).notFailed(only, status),
          hint: Texts.of(c.lang).retryHint
        })
      }
      const again = revived.filter((r) => r === "pending").length
      yield* Output.result(c.json, Texts.of(c.lang).requeued(again), { retried: again, ids })
    }).pipe(Effect.provide(Environment.useCasesLayer(c)))
).pipe(Command.withDescription("Biedt mislukte berichten opnieuw aan. / Queues failed messages again."))

export const command: Group<"outbox"> = Command.make("outbox").pipe(
  Command.withDescription("Berichten versturen en volgen. / Sending and following messages."),
  Command.withSubcommands([outboxSend, outboxStatus, outboxRetry])
)
