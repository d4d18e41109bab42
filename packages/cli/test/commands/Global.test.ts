// What every command shares: exit codes for a wrong database, community or actor, "did you mean",
// help without colour codes in a file, the real version, and core errors in the person's words.
import { readFileSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import * as Suggest from "../../src/cli/Suggest.js"
import { grenzeloos } from "../cli/Run.js"
import { type Community, community } from "./Setup.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community({ members: 3 })
})

describe("grenzeloos, whatever the command", () => {
  it("exits 6 for a database that does not exist, and creates none", async () => {
    const missing = join(rijk.dir, "elders.db")
    const ran = await grenzeloos("members", "list", "--db", missing)
    expect(ran.code).toBe(6)
    expect(ran.stderr).toContain("bestaat niet")
    expect(ran.stderr).toContain("grenzeloos init")
    expect(() => readFileSync(missing)).toThrow()
  })

  it("exits 6 for a file that is not a database", async () => {
    const corrupt = join(rijk.dir, "kapot.db")
    writeFileSync(corrupt, "dit is geen database\n".repeat(200))
    const ran = await grenzeloos("members", "list", "--db", corrupt)
    expect(ran.code).toBe(6)
    expect(ran.stderr).toContain("is niet te openen")
  })

  it("exits 2 for a community that is not set up, or an --as outside the programme team", async () => {
    const community = await grenzeloos("members", "list", "--db", rijk.db, "--community", "rjik", "--as", "anouk")
    expect(community.code).toBe(2)
    expect(community.stderr).toContain("--community rjik")
    const as = await grenzeloos("members", "list", "--db", rijk.db, "--community", "rijk", "--as", "anoek")
    expect(as.code).toBe(2)
    expect(as.stderr).toContain("--as anoek: is niet iemand van het programmateam")
  })

  it("says plainly, in the person's language, why --out cannot be written", async () => {
    const missing = join(rijk.dir, "bestaat-niet", "verslag.html")
    const dutch = await rijk.at("report", "--out", missing)
    expect(dutch.code).toBe(2)
    expect(dutch.stderr).toContain(
      `--out: ${missing} is niet te schrijven (de map bestaat niet); kies een andere map of naam`
    )
    expect(dutch.stderr).not.toMatch(/ENOENT|NotFound|cannot/)
    const english = await rijk.at("report", "--out", missing, "--lang", "en")
    expect(english.stderr).toContain("cannot be written (the folder does not exist)")
  })

  it("exits 2 when --out cannot be written, before anything is queued", async () => {
    const file = join(rijk.dir, "een-bestand")
    writeFileSync(file, "")
    const ran = await rijk.at("invite", "--gathering", "g-1", "--out", join(file, "map"))
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain("--out")
  })

  it("suggests the command meant by a typo", async () => {
    const ran = await grenzeloos("member", "import", "leden.csv")
    expect(ran.code).toBe(1)
    expect(ran.stderr).toContain("bedoelde u: grenzeloos members import?")
    expect((await grenzeloos("meeting", "decied", "--lang", "en")).stderr).toContain(
      "did you mean: grenzeloos meeting decide?"
    )
  })

  it("knows every command and subcommand there is", async () => {
    for (const [group, subs] of Object.entries(Suggest.COMMANDS))
      for (const sub of subs.length === 0 ? [undefined] : subs) {
        const ran = await grenzeloos(...(sub === undefined ? [group] : [group, sub]), "--help")
        expect({ command: `${group} ${sub ?? ""}`, code: ran.code }).toEqual({
          command: `${group} ${sub ?? ""}`,
          code: 0
        })
      }
  })

  it("writes help without colour codes when the output is not a terminal", async () => {
    const ran = await grenzeloos("--help")
    expect(ran.code).toBe(0)
    expect(ran.stdout).toContain("meeting")
    expect(ran.stdout).not.toContain("\u001b[")
  })

  it("reports the package's version", async () => {
    const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
      version: string
    }
    expect((await grenzeloos("--version")).stdout).toContain(version)
  })

  it("names the option typed, in the person's language, once, instead of the use case's path", async () => {
    // "noord" and "midden" are regions by their Dutch names now; "oost" is no region.
    const dutch = await rijk.at("meeting", "candidates", "--quarter", "2027-Q1", "--school-regions", "oost")
    expect(dutch.code).toBe(2)
    expect(dutch.stderr).toContain("--school-regions: verwacht")
    expect(dutch.stderr).not.toContain("calendar.schoolRegions")
    const english = await rijk.at(
      "intakes",
      "plan",
      "--from",
      "2027-01-11",
      "--to",
      "2027-01-15",
      "--facilitator",
      "nobody",
      "--lang",
      "en"
    )
    expect(english.code).toBe(2)
    expect(english.stderr).not.toContain("slots[")
    expect(english.stderr.match(/--facilitator/g) ?? []).toHaveLength(1)
    const missing = await rijk.at("meeting", "decide", "--poll", "poll-404")
    expect(missing.code).toBe(4)
    expect(missing.stderr).toContain("--poll: er is geen datumprikker poll-404")
  })
})
