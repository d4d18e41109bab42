// The same commands against PostgreSQL: --db takes a postgres:// URL. CI sets
// GRENZELOOS_TEST_POSTGRES_URL (and fails when PostgreSQL does not answer); without it the test
// is skipped with a warning, as the storage-postgres tests are.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { grenzeloos } from "./Run.js"

const url = process.env.GRENZELOOS_TEST_POSTGRES_URL

if (url === undefined) {
  console.warn("[cli] GRENZELOOS_TEST_POSTGRES_URL is not set: the CLI's PostgreSQL test is SKIPPED.")
  describe.skip("grenzeloos --db postgres:// (GRENZELOOS_TEST_POSTGRES_URL not set)", () => {
    it("runs against PostgreSQL", () => {})
  })
} else {
  describe("grenzeloos --db postgres://", () => {
    // A community of its own per run: records of other tests in the same database stay apart.
    const community = `cli-${Date.now().toString(36)}`
    const at = (...argv: ReadonlyArray<string>) => grenzeloos(...argv, "--db", url, "--community", community)

    it("sets up a community, imports members twice without duplicates, and lists them", async () => {
      expect((await at("init", "--name", "Programmadirecteuren Rijk")).code).toBe(0)
      const file = join(mkdtempSync(join(tmpdir(), "grenzeloos-pg-")), "leden.csv")
      writeFileSync(
        file,
        "Naam;E-mail;Organisatie;Programma\nJan van 't Hoff;jan@minfin.nl;Financiën;Toeslagen\nAyşe Özdemir;ayse@minbzk.nl;BZK;Binnenhof\n"
      )
      expect((await at("members", "import", file)).code).toBe(0)
      const again = await at("members", "import", file, "--json")
      expect(JSON.parse(again.stdout)).toMatchObject({ created: [], updated: [] })
      const list = await at("members", "list", "--json")
      expect((JSON.parse(list.stdout) as ReadonlyArray<{ name: string }>).map((m) => m.name)).toEqual([
        "Ayşe Özdemir",
        "Jan van 't Hoff"
      ])
    })

    it("exits 6 when the database does not answer, without printing the password", async () => {
      const ran = await grenzeloos("members", "list", "--db", "postgres://grenzeloos:geheim@127.0.0.1:1/none")
      expect(ran.code).toBe(6)
      expect(ran.stderr).not.toContain("geheim")
    })
  })
}
