/**
 * The outbox dispatcher: claims due outbox messages with a lease, sends each through the
 * Notifier, and settles it — acknowledged when delivered, released with a retry time after a
 * transient failure, dead-lettered after `maxAttempts` or on a permanent failure.
 *
 * Delivery is at-least-once: a dispatcher that dies after sending and before acknowledging
 * leaves the message claimed, and it is sent again once the lease expires, with the same
 * idempotency key, so a receiver that dedupes on the key sees it once. Claims are atomic in the
 * Store, so any number of dispatchers can run at once without sending a message twice while its
 * lease holds.
 *
 * Retry delays grow exponentially with "equal jitter": half of the capped exponential delay plus a
 * random part of the other half, after Marc Brooker (2015), "Exponential Backoff And Jitter", AWS
 * Architecture Blog. The random part comes from Effect's `Random` (seedable in tests), the time
 * from Effect's `Clock` (`TestClock` in tests).
 *
 * @since 0.1.0
 */
import { Cause, Duration, Effect, Either, Random, Schedule, Schema } from "effect"
import { match } from "ts-pattern"
import { RenderedMessage } from "../notify/Message.js"
import { Delivery, Notifier } from "../notify/Notifier.js"
import { type ClaimedMessage, type CommunityStore, Store, type StoreError } from "../ports/Store.js"

/**
 * How a dispatcher claims, retries and gives up. Every field but `communityId` has a default.
 *
 * @since 0.1.0
 */
export interface Options {
  readonly communityId: string
  /** How long a claim holds (default 60 000 ms); a send that takes longer is cut off at half of it. */
  readonly leaseMs?: number
  /** Messages claimed at a time (default 50). */
  readonly batchSize?: number
  /** Messages sent at once (default 8): the bound on connections to a receiver. */
  readonly concurrency?: number
  /** Attempts before a message is dead-lettered (default 10). */
  readonly maxAttempts?: number
  /** First retry delay (default 1 000 ms); it doubles with every attempt. */
  readonly baseDelayMs?: number
  /** Longest retry delay (default 1 hour). */
  readonly maxDelayMs?: number
  /** How long a running dispatcher waits when nothing is due (default 1 000 ms). */
  readonly idleMs?: number
}

/**
 * What one pass did.
 *
 * @since 0.1.0
 */
export interface Summary {
  readonly claimed: number
  readonly delivered: number
  readonly retried: number
  readonly deadLettered: number
  /** Settlements refused because the lease had expired and another dispatcher held the message. */
  readonly leasesLost: number
}

const EMPTY: Summary = { claimed: 0, delivered: 0, retried: 0, deadLettered: 0, leasesLost: 0 }

const add = (a: Summary, b: Summary): Summary => ({
  claimed: a.claimed + b.claimed,
  delivered: a.delivered + b.delivered,
  retried: a.retried + b.retried,
  deadLettered: a.deadLettered + b.deadLettered,
  leasesLost: a.leasesLost + b.leasesLost
})

interface Settings {
  readonly communityId: string
  readonly leaseMs: number
  readonly batchSize: number
  readonly concurrency: number
  readonly maxAttempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  readonly idleMs: number
}

const settingsOf = (options: Options): Settings => ({
  communityId: options.communityId,
  leaseMs: options.leaseMs ?? 60_000,
  batchSize: options.batchSize ?? 50,
  concurrency: options.concurrency ?? 8,
  maxAttempts: options.maxAttempts ?? 10,
  baseDelayMs: options.baseDelayMs ?? 1_000,
  maxDelayMs: options.maxDelayMs ?? 3_600_000,
  idleMs: options.idleMs ?? 1_000
})

/**
 * The retry delay after the `attempt`-th failed attempt (1-based), for a uniform `random` in
 * [0, 1): half the capped exponential delay plus `random` times the other half.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * Dispatcher.backoffMs(3, 0, { baseDelayMs: 1000, maxDelayMs: 60_000 }) // 2000 (cap 4000, half of it)
 * ```
 * @since 0.1.0
 */
export const backoffMs = (
  attempt: number,
  random: number,
  options: { readonly baseDelayMs: number; readonly maxDelayMs: number }
): number => {
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.max(1, Math.round(cap / 2 + random * (cap / 2)))
}

const decode = Schema.decodeUnknownEither(RenderedMessage)

type Outcome = "delivered" | "retried" | "deadLettered"

const one = (outcome: Outcome): Summary => ({ ...EMPTY, claimed: 1, [outcome]: 1 })

const deliver = (
  store: CommunityStore,
  settings: Settings,
  claimed: ClaimedMessage
): Effect.Effect<Summary, StoreError, Notifier> =>
  Effect.gen(function* () {
    const lease = { id: claimed.id, leaseId: claimed.leaseId }
    const decoded = decode(claimed.payload)
    if (Either.isLeft(decoded)) {
      yield* store.deadLetter(lease, {
        error: `the outbox payload is not a rendered message (topic ${claimed.topic}): ${decoded.left.message.slice(0, 2_000)}`
      })
      return one("deadLettered")
    }
    const notifier = yield* Notifier
    const answer = yield* notifier.send(decoded.right).pipe(
      Effect.timeoutTo({
        duration: Duration.millis(Math.max(1, Math.floor(settings.leaseMs / 2))),
        onSuccess: (delivery): Delivery => delivery,
        onTimeout: () => Delivery.RetryLater({ reason: `no answer within ${Math.floor(settings.leaseMs / 2)} ms` })
      }),
      Effect.catchAllCause((cause) =>
        Effect.succeed(Delivery.RetryLater({ reason: `the notifier failed: ${Cause.pretty(cause).slice(0, 2_000)}` }))
      )
    )
    return yield* match(answer)
      .with({ _tag: "Delivered" }, () => Effect.as(store.acknowledge(lease), one("delivered")))
      .with({ _tag: "FailedForGood" }, (a) =>
        Effect.as(store.deadLetter(lease, { error: a.reason }), one("deadLettered"))
      )
      .with({ _tag: "RetryLater" }, (a) =>
        claimed.attempts >= settings.maxAttempts
          ? Effect.as(
              store.deadLetter(lease, { error: `gave up after ${claimed.attempts} attempts; last: ${a.reason}` }),
              one("deadLettered")
            )
          : Effect.gen(function* () {
              const random = yield* Random.next
              const now = yield* Effect.clockWith((clock) => clock.currentTimeMillis)
              const backoff = backoffMs(claimed.attempts, random, settings)
              // Retry-After is honoured as a lower bound; the backoff keeps growing underneath it.
              const delay = Math.min(settings.maxDelayMs, Math.max(backoff, a.retryAfterMs ?? 0))
              yield* store.release(lease, { retryAt: now + delay, error: a.reason })
              return one("retried")
            })
      )
      .exhaustive()
  }).pipe(
    Effect.catchTag("StoreLeaseLost", () =>
      Effect.as(
        Effect.logWarning("outbox lease expired before settling; another dispatcher owns the message").pipe(
          Effect.annotateLogs({ messageId: claimed.id })
        ),
        { ...EMPTY, claimed: 1, leasesLost: 1 }
      )
    )
  )

/**
 * One batch: claims up to `batchSize` due messages and settles each.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * const batch = Dispatcher.runBatch({ communityId: "rijk" })
 * ```
 * @since 0.1.0
 */
export const runBatch = (options: Options): Effect.Effect<Summary, StoreError, Store | Notifier> =>
  Effect.gen(function* () {
    const settings = settingsOf(options)
    const store = (yield* Store).forCommunity(settings.communityId)
    const claimed = yield* store.claimOutbox({ leaseMs: settings.leaseMs, limit: settings.batchSize })
    const results = yield* Effect.forEach(claimed, (message) => deliver(store, settings, message), {
      concurrency: settings.concurrency
    })
    return results.reduce(add, EMPTY)
  }).pipe(Effect.withSpan("Dispatcher.runBatch"))

/**
 * Delivers until nothing is due (for a script or a cron job): batch after batch while the last
 * one claimed anything.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Dispatcher, MemoryStore, Notifier } from "@grenzeloos/core"
 *
 * const summary = Dispatcher.runOnce({ communityId: "rijk" }).pipe(
 *   Effect.provide(MemoryStore.layer),
 *   Effect.provide(Notifier.ConsoleNotifier.layer)
 * )
 * ```
 * @since 0.1.0
 */
export const runOnce = (options: Options): Effect.Effect<Summary, StoreError, Store | Notifier> =>
  Effect.iterate(
    { total: EMPTY, more: true },
    {
      while: (state) => state.more,
      body: (state) =>
        Effect.map(runBatch(options), (batch) => ({ total: add(state.total, batch), more: batch.claimed > 0 }))
    }
  ).pipe(Effect.map((state) => state.total))

/**
 * Runs for ever (fork it, e.g. with `Effect.forkScoped`): delivers what is due, waits `idleMs`,
 * and again. A failing Store is logged and retried after `idleMs`; it never stops the loop.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * const program = Effect.gen(function* () {
 *   yield* Effect.forkScoped(Dispatcher.run({ communityId: "rijk", idleMs: 500 }))
 *   // … the application runs …
 * })
 * ```
 * @since 0.1.0
 */
export const run = (options: Options): Effect.Effect<never, never, Store | Notifier> => {
  const settings = settingsOf(options)
  return runOnce(options).pipe(
    Effect.catchAll((error) => Effect.logError("outbox dispatch failed; trying again", error)),
    Effect.repeat(Schedule.spaced(Duration.millis(settings.idleMs))),
    Effect.zipRight(Effect.never)
  )
}
