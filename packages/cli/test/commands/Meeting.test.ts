// meeting decide: what the programme team reads after a poll, in Dutch and in English
import { beforeAll, describe, expect, it } from "vitest"
import { type Community, community } from "./Setup.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community({ members: 4 })
})

// A poll of `quarter` answered yes on its first date by every member, decided in `lang`.
const decided = async (quarter: string, lang: "nl" | "en") => {
  const planned = await rijk.json("meeting", "plan", "--quarter", quarter)
  const candidates = await rijk.json("meeting", "candidates", "--gathering", planned.id, "--count", "2")
  const slot = (candidates.poll.slots as ReadonlyArray<{ id: string }>)[0]!.id
  const members = (await rijk.json("members", "list")) as ReadonlyArray<{ id: string }>
  for (const m of members)
    await rijk.json("poll", "answer", "--poll", candidates.id, "--member", m.id, "--slot", slot, "--answer", "yes")
  return rijk.at("meeting", "decide", "--poll", candidates.id, "--lang", lang)
}

describe("grenzeloos meeting decide", () => {
  it("says the chosen date once, and claims no extra weight for earlier absence in a community without history", async () => {
    const ran = await decided("2027-Q1", "nl")
    expect(ran.code).toBe(0)
    expect(ran.stdout.match(/Gekozen:/g)).toHaveLength(1)
    expect(ran.stdout).toContain("4 van de 4 leden antwoordden")
    // Nobody missed a gathering: nobody counted more, so the output does not say so.
    expect(ran.stdout).not.toContain("zwaarder")
  })

  it("reads wholly in English with --lang en: the dates too", async () => {
    const ran = await decided("2027-Q2", "en")
    expect(ran.code).toBe(0)
    expect(ran.stdout.match(/Chosen:/g)).toHaveLength(1)
    expect(ran.stdout).not.toContain("counted more")
    expect(ran.stdout).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday), \d+ [A-Z][a-z]+ 2027 at \d\d:\d\d/)
    expect(ran.stdout).not.toMatch(/maandag|dinsdag|woensdag|donderdag|vrijdag| om \d/)
  })
})

describe("grenzeloos poll answer", () => {
  it("says the date in the --lang language", async () => {
    const planned = await rijk.json("meeting", "plan", "--quarter", "2027-Q3")
    const candidates = await rijk.json("meeting", "candidates", "--gathering", planned.id, "--count", "1")
    const slot = (candidates.poll.slots as ReadonlyArray<{ id: string }>)[0]!.id
    const [member] = (await rijk.json("members", "list")) as ReadonlyArray<{ id: string; name: string }>
    const at = (lang: string) =>
      rijk.at(
        "poll",
        "answer",
        "--poll",
        candidates.id,
        "--member",
        member!.id,
        "--slot",
        slot,
        "--answer",
        "yes",
        "--lang",
        lang
      )
    const en = await at("en")
    expect(en.stdout.startsWith(`${member!.name}: yes for `)).toBe(true)
    expect(en.stdout).toMatch(/ for [A-Z][a-z]+day, \d+ [A-Z][a-z]+ 2027 at \d\d:\d\d\.$/)
    const nl = await at("nl")
    expect(nl.stdout.startsWith(`${member!.name}: ja op `)).toBe(true)
    expect(nl.stdout).toMatch(/ op [a-z]+dag \d+ [a-z]+ 2027 om \d\d:\d\d\.$/)
  })
})

describe("a refusal of a gathering's step", () => {
  it("offers only commands, never a use case's name", async () => {
    const planned = await rijk.json("meeting", "plan", "--quarter", "2027-Q4")
    await rijk.json("meeting", "candidates", "--gathering", planned.id, "--count", "1")
    const again = await rijk.at("meeting", "candidates", "--gathering", planned.id, "--lang", "en")
    expect(again.code).not.toBe(0)
    expect(again.stderr).toContain("grenzeloos meeting decide")
    expect(again.stderr).not.toMatch(/setProgramme|changeProgramme|recordAttendance|closeGathering/)
  })
})

describe("grenzeloos meeting plan", () => {
  it("titles a gathering without --title in the --lang language", async () => {
    const nl = await rijk.json("meeting", "plan", "--quarter", "2028-Q1")
    expect(nl.gathering.title).toBe("Kwartaalbijeenkomst 2028-Q1")
    const en = await rijk.json("meeting", "plan", "--quarter", "2028-Q2", "--lang", "en")
    expect(en.gathering.title).toBe("Quarterly gathering 2028-Q2")
    const given = await rijk.json(
      "meeting",
      "plan",
      "--quarter",
      "2028-Q3",
      "--title",
      "Voorjaarsbijeenkomst",
      "--lang",
      "en"
    )
    expect(given.gathering.title).toBe("Voorjaarsbijeenkomst")
  })
})
