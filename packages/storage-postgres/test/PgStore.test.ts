import { storeConformance } from "@grenzeloos/testkit/vitest"
import { describe, it } from "vitest"
import { storeLayer, url } from "./TestDatabase.js"

if (url === undefined) {
  console.warn(
    "[storage-postgres] GRENZELOOS_TEST_POSTGRES_URL is not set: the PostgreSQL conformance tests are SKIPPED. " +
      "Set it, e.g. GRENZELOOS_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test"
  )
  describe.skip("postgres: Store conformance (GRENZELOOS_TEST_POSTGRES_URL not set)", () => {
    it("needs a PostgreSQL server", () => {})
  })
} else {
  storeConformance("postgres", () => storeLayer("conf"))
}
