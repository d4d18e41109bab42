import { execFileSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const runDemo = (out: string) => {
  const stdout = execFileSync(process.execPath, ["--conditions=@grenzeloos/source", "--import", "tsx", "src/main.ts"], {
    cwd: join(import.meta.dirname, ".."),
    encoding: "utf8",
    env: { ...process.env, GRENZELOOS_OUT: out },
    stdio: ["ignore", "pipe", "pipe"]
  })
  const icsFiles = readdirSync(out).filter((f) => f.endsWith(".ics"))
  return { stdout, icsFiles }
}

// What differs between two runs on fresh databases: the random record ids, the paths and the time taken.
const stable = (stdout: string) =>
  stdout
    .replace(/\b(intake|group|vote|gathering|poll|round|theme|ballot|case|answer|slot)-[0-9a-z]{16}\b/g, "$1-…")
    .replace(/\/\S+/g, "…")
    .replace(/Klaar in [\d.]+ s/, "Klaar")

describe("the demo (pnpm demo)", () => {
  const out = mkdtempSync(join(tmpdir(), "grenzeloos-demo-"))
  const first = runDemo(out)
  const second = runDemo(out)

  it("walks through a quarter on the SQLite store: members, intakes, groups, vote, poll, invitations", () => {
    for (const heading of [
      "1. Leden en intakes (2027-Q1)",
      "2. Leergroepen 2027-Q1",
      "3. Stemronde en programma",
      "4. Datumprikker voor 2027-Q1",
      "5. Uitnodigingen en herinneringen"
    ])
      expect(first.stdout).toContain(heading)
    expect(first.stdout).toContain("100 nieuwe leden geïmporteerd")
    expect(first.stdout).toMatch(/Gekozen: \w+dag \d+ \w+ 2027 om 13:00/)
    expect(first.stdout).toMatch(/\d+ herinneringen staan klaar/)
    // Who did not answer the poll is unknown, never counted as "cannot come".
    expect(first.stdout).toMatch(/Gekozen: .+ \d+ kunnen niet, \d+ antwoordden niet\./)
    expect(first.stdout).toContain(join(out, "grenzeloos.db"))
  })

  it("continues the history when run again: the next quarter, nobody imported twice, no earlier pairs", () => {
    expect(second.stdout).toContain("1. Leden en intakes (2027-Q2)")
    expect(second.stdout).toContain("0 nieuwe leden geïmporteerd, 0 bijgewerkt, 100 ongewijzigd")
    expect(second.stdout).toContain("Paar dat elkaar in een eerdere ronde al trof: geen.")
    expect(second.icsFiles).toHaveLength(2)
  })

  it("votes on the backlog in the community's own wording", () => {
    for (const title of [
      "Vormgeven van positieve dienstverlening",
      "Functionele conflicten organiseren",
      "Omgaan met sabotage",
      "Hoe organiseer je focus?",
      "Omgaan met eenzaamheid",
      "Effectief voorwaarden stellen als opdrachtnemer",
      "Wat is waarde toevoegen en wie moet die waarde ervaren?",
      "Het belang van lichtvoetigheid",
      "Hoe zie je wat zichtbaar wil worden in de opgave?",
      "Het managen van ego's (inclusief je eigen)",
      "Hoe behoud ik mijn mensen?",
      "Worstelen met de Wet open overheid (Woo)",
      "Levenskunst, of: groeien als je in de shit zit",
      "Omgaan met institutionele weerstand"
    ])
      expect(first.stdout).toContain(title)
  })

  it("sends nothing stale when run again: no reminder for the quarter before", () => {
    expect(second.stdout).not.toContain("Herinnering")
    expect(second.stdout).not.toMatch(/× gathering\.reminded/)
  })

  it("writes the gathering's iCalendar invitation with the programme", () => {
    const ics = readFileSync(join(out, first.icsFiles[0] ?? "missing.ics"), "utf8")
    expect(ics).toContain("METHOD:REQUEST")
    expect(ics).toContain("BEGIN:VTIMEZONE")
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Amsterdam:2027\d{4}T130000/)
    expect(ics).toContain("ATTENDEE;")
  })

  it("shows the invitation's attachment by its name and what it is", () => {
    expect(first.stdout).toContain("Bijlage: uitnodiging.ics (agenda-uitnodiging)")
    expect(first.stdout).not.toMatch(/\[attachment .* characters\]/)
  })

  it("prints no e-mail address", () => {
    for (const run of [first, second]) expect(run.stdout).not.toMatch(/[\w.]+@[\w-]+\.nl/)
  })

  // One more run of the demo: tens of seconds on a loaded machine.
  it("gives the same quarter on a fresh database", { timeout: 180_000 }, () => {
    const again = runDemo(mkdtempSync(join(tmpdir(), "grenzeloos-demo-")))
    expect(stable(again.stdout)).toBe(stable(first.stdout))
  })
})
