/**
 * A spreadsheet file read into rows of cells: CSV (UTF-8 with or without a byte-order mark,
 * UTF-16 as Excel's "Unicode text", or Windows-1252 as older Excel saves "CSV (gescheiden door
 * lijstscheidingsteken)") or an Excel workbook (`.xlsx`, first sheet, read with `read-excel-file`).
 *
 * Row numbers are those a spreadsheet program shows: the first record is row 1, a quoted field
 * over several lines is one row, and Excel's `sep=;` line is not a row (Excel hides it too).
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import { readSheet } from "read-excel-file/node"
import * as Csv from "./Csv.js"

/**
 * The value of one cell: text from CSV; text, a number, a boolean or a date from a workbook;
 * `null` for an empty cell.
 *
 * @since 0.1.0
 */
export type Cell = string | number | boolean | Date | null

/**
 * The rows of a file and how it was read.
 *
 * @since 0.1.0
 */
export interface Sheet {
  readonly format: "csv" | "xlsx"
  /** For CSV: the separator used. */
  readonly delimiter?: Csv.Delimiter
  /** For CSV: the character encoding the text was read in. */
  readonly encoding?: "utf-8" | "utf-16le" | "windows-1252"
  /** `rows[i]` is row `i + 1` as a spreadsheet program numbers it. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
}

/**
 * The file could not be read as a spreadsheet at all (as opposed to rows with wrong values).
 *
 * @example
 * ```ts
 * import { Spreadsheet } from "@grenzeloos/cli"
 *
 * const error = new Spreadsheet.SpreadsheetError({ file: "leden.xls", reason: "an old Excel format" })
 * error.message
 * ```
 * @since 0.1.0
 */
export class SpreadsheetError extends Schema.TaggedError<SpreadsheetError>("@grenzeloos/cli/SpreadsheetError")(
  "SpreadsheetError",
  {
    file: Schema.String,
    reason: Schema.String
  }
) {
  override get message(): string {
    return `${this.file} kan niet worden gelezen / cannot be read: ${this.reason}`
  }
}

const startsWith = (bytes: Uint8Array, prefix: ReadonlyArray<number>) => prefix.every((b, i) => bytes[i] === b)

/**
 * Decodes the bytes of a text file: UTF-8 (a byte-order mark is dropped), UTF-16 when it starts with
 * a UTF-16 byte-order mark, and Windows-1252 when the bytes are not valid UTF-8.
 *
 * @example
 * ```ts
 * import { Spreadsheet } from "@grenzeloos/cli"
 *
 * Spreadsheet.decodeText(new Uint8Array([0x46, 0x72, 0x61, 0x6e, 0xe7, 0x6f, 0x69, 0x73])).text // "François"
 * ```
 * @since 0.1.0
 */
export const decodeText = (
  bytes: Uint8Array
): { readonly text: string; readonly encoding: "utf-8" | "utf-16le" | "windows-1252" } => {
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" }
  }
  try {
    // ignoreBOM: false (the default) drops a UTF-8 byte-order mark.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" }
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" }
  }
}

/**
 * Reads CSV text into a {@link Sheet}.
 *
 * @example
 * ```ts
 * import { Spreadsheet } from "@grenzeloos/cli"
 *
 * Spreadsheet.fromCsv("naam,e-mail\nJan,jan@minfin.nl\n").rows.length // 2
 * ```
 * @since 0.1.0
 */
export const fromCsv = (text: string): Sheet => {
  const parsed = Csv.parse(text)
  return { format: "csv", delimiter: parsed.delimiter, encoding: "utf-8", rows: parsed.rows }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0]

/**
 * Reads a file's bytes as a spreadsheet: an Excel workbook when the bytes are a zip archive (the
 * first sheet), otherwise CSV. The name is used in messages only.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs"
 * import { Effect } from "effect"
 * import { Spreadsheet } from "@grenzeloos/cli"
 *
 * const sheet = Effect.runPromise(Spreadsheet.read(readFileSync("leden.xlsx"), "leden.xlsx"))
 * ```
 * @since 0.1.0
 */
export const read = (bytes: Uint8Array, file: string): Effect.Effect<Sheet, SpreadsheetError> => {
  if (startsWith(bytes, OLE)) {
    return Effect.fail(
      new SpreadsheetError({
        file,
        reason:
          "dit is het oude Excel-formaat (.xls); sla het op als .xlsx of CSV / this is the old Excel format (.xls); save it as .xlsx or CSV"
      })
    )
  }
  if (startsWith(bytes, ZIP)) {
    return Effect.tryPromise({
      try: () => readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
      catch: (cause) =>
        new SpreadsheetError({
          file,
          reason: `geen leesbaar Excel-werkboek (.xlsx) / not a readable Excel workbook: ${cause instanceof Error ? cause.message : String(cause)}`
        })
    }).pipe(
      Effect.map(
        (rows): Sheet => ({
          format: "xlsx",
          rows: rows.map((row) => row.map((cell): Cell => (cell === undefined ? null : (cell as Cell))))
        })
      )
    )
  }
  return Effect.sync(() => {
    const { text, encoding } = decodeText(bytes)
    const parsed = Csv.parse(text)
    return { format: "csv", delimiter: parsed.delimiter, encoding, rows: parsed.rows } satisfies Sheet
  })
}
