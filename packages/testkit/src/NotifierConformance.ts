/**
 * The conformance kit of the Notifier port: one call registers the vitest tests every notifier
 * adapter must pass, against the adapter's own real receiver (an SMTP server, an HTTP server)
 * that the harness starts and reads back from, in the manner of Auth.js's adapter tests. A failing
 * test names the guarantee that broke and how to fix the adapter.
 *
 * @since 0.1.0
 */
import { it } from "@effect/vitest"
import type { Notifier } from "@grenzeloos/core"
import { Effect, Redacted, type Scope } from "effect"
import { describe, expect, it as vitestIt } from "vitest"
import * as NotifierSamples from "./notifier/Samples.js"

/**
 * The groups of guarantees the kit checks; each can be skipped by name.
 *
 * @since 0.1.0
 */
export type NotifierGuarantee = "delivers-every-kind" | "idempotency-key" | "concurrent-sends" | "unreachable-receiver"

/**
 * One message as the receiver saw it, read back by the harness.
 *
 * @since 0.1.0
 */
export interface Arrival {
  /** The idempotency key as the receiver can recover it (from the Message-ID, the webhook-id, …). */
  readonly key: string
  /** The subject, when the channel carries one. */
  readonly subject?: string
  /**
   * For channels that carry calendar parts: the iCalendar method of the message's calendar part,
   * or `undefined` when it had none. Leave the field out for channels without calendar parts.
   */
  readonly calendarMethod?: string | undefined
}

/**
 * What the adapter under test provides: the notifier, pointed at a receiver the harness started,
 * and a way to read back what arrived there.
 *
 * @since 0.1.0
 */
export interface NotifierHarness {
  readonly notifier: Notifier.NotifierService
  readonly received: () => Effect.Effect<ReadonlyArray<Arrival>>
}

/**
 * Options of {@link notifierConformance}.
 *
 * @since 0.1.0
 */
export interface NotifierConformanceOptions {
  /** The channel the adapter serves. */
  readonly channel: Notifier.Channel
  /** The notifier pointed at a receiver that is down (e.g. a closed port on 127.0.0.1). */
  readonly unreachable: Effect.Effect<Notifier.NotifierService, unknown, Scope.Scope>
  /** Groups of guarantees not to check (reported as skipped, so the gap stays visible). */
  readonly skip?: ReadonlyArray<NotifierGuarantee>
  /** Timeout of each test in milliseconds (default 60 000). */
  readonly timeoutMs?: number
}

const broke = (guarantee: string, what: string, fix: string) =>
  `[${guarantee}] ${what}\n  How to fix the adapter: ${fix}`

/**
 * Registers the Notifier conformance tests for an adapter.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { type NotifierHarness, notifierConformance } from "@grenzeloos/testkit/vitest"
 *
 * declare const harness: Effect.Effect<NotifierHarness>
 * declare const down: NotifierHarness["notifier"]
 * notifierConformance("my-notifier", harness, { channel: "webhook", unreachable: Effect.succeed(down) })
 * ```
 * @since 0.1.0
 */
export const notifierConformance = <E>(
  name: string,
  harness: Effect.Effect<NotifierHarness, E, Scope.Scope>,
  options: NotifierConformanceOptions
): void => {
  const skip = new Set(options.skip ?? [])
  const timeout = options.timeoutMs ?? 60_000
  const channel = options.channel

  const check = (
    guarantee: NotifierGuarantee,
    title: string,
    body: () => Effect.Effect<void, unknown, Scope.Scope>
  ) => {
    if (skip.has(guarantee)) {
      vitestIt.skip(`${guarantee}: skipped by the adapter's options (this guarantee is NOT checked)`, () => {})
      return
    }
    it.scopedLive(`${guarantee}: ${title}`, body, timeout)
  }

  describe(`${name}: Notifier conformance (${channel})`, () => {
    check("delivers-every-kind", "every kind of message in Dutch and English is delivered and arrives", () =>
      Effect.gen(function* () {
        const { notifier, received } = yield* harness
        expect(
          notifier.channels,
          broke("delivers-every-kind", "the notifier does not declare its channel", `list "${channel}" in channels`)
        ).toContain(channel)
        const messages = NotifierSamples.everyKind(channel)
        for (const message of messages) {
          const answer = yield* notifier.send(message)
          expect(
            answer._tag,
            broke(
              "delivers-every-kind",
              `${message.idempotencyKey} was answered ${JSON.stringify(answer)}`,
              "answer Delivered once the receiver accepted the message"
            )
          ).toBe("Delivered")
        }
        const arrivals = yield* received()
        for (const message of messages) {
          const arrived = arrivals.filter((a) => a.key === message.idempotencyKey)
          expect(
            arrived.length,
            broke(
              "delivers-every-kind",
              `${message.idempotencyKey} arrived ${arrived.length} times`,
              "carry the idempotency key to the receiver (Message-ID, webhook-id)"
            )
          ).toBe(1)
          const first = arrived[0]
          if (first?.subject !== undefined) expect(first.subject).toBe(message.subject)
          const calendar = message.attachments.find((a) => a.calendarMethod !== undefined)
          if (first !== undefined && "calendarMethod" in first)
            expect(
              first.calendarMethod,
              broke(
                "delivers-every-kind",
                `${message.idempotencyKey} lost its calendar part`,
                "send the .ics as a text/calendar part with its method"
              )
            ).toBe(calendar?.calendarMethod)
        }
      })
    )

    check("idempotency-key", "a message sent twice arrives with the same key both times", () =>
      Effect.gen(function* () {
        const { notifier, received } = yield* harness
        const [message] = NotifierSamples.invitations(1, channel)
        if (message === undefined) return
        yield* notifier.send(message)
        yield* notifier.send(message)
        const keys = (yield* received()).map((a) => a.key)
        expect(
          keys,
          broke(
            "idempotency-key",
            "a resend was not recognisable as the same message",
            "derive the receiver-visible id from the idempotency key, never from a counter or the clock"
          )
        ).toEqual([message.idempotencyKey, message.idempotencyKey])
      })
    )

    check("concurrent-sends", "60 messages sent 12 at a time all arrive, once each", () =>
      Effect.gen(function* () {
        const { notifier, received } = yield* harness
        const messages = NotifierSamples.invitations(60, channel)
        const answers = yield* Effect.forEach(messages, (m) => notifier.send(m), { concurrency: 12 })
        expect(
          answers.every((a) => a._tag === "Delivered"),
          broke(
            "concurrent-sends",
            "a concurrent send was not delivered",
            "make send safe to call concurrently (a pool, no shared mutable state per call)"
          )
        ).toBe(true)
        const keys = (yield* received()).map((a) => a.key).sort()
        expect(keys).toEqual(messages.map((m) => m.idempotencyKey).sort())
      })
    )

    check("unreachable-receiver", "a receiver that is down gives RetryLater, without the address in the reason", () =>
      Effect.gen(function* () {
        const notifier = yield* options.unreachable
        const [message] = NotifierSamples.invitations(1, channel)
        if (message === undefined) return
        const answer = yield* notifier.send(message)
        expect(
          answer._tag,
          broke(
            "unreachable-receiver",
            `a receiver that is down was answered ${answer._tag}`,
            "treat connection errors and timeouts as RetryLater, never as a defect or FailedForGood"
          )
        ).toBe("RetryLater")
        const address = Redacted.value(message.recipients[0].email)
        expect(
          JSON.stringify(answer).includes(address),
          broke(
            "unreachable-receiver",
            "the failure reason contains a full e-mail address",
            "keep addresses Redacted; mask them in texts"
          )
        ).toBe(false)
      })
    )
  })
}
