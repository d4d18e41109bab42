import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const runDemo = () => {
  const out = mkdtempSync(join(tmpdir(), "grenzeloos-demo-"))
  const stdout = execFileSync(process.execPath, ["--conditions=@grenzeloos/source", "--import", "tsx", "src/main.ts"], {
    cwd: join(import.meta.dirname, ".."),
    encoding: "utf8",
    env: { ...process.env, GRENZELOOS_OUT: out }
  })
  return { stdout, ics: readFileSync(join(out, "g-2026-Q2.ics"), "utf8") }
}

describe("the demo (pnpm demo)", () => {
  const first = runDemo()

  it("walks through the quarter: community, groups, vote, poll, invitation", () => {
    for (const heading of [
      "1. Leden per organisatie",
      "2. Leergroepen voor 2026",
      "3. Stemronde en programma",
      "4. Datumprikker voor 2026-Q2",
      "5. Uitnodiging"
    ]) {
      expect(first.stdout).toContain(heading)
    }
    expect(first.stdout).toMatch(/Gekozen: \w+dag \d+ \w+ om 13:00/)
  })

  it("writes an iCalendar invitation with the programme", () => {
    expect(first.ics).toContain("METHOD:REQUEST")
    expect(first.ics).toContain("BEGIN:VTIMEZONE")
    expect(first.ics).toMatch(/DTSTART;TZID=Europe\/Amsterdam:2026\d{4}T130000/)
  })

  it("prints no e-mail address", () => {
    expect(first.stdout).not.toMatch(/[\w.]+@[\w-]+\.nl/)
  })

  it("gives the same quarter on every run", () => {
    expect(runDemo().stdout.replace(/naar .*\.ics/, "")).toBe(first.stdout.replace(/naar .*\.ics/, ""))
  })
})
