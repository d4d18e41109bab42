import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Services } from "@grenzeloos/core"
import { Synthetic } from "@grenzeloos/testkit"
import { Effect, Redacted } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import writeXlsxFile from "write-excel-file/node"
import * as Environment from "../../src/cli/Environment.js"
import { grenzeloos } from "./Run.js"

const dir = mkdtempSync(join(tmpdir(), "grenzeloos-cli-"))
const db = join(dir, "grenzeloos.db")
const at = (...argv: ReadonlyArray<string>) => grenzeloos(...argv, "--db", db, "--community", "rijk", "--as", "f-team")
let lastJson = ""
const json = async (...argv: ReadonlyArray<string>) => {
  const ran = await at(...argv, "--json")
  if (ran.code !== 0) throw new Error(`exit ${ran.code}: ${ran.stdout}\n${ran.stderr}`)
  lastJson = ran.stdout
  return JSON.parse(ran.stdout) as Record<string, unknown>
}

// The audit log's actions, read through the use case (as the programme team).
const auditActions = () =>
  Effect.runPromise(
    Effect.flatMap(Services.UseCases.UseCases, (uc) =>
      uc.auditLog({ _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-team" }, { limit: 1000 })
    ).pipe(
      Effect.map((page) => page.entries.map((e) => e.action)),
      Effect.provide(Environment.useCasesLayer(db))
    )
  )

const quote = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
const generated = Synthetic.community({ seed: 7, members: 16 })
const membersCsv = join(dir, "leden.csv")
writeFileSync(
  membersCsv,
  `\uFEFFsep=;\r\nNaam;E-mailadres;Organisatie;Programma;Interesses;Status\r\n${generated.members
    .map((m) =>
      [m.name, Redacted.value(m.email), m.organisation, m.programme, m.interests.join(", "), "actief"]
        .map(quote)
        .join(";")
    )
    .join("\r\n")}\r\n`
)

describe("grenzeloos, a quarter from the command line against a SQLite file", () => {
  beforeAll(async () => {
    const ran = await at(
      "init",
      "--name",
      "Programmadirecteuren Rijk",
      "--team-name",
      "Anouk Bakker",
      "--team-email",
      "anouk.bakker@minbzk.nl"
    )
    expect(ran).toMatchObject({ code: 0 })
    expect(ran.stdout).toContain('Community "Programmadirecteuren Rijk" (rijk) staat klaar')
  })

  it("imports the members of an Excel export, and importing again changes nothing", async () => {
    const first = await json("members", "import", membersCsv)
    expect(first).toMatchObject({ headerRow: 1, updated: [], unchanged: [], skippedRows: [] })
    expect(first.created).toHaveLength(16)
    const again = await json("members", "import", membersCsv)
    expect(again).toMatchObject({ created: [], updated: [] })
    expect(again.unchanged).toHaveLength(16)
    const list = (await json("members", "list")) as unknown as ReadonlyArray<{ name: string; status: string }>
    expect(list.map((m) => m.name).sort()).toEqual(generated.members.map((m) => m.name).sort())
    expect(list.every((m) => m.status === "active")).toBe(true)
    expect(JSON.stringify(list)).not.toContain("@")
  })

  it("imports nothing from a file with bad rows, names each problem, and exits 2", async () => {
    const bad = join(dir, "bad.csv")
    writeFileSync(
      bad,
      "Naam,E-mail,Organisatie,Programma\nPiet Jansen,piet@minfin,Financiën,Toeslagen\nKees de Wit,kees@minfin.nl,Financiën,Douane\n"
    )
    const ran = await at("members", "import", bad)
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain('rij 2, kolom "E-mail": geen geldig e-mailadres')
    expect(ran.stderr).not.toContain("piet@minfin")
    const list = (await json("members", "list")) as unknown as ReadonlyArray<unknown>
    expect(list).toHaveLength(16)
    const skipped = await json("members", "import", bad, "--skip-invalid")
    expect(skipped).toMatchObject({ skippedRows: [2] })
    expect(skipped.created).toHaveLength(1)
  })

  it("plans an intake for the member who is still invited, and records it as held: the member becomes active", async () => {
    // An intake is recorded as held only once it has taken place: plan it in the past.
    const planned = (await json(
      "intakes",
      "plan",
      "--from",
      "2026-11-09",
      "--to",
      "2026-11-10",
      "--times",
      "10:00",
      "--facilitator",
      "f-team"
    )) as {
      intakes: ReadonlyArray<{ id: string; memberId: string; facilitatorId: string; startsAt: string }>
      unplaced: ReadonlyArray<unknown>
    }
    expect(planned.intakes).toHaveLength(1)
    expect(planned.intakes[0]).toMatchObject({ facilitatorId: "f-team" })
    const held = await json(
      "intakes",
      "record",
      planned.intakes[0]!.id,
      "--interests",
      "AI in de uitvoering",
      "--notes",
      "vertrouwelijk"
    )
    expect(held).toMatchObject({ status: "held", interests: ["AI in de uitvoering"], notes: "<redacted>" })
    expect(planned.intakes[0]!.startsAt).toMatch(/^2026-11-(09|10)T10:00:00\.000\+01:00\[Europe\/Amsterdam\]$/)
  })

  it("registers a guest facilitator, and again with the same address (other case) keeps the same one", async () => {
    const first = await json(
      "facilitators",
      "add",
      "--name",
      "Bas Verhoef",
      "--email",
      "bas.verhoef@rws.nl",
      "--max-groups",
      "2"
    )
    const again = await json(
      "facilitators",
      "add",
      "--name",
      "Bas Verhoef",
      "--email",
      "BAS.VERHOEF@rws.nl",
      "--max-groups",
      "2"
    )
    expect(again).toEqual(first)
  })

  it("forms the learning groups of a round, with an explanation per member", async () => {
    const formed = (await json(
      "groups",
      "form",
      "--round",
      "2027",
      "--size",
      "5-7",
      "--time-limit-ms",
      "200",
      "--publish"
    )) as {
      round: { id: string; status: string }
      groups: ReadonlyArray<{ memberIds: ReadonlyArray<string> }>
      result: { explanations: ReadonlyArray<{ memberId: string; text: string }> }
    }
    writeFileSync(join(dir, "groepen.json"), lastJson)
    expect(formed.round.status).toBe("active")
    expect(formed.groups.length).toBeGreaterThanOrEqual(2)
    for (const g of formed.groups) expect(g.memberIds.length).toBeGreaterThanOrEqual(5)
    const grouped = formed.groups.reduce((n, g) => n + g.memberIds.length, 0)
    // 16 from the Excel export and the member whose intake was held.
    expect(grouped).toBe(17)
    expect(formed.result.explanations).toHaveLength(grouped)
  })

  it("runs the vote: themes, ballots from a spreadsheet, the programme by Equal Shares", async () => {
    for (const [title, minutes] of [
      ["Worstelen met de Woo", "60"],
      ["AI in de uitvoering", "90"],
      ["Omgaan met sabotage", "45"]
    ] as const) {
      expect((await at("themes", "add", "--title", title, "--minutes", minutes)).code).toBe(0)
    }
    const ballots = join(dir, "stemmen.csv")
    const voters = generated.members.slice(0, 10)
    writeFileSync(
      ballots,
      `E-mailadres;Worstelen met de Woo;AI in de uitvoering;Omgaan met sabotage\n${voters
        .map((m, i) => `${Redacted.value(m.email)};${i % 2 === 0 ? "x" : ""};${i < 4 ? "x" : ""};x`)
        .join("\n")}\n`
    )
    const bad = join(dir, "stemmen-fout.csv")
    writeFileSync(bad, "E-mailadres;Worstelen met de Woo\nonbekend@nergens.nl;x\n")
    const refused = await at("vote", "import", bad)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('rij 2, kolom "E-mailadres": geen lid met dit e-mailadres')
    // Nothing was opened: the audit log has no voting round yet.
    expect((await auditActions()).filter((a) => a === "voting.open")).toEqual([])
    const imported = (await json("vote", "import", ballots)) as { votingRoundId: string; ballots: number }
    expect((await auditActions()).filter((a) => a === "voting.open")).toEqual(["voting.open"])
    expect(imported.ballots).toBe(10)
    const closed = (await json(
      "agenda",
      "prioritise",
      "--vote",
      imported.votingRoundId,
      "--method",
      "equal-shares",
      "--minutes",
      "180"
    )) as {
      result: { method: string; programme: ReadonlyArray<{ themeId: string }>; fairness: { voters: number } }
    }
    writeFileSync(join(dir, "programma.json"), lastJson)
    expect(closed.result.method).toBe("equal-shares")
    const twice = await at("agenda", "prioritise", "--vote", imported.votingRoundId)
    expect(twice.code).toBe(3)
    expect(twice.stderr).toContain("is al gesloten")
    expect(closed.result.fairness.voters).toBe(10)
    expect(closed.result.programme.length).toBeGreaterThan(0)
  })

  it("proposes dates, decides one, writes the invitation and the report", async () => {
    const proposed = (await json(
      "meeting",
      "candidates",
      "--quarter",
      "2027-Q1",
      "--count",
      "4",
      "--weekdays",
      "dinsdag,do"
    )) as {
      gatheringId: string
      poll: { id: string; slots: ReadonlyArray<unknown> }
    }
    expect(proposed.poll.slots).toHaveLength(4)
    // "dinsdag,do": Tuesdays and Thursdays only.
    for (const slot of proposed.poll.slots as ReadonlyArray<{ startsAt: string }>) {
      expect([2, 4]).toContain(new Date(`${slot.startsAt.slice(0, 10)}T12:00:00Z`).getUTCDay())
    }
    // Nobody answered yet: deciding is refused, and says so.
    const empty = await at("meeting", "decide", "--poll", proposed.poll.id)
    expect(empty.code).toBe(3)
    expect(empty.stderr).toContain("0 van 17 leden hebben geantwoord")
    const [someone] = (await json("members", "list")) as unknown as ReadonlyArray<{ id: string; name: string }>
    const slot = (proposed.poll.slots as ReadonlyArray<{ id: string }>)[1]!.id
    const answered = await at(
      "poll",
      "answer",
      "--poll",
      proposed.poll.id,
      "--member",
      someone!.id,
      "--slot",
      slot,
      "--answer",
      "yes"
    )
    expect(answered.code).toBe(0)
    expect(answered.stdout).toContain(`${someone!.name}: ja op `)
    const decided = (await json("meeting", "decide", "--poll", proposed.poll.id)) as {
      gathering: { status: string }
      decision: { chosen: { slotId: string } }
    }
    expect(decided.gathering.status).toBe("date-decided")
    expect(decided.decision.chosen.slotId).toBe(slot)
    const out = join(dir, "invites")
    const invited = (await json("invite", "--gathering", proposed.gatheringId, "--out", out)) as {
      invited: number
      file: string
    }
    // Every active member: the 16 of the export and the one whose intake was held.
    expect(invited.invited).toBe(17)
    expect(readFileSync(invited.file, "utf8")).toMatch(
      /^BEGIN:VCALENDAR\r\n[\s\S]*METHOD:REQUEST\r\n[\s\S]*END:VCALENDAR\r\n$/
    )
    const report = join(dir, "report.html")
    const ran = await at(
      "report",
      "--out",
      report,
      "--poll",
      proposed.poll.id,
      "--groups",
      join(dir, "groepen.json"),
      "--agenda",
      join(dir, "programma.json")
    )
    expect(ran).toMatchObject({ code: 0, stderr: "" })
    const page = readFileSync(report, "utf8")
    expect(page).toContain('<html lang="nl">')
    expect(page).toContain('<h2 id="groepen">Leergroepen 2027</h2>')
    expect(page).toContain("en waarom in deze groep</summary>")
    expect(page).toContain("<caption>Het programma</caption>")
    expect(page).toContain("Worstelen met de Woo")
    expect(page).toContain("Gekozen:")
    // From the stored records alone: the groups under the names their members were e-mailed, with
    // why per member, without any saved --json file (this vote set no gathering's programme; the
    // whole-quarter test reads a programme from the store).
    const stored = join(dir, "verslag.html")
    const fromStore = await at("report", "--out", stored)
    expect(fromStore).toMatchObject({ code: 0 })
    expect(fromStore.stderr).not.toContain("zonder leergroepen")
    const storedPage = readFileSync(stored, "utf8")
    const saved = JSON.parse(readFileSync(join(dir, "groepen.json"), "utf8")) as {
      groups: ReadonlyArray<{ name: string }>
    }
    for (const group of saved.groups) expect(storedPage).toContain(`>${group.name}</h3>`)
    expect(storedPage).toContain("en waarom in deze groep</summary>")
    const broken = join(dir, "kapot.json")
    writeFileSync(broken, '{"round":{"title":"x"},"result":{"method":"dice"}}')
    const refused = await at("report", "--out", report, "--agenda", broken)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain("result.method")
  })

  it("exports everything about a member, and forgets them only with --yes", async () => {
    const [first] = (await json("members", "list")) as unknown as ReadonlyArray<{ id: string; name: string }>
    const exported = await json("export", "member", first!.id)
    expect(exported).toMatchObject({ member: { id: first!.id, name: first!.name } })
    const refused = await at("forget", "member", first!.id)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain("bevestig met --yes")
    expect((await at("forget", "member", first!.id, "--yes")).code).toBe(0)
    const after = JSON.stringify(await json("export", "member", first!.id))
    expect(after).not.toContain(first!.name)
  })

  it("exits 4 for a member that does not exist, 1 for a wrong option, with a JSON error for scripts", async () => {
    const missing = await at("export", "member", "m-does-not-exist", "--json")
    expect(missing.code).toBe(4)
    expect(JSON.parse(missing.stdout)).toMatchObject({ exitCode: 4, error: { _tag: "NotFound" } })
    expect((await at("groups", "form", "--round", "2027", "--size", "zeven")).code).toBe(1)
    expect((await at("members", "frobnicate")).code).toBe(1)
    const english = await at("members", "list", "--lang", "en")
    expect(english.stdout).toMatch(/^Id +Name +Organisation +Programme +Status$/m)
    expect(english.stdout).toContain("17 members")
    const weekday = await at("meeting", "candidates", "--quarter", "2027-Q2", "--weekdays", "dinsdg")
    expect(weekday.code).toBe(2)
    expect(weekday.stderr).toContain('--weekdays: verwacht een van "monday"')
    expect(weekday.stderr).not.toContain("weekdays[0]")
  })
})

describe("grenzeloos members import of an Excel workbook", () => {
  it("imports an .xlsx with a title above the header, and reports a bad row by its sheet row", async () => {
    const xdb = join(dir, "xlsx.db")
    const run = (...argv: ReadonlyArray<string>) => grenzeloos(...argv, "--db", xdb, "--community", "xlsx")
    expect((await run("init", "--name", "Werkboek")).code).toBe(0)
    const file = join(dir, "leden.xlsx")
    await writeXlsxFile([
      [{ value: "Ledenlijst per 1 december" }],
      [null],
      ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mail", "Organisatie", "Programma", "Taal"].map((value) => ({
        value
      })),
      ["Jan", "van 't", "Hoff", "jan@minfin.nl", "Financiën", "Toeslagen", "Engels"].map((value) => ({ value })),
      ["Piet", "", "Jansen", "piet(at)minfin.nl", "Financiën", "Douane", ""].map((value) => ({ value }))
    ]).toFile(file)
    const refused = await run("members", "import", file)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('rij 5, kolom "E-mail": geen geldig e-mailadres')
    const imported = await run("members", "import", file, "--skip-invalid", "--json")
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: "xlsx", headerRow: 3, skippedRows: [5] })
    const list = JSON.parse((await run("members", "list", "--json")).stdout) as ReadonlyArray<{ name: string }>
    expect(list.map((m) => m.name)).toEqual(["Jan van 't Hoff"])
  })
})
