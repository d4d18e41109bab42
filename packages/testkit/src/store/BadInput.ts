// The "bad-input" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Repository, Store } from "@grenzeloos/core"
import { Effect, Option } from "effect"
import { expect } from "vitest"
import { broke, failureOf, type Kit } from "./Kit.js"

/** Registers the bad-input tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout }: Kit): void => {
  it.effect(
    "a stored document that does not decode is reported with its kind, id and path, never skipped",
    () =>
      withStore("undecodable", (store) =>
        Effect.gen(function* () {
          const good = {
            id: "m-001",
            communityId: store.communityId,
            name: "Ĳsbrand O'Neill",
            email: "ijsbrand@example.org",
            organisation: "Ministerie van Financiën",
            programme: "Renovatie Binnenhof",
            interests: [],
            preferredLanguage: "nl",
            status: "active",
            joinedOn: "2026-02-01"
          }
          yield* store.commit({
            writes: [
              Store.put("member", "m-001", 0, good, { status: "active" }),
              Store.put("member", "m-002", 0, { ...good, id: "m-002", email: "not an address" }, { status: "active" })
            ]
          })
          const one = yield* failureOf(Repository.get(store, Repository.Members, "m-002"))
          const all = yield* failureOf(Repository.all(store, Repository.Members))
          for (const error of [one, all]) {
            expect(
              error instanceof Store.StoreDecodeError
                ? { kind: error.kind, id: error.id, paths: error.problems.map((p) => p.path) }
                : error,
              broke(
                "bad-input",
                "an undecodable document was not reported with its kind, id and path",
                "return the stored document text unchanged; never drop rows that fail to parse"
              )
            ).toEqual({ kind: "member", id: "m-002", paths: ["email"] })
          }
          const ok = yield* Repository.get(store, Repository.Members, "m-001")
          expect(Option.map(ok, (m) => m.value.name)).toEqual(Option.some("Ĳsbrand O'Neill"))
        })
      ),
    timeout
  )
}
