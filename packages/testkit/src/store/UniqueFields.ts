// The "unique-fields" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Services, Store } from "@grenzeloos/core"
import { Effect, Either } from "effect"
import { expect } from "vitest"
import { allIds, brokeSince, communityIdOf, failureOf, type Kit, listAllAudit, listAllOutbox } from "./Kit.js"

/** Registers the unique-fields tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout, fibers }: Kit): void => {
  const since = (what: string, fix: string) => brokeSince("0.2", "unique-fields", what, fix)
  const fix =
    "keep a table of unique values with the primary key (community, kind, field, value) naming the record holding it; in the batch's transaction delete the rows of the records written, insert every put's values of its `unique` fields (INSERT ... ON CONFLICT DO NOTHING), and report a value taken by another record as a UniqueViolation with heldBy; declare capabilities.uniqueFields: true"
  // An adapter that does not declare the guarantee is refused by the core: say so plainly.
  const undeclared = (error: unknown) =>
    error instanceof Store.StoreMigrationError
      ? since(
          `the core refused a batch with unique fields because the adapter does not declare capabilities.uniqueFields: ${error.reason}`,
          fix
        )
      : undefined
  // Turns the core's refusal of an undeclared adapter into the kit's message.
  const explained = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.catchIf(
      effect,
      (error): error is E & Store.StoreMigrationError => error instanceof Store.StoreMigrationError,
      (error) => Effect.dieMessage(undeclared(error) ?? String(error))
    )
  const member = (id: string, email: string | ReadonlyArray<string>, version = 0) =>
    Store.put("member", id, version, { id, email }, { email, status: "active" }, ["email"])

  it.effect(
    "a unique value is held by one record: another is refused with a UniqueViolation naming the holder",
    () =>
      withStore("unique", (store, service) =>
        Effect.gen(function* () {
          const first = yield* Effect.either(store.commit({ writes: [member("m-1", "ann@example.org")] }))
          if (Either.isLeft(first)) expect.fail(undeclared(first.left) ?? String(first.left))
          const second = yield* failureOf(
            store.commit({
              writes: [member("m-2", "ann@example.org")],
              outbox: [{ id: "msg-welcome", topic: "t", payload: 1 }],
              audit: [{ id: "a-2", actor: "x", action: "member.register" }]
            })
          )
          expect(
            second instanceof Store.StoreConflict ? second.conflicts : second,
            since("a second record took a value of a unique field that another record of its kind holds", fix)
          ).toEqual([{ _tag: "UniqueViolation", kind: "member", id: "m-2", field: "email", heldBy: "m-1" }])
          expect(
            [yield* allIds(store, "member"), (yield* listAllOutbox(store)).length, (yield* listAllAudit(store)).length],
            since("a batch refused for a unique value left some of its writes behind", fix)
          ).toEqual([["m-1"], 0, 0])
          // Fields that are not unique may be shared; other kinds and other communities have their own values.
          yield* store.commit({
            writes: [
              Store.put("member", "m-3", 0, {}, { email: "bob@example.org", status: "active" }, ["email"]),
              Store.put("facilitator", "m-2", 0, {}, { email: "ann@example.org" }, ["email"])
            ]
          })
          const neighbour = service.forCommunity(`${store.communityId}-n`)
          yield* neighbour.commit({ writes: [member("m-2", "ann@example.org")] })
          expect(
            yield* allIds(store, "member", { status: "active" }),
            since("records could not share a value of a field that is not unique", fix)
          ).toEqual(["m-1", "m-3"])
        })
      ),
    timeout
  )

  it.effect(
    "updates keep or give up their values; a batch may pass a value from one record to another; a delete frees it",
    () =>
      withStore("unique-move", (store) =>
        Effect.gen(function* () {
          yield* explained(
            store.commit({ writes: [member("m-1", "ann@example.org"), member("m-2", ["b@x.org", "c@x.org"])] })
          )
          const keep = yield* Effect.either(store.commit({ writes: [member("m-1", "ann@example.org", 1)] }))
          expect(
            Either.isRight(keep) ? "committed" : String(keep.left),
            since("a record could not be updated while keeping its own unique value", fix)
          ).toBe("committed")
          const move = yield* Effect.either(
            store.commit({ writes: [member("m-1", "ann.new@example.org", 2), member("m-3", "ann@example.org")] })
          )
          expect(
            Either.isRight(move) ? "committed" : String(move.left),
            since(
              "a batch that moves a unique value from one record (updated) to another (created) was refused",
              "delete the unique values of the records written in the batch before inserting the new ones"
            )
          ).toBe("committed")
          const taken = yield* failureOf(store.commit({ writes: [member("m-4", "c@x.org")] }))
          expect(
            taken instanceof Store.StoreConflict ? taken.conflicts : taken,
            since("each value of a unique field with several values is not held", fix)
          ).toEqual([{ _tag: "UniqueViolation", kind: "member", id: "m-4", field: "email", heldBy: "m-2" }])
          yield* store.commit({ writes: [Store.remove("member", "m-2", 1)] })
          const freed = yield* Effect.either(store.commit({ writes: [member("m-4", "c@x.org")] }))
          expect(
            Either.isRight(freed) ? "committed" : String(freed.left),
            since("a deleted record still holds its unique values", "delete the unique values of a deleted record")
          ).toBe("committed")
          const stale = yield* failureOf(store.commit({ writes: [member("m-5", "ann.new@example.org")] }))
          expect(stale?._tag).toBe("StoreConflict")
          const twice = yield* failureOf(store.commit({ writes: [member("m-6", "z@x.org"), member("m-7", "z@x.org")] }))
          expect(twice?._tag, "two writes of one batch with the same unique value are refused by the core").toBe(
            "StoreInvalidRequest"
          )
        })
      ),
    timeout
  )

  it.effect(
    "values that differ only in case, accents or trailing spaces are different values",
    () =>
      withStore("unique-exact", (store) =>
        Effect.gen(function* () {
          const values = ["ann@example.org", "Ann@example.org", "ann@example.org ", "ånn@example.org"]
          const result = yield* Effect.either(
            explained(store.commit({ writes: values.map((v, i) => member(`m-${i}`, v)) }))
          )
          const collation =
            "compare unique and index values as exact binary text: a case- or accent-insensitive collation (MariaDB's and MySQL's defaults, SQL Server's *_CI_AS) or one that pads with spaces (PAD SPACE, and SQL Server's = on every collation) makes different values equal; use a binary, NO PAD collation (utf8mb4_0900_bin, Latin1_General_100_BIN2_UTF8) or compare a hash of the value"
          expect(
            Either.isRight(result) ? "committed" : String(result.left),
            since("values differing only in case, accents or a trailing space were taken for the same value", collation)
          ).toBe("committed")
          expect(
            yield* allIds(store, "member", { email: "ann@example.org" }),
            since("find by a value also found values differing in case, accents or a trailing space", collation)
          ).toEqual(["m-0"])
        })
      ),
    timeout
  )

  it.effect(
    `${fibers} concurrent writers creating records with the same unique values: each value is held once`,
    () =>
      withStore("unique-race", (store) =>
        Effect.gen(function* () {
          const values = 40
          const results = yield* Effect.forEach(
            Array.from({ length: fibers }, (_, f) => f),
            (f) =>
              Effect.forEach(
                Array.from({ length: values }, (_, v) => v),
                (v) =>
                  Effect.either(
                    store.commit({
                      writes: [member(`m-${f}-${v}`, `person-${v}@example.org`)],
                      audit: [{ id: `a-${f}-${v}`, actor: "x", action: "member.register" }]
                    })
                  ),
                { concurrency: 2 }
              ),
            { concurrency: "unbounded" }
          )
          const outcomes = results.flat()
          const other = outcomes.find((r) => Either.isLeft(r) && !(r.left instanceof Store.StoreConflict)) as
            | Either.Either<unknown, Store.StoreError>
            | undefined
          if (other !== undefined && Either.isLeft(other)) expect.fail(undeclared(other.left) ?? String(other.left))
          const holders = yield* store.findAll("member")
          const byValue = new Map<string, number>()
          for (const r of holders) for (const v of r.indexes.email ?? []) byValue.set(v, (byValue.get(v) ?? 0) + 1)
          const doubled = [...byValue].filter(([, n]) => n > 1)
          expect(
            [holders.length, doubled.length, outcomes.filter(Either.isRight).length],
            since(
              `${fibers} writers creating different records with the same unique values left ${holders.length} records for ${values} values (${doubled.length} values held more than once)`,
              `check and claim the value in one atomic step inside the transaction (a unique constraint), never by reading first; ${fix}`
            )
          ).toEqual([values, 0, values])
          const conflicts = outcomes.flatMap((r) =>
            Either.isLeft(r) && r.left instanceof Store.StoreConflict ? r.left.conflicts : []
          )
          expect(conflicts.every((c) => c._tag === "UniqueViolation" && c.field === "email")).toBe(true)
          expect((yield* listAllAudit(store)).length).toBe(values)
        })
      ),
    timeout
  )

  it.effect(
    `${Math.min(fibers, 4)} concurrent imports of one member list register every address once, whatever its case`,
    () =>
      Effect.flatMap(Store.Store, (service) => {
        const communityId = communityIdOf("import-race")
        const admin = { _tag: "Administrator", communityId, administratorId: "beheer-kit" } as const
        const people = Array.from({ length: 60 }, (_, i) => ({
          name: `Deelnemer ${i}`,
          email: `deelnemer.${i}@example.org`,
          organisation: "Ministerie van Financiën",
          programme: "Programma"
        }))
        return Effect.gen(function* () {
          const imports = yield* Effect.forEach(
            Array.from({ length: Math.min(fibers, 4) }, (_, k) => k),
            (k) =>
              explained(
                Services.Members.registerMembers(admin, {
                  // Every other import writes the addresses in capitals: the same people.
                  members: k % 2 === 0 ? people : people.map((p) => ({ ...p, email: p.email.toUpperCase() }))
                })
              ),
            { concurrency: "unbounded" }
          )
          const members = yield* service.forCommunity(communityId).findAll("member")
          const created = new Set(imports.flatMap((r) => r.created))
          expect(
            [members.length, created.size],
            since(
              `${imports.length} concurrent imports of ${people.length} people stored ${members.length} members`,
              fix
            )
          ).toEqual([people.length, people.length])
          for (const r of imports) expect(r.created.length + r.updated.length + r.unchanged.length).toBe(people.length)
        }).pipe(Effect.provide(Services.Ids.layer))
      }),
    timeout
  )
}
