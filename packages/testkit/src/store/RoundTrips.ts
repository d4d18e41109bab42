// The "round-trips" guarantees of the Store conformance kit, registered by `storeConformance`.
import type { Vitest } from "@effect/vitest"
import { Repository, Rng, Store } from "@grenzeloos/core"
import { Arbitrary, Effect, FastCheck, Option, Schema } from "effect"
import { expect } from "vitest"
import {
  allIds,
  broke,
  communityIdOf,
  failureOf,
  getDocument,
  type Kit,
  listAllAudit,
  listAllOutbox,
  tricky
} from "./Kit.js"

/** Registers the round-trips tests. */
export const register = (it: Vitest.MethodsNonLive<Store.Store, true>, { withStore, timeout, options }: Kit): void => {
  it.effect(
    "every domain record kind round-trips through the typed repositories",
    () =>
      withStore("rt", (store) =>
        Effect.gen(function* () {
          for (const [index, kind] of Repository.kinds.entries()) {
            const schema = kind.schema as Schema.Schema<unknown, unknown>
            const samples = FastCheck.sample(Arbitrary.make(schema), { seed: 6000 + index, numRuns: 3 })
            const ids = new Set<string>()
            for (const sample of samples) {
              const encoded = Schema.encodeSync(schema)(sample) as Record<string, unknown>
              const rehomed =
                kind.kind === "community"
                  ? { ...encoded, id: store.communityId }
                  : { ...encoded, communityId: store.communityId }
              const value = Schema.decodeUnknownSync(schema)(rehomed)
              const id = (kind as Repository.RecordKind<unknown>).idOf(value)
              if (ids.has(id)) continue
              ids.add(id)
              const write = yield* Repository.put(kind as Repository.RecordKind<unknown>, value, 0)
              yield* store.commit({ writes: [write] })
              const back = yield* Repository.get(store, kind as Repository.RecordKind<unknown>, id)
              expect(
                Option.map(back, (v) => Schema.encodeSync(schema)(v.value)),
                broke(
                  "round-trips",
                  `a ${kind.kind} did not come back as it was written`,
                  "store the document text exactly as given (no re-serialisation that changes it) and return it unchanged from get"
                )
              ).toEqual(Option.some(Schema.encodeSync(schema)(value)))
            }
          }
        })
      ),
    timeout
  )

  it.effect(
    "Unicode, quotes and SQL-looking strings come back byte for byte",
    () =>
      withStore("unicode", (store) =>
        Effect.gen(function* () {
          const document = {
            texts: [...tricky, "a NUL \u0000 inside a document"],
            nested: { [tricky[0]]: tricky[3] },
            n: [0, -1.5, 1e21, 2 ** 53 - 1]
          }
          yield* store.commit({ writes: [Store.put("note", "n-1", 0, document, { label: [...tricky] })] })
          const back = yield* getDocument(store, "note", "n-1")
          expect(
            back?.document,
            broke(
              "round-trips",
              "a document with Unicode, quotes, NUL or SQL-looking text changed on the way through the store",
              "bind documents as parameters (never build SQL by string concatenation) and store them in a text column with a Unicode encoding"
            )
          ).toEqual(document)
          yield* store.commit({
            outbox: [{ id: "msg-1", topic: tricky[0], payload: tricky }],
            audit: [{ id: "a-1", actor: tricky[1], action: tricky[2], detail: tricky }]
          })
          const [message] = yield* listAllOutbox(store)
          const [entry] = yield* listAllAudit(store)
          expect(
            [message?.topic, message?.payload, entry?.actor, entry?.action, entry?.detail],
            broke(
              "round-trips",
              "quotes or SQL-looking text in an outbox message or audit entry changed in the store",
              "bind every value as a statement parameter"
            )
          ).toEqual([tricky[0], tricky, tricky[1], tricky[2], tricky])
          const nul = yield* failureOf(
            store.commit({ writes: [Store.put("note", "n-2", 0, {}, { label: "a NUL \u0000" })] })
          )
          expect(nul?._tag, "an index value with U+0000 must be refused by the core").toBe("StoreInvalidRequest")
          for (const value of tricky) {
            expect(
              yield* allIds(store, "note", { label: value }),
              broke(
                "round-trips",
                `find by an index value with special characters (${JSON.stringify(value)}) did not find the record`,
                "compare index values as exact text, bound as parameters (no LIKE, no trimming)"
              )
            ).toEqual(["n-1"])
          }
        })
      ),
    timeout
  )

  it.effect(
    "large documents round-trip, and documents over the declared size are refused before the driver",
    () =>
      Effect.flatMap(Store.Store, (service) =>
        Effect.gen(function* () {
          const store = service.forCommunity(communityIdOf("large"))
          const max = options.capabilities?.maxDocumentBytes ?? service.capabilities.maxDocumentBytes
          const size = Math.min(max, 2 * 1024 * 1024) - 1024
          const rng = Rng.make(7)
          const alphabet = "abcdefghijklmnopqrstuvwxyzé€😀 "
          let text = ""
          while (text.length < size / 4) text += alphabet[rng.int(alphabet.length)]
          const document = { text, items: Array.from({ length: 200 }, (_, i) => ({ i, t: text.slice(i, i + 20) })) }
          yield* store.commit({ writes: [Store.put("blob", "b-1", 0, document)] })
          const back = yield* getDocument(store, "blob", "b-1")
          expect(
            back?.document,
            broke(
              "round-trips",
              `a document of about ${Math.round(size / 1024)} KiB did not come back whole`,
              "use a column type without a small length limit (TEXT), or declare a smaller maxDocumentBytes"
            )
          ).toEqual(document)
          const tooBig = "x".repeat(service.capabilities.maxDocumentBytes + 1)
          const error = yield* failureOf(store.commit({ writes: [Store.put("blob", "b-2", 0, tooBig)] }))
          expect(error?._tag).toBe("StoreInvalidRequest")
        })
      ),
    timeout
  )

  it.effect(
    "any JSON value round-trips (property, fixed seed)",
    () =>
      withStore("json", (store) =>
        Effect.gen(function* () {
          const values = FastCheck.sample(FastCheck.jsonValue({ maxDepth: 4 }), { seed: 4242, numRuns: 40 })
          yield* store.commit({ writes: values.map((v, i) => Store.put("json", `j-${i}`, 0, v)) })
          for (const [i, v] of values.entries()) {
            const back = yield* getDocument(store, "json", `j-${i}`)
            expect(
              back?.document,
              broke("round-trips", `JSON value j-${i} changed in the store`, "store the JSON text unchanged")
            ).toEqual(JSON.parse(JSON.stringify(v)))
          }
        })
      ),
    timeout
  )
}
