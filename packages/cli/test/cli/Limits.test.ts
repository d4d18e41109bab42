import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { grenzeloos } from "./Run.js"

const dir = mkdtempSync(join(tmpdir(), "grenzeloos-limits-"))
const db = join(dir, "grenzeloos.db")
const at = (...argv: ReadonlyArray<string>) => grenzeloos(...argv, "--db", db, "--community", "rijk", "--as", "f-team")

describe("grenzeloos refuses input beyond its limits, naming the limit", () => {
  beforeAll(async () => {
    expect((await at("init", "--name", "Rijk", "--team-email", "team@minbzk.nl")).code).toBe(0)
  })

  it("a date that does not exist, in --from or --to", async () => {
    for (const [from, to] of [
      ["2027-02-30", "2027-03-05"],
      ["2027-02-01", "2027-02-29"]
    ] as const) {
      const ran = await at("intakes", "plan", "--from", from, "--to", to)
      expect(ran.code).not.toBe(0)
      expect(`${ran.stdout}\n${ran.stderr}`).toContain("verwacht een bestaande datum")
    }
  })

  it("--from after --to", async () => {
    const ran = await at("intakes", "plan", "--from", "2027-03-05", "--to", "2027-03-01")
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain("de eerste dag (2027-03-05) ligt na de laatste (--to 2027-03-01)")
  })

  it("a member file over the size limit, before it is read", async () => {
    const file = join(dir, "groot.csv")
    writeFileSync(file, `Naam;E-mail;Organisatie;Programma\r\n${"Jan;jan@minfin.nl;BZK;P\r\n".repeat(900_000)}`)
    const ran = await at("members", "import", file)
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain("meer dan de grens van 20.0 MB")
    expect(ran.stderr).toContain("over the limit of 20.0 MB")
  })

  it("a member file with more rows than the limit", async () => {
    const file = join(dir, "lang.csv")
    writeFileSync(file, `Naam;E-mail;Organisatie;Programma\r\n${"Jan;jan@minfin.nl;BZK;P\r\n".repeat(10_000)}`)
    const ran = await at("members", "import", file)
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain("meer dan 10000 rijen")
  })
})
