// themes add | list | edit | withdraw
import { beforeAll, describe, expect, it } from "vitest"
import { type Community, community } from "./Setup.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community()
})

describe("grenzeloos themes", () => {
  it("adds, lists, edits and withdraws a theme, and refuses a title twice", async () => {
    const added = await rijk.json("themes", "add", "--title", "Omgaan met sabotage", "--minutes", "45")
    expect(added).toMatchObject({ title: "Omgaan met sabotage", status: "backlog" })
    const twice = await rijk.at("themes", "add", "--title", "omgaan met  Sabotage")
    expect(twice.code).not.toBe(0)
    expect(twice.stderr).toContain("grenzeloos themes edit")
    const listed = await rijk.at("themes", "list")
    expect(listed.stdout).toMatch(/Omgaan met sabotage +45 +op de voorraadagenda/)
    const edited = await rijk.json("themes", "edit", added.id, "--title", "Omgaan met sabotage en weerstand")
    expect(edited).toMatchObject({ title: "Omgaan met sabotage en weerstand", durationMinutes: 45 })
    const withdrawn = await rijk.at("themes", "withdraw", added.id)
    expect(withdrawn.stdout).toContain('Thema "Omgaan met sabotage en weerstand" is ingetrokken')
    expect((await rijk.json("themes", "list", "--status", "backlog")) as ReadonlyArray<unknown>).toEqual([])
  })

  it("tells a Dutch user in Dutch that a title is already on the agenda, and an English user in English", async () => {
    await rijk.json("themes", "add", "--title", "Hoe behoud ik mijn mensen?")
    const dutch = await rijk.at("themes", "add", "--title", "Hoe behoud ik mijn mensen?", "--lang", "nl")
    expect(dutch.code).not.toBe(0)
    expect(dutch.stderr).toContain('kan niet: --title ("Hoe behoud ik mijn mensen?") staat al op de agenda als thema')
    expect(dutch.stderr).toContain("Wat wel kan: wijzig dat thema (grenzeloos themes edit) of kies een andere titel")
    expect(dutch.stderr).not.toMatch(/already on the agenda|choose another title/)
    const english = await rijk.at("themes", "add", "--title", "Hoe behoud ik mijn mensen?", "--lang", "en")
    expect(english.stderr).toContain("is already on the agenda as theme")
    expect(english.stderr).toContain("edit that theme (grenzeloos themes edit) or choose another title")
  })
})
