import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Effect, Either, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import writeXlsxFile from "write-excel-file/node"
import * as MemberImport from "../../src/import/Members.js"
import * as Spreadsheet from "../../src/import/Spreadsheet.js"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "..", "fixtures", name))

const importFile = async (bytes: Uint8Array, file: string, options: Partial<MemberImport.Options> = {}) => {
  const sheet = await Effect.runPromise(Spreadsheet.read(bytes, file))
  return { sheet, result: MemberImport.fromSheet(sheet, { file, defaultLanguage: "nl", ...options }) }
}

const ok = <A, E>(either: Either.Either<A, E>): A => {
  if (Either.isLeft(either)) throw new Error(`expected a result, got ${String(either.left)}`)
  return either.right
}

describe("a Dutch Excel export (BOM, sep=;, CRLF, title rows, name in parts)", () => {
  it("imports every member with the cells mapped onto the domain fields", async () => {
    const { sheet, result } = await importFile(fixture("leden-excel-nl.csv"), "leden-excel-nl.csv")
    expect(sheet).toMatchObject({ format: "csv", delimiter: ";", encoding: "utf-8" })
    const imported = ok(result)
    expect(imported.header.row).toBe(3)
    expect(imported.problems).toEqual([])
    expect(imported.rowsRead).toBe(4)
    expect(imported.members.map((m) => m.row)).toEqual([4, 5, 6, 8])
    const [jan, ayse, ijsbrand, fleur] = imported.members.map((m) => m.member)
    expect(jan).toMatchObject({
      name: "Jan van 't Hoff",
      organisation: "Ministerie van Financiën",
      programme: "Modernisering Belastingdienst",
      interests: ["omgaan met sabotage", "opdrachtgeverschap"],
      preferredLanguage: "nl"
    })
    expect(Redacted.value(jan!.email)).toBe("jan.vanthoff@minfin.nl")
    expect(ayse).toMatchObject({
      name: "Ayşe Özdemir",
      interests: ["stakeholdermanagement", "AI in de uitvoering"],
      preferredLanguage: "en"
    })
    expect(ijsbrand).toMatchObject({ name: "IJsbrand de Vries", programme: 'Programma "Ruimte voor de Rivier"' })
    expect(fleur).toMatchObject({ name: "Fleur Bakker", interests: ["opdrachtgeverschap"] })
    expect(imported.remarks).toEqual([
      { row: 3, column: "Telefoon", message: expect.stringContaining('de kolom "Telefoon" wordt niet gelezen') }
    ])
  })

  it("reads a Windows-1252 export (Excel's plain CSV) with its accents intact", async () => {
    const { sheet, result } = await importFile(fixture("leden-ansi.csv"), "leden-ansi.csv")
    expect(sheet.encoding).toBe("windows-1252")
    expect(ok(result).members.map((m) => m.member.name)).toEqual(["François Müller", "Zoë ter Horst"])
  })

  it("reads UTF-16 text with a byte-order mark (Excel's Unicode text, tab separated)", async () => {
    const text = "Naam\tE-mail\tOrganisatie\tProgramma\r\nZoë\tzoe@minlnv.nl\tLNV\tStikstof\r\n"
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
    const { sheet, result } = await importFile(bytes, "leden.txt")
    expect(sheet).toMatchObject({ encoding: "utf-16le", delimiter: "\t" })
    expect(ok(result).members[0]?.member.name).toBe("Zoë")
  })
})

describe("rows with problems", () => {
  it("reports every bad row with its row number, column and what is wrong, and keeps the good ones", async () => {
    const { result } = await importFile(fixture("members-invalid.csv"), "members-invalid.csv", { language: "en" })
    const imported = ok(result)
    expect(imported.members.map((m) => m.row)).toEqual([2])
    expect(imported.invalidRows).toEqual([3, 4, 5, 6])
    expect(imported.problems).toEqual([
      { row: 3, column: "email", message: expect.stringContaining("not a valid e-mail address") },
      { row: 4, column: "email", message: "duplicate member: the same e-mail address is already in row 2" },
      { row: 5, column: "organisation", message: expect.stringContaining("an organisation name") },
      { row: 5, column: "language", message: 'unknown language "fr": use Dutch (nl) or English (en)' },
      { row: 6, column: "member since", message: expect.stringContaining("YYYY-MM-DD") }
    ])
    // 1-2-2026 is a Dutch date: read as 2026-02-01, not reported.
    expect(imported.problems.some((p) => p.row === 3 && p.column === "member since")).toBe(false)
  })

  it("tells a Dutch user in Dutch what is wrong, with the words the import knows", async () => {
    const { result } = await importFile(fixture("members-invalid.csv"), "members-invalid.csv")
    const problems = ok(result).problems
    expect(problems.find((p) => p.row === 5 && p.column === "language")?.message).toBe(
      'onbekende taal "fr": gebruik Nederlands (nl) of Engels (en)'
    )
    expect(problems.find((p) => p.row === 5 && p.column === "organisation")?.message).toBe(
      "verwacht een organisatienaam, niet een lege tekst"
    )
    expect(problems.find((p) => p.row === 6)?.message).toBe(
      'verwacht een datum als JJJJ-MM-DD (of 1-2-2027), niet "2026-02-31"'
    )
    for (const p of problems) expect(p.message).not.toMatch(/\b(expected|got|is missing|not a valid|must|an?)\b/)
    const sheet =
      "Naam;E-mailadres;Organisatie;Programma;Status\nJan;jan@minfin.nl;Financien;Toeslagen;nieuw\nEva;eva@minbzk.nl;BZK;Woo;weg\n"
    const { result: statuses } = await importFile(new TextEncoder().encode(sheet), "leden.csv")
    const imported = ok(statuses)
    // "nieuw" is a member whose intake is still to come; an unknown word names the known ones.
    expect(imported.members.map((m) => m.member.status)).toEqual(["invited"])
    expect(imported.problems).toEqual([
      {
        row: 3,
        column: "Status",
        message:
          'onbekende status "weg": gebruik actief, nieuw (of uitgenodigd: nog zonder intake), intake gepland, gepauzeerd of vertrokken'
      }
    ])
  })

  it("never repeats an e-mail address in a message", async () => {
    const { result } = await importFile(fixture("members-invalid.csv"), "members-invalid.csv")
    const problems = ok(result).problems
    expect(problems.length).toBeGreaterThan(0)
    for (const p of problems) expect(p.message).not.toMatch(/sanne\.deboer|pieter\.jansen|minvws/i)
  })

  it("reports organisations that are not on the community's list, suggesting the spelling it has", async () => {
    const csv =
      "Naam;E-mail;Organisatie;Programma\nJan;jan@x.nl;Ministerie van Financien;Toeslagen\nPiet;piet@x.nl;Rijkswaterstaat;Sluizen\nKees;kees@x.nl;Ministerie van Financiën;Douane\n"
    const sheet = Spreadsheet.fromCsv(csv)
    const imported = ok(
      MemberImport.fromSheet(sheet, {
        file: "leden.csv",
        defaultLanguage: "nl",
        organisations: ["Ministerie van Financiën", "Rijkswaterstaat"]
      })
    )
    expect(imported.problems).toEqual([
      {
        row: 2,
        column: "Organisatie",
        message: 'onbekende organisatie "Ministerie van Financien"; bedoelt u "Ministerie van Financiën"?'
      }
    ])
    expect(imported.members.map((m) => m.row)).toEqual([3, 4])
  })

  it("finds the same member id twice", () => {
    const sheet = Spreadsheet.fromCsv(
      "Lidnummer,Naam,E-mail,Organisatie,Programma\nm-1,Jan,jan@x.nl,BZK,A\nm-1,Piet,piet@x.nl,VWS,B\n"
    )
    expect(ok(MemberImport.fromSheet(sheet, { file: "leden.csv", defaultLanguage: "nl" })).problems).toEqual([
      { row: 3, column: "Lidnummer", message: "dubbel lid: hetzelfde lidnummer staat al in rij 2" }
    ])
  })
})

describe("files that are not a member list", () => {
  it("fails with the missing columns when the header row lacks them", () => {
    const sheet = Spreadsheet.fromCsv("Naam;Telefoon;E-mail\nJan;070;jan@x.nl\n")
    const result = MemberImport.fromSheet(sheet, { file: "leden.csv", defaultLanguage: "nl" })
    expect(Either.isLeft(result) && result.left.problems.map((p) => p.message)).toEqual([
      'de kolom "organisatie" ontbreekt',
      'de kolom "programma" ontbreekt'
    ])
  })

  it("fails when no header row is in the first ten rows", () => {
    const rows = Array.from({ length: 10 }, (_, i) => `regel ${i}`).join("\n")
    const sheet = Spreadsheet.fromCsv(`${rows}\nNaam;E-mail;Organisatie;Programma\n`)
    const result = MemberImport.fromSheet(sheet, { file: "leden.csv", defaultLanguage: "nl" })
    expect(Either.isLeft(result) && result.left.message).toContain("geen kopregel gevonden in de eerste 10 rijen")
  })

  it("refuses the old .xls format with what to do instead", async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const error = await Effect.runPromise(Effect.flip(Spreadsheet.read(bytes, "leden.xls")))
    expect(error.message).toContain("sla het op als .xlsx of CSV")
  })

  it("reports a damaged workbook as unreadable", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
    const error = await Effect.runPromise(Effect.flip(Spreadsheet.read(bytes, "leden.xlsx")))
    expect(error).toMatchObject({ _tag: "SpreadsheetError", file: "leden.xlsx" })
  })
})

describe("an Excel workbook (.xlsx)", () => {
  it("reads the first sheet with a title above the header, real dates and numbers", async () => {
    const bytes = await writeXlsxFile([
      [{ value: "Leden Grenzeloos Samenwerken" }],
      [null],
      [
        { value: "Naam" },
        { value: "E-mailadres" },
        { value: "Organisatie" },
        { value: "Programma" },
        { value: "Voorkeurstaal" },
        { value: "Lid sinds" },
        { value: "Status" }
      ],
      [
        { value: "Jan van 't Hoff" },
        { value: "jan.vanthoff@minfin.nl" },
        { value: "Ministerie van Financiën" },
        { value: 2030 },
        { value: "EN" },
        { value: new Date(Date.UTC(2026, 1, 1)), type: Date, format: "dd-mm-yyyy" },
        { value: "Actief" }
      ],
      [
        { value: "<script>alert(1)</script>" },
        { value: "geen-adres" },
        { value: "BZK" },
        { value: "Binnenhof" },
        null,
        null,
        null
      ]
    ]).toBuffer()
    const { sheet, result } = await importFile(bytes, "leden.xlsx")
    expect(sheet.format).toBe("xlsx")
    const imported = ok(result)
    expect(imported.header.row).toBe(3)
    expect(imported.members).toHaveLength(1)
    expect(imported.members[0]).toMatchObject({
      row: 4,
      member: { programme: "2030", preferredLanguage: "en", joinedOn: "2026-02-01", status: "active" }
    })
    expect(imported.problems).toEqual([
      { row: 5, column: "E-mailadres", message: expect.stringContaining("geen geldig") }
    ])
  })
})
