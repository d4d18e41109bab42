import { describe, expect, it } from "@effect/vitest"
import { MemoryStore, Store } from "@grenzeloos/core"
import { Cause, Effect, Either, Exit } from "effect"

const inMemory = <A, E>(f: (store: Store.CommunityStore) => Effect.Effect<A, E>) =>
  Effect.flatMap(MemoryStore.make, (service) => f(service.forCommunity("rijk")))

const promiseDriver = (overrides: Partial<Store.PromiseDriver> = {}): Store.PromiseDriver => ({
  capabilities: { name: "promises", maxDocumentBytes: 1024, sharedAcrossProcesses: false },
  get: async () => undefined,
  find: async () => [],
  commit: async () => ({ _tag: "Committed" }),
  claimOutbox: async () => [],
  settleOutbox: async () => true,
  reviveOutbox: async () => undefined,
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

describe("CommunityStore.readKinds", () => {
  const row = (kind: string, id: string, document: unknown = { id }): Store.EncodedRecord => ({
    kind,
    id,
    version: 1,
    indexes: {},
    document: JSON.stringify(document)
  })

  it.effect("without the driver's readKinds, reads each kind page by page with find", () =>
    Effect.gen(function* () {
      const rows = [
        ...Array.from({ length: 2500 }, (_, i) => row("ballot", `b-${String(i).padStart(4, "0")}`)),
        row("theme", "t-1")
      ]
      const finds: Array<string> = []
      const service = Store.makeEncoded(
        Store.fromPromises(
          promiseDriver({
            find: async ({ kind, afterId, limit }) => {
              finds.push(kind)
              return rows.filter((r) => r.kind === kind && (afterId === undefined || r.id > afterId)).slice(0, limit)
            }
          })
        )
      )
      const read = yield* service.forCommunity("rijk").readKinds(["ballot", "theme", "member"])
      expect([...read.keys()]).toEqual(["ballot", "theme", "member"])
      expect(read.get("ballot")?.map((r) => r.id)).toEqual(rows.slice(0, 2500).map((r) => r.id))
      expect(read.get("theme")).toEqual([
        { kind: "theme", id: "t-1", version: 1, indexes: {}, document: { id: "t-1" } }
      ])
      expect(read.get("member")).toEqual([])
      expect(finds.filter((k) => k === "ballot")).toHaveLength(3)
    })
  )

  it.effect("with the driver's readKinds, reads once and sorts each kind by id", () =>
    Effect.gen(function* () {
      const queries: Array<ReadonlyArray<string>> = []
      const service = Store.makeEncoded(
        Store.fromPromises(
          promiseDriver({
            find: async () => {
              throw new Error("find must not be called")
            },
            readKinds: async ({ kinds }) => {
              queries.push(kinds)
              return [row("theme", "t-2"), row("ballot", "b-2"), row("theme", "t-10"), row("ballot", "b-1")]
            }
          })
        )
      )
      const read = yield* service.forCommunity("rijk").readKinds(["theme", "ballot", "theme"])
      expect(queries).toEqual([["theme", "ballot"]])
      expect(read.get("theme")?.map((r) => r.id)).toEqual(["t-10", "t-2"])
      expect(read.get("ballot")?.map((r) => [r.id, r.version, r.document])).toEqual([
        ["b-1", 1, { id: "b-1" }],
        ["b-2", 1, { id: "b-2" }]
      ])
    })
  )

  it.effect("reports a stored document that is not JSON with its kind and id", () =>
    Effect.gen(function* () {
      const service = Store.makeEncoded(
        Store.fromPromises(
          promiseDriver({ readKinds: async () => [{ kind: "ballot", id: "b-1", version: 3, document: "{not json" }] })
        )
      )
      const error = yield* Effect.flip(service.forCommunity("rijk").readKinds(["ballot"]))
      expect(error).toBeInstanceOf(Store.StoreDecodeError)
      expect([(error as Store.StoreDecodeError).kind, (error as Store.StoreDecodeError).id]).toEqual(["ballot", "b-1"])
    })
  )

  it.effect("a driver that returns a kind not asked for, or a record twice, is a defect that says so", () =>
    Effect.gen(function* () {
      const broken = (rows: ReadonlyArray<Store.EncodedDocument>) =>
        Store.makeEncoded(Store.fromPromises(promiseDriver({ readKinds: async () => rows }))).forCommunity("rijk")
      const stray = yield* Effect.exit(broken([row("member", "m-1")]).readKinds(["ballot"]))
      expect(Exit.isFailure(stray) && Cause.pretty(stray.cause)).toContain('returned a record of kind "member"')
      const twice = yield* Effect.exit(broken([row("ballot", "b-1"), row("ballot", "b-1")]).readKinds(["ballot"]))
      expect(Exit.isFailure(twice) && Cause.pretty(twice.cause)).toContain("returned ballot b-1 twice")
    })
  )

  it.effect("refuses kinds that are not kinds, with the path of each", () =>
    inMemory((store) =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(store.readKinds(["member", "Member", "x y"]))
        expect((error as Store.StoreInvalidRequest).problems.map((p) => p.path)).toEqual(["kinds[1]", "kinds[2]"])
      })
    )
  )

  it.effect("a readKinds that throws is StoreUnavailable", () =>
    Effect.gen(function* () {
      const service = Store.makeEncoded(
        Store.fromPromises(
          promiseDriver({
            readKinds: async () => {
              throw new Error("connection reset")
            }
          })
        )
      )
      const error = yield* Effect.flip(service.forCommunity("rijk").readKinds(["ballot"]))
      expect(error).toBeInstanceOf(Store.StoreUnavailable)
      expect(error.message).toContain("connection reset")
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
