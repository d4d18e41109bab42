// members import | list
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { type Community, community } from "./Setup.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community({ members: 4 })
})

describe("grenzeloos members", () => {
  it("shows a member's status in the language of the output, not the stored value", async () => {
    const dutch = await rijk.at("members", "list")
    expect(dutch.stdout).toMatch(/ actief$/m)
    expect(dutch.stdout).not.toMatch(/ active$/m)
    expect((await rijk.at("members", "list", "--lang", "en")).stdout).toMatch(/ active$/m)
  })

  it("says the remarks on a file's rows in the --lang language, the row too", async () => {
    const file = join(rijk.dir, "extra.csv")
    writeFileSync(
      file,
      "Naam;E-mail;Organisatie;Programma;Opmerking\nKees de Wit;kees@minfin.nl;Financiën;Douane;belt terug\n"
    )
    const en = await rijk.at("members", "import", file, "--lang", "en")
    expect(en.code).toBe(0)
    expect(en.stderr).toContain('row 1: the column "Opmerking" is not read')
    expect(en.stderr).not.toContain("rij ")
    const nl = await rijk.at("members", "import", file)
    expect(nl.stderr).toContain('rij 1: de kolom "Opmerking" wordt niet gelezen')
  })
})
