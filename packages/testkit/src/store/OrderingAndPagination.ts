// The "ordering-and-pagination" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Rng, Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { allIds, broke, failureOf, type Kit } from "./Kit.js"

/** Registers the ordering-and-pagination tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout }: Kit): void => {
  it.effect(
    "find pages through every record once, by id, whatever the insertion order",
    () =>
      withStore("page", (store) =>
        Effect.gen(function* () {
          const special = ["A", "Z-1", "a", "a-b", "a.b", "a:b", "a_b", "a~b", "0", "9z", "m-1", "m-10", "m-2"]
          const ids = [
            ...special,
            ...Array.from({ length: 230 }, (_, i) => `r-${String((i * 7919) % 1000).padStart(3, "0")}`)
          ]
          const shuffled = Rng.shuffle(Rng.make(99), ids)
          for (let i = 0; i < shuffled.length; i += 40)
            yield* store.commit({
              writes: shuffled
                .slice(i, i + 40)
                .map((id, j) => Store.put("item", id, 0, { id }, { parity: String((i + j) % 2) }))
            })
          const expected = [...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
          const seen: Array<string> = []
          let cursor: string | undefined
          let pages = 0
          do {
            const page: Store.Page<Store.StoredRecord> = yield* store.find("item", {
              limit: 7,
              ...(cursor === undefined ? {} : { cursor })
            })
            seen.push(...page.items.map((r) => r.id))
            cursor = page.cursor
            pages++
          } while (cursor !== undefined && pages < 100)
          expect(
            seen,
            broke(
              "ordering-and-pagination",
              "paging with limit 7 did not return every id once in ascending code-unit order",
              'ORDER BY id with a binary collation (COLLATE "C" on PostgreSQL, the default BINARY on SQLite), WHERE id > the cursor id, LIMIT the page size + 1'
            )
          ).toEqual(expected)
          const evens = yield* allIds(store, "item", { parity: "0" })
          expect(evens.length).toBe(Math.ceil(ids.length / 2))
          expect(evens).toEqual([...evens].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
          expect(yield* allIds(store, "item")).toEqual(expected)
        })
      ),
    timeout
  )

  it.effect(
    "a cursor stays valid while records are added, and the last page has no cursor",
    () =>
      withStore("cursor", (store) =>
        Effect.gen(function* () {
          yield* store.commit({ writes: ["b", "d", "f"].map((id) => Store.put("item", id, 0, {})) })
          const first = yield* store.find("item", { limit: 2 })
          expect(first.items.map((r) => r.id)).toEqual(["b", "d"])
          yield* store.commit({ writes: ["a", "c", "e"].map((id) => Store.put("item", id, 0, {})) })
          const second = yield* store.find("item", { limit: 2, ...(first.cursor ? { cursor: first.cursor } : {}) })
          expect(
            second.items.map((r) => r.id),
            broke(
              "ordering-and-pagination",
              "the page after a cursor is not the ids greater than the cursor's id",
              "continue strictly after the last id of the previous page (WHERE id > cursor)"
            )
          ).toEqual(["e", "f"])
          expect(second.cursor).toBeUndefined()
          const exact = yield* store.find("item", { limit: 6 })
          expect(exact.cursor).toBeUndefined()
          const invalid = yield* failureOf(store.find("other", { ...(first.cursor ? { cursor: first.cursor } : {}) }))
          expect(invalid).toBeInstanceOf(Store.StoreInvalidRequest)
        })
      ),
    timeout
  )
}
