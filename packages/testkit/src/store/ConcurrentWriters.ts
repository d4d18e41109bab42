// The "concurrent-writers" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect, Either } from "effect"
import { expect } from "vitest"
import { broke, getDocument, type Kit, present } from "./Kit.js"

/** Registers the concurrent-writers tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout, fibers }: Kit): void => {
  it.effect(
    `${fibers} fibers doing read-modify-write increments lose no update`,
    () =>
      withStore("rmw", (store) =>
        Effect.gen(function* () {
          const perFiber = 8
          yield* store.commit({ writes: [Store.put("counter", "c-1", 0, { n: 0 })] })
          let conflicts = 0
          const increment = Effect.gen(function* () {
            for (;;) {
              const current = present(yield* getDocument(store, "counter", "c-1"), "the counter")
              const n = (current.document as { n: number }).n
              const result = yield* Effect.either(
                store.commit({ writes: [Store.put("counter", "c-1", current.version, { n: n + 1 })] })
              )
              if (Either.isRight(result)) return
              if (!(result.left instanceof Store.StoreConflict)) return yield* Effect.fail(result.left)
              conflicts++
              yield* Effect.yieldNow()
            }
          })
          yield* Effect.forEach(
            Array.from({ length: fibers }),
            () => Effect.forEach(Array.from({ length: perFiber }), () => increment, { discard: true }),
            { concurrency: "unbounded", discard: true }
          )
          const final = yield* getDocument(store, "counter", "c-1")
          expect(
            [final?.document, final?.version],
            broke(
              "concurrent-writers",
              `after ${fibers * perFiber} landed increments (${conflicts} conflicts retried) the counter is not ${fibers * perFiber}: an update was lost`,
              "check the version and write in one atomic step (UPDATE ... SET version = version + 1 WHERE version = expected, checking the row count), inside the batch's transaction"
            )
          ).toEqual([{ n: fibers * perFiber }, fibers * perFiber + 1])
        })
      ),
    timeout
  )

  it.effect(
    `${fibers} fibers creating the same record: exactly one wins`,
    () =>
      withStore("create-race", (store) =>
        Effect.gen(function* () {
          const results = yield* Effect.forEach(
            Array.from({ length: fibers }, (_, i) => i),
            (i) => Effect.either(store.commit({ writes: [Store.put("thing", "t-1", 0, { by: i })] })),
            { concurrency: "unbounded" }
          )
          const winners = results.filter(Either.isRight).length
          const conflicts = results.filter((r) => Either.isLeft(r) && r.left instanceof Store.StoreConflict).length
          expect(
            [winners, conflicts],
            broke(
              "concurrent-writers",
              `${winners} of ${fibers} concurrent creates of one id succeeded`,
              "make (community, kind, id) the primary key and turn a duplicate-key error into a VersionMismatch"
            )
          ).toEqual([1, fibers - 1])
        })
      ),
    timeout
  )
}
