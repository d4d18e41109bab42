import { describe, expect, it } from "vitest"
import * as Ballots from "../../src/import/Ballots.js"
import * as Spreadsheet from "../../src/import/Spreadsheet.js"

const themes = [
  { id: "t-woo", title: "Worstelen met de Woo" },
  { id: "t-ai", title: "AI in de uitvoering" }
]
const members = [
  { id: "m-1", email: "jan@minfin.nl" },
  { id: "m-2", email: "ayse@minbzk.nl" }
]

describe("Ballots.fromSheet", () => {
  it("reads approvals by e-mail address below a title, headers folded", () => {
    const sheet = Spreadsheet.fromCsv(
      "Stemming voorjaar 2027;;\n;;\nE-mailadres;worstelen met de WOO;AI in de uitvoering;Opmerking\nJAN@minfin.nl;x;;top\nayse@minbzk.nl;Ja;✓;\n"
    )
    const read = Ballots.fromSheet(sheet, { themes, members })
    expect(read?.headerRow).toBe(3)
    expect(read?.ballots).toEqual([
      { row: 4, memberId: "m-1", themeIds: ["t-woo"] },
      { row: 5, memberId: "m-2", themeIds: ["t-woo", "t-ai"] }
    ])
    expect(read?.problems).toEqual([])
    expect(read?.remarks.map((r) => r.column)).toEqual(["Opmerking"])
  })

  it("reports unknown members, second ballots and marks that are not a vote, each with row and column", () => {
    const sheet = Spreadsheet.fromCsv(
      "Lidnummer,Worstelen met de Woo,AI in de uitvoering\nm-1,x,\nm-9,x,\nm-1,,x\nm-2,misschien,\n"
    )
    const read = Ballots.fromSheet(sheet, { themes, members, language: "en" })
    expect(read?.ballots).toEqual([{ row: 2, memberId: "m-1", themeIds: ["t-woo"] }])
    expect(read?.problems).toEqual([
      {
        row: 3,
        column: "Lidnummer",
        message: 'no member with id "m-9" in this community (see grenzeloos members list)'
      },
      { row: 4, column: "Lidnummer", message: "duplicate ballot: this member already voted in row 2" },
      { row: 5, column: "Worstelen met de Woo", message: expect.stringContaining('"misschien" is not a vote') }
    ])
  })

  it("reads members by name as poll import does, and names the column when a name is ambiguous or unknown", () => {
    const named = [
      { id: "m-1", name: "Jan de Vries" },
      { id: "m-2", name: "Ayşe Demir" },
      { id: "m-3", name: "Jan de Vries" }
    ]
    const sheet = Spreadsheet.fromCsv(
      "Naam;Worstelen met de Woo;AI in de uitvoering\nayse demir;x;x\nJan de Vries;x;\nPiet Klaassen;;x\n"
    )
    const read = Ballots.fromSheet(sheet, { themes, members: named })
    expect(read?.memberColumn).toEqual({ header: "Naam", by: "name" })
    expect(read?.ballots).toEqual([{ row: 2, memberId: "m-2", themeIds: ["t-woo", "t-ai"] }])
    expect(read?.problems).toEqual([
      {
        row: 3,
        column: "Naam",
        message: expect.stringContaining('meer dan één lid heet "Jan de Vries": zet in de kolom "Naam" het lidnummer')
      },
      {
        row: 4,
        column: "Naam",
        message: expect.stringContaining('geen lid "Piet Klaassen" in deze community')
      }
    ])
  })

  it("finds no header without a member column", () => {
    expect(
      Ballots.fromSheet(Spreadsheet.fromCsv("Opmerking;Worstelen met de Woo\nJan;x\n"), { themes, members })
    ).toBeUndefined()
  })
})
