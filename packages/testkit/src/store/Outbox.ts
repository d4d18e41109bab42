// The "outbox" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { broke, failureOf, type Kit, listAllOutbox, present, START_MS } from "./Kit.js"
import * as ManualClock from "./ManualClock.js"

/** Registers the outbox tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout }: Kit): void => {
  it.effect(
    "removes outbox messages named in a batch, whatever their state, together with the batch",
    () =>
      withStore("removal", (store) =>
        Effect.gen(function* () {
          yield* store.commit({
            outbox: [
              { id: "msg-keep", topic: "t", payload: { to: "a" } },
              { id: "msg-sent", topic: "t", payload: { to: "b" } },
              { id: "msg-queued", topic: "t", payload: { to: "b" } }
            ]
          })
          const [sent] = yield* store
            .claimOutbox({ leaseMs: 30_000, limit: 10 })
            .pipe(Effect.map((claimed) => claimed.filter((m) => m.id === "msg-sent")))
          if (sent !== undefined) yield* store.acknowledge({ id: sent.id, leaseId: sent.leaseId })
          // A batch that conflicts removes nothing.
          const conflict = yield* failureOf(
            store.commit({
              writes: [Store.put("member", "m-removal", 5, {})],
              outboxRemovals: ["msg-sent", "msg-queued"]
            })
          )
          expect(conflict?._tag).toBe("StoreConflict")
          expect(
            (yield* listAllOutbox(store)).map((m) => m.id).sort(),
            broke(
              "outbox",
              "outbox messages were removed by a batch that failed",
              "delete the outboxRemovals ids inside the batch's transaction, after its checks"
            )
          ).toEqual(["msg-keep", "msg-queued", "msg-sent"])
          yield* store.commit({ outboxRemovals: ["msg-sent", "msg-queued", "msg-never-existed"] })
          expect(
            (yield* listAllOutbox(store)).map((m) => m.id),
            broke(
              "outbox",
              "outboxRemovals did not delete the named messages (delivered and pending) or deleted others",
              "DELETE FROM outbox WHERE community_id = ? AND id IN (outboxRemovals), ignoring ids that are not there"
            )
          ).toEqual(["msg-keep"])
        })
      ),
    timeout
  )

  it.effect(
    "claims due messages oldest first with a lease; leased and future messages are not claimed",
    () =>
      withStore("claim", (store) => {
        const time = ManualClock.make(START_MS)
        return Effect.gen(function* () {
          yield* store.commit({
            outbox: [
              { id: "msg-late", topic: "t", payload: 3, availableAt: START_MS + 60_000 },
              { id: "msg-b", topic: "t", payload: 2, availableAt: START_MS - 1000 },
              { id: "msg-a", topic: "t", payload: 1, availableAt: START_MS - 2000 }
            ]
          })
          const claimed = yield* store.claimOutbox({ leaseMs: 30_000, limit: 10 })
          expect(
            claimed.map((m) => [m.id, m.status, m.attempts, m.leaseExpiresAt]),
            broke(
              "outbox",
              "claimOutbox did not return exactly the due messages, oldest availableAt first, claimed with 1 attempt",
              "select status = 'pending' AND available_at <= now (or claimed with an expired lease) ORDER BY available_at, created_at, id"
            )
          ).toEqual([
            ["msg-a", "claimed", 1, START_MS + 30_000],
            ["msg-b", "claimed", 1, START_MS + 30_000]
          ])
          expect(
            yield* store.claimOutbox({ leaseMs: 30_000 }),
            broke(
              "outbox",
              "a message under a live lease was claimed again",
              "skip claimed messages whose lease has not expired"
            )
          ).toEqual([])
          time.advance(60_000)
          const late = yield* store.claimOutbox({ leaseMs: 30_000 })
          expect(late.map((m) => m.id).sort()).toEqual(["msg-a", "msg-b", "msg-late"])
        }).pipe(Effect.withClock(time.clock))
      }),
    timeout
  )

  it.effect(
    "an expired lease can be claimed again; the old lease can no longer settle it",
    () =>
      withStore("lease", (store) => {
        const time = ManualClock.make(START_MS)
        return Effect.gen(function* () {
          yield* store.commit({ outbox: [{ id: "msg-1", topic: "t", payload: {} }] })
          const [first] = yield* store.claimOutbox({ leaseMs: 10_000 })
          time.advance(10_000)
          const [second] = yield* store.claimOutbox({ leaseMs: 10_000 })
          expect(
            [second?.id, second?.attempts],
            broke(
              "outbox",
              "a message whose lease expired was not claimable again (a crashed dispatcher would block it forever)",
              "also claim rows with status 'claimed' AND lease_expires_at <= now, adding one attempt"
            )
          ).toEqual(["msg-1", 2])
          expect(second?.leaseId).not.toBe(first?.leaseId)
          const stale = yield* failureOf(store.acknowledge(present(first, "a claimed message")))
          expect(
            stale,
            broke(
              "outbox",
              "an acknowledgement with an expired, re-claimed lease was accepted",
              "settle only WHERE status = 'claimed' AND lease_id = the given lease, and return false otherwise"
            )
          ).toBeInstanceOf(Store.StoreLeaseLost)
          yield* store.acknowledge(present(second, "a claimed message"))
          time.advance(1_000_000)
          expect(yield* store.claimOutbox({ leaseMs: 10_000 })).toEqual([])
          const [delivered] = yield* listAllOutbox(store)
          expect([delivered?.status, delivered?.attempts, delivered?.settledAt]).toEqual([
            "delivered",
            2,
            START_MS + 10_000
          ])
          expect(
            yield* failureOf(store.acknowledge(present(second, "a claimed message"))),
            broke("outbox", "a delivered message was acknowledged twice", "settle only claimed messages")
          ).toBeInstanceOf(Store.StoreLeaseLost)
        }).pipe(Effect.withClock(time.clock))
      }),
    timeout
  )

  it.effect(
    "release puts a message back until its retry time; dead-letter keeps it out with the error",
    () =>
      withStore("retry", (store) => {
        const time = ManualClock.make(START_MS)
        return Effect.gen(function* () {
          yield* store.commit({
            outbox: [
              { id: "msg-1", topic: "t", payload: 1 },
              { id: "msg-2", topic: "t", payload: 2 }
            ]
          })
          const [m1, m2] = yield* store.claimOutbox({ leaseMs: 60_000 })
          yield* store.release(present(m1, "a claimed message"), {
            retryAt: START_MS + 5_000,
            error: "SMTP 451 try again later"
          })
          yield* store.deadLetter(present(m2, "a claimed message"), { error: "550 mailbox unavailable" })
          expect(
            yield* store.claimOutbox({ leaseMs: 60_000 }),
            broke(
              "outbox",
              "a released message was claimed before its retry time",
              "set available_at = retryAt on release"
            )
          ).toEqual([])
          time.advance(5_000)
          const again = yield* store.claimOutbox({ leaseMs: 60_000 })
          expect(
            again.map((m) => [m.id, m.attempts, m.lastError]),
            broke(
              "outbox",
              "a released message did not come back at its retry time with its attempts and last error",
              "on release set status 'pending', available_at = retryAt and last_error; keep attempts"
            )
          ).toEqual([["msg-1", 2, "SMTP 451 try again later"]])
          const dead = yield* listAllOutbox(store, "dead")
          expect(
            dead.map((m) => [m.id, m.status, m.lastError, m.settledAt]),
            broke(
              "outbox",
              "a dead-lettered message is not kept with status 'dead' and its error",
              "on dead-letter set status 'dead', last_error and settled_at"
            )
          ).toEqual([["msg-2", "dead", "550 mailbox unavailable", START_MS]])
          expect((yield* listAllOutbox(store, "claimed")).map((m) => m.id)).toEqual(["msg-1"])
          expect((yield* listAllOutbox(store, "pending")).map((m) => m.id)).toEqual([])
        }).pipe(Effect.withClock(time.clock))
      }),
    timeout
  )

  it.effect(
    "claimOutbox returns at most `limit` messages, oldest first, and leaves the rest due",
    () =>
      withStore("claim-limit", (store) => {
        const time = ManualClock.make(START_MS)
        return Effect.gen(function* () {
          yield* store.commit({
            outbox: Array.from({ length: 7 }, (_, i) => ({
              id: `msg-${i}`,
              topic: "t",
              payload: i,
              availableAt: START_MS - 10_000 + i
            }))
          })
          const sizes: Array<Array<string>> = []
          for (const limit of [3, 1, 3, 3]) {
            const claimed = yield* store.claimOutbox({ leaseMs: 60_000, limit })
            sizes.push(claimed.map((m) => m.id))
          }
          expect(
            sizes,
            broke(
              "outbox",
              "claimOutbox did not honour its limit (or did not take the oldest due messages first)",
              "LIMIT the claim to the requested number of messages, ORDER BY available_at, created_at, id"
            )
          ).toEqual([["msg-0", "msg-1", "msg-2"], ["msg-3"], ["msg-4", "msg-5", "msg-6"], []])
          const defaults = yield* store.claimOutbox({ leaseMs: 60_000 })
          expect(defaults, "nothing is left to claim").toEqual([])
        }).pipe(Effect.withClock(time.clock))
      }),
    timeout
  )

  it.effect(
    "release records the retry time and error, keeps the attempts and the last error when none is given",
    () =>
      withStore("release-record", (store) => {
        const time = ManualClock.make(START_MS)
        return Effect.gen(function* () {
          yield* store.commit({ outbox: [{ id: "msg-1", topic: "t", payload: 1 }] })
          const [first] = yield* store.claimOutbox({ leaseMs: 60_000 })
          const lease = present(first, "a claimed message")
          yield* store.release(lease, { retryAt: START_MS + 5_000, error: "SMTP 451 try again later" })
          const fields = (m: Store.OutboxEntry | undefined) => [
            m?.status,
            m?.attempts,
            m?.availableAt,
            m?.leaseExpiresAt,
            m?.lastError,
            m?.settledAt
          ]
          const fix =
            "on release set status 'pending', available_at = retryAt, lease_expires_at = NULL and last_error = the error (or keep the old one when none is given); keep attempts, leave settled_at empty"
          expect(
            fields((yield* listAllOutbox(store))[0]),
            broke("outbox", "a released message does not record what release was given", fix)
          ).toEqual(["pending", 1, START_MS + 5_000, undefined, "SMTP 451 try again later", undefined])
          const again = yield* failureOf(store.release(lease, { retryAt: START_MS }))
          expect(
            again,
            broke("outbox", "a released lease could release the message again", "settle only claimed messages")
          ).toBeInstanceOf(Store.StoreLeaseLost)
          time.advance(5_000)
          const [second] = yield* store.claimOutbox({ leaseMs: 60_000 })
          yield* store.release(present(second, "the message claimed again"), { retryAt: START_MS + 9_000 })
          expect(
            fields((yield* listAllOutbox(store))[0]),
            broke("outbox", "a release without an error lost the last error or the attempts", fix)
          ).toEqual(["pending", 2, START_MS + 9_000, undefined, "SMTP 451 try again later", undefined])
        }).pipe(Effect.withClock(time.clock))
      }),
    timeout
  )
}
