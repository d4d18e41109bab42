// intakes plan | record: what the programme team reads
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { type Community, community } from "./Setup.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community()
  // A member without a status is invited: their intake is still to be planned.
  const file = join(rijk.dir, "nieuw.csv")
  writeFileSync(file, "Naam;E-mail;Organisatie;Programma\nKees de Wit;kees@minfin.nl;Financiën;Douane\n")
  await rijk.json("members", "import", file)
})

describe("grenzeloos intakes record", () => {
  it("names the member whose intake was held, not their id", async () => {
    // An intake is recorded as held only once it has taken place: plan it in the past.
    const planned = await rijk.json(
      "intakes",
      "plan",
      "--from",
      "2026-11-09",
      "--to",
      "2026-11-10",
      "--times",
      "10:00",
      "--facilitator",
      "anouk"
    )
    const intake = planned.intakes[0] as { id: string; memberId: string }
    const ran = await rijk.at("intakes", "record", intake.id, "--lang", "en")
    expect(ran.code).toBe(0)
    expect(ran.stdout).toBe(`Intake ${intake.id} held: Kees de Wit is now an active member.`)
    expect(ran.stdout).not.toContain(intake.memberId)
  })
})
