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

  it("shows each member's chance to attend the year's gatherings after a decided poll, and the simulation from a saved bench run", async () => {
    const rijk = await community({ members: 3 })
    const members = (await rijk.json("members", "list")) as ReadonlyArray<{ id: string; name: string }>
    const planned = await rijk.json("meeting", "plan", "--quarter", "2027-Q2")
    const candidates = await rijk.json(
      "meeting",
      "candidates",
      "--gathering",
      planned.id,
      "--count",
      "2",
      "--school-regions",
      "midden,noord"
    )
    const slots = candidates.poll.slots as ReadonlyArray<{ id: string }>
    // Two can come to the first date, the third only to the second.
    for (const [member, slot] of [
      [members[0]!, slots[0]!],
      [members[1]!, slots[0]!],
      [members[2]!, slots[1]!]
    ] as const)
      await rijk.json(
        "poll",
        "answer",
        "--poll",
        candidates.id,
        "--member",
        member.id,
        "--slot",
        slot.id,
        "--answer",
        "yes"
      )
    await rijk.json("meeting", "decide", "--poll", candidates.id)
    const simulation = join(rijk.dir, "simulatie.json")
    writeFileSync(
      simulation,
      JSON.stringify([
        {
          scenario: "minority-30",
          method: "equal-shares",
          carried: false,
          minorityShare: 0.05,
          windowCoverage: 0.6,
          gini: 0.4,
          totalSatisfaction: 100
        },
        {
          scenario: "minority-30",
          method: "perpetual-phragmen",
          carried: true,
          minorityShare: 0.3,
          windowCoverage: 0.9,
          gini: 0.2,
          totalSatisfaction: 95
        },
        {
          scenario: "realistic",
          method: "perpetual-phragmen",
          carried: true,
          minorityShare: null,
          windowCoverage: 0.9,
          gini: 0.2,
          totalSatisfaction: 95
        }
      ])
    )
    const report = join(rijk.dir, "report.html")
    expect((await rijk.at("report", "--out", report, "--simulation", simulation)).code).toBe(0)
    const html = readFileSync(report, "utf8")
    expect(html).toContain("Eerlijkheid over het jaar")
    const chance = html.slice(html.indexOf('id="eerlijk-datum"'), html.indexOf('id="eerlijk-simulatie"'))
    // The one who cannot come to the chosen date is named at the minimum.
    expect(chance).toContain("Kans om erbij te zijn")
    expect(chance).toContain(`Het laagst: ${members[2]!.name}`)
    const minority = html.slice(html.indexOf('id="eerlijk-simulatie"'))
    expect(minority).toContain("perpetual-phragmen")
    expect(minority).toContain("30\u00a0%")
    // A file that is not the bench's output is refused, naming the file.
    writeFileSync(simulation, '[{"scenario":"minority-30"}]')
    const refused = await rijk.at("report", "--out", report, "--simulation", simulation)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain("simulatie.json: 6 problemen")
    expect(refused.stderr).toContain("[0].method ontbreekt")
    writeFileSync(
      simulation,
      JSON.stringify([
        {
          scenario: "minority-30",
          method: "x",
          carried: "ja",
          minorityShare: 0.3,
          windowCoverage: 1,
          gini: 0,
          totalSatisfaction: 1
        }
      ])
    )
    expect((await rijk.at("report", "--out", report, "--simulation", simulation)).stderr).toContain(
      "simulatie.json: 1 probleem\n"
    )
  })
})

const writeBallots = (file: string, themes: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) =>
  writeFileSync(file, `Lidnummer;${themes.join(";")}\n${rows.map((r) => r.join(";")).join("\n")}\n`)
