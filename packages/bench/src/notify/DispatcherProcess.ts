/**
 * One dispatcher process of `pnpm bench notify --processes`: runs `Dispatcher.run` on a
 * PostgreSQL store (the schema the parent prepared) and posts webhooks to the parent's receiver
 * until it is killed. Arguments: url, schema, receiver port.
 */
import { Dispatcher, Notifier } from "@grenzeloos/core"
import { WebhookNotifier } from "@grenzeloos/notify-webhook"
import { PgStore } from "@grenzeloos/storage-postgres"
import { Effect, Layer, Redacted } from "effect"

const [url, schema, port] = process.argv.slice(2)
if (url === undefined || schema === undefined || port === undefined)
  throw new Error("usage: DispatcherProcess <postgres url> <schema> <receiver port>")

const notifier = Layer.scoped(
  Notifier.Notifier,
  WebhookNotifier.make({
    url: `http://127.0.0.1:${port}/hooks`,
    secrets: [Redacted.make("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")],
    maxConnections: 8
  })
)

await Effect.runPromise(
  Dispatcher.run({ communityId: "rijk", batchSize: 50, concurrency: 8, leaseMs: 5_000, idleMs: 100 }).pipe(
    Effect.provide(Layer.merge(PgStore.layer({ url, schema, maxConnections: 4 }), notifier))
  )
)
