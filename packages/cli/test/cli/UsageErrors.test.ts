// @effect/cli's own errors about the arguments, said in the --lang language and naming the option.
import { beforeAll, describe, expect, it } from "vitest"
import { type Community, community } from "../commands/Setup.js"
import { grenzeloos } from "./Run.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community()
})

describe("errors in the arguments", () => {
  it("names the option and its choices in Dutch, not @effect/cli's English", async () => {
    const ran = await rijk.at("members", "list", "--lang", "nederlands")
    expect(ran.code).toBe(1)
    expect(ran.stderr).toBe('fout: --lang: kies nl of en, niet "nederlands"')
    const role = await rijk.at("facilitators", "add", "--name", "Bas", "--email", "bas@rws.nl", "--role", "gast")
    expect(role.stderr).toContain('fout: --role: kies guest of programme-team, niet "gast"')
    expect(role.stderr).not.toContain("Expected")
  })

  it("names the option of a value that is no number, in the --lang language", async () => {
    const nl = await rijk.at("vote", "open", "--days", "twee")
    expect(nl.code).toBe(1)
    expect(nl.stderr).toBe('fout: --days: verwacht een geheel getal, bijv. 14, niet "twee"')
    const en = await rijk.at("vote", "open", "--days", "two", "--lang", "en")
    expect(en.stderr).toBe('error: --days: expected a whole number, e.g. 14, not "two"')
  })

  it("says a missing option in Dutch", async () => {
    const ran = await rijk.at("meeting", "plan")
    expect(ran.code).toBe(1)
    expect(ran.stderr).toContain("--quarter ontbreekt")
    expect(ran.stderr).not.toContain("Expected to find option")
  })

  it("refuses a Dutch-written --date in one language, with the date as the option takes it", async () => {
    const nl = await rijk.at("meeting", "move", "--gathering", "g-1", "--date", "3-6-2027")
    expect(nl.code).toBe(1)
    expect(nl.stderr).toBe(
      'fout: --date: verwacht een bestaande datum als 2027-06-03 (jaar-maand-dag), niet "3-6-2027"'
    )
    const en = await rijk.at("meeting", "move", "--gathering", "g-1", "--date", "3-6-2027", "--lang", "en")
    expect(en.stderr).toBe(
      'error: --date: expected a date that exists, written as 2027-06-03 (year-month-day), not "3-6-2027"'
    )
    expect(en.stderr).not.toContain("verwacht")
  })

  it("says an empty --location is no location, naming the option", async () => {
    const ran = await rijk.at("meeting", "plan", "--quarter", "2027-Q3", "--location", "")
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain('--location: verwacht een locatie zoals "Beatrixgebouw, Utrecht"')
    expect(ran.stderr).not.toContain("titel")
  })

  it("says that options go after the command when one comes first, in Dutch (it said @effect/cli's 'Invalid subcommand')", async () => {
    const ran = await grenzeloos("--db", rijk.db, "init", "--name", "X")
    expect(ran.code).toBe(1)
    expect(ran.stderr).toContain("fout: na grenzeloos hoort een opdracht: init, members")
    expect(ran.stderr).toContain("opties zoals --db komen na de opdracht (grenzeloos init --db …)")
    expect(ran.stderr).not.toContain("Invalid subcommand")
  })
})
