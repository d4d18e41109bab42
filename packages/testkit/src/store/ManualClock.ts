/**
 * A clock whose time the test sets, while sleeps and timeouts keep running on real time (so a
 * database client's own timeouts still work under it).
 *
 * @since 0.1.0
 */
import { Clock, Effect } from "effect"

/**
 * A clock the test moves by hand.
 *
 * @since 0.1.0
 */
export interface ManualClock {
  readonly clock: Clock.Clock
  /** Moves the time forward by `ms` milliseconds. */
  readonly advance: (ms: number) => void
  readonly now: () => number
}

/**
 * Makes a manual clock starting at `startMs` (epoch milliseconds).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { ManualClock } from "@grenzeloos/testkit"
 *
 * const time = ManualClock.make(1_800_000_000_000)
 * const program = Effect.withClock(Effect.void, time.clock)
 * time.advance(60_000)
 * ```
 * @since 0.1.0
 */
export const make = (startMs: number): ManualClock => {
  let now = startMs
  const live = Clock.make()
  const clock: Clock.Clock = {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => now,
    unsafeCurrentTimeNanos: () => BigInt(now) * 1_000_000n,
    currentTimeMillis: Effect.sync(() => now),
    currentTimeNanos: Effect.sync(() => BigInt(now) * 1_000_000n),
    sleep: (duration) => live.sleep(duration)
  }
  return {
    clock,
    advance: (ms) => {
      now += ms
    },
    now: () => now
  }
}
