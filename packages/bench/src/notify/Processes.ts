/**
 * Several dispatcher processes on one PostgreSQL outbox (`pnpm bench notify --processes N`):
 * commits the messages (webhooks), starts N processes of `DispatcherProcess.ts`, optionally
 * kills one with SIGKILL while it sends, and waits until the receiver has every message. It
 * reports duplicates and the send-to-settle window: for each message, from its arrival at the
 * receiver to its `settled_at` in the store (the same machine clock). A process that dies inside
 * that window leaves the message claimed; it is sent again when the lease expires.
 */
import { type ChildProcess, spawn } from "node:child_process"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { SqlClient } from "@effect/sql"
import { Notifier, Store } from "@grenzeloos/core"
import { PgStore } from "@grenzeloos/storage-postgres"
import { NotifierSamples } from "@grenzeloos/testkit"
import { Effect, Layer } from "effect"

export interface ProcessesReport {
  readonly messages: number
  readonly processes: number
  readonly killed: boolean
  readonly wallMs: number
  readonly unique: number
  readonly duplicates: number
  readonly lost: number
  readonly delivered: number
  readonly windowP50Ms: number
  readonly windowP99Ms: number
  readonly windowMaxMs: number
}

const quantile = (sorted: ReadonlyArray<number>, q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)

export const run = async (options: {
  readonly url: string
  readonly messages: number
  readonly processes: number
  readonly kill: boolean
}): Promise<ProcessesReport> => {
  const schema = `gz_bench_procs_${process.pid}_${Date.now()}`
  const arrivals = new Map<string, Array<number>>()
  const server = http.createServer((request, response) => {
    request.resume()
    request.on("end", () => {
      const id = String(request.headers["webhook-id"])
      const seen = arrivals.get(id) ?? []
      seen.push(Date.now())
      arrivals.set(id, seen)
      response.writeHead(204)
      response.end()
    })
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const port = (server.address() as AddressInfo).port
  const layer = Layer.effect(Store.Store, PgStore.make({ schema })).pipe(
    Layer.provideMerge(Layer.orDie(PgStore.clientLayer({ url: options.url, maxConnections: 4 })))
  )
  const messages = NotifierSamples.invitations(options.messages, "webhook")
  const children: Array<ChildProcess> = []
  try {
    return await Effect.runPromise(
      Effect.gen(function* () {
        const store = yield* Store.forCommunity("rijk")
        for (let i = 0; i < messages.length; i += 1_000)
          yield* store.commit({ outbox: messages.slice(i, i + 1_000).map(Notifier.toOutbox) })
        const start = Date.now()
        for (let i = 0; i < options.processes; i++)
          children.push(
            spawn(
              process.execPath,
              [
                "--import",
                "tsx",
                "--conditions=@grenzeloos/source",
                new URL("./DispatcherProcess.ts", import.meta.url).pathname,
                options.url,
                schema,
                String(port)
              ],
              { stdio: ["ignore", "ignore", "inherit"] }
            )
          )
        let killed = false
        while (arrivals.size < messages.length && Date.now() - start < 600_000) {
          // Kill one process while it is busy sending: a quarter of the way through.
          if (options.kill && !killed && arrivals.size >= messages.length / 4) {
            children[0]?.kill("SIGKILL")
            killed = true
          }
          yield* Effect.sleep("50 millis")
        }
        const wallMs = Date.now() - start
        // Wait for the last settlements (and any resend after the killed process's leases expire).
        yield* Effect.sleep("6 seconds")
        const sql = yield* SqlClient.SqlClient
        const rows = yield* sql<{ id: string; settled_at: string | number | null; status: string }>`
          SELECT id, settled_at, status FROM ${sql.literal(`"${schema}"."grenzeloos_outbox"`)} WHERE community_id = 'rijk'`
        const windows = rows
          .flatMap((row) => {
            const arrived = arrivals.get(row.id)
            return row.settled_at === null || arrived === undefined
              ? []
              : [Number(row.settled_at) - (arrived[arrived.length - 1] ?? 0)]
          })
          .sort((a, b) => a - b)
        const total = [...arrivals.values()].reduce((n, a) => n + a.length, 0)
        return {
          messages: messages.length,
          processes: options.processes,
          killed,
          wallMs,
          unique: arrivals.size,
          duplicates: total - arrivals.size,
          lost: messages.filter((m) => !arrivals.has(m.idempotencyKey)).length,
          delivered: rows.filter((r) => r.status === "delivered").length,
          windowP50Ms: quantile(windows, 0.5),
          windowP99Ms: quantile(windows, 0.99),
          windowMaxMs: quantile(windows, 1)
        }
      }).pipe(
        Effect.ensuring(
          Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).pipe(
            Effect.ignore
          )
        ),
        Effect.provide(layer)
      )
    )
  } finally {
    for (const child of children) child.kill("SIGKILL")
    server.closeAllConnections()
    server.close()
  }
}
