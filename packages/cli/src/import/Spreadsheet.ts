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
import { type FileHandle, open } from "node:fs/promises"
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

/**
 * How much of a file an import reads before it refuses it: the file's size (a workbook is
 * unpacked whole in memory, so its limit is lower) and the number of rows. The defaults hold a
 * community of thousands with room to spare.
 *
 * @since 0.2.0
 */
export interface Limits {
  /** The largest CSV file, in bytes (default 20 MB). */
  readonly csvBytes: number
  /** The largest Excel workbook, in bytes (default 2 MB). */
  readonly xlsxBytes: number
  /** The most rows, the header and any title rows included (default 10,000). */
  readonly rows: number
}

/**
 * The limits an import applies unless told otherwise.
 *
 * @example
 * ```ts
 * import { Spreadsheet } from "@grenzeloos/cli"
 *
 * const generous = { ...Spreadsheet.defaultLimits, rows: 50_000 }
 * ```
 * @since 0.2.0
 */
export const defaultLimits: Limits = { csvBytes: 20_000_000, xlsxBytes: 2_000_000, rows: 10_000 }

/**
 * The file is larger than an import reads: `limit` names which limit (`size` in bytes or `rows`),
 * `maximum` the limit and `actual` what was found (for rows: the first row over the limit).
 *
 * @example
 * ```ts
 * import { Spreadsheet } from "@grenzeloos/cli"
 *
 * new Spreadsheet.SpreadsheetTooLarge({ file: "leden.csv", limit: "size", actual: 52_000_000, maximum: 20_000_000 }).message
 * ```
 * @since 0.2.0
 */
export class SpreadsheetTooLarge extends Schema.TaggedError<SpreadsheetTooLarge>("@grenzeloos/cli/SpreadsheetTooLarge")(
  "SpreadsheetTooLarge",
  {
    file: Schema.String,
    limit: Schema.Literal("size", "rows"),
    actual: Schema.Number,
    maximum: Schema.Number
  }
) {
  override get message(): string {
    if (this.limit === "rows")
      return `${this.file} heeft meer dan ${this.maximum} rijen (de grens voor een import); splits het bestand / ${this.file} has more than ${this.maximum} rows (the import limit); split the file`
    const size = (bytes: number) =>
      bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`
    return `${this.file} is ${size(this.actual)}, meer dan de grens van ${size(this.maximum)} voor dit soort bestand; splits het bestand of sla het op als CSV / ${this.file} is ${size(this.actual)}, over the limit of ${size(this.maximum)} for this kind of file; split it or save it as CSV`
  }
}

const CHUNK_BYTES = 64 * 1024

/**
 * Reads a spreadsheet file from disk within limits: the size is checked before anything is read,
 * a CSV file is decoded and split piece by piece (never held whole, and refused at the first row
 * over the limit), a workbook is read whole and its rows counted.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Spreadsheet } from "@grenzeloos/cli"
 *
 * const sheet = Effect.runPromise(Spreadsheet.readFile("leden.csv", "leden.csv"))
 * ```
 * @since 0.2.0
 */
export const readFile = (
  path: string,
  name: string,
  limits: Limits = defaultLimits
): Effect.Effect<Sheet, SpreadsheetError | SpreadsheetTooLarge> =>
  Effect.acquireUseRelease(
    Effect.tryPromise({
      try: () => open(path, "r"),
      catch: (cause) => unreadable(name, cause)
    }),
    (handle) =>
      Effect.gen(function* () {
        const size = (yield* Effect.tryPromise({ try: () => handle.stat(), catch: (c) => unreadable(name, c) })).size
        const head = new Uint8Array(4)
        yield* Effect.tryPromise({ try: () => handle.read(head, 0, 4, 0), catch: (c) => unreadable(name, c) })
        const workbook = startsWith(head, ZIP) || startsWith(head, OLE)
        const maximum = workbook ? limits.xlsxBytes : limits.csvBytes
        if (size > maximum) return yield* new SpreadsheetTooLarge({ file: name, limit: "size", actual: size, maximum })
        if (workbook) {
          const bytes = new Uint8Array(size)
          yield* Effect.tryPromise({ try: () => handle.read(bytes, 0, size, 0), catch: (c) => unreadable(name, c) })
          const sheet = yield* read(bytes, name)
          if (sheet.rows.length > limits.rows)
            return yield* new SpreadsheetTooLarge({
              file: name,
              limit: "rows",
              actual: limits.rows + 1,
              maximum: limits.rows
            })
          return sheet
        }
        // UTF-8 unless a byte says otherwise; then the whole file again as Windows-1252.
        const utf16 = startsWith(head, [0xff, 0xfe])
        const first = yield* streamCsv(handle, name, utf16 ? "utf-16le" : "utf-8", limits)
        return first ?? (yield* streamCsv(handle, name, "windows-1252", limits)) ?? { format: "csv", rows: [] }
      }),
    (handle) => Effect.promise(() => handle.close())
  )

const unreadable = (file: string, cause: unknown) =>
  new SpreadsheetError({
    file,
    reason: `kan het bestand niet openen / cannot open the file: ${cause instanceof Error ? cause.message : String(cause)}`
  })

type Encoding = "utf-8" | "utf-16le" | "windows-1252"

// Reads the CSV piece by piece; `undefined` when the bytes are not valid UTF-8 (read again as
// Windows-1252).
const streamCsv = (
  handle: FileHandle,
  name: string,
  encoding: Encoding,
  limits: Limits
): Effect.Effect<Sheet | undefined, SpreadsheetError | SpreadsheetTooLarge> =>
  Effect.tryPromise({
    try: async (): Promise<Sheet | SpreadsheetTooLarge | undefined> => {
      const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" })
      const buffer = new Uint8Array(CHUNK_BYTES)
      const rows: Array<ReadonlyArray<Cell>> = []
      let position = encoding === "utf-16le" ? 2 : 0
      let pending = ""
      let reader: Csv.Splitter | undefined
      let delimiter: Csv.Delimiter = ","
      const take = (records: ReadonlyArray<ReadonlyArray<string>>) => {
        for (const r of records) rows.push(r)
        return rows.length > limits.rows
      }
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position)
        position += bytesRead
        let text: string
        try {
          text = decoder.decode(buffer.subarray(0, bytesRead), { stream: bytesRead > 0 })
        } catch {
          return undefined
        }
        if (reader === undefined) {
          // The layout is read from the first 64 KiB (or the whole file when it is smaller).
          pending += text
          if (pending.length < CHUNK_BYTES && bytesRead > 0) continue
          const found = Csv.layout(pending)
          delimiter = found.delimiter
          reader = Csv.splitter(delimiter)
          text = pending.slice(found.skip)
          pending = ""
        }
        if (take(reader.push(text)) || (bytesRead === 0 && take(reader.end())))
          return new SpreadsheetTooLarge({ file: name, limit: "rows", actual: limits.rows + 1, maximum: limits.rows })
        if (bytesRead === 0) return { format: "csv", delimiter, encoding, rows }
      }
    },
    catch: (cause) => unreadable(name, cause)
  }).pipe(
    Effect.flatMap((result) => (result instanceof SpreadsheetTooLarge ? Effect.fail(result) : Effect.succeed(result)))
  )
