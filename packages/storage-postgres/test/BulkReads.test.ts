import { describe, expect, it } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect, Option } from "effect"
import { storeLayer, url } from "./TestDatabase.js"

// readKinds is one statement, so on a pool of connections it sees a concurrent commit whole or
// not at all (decision 0045); paging kind by kind could see a record in neither kind or in both.
describe.skipIf(url === undefined)("postgres: readKinds is one consistent read", () => {
  it.live(
    "while another connection moves a record between two kinds, every read finds it exactly once",
    () =>
      Effect.gen(function* () {
        const store = yield* Store.forCommunity("bulk-consistency")
        yield* store.commit({ writes: [Store.put("left", "token", 0, { moves: 0 })] })
        const mover = Effect.gen(function* () {
          let at = "left"
          for (let moves = 1; moves <= 60; moves++) {
            const current = Option.getOrThrow(yield* store.get(at, "token"))
            const to = at === "left" ? "right" : "left"
            const existing = yield* store.get(to, "token")
            yield* store.commit({
              writes: [
                Store.remove(at, "token", current.version),
                Store.put(to, "token", Option.match(existing, { onNone: () => 0, onSome: (r) => r.version }), {
                  moves
                })
              ]
            })
            at = to
          }
        })
        const seen: Array<number> = []
        const reader = Effect.gen(function* () {
          for (let reads = 0; reads < 120; reads++) {
            const read = yield* store.readKinds(["left", "right"])
            seen.push((read.get("left")?.length ?? 0) + (read.get("right")?.length ?? 0))
          }
        })
        yield* Effect.all([mover, reader, reader], { concurrency: "unbounded", discard: true })
        expect(seen).toHaveLength(240)
        expect(seen.filter((n) => n !== 1)).toEqual([])
      }).pipe(Effect.provide(storeLayer("bulk"))),
    60_000
  )
})
