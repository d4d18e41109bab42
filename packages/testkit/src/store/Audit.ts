// The "audit" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { broke, failureOf, type Kit, listAllAudit, START_MS } from "./Kit.js"

/** Registers the audit tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout }: Kit): void => {
  it.effect(
    "the audit log lists entries in commit order and cannot be rewritten",
    () =>
      withStore("audit", (store) =>
        Effect.gen(function* () {
          for (let i = 0; i < 20; i++)
            yield* store.commit({
              audit: [
                { id: `z-${i}`, actor: "f-1", action: "step", detail: { i, part: 1 } },
                { id: `a-${i}`, actor: "f-1", action: "step", detail: { i, part: 2 }, at: START_MS + i }
              ]
            })
          const log = yield* listAllAudit(store)
          expect(
            log.map((e) => e.id),
            broke(
              "audit",
              "the audit log is not in commit order (then batch order)",
              "give every entry a position that rises in commit order (see the audit-order group: not a sequence taken at insert) and list by it"
            )
          ).toEqual(Array.from({ length: 20 }, (_, i) => [`z-${i}`, `a-${i}`]).flat())
          expect(log.every((e, i) => i === 0 || e.seq > (log[i - 1]?.seq ?? 0))).toBe(true)
          expect(log[1]?.at).toBe(START_MS)
          const rewrite = yield* failureOf(
            store.commit({ audit: [{ id: "a-3", actor: "intruder", action: "rewrite", detail: "gone" }] })
          )
          expect(
            rewrite,
            broke("audit", "an audit entry was overwritten", "insert audit entries only; a duplicate id is a conflict")
          ).toBeInstanceOf(Store.StoreConflict)
          const after = yield* listAllAudit(store)
          expect(after).toEqual(log)
        })
      ),
    timeout
  )
}
