// The "outbox-concurrency" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import type { Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { broke, type Kit } from "./Kit.js"

/** Registers the outbox-concurrency tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout, fibers }: Kit): void => {
  it.effect(
    `${fibers} concurrent dispatchers never claim the same message twice`,
    () =>
      withStore("claim-race", (store) =>
        Effect.gen(function* () {
          const count = 60
          yield* store.commit({
            outbox: Array.from({ length: count }, (_, i) => ({
              id: `msg-${String(i).padStart(3, "0")}`,
              topic: "t",
              payload: i
            }))
          })
          const claims = yield* Effect.forEach(
            Array.from({ length: fibers }),
            () =>
              Effect.gen(function* () {
                const mine: Array<string> = []
                for (;;) {
                  const batch = yield* store.claimOutbox({ leaseMs: 600_000, limit: 3 })
                  if (batch.length === 0) return mine
                  mine.push(...batch.map((m) => m.id))
                  yield* Effect.yieldNow()
                }
              }),
            { concurrency: "unbounded" }
          )
          const all = claims.flat()
          const duplicates = all.filter((id, i) => all.indexOf(id) !== i)
          expect(
            duplicates,
            broke(
              "outbox-concurrency",
              `messages were claimed by two dispatchers under live leases: ${duplicates.slice(0, 5).join(", ")}`,
              "select and lease in one atomic step: UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING, or a serialised transaction"
            )
          ).toEqual([])
          expect(all.length).toBe(count)
        })
      ),
    timeout
  )
}
