import { describe, expect, it } from "@effect/vitest"
import { MemoryStore, Store } from "@grenzeloos/core"
import { Effect, Either, Exit } from "effect"

const inMemory = <A, E>(f: (store: Store.CommunityStore) => Effect.Effect<A, E>) =>
  Effect.flatMap(MemoryStore.make, (service) => f(service.forCommunity("rijk")))

const promiseDriver = (overrides: Partial<Store.PromiseDriver> = {}): Store.PromiseDriver => ({
  capabilities: { name: "promises", maxDocumentBytes: 1024, sharedAcrossProcesses: false },
  get: async () => undefined,
  find: async () => [],
  commit: async () => ({ _tag: "Committed" }),
  claimOutbox: async () => [],
  settleOutbox: async () => true,
  listOutbox: async () => [],
  listAudit: async () => [],
  ...overrides
})

describe("Store.makeEncoded", () => {
  it.effect("refuses bad ids, kinds, limits and cursors with every problem and its path", () =>
    inMemory((store) =>
      Effect.gen(function* () {
        const get = yield* Effect.flip(store.get("Member", "m 1"))
        expect(get).toBeInstanceOf(Store.StoreInvalidRequest)
        expect((get as Store.StoreInvalidRequest).problems.map((p) => p.path)).toEqual(["kind", "id"])
        const find = yield* Effect.flip(store.find("member", { limit: 0, cursor: "not-a-cursor" }))
        expect((find as Store.StoreInvalidRequest).problems.map((p) => p.path)).toEqual(["limit", "cursor"])
        const remove = yield* Effect.flip(store.commit({ writes: [Store.remove("member", "m-1", 0)] }))
        expect((remove as Store.StoreInvalidRequest).problems[0]?.message).toContain("a delete needs the version read")
        const notJson = yield* Effect.flip(store.commit({ writes: [Store.put("member", "m-1", 0, 10n)] }))
        expect((notJson as Store.StoreInvalidRequest).problems[0]?.path).toBe("writes[0].document")
      })
    )
  )

  it.effect("reports conflicts in a message that says what to do", () =>
    inMemory((store) =>
      Effect.gen(function* () {
        yield* store.commit({ writes: [Store.put("theme", "t-1", 0, {})] })
        const conflict = yield* Effect.flip(store.commit({ writes: [Store.put("theme", "t-1", 0, {})] }))
        expect(conflict.message).toContain("theme t-1: expected a new record, but version 1 exists")
        expect(conflict.message).toContain("nothing was written")
      })
    )
  )

  it.effect("an empty batch commits nothing and does not reach the driver", () =>
    Effect.gen(function* () {
      let commits = 0
      const service = Store.makeEncoded(
        Store.fromPromises(
          promiseDriver({
            commit: async () => {
              commits++
              return { _tag: "Committed" }
            }
          })
        )
      )
      const result = yield* service.forCommunity("rijk").commit({})
      expect(result.versions).toEqual([])
      expect(commits).toBe(0)
    })
  )
})

describe("Store.fromPromises", () => {
  it.effect("a commit that throws is 'unknown', unless it throws BatchNotApplied", () =>
    Effect.gen(function* () {
      const failing = (error: Error) =>
        Store.makeEncoded(
          Store.fromPromises(
            promiseDriver({
              commit: async () => {
                throw error
              }
            })
          )
        ).forCommunity("rijk")
      const unknown = yield* Effect.flip(
        failing(new Error("socket hang up")).commit({ writes: [Store.put("a", "b", 0, 1)] })
      )
      expect(unknown).toBeInstanceOf(Store.StoreUnavailable)
      expect((unknown as Store.StoreUnavailable).batchApplied).toBe("unknown")
      const none = yield* Effect.flip(
        failing(new Store.BatchNotApplied("rolled back")).commit({ writes: [Store.put("a", "b", 0, 1)] })
      )
      expect((none as Store.StoreUnavailable).batchApplied).toBe("none")
      expect(none.message).toContain("nothing of the batch was written")
    })
  )

  it("layerPromises closes the driver when the layer is released", async () => {
    let closed = false
    const layer = Store.layerPromises(async () =>
      promiseDriver({
        close: async () => {
          closed = true
        }
      })
    )
    const exit = await Effect.runPromiseExit(Effect.provide(Store.forCommunity("rijk"), layer))
    expect(Exit.isSuccess(exit)).toBe(true)
    expect(closed).toBe(true)
  })

  it("layerPromises reports a driver that cannot open as StoreUnavailable", async () => {
    const layer = Store.layerPromises(async () => {
      throw new Error("permission denied")
    })
    const result = await Effect.runPromise(Effect.either(Effect.provide(Store.forCommunity("rijk"), layer)))
    expect(Either.isLeft(result) && result.left._tag).toBe("StoreUnavailable")
  })
})
