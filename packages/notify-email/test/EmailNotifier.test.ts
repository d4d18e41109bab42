import { describe, expect, it } from "@effect/vitest"
import { Dispatcher, MemoryStore, Notifier, Store } from "@grenzeloos/core"
import { EmailNotifier, MessageId } from "@grenzeloos/notify-email"
import { ManualClock, NotifierSamples } from "@grenzeloos/testkit"
import { notifierConformance } from "@grenzeloos/testkit/vitest"
import { Effect, Layer } from "effect"
import * as SmtpServer from "./SmtpServer.js"

const FROM = { name: "Programmateam Grenzeloos", address: "team@grenzeloos.example" }

const notifierFor = (port: number, maxConnections = 3) =>
  EmailNotifier.make({ host: "127.0.0.1", port, from: FROM, maxConnections, timeoutMs: 5_000 })

const calendarMethodOf = (arrival: SmtpServer.Arrival): string | undefined => {
  const match = /Content-Type: text\/calendar;[^\r\n]*(?:\r\n[ \t][^\r\n]*)*/i.exec(arrival.raw)
  return match === null ? undefined : /method=([A-Z]+)/i.exec(match[0])?.[1]
}

notifierConformance(
  "@grenzeloos/notify-email",
  Effect.gen(function* () {
    const server = yield* SmtpServer.start()
    const notifier = yield* notifierFor(server.port)
    return {
      notifier,
      received: () =>
        Effect.sync(() =>
          server.arrivals.map((a) => {
            return {
              key: MessageId.keyOf(a.messageId),
              subject: a.mail.subject ?? "",
              calendarMethod: calendarMethodOf(a)
            }
          })
        )
    }
  }),
  { channel: "email", unreachable: Effect.flatMap(SmtpServer.closedPort, (port) => notifierFor(port)) }
)

const [invitation] = NotifierSamples.everyKind("email").filter((m) => m.event.type === "gathering.invited")
if (invitation === undefined) throw new Error("no sample")

describe("EmailNotifier", () => {
  it.scopedLive(
    "sends text, HTML and the invitation as a text/calendar; method=REQUEST part with the derived Message-ID",
    () =>
      Effect.gen(function* () {
        const server = yield* SmtpServer.start()
        const notifier = yield* notifierFor(server.port)
        const answer = yield* notifier.send(invitation)
        expect(answer._tag).toBe("Delivered")
        const [arrival] = server.arrivals
        if (arrival === undefined) throw new Error("nothing arrived")
        expect(arrival.messageId).toBe("<gathering-invitation=g-2027-1=0=m-0001=email@grenzeloos.example>")
        expect(MessageId.keyOf(arrival.messageId)).toBe(invitation.idempotencyKey)
        expect(arrival.mail.subject).toBe("Uitnodiging: Kwartaalbijeenkomst voorjaar 2027")
        expect(arrival.mail.to).toMatchObject({ value: [{ address: "lid1@example.nl", name: "Fatima El Amrani 1" }] })
        expect(arrival.mail.from).toMatchObject({ value: [FROM] })
        expect(arrival.mail.text).toContain("Beste Fatima El Amrani 1,")
        expect(arrival.mail.html).toContain('<html lang="nl">')
        // The calendar part is an alternative of the body, as clients need for accept / decline.
        expect(arrival.raw).toMatch(/Content-Type: multipart\/alternative/i)
        expect(calendarMethodOf(arrival)).toBe("REQUEST")
        const ics = arrival.mail.attachments.find((a) => a.contentType.startsWith("application/ics"))
        expect(ics?.content.toString("utf8")).toBe(invitation.attachments[0]?.content)
        expect(arrival.mail.headers.get("auto-submitted")).toBe("auto-generated")
      })
  )

  it.scopedLive("sends a cancellation as method=CANCEL", () =>
    Effect.gen(function* () {
      const server = yield* SmtpServer.start()
      const notifier = yield* notifierFor(server.port)
      const cancel = NotifierSamples.everyKind("email").find((m) => m.event.type === "gathering.cancelled")
      if (cancel === undefined) throw new Error("no sample")
      expect((yield* notifier.send(cancel))._tag).toBe("Delivered")
      const [arrival] = server.arrivals
      expect(arrival && calendarMethodOf(arrival)).toBe("CANCEL")
      expect(arrival?.raw).toContain("STATUS:CANCELLED")
    })
  )

  it.scopedLive("a 5xx reply fails for good, a 4xx reply is retried, and the reason never holds the full address", () =>
    Effect.gen(function* () {
      const server = yield* SmtpServer.start((call) =>
        call === 1
          ? { _tag: "Reject", code: 550, message: "5.1.1 <lid1@example.nl>: mailbox unavailable" }
          : { _tag: "Reject", code: 451, message: "4.3.0 <lid1@example.nl> try again later" }
      )
      const notifier = yield* notifierFor(server.port)
      const permanent = yield* notifier.send(invitation)
      const transient = yield* notifier.send(invitation)
      expect(permanent._tag).toBe("FailedForGood")
      expect(transient._tag).toBe("RetryLater")
      for (const answer of [permanent, transient]) {
        expect(JSON.stringify(answer)).not.toContain("lid1@example.nl")
        expect(JSON.stringify(answer)).toContain("l…@example.nl")
      }
    })
  )

  it.scopedLive(
    "a server that drops the connection after accepting gives RetryLater; the resend has the same Message-ID",
    () =>
      Effect.gen(function* () {
        const server = yield* SmtpServer.start((call) =>
          call === 1 ? { _tag: "DropAfterAccept" } : { _tag: "Accept" }
        )
        const notifier = yield* notifierFor(server.port)
        expect((yield* notifier.send(invitation))._tag).toBe("RetryLater")
        expect((yield* notifier.send(invitation))._tag).toBe("Delivered")
        expect(server.arrivals.map((a) => a.messageId)).toEqual([
          MessageId.of(invitation.idempotencyKey, "grenzeloos.example"),
          MessageId.of(invitation.idempotencyKey, "grenzeloos.example")
        ])
      })
  )

  it.scopedLive("never opens more than maxConnections connections, however many sends are in flight", () =>
    Effect.gen(function* () {
      const server = yield* SmtpServer.start()
      const notifier = yield* notifierFor(server.port, 3)
      const answers = yield* Effect.forEach(NotifierSamples.invitations(90, "email"), (m) => notifier.send(m), {
        concurrency: 30
      })
      expect(answers.every((a) => a._tag === "Delivered")).toBe(true)
      expect(server.arrivals).toHaveLength(90)
      expect(server.peakConnections()).toBe(3)
    })
  )

  it("maps keys to Message-IDs and back for every key the core can make", () => {
    for (const m of NotifierSamples.everyKind("email")) {
      const id = MessageId.of(m.idempotencyKey, "grenzeloos.example")
      expect(id).toMatch(/^<[A-Za-z0-9_.=~-]+@grenzeloos\.example>$/)
      expect(MessageId.keyOf(id)).toBe(m.idempotencyKey)
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Faults through the outbox.

describe("EmailNotifier through the outbox", () => {
  it.scopedLive(
    "drops after accepting and 4xx replies lose nothing; after dedupe on Message-ID every message arrived once",
    () =>
      Effect.gen(function* () {
        const time = ManualClock.make(Date.now())
        // Every fifth message is accepted and the connection dropped; calls 3–12 get 451.
        const server = yield* SmtpServer.start((call) =>
          call >= 3 && call <= 12
            ? { _tag: "Reject", code: 451, message: "4.3.0 too busy, try again later" }
            : call % 5 === 0
              ? { _tag: "DropAfterAccept" }
              : { _tag: "Accept" }
        )
        const notifier = yield* notifierFor(server.port, 2)
        const messages = NotifierSamples.invitations(60, "email")
        const outcome = yield* Effect.gen(function* () {
          const store = yield* Store.forCommunity("rijk")
          yield* store.commit({ outbox: messages.map(Notifier.toOutbox) })
          for (let round = 0; round < 30; round++) {
            yield* Dispatcher.runOnce({ communityId: "rijk", concurrency: 4, baseDelayMs: 1_000, maxDelayMs: 30_000 })
            if ((yield* store.outbox({ status: "delivered", limit: 1000 })).items.length === messages.length) break
            time.advance(31_000)
          }
          return {
            delivered: (yield* store.outbox({ status: "delivered", limit: 1000 })).items.length,
            dead: (yield* store.outbox({ status: "dead", limit: 1000 })).items.length
          }
        }).pipe(
          Effect.provide(Layer.merge(MemoryStore.layer, Layer.succeed(Notifier.Notifier, notifier))),
          Effect.withClock(time.clock)
        )
        expect(outcome).toEqual({ delivered: 60, dead: 0 })
        const keys = server.arrivals.map((a) => MessageId.keyOf(a.messageId))
        expect([...new Set(keys)].sort()).toEqual(messages.map((m) => m.idempotencyKey).sort())
        // SMTP is at-least-once: the dropped ones arrived twice, recognisably the same message.
        expect(keys.length).toBeGreaterThan(60)
        // A connection the client gave up on after a 4xx can still be closing on the server's side
        // when its replacement opens, so the server may briefly see one more than the pool's bound.
        expect(server.peakConnections()).toBeLessThanOrEqual(3)
      })
  )
})
