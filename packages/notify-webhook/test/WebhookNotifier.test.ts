import { describe, expect, it } from "@effect/vitest"
import { Dispatcher, MemoryStore, Notifier, Store } from "@grenzeloos/core"
import { WebhookNotifier } from "@grenzeloos/notify-webhook"
import { ManualClock, NotifierSamples } from "@grenzeloos/testkit"
import { notifierConformance } from "@grenzeloos/testkit/vitest"
import { Effect, Layer, Redacted } from "effect"
import * as Receiver from "./Receiver.js"

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
const NEXT_SECRET = "whsec_QWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo0MjQyNDI="

const notifierFor = (url: string, timeoutMs = 2_000) =>
  WebhookNotifier.make({ url, secrets: [Redacted.make(SECRET)], timeoutMs, maxConnections: 4 })

notifierConformance(
  "@grenzeloos/notify-webhook",
  Effect.gen(function* () {
    const receiver = yield* Receiver.start([SECRET])
    const notifier = yield* notifierFor(receiver.url)
    return {
      notifier,
      received: () =>
        Effect.sync(() => receiver.accepted.filter((a) => a.verified.every(Boolean)).map((a) => ({ key: a.id })))
    }
  }),
  { channel: "webhook", unreachable: Effect.flatMap(Receiver.closedUrl, (url) => notifierFor(url)) }
)

const [message] = NotifierSamples.invitations(1, "webhook")
if (message === undefined) throw new Error("no sample")

const answerTo = (reply: Receiver.Reply, timeoutMs?: number) =>
  Effect.gen(function* () {
    const receiver = yield* Receiver.start([SECRET], () => reply)
    const notifier = yield* notifierFor(receiver.url, timeoutMs)
    return { answer: yield* notifier.send(message), receiver, notifier }
  })

describe("WebhookNotifier", () => {
  it.scopedLive("posts the domain event as signed JSON with the idempotency key as webhook-id", () =>
    Effect.gen(function* () {
      const receiver = yield* Receiver.start([SECRET, NEXT_SECRET])
      const notifier = yield* WebhookNotifier.make({
        url: receiver.url,
        secrets: [Redacted.make(SECRET), Redacted.make(NEXT_SECRET)]
      })
      expect(yield* notifier.send(message)).toEqual(Notifier.Delivery.Delivered({ receipt: "HTTP 204" }))
      const [arrival] = receiver.requests
      expect(arrival?.id).toBe(message.idempotencyKey)
      expect(arrival?.verified).toEqual([true, true])
      const body = JSON.parse(arrival?.body ?? "{}") as Record<string, unknown>
      expect(body).toEqual({
        type: "gathering.invited",
        timestamp: "2027-01-10T09:00:00.000Z",
        data: {
          id: message.idempotencyKey,
          communityId: "rijk",
          subject: { kind: "gathering", id: "g-2027-1" },
          memberIds: ["m-0000"],
          language: "nl",
          details: { memberId: "m-0000", sequence: 0, startsAt: "2027-03-11T12:00:00.000Z" }
        }
      })
      expect(arrival?.body).not.toContain("@example.nl")
    })
  )

  it.scopedLive("retries 5xx and 429 and honours Retry-After in seconds and as a date", () =>
    Effect.gen(function* () {
      expect((yield* answerTo({ _tag: "Status", status: 500 })).answer).toMatchObject({ _tag: "RetryLater" })
      expect(
        (yield* answerTo({ _tag: "Status", status: 503, headers: { "retry-after": "120" } })).answer
      ).toMatchObject({
        _tag: "RetryLater",
        retryAfterMs: 120_000
      })
      const later = new Date(Date.now() + 3_600_000).toUTCString()
      const dated = (yield* answerTo({ _tag: "Status", status: 429, headers: { "retry-after": later } })).answer
      expect(dated._tag).toBe("RetryLater")
      if (dated._tag === "RetryLater") {
        expect(dated.retryAfterMs).toBeGreaterThan(3_590_000)
        expect(dated.retryAfterMs).toBeLessThanOrEqual(3_600_000)
      }
    })
  )

  it.scopedLive("fails for good on other 4xx and on redirects", () =>
    Effect.gen(function* () {
      for (const status of [400, 401, 403, 404, 413, 422, 301])
        expect((yield* answerTo({ _tag: "Status", status })).answer).toMatchObject({ _tag: "FailedForGood" })
    })
  )

  it.scopedLive("410 Gone disables the endpoint: no further requests are made", () =>
    Effect.gen(function* () {
      const disabled: Array<string> = []
      const receiver = yield* Receiver.start([SECRET], () => ({ _tag: "Status", status: 410 }))
      const notifier = yield* WebhookNotifier.make(
        { url: receiver.url, secrets: [Redacted.make(SECRET)] },
        { onDisabled: (url) => Effect.sync(() => disabled.push(url)) }
      )
      const [a, b] = NotifierSamples.invitations(2, "webhook")
      if (a === undefined || b === undefined) return
      expect((yield* notifier.send(a))._tag).toBe("FailedForGood")
      const second = yield* notifier.send(b)
      expect(second).toMatchObject({ _tag: "FailedForGood", reason: expect.stringContaining("disabled") })
      expect(receiver.requests).toHaveLength(1)
      expect(disabled).toEqual([receiver.url])
    })
  )

  it.scopedLive("a receiver that does not answer in time gives RetryLater", () =>
    Effect.gen(function* () {
      const { answer } = yield* answerTo({ _tag: "Hang" }, 300)
      expect(answer).toMatchObject({ _tag: "RetryLater", reason: expect.stringContaining("no answer within 300 ms") })
    })
  )
})

// ---------------------------------------------------------------------------------------------
// Faults through the outbox: nothing lost, nothing seen twice by a receiver that dedupes.

const COMMUNITY = "rijk"

const deliverAll = (
  receiverPlan: (call: number, id: string) => Receiver.Reply,
  count: number,
  options: { readonly timeoutMs?: number; readonly leaseMs?: number } = {}
) =>
  Effect.gen(function* () {
    const time = ManualClock.make(Date.now())
    const receiver = yield* Receiver.start([SECRET], receiverPlan)
    const notifier = yield* notifierFor(receiver.url, options.timeoutMs ?? 2_000)
    const messages = NotifierSamples.invitations(count, "webhook")
    const program = Effect.gen(function* () {
      const store = yield* Store.forCommunity(COMMUNITY)
      yield* store.commit({ outbox: messages.map(Notifier.toOutbox) })
      const dispatch = {
        communityId: COMMUNITY,
        baseDelayMs: 1_000,
        maxDelayMs: 30_000,
        leaseMs: options.leaseMs ?? 60_000
      }
      for (let round = 0; round < 30; round++) {
        yield* Dispatcher.runOnce(dispatch)
        const page = yield* store.outbox({ status: "delivered", limit: 1000 })
        if (page.items.length === count) break
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
    const outcome = yield* program
    const accepted = receiver.accepted.map((a) => a.id)
    return { ...outcome, committed: messages.length, keys: messages.map((m) => m.idempotencyKey), accepted, receiver }
  })

describe("WebhookNotifier through the outbox", () => {
  it.scopedLive("a receiver failing its first 25 calls gets every message once after dedupe", () =>
    Effect.gen(function* () {
      const r = yield* deliverAll(
        (call) =>
          call <= 25
            ? { _tag: "Status", status: call % 2 === 0 ? 503 : 429, headers: { "retry-after": "1" } }
            : Receiver.OK,
        40
      )
      expect(r.delivered).toBe(r.committed)
      expect(r.dead).toBe(0)
      expect(new Set(r.accepted).size).toBe(r.committed)
      // The receiver answered errors before accepting, so nothing was accepted twice.
      expect(r.accepted.length).toBe(r.committed)
      expect([...new Set(r.accepted)].sort()).toEqual([...r.keys].sort())
      expect(r.receiver.requests.every((a) => a.verified[0] === true)).toBe(true)
    })
  )

  it.scopedLive(
    "a flaky transport (connections dropped after accepting) loses nothing; dedupe removes the resends",
    () =>
      Effect.gen(function* () {
        // Every seventh request is accepted and then the connection drops before the answer.
        const r = yield* deliverAll((call) => (call % 7 === 0 ? { _tag: "DropAfterAccept" } : Receiver.OK), 50)
        expect(r.delivered).toBe(r.committed)
        const unique = new Set(r.accepted)
        expect(unique.size).toBe(r.committed)
        // The dropped ones were sent again with the same webhook-id: duplicates before dedupe, none after.
        expect(r.accepted.length).toBeGreaterThan(r.committed)
        expect([...unique].sort()).toEqual([...r.keys].sort())
      })
  )
})
