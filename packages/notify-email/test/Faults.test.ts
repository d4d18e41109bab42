// The fault-injection suite for e-mail (issue 13): a real SMTP server behind a TCP proxy that
// refuses, black-holes, answers 421, drops mid-DATA and drops after DATA, with the dispatcher
// running on the real clock. For each fault: nothing lost, duplicates only when the server had
// the message and the client did not know (all with the message's own Message-ID), recovery
// within one backoff step after the server returns, and no busy loop while it is down.
import { describe, expect, it } from "@effect/vitest"
import { EmailNotifier, MessageId } from "@grenzeloos/notify-email"
import { FaultProxy, NotifierSamples, Outage } from "@grenzeloos/testkit"
import { Effect } from "effect"
import * as SmtpServer from "./SmtpServer.js"

const FROM = { name: "Programmateam Grenzeloos", address: "team@grenzeloos.example" }
const TIMEOUT_MS = 1_000
const MAX_DELAY_MS = 1_000
// Send attempts per message while the receiver is down for 2 s. Backoff with full jitter from
// 100 ms (the outage's base delay) to the 1 s cap tries a message about 10 times in 2 s; without
// backoff the dispatcher tries again at every idle poll (50 ms), about 48 times (measured), and a
// busy loop thousands of times. Counted, not timed: the bound holds on a slow or loaded machine.
const BUSY_LOOP_BOUND = 16

const faults: ReadonlyArray<readonly [string, FaultProxy.Fault, boolean]> = [
  ["refused", { _tag: "Refuse" }, false],
  ["black-holed", { _tag: "BlackHole" }, false],
  ["421 greeting", { _tag: "Answer", bytes: "421 4.3.2 Service not available, closing channel\r\n" }, false],
  ["dropped mid-DATA", { _tag: "DropMid", marker: "DATA\r\n" }, false],
  ["dropped after DATA (the window)", { _tag: "DropAfter", marker: "\r\n.\r\n" }, true]
]

describe("e-mail under injected faults, through the dispatcher", () => {
  for (const [name, fault, window] of faults)
    it.scopedLive(
      `${name}: 0 lost, ${window ? "duplicates only with the same Message-ID" : "no duplicates"}, recovery within one backoff step, no busy loop`,
      () =>
        Effect.gen(function* () {
          const server = yield* SmtpServer.start()
          const proxy = yield* FaultProxy.start({ port: server.port })
          const notifier = yield* EmailNotifier.make({
            host: "127.0.0.1",
            port: proxy.port,
            from: FROM,
            maxConnections: 4,
            timeoutMs: TIMEOUT_MS
          })
          const messages = NotifierSamples.invitations(20, "email")
          const report = yield* Outage.measure({
            notifier,
            proxy,
            fault,
            messages,
            received: () => server.arrivals.map((a) => MessageId.keyOf(a.messageId)),
            downMs: 2_000,
            options: { maxDelayMs: MAX_DELAY_MS, leaseMs: 20_000 }
          })
          console.log(`email ${name}: ${JSON.stringify(report)}`)
          expect(report.lost).toBe(0)
          expect(report.dead).toBe(0)
          if (window) expect(report.duplicates).toBeGreaterThan(0)
          else expect(report.duplicates).toBe(0)
          const keys = new Set<string>(messages.map((m) => m.idempotencyKey))
          expect(server.arrivals.every((a) => keys.has(MessageId.keyOf(a.messageId)))).toBe(true)
          // One backoff step (the cap), plus a send cut off by the timeout, plus the idle wait and a loaded machine.
          expect(report.recoveryMs).toBeLessThanOrEqual(MAX_DELAY_MS + 4 * TIMEOUT_MS + 1_000)
          expect(report.attemptsWhileDown).toBeLessThanOrEqual(BUSY_LOOP_BOUND)
        }),
      30_000
    )
})
