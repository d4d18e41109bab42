// TCP_NODELAY on every SMTP connection (decision 0055). Without it each message waits on Nagle's
// algorithm against the server's delayed ACK: about 40 ms a message, 1,000 e-mails in 12.4 s
// instead of 2.2 s. nodemailer does not set it, so the notifier opens the connections itself. A
// timed test would be flaky; this one checks the cause instead: every connection the SMTP server
// saw was opened by the notifier with `noDelay: true`.
import { createRequire, syncBuiltinESMExports } from "node:module"
import type { NetConnectOpts, Socket } from "node:net"
import { describe, expect, it } from "@effect/vitest"
import { EmailNotifier } from "@grenzeloos/notify-email"
import { NotifierSamples } from "@grenzeloos/testkit"
import { Effect } from "effect"
import * as SmtpServer from "./SmtpServer.js"

// Every `net.connect` while the test runs is recorded: Node's built-in module object is patched and
// `syncBuiltinESMExports` carries the patch to the `import * as net` the notifier holds. (Test files
// share their worker's modules, decision 0148, so replacing the module with `vi.mock` would not
// reach a notifier another file loaded first.)
const netModule = createRequire(import.meta.url)("node:net") as typeof import("node:net")
const recordingConnections = Effect.acquireRelease(
  Effect.sync(() => {
    const opened: Array<{ noDelay: boolean; socket: Socket }> = []
    const original = { connect: netModule.connect, createConnection: netModule.createConnection }
    const connect = (options: NetConnectOpts, listener?: () => void): Socket => {
      const socket = original.connect(options, listener)
      opened.push({ noDelay: "noDelay" in options && options.noDelay === true, socket })
      return socket
    }
    Object.assign(netModule, { connect, createConnection: connect })
    syncBuiltinESMExports()
    return { opened, original }
  }),
  ({ original }) =>
    Effect.sync(() => {
      Object.assign(netModule, original)
      syncBuiltinESMExports()
    })
)

describe("EmailNotifier connections", () => {
  it.scopedLive("opens every SMTP connection with TCP_NODELAY", () =>
    Effect.gen(function* () {
      const { opened } = yield* recordingConnections
      const server = yield* SmtpServer.start()
      const notifier = yield* EmailNotifier.make({
        host: "127.0.0.1",
        port: server.port,
        from: { name: "Programmateam Grenzeloos", address: "team@grenzeloos.example" },
        maxConnections: 3,
        timeoutMs: 5_000
      })
      const messages = NotifierSamples.everyKind("email")
      const answers = yield* Effect.forEach(messages, (m) => notifier.send(m), { concurrency: 3 })
      expect(answers.every((a) => a._tag === "Delivered")).toBe(true)
      expect(server.arrivals).toHaveLength(messages.length)

      const ours = new Set(opened.filter((o) => o.noDelay).map((o) => o.socket.localPort))
      const seen = server.remotePorts()
      expect(seen.length).toBeGreaterThan(0)
      for (const port of seen) expect(ours.has(port), `connection from port ${port} without TCP_NODELAY`).toBe(true)
    })
  )
})
