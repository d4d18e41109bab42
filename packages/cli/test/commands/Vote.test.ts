// vote open | import | withdraw | close
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Mailbox from "../quarter/Mailbox.js"
import { community } from "./Setup.js"

describe("grenzeloos vote", () => {
  it("closes the vote at 23:59 on the last day, the same in the stored round and in the invitation", async () => {
    const rijk = await community({ members: 1 })
    const mailbox = await Mailbox.open()
    try {
      await rijk.json("themes", "add", "--title", "Omgaan met sabotage")
      const vote = await rijk.json("vote", "open", "--days", "14")
      const closes = new Date(vote.round.closesAt)
      const local = new Intl.DateTimeFormat("nl-NL", {
        timeZone: "Europe/Amsterdam",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit"
      }).format(closes)
      expect(local).toBe("23:59:00")
      // 13 to 15 days ahead: the 14th day, whatever the hour it was opened.
      const days = (closes.getTime() - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(13)
      expect(days).toBeLessThan(15)
      const opened = await rijk.at("vote", "open", "--days", "7")
      expect(opened.stdout).toMatch(/staat open tot \w+dag \d+ \w+ \d{4} om 23:59/)
      await rijk.json("outbox", "send", "--smtp", `smtp://127.0.0.1:${mailbox.port}`)
      await mailbox.settled(2)
      const invitation = mailbox.received.find((m) => m.subject?.startsWith("Stem mee"))
      expect(invitation?.text).toMatch(/staat open tot .*23:59/)
    } finally {
      await mailbox.close()
    }
  })

  it("asks only the members whose ballot is not in yet, withdraws one, and sets the gathering's programme", async () => {
    const rijk = await community({ members: 3 })
    const mailbox = await Mailbox.open()
    try {
      for (const title of ["Omgaan met sabotage", "Hoe behoud ik mijn mensen?"])
        await rijk.json("themes", "add", "--title", title)
      const gathering = await rijk.json("meeting", "plan", "--quarter", "2027-Q2")
      const vote = await rijk.json("vote", "open", "--gathering", gathering.id)
      expect(vote).toMatchObject({ status: "open" })
      const members = (await rijk.json("members", "list")) as ReadonlyArray<{ id: string; name: string }>
      const file = join(rijk.dir, "stemmen.csv")
      writeFileSync(
        file,
        `Lidnummer;Omgaan met sabotage;Hoe behoud ik mijn mensen?\n${members[0]!.id};x;\n${members[1]!.id};x;x\n`
      )
      expect(await rijk.json("vote", "import", file, "--vote", vote.id)).toMatchObject({ ballots: 2 })
      // Imported again (the same ballots replace themselves), in words: the next step is closing the vote.
      const told = await rijk.at("vote", "import", file, "--vote", vote.id)
      expect(told.stdout).toContain(`Kies het programma met: grenzeloos vote close --vote ${vote.id} --gathering`)
      // Only the member who has not voted is still asked to.
      const sent = await rijk.json("outbox", "send", "--smtp", `smtp://127.0.0.1:${mailbox.port}`)
      expect(sent).toMatchObject({ delivered: 1 })
      const withdrawn = await rijk.at("vote", "withdraw", "--vote", vote.id, "--member", members[1]!.id)
      expect(withdrawn.stdout).toContain(`De stem van ${members[1]!.name} is ingetrokken.`)
      const closed = await rijk.json(
        "vote",
        "close",
        "--vote",
        vote.id,
        "--gathering",
        gathering.id,
        "--method",
        "equal-shares",
        "--minutes",
        "60"
      )
      expect(closed).toMatchObject({ status: "closed", result: { fairness: { voters: 1 } } })
      expect(closed.gathering.programme).toHaveLength(1)
    } finally {
      await mailbox.close()
    }
  })

  it("tells the result of a vote in the --lang language", async () => {
    const rijk = await community({ members: 2 })
    await rijk.json("themes", "add", "--title", "Omgaan met sabotage")
    const vote = await rijk.json("vote", "open")
    const [member] = (await rijk.json("members", "list")) as ReadonlyArray<{ id: string }>
    const file = join(rijk.dir, "stemmen.csv")
    writeFileSync(file, `Lidnummer;Omgaan met sabotage\n${member!.id};x\n`)
    await rijk.json("vote", "import", file, "--vote", vote.id)
    const english = await rijk.at("vote", "close", "--vote", vote.id, "--minutes", "60", "--lang", "en")
    expect(english.code).toBe(0)
    expect(english.stdout).toContain(
      "By the Method of Equal Shares the programme has 1 themes (60 minutes of 60 minutes)."
    )
    expect(english.stdout).not.toMatch(/Volgens|thema's|leden die stemden/)
  })

  it("refuses to close a vote nobody voted in, in Dutch, saying how to import ballots or force it", async () => {
    const rijk = await community({ members: 3 })
    await rijk.json("themes", "add", "--title", "Omgaan met sabotage")
    const gathering = await rijk.json("meeting", "plan", "--quarter", "2027-Q2")
    const vote = await rijk.json("vote", "open", "--gathering", gathering.id)
    const refused = await rijk.at("vote", "close", "--vote", vote.id, "--minutes", "60")
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain("heeft geen stemmen (0 van 3 actieve leden stemden)")
    expect(refused.stderr).toContain("grenzeloos vote import")
    expect(refused.stderr).toContain("met --force")
    expect(refused.stderr).not.toMatch(/\b(has|ballots|anyway)\b/)
    const forced = await rijk.at("vote", "close", "--vote", vote.id, "--minutes", "60", "--force")
    expect(forced.code).toBe(0)
    // One number format: "0 %" as in the rest of the Dutch output, not "0%".
    expect(forced.stdout).toContain("Eerlijkheid: 0\u00a0% van de 0 stemmers")
  })
})
