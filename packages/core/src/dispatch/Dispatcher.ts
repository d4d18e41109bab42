/**
 * The outbox dispatcher: claims due outbox messages with a lease, sends each through the
 * Notifier, and settles it — acknowledged when delivered, released with a retry time after a
 * transient failure, dead-lettered once the retry horizon (`retryForMs`, 6 hours by default) has
 * passed or on a permanent failure. Dead letters can be put back with {@link retry} and
 * {@link retryDead}, each with an audit entry. Ordering and supersession within a recipient's
 * stream are the Store's (decision 0057): the dispatcher never sees a superseded message.
 *
 * Delivery is at-least-once: a dispatcher that dies after sending and before acknowledging
 * leaves the message claimed, and it is sent again once the lease expires, with the same
 * idempotency key, so a receiver that dedupes on the key sees it once. Claims are atomic in the
 * Store, so any number of dispatchers can run at once without sending a message twice while its
 * lease holds (decision 0058 measures the window).
 *
 * Retry delays grow exponentially with "full jitter": a uniform random part of the capped
 * exponential delay, after Marc Brooker (2015), "Exponential Backoff And Jitter", AWS
 * Architecture Blog (decision 0056). The random part comes from Effect's `Random` (seedable in
 * tests), the time from Effect's `Clock` (`TestClock` in tests).
 *
 * @since 0.1.0
 */
import { Cause, Duration, Effect, Either, Random, Schedule, Schema } from "effect"
import { match } from "ts-pattern"
import { RenderedMessage } from "../notify/Message.js"
import { Delivery, Notifier } from "../notify/Notifier.js"
import {
  type ClaimedMessage,
  type CommunityStore,
  everyPage,
  type OutboxEntry,
  Store,
  type StoreError
} from "../ports/Store.js"

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
  /**
   * How long a message is retried, from its first attempt, before it is dead-lettered (default
   * 6 hours: {@link DEFAULT_RETRY_FOR_MS}). The last retry is placed at the end of it.
   */
  readonly retryForMs?: number
  /** Attempts before a message is dead-lettered even inside the horizon (default: no limit). */
  readonly maxAttempts?: number
  /** The cap of the first retry delay (default 1 000 ms); it doubles with every attempt. */
  readonly baseDelayMs?: number
  /** The largest cap of a retry delay (default 15 minutes). */
  readonly maxDelayMs?: number
  /**
   * The largest retry delay as a share of the time the message has been failing (default 0.4:
   * {@link DEFAULT_MAX_DELAY_SHARE}). It bounds recovery: after an outage of length T, every
   * message is tried again within 0.4 · T of the receiver's return (but never sooner than the base
   * delay), however many attempts it took during the outage.
   */
  readonly maxDelayShare?: number
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
  readonly retryForMs: number
  readonly maxAttempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  readonly maxDelayShare: number
  readonly idleMs: number
}

const settingsOf = (options: Options): Settings => ({
  communityId: options.communityId,
  leaseMs: options.leaseMs ?? 60_000,
  batchSize: options.batchSize ?? 50,
  concurrency: options.concurrency ?? 8,
  retryForMs: options.retryForMs ?? DEFAULT_RETRY_FOR_MS,
  maxAttempts: options.maxAttempts ?? Number.POSITIVE_INFINITY,
  baseDelayMs: options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
  maxDelayMs: options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
  maxDelayShare: options.maxDelayShare ?? DEFAULT_MAX_DELAY_SHARE,
  idleMs: options.idleMs ?? 1_000
})

/**
 * The default retry horizon: 6 hours from a message's first attempt.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * Dispatcher.DEFAULT_RETRY_FOR_MS / 3_600_000 // 6 (hours)
 * ```
 * @since 0.1.0
 */
export const DEFAULT_RETRY_FOR_MS = 6 * 3_600_000

/**
 * The default cap of the first retry delay: 1 second.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * Dispatcher.DEFAULT_BASE_DELAY_MS // 1000
 * ```
 * @since 0.1.0
 */
export const DEFAULT_BASE_DELAY_MS = 1_000

/**
 * The default largest cap of a retry delay: 15 minutes.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * Dispatcher.DEFAULT_MAX_DELAY_MS / 60_000 // 15 (minutes)
 * ```
 * @since 0.1.0
 */
export const DEFAULT_MAX_DELAY_MS = 15 * 60_000

/**
 * The default largest retry delay as a share of the time a message has been failing: after a
 * 60-second outage, every message is tried again within 24 seconds of the receiver's return.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * Dispatcher.DEFAULT_MAX_DELAY_SHARE * 60 // 24 (seconds, after a one-minute outage)
 * ```
 * @since 0.1.0
 */
export const DEFAULT_MAX_DELAY_SHARE = 0.4

/**
 * The cap of the retry delay after the `attempt`-th failed attempt (1-based), for a message that
 * has been failing for `failingForMs`:
 * `min(maxDelayMs, baseDelayMs · 2^(attempt−1), max(baseDelayMs, maxDelayShare · failingForMs))`.
 * The last term keeps the wait after an outage in proportion to the outage, whatever the number
 * of attempts (without `failingForMs` it does not apply).
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * Dispatcher.backoffCapMs(3, { baseDelayMs: 1000, maxDelayMs: 60_000 }) // 4000
 * // 20 attempts into a one-minute outage: at most 24 s, not 60 s.
 * Dispatcher.backoffCapMs(20, { baseDelayMs: 1000, maxDelayMs: 60_000, maxDelayShare: 0.4 }, 60_000) // 24000
 * ```
 * @since 0.1.0
 */
export const backoffCapMs = (
  attempt: number,
  options: { readonly baseDelayMs: number; readonly maxDelayMs: number; readonly maxDelayShare?: number },
  failingForMs: number = Number.POSITIVE_INFINITY
): number =>
  Math.min(
    options.maxDelayMs,
    options.baseDelayMs * 2 ** Math.min(60, Math.max(0, attempt - 1)),
    Math.max(options.baseDelayMs, Math.floor((options.maxDelayShare ?? DEFAULT_MAX_DELAY_SHARE) * failingForMs))
  )

/**
 * The retry delay after the `attempt`-th failed attempt (1-based), for a uniform `random` in
 * [0, 1): "full jitter" over the whole step, from half of `baseDelayMs` (a floor, so a failing
 * receiver is never retried at once) to the cap ({@link backoffCapMs}).
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * Dispatcher.backoffMs(3, 0.5, { baseDelayMs: 1000, maxDelayMs: 60_000 }) // 2250 (500 + half of 4000 − 500)
 * ```
 * @since 0.1.0
 */
export const backoffMs = (
  attempt: number,
  random: number,
  options: { readonly baseDelayMs: number; readonly maxDelayMs: number; readonly maxDelayShare?: number },
  failingForMs: number = Number.POSITIVE_INFINITY
): number => {
  const cap = backoffCapMs(attempt, options, failingForMs)
  const floor = Math.min(cap, options.baseDelayMs) / 2
  return Math.max(1, Math.floor(floor + random * (cap - floor)))
}

/**
 * The retry schedule of a message that keeps failing, as the dispatcher computes it: the caps of
 * the delays, one per failed attempt, until the horizon (the last delay is cut to end at it),
 * and the horizon itself. With full jitter each real delay is a uniform part of its cap, so the
 * message is dead-lettered at the first failure at or after `horizonMs` from its first attempt,
 * whatever the random draws: the horizon is exact, the number of attempts is not.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * const { horizonMs, capsMs } = Dispatcher.retrySchedule({})
 * // horizonMs 21_600_000 (6 h); capsMs [1000, 1000, 1000, 1200, 1680, 2352, …, 900_000, 900_000, …]
 * // (each at most 0.4 of the time failing so far, until the 15-minute cap)
 * ```
 * @since 0.1.0
 */
export const retrySchedule = (
  options: Pick<Options, "retryForMs" | "baseDelayMs" | "maxDelayMs" | "maxDelayShare">
): { readonly horizonMs: number; readonly capsMs: ReadonlyArray<number> } => {
  const horizonMs = options.retryForMs ?? DEFAULT_RETRY_FOR_MS
  const caps: Array<number> = []
  let elapsed = 0
  for (let attempt = 1; elapsed < horizonMs; attempt++) {
    const cap = Math.min(
      horizonMs - elapsed,
      backoffCapMs(
        attempt,
        {
          baseDelayMs: options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
          maxDelayMs: options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
          maxDelayShare: options.maxDelayShare ?? DEFAULT_MAX_DELAY_SHARE
        },
        elapsed
      )
    )
    caps.push(cap)
    elapsed += cap
  }
  return { horizonMs, capsMs: caps }
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
        Effect.gen(function* () {
          const now = yield* Effect.clockWith((clock) => clock.currentTimeMillis)
          const deadline = (claimed.firstAttemptAt ?? now) + settings.retryForMs
          if (now >= deadline || claimed.attempts >= settings.maxAttempts) {
            const tried = `${claimed.attempts} ${claimed.attempts === 1 ? "attempt" : "attempts"} in ${formatDuration(now - (claimed.firstAttemptAt ?? now))}`
            yield* store.deadLetter(lease, { error: `gave up after ${tried}; last: ${a.reason}` })
            return one("deadLettered")
          }
          const random = yield* Random.next
          const backoff = backoffMs(claimed.attempts, random, settings, now - (claimed.firstAttemptAt ?? now))
          // Retry-After is honoured as a lower bound; the last retry falls at the horizon.
          const delay = Math.min(settings.maxDelayMs, Math.max(backoff, a.retryAfterMs ?? 0))
          yield* store.release(lease, { retryAt: Math.min(now + delay, deadline), error: a.reason })
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

const formatDuration = (ms: number): string =>
  ms >= 3_600_000
    ? `${(ms / 3_600_000).toFixed(1)} h`
    : ms >= 60_000
      ? `${(ms / 60_000).toFixed(1)} min`
      : `${(ms / 1_000).toFixed(1)} s`

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

/**
 * Who puts dead letters back, for the audit log: the community and a pseudonymous actor id
 * (never a name or an address).
 *
 * @since 0.1.0
 */
export interface RetryOptions {
  readonly communityId: string
  readonly actor: string
}

/**
 * What became of a dead letter put back: `pending` (due now, with a fresh retry horizon),
 * `superseded` (a later message of its stream made it obsolete, so it is settled without
 * sending), or `not-dead` (it was not dead, or not there: nothing changed, nothing audited).
 *
 * @since 0.1.0
 */
export type Retried = "pending" | "superseded" | "not-dead"

const auditRetry = (
  store: CommunityStore,
  actor: string,
  id: string,
  status: "pending" | "superseded",
  lastError: string | undefined
) =>
  Effect.flatMap(
    Effect.sync(() => globalThis.crypto.randomUUID()),
    (uuid) =>
      store.commit({
        audit: [
          {
            id: `outbox-retry-${uuid}`,
            actor,
            action: "outbox.retry",
            subject: { kind: "outbox", id },
            detail: { status, ...(lastError === undefined ? {} : { lastError: lastError.slice(0, 500) }) }
          }
        ]
      })
  )

/**
 * Puts one dead letter back in the queue, and records it in the audit log (`outbox.retry`, with
 * the outcome). The revival and its audit entry are two commits: a crash between them leaves a
 * revived message without its entry, never an entry without a revival.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * const program = Dispatcher.retry({ communityId: "rijk", actor: "team-01" }, "gathering-invitation:g-1:0:m-001:email")
 * ```
 * @since 0.1.0
 */
export const retry = (options: RetryOptions, id: string): Effect.Effect<Retried, StoreError, Store> =>
  Effect.gen(function* () {
    const store = (yield* Store).forCommunity(options.communityId)
    const status = yield* store.reviveOutbox(id)
    if (status === undefined) return "not-dead" as const
    yield* auditRetry(store, options.actor, id, status, undefined)
    return status
  }).pipe(Effect.withSpan("Dispatcher.retry"))

/**
 * Which dead letters {@link retryDead} puts back: all of them, or those of a topic, those whose
 * error contains a text, or those that died in a time window (epoch milliseconds).
 *
 * @since 0.1.0
 */
export interface DeadFilter {
  readonly topic?: string
  readonly errorContains?: string
  readonly deadSince?: number
  readonly deadBefore?: number
}

/**
 * Lists the dead letters that match a filter, oldest id first, page by page.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * const program = Dispatcher.deadLetters({ communityId: "rijk" }, { errorContains: "ECONNREFUSED" })
 * ```
 * @since 0.1.0
 */
export const deadLetters = (
  options: { readonly communityId: string },
  filter: DeadFilter = {}
): Effect.Effect<ReadonlyArray<OutboxEntry>, StoreError, Store> =>
  Effect.gen(function* () {
    const store = (yield* Store).forCommunity(options.communityId)
    const dead = yield* everyPage((page) => store.outbox({ ...page, status: "dead" }), 500)
    return dead.filter((entry) => matches(entry, filter))
  })

const matches = (entry: OutboxEntry, filter: DeadFilter) =>
  (filter.topic === undefined || entry.topic === filter.topic) &&
  (filter.errorContains === undefined || (entry.lastError ?? "").includes(filter.errorContains)) &&
  (filter.deadSince === undefined || (entry.settledAt ?? 0) >= filter.deadSince) &&
  (filter.deadBefore === undefined || (entry.settledAt ?? 0) < filter.deadBefore)

/**
 * Puts back every dead letter that matches the filter (all of them without one), each with its
 * own audit entry, and counts the outcomes.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@grenzeloos/core"
 *
 * // After an outage of the mail server: everything that died of a refused connection.
 * const program = Dispatcher.retryDead({ communityId: "rijk", actor: "team-01" }, { errorContains: "ECONNREFUSED" })
 * ```
 * @since 0.1.0
 */
export const retryDead = (
  options: RetryOptions,
  filter: DeadFilter = {}
): Effect.Effect<{ readonly pending: number; readonly superseded: number }, StoreError, Store> =>
  Effect.gen(function* () {
    const store = (yield* Store).forCommunity(options.communityId)
    const dead = yield* deadLetters(options, filter)
    let pending = 0
    let superseded = 0
    for (const entry of dead) {
      const status = yield* store.reviveOutbox(entry.id)
      if (status === undefined) continue
      yield* auditRetry(store, options.actor, entry.id, status, entry.lastError)
      if (status === "pending") pending += 1
      else superseded += 1
    }
    return { pending, superseded }
  }).pipe(Effect.withSpan("Dispatcher.retryDead"))
