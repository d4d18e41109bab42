import { describe, expect, it } from "@effect/vitest"
import { Domain, MemoryStore, Repository, Store } from "@grenzeloos/core"
import { Effect, Option, Schema } from "effect"

const member = (id: string, communityId = "rijk") =>
  Schema.decodeUnknownSync(Domain.Member)({
    id,
    communityId,
    name: "Anouk O'Brien",
    email: `${id}@example.org`,
    organisation: "Ministerie van Financiën",
    programme: "Werk aan Uitvoering",
    interests: ["worstelen met de Woo"],
    preferredLanguage: "nl",
    status: "active",
    joinedOn: "2026-02-01"
  })

const withStore = <A, E>(f: (store: Store.CommunityStore) => Effect.Effect<A, E>) =>
  Effect.flatMap(MemoryStore.make, (service) => f(service.forCommunity("rijk")))

describe("Repository", () => {
  it.effect("puts and gets a member with its version", () =>
    withStore((store) =>
      Effect.gen(function* () {
        yield* store.commit({ writes: [yield* Repository.put(Repository.Members, member("m-1"), 0)] })
        const back = yield* Repository.get(store, Repository.Members, "m-1")
        expect(Option.map(back, (m) => [m.value.name, m.version])).toEqual(Option.some(["Anouk O'Brien", 1]))
        expect(yield* Repository.all(store, Repository.Members, { status: "active" })).toHaveLength(1)
        expect(yield* Repository.all(store, Repository.Members, { status: "paused" })).toHaveLength(0)
        expect((yield* Repository.all(store, Repository.Members)).map((m) => m.value.id)).toEqual(["m-1"])
        expect(yield* Repository.all(store, Repository.Ballots)).toEqual([])
      })
    )
  )

  it.effect("a record built without the constructor's validation is still checked when it is put", () =>
    Effect.gen(function* () {
      // The use cases build records from decoded values with validation off (decision 0149): the
      // Store's encoding is the check that remains, and it names the record and the field.
      const unchecked = new Domain.Member(
        { ...member("m-1"), id: Domain.MemberId.make("m-1"), status: "away" as never },
        true
      )
      const refused = yield* Effect.flip(Repository.put(Repository.Members, unchecked, 0))
      expect(refused._tag).toBe("StoreInvalidRequest")
      expect(refused.problems[0]?.path).toBe("member m-1")
      expect(refused.problems[0]?.message).toContain("status")
      const badId = new Domain.Member({ ...member("m-2"), id: "m 2" as Domain.MemberId }, true)
      expect((yield* Effect.flip(Repository.put(Repository.Members, badId, 0)))._tag).toBe("StoreInvalidRequest")
    })
  )

  it.effect("a where filter names only the kind's indexed fields: a misspelt field does not compile", () =>
    withStore((store) =>
      Effect.gen(function* () {
        yield* store.commit({ writes: [yield* Repository.put(Repository.Members, member("m-1"), 0)] })
        // @ts-expect-error: members are indexed by status, not "staus"; untyped, this found nothing
        const misspelt = yield* Repository.all(store, Repository.Members, { staus: "active" })
        expect(misspelt).toHaveLength(0)
        // @ts-expect-error: themes are not indexed by memberId
        yield* Repository.find(store, Repository.Themes, { where: { memberId: "m-1" } })
        // @ts-expect-error: the community record has no indexes at all
        yield* Repository.all(store, Repository.Communities, { status: "active" })
        expect(yield* Repository.all(store, Repository.Members, { email: "m-1@example.org" })).toHaveLength(1)
      })
    )
  )

  it.effect("indexes a learning group by each of its members", () =>
    withStore((store) =>
      Effect.gen(function* () {
        const group = Schema.decodeUnknownSync(Domain.LearningGroup)({
          id: "g-1",
          communityId: "rijk",
          roundId: "r-2027",
          name: "Leergroep 1",
          memberIds: ["m-1", "m-2"],
          formedAt: "2026-12-01T09:00:00.000Z"
        })
        yield* store.commit({ writes: [yield* Repository.put(Repository.LearningGroups, group, 0)] })
        const ofM2 = yield* Repository.all(store, Repository.LearningGroups, { memberId: "m-2" })
        expect(ofM2.map((g) => g.value.id)).toEqual(["g-1"])
      })
    )
  )

  it.effect("reports an undecodable record with kind, id and every path", () =>
    withStore((store) =>
      Effect.gen(function* () {
        const encoded = Schema.encodeSync(Domain.Member)(member("m-1"))
        yield* store.commit({
          writes: [Store.put("member", "m-1", 0, { ...encoded, email: "nope", status: "gone" })]
        })
        const error = yield* Effect.flip(Repository.get(store, Repository.Members, "m-1"))
        expect(error).toBeInstanceOf(Store.StoreDecodeError)
        const decodeError = error as Store.StoreDecodeError
        expect([decodeError.kind, decodeError.id]).toEqual(["member", "m-1"])
        expect(decodeError.problems.map((p) => p.path).sort()).toEqual(["email", "status"])
        expect(decodeError.message).toContain("stored member m-1 in community rijk does not decode")
      })
    )
  )

  it.effect("reports a record stored under another id or community", () =>
    withStore((store) =>
      Effect.gen(function* () {
        const foreign = Schema.encodeSync(Domain.Member)(member("m-9", "elders"))
        yield* store.commit({ writes: [Store.put("member", "m-1", 0, foreign)] })
        const error = (yield* Effect.flip(Repository.get(store, Repository.Members, "m-1"))) as Store.StoreDecodeError
        expect(error.problems.map((p) => p.path)).toEqual(["id", "communityId"])
      })
    )
  )

  it.effect("loads a community snapshot of every kind", () =>
    withStore((store) =>
      Effect.gen(function* () {
        yield* store.commit({
          writes: yield* Effect.all([
            Repository.put(Repository.Members, member("m-1"), 0),
            Repository.put(Repository.Members, member("m-2"), 0)
          ])
        })
        const snapshot = yield* Repository.loadCommunity(store)
        expect(snapshot.members.map((m) => m.value.id)).toEqual(["m-1", "m-2"])
        expect(Option.isNone(snapshot.community)).toBe(true)
        expect(snapshot.ballots).toEqual([])
      })
    )
  )

  it.effect("loadCommunity reports the first document that does not decode with its kind, id and paths", () =>
    withStore((store) =>
      Effect.gen(function* () {
        const encoded = Schema.encodeSync(Domain.Member)(member("m-2"))
        yield* store.commit({
          writes: [
            yield* Repository.put(Repository.Members, member("m-1"), 0),
            Store.put("member", "m-2", 0, { ...encoded, emial: "typo@example.org", joinedOn: "2026-02-30" })
          ]
        })
        const error = (yield* Effect.flip(Repository.loadCommunity(store))) as Store.StoreDecodeError
        expect(error).toBeInstanceOf(Store.StoreDecodeError)
        expect([error.kind, error.id]).toEqual(["member", "m-2"])
        expect(error.problems.map((p) => p.path).sort()).toEqual(["emial", "joinedOn"])
      })
    )
  )

  it.effect("loadCommunity gives the same snapshot whether the driver reads kinds at once or page by page", () =>
    Effect.gen(function* () {
      const driver = yield* MemoryStore.makeDriver
      const { readKinds: _, ...paging } = driver
      const bulk = Store.makeEncoded(driver).forCommunity("rijk")
      const paged = Store.makeEncoded(paging).forCommunity("rijk")
      yield* bulk.commit({
        writes: yield* Effect.all(
          Array.from({ length: 1200 }, (_, i) =>
            Repository.put(Repository.Members, member(`m-${String(i).padStart(4, "0")}`), 0)
          )
        )
      })
      const [a, b] = [yield* Repository.loadCommunity(bulk), yield* Repository.loadCommunity(paged)]
      expect(a.members).toHaveLength(1200)
      expect(a.members.map((m) => [m.value.id, m.version])).toEqual(b.members.map((m) => [m.value.id, m.version]))
      expect(Schema.encodeSync(Schema.Array(Domain.Member))(a.members.map((m) => m.value))).toEqual(
        Schema.encodeSync(Schema.Array(Domain.Member))(b.members.map((m) => m.value))
      )
    })
  )
})
