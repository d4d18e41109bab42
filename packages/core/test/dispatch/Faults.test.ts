// Property: whatever a flaky transport does (fail the first calls, fail at random, lose the
// answer after delivering), every committed message ends up delivered, and a receiver that
// dedupes on the idempotency key sees each one exactly once.
import { describe, expect, it } from "@effect/vitest"
import { Dispatcher, MemoryStore, Notifier, Rng, Store } from "@grenzeloos/core"
import { Effect, FastCheck, Layer, Random, TestClock } from "effect"
import { invitations } from "../notify/Samples.js"

const plan = FastCheck.record({
  messages: FastCheck.integer({ min: 1, max: 25 }),
  failFirst: FastCheck.integer({ min: 0, max: 30 }),
  failureRate: FastCheck.double({ min: 0, max: 0.6, noNaN: true }),
  loseAnswers: FastCheck.boolean(),
  dispatchers: FastCheck.integer({ min: 1, max: 3 }),
  seed: FastCheck.integer({ min: 1, max: 1_000_000 })
})

describe("Dispatcher under faults", () => {
  it.effect("sent = committed and no duplicates after dedupe, for any failure plan", () =>
    Effect.gen(function* () {
      const samples = FastCheck.sample(plan, { seed: 20270311, numRuns: 12 })
      for (const p of samples) {
        const outcome = yield* Effect.gen(function* () {
          const rng = Rng.make(p.seed)
          const received: Array<string> = []
          let calls = 0
          const flaky: Notifier.NotifierService = {
            channels: ["email"],
            send: (m) =>
              Effect.sync(() => {
                calls += 1
                const fail = calls <= p.failFirst || rng.next() < p.failureRate
                if (!fail) {
                  received.push(m.idempotencyKey)
                  return Notifier.Delivery.Delivered({})
                }
                // A lost answer: the receiver got it, the dispatcher does not know.
                if (p.loseAnswers && rng.next() < 0.5) received.push(m.idempotencyKey)
                return Notifier.Delivery.RetryLater({ reason: `planned failure ${calls}` })
              })
          }
          const store = yield* Store.forCommunity("rijk")
          const messages = invitations(p.messages)
          yield* store.commit({ outbox: messages.map(Notifier.toOutbox) })
          const options = { communityId: "rijk", maxAttempts: 100, baseDelayMs: 100, maxDelayMs: 2_000, batchSize: 7 }
          for (let round = 0; round < 200; round++) {
            yield* Effect.all(
              Array.from({ length: p.dispatchers }, () => Dispatcher.runOnce(options)),
              { concurrency: "unbounded" }
            ).pipe(Effect.provide(Layer.succeed(Notifier.Notifier, flaky)))
            const page = yield* store.outbox({ status: "delivered", limit: 1000 })
            if (page.items.length === messages.length) break
            yield* TestClock.adjust("2 seconds")
          }
          const delivered = (yield* store.outbox({ status: "delivered", limit: 1000 })).items.map((m) => m.id)
          return { p, committed: messages.map((m) => m.idempotencyKey).sort(), delivered: delivered.sort(), received }
        }).pipe(Effect.provide(MemoryStore.layer), Effect.withRandom(Random.make(p.seed)))
        expect(outcome.delivered, JSON.stringify(outcome.p)).toEqual(outcome.committed)
        expect([...new Set(outcome.received)].sort(), JSON.stringify(outcome.p)).toEqual(outcome.committed)
      }
    })
  )
})
