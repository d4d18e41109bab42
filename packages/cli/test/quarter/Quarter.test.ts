// A whole quarter through `Cli.run` only, on a SQLite file, against a real SMTP server on
// 127.0.0.1: members from an .xlsx, poll answers and a vote from CSV files, the invitation, a
// move and a cancellation, every message read back as a person's mail client would.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Synthetic } from "@grenzeloos/testkit"
import { Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import writeXlsxFile from "write-excel-file/node"
import { grenzeloos } from "../cli/Run.js"
import * as Mailbox from "./Mailbox.js"

const THEMES = [
  "Vormgeven van positieve dienstverlening",
  "Functionele conflicten organiseren",
  "Omgaan met sabotage",
  "Hoe organiseer je focus?",
  "Het managen van ego's (inclusief je eigen)",
  "Worstelen met de Wet open overheid (Woo)"
]

const dir = mkdtempSync(join(tmpdir(), "grenzeloos-quarter-"))
const db = join(dir, "kwartaal.db")
const generated = Synthetic.community({ seed: 11, members: 24 })
const people = generated.members.map((m) => ({ name: m.name, email: Redacted.value(m.email) }))
let mailbox: Mailbox.Mailbox

const at = (...argv: ReadonlyArray<string>) => grenzeloos(...argv, "--db", db, "--community", "rijk", "--as", "anouk")
const json = async (...argv: ReadonlyArray<string>) => {
  const ran = await at(...argv, "--json")
  if (ran.code !== 0) throw new Error(`grenzeloos ${argv.join(" ")}: exit ${ran.code}\n${ran.stdout}\n${ran.stderr}`)
  // biome-ignore lint/suspicious/noExplicitAny: the JSON a command prints, read field by field as a script would.
  return JSON.parse(ran.stdout) as Record<string, any>
}
const send = async () =>
  (await json("outbox", "send", "--smtp", `smtp://127.0.0.1:${mailbox.port}`)).delivered as number

const amsterdam = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23"
})
const local = (iso: string) => {
  const parts = Object.fromEntries(
    amsterdam.formatToParts(new Date(iso.replace(/\[.*\]$/, ""))).map((p) => [p.type, p.value])
  )
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}
const icsText = (text: string) => text.replace(/\\([,;\\])/g, "$1").replace(/\\n/gi, "\n")

describe("a whole quarter through the command line, with the mail a member receives", () => {
  beforeAll(async () => {
    mailbox = await Mailbox.open()
  })
  afterAll(async () => {
    await mailbox.close()
  })

  it("plans, polls, votes, invites, moves and cancels, and every member's calendar follows", {
    timeout: 600_000
  }, async () => {
    // The organiser is the programme-team member who set the community up.
    expect(
      (
        await at(
          "init",
          "--name",
          "Programmadirecteuren Rijk",
          "--team-name",
          "Anouk Bakker",
          "--team-email",
          "anouk.bakker@minbzk.nl"
        )
      ).code
    ).toBe(0)

    // Members from the workbook the programme office keeps.
    const workbook = join(dir, "leden.xlsx")
    await writeXlsxFile([
      [{ value: "Ledenlijst Programmadirecteuren Rijk" }],
      [null],
      ["Naam", "E-mailadres", "Organisatie", "Programma", "Interesses", "Status"].map((value) => ({ value })),
      ...generated.members.map((m) =>
        [m.name, Redacted.value(m.email), m.organisation, m.programme, m.interests.join(", "), "actief"].map(
          (value) => ({
            value
          })
        )
      )
    ]).toFile(workbook)
    expect((await json("members", "import", workbook)).created).toHaveLength(24)

    for (const title of THEMES) expect((await at("themes", "add", "--title", title, "--minutes", "60")).code).toBe(0)

    // The gathering, its candidate dates, and the members' answers from a form export.
    const planned = await json("meeting", "plan", "--quarter", "2027-Q1", "--location", "Beatrixgebouw, Utrecht")
    expect(planned).toMatchObject({ status: "planned" })
    const gatheringId = planned.id as string
    const candidates = await json("meeting", "candidates", "--gathering", gatheringId, "--count", "4")
    const pollId = candidates.id as string
    const slots = (candidates.poll.slots as ReadonlyArray<{ id: string; startsAt: string }>).map((s) => ({
      ...s,
      ...local(s.startsAt)
    }))
    expect(slots).toHaveLength(4)
    expect((await json("poll", "request", "--poll", pollId)).asked).toBe(24)
    const favourite = slots[1]!
    const header = [
      "Naam",
      ...slots.map((s) => `${Number(s.date.slice(8))}-${Number(s.date.slice(5, 7))}-${s.date.slice(0, 4)} ${s.time}`)
    ]
    const answers = people
      .slice(0, 20)
      .map((p, i) =>
        [
          p.name,
          ...slots.map((s) => (s === favourite ? (i % 5 === 0 ? "als het moet" : "ja") : i % 3 === 0 ? "ja" : "nee"))
        ].join(";")
      )
    const answersCsv = join(dir, "antwoorden.csv")
    writeFileSync(answersCsv, `${header.join(";")}\r\n${answers.join("\r\n")}\r\n`)
    expect(await json("poll", "import", answersCsv, "--poll", pollId)).toMatchObject({ recorded: 20 })
    const decided = await json("meeting", "decide", "--poll", pollId)
    expect(decided.decision.chosen.slotId).toBe(favourite.id)
    expect(decided.notAnswered).toHaveLength(4)

    // The vote for this gathering, from a CSV of the form's answers.
    const vote = await json("vote", "open", "--gathering", gatheringId)
    const ballotsCsv = join(dir, "stemmen.csv")
    const chosen = [THEMES[1]!, THEMES[3]!, THEMES[5]!]
    writeFileSync(
      ballotsCsv,
      `E-mail;${THEMES.join(";")}\r\n${people
        .slice(0, 18)
        .map((p, i) =>
          [p.email, ...THEMES.map((t) => (chosen.includes(t) || (i % 4 === 0 && t === THEMES[0]) ? "x" : ""))].join(";")
        )
        .join("\r\n")}\r\n`
    )
    expect(await json("vote", "import", ballotsCsv, "--vote", vote.id)).toMatchObject({ ballots: 18 })
    const closed = await json(
      "vote",
      "close",
      "--vote",
      vote.id,
      "--gathering",
      gatheringId,
      "--method",
      "equal-shares",
      "--minutes",
      "180"
    )
    const programme = (closed.gathering.programme as ReadonlyArray<{ themeId: string }>).map((p) => p.themeId)
    const titles = new Map(
      ((await json("themes", "list")) as unknown as ReadonlyArray<{ id: string; title: string }>).map((t) => [
        t.id,
        t.title
      ])
    )
    expect(programme.map((id) => titles.get(id)).sort()).toEqual([...chosen].sort())

    // The report reads the programme and its votes from the store, not from a saved --json file.
    const report = join(dir, "verslag.html")
    expect((await at("report", "--out", report)).stderr).not.toContain("zonder programma")
    const page = readFileSync(report, "utf8")
    expect(page).toContain("<caption>Het programma</caption>")
    for (const title of chosen) expect(page).toContain(title.replace("'", "&#39;"))

    // Invitations, sent for real.
    expect((await at("invite", "--gathering", gatheringId, "--out", join(dir, "invites"))).code).toBe(0)
    const before = mailbox.received.length
    const sentFirst = await send()
    await mailbox.settled(before + sentFirst)
    const invitations = mailbox.received.filter((m) => Mailbox.calendarOf(m)?.includes("METHOD:REQUEST"))
    expect(invitations).toHaveLength(24)
    const first = invitations[0]!
    expect(first.from?.value[0]).toMatchObject({ address: "anouk.bakker@minbzk.nl", name: "Anouk Bakker" })
    const ics = Mailbox.calendarOf(first)!
    expect(Mailbox.property(ics, "DTSTART")).toBe(
      `DTSTART;TZID=Europe/Amsterdam:${favourite.date.replace(/-/g, "")}T${favourite.time.replace(":", "")}00`
    )
    expect(ics).toContain("BEGIN:VTIMEZONE")
    expect(ics).toContain("TZID:Europe/Amsterdam")
    expect(icsText(Mailbox.property(ics, "LOCATION") ?? "")).toBe("LOCATION:Beatrixgebouw, Utrecht")
    const description = icsText(Mailbox.property(ics, "DESCRIPTION") ?? "")
    for (const title of chosen) expect(description).toContain(title)
    expect(Mailbox.property(ics, "SEQUENCE")).toBe("SEQUENCE:0")
    const uid = Mailbox.property(ics, "UID")
    // Nothing before its time: the poll and vote requests went out, the reminders wait.
    expect(mailbox.received.some((m) => /herinnering/i.test(m.subject ?? ""))).toBe(false)

    // Moved: every invitee's calendar updates the same event.
    const moved = await json("meeting", "move", "--gathering", gatheringId, "--date", "2027-03-18", "--start", "14:00")
    expect(moved).toMatchObject({ updated: 24 })
    const beforeMove = mailbox.received.length
    await mailbox.settled(beforeMove + (await send()))
    const updates = mailbox.received.slice(beforeMove).map((m) => Mailbox.calendarOf(m) ?? "")
    expect(updates).toHaveLength(24)
    for (const update of updates) {
      expect(update).toContain("METHOD:REQUEST")
      expect(Mailbox.property(update, "UID")).toBe(uid)
      expect(Mailbox.property(update, "SEQUENCE")).toBe("SEQUENCE:1")
      expect(Mailbox.property(update, "DTSTART")).toBe("DTSTART;TZID=Europe/Amsterdam:20270318T140000")
    }

    // Cancelled: METHOD:CANCEL with the next SEQUENCE, and the reminders never go out.
    const cancelled = await json("meeting", "cancel", "--gathering", gatheringId, "--reason", "Te weinig aanmeldingen")
    expect(cancelled).toMatchObject({ status: "cancelled", notified: 24 })
    expect(cancelled.withdrawn).toBeGreaterThan(0)
    const beforeCancel = mailbox.received.length
    await mailbox.settled(beforeCancel + (await send()))
    const cancellations = mailbox.received.slice(beforeCancel).map((m) => Mailbox.calendarOf(m) ?? "")
    expect(cancellations).toHaveLength(24)
    for (const cancellation of cancellations) {
      expect(cancellation).toContain("METHOD:CANCEL")
      expect(Mailbox.property(cancellation, "UID")).toBe(uid)
      expect(Mailbox.property(cancellation, "SEQUENCE")).toBe("SEQUENCE:2")
    }
    const status = await json("outbox", "status")
    expect(status).toMatchObject({ pending: 0, claimed: 0, dead: 0 })
    expect(mailbox.received.some((m) => /herinnering/i.test(m.subject ?? ""))).toBe(false)
    // The report says the date the poll chose no longer stands.
    const afterwards = join(dir, "verslag-na-afgelasting.html")
    expect((await at("report", "--out", afterwards)).code).toBe(0)
    expect(readFileSync(afterwards, "utf8")).toContain("De bijeenkomst is daarna afgelast.")
  })
})
