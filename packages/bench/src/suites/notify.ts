/**
 * `pnpm bench notify [--count N] [--connections C] [--runs R] [--channel email|webhook]
 * [--outage-seconds S] [--outage-max-delay-ms D] [--skip-outage] [--processes P] [--process-messages M]
 * [--skip-processes]`: invitations through the outbox to
 * local receivers on 127.0.0.1 — a real SMTP server (smtp-server) through `@grenzeloos/notify-email`
 * with a pool of at most C connections (target: 1,000 in under 10 s), and a real HTTP receiver
 * through `@grenzeloos/notify-webhook` with at most C connections (target: 1,000 in under 5 s).
 * Each run renders the invitations, commits them to a fresh in-memory outbox in one batch, and
 * runs the dispatcher once until nothing is due. The receivers count what arrived, dedupe on the
 * key, and record the most connections open at once.
 *
 * Then an outage: 1,000 e-mails through a TCP proxy that refuses connections for S seconds (60),
 * with the dispatcher running (retry cap D, 15 000 ms); target: all delivered within 30 s of the
 * server's return. And P dispatcher processes (4) on one PostgreSQL outbox of M messages (10,000),
 * one of them killed with SIGKILL a quarter of the way: duplicates, and the send-to-settle window
 * (needs GRENZELOOS_TEST_POSTGRES_URL).
 */
import { readFileSync } from "node:fs"
import * as http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { Dispatcher, MemoryStore, Notifier, Store } from "@grenzeloos/core"
import { EmailNotifier } from "@grenzeloos/notify-email"
import { WebhookNotifier } from "@grenzeloos/notify-webhook"
import { FaultProxy, NotifierSamples, Outage } from "@grenzeloos/testkit"
import { Effect, Layer, Redacted, type Scope } from "effect"
import { SMTPServer } from "smtp-server"
import * as Processes from "../notify/Processes.js"
import type { Suite } from "../Suite.js"
import { elapsedMs, table } from "../Table.js"

interface Receiver {
  readonly port: number
  readonly keys: Array<string>
  readonly peak: () => number
}

const trackConnections = (server: http.Server | import("node:net").Server) => {
  let open = 0
  let peak = 0
  server.on("connection", (socket: Socket) => {
    // A mail server answers each command at once (Postfix and Exim set TCP_NODELAY too).
    socket.setNoDelay(true)
    open += 1
    peak = Math.max(peak, open)
    socket.on("close", () => {
      open -= 1
    })
  })
  return () => peak
}

const smtpReceiver: Effect.Effect<Receiver, never, Scope.Scope> = Effect.acquireRelease(
  Effect.async<{ smtp: SMTPServer; receiver: Receiver }>((resume) => {
    const keys: Array<string> = []
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        let head = ""
        stream.on("data", (chunk: Buffer) => {
          if (head.length < 4096) head += chunk.toString("utf8")
        })
        stream.on("end", () => {
          keys.push(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? "")
          callback()
        })
      }
    })
    const peak = trackConnections(smtp.server)
    smtp.listen(0, "127.0.0.1", () =>
      resume(Effect.succeed({ smtp, receiver: { port: (smtp.server.address() as AddressInfo).port, keys, peak } }))
    )
  }),
  ({ smtp }) => Effect.async<void>((resume) => smtp.close(() => resume(Effect.void)))
).pipe(Effect.map(({ receiver }) => receiver))

const httpReceiver: Effect.Effect<Receiver, never, Scope.Scope> = Effect.acquireRelease(
  Effect.async<{ server: http.Server; receiver: Receiver }>((resume) => {
    const keys: Array<string> = []
    const server = http.createServer((request, response) => {
      request.resume()
      request.on("end", () => {
        keys.push(String(request.headers["webhook-id"]))
        response.writeHead(204)
        response.end()
      })
    })
    server.keepAliveTimeout = 5_000
    const peak = trackConnections(server)
    server.listen(0, "127.0.0.1", () =>
      resume(Effect.succeed({ server, receiver: { port: (server.address() as AddressInfo).port, keys, peak } }))
    )
  }),
  ({ server }) =>
    Effect.async<void>((resume) => {
      server.closeAllConnections()
      server.close(() => resume(Effect.void))
    })
).pipe(Effect.map(({ receiver }) => receiver))

interface Measured {
  /** CPU time of this process (sender and receiver together) over the run. */
  readonly cpuMs: number
  readonly commitMs: number
  readonly dispatchMs: number
  readonly delivered: number
  readonly arrived: number
  readonly unique: number
  readonly peak: number
}

const throughOutbox = (
  channel: Notifier.Channel,
  count: number,
  connections: number
): Effect.Effect<Measured, unknown, Scope.Scope> =>
  Effect.gen(function* () {
    const receiver = yield* channel === "email" ? smtpReceiver : httpReceiver
    const notifier =
      channel === "email"
        ? yield* EmailNotifier.make({
            host: "127.0.0.1",
            port: receiver.port,
            from: { name: "Programmateam Grenzeloos", address: "team@grenzeloos.example" },
            maxConnections: connections
          })
        : yield* WebhookNotifier.make({
            url: `http://127.0.0.1:${receiver.port}/hooks`,
            secrets: [Redacted.make("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")],
            maxConnections: connections
          })
    return yield* Effect.gen(function* () {
      const store = yield* Store.forCommunity("rijk")
      const cpuStart = process.cpuUsage()
      const start = performance.now()
      const messages = NotifierSamples.invitations(count, channel)
      yield* store.commit({ outbox: messages.map(Notifier.toOutbox) })
      const commitMs = elapsedMs(start)
      const dispatchStart = performance.now()
      const summary = yield* Dispatcher.runOnce({
        communityId: "rijk",
        batchSize: 100,
        concurrency: connections * 2
      })
      const dispatchMs = elapsedMs(dispatchStart)
      const cpu = process.cpuUsage(cpuStart)
      return {
        cpuMs: (cpu.user + cpu.system) / 1_000,
        commitMs,
        dispatchMs,
        delivered: summary.delivered,
        arrived: receiver.keys.length,
        unique: new Set(receiver.keys).size,
        peak: receiver.peak()
      }
    }).pipe(Effect.provide(Layer.merge(MemoryStore.layer, Layer.succeed(Notifier.Notifier, notifier))))
  })

const option = (args: ReadonlyArray<string>, name: string, fallback: number) => {
  const at = args.indexOf(name)
  const value = at >= 0 ? Number(args[at + 1]) : fallback
  return Number.isFinite(value) && value > 0 ? value : fallback
}

const outage = (seconds: number, maxDelayMs: number) =>
  Effect.scoped(
    Effect.gen(function* () {
      const receiver = yield* smtpReceiver
      const proxy = yield* FaultProxy.start({ port: receiver.port })
      const notifier = yield* EmailNotifier.make({
        host: "127.0.0.1",
        port: proxy.port,
        from: { name: "Programmateam Grenzeloos", address: "team@grenzeloos.example" },
        maxConnections: 4
      })
      return yield* Outage.measure({
        notifier,
        proxy,
        fault: { _tag: "Refuse" },
        messages: NotifierSamples.invitations(1_000, "email"),
        received: () => receiver.keys.map((k) => k.replace(/^<|@.*$/g, "").replace(/=/g, ":")),
        downMs: seconds * 1_000,
        options: { baseDelayMs: 1_000, maxDelayMs, leaseMs: 60_000, idleMs: 1_000, batchSize: 100, concurrency: 8 },
        giveUpMs: 180_000
      })
    })
  )

const load = () =>
  globalThis.process.platform === "linux"
    ? readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")
    : "n/a"

const suite: Suite = {
  description: "1,000 invitations through the outbox to a local SMTP server (< 10 s) and webhook receiver (< 5 s)",
  run: async (args) => {
    const count = option(args, "--count", 1_000)
    const connections = option(args, "--connections", 4)
    const runs = option(args, "--runs", 3)
    const only = args.includes("--channel") ? args[args.indexOf("--channel") + 1] : undefined
    const rows: Array<Array<string | number>> = []
    for (const [channel, targetMs] of [
      ["email", 10_000],
      ["webhook", 5_000]
    ] as const) {
      if (only !== undefined && only !== channel) continue
      // One small warm-up run so module loading and JIT are not timed.
      await Effect.runPromise(Effect.scoped(throughOutbox(channel, 20, connections)))
      for (let run = 1; run <= runs; run++) {
        const m = await Effect.runPromise(Effect.scoped(throughOutbox(channel, count, connections)))
        const totalMs = m.commitMs + m.dispatchMs
        rows.push([
          channel,
          run,
          count,
          connections,
          m.commitMs,
          m.dispatchMs,
          totalMs,
          m.cpuMs,
          Math.round((count / totalMs) * 1_000),
          m.delivered,
          m.unique,
          m.arrived - m.unique,
          m.peak,
          targetMs,
          totalMs < targetMs && m.unique === count && m.peak <= connections ? "yes" : "NO"
        ])
      }
    }
    console.log(
      table(
        [
          "channel",
          "run",
          "messages",
          "max conn",
          "render+commit ms",
          "dispatch ms",
          "total ms",
          "cpu ms",
          "msg/s",
          "delivered",
          "arrived (unique)",
          "duplicates",
          "peak conn",
          "target ms",
          "met"
        ],
        rows
      )
    )
    console.log(`load average: ${load()}`)
    if (!args.includes("--skip-outage")) {
      const seconds = option(args, "--outage-seconds", 60)
      // The dispatcher's own default cap unless told otherwise: the target holds with defaults.
      const maxDelayMs = option(args, "--outage-max-delay-ms", Dispatcher.DEFAULT_MAX_DELAY_MS)
      const r = await Effect.runPromise(outage(seconds, maxDelayMs))
      console.log(
        `\n## outage: 1,000 e-mails, connections refused for ${seconds} s (retry cap ${maxDelayMs} ms)\n\n${table(
          [
            "lost",
            "duplicates",
            "dead",
            "attempts per message while down",
            "cpu while down",
            "recovery ms",
            "target ms",
            "met",
            "load"
          ],
          [
            [
              r.lost,
              r.duplicates,
              r.dead,
              r.attemptsWhileDown.toFixed(1),
              r.cpuWhileDown,
              r.recoveryMs,
              30_000,
              r.lost === 0 && r.dead === 0 && r.recoveryMs <= 30_000 ? "yes" : "NO",
              load()
            ]
          ]
        )}`
      )
    }
    const url = process.env.GRENZELOOS_TEST_POSTGRES_URL
    if (!args.includes("--skip-processes") && url !== undefined) {
      const processes = option(args, "--processes", 4)
      const messages = option(args, "--process-messages", 10_000)
      const rows: Array<Array<string | number>> = []
      for (const kill of [false, true]) {
        const r = await Processes.run({ url, messages, processes, kill })
        rows.push([
          r.processes,
          r.messages,
          r.killed ? "one SIGKILL" : "none",
          r.wallMs,
          r.unique,
          r.duplicates,
          r.lost,
          r.delivered,
          r.windowP50Ms,
          r.windowP99Ms,
          r.windowMaxMs,
          load()
        ])
      }
      console.log(
        `\n## ${processes} dispatcher processes on one PostgreSQL outbox (webhooks)\n\n${table(
          [
            "processes",
            "messages",
            "killed",
            "wall ms",
            "unique",
            "duplicates",
            "lost",
            "delivered",
            "window p50 ms",
            "window p99 ms",
            "window max ms",
            "load"
          ],
          rows
        )}`
      )
    } else if (url === undefined)
      console.log("\n(processes on PostgreSQL skipped: GRENZELOOS_TEST_POSTGRES_URL is not set)")
  }
}

export default suite
