// The "audit-order" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { brokeSince, type Kit } from "./Kit.js"

/** Registers the audit-order tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout, fibers }: Kit): void => {
  it.effect(
    `${fibers} concurrent committers and a reader following the log: the reader sees every entry once`,
    () =>
      withStore("audit-tail", (store) =>
        Effect.gen(function* () {
          const commits = 12
          const expected = new Set<string>()
          let done = false
          const committer = (f: number) =>
            Effect.gen(function* () {
              for (let c = 0; c < commits; c++) {
                const id = `f${f}-c${c}`
                expected.add(`${id}-1`)
                expected.add(`${id}-2`)
                // Many index values make the transaction last after its audit entries are
                // written, where an adapter that numbers them at insert lets a reader pass them.
                yield* store.commit({
                  writes: [
                    Store.put(
                      "thing",
                      id,
                      0,
                      { f, c },
                      { tag: Array.from({ length: 150 }, (_, k) => `t-${f}-${c}-${k}`) }
                    )
                  ],
                  audit: [
                    { id: `${id}-1`, actor: "x", action: "step" },
                    { id: `${id}-2`, actor: "x", action: "step" }
                  ]
                })
              }
            })
          const seen: Array<Store.AuditRecord> = []
          const follow = Effect.gen(function* () {
            let last = 0
            for (;;) {
              const finished = done
              const page = yield* store.audit({ limit: 5, afterSeq: last })
              seen.push(...page.items)
              last = page.items.at(-1)?.seq ?? last
              if (page.items.length === 0) {
                if (finished) return
                yield* Effect.sleep("2 millis")
              }
            }
          })
          const reader = yield* Effect.fork(follow)
          yield* Effect.forEach(
            Array.from({ length: fibers }, (_, f) => f),
            committer,
            { concurrency: "unbounded", discard: true }
          )
          done = true
          yield* reader.await
          const ids = seen.map((e) => e.id)
          const missed = [...expected].filter((id) => !ids.includes(id))
          const twice = ids.filter((id, i) => ids.indexOf(id) !== i)
          expect(
            { missed: missed.length, twice: twice.length },
            brokeSince(
              "0.2",
              "audit-order",
              `a reader paging with the last seq it saw missed ${missed.length} of ${expected.size} entries (e.g. ${missed.slice(0, 3).join(", ")}) and saw ${twice.length} twice: entries became visible with a seq below one already read`,
              "take the audit positions when the batch commits, not at insert: raise a per-community counter row as the last statement of the transaction (it stays locked until the commit), and number the entries from it; list by that number"
            )
          ).toEqual({ missed: 0, twice: 0 })
          expect(seen.every((e, i) => i === 0 || e.seq > (seen[i - 1]?.seq ?? 0))).toBe(true)
        })
      ),
    timeout
  )
}
