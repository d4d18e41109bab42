/**
 * Notifiers for tests: one that records what it is given, and one that fails in a planned way
 * (the first N calls, or calls chosen by a seeded generator) before passing on.
 *
 * @since 0.1.0
 */
import { type Notifier, Rng } from "@grenzeloos/core"
import { Effect } from "effect"

/**
 * A notifier that records every message it answers `Delivered` to, in order.
 *
 * @since 0.1.0
 */
export interface Recording {
  readonly notifier: Notifier.NotifierService
  /** Every delivered message, in order (a message sent twice appears twice). */
  readonly sent: () => ReadonlyArray<Notifier.RenderedMessage>
}

/**
 * Makes a recording notifier that answers `Delivered` to everything.
 *
 * @example
 * ```ts
 * import { RecordingNotifier } from "@grenzeloos/testkit"
 *
 * const recording = RecordingNotifier.make()
 * recording.sent().length // 0
 * ```
 * @since 0.1.0
 */
export const make = (channels: ReadonlyArray<Notifier.Channel> = ["email", "webhook"]): Recording => {
  const sent: Array<Notifier.RenderedMessage> = []
  return {
    notifier: {
      channels,
      send: (message) =>
        Effect.sync(() => {
          sent.push(message)
          return { _tag: "Delivered", receipt: `recorded #${sent.length}` } as const
        })
    },
    sent: () => sent
  }
}

/**
 * How a flaky notifier misbehaves before it passes a call on.
 *
 * @since 0.1.0
 */
export interface Faults {
  /** The first `failFirst` calls answer `RetryLater` (default 0). */
  readonly failFirst?: number
  /** After those, each call answers `RetryLater` with this probability (default 0), drawn from `seed`. */
  readonly failureRate?: number
  /** Some failures happen after the inner notifier delivered (a lost acknowledgement) when true. */
  readonly loseAcknowledgements?: boolean
  readonly seed?: number
}

/**
 * Wraps a notifier so that it fails as planned: `RetryLater` before sending, or (with
 * `loseAcknowledgements`) after the inner notifier delivered, like a connection lost after the
 * receiver accepted.
 *
 * @example
 * ```ts
 * import { RecordingNotifier } from "@grenzeloos/testkit"
 *
 * const inner = RecordingNotifier.make()
 * const flaky = RecordingNotifier.flaky(inner.notifier, { failFirst: 3, failureRate: 0.3, seed: 7 })
 * ```
 * @since 0.1.0
 */
export const flaky = (inner: Notifier.NotifierService, faults: Faults): Notifier.NotifierService => {
  const rng = Rng.make(faults.seed ?? 1)
  let calls = 0
  return {
    channels: inner.channels,
    send: (message) =>
      Effect.suspend(() => {
        calls += 1
        const fail = calls <= (faults.failFirst ?? 0) || rng.next() < (faults.failureRate ?? 0)
        if (!fail) return inner.send(message)
        if (faults.loseAcknowledgements === true && rng.next() < 0.5)
          return Effect.as(inner.send(message), {
            _tag: "RetryLater",
            reason: "connection lost after sending"
          } as const)
        return Effect.succeed({ _tag: "RetryLater", reason: `planned failure of call ${calls}` } as const)
      })
  }
}
