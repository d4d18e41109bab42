import { SqlClient } from "@effect/sql"
import { describe, expect, it, layer as withLayer } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { PgStore } from "@grenzeloos/storage-postgres"
import { Effect, Fiber, Layer, Option } from "effect"
import { uniqueSchema, url } from "./TestDatabase.js"

if (url === undefined) {
  console.warn("[storage-postgres] GRENZELOOS_TEST_POSTGRES_URL is not set: the PostgreSQL fault tests are SKIPPED.")
  describe.skip("postgres faults (GRENZELOOS_TEST_POSTGRES_URL not set)", () => {
    it("needs a PostgreSQL server", () => {})
  })
} else {
  const schema = uniqueSchema("fault")
  const applicationName = `gz-fault-${process.pid}`
  const layer = Layer.effect(Store.Store, PgStore.make({ schema })).pipe(
    Layer.provideMerge(Layer.orDie(PgStore.clientLayer({ url, applicationName, maxConnections: 4 })))
  )

  describe("postgres faults", () => {
    withLayer(layer, { timeout: 60_000, excludeTestServices: true })((it) => {
      it.effect(
        "a connection killed in the middle of a batch leaves nothing behind, and the error says so",
        () =>
          Effect.gen(function* () {
            const sql = yield* SqlClient.SqlClient
            const store = (yield* Store.Store).forCommunity("rijk")
            // Make the batch's outbox insert slow, so the connection can be killed while it runs.
            yield* sql.unsafe(
              `CREATE FUNCTION "${schema}".slow_insert() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(10); RETURN NEW; END $$ LANGUAGE plpgsql`
            )
            yield* sql.unsafe(
              `CREATE TRIGGER slow_insert BEFORE INSERT ON "${schema}"."grenzeloos_outbox" FOR EACH ROW EXECUTE FUNCTION "${schema}".slow_insert()`
            )
            const commit = yield* Effect.fork(
              Effect.either(
                store.commit({
                  writes: [Store.put("member", "m-1", 0, { name: "Anouk" }), Store.put("member", "m-2", 0, {})],
                  outbox: [{ id: "msg-1", topic: "member.welcome", payload: {} }],
                  audit: [{ id: "a-1", actor: "f-1", action: "member.register" }]
                })
              )
            )
            let killed = 0
            for (let i = 0; i < 100 && killed === 0; i++) {
              yield* Effect.sleep("50 millis")
              const rows = yield* sql<{ ok: boolean }>`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
                WHERE application_name = ${applicationName} AND wait_event = 'PgSleep' AND pid <> pg_backend_pid()`
              killed = rows.length
            }
            expect(killed).toBe(1)
            const result = yield* Fiber.join(commit)
            expect(result._tag).toBe("Left")
            const error = result._tag === "Left" ? result.left : undefined
            expect(error?._tag).toBe("StoreUnavailable")
            expect((error as Store.StoreUnavailable).batchApplied).toBe("none")
            expect(error?.message).toContain("nothing of the batch was written")
            yield* sql.unsafe(`DROP TRIGGER slow_insert ON "${schema}"."grenzeloos_outbox"`)
            // Nothing of the batch is there, and the store works again on a fresh connection.
            expect(Option.isNone(yield* store.get("member", "m-1"))).toBe(true)
            expect((yield* store.outbox()).items).toEqual([])
            expect((yield* store.audit()).items).toEqual([])
            yield* store.commit({ writes: [Store.put("member", "m-1", 0, { name: "Anouk" })] })
            expect(Option.map(yield* store.get("member", "m-1"), (r) => r.version)).toEqual(Option.some(1))
            yield* sql.unsafe(`DROP SCHEMA "${schema}" CASCADE`)
          }),
        60_000
      )

      it.effect("refuses a database migrated by a newer version of the adapter", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const other = uniqueSchema("newer")
          yield* Effect.scoped(Layer.build(Layer.effect(Store.Store, PgStore.make({ schema: other }))))
          yield* sql.unsafe(
            `INSERT INTO "${other}"."grenzeloos_migrations" (version, name, applied_at) VALUES (999, 'from the future', 0)`
          )
          const error = yield* Effect.flip(PgStore.make({ schema: other }))
          expect(error.message).toContain("newer than")
          yield* sql.unsafe(`DROP SCHEMA "${other}" CASCADE`)
        })
      )
    })
  })
}
