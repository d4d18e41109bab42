// The "versions" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { allIds, broke, failureOf, getDocument, type Kit } from "./Kit.js"

/** Registers the versions tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout }: Kit): void => {
  it.effect(
    "a create gives version 1 and every update raises it by one",
    () =>
      withStore("ver", (store) =>
        Effect.gen(function* () {
          const first = yield* store.commit({ writes: [Store.put("counter", "c-1", 0, { n: 0 })] })
          expect(first.versions).toEqual([{ kind: "counter", id: "c-1", version: 1 }])
          yield* store.commit({ writes: [Store.put("counter", "c-1", 1, { n: 1 })] })
          yield* store.commit({ writes: [Store.put("counter", "c-1", 2, { n: 2 })] })
          const back = yield* getDocument(store, "counter", "c-1")
          expect(
            back?.version,
            broke(
              "versions",
              "the version after one create and two updates is not 3",
              "store expectedVersion + 1 with every put"
            )
          ).toBe(3)
          expect(back?.document).toEqual({ n: 2 })
        })
      ),
    timeout
  )

  it.effect(
    "a stale, missing or unexpected version fails with StoreConflict and changes nothing",
    () =>
      withStore("conflict", (store) =>
        Effect.gen(function* () {
          yield* store.commit({ writes: [Store.put("counter", "c-1", 0, { n: 0 })] })
          yield* store.commit({ writes: [Store.put("counter", "c-1", 1, { n: 1 })] })
          const stale = yield* failureOf(store.commit({ writes: [Store.put("counter", "c-1", 1, { n: 99 })] }))
          expect(
            stale,
            broke(
              "versions",
              "an update with a stale expected version was accepted (a lost update)",
              "check the stored version in the same statement as the write (UPDATE ... WHERE version = expected) or lock the row first, and report a VersionMismatch"
            )
          ).toBeInstanceOf(Store.StoreConflict)
          expect((stale as Store.StoreConflict).conflicts).toEqual([
            { _tag: "VersionMismatch", kind: "counter", id: "c-1", expectedVersion: 1, actualVersion: 2 }
          ])
          const recreate = yield* failureOf(store.commit({ writes: [Store.put("counter", "c-1", 0, {})] }))
          expect(
            (recreate as Store.StoreConflict | undefined)?.conflicts,
            broke(
              "versions",
              "a create (expected version 0) of an existing record did not fail with actualVersion = the stored version",
              "treat expectedVersion 0 as 'must not exist' (INSERT without upsert)"
            )
          ).toEqual([{ _tag: "VersionMismatch", kind: "counter", id: "c-1", expectedVersion: 0, actualVersion: 2 }])
          const missing = yield* failureOf(store.commit({ writes: [Store.put("counter", "c-404", 4, {})] }))
          expect(
            (missing as Store.StoreConflict | undefined)?.conflicts,
            broke(
              "versions",
              "an update of a record that does not exist did not fail with actualVersion 0",
              "never create a record from a put whose expectedVersion is not 0"
            )
          ).toEqual([{ _tag: "VersionMismatch", kind: "counter", id: "c-404", expectedVersion: 4, actualVersion: 0 }])
          const back = yield* getDocument(store, "counter", "c-1")
          expect(back?.document).toEqual({ n: 1 })
          expect(back?.version).toBe(2)
          expect(yield* getDocument(store, "counter", "c-404")).toBeUndefined()
        })
      ),
    timeout
  )

  it.effect(
    "a delete needs the stored version; afterwards the id can be created again at version 1",
    () =>
      withStore("delete", (store) =>
        Effect.gen(function* () {
          yield* store.commit({ writes: [Store.put("thing", "t-1", 0, { a: 1 }, { colour: "red" })] })
          const wrong = yield* failureOf(store.commit({ writes: [Store.remove("thing", "t-1", 2)] }))
          expect(
            wrong,
            broke("versions", "a delete with a wrong version was accepted", "DELETE ... WHERE version = expected")
          ).toBeInstanceOf(Store.StoreConflict)
          yield* store.commit({ writes: [Store.remove("thing", "t-1", 1)] })
          expect(yield* getDocument(store, "thing", "t-1")).toBeUndefined()
          expect(
            yield* allIds(store, "thing", { colour: "red" }),
            broke("versions", "a deleted record is still found by its index", "delete its index rows with it")
          ).toEqual([])
          const again = yield* store.commit({ writes: [Store.put("thing", "t-1", 0, { a: 2 })] })
          expect(again.versions[0]?.version).toBe(1)
        })
      ),
    timeout
  )

  it.effect(
    "index values are replaced on update",
    () =>
      withStore("reindex", (store) =>
        Effect.gen(function* () {
          yield* store.commit({
            writes: [Store.put("group", "g-1", 0, {}, { roundId: "r-1", memberId: ["m-1", "m-2"] })]
          })
          yield* store.commit({ writes: [Store.put("group", "g-1", 1, {}, { roundId: "r-2", memberId: ["m-3"] })] })
          const stale = [
            ...(yield* allIds(store, "group", { roundId: "r-1" })),
            ...(yield* allIds(store, "group", { memberId: "m-1" }))
          ]
          expect(
            stale,
            broke(
              "versions",
              "a record is still found by index values it no longer has",
              "replace all index rows of a record when it is put"
            )
          ).toEqual([])
          expect(yield* allIds(store, "group", { roundId: "r-2", memberId: "m-3" })).toEqual(["g-1"])
          expect((yield* getDocument(store, "group", "g-1"))?.indexes).toEqual({
            roundId: ["r-2"],
            memberId: ["m-3"]
          })
        })
      ),
    timeout
  )
}
