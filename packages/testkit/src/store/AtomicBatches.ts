// The "atomic-batches" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { allIds, broke, failureOf, getDocument, type Kit, listAllAudit, listAllOutbox, START_MS } from "./Kit.js"

/** Registers the atomic-batches tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout }: Kit): void => {
  it.effect(
    "a batch with one failing write leaves nothing behind: no record, outbox message or audit entry",
    () =>
      withStore("atomic", (store) =>
        Effect.gen(function* () {
          yield* store.commit({ writes: [Store.put("counter", "c-2", 0, { n: 0 })] })
          const error = yield* failureOf(
            store.commit({
              writes: [
                Store.put("counter", "c-1", 0, { n: 1 }),
                Store.put("counter", "c-2", 5, { n: 2 }),
                Store.put("counter", "c-3", 0, { n: 3 })
              ],
              outbox: [{ id: "msg-1", topic: "test", payload: { hello: "world" } }],
              audit: [{ id: "a-1", actor: "actor-1", action: "counter.bump" }]
            })
          )
          expect(error).toBeInstanceOf(Store.StoreConflict)
          const left = {
            records: yield* allIds(store, "counter"),
            outbox: (yield* listAllOutbox(store)).map((m) => m.id),
            audit: (yield* listAllAudit(store)).map((e) => e.id)
          }
          expect(
            left,
            broke(
              "atomic-batches",
              "a rejected batch left some of its writes behind",
              "run the whole commit in one transaction and roll it back when any write conflicts"
            )
          ).toEqual({ records: ["c-2"], outbox: [], audit: [] })
        })
      ),
    timeout
  )

  it.effect(
    "a batch reusing an outbox or audit id is rejected whole",
    () =>
      withStore("dup", (store) =>
        Effect.gen(function* () {
          yield* store.commit({
            outbox: [{ id: "msg-1", topic: "test", payload: 1 }],
            audit: [{ id: "a-1", actor: "x", action: "first" }]
          })
          const outboxError = yield* failureOf(
            store.commit({
              writes: [Store.put("thing", "t-1", 0, {})],
              outbox: [{ id: "msg-1", topic: "test", payload: 2 }]
            })
          )
          const auditError = yield* failureOf(
            store.commit({
              writes: [Store.put("thing", "t-2", 0, {})],
              audit: [{ id: "a-1", actor: "x", action: "second" }]
            })
          )
          expect(
            [
              (outboxError as Store.StoreConflict | undefined)?.conflicts,
              (auditError as Store.StoreConflict | undefined)?.conflicts
            ],
            broke(
              "atomic-batches",
              "reusing an outbox message id or audit entry id did not fail with a DuplicateId conflict",
              "make (community, id) unique in the outbox and the audit log, and report duplicates as conflicts"
            )
          ).toEqual([
            [{ _tag: "DuplicateId", area: "outbox", id: "msg-1" }],
            [{ _tag: "DuplicateId", area: "audit", id: "a-1" }]
          ])
          expect(yield* allIds(store, "thing")).toEqual([])
          expect((yield* listAllOutbox(store)).map((m) => m.payload)).toEqual([1])
          expect((yield* listAllAudit(store)).map((e) => e.action)).toEqual(["first"])
        })
      ),
    timeout
  )

  it.effect(
    "a good batch writes records, outbox messages and audit entries together",
    () =>
      withStore("good", (store) =>
        Effect.gen(function* () {
          const committed = yield* store.commit({
            writes: [Store.put("a", "x-1", 0, { v: 1 }), Store.put("b", "x-1", 0, { v: 2 })],
            outbox: [
              { id: "msg-1", topic: "member.welcome", payload: { to: "m-1" } },
              { id: "msg-2", topic: "member.welcome", payload: { to: "m-2" }, availableAt: START_MS }
            ],
            audit: [{ id: "a-1", actor: "f-1", action: "member.register", subject: { kind: "a", id: "x-1" } }]
          })
          expect(committed.versions).toEqual([
            { kind: "a", id: "x-1", version: 1 },
            { kind: "b", id: "x-1", version: 1 }
          ])
          expect((yield* getDocument(store, "b", "x-1"))?.document).toEqual({ v: 2 })
          const outbox = yield* listAllOutbox(store)
          expect(
            outbox.map((m) => [m.id, m.status, m.attempts, m.topic, m.payload]),
            broke(
              "atomic-batches",
              "outbox messages of a committed batch are missing or not pending with 0 attempts",
              "insert every outbox message of the batch in the same transaction, status pending, attempts 0"
            )
          ).toEqual([
            ["msg-1", "pending", 0, "member.welcome", { to: "m-1" }],
            ["msg-2", "pending", 0, "member.welcome", { to: "m-2" }]
          ])
          expect(outbox[1]?.availableAt).toBe(START_MS)
          const audit = yield* listAllAudit(store)
          expect(audit.map((e) => [e.id, e.actor, e.action, e.subject, e.detail])).toEqual([
            ["a-1", "f-1", "member.register", { kind: "a", id: "x-1" }, null]
          ])
        })
      ),
    timeout
  )

  it.effect(
    "invalid requests are refused with every problem and their paths",
    () =>
      withStore("invalid", (store) =>
        Effect.gen(function* () {
          const error = yield* failureOf(
            store.commit({
              writes: [
                Store.put("Member", "m 1", 0, {}),
                Store.put("member", "m-1", -1, {}),
                Store.put("member", "m-2", 0, {}),
                Store.put("member", "m-2", 0, {})
              ]
            })
          )
          expect(error).toBeInstanceOf(Store.StoreInvalidRequest)
          expect((error as Store.StoreInvalidRequest).problems.map((p) => p.path)).toEqual([
            "writes[0].kind",
            "writes[0].id",
            "writes[1].expectedVersion",
            "writes[3]"
          ])
          expect(yield* allIds(store, "member")).toEqual([])
        })
      ),
    timeout
  )
}
