// `grenzeloos report` from what the store holds: fairness over the year after carried votes.
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { community } from "../commands/Setup.js"

describe("grenzeloos report from stored data", () => {
  it("shows fairness over the year with every member by name after a carried vote", async () => {
    const rijk = await community({ members: 3 })
    const members = (await rijk.json("members", "list")) as ReadonlyArray<{ id: string; name: string }>
    const themes = ["Omgaan met sabotage", "Hoe behoud ik mijn mensen?"]
    for (const title of themes) await rijk.json("themes", "add", "--title", title, "--minutes", "60")
    const report = join(rijk.dir, "report.html")
    // Before any carried vote the section is not there.
    expect((await rijk.at("report", "--out", report)).code).toBe(0)
    expect(readFileSync(report, "utf8")).not.toContain("Eerlijkheid over het jaar")
    const vote = await rijk.json("vote", "open")
    const file = join(rijk.dir, "stemmen.csv")
    writeBallots(file, themes, [
      [members[0]!.id, "x", ""],
      [members[1]!.id, "x", ""],
      [members[2]!.id, "", "x"]
    ])
    expect(await rijk.json("vote", "import", file, "--vote", vote.id)).toMatchObject({ ballots: 3 })
    await rijk.json("vote", "close", "--vote", vote.id, "--method", "perpetual-phragmen", "--minutes", "60")
    expect((await rijk.at("report", "--out", report)).code).toBe(0)
    const html = readFileSync(report, "utf8")
    expect(html).toContain("Eerlijkheid over het jaar")
    const section = html.slice(html.indexOf('id="eerlijk-programma"'))
    expect(section).toContain("Het programma over 1 stemronde")
    for (const m of members) expect(section).toContain(m.name)
    // The member whose theme lost carries 15 minutes to the next vote.
    expect(section).toContain("15 min")
  })
})

const writeBallots = (file: string, themes: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) =>
  writeFileSync(file, `Lidnummer;${themes.join(";")}\n${rows.map((r) => r.join(";")).join("\n")}\n`)
