// poll request | import | answer, and meeting decide on what they recorded
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { type Community, community } from "./Setup.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community({ members: 4 })
})

describe("grenzeloos poll", () => {
  it("takes answers one by one without losing earlier ones, and from a sheet headed with dates", async () => {
    const planned = await rijk.json("meeting", "plan", "--quarter", "2027-Q2")
    const candidates = await rijk.json("meeting", "candidates", "--gathering", planned.id, "--count", "3")
    const slots = candidates.poll.slots as ReadonlyArray<{ id: string; startsAt: string }>
    const members = (await rijk.json("members", "list")) as ReadonlyArray<{ id: string; name: string }>
    const [ann, bob, cas, dirk] = members
    expect(await rijk.json("poll", "request", "--poll", candidates.id)).toMatchObject({ asked: 4 })
    // Answers typed in Dutch or English.
    for (const [slot, answer] of [
      [slots[0]!.id, "ja"],
      [slots[1]!.id, "no"]
    ] as const)
      await rijk.json(
        "poll",
        "answer",
        "--poll",
        candidates.id,
        "--member",
        ann!.id,
        "--slot",
        slot,
        "--answer",
        answer
      )
    // The header names each date as a person writes it: "9-2-2027" (with the time, since the
    // community's dates all start at 13:00 here).
    const header = slots.map((s) => {
      const [y, m, d] = s.startsAt.slice(0, 10).split("-").map(Number)
      return `${d}-${m}-${y} 13:00`
    })
    const file = join(rijk.dir, "antwoorden.csv")
    writeFileSync(
      file,
      `Naam;${header.join(";")}\n${bob!.name};nee;als het moet;ja\n${cas!.name};ja;;nee\n${dirk!.name};nee;nee;JA\n`
    )
    expect(await rijk.json("poll", "import", file, "--poll", candidates.id)).toMatchObject({ recorded: 3 })
    const decided = await rijk.json("meeting", "decide", "--poll", candidates.id)
    // Ann said yes to the first date (her later answer did not erase it): 2 yes there, 2 yes on the third.
    const first = decided.decision.ranking.find((s: { slotId: string }) => s.slotId === slots[0]!.id)
    expect(first.yes).toHaveLength(2)
    expect(decided.answered).toHaveLength(4)
  })

  it("refuses a sheet whose cell is not an answer, naming the row and the date column", async () => {
    const planned = await rijk.json("meeting", "plan", "--quarter", "2027-Q3")
    const candidates = await rijk.json("meeting", "candidates", "--gathering", planned.id, "--count", "1")
    const [member] = (await rijk.json("members", "list")) as ReadonlyArray<{ name: string }>
    const slot = (candidates.poll.slots as ReadonlyArray<{ startsAt: string }>)[0]!
    const file = join(rijk.dir, "fout.csv")
    writeFileSync(file, `Naam;${slot.startsAt.slice(0, 10)}\n${member!.name};weet niet\n`)
    const ran = await rijk.at("poll", "import", file, "--poll", candidates.id)
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain(`rij 2, kolom "${slot.startsAt.slice(0, 10)}"`)
    expect(ran.stderr).toContain("ja, als het moet of nee")
  })
})
