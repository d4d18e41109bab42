/**
 * One outage, measured end to end through the dispatcher: messages are committed to an
 * in-memory outbox, the dispatcher runs (on the real clock) against a real receiver behind a
 * {@link FaultProxy}, the fault is injected for a while and then lifted. The result counts what
 * the receiver got: messages lost, duplicates, the time from the receiver's return to the last
 * delivery, how often the dispatcher tried to send while the receiver was down, and the CPU the
 * process used meanwhile.
 *
 * @since 0.1.0
 */
import { Dispatcher, MemoryStore, Notifier, Store } from "@grenzeloos/core"
import { Duration, Effect, Layer, type Scope } from "effect"
import type { Fault, FaultProxy } from "./FaultProxy.js"

/**
 * What one outage showed.
 *
 * @since 0.1.0
 */
export interface OutageReport {
  readonly committed: number
  /** Committed messages the receiver never got. */
  readonly lost: number
  /** Arrivals beyond the first of a message (all with the message's own key). */
  readonly duplicates: number
  /** From lifting the fault to the last message delivered (acknowledged). */
  readonly recoveryMs: number
  /**
   * Send attempts per committed message while the fault held. With backoff from `baseDelayMs`
   * doubling to `maxDelayMs`, a message is tried about log2(maxDelayMs / baseDelayMs) times plus
   * once per `maxDelayMs` after that; a busy loop tries hundreds of times. Unlike the CPU share, it
   * does not depend on how fast or how loaded the machine is.
   */
  readonly attemptsWhileDown: number
  /** CPU time (user + system) per wall-clock time while the fault held, 0 to 1 per core (a figure to read, not to assert on: it includes the compiler warming up). */
  readonly cpuWhileDown: number
  /** Messages dead-lettered. */
  readonly dead: number
}

/**
 * Runs one outage: commits `messages`, runs the dispatcher with `options`, injects `fault` for
 * `downMs`, lifts it, and waits (at most `giveUpMs`) until every message is delivered.
 * `received` reads the idempotency keys the receiver got, one per arrival.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FaultProxy, NotifierSamples, Outage } from "@grenzeloos/testkit"
 * import type { Notifier } from "@grenzeloos/core"
 *
 * declare const notifier: Notifier.NotifierService // sending through proxy.port
 * declare const proxy: FaultProxy.FaultProxy
 * declare const received: () => ReadonlyArray<string>
 * const report = Outage.measure({
 *   notifier,
 *   proxy,
 *   fault: { _tag: "Refuse" },
 *   messages: NotifierSamples.invitations(50, "email"),
 *   received,
 *   downMs: 2_000
 * })
 * ```
 * @since 0.1.0
 */
export const measure = (input: {
  readonly notifier: Notifier.NotifierService
  readonly proxy: FaultProxy
  readonly fault: Fault
  readonly messages: ReadonlyArray<Notifier.RenderedMessage>
  readonly received: () => ReadonlyArray<string>
  readonly downMs: number
  readonly options?: Partial<Dispatcher.Options>
  readonly giveUpMs?: number
}): Effect.Effect<OutageReport, Store.StoreError, Scope.Scope> =>
  Effect.suspend(() => {
    // Every send the dispatcher makes goes through here, counted while the fault holds.
    let attempts = 0
    let down = true
    const counting: Notifier.NotifierService = {
      channels: input.notifier.channels,
      send: (message) =>
        Effect.suspend(() => {
          if (down) attempts += 1
          return input.notifier.send(message)
        })
    }
    return Effect.gen(function* () {
      const communityId = "outage"
      const store = yield* Store.forCommunity(communityId)
      yield* store.commit({ outbox: input.messages.map(Notifier.toOutbox) })
      yield* input.proxy.set(input.fault)
      const cpuBefore = process.cpuUsage()
      const downAt = Date.now()
      yield* Effect.forkScoped(
        Dispatcher.run({
          communityId,
          baseDelayMs: 100,
          maxDelayMs: 1_000,
          leaseMs: 10_000,
          idleMs: 50,
          ...input.options
        })
      )
      yield* Effect.sleep(Duration.millis(input.downMs))
      const cpu = process.cpuUsage(cpuBefore)
      const cpuWhileDown = (cpu.user + cpu.system) / 1_000 / Math.max(1, Date.now() - downAt)
      down = false
      const attemptsWhileDown = attempts / Math.max(1, input.messages.length)
      yield* input.proxy.set({ _tag: "Pass" })
      const upAt = Date.now()
      const giveUpAt = upAt + (input.giveUpMs ?? 20_000)
      let delivered = 0
      while (Date.now() < giveUpAt) {
        delivered = yield* countOf(store, "delivered")
        if (delivered === input.messages.length) break
        yield* Effect.sleep(Duration.millis(100))
      }
      const recoveryMs = Date.now() - upAt
      const arrivals = input.received()
      const keys = new Set(arrivals)
      return {
        committed: input.messages.length,
        lost: input.messages.filter((m) => !keys.has(m.idempotencyKey)).length,
        duplicates: arrivals.length - keys.size,
        recoveryMs,
        attemptsWhileDown,
        cpuWhileDown,
        dead: yield* countOf(store, "dead")
      }
    }).pipe(Effect.provide(Layer.merge(MemoryStore.layer, Layer.succeed(Notifier.Notifier, counting))))
  })

const countOf = (store: Store.CommunityStore, status: Store.OutboxStatus) =>
  Effect.map(
    Store.everyPage((page) => store.outbox({ ...page, status })),
    (entries) => entries.length
  )
