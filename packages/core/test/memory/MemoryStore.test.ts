import { describe, expect, it } from "@effect/vitest"
import { MemoryStore, Store } from "@grenzeloos/core"
import { Effect, Option } from "effect"

// The full contract is checked by the conformance kit (packages/testkit/test/store); these are the
// reference store's own promises.
describe("MemoryStore", () => {
  it.effect("each build of the layer is a new, empty store", () =>
    Effect.gen(function* () {
      const write = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
        store.commit({ writes: [Store.put("theme", "t-1", 0, { a: 1 })] })
      )
      const read = Effect.flatMap(Store.forCommunity("rijk"), (store) => store.get("theme", "t-1"))
      yield* Effect.provide(write, MemoryStore.layer)
      expect(Option.isNone(yield* Effect.provide(read, MemoryStore.layer))).toBe(true)
    })
  )

  it.effect("declares its capabilities", () =>
    Effect.map(MemoryStore.make, (store) => expect(store.capabilities.name).toBe("memory"))
  )
})
