// The "community-isolation" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import {
  allIds,
  broke,
  communityIdOf,
  failureOf,
  getDocument,
  type Kit,
  listAllAudit,
  listAllOutbox,
  present
} from "./Kit.js"

/** Registers the community-isolation tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { timeout }: Kit): void => {
  it.effect(
    "no call of one community reads or writes another community's records, messages or audit",
    () =>
      Effect.flatMap(Store.Store, (service) =>
        Effect.gen(function* () {
          const a = service.forCommunity(communityIdOf("iso-a"))
          const b = service.forCommunity(communityIdOf("iso-b"))
          yield* a.commit({
            writes: [Store.put("member", "m-1", 0, { of: "a" }, { status: "active" })],
            outbox: [{ id: "msg-1", topic: "t", payload: "a" }],
            audit: [{ id: "a-1", actor: "x", action: "a" }]
          })
          const fix = "add the community id to every key, every WHERE clause and every claim"
          expect(
            yield* getDocument(b, "member", "m-1"),
            broke("community-isolation", "get returned another community's record", fix)
          ).toBeUndefined()
          expect(
            yield* allIds(b, "member", { status: "active" }),
            broke("community-isolation", "find returned another community's record", fix)
          ).toEqual([])
          expect(
            yield* b.claimOutbox({ leaseMs: 60_000, limit: 10 }),
            broke("community-isolation", "claimOutbox returned another community's message", fix)
          ).toEqual([])
          expect(yield* listAllOutbox(b)).toEqual([])
          expect(yield* listAllAudit(b)).toEqual([])
          const crossUpdate = yield* failureOf(b.commit({ writes: [Store.put("member", "m-1", 1, { of: "b" })] }))
          expect(
            crossUpdate,
            broke("community-isolation", "a write in one community matched another community's version", fix)
          ).toBeInstanceOf(Store.StoreConflict)
          yield* b.commit({
            writes: [Store.put("member", "m-1", 0, { of: "b" })],
            outbox: [{ id: "msg-1", topic: "t", payload: "b" }],
            audit: [{ id: "a-1", actor: "x", action: "b" }]
          })
          expect((yield* getDocument(a, "member", "m-1"))?.document).toEqual({ of: "a" })
          expect((yield* getDocument(b, "member", "m-1"))?.document).toEqual({ of: "b" })
          const claimedB = yield* b.claimOutbox({ leaseMs: 60_000 })
          expect(claimedB.map((m) => m.payload)).toEqual(["b"])
          const ackInA = yield* failureOf(a.acknowledge(present(claimedB[0], "a claimed message")))
          expect(
            ackInA,
            broke("community-isolation", "a lease of one community settled another community's message", fix)
          ).toBeInstanceOf(Store.StoreLeaseLost)
          expect((yield* listAllAudit(a)).map((e) => e.action)).toEqual(["a"])
        })
      ),
    timeout
  )

  it.effect("a community id that is not an id is refused", () =>
    Effect.flatMap(Store.Store, (service) =>
      Effect.gen(function* () {
        const error = yield* failureOf(service.forCommunity("x' OR '1'='1").get("member", "m-1"))
        expect(error).toBeInstanceOf(Store.StoreInvalidRequest)
      })
    )
  )
}
