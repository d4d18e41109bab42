// The pool must recover by itself after any outage: issue 13 found that after `maxConnections`
// failed connects every later e-mail hung for ever, because our own `getSocket` hook made the
// pool keep a slot per failed connect.
import { describe, expect, it } from "@effect/vitest"
import { EmailNotifier } from "@grenzeloos/notify-email"
import { FaultProxy, NotifierSamples } from "@grenzeloos/testkit"
import { Duration, Effect } from "effect"
import * as SmtpServer from "./SmtpServer.js"

const FROM = { name: "Programmateam Grenzeloos", address: "team@grenzeloos.example" }
const messages = NotifierSamples.invitations(12, "email")

const faults: ReadonlyArray<readonly [string, FaultProxy.Fault]> = [
  ["refused", { _tag: "Refuse" }],
  ["black-holed (timeouts)", { _tag: "BlackHole" }],
  ["a 421 greeting", { _tag: "Answer", bytes: "421 4.3.2 Service not available, closing channel\r\n" }],
  [
    "a TLS handshake failure (an alert from the server)",
    { _tag: "Answer", bytes: new Uint8Array([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]) }
  ],
  ["dropped mid-DATA", { _tag: "DropMid", marker: "DATA\r\n" }]
]

describe("EmailNotifier recovers after an outage", () => {
  for (const [name, fault] of faults)
    it.scopedLive(
      `${name}: after more failures than maxConnections, the next e-mail is delivered once the server is back`,
      () =>
        Effect.gen(function* () {
          const tls = name.startsWith("a TLS")
          const server = yield* SmtpServer.start(undefined, { secure: tls })
          const proxy = yield* FaultProxy.start({ port: server.port })
          const notifier = yield* EmailNotifier.make({
            host: "127.0.0.1",
            port: proxy.port,
            from: FROM,
            maxConnections: 2,
            timeoutMs: 300,
            ...(tls ? { secure: true, allowUnverifiedCertificate: true } : {})
          })
          yield* proxy.set(fault)
          for (const message of messages.slice(0, 6)) {
            const answer = yield* notifier.send(message).pipe(Effect.timeout(Duration.seconds(3)))
            expect(answer._tag).toBe("RetryLater")
          }
          yield* proxy.set({ _tag: "Pass" })
          const after = yield* Effect.forEach(messages.slice(6), (m) =>
            notifier.send(m).pipe(Effect.timeout(Duration.seconds(3)))
          )
          expect(after.map((a) => a._tag)).toEqual(after.map(() => "Delivered"))
          expect(server.arrivals.map((a) => a.messageId).length).toBe(6)
        })
    )
})
