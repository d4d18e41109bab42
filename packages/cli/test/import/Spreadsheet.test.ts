import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Effect, Either } from "effect"
import { describe, expect, it } from "vitest"
import writeXlsxFile from "write-excel-file/node"
import * as Spreadsheet from "../../src/import/Spreadsheet.js"

const dir = mkdtempSync(join(tmpdir(), "grenzeloos-sheet-"))
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))
const readFile = (path: string, limits?: Spreadsheet.Limits) =>
  Effect.runPromise(Effect.either(Spreadsheet.readFile(path, "leden", limits)))

describe("Spreadsheet.readFile: a file read within limits", () => {
  it("reads the fixtures as Spreadsheet.read does, piece by piece", async () => {
    for (const name of ["leden-excel-nl.csv", "leden-ansi.csv", "members-invalid.csv"]) {
      const whole = await Effect.runPromise(Spreadsheet.read(readFileSync(fixture(name)), "leden"))
      const streamed = await readFile(fixture(name))
      expect(Either.getOrThrow(streamed)).toEqual(whole)
    }
  })

  it("reads a CSV larger than one piece, with quoted line breaks across pieces", async () => {
    const rows = Array.from({ length: 3000 }, (_, k) => `Lid ${k};lid${k}@minfin.nl;"regel een\r\nregel twee ${k}"`)
    const path = join(dir, "groot.csv")
    writeFileSync(path, `Naam;E-mail;Notitie\r\n${rows.join("\r\n")}\r\n`)
    const sheet = Either.getOrThrow(await readFile(path))
    expect(sheet.rows).toHaveLength(3001)
    expect(sheet.delimiter).toBe(";")
    expect(sheet.rows[3000]).toEqual(["Lid 2999", "lid2999@minfin.nl", "regel een\r\nregel twee 2999"])
  })

  it("refuses a CSV over the size limit before reading it, naming the limit", async () => {
    const path = join(dir, "te-groot.csv")
    writeFileSync(path, `Naam;E-mail\r\n${"Jan;jan@minfin.nl\r\n".repeat(2000)}`)
    const result = await readFile(path, { ...Spreadsheet.defaultLimits, csvBytes: 10_000 })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left).toMatchObject({ _tag: "SpreadsheetTooLarge", limit: "size", maximum: 10_000 })
      expect(result.left.message).toContain("meer dan de grens van 10 kB")
      expect(result.left.message).toContain("over the limit of")
    }
  })

  it("refuses a CSV with more rows than the limit, at the first row over it", async () => {
    const path = join(dir, "te-lang.csv")
    writeFileSync(path, `Naam;E-mail\r\n${"Jan;jan@minfin.nl\r\n".repeat(101)}`)
    const result = await readFile(path, { ...Spreadsheet.defaultLimits, rows: 100 })
    expect(Either.isLeft(result) && result.left).toMatchObject({
      _tag: "SpreadsheetTooLarge",
      limit: "rows",
      maximum: 100
    })
    expect(Either.isRight(await readFile(path, { ...Spreadsheet.defaultLimits, rows: 102 }))).toBe(true)
  })

  it("refuses a workbook over its size limit before unpacking it", async () => {
    const path = join(dir, "leden.xlsx")
    await writeXlsxFile(
      Array.from({ length: 200 }, (_, k) => [{ value: `Lid ${k}` }, { value: `lid${k}@minfin.nl` }])
    ).toFile(path)
    const result = await readFile(path, { ...Spreadsheet.defaultLimits, xlsxBytes: 1000 })
    expect(Either.isLeft(result) && result.left).toMatchObject({ _tag: "SpreadsheetTooLarge", limit: "size" })
    const rows = await readFile(path, { ...Spreadsheet.defaultLimits, rows: 100 })
    expect(Either.isLeft(rows) && rows.left).toMatchObject({ _tag: "SpreadsheetTooLarge", limit: "rows" })
    expect(Either.getOrThrow(await readFile(path)).rows).toHaveLength(200)
  })
})
