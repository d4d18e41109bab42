import { describe, expect, it } from "@effect/vitest"
import { Dispatcher, MemoryStore, Notifier, Store } from "@grenzeloos/core"
import { Deferred, Effect, Fiber, Layer, Random, TestClock } from "effect"
import { invitations } from "../notify/Samples.js"

const COMMUNITY = "rijk"

const recording = (answer: (call: number, message: Notifier.RenderedMessage) => Notifier.Delivery) => {
  const calls: Array<string> = []
  const notifier: Notifier.NotifierService = {
    channels: ["email", "webhook"],
    send: (message) =>
      Effect.sync(() => {
        calls.push(message.idempotencyKey)
        return answer(calls.length, message)
      })
  }
  return { calls, notifier }
}

const commit = (count: number) =>
  Effect.gen(function* () {
    const store = yield* Store.forCommunity(COMMUNITY)
    const messages = invitations(count)
    yield* store.commit({ outbox: messages.map(Notifier.toOutbox) })
    return messages.map((m) => m.idempotencyKey)
  })

const allOutbox = (status: Store.OutboxStatus) =>
  Effect.flatMap(Store.forCommunity(COMMUNITY), (store) =>
    Effect.map(store.outbox({ status, limit: 1000 }), (page) => page.items)
  )

const withNotifier = (notifier: Notifier.NotifierService) => Layer.succeed(Notifier.Notifier, notifier)

const seeded = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.withRandom(effect, Random.make(20270311))

describe("Dispatcher", () => {
  it.effect("delivers every committed message once and acknowledges it", () =>
    Effect.gen(function* () {
      const keys = yield* commit(120)
      const { calls, notifier } = recording(() => Notifier.Delivery.Delivered({}))
      const summary = yield* Dispatcher.runOnce({ communityId: COMMUNITY, batchSize: 25 }).pipe(
        Effect.provide(withNotifier(notifier))
      )
      expect(summary).toEqual({ claimed: 120, delivered: 120, retried: 0, deadLettered: 0, leasesLost: 0 })
      expect([...calls].sort()).toEqual([...keys].sort())
      expect((yield* allOutbox("delivered")).length).toBe(120)
    }).pipe(Effect.provide(MemoryStore.layer))
  )

  it.effect("retries transient failures with exponential backoff and jitter until they arrive", () =>
    seeded(
      Effect.gen(function* () {
        const keys = yield* commit(30)
        // The receiver fails its first 45 calls, then accepts.
        const { calls, notifier } = recording((call) =>
          call <= 45 ? Notifier.Delivery.RetryLater({ reason: "503" }) : Notifier.Delivery.Delivered({})
        )
        const options = { communityId: COMMUNITY, baseDelayMs: 1_000, maxDelayMs: 60_000 }
        const first = yield* Dispatcher.runOnce(options).pipe(Effect.provide(withNotifier(notifier)))
        expect(first).toMatchObject({ claimed: 30, retried: 30, delivered: 0 })
        // Released messages are due again between half the delay and the whole delay.
        const pending = yield* allOutbox("pending")
        for (const m of pending) {
          expect(m.availableAt).toBeGreaterThanOrEqual(500)
          expect(m.availableAt).toBeLessThanOrEqual(1_000)
          expect(m.lastError).toBe("503")
        }
        expect(new Set(pending.map((m) => m.availableAt)).size).toBeGreaterThan(10)
        let rounds = 0
        while ((yield* allOutbox("delivered")).length < 30 && rounds < 20) {
          yield* TestClock.adjust("60 seconds")
          yield* Dispatcher.runOnce(options).pipe(Effect.provide(withNotifier(notifier)))
          rounds += 1
        }
        const delivered = yield* allOutbox("delivered")
        expect(delivered.map((m) => m.id).sort()).toEqual([...keys].sort())
        expect(calls.length).toBe(45 + 30)
        expect(new Set(calls.slice(45)).size).toBe(30)
        expect((yield* allOutbox("dead")).length).toBe(0)
      })
    ).pipe(Effect.provide(MemoryStore.layer))
  )

  it.effect("honours Retry-After as the earliest retry time", () =>
    seeded(
      Effect.gen(function* () {
        yield* commit(3)
        const { notifier } = recording(() => Notifier.Delivery.RetryLater({ reason: "429", retryAfterMs: 120_000 }))
        yield* Dispatcher.runOnce({ communityId: COMMUNITY }).pipe(Effect.provide(withNotifier(notifier)))
        const pending = yield* allOutbox("pending")
        expect(pending.map((m) => m.availableAt)).toEqual([120_000, 120_000, 120_000])
      })
    ).pipe(Effect.provide(MemoryStore.layer))
  )

  it.effect("dead-letters on a permanent failure, after maxAttempts, and for a payload it cannot read", () =>
    seeded(
      Effect.gen(function* () {
        const keys = yield* commit(2)
        const store = yield* Store.forCommunity(COMMUNITY)
        yield* store.commit({ outbox: [{ id: "broken-1", topic: "notify.email", payload: { subject: 3 } }] })
        const { calls, notifier } = recording((_, m) =>
          m.idempotencyKey === keys[0]
            ? Notifier.Delivery.FailedForGood({ reason: "550 no such user" })
            : Notifier.Delivery.RetryLater({ reason: "421 try again" })
        )
        const options = { communityId: COMMUNITY, maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 100 }
        for (let i = 0; i < 6; i++) {
          yield* Dispatcher.runOnce(options).pipe(Effect.provide(withNotifier(notifier)))
          yield* TestClock.adjust("1 second")
        }
        const dead = yield* allOutbox("dead")
        expect(dead.map((m) => [m.id, m.attempts, m.lastError])).toEqual(
          [
            [keys[0], 1, "550 no such user"],
            [keys[1], 4, "gave up after 4 attempts; last: 421 try again"],
            ["broken-1", 1, expect.stringContaining("is not a rendered message")]
          ].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
        )
        expect(calls.filter((k) => k === keys[1]).length).toBe(4)
      })
    ).pipe(Effect.provide(MemoryStore.layer))
  )

  it.effect("treats a notifier defect as a transient failure", () =>
    Effect.gen(function* () {
      yield* commit(1)
      const notifier: Notifier.NotifierService = { channels: ["email"], send: () => Effect.die(new Error("boom")) }
      const summary = yield* Dispatcher.runOnce({ communityId: COMMUNITY }).pipe(Effect.provide(withNotifier(notifier)))
      expect(summary.retried).toBe(1)
      const [pending] = yield* allOutbox("pending")
      expect(pending?.lastError).toContain("boom")
    }).pipe(Effect.provide(MemoryStore.layer))
  )

  it.effect(
    "a killed dispatcher loses nothing: the lease expires and the message is sent again with the same key",
    () =>
      Effect.gen(function* () {
        const keys = yield* commit(40)
        const arrived: Array<string> = []
        const stuck = yield* Deferred.make<void>()
        // The first dispatcher delivers 10 messages, then hangs on the 11th until it is killed.
        const hanging: Notifier.NotifierService = {
          channels: ["email"],
          send: (m) =>
            arrived.length >= 10
              ? Effect.zipRight(
                  Effect.sync(() => arrived.push(m.idempotencyKey)),
                  Effect.zipRight(Deferred.succeed(stuck, undefined), Effect.never)
                )
              : Effect.as(
                  Effect.sync(() => arrived.push(m.idempotencyKey)),
                  Notifier.Delivery.Delivered({})
                )
        }
        const options = { communityId: COMMUNITY, leaseMs: 30_000, concurrency: 1 }
        const fiber = yield* Effect.fork(Dispatcher.runOnce(options).pipe(Effect.provide(withNotifier(hanging))))
        yield* Deferred.await(stuck)
        yield* Fiber.interrupt(fiber)
        expect((yield* allOutbox("claimed")).length).toBeGreaterThan(0)
        // A second dispatcher finds nothing while the leases hold…
        const healthy: Notifier.NotifierService = {
          channels: ["email"],
          send: (m) =>
            Effect.as(
              Effect.sync(() => arrived.push(m.idempotencyKey)),
              Notifier.Delivery.Delivered({})
            )
        }
        const early = yield* Dispatcher.runOnce(options).pipe(Effect.provide(withNotifier(healthy)))
        expect(early.claimed).toBe(0)
        // …and delivers everything once they expire.
        yield* TestClock.adjust("31 seconds")
        yield* Dispatcher.runOnce(options).pipe(Effect.provide(withNotifier(healthy)))
        const delivered = yield* allOutbox("delivered")
        expect(delivered.map((m) => m.id).sort()).toEqual([...keys].sort())
        // At-least-once: the one in flight arrived twice, and a receiver deduping on the key sees it once.
        expect(new Set(arrived).size).toBe(40)
        expect(arrived.length - new Set(arrived).size).toBe(1)
      }).pipe(Effect.provide(MemoryStore.layer))
  )

  it.effect("two dispatchers at once never send a message twice", () =>
    Effect.gen(function* () {
      const keys = yield* commit(200)
      const { calls, notifier } = recording(() => Notifier.Delivery.Delivered({}))
      const slow: Notifier.NotifierService = {
        ...notifier,
        send: (m) => Effect.zipRight(Effect.yieldNow(), notifier.send(m))
      }
      const options = { communityId: COMMUNITY, batchSize: 7, concurrency: 3 }
      const [a, b] = yield* Effect.all(
        [Dispatcher.runOnce(options), Dispatcher.runOnce(options)].map((d) =>
          d.pipe(Effect.provide(withNotifier(slow)))
        ),
        { concurrency: 2 }
      )
      expect((a?.delivered ?? 0) > 0 && (b?.delivered ?? 0) > 0).toBe(true)
      expect((a?.delivered ?? 0) + (b?.delivered ?? 0)).toBe(200)
      expect(calls.length).toBe(200)
      expect([...calls].sort()).toEqual([...keys].sort())
    }).pipe(Effect.provide(MemoryStore.layer))
  )

  it.effect("runs as a long-lived fiber and delivers what is committed later", () =>
    Effect.gen(function* () {
      const { calls, notifier } = recording(() => Notifier.Delivery.Delivered({}))
      const fiber = yield* Effect.fork(
        Dispatcher.run({ communityId: COMMUNITY, idleMs: 500 }).pipe(Effect.provide(withNotifier(notifier)))
      )
      yield* TestClock.adjust("1 second")
      const keys = yield* commit(5)
      expect(calls.length).toBe(0)
      yield* TestClock.adjust("1 second")
      expect([...calls].sort()).toEqual([...keys].sort())
      yield* Fiber.interrupt(fiber)
    }).pipe(Effect.provide(MemoryStore.layer))
  )

  it("computes the backoff as half the capped exponential delay plus a jittered half", () => {
    const options = { baseDelayMs: 1_000, maxDelayMs: 10_000 }
    expect([1, 2, 3, 4, 5, 6].map((a) => Dispatcher.backoffMs(a, 0, options))).toEqual([
      500, 1_000, 2_000, 4_000, 5_000, 5_000
    ])
    expect([1, 2, 3, 4, 5, 6].map((a) => Dispatcher.backoffMs(a, 0.999_999, options))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000
    ])
  })
})
