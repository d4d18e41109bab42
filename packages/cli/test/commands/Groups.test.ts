// groups form
import { beforeAll, describe, expect, it } from "vitest"
import { type Community, community } from "./Setup.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community({ members: 40 })
})

describe("grenzeloos groups form", () => {
  it("says what to do when the facilitators cannot lead every group", async () => {
    await rijk.json(
      "facilitators",
      "add",
      "--name",
      "Bas Verhoef",
      "--email",
      "bas.verhoef@rws.nl",
      "--max-groups",
      "1"
    )
    const ran = await rijk.at("groups", "form", "--round", "2027", "--size", "5-7")
    expect(ran.code).toBe(5)
    expect(ran.stderr).toMatch(/de begeleiders kunnen samen \d+ groepen begeleiden, er zijn er \d+/)
    expect(ran.stderr).toContain("Voeg een begeleider toe met grenzeloos facilitators add")
    expect(ran.stderr).toContain("--max-groups")
    expect(ran.stderr).toContain("--size")
    const en = await rijk.at("groups", "form", "--round", "2027", "--size", "5-7", "--lang", "en")
    expect(en.stderr).toContain("Add a facilitator with grenzeloos facilitators add")
  })

  it("names each group's facilitator by name, not by id, and says why each member is there in the --lang language", async () => {
    await rijk.json(
      "facilitators",
      "add",
      "--name",
      "Carla Visser",
      "--email",
      "carla.visser@rws.nl",
      "--max-groups",
      "8"
    )
    const ran = await rijk.at("groups", "form", "--round", "2028", "--size", "5-7")
    expect(ran.code).toBe(0)
    expect(ran.stdout).toMatch(/ — begeleiding (Carla Visser|Bas Verhoef|Anouk Bakker)$/m)
    expect(ran.stdout).not.toMatch(/ — begeleiding f-/)
    const en = await rijk.at("groups", "form", "--round", "2029", "--size", "5-7", "--lang", "en")
    expect(en.stdout).toMatch(/ — facilitated by (Carla Visser|Bas Verhoef|Anouk Bakker)$/m)
    // Why each member is in their group, in English too.
    expect(en.stdout).toMatch(/organisations/)
    expect(en.stdout).not.toMatch(/ deelt |organisaties|eerder in een groep/)
    // The round's default name is in the language the command was given in, like everything else.
    expect(ran.stdout).toContain("Leergroepen 2028")
    expect(en.stdout).toContain("Learning groups 2029")
    expect(en.stdout).not.toContain("Leergroepen")
  })
})
