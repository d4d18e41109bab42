// The "outbox-ordering" guarantees of the Store conformance kit (decision 0057): ordering within
// a stream, supersession, expiry and the revival of dead letters. Registered by
// `storeConformance`; kept in a file of its own.
import type { Vitest } from "@effect/vitest"
import type { Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import type { Kit } from "./Kit.js"
import * as ManualClock from "./ManualClock.js"

const START_MS = 1_800_000_000_000

const UPGRADE = 'see "Upgrading an adapter" (docs/guides/writing-a-storage-adapter.md#upgrading-an-adapter)'

const broke = (what: string, fix: string) =>
  `[outbox-ordering] ${what}\n  How to fix the adapter: ${fix}; this guarantee was added in Store port 0.2, ${UPGRADE}`

const present = <A>(value: A | undefined, what: string): A => {
  if (value === undefined) throw new Error(`expected ${what}, got nothing`)
  return value
}

const STREAM = "gathering:g-1:m-1:email"

const invitation: Store.OutboxMessage = {
  id: "inv-1",
  topic: "notify.email",
  payload: { n: "invitation" },
  stream: STREAM,
  label: "gathering.invited"
}
const reminder = (availableAt: number): Store.OutboxMessage => ({
  id: "rem-1",
  topic: "notify.email",
  payload: { n: "reminder" },
  stream: STREAM,
  label: "gathering.reminded",
  availableAt,
  expiresAt: availableAt + 86_400_000
})
const cancellation: Store.OutboxMessage = {
  id: "cancel-1",
  topic: "notify.email",
  payload: { n: "cancellation" },
  stream: STREAM,
  label: "gathering.cancelled",
  supersedes: ["gathering.invited", "gathering.reminded", "gathering.changed"]
}
const update = (id: string): Store.OutboxMessage => ({
  id,
  topic: "notify.email",
  payload: { n: id },
  stream: STREAM,
  label: "gathering.changed",
  supersedes: ["gathering.changed"]
})

const statuses = (store: Store.CommunityStore) =>
  Effect.map(store.outbox({ limit: 100 }), (page) =>
    Object.fromEntries(page.items.map((m) => [m.id, m.status] as const))
  )

const ids = (messages: ReadonlyArray<{ readonly id: string }>) => messages.map((m) => m.id).sort()

/** Registers the tests; `withStore` gives each its own community. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout }: Kit): void => {
  const test = (
    name: string,
    label: string,
    body: (store: Store.CommunityStore, time: ManualClock.ManualClock) => Effect.Effect<void, unknown>
  ) =>
    it.effect(
      name,
      () =>
        withStore(label, (store, service) => {
          expect(
            service.capabilities.outboxStreams,
            broke(
              `the adapter does not declare capabilities.outboxStreams, so the core refuses outbox streams`,
              "keep commit order, supersession, expiry, firstAttemptAt and reviveOutbox, then declare capabilities.outboxStreams: true"
            )
          ).toBe(true)
          const time = ManualClock.make(START_MS)
          return body(store, time).pipe(Effect.withClock(time.clock))
        }),
      timeout
    )

  test(
    "a cancellation supersedes the pending invitation and reminders of its stream, nothing else",
    "supersede",
    (store, time) =>
      Effect.gen(function* () {
        yield* store.commit({
          outbox: [
            invitation,
            reminder(START_MS + 86_400_000),
            { ...invitation, id: "inv-2", stream: "gathering:g-1:m-2:email" },
            { id: "vote-1", topic: "notify.email", payload: {}, stream: STREAM, label: "vote.requested" },
            { id: "plain-1", topic: "notify.email", payload: {} }
          ]
        })
        time.advance(1_000)
        yield* store.commit({ outbox: [cancellation] })
        expect(
          yield* statuses(store),
          broke(
            "a cancellation did not settle the earlier pending messages it names as superseded, or touched others",
            "in commit, set status 'superseded' on pending messages of the same stream, committed before, whose label is in supersedes"
          )
        ).toEqual({
          "inv-1": "superseded",
          "rem-1": "superseded",
          "inv-2": "pending",
          "vote-1": "pending",
          "plain-1": "pending",
          "cancel-1": "pending"
        })
        const [gone] = (yield* store.outbox({ status: "superseded", limit: 1 })).items
        expect([gone?.lastError, gone?.settledAt]).toEqual(["superseded by cancel-1", START_MS + 1_000])
        const claimed = yield* store.claimOutbox({ leaseMs: 60_000, limit: 10 })
        expect(ids(claimed), broke("a superseded message was claimed", "claim only pending messages")).toEqual([
          "inv-2",
          "plain-1",
          "vote-1"
        ])
        // The cancellation waits for the vote request committed before it in its stream.
        expect(claimed.map((m) => [m.id, m.stream, m.label]).find(([id]) => id === "vote-1")).toEqual([
          "vote-1",
          STREAM,
          "vote.requested"
        ])
      })
  )

  test(
    "invitation → cancellation race: the cancellation waits for the invitation in flight, which is superseded if it must be retried",
    "race",
    (store, time) =>
      Effect.gen(function* () {
        yield* store.commit({ outbox: [invitation] })
        const [inFlight] = yield* store.claimOutbox({ leaseMs: 60_000 })
        yield* store.commit({ outbox: [cancellation] })
        expect(
          yield* store.claimOutbox({ leaseMs: 60_000 }),
          broke(
            "a cancellation was claimed while the invitation before it in its stream was still being sent",
            "do not claim a message while an earlier message of its stream is claimed"
          )
        ).toEqual([])
        yield* store.release(present(inFlight, "the claimed invitation"), { retryAt: START_MS + 5_000, error: "421" })
        expect(
          (yield* statuses(store))["inv-1"],
          broke(
            "a released invitation that a later cancellation supersedes went back to pending",
            "on release, settle as 'superseded' a message that a later message of its stream supersedes"
          )
        ).toBe("superseded")
        time.advance(5_000)
        expect(ids(yield* store.claimOutbox({ leaseMs: 60_000 }))).toEqual(["cancel-1"])
      })
  )

  test(
    "a later message of a stream is not claimed while an earlier one is retrying, nor in the same claim",
    "order",
    (store, time) =>
      Effect.gen(function* () {
        yield* store.commit({ outbox: [invitation] })
        const [first] = yield* store.claimOutbox({ leaseMs: 60_000 })
        yield* store.release(present(first, "the claimed invitation"), { retryAt: START_MS + 10_000 })
        yield* store.commit({ outbox: [update("upd-1"), { ...update("upd-x"), stream: "gathering:g-1:m-9:email" }] })
        expect(
          ids(yield* store.claimOutbox({ leaseMs: 60_000 })),
          broke(
            "a later message of a stream was claimed while an earlier one waited for its retry",
            "do not claim a message while an earlier message of its stream is pending with attempts > 0"
          )
        ).toEqual(["upd-x"])
        time.advance(10_000)
        const [again] = yield* store.claimOutbox({ leaseMs: 60_000, limit: 10 })
        expect(again?.id).toBe("inv-1")
        yield* store.acknowledge(present(again, "the invitation again"))
        expect(ids(yield* store.claimOutbox({ leaseMs: 60_000 }))).toEqual(["upd-1"])
        // Two due messages of one stream in one claim: only the earlier.
        yield* store.commit({
          outbox: [
            { id: "a-1", topic: "t", payload: 1, stream: "s-2", label: "x" },
            { id: "a-2", topic: "t", payload: 2, stream: "s-2", label: "x" }
          ]
        })
        expect(
          ids(yield* store.claimOutbox({ leaseMs: 60_000, limit: 10 })),
          broke(
            "two messages of one stream were claimed together",
            "claim a message only when no earlier message of its stream is claimed or due"
          )
        ).toEqual(["a-1"])
      })
  )

  test(
    "a message held until later (a reminder) does not hold back the stream; expired ones are superseded, never claimed",
    "expiry",
    (store, time) =>
      Effect.gen(function* () {
        yield* store.commit({ outbox: [reminder(START_MS + 3_600_000)] })
        yield* store.commit({ outbox: [update("upd-1")] })
        const [due] = yield* store.claimOutbox({ leaseMs: 60_000 })
        expect(due?.id).toBe("upd-1")
        yield* store.acknowledge(present(due, "the update"))
        time.advance(3_600_000 + 86_400_000)
        expect(
          yield* store.claimOutbox({ leaseMs: 60_000 }),
          broke(
            "an expired message was claimed",
            "in claimOutbox, first settle pending messages with expires_at <= now as 'superseded'"
          )
        ).toEqual([])
        const [expired] = (yield* store.outbox({ status: "superseded" })).items
        expect([expired?.id, expired?.lastError, expired?.expiresAt]).toEqual([
          "rem-1",
          "expired before it was sent",
          START_MS + 3_600_000 + 86_400_000
        ])
      })
  )

  test("an update supersedes the previous update; in one batch, in batch order", "updates", (store) =>
    Effect.gen(function* () {
      yield* store.commit({ outbox: [update("upd-1")] })
      yield* store.commit({ outbox: [update("upd-2")] })
      yield* store.commit({
        outbox: [
          { ...invitation, id: "inv-9", stream: "s-9" },
          { ...cancellation, id: "cancel-9", stream: "s-9" }
        ]
      })
      expect(yield* statuses(store)).toEqual({
        "upd-1": "superseded",
        "upd-2": "pending",
        "inv-9": "superseded",
        "cancel-9": "pending"
      })
      const kept = (yield* store.outbox({ status: "pending" })).items.find((m) => m.id === "upd-2")
      expect(kept?.supersedes, broke("supersedes did not round-trip", "store and return the labels")).toEqual([
        "gathering.changed"
      ])
    })
  )

  test(
    "a dead message is put back due now with 0 attempts, or superseded when a later message supersedes it; nothing else is",
    "revive",
    (store, time) =>
      Effect.gen(function* () {
        yield* store.commit({ outbox: [invitation, { id: "plain-1", topic: "t", payload: 1 }] })
        const claimed = yield* store.claimOutbox({ leaseMs: 60_000 })
        expect(claimed.map((m) => m.firstAttemptAt)).toEqual([START_MS, START_MS])
        for (const m of claimed) yield* store.deadLetter(m, { error: "550" })
        time.advance(1_000)
        expect(
          yield* store.reviveOutbox("plain-1"),
          broke("a dead message was not revived", "implement reviveOutbox: dead → pending")
        ).toBe("pending")
        const [back] = (yield* store.outbox({ status: "pending" })).items
        expect([
          back?.id,
          back?.attempts,
          back?.availableAt,
          back?.settledAt,
          back?.firstAttemptAt,
          back?.lastError
        ]).toEqual(["plain-1", 0, START_MS + 1_000, undefined, undefined, "550"])
        expect(
          yield* store.reviveOutbox("plain-1"),
          broke("a message that is not dead was revived", "revive only messages with status 'dead'")
        ).toBeUndefined()
        expect(yield* store.reviveOutbox("never-there")).toBeUndefined()
        yield* store.commit({ outbox: [cancellation] })
        expect(
          yield* store.reviveOutbox("inv-1"),
          broke(
            "a dead invitation was revived although a later cancellation supersedes it",
            "in reviveOutbox, settle as 'superseded' a message that a later message of its stream supersedes"
          )
        ).toBe("superseded")
        const [again] = yield* store.claimOutbox({ leaseMs: 60_000 })
        expect(again?.firstAttemptAt).toBe(START_MS + 1_000)
      })
  )
}
