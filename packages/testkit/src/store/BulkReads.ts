// The "bulk-reads" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Rng, Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { broke, communityIdOf, failureOf, type Kit, tricky } from "./Kit.js"

/** Registers the bulk-reads tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout }: Kit): void => {
  it.effect(
    "readKinds returns every record of each kind asked for, as findAll does, and nothing else",
    () =>
      Effect.flatMap(Store.Store, (service) =>
        Effect.gen(function* () {
          const store = service.forCommunity(communityIdOf("bulk"))
          const neighbour = service.forCommunity(communityIdOf("bulk-n"))
          const ids = Rng.shuffle(
            Rng.make(7),
            Array.from({ length: 120 }, (_, i) => `r-${String((i * 37) % 1000).padStart(3, "0")}`)
          )
          yield* store.commit({
            writes: ids.flatMap((id, i) => [
              Store.put("item", id, 0, { id, text: tricky[i % tricky.length] }, { parity: String(i % 2) }),
              ...(i % 3 === 0 ? [Store.put("other", id, 0, [i, { nested: tricky[(i + 1) % tricky.length] }])] : [])
            ])
          })
          yield* store.commit({ writes: [Store.put("third", "t-1", 0, { not: "asked for" })] })
          yield* neighbour.commit({ writes: [Store.put("item", "r-000", 0, { of: "the neighbour" })] })
          const [updated, removed] = [ids[0] as string, ids[1] as string]
          yield* store.commit({
            writes: [Store.put("item", updated, 1, { id: updated, text: "changed" }), Store.remove("item", removed, 1)]
          })
          const read = yield* store.readKinds(["item", "other", "nothing-here", "item"])
          const fix =
            "return every record of the kinds in the query for this community (one statement, e.g. WHERE community_id = ? AND kind IN (...)), each once, with its current version and document"
          expect(
            [...read.keys()].sort(),
            broke("bulk-reads", "the map does not hold exactly the kinds asked for", fix)
          ).toEqual(["item", "nothing-here", "other"])
          for (const kind of ["item", "other"]) {
            const expected = (yield* store.findAll(kind)).map(({ kind, id, version, document }) => ({
              kind,
              id,
              version,
              document
            }))
            expect(
              read.get(kind)?.map(({ kind, id, version, document }) => ({ kind, id, version, document })),
              broke("bulk-reads", `readKinds returned other ${kind} records than findAll`, fix)
            ).toEqual(expected)
          }
          expect(read.get("item")?.length).toBe(ids.length - 1)
          expect(read.get("item")?.find((r) => r.id === updated)).toMatchObject({ version: 2 })
          expect(read.get("nothing-here")).toEqual([])
          expect(
            (yield* neighbour.readKinds(["item"])).get("item")?.map((r) => r.document),
            broke("community-isolation", "readKinds returned another community's record", fix)
          ).toEqual([{ of: "the neighbour" }])
          expect((yield* store.readKinds([])).size).toBe(0)
          const refused = yield* failureOf(store.readKinds(["item", "Robert'); DROP TABLE records;--"]))
          expect(refused).toBeInstanceOf(Store.StoreInvalidRequest)
        })
      ),
    timeout
  )

  it.effect(
    "readKinds reads a community of thousands of records whole, each kind by id",
    () =>
      withStore("bulk-large", (store) =>
        Effect.gen(function* () {
          const writes = Array.from({ length: 2500 }, (_, i) =>
            Store.put(i % 2 === 0 ? "ballot" : "poll-response", `x-${String(i).padStart(5, "0")}`, 0, { i })
          )
          for (let i = 0; i < writes.length; i += 500) yield* store.commit({ writes: writes.slice(i, i + 500) })
          const read = yield* store.readKinds(["ballot", "poll-response"])
          expect(
            [read.get("ballot")?.length, read.get("poll-response")?.length],
            broke(
              "bulk-reads",
              "readKinds did not return every record of a large community",
              "do not limit the bulk read to a page size"
            )
          ).toEqual([1250, 1250])
          const ids = read.get("ballot")?.map((r) => r.id) ?? []
          expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
        })
      ),
    timeout
  )
}
