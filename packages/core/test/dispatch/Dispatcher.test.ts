import { describe, expect, it } from "@effect/vitest"
import { Dispatcher, MemoryStore, Notifier, Store } from "@grenzeloos/core"
import { Deferred, Effect, Fiber, Layer, Random, TestClock } from "effect"
import { addressee, everyKind, invitations, rendered } from "../notify/Samples.js"

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
        // Released messages are due again within the first step: from half the base delay to the cap.
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
            [keys[1], 4, expect.stringMatching(/^gave up after 4 attempts in [\d.]+ s; last: 421 try again$/)],
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

  it("computes the backoff with full jitter: uniform between half the base delay and the capped exponential delay", () => {
    const options = { baseDelayMs: 1_000, maxDelayMs: 10_000 }
    expect([1, 2, 3, 4, 5, 6].map((a) => Dispatcher.backoffMs(a, 0, options))).toEqual([500, 500, 500, 500, 500, 500])
    expect([1, 2, 3, 4, 5, 6].map((a) => Dispatcher.backoffMs(a, 0.5, options))).toEqual([
      750, 1_250, 2_250, 4_250, 5_250, 5_250
    ])
    expect([1, 2, 3, 4, 5, 6].map((a) => Dispatcher.backoffMs(a, 0.999_999, options))).toEqual([
      999, 1_999, 3_999, 7_999, 9_999, 9_999
    ])
  })

  it("the default schedule: caps doubling from 1 s to 15 min, for a horizon of 6 hours (at least 4)", () => {
    const { horizonMs, capsMs } = Dispatcher.retrySchedule({})
    expect(horizonMs).toBe(6 * 3_600_000)
    expect(horizonMs).toBeGreaterThanOrEqual(4 * 3_600_000)
    expect(capsMs.slice(0, 11)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900].map((s) => s * 1_000))
    expect(capsMs.reduce((a, b) => a + b, 0)).toBe(horizonMs)
    expect(Math.max(...capsMs)).toBe(15 * 60_000)
  })

  for (const [name, random] of [
    ["short draws", 0.05],
    ["the longest draws", 0.999_999],
    ["seeded draws", undefined]
  ] as const)
    it.effect(
      `with default settings a failing message is dead-lettered at the 6-hour horizon, not before (${name})`,
      () =>
        Effect.gen(function* () {
          const [key] = yield* commit(1)
          const { calls, notifier } = recording(() => Notifier.Delivery.RetryLater({ reason: "ECONNREFUSED" }))
          const options = { communityId: COMMUNITY }
          const store = yield* Store.forCommunity(COMMUNITY)
          let now = 0
          for (let step = 0; step < 100_000; step++) {
            yield* Dispatcher.runOnce(options).pipe(Effect.provide(withNotifier(notifier)))
            const [pending] = yield* allOutbox("pending")
            if (pending === undefined) break
            // Jump straight to the next retry: the computed schedule, on the simulated clock.
            expect(pending.availableAt - now).toBeLessThanOrEqual(15 * 60_000)
            yield* TestClock.adjust(pending.availableAt - now)
            now = pending.availableAt
          }
          const [dead] = (yield* store.outbox({ status: "dead" })).items
          expect(dead?.id).toBe(key)
          expect(dead?.settledAt).toBe(6 * 3_600_000)
          expect(dead?.lastError).toMatch(/^gave up after \d+ attempts in 6\.0 h; last: ECONNREFUSED$/)
          // Full jitter at its extremes: many short steps, or about one per cap.
          expect(calls.length).toBeGreaterThanOrEqual(random === 0.05 ? 300 : 30)
        }).pipe(
          Effect.provide(MemoryStore.layer),
          random === undefined
            ? (e) => Effect.withRandom(e, Random.make(20270311))
            : (e) =>
                Effect.withRandom(e, { ...Random.make(1), next: Effect.succeed(random) } as unknown as Random.Random)
        )
    )

  it.effect(
    "a 10-minute outage with default settings: nothing dead, all delivered within one backoff step of the return",
    () =>
      seeded(
        Effect.gen(function* () {
          const keys = yield* commit(10)
          let up = false
          const { calls, notifier } = recording(() =>
            up ? Notifier.Delivery.Delivered({}) : Notifier.Delivery.RetryLater({ reason: "ECONNREFUSED" })
          )
          const options = { communityId: COMMUNITY }
          // The dispatcher runs every second (its default idle time) on the simulated clock.
          let second = 0
          for (; second <= 600; second++) {
            yield* Dispatcher.runOnce(options).pipe(Effect.provide(withNotifier(notifier)))
            yield* TestClock.adjust("1 second")
          }
          expect((yield* allOutbox("dead")).length).toBe(0)
          up = true
          const downCalls = calls.length
          // Each message's next retry was already scheduled: it is the step within which it must recover.
          const steps = (yield* allOutbox("pending")).map((m) => m.availableAt - 600_000)
          expect(steps.length).toBe(keys.length)
          let recoveredAt = 0
          for (; second <= 600 + 3_600; second++) {
            yield* Dispatcher.runOnce(options).pipe(Effect.provide(withNotifier(notifier)))
            if ((yield* allOutbox("delivered")).length === keys.length) {
              recoveredAt = second
              break
            }
            yield* TestClock.adjust("1 second")
          }
          expect(recoveredAt - 600).toBeGreaterThan(0)
          expect(recoveredAt - 600).toBeLessThanOrEqual(Math.ceil(Math.max(...steps) / 1_000) + 1)
          expect(Math.max(...steps)).toBeLessThanOrEqual(Dispatcher.DEFAULT_MAX_DELAY_MS)
          // No busy loop: while the peer was down, each message was tried a handful of times.
          expect(downCalls / keys.length).toBeLessThan(40)
        })
      ).pipe(Effect.provide(MemoryStore.layer))
  )

  it.effect("dead letters are listed and put back, each with an audit entry; a superseded one is not sent", () =>
    seeded(
      Effect.gen(function* () {
        const keys = yield* commit(3)
        const store = yield* Store.forCommunity(COMMUNITY)
        const { notifier } = recording(() => Notifier.Delivery.FailedForGood({ reason: "550 mailbox unavailable" }))
        yield* Dispatcher.runOnce({ communityId: COMMUNITY }).pipe(Effect.provide(withNotifier(notifier)))
        expect((yield* Dispatcher.deadLetters({ communityId: COMMUNITY }, { errorContains: "550" })).length).toBe(3)
        expect(yield* Dispatcher.retry({ communityId: COMMUNITY, actor: "team-01" }, keys[0] as string)).toBe("pending")
        expect(yield* Dispatcher.retry({ communityId: COMMUNITY, actor: "team-01" }, keys[0] as string)).toBe(
          "not-dead"
        )
        expect(
          yield* Dispatcher.retryDead({ communityId: COMMUNITY, actor: "team-01" }, { topic: "notify.email" })
        ).toEqual({
          pending: 2,
          superseded: 0
        })
        const pending = yield* allOutbox("pending")
        expect(pending.map((m) => [m.attempts, m.firstAttemptAt])).toEqual([
          [0, undefined],
          [0, undefined],
          [0, undefined]
        ])
        const audit = (yield* store.audit()).items.filter((a) => a.action === "outbox.retry")
        expect(audit.map((a) => [a.actor, a.subject?.id, (a.detail as { status: string }).status]).sort()).toEqual(
          keys.map((k) => ["team-01", k, "pending"]).sort()
        )
        const { calls, notifier: ok } = recording(() => Notifier.Delivery.Delivered({}))
        yield* Dispatcher.runOnce({ communityId: COMMUNITY }).pipe(Effect.provide(withNotifier(ok)))
        expect([...calls].sort()).toEqual([...keys].sort())
      })
    ).pipe(Effect.provide(MemoryStore.layer))
  )

  it.effect(
    "invitation → cancellation race: the cancellation waits for the invitation in flight, which is then superseded, never sent",
    () =>
      seeded(
        Effect.gen(function* () {
          const store = yield* Store.forCommunity(COMMUNITY)
          const kinds = everyKind(addressee(1, "nl"))
          const invitation = rendered(kinds[3] as Notifier.Notification)
          const cancellation = rendered(kinds[6] as Notifier.Notification)
          const reminder = rendered({ ...(kinds[4] as Notifier.Notification & { _tag: "Reminder" }), daysBefore: 7 })
          yield* store.commit({
            outbox: [Notifier.toOutbox(invitation), { ...Notifier.toOutbox(reminder), availableAt: 86_400_000 }]
          })
          const sent: Array<string> = []
          // While the invitation is on its way, the gathering is cancelled; then the server says 421.
          const racing: Notifier.NotifierService = {
            channels: ["email"],
            send: (m) =>
              Effect.gen(function* () {
                if (m.idempotencyKey === invitation.idempotencyKey) {
                  yield* store.commit({ outbox: [Notifier.toOutbox(cancellation)] })
                  return Notifier.Delivery.RetryLater({ reason: "421 try again" })
                }
                sent.push(m.idempotencyKey)
                return Notifier.Delivery.Delivered({})
              }).pipe(Effect.orDie)
          }
          const first = yield* Dispatcher.runOnce({ communityId: COMMUNITY }).pipe(Effect.provide(withNotifier(racing)))
          // The released invitation is superseded at once, so the cancellation goes in the next batch.
          expect(first).toMatchObject({ claimed: 2, retried: 1, delivered: 1 })
          expect(sent).toEqual([cancellation.idempotencyKey])
          yield* TestClock.adjust("2 days")
          yield* Dispatcher.runOnce({ communityId: COMMUNITY }).pipe(Effect.provide(withNotifier(racing)))
          expect(sent).toEqual([cancellation.idempotencyKey])
          const superseded = (yield* allOutbox("superseded")).map((m) => m.id).sort()
          expect(superseded).toEqual([invitation.idempotencyKey, reminder.idempotencyKey].sort())
        })
      ).pipe(Effect.provide(MemoryStore.layer))
  )
})
