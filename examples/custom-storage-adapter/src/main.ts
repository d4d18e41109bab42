/**
 * `pnpm --filter @grenzeloos/example-custom-storage-adapter start`: stores a member in a JSON file
 * through the custom adapter and reads it back with the typed repositories.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Domain, Repository, Store } from "@grenzeloos/core"
import { Effect, Schema } from "effect"
import * as JsonFileStore from "./JsonFileStore.js"

const path = join(mkdtempSync(join(tmpdir(), "grenzeloos-json-")), "store.json")

const program = Effect.gen(function* () {
  const store = yield* Store.forCommunity("rijk")
  const member = Schema.decodeUnknownSync(Domain.Member)({
    id: "m-001",
    communityId: "rijk",
    name: "Ĳsbrand de Vries",
    email: "ijsbrand.devries@example.org",
    organisation: "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    programme: "Renovatie Binnenhof",
    interests: ["omgaan met sabotage"],
    preferredLanguage: "nl",
    status: "active",
    joinedOn: "2026-02-01"
  })
  yield* store.commit({
    writes: [yield* Repository.put(Repository.Members, member, 0)],
    audit: [{ id: "a-1", actor: "f-01", action: "member.register", subject: { kind: "member", id: "m-001" } }]
  })
  const active = yield* Repository.all(store, Repository.Members, { status: "active" })
  console.log(
    `${active.length} active member(s) in ${path}:`,
    active.map((m) => `${m.value.name} v${m.version}`)
  )
})

Effect.runPromise(Effect.provide(program, JsonFileStore.layer({ path })))
