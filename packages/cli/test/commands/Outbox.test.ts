// outbox send | status | retry
import { describe, expect, it } from "vitest"
import * as Mailbox from "../quarter/Mailbox.js"
import { community } from "./Setup.js"

describe("grenzeloos outbox", () => {
  it("refuses to send from an organiser address that receives no mail, and says how to set one", async () => {
    const rijk = await community({ members: 2, teamEmail: null })
    const ran = await rijk.at("outbox", "send", "--smtp", "smtp://127.0.0.1:2525")
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain("programmateam@grenzeloos.invalid")
    expect(ran.stderr).toContain("--team-email")
    expect(ran.stderr).toContain("GRENZELOOS_ORGANIZER_EMAIL")
  })

  it("sends what is due from the organiser init registered, and counts it", async () => {
    const rijk = await community({ members: 3 })
    const mailbox = await Mailbox.open()
    try {
      await rijk.json("themes", "add", "--title", "Hoe behoud ik mijn mensen?")
      const vote = await rijk.json("vote", "open")
      expect(vote).toMatchObject({ status: "open" })
      const sent = await rijk.json("outbox", "send", "--smtp", `smtp://127.0.0.1:${mailbox.port}`)
      expect(sent).toMatchObject({ delivered: 3, deadLettered: 0 })
      await mailbox.settled(3)
      expect(mailbox.received[0]?.from?.value[0]?.address).toBe("anouk.bakker@minbzk.nl")
      expect(await rijk.json("outbox", "status")).toMatchObject({ pending: 0, delivered: 3, dead: 0 })
      const nothing = await rijk.json("outbox", "send", "--smtp", `smtp://127.0.0.1:${mailbox.port}`)
      expect(nothing).toMatchObject({ delivered: 0 })
    } finally {
      await mailbox.close()
    }
  })

  it("retries what failed: a server that refused every recipient, then one that accepts", async () => {
    const rijk = await community({ members: 2 })
    await rijk.json("themes", "add", "--title", "Omgaan met eenzaamheid")
    await rijk.json("vote", "open")
    const refusing = await Mailbox.open({ reject: true })
    const mailbox = await Mailbox.open()
    try {
      const failed = await rijk.json("outbox", "send", "--smtp", `smtp://127.0.0.1:${refusing.port}`)
      expect(failed).toMatchObject({ delivered: 0, deadLettered: 2 })
      const status = await rijk.at("outbox", "status")
      expect(status.stdout).toMatch(/mislukt +2/)
      // One by its id, as outbox status lists it; asked again, it is waiting, not failed.
      const [first] = (await rijk.json("outbox", "status")).failed
      expect(await rijk.json("outbox", "retry", first.id)).toMatchObject({ retried: 1 })
      const again = await rijk.at("outbox", "retry", first.id)
      expect(again.code).toBe(4)
      expect(again.stderr).toContain(`bericht ${first.id} is niet mislukt (klaar om te versturen)`)
      expect(await rijk.json("outbox", "retry", "--dead")).toMatchObject({ retried: 1 })
      expect(await rijk.json("outbox", "send", "--smtp", `smtp://127.0.0.1:${mailbox.port}`)).toMatchObject({
        delivered: 2
      })
    } finally {
      await refusing.close()
      await mailbox.close()
    }
  })

  it("says there is no such message, and where the ids are, when retry names an unknown id", async () => {
    const rijk = await community({ members: 2 })
    await rijk.json("themes", "add", "--title", "Omgaan met eenzaamheid")
    await rijk.json("vote", "open")
    const unknown = await rijk.at("outbox", "retry", "bestaat-niet")
    expect(unknown.code).toBe(4)
    expect(unknown.stderr).toContain("er is geen bericht bestaat-niet in de outbox")
    expect(unknown.stderr).toContain("grenzeloos outbox status")
    expect(unknown.stderr).not.toContain("0 berichten")
    const english = await rijk.at("outbox", "retry", "no-such-id", "--lang", "en")
    expect(english.stderr).toContain("there is no message no-such-id in the outbox")
  })

  it("says where to send when no server is given", async () => {
    const rijk = await community()
    const ran = await rijk.at("outbox", "send")
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain("--smtp")
  })

  it("says what is wrong with --smtp in one language, the --lang one", async () => {
    const rijk = await community()
    const dutch = await rijk.at("outbox", "send", "--smtp", "http://mail.example.nl")
    expect(dutch.code).toBe(2)
    expect(dutch.stderr).toContain("--smtp: verwacht smtp:// of smtps://, niet http://")
    expect(dutch.stderr).not.toContain("expected")
    const english = await rijk.at("outbox", "send", "--lang", "en")
    expect(english.stderr).toContain("where to? give --smtp")
    expect(english.stderr).not.toContain("waarheen")
  })
})
