/**
 * Reading CSV text as spreadsheet programs write it: RFC 4180 quoting (separators, quotes and line
 * breaks inside quoted fields), CRLF or LF line ends, the separator detected from the text
 * (semicolon, comma or tab: Dutch Excel writes `;`), and Excel's `sep=;` first line.
 *
 * @since 0.1.0
 */

/**
 * A separator between fields.
 *
 * @since 0.1.0
 */
export type Delimiter = ";" | "," | "\t"

/**
 * CSV text read into rows of fields, with the separator that was used and the number of lines
 * before the first row that are not data (Excel's `sep=` line).
 *
 * @since 0.1.0
 */
export interface Parsed {
  readonly delimiter: Delimiter
  /** Every record in the file, each a list of fields (unquoted, not trimmed). */
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
  /** `true` when the file started with Excel's `sep=` line, which is not a row. */
  readonly sepLine: boolean
}

const CANDIDATES: ReadonlyArray<Delimiter> = [";", ",", "\t"]
const SEP_LINE = /^sep=(.)\r?\n/i

/**
 * A CSV reader fed in pieces: `push` takes the next piece of text and returns the records it
 * completed, `end` the last record. A quoted field, a doubled quote or a CRLF may be cut between
 * two pieces. This is how a file is read without holding it whole.
 *
 * @since 0.2.0
 */
export interface Splitter {
  readonly push: (chunk: string) => Array<Array<string>>
  readonly end: () => Array<Array<string>>
}

/**
 * A {@link Splitter} for the given separator, with the rules of {@link split}.
 *
 * @example
 * ```ts
 * import { Csv } from "@grenzeloos/cli"
 *
 * const reader = Csv.splitter(";")
 * const rows = [...reader.push('naam;"van \'t'), ...reader.push(' Hoff"\r\n'), ...reader.end()]
 * // [["naam", "van 't Hoff"]]
 * ```
 * @since 0.2.0
 */
export const splitter = (delimiter: Delimiter): Splitter => {
  let row: Array<string> = []
  let field = ""
  let quoted = false
  let atFieldStart = true
  // A quote inside a quoted field: a doubled quote or the end of the field, known at the next character.
  let quoteSeen = false
  let afterCR = false
  const push = (chunk: string): Array<Array<string>> => {
    const rows: Array<Array<string>> = []
    const n = chunk.length
    for (let i = 0; i < n; i++) {
      const c = chunk[i]
      if (afterCR) {
        afterCR = false
        if (c === "\n") continue
      }
      if (quoteSeen) {
        quoteSeen = false
        if (c === '"') {
          field += '"'
          continue
        }
        quoted = false
      } else if (quoted) {
        if (c === '"') quoteSeen = true
        else field += c
        continue
      }
      if (c === '"' && atFieldStart) {
        quoted = true
        atFieldStart = false
      } else if (c === delimiter) {
        row.push(field)
        field = ""
        atFieldStart = true
      } else if (c === "\n" || c === "\r") {
        afterCR = c === "\r"
        row.push(field)
        rows.push(row)
        row = []
        field = ""
        atFieldStart = true
      } else {
        field += c
        atFieldStart = false
      }
    }
    return rows
  }
  const end = (): Array<Array<string>> => {
    if (quoteSeen) {
      quoteSeen = false
      quoted = false
    }
    const rows: Array<Array<string>> = []
    if (field !== "" || row.length > 0 || quoted) {
      row.push(field)
      rows.push(row)
    }
    row = []
    field = ""
    quoted = false
    atFieldStart = true
    return rows
  }
  return { push, end }
}

/**
 * Splits CSV text into records and fields with the given separator. A quote starts a quoted field
 * only at the start of a field; `""` inside a quoted field is one quote; an unterminated quote runs
 * to the end of the text, as spreadsheet programs read it.
 *
 * @example
 * ```ts
 * import { Csv } from "@grenzeloos/cli"
 *
 * Csv.split('naam;e-mail\r\n"van \'t Hoff; Jan";jan@minfin.nl\r\n', ";")
 * // [["naam", "e-mail"], ["van 't Hoff; Jan", "jan@minfin.nl"]]
 * ```
 * @since 0.1.0
 */
export const split = (text: string, delimiter: Delimiter): Array<Array<string>> => {
  const reader = splitter(delimiter)
  return [...reader.push(text), ...reader.end()]
}

// The separator under which the most rows have the same number (> 1) of fields, as a share of
// the rows that are not empty: a header and its data rows agree on their width under the right
// separator, while commas inside cells ("ai, data, woo") give widths that differ from row to row
// and from the header. Ties go to the earlier candidate (";" first: Dutch Excel writes it); a
// file with a single column counts as comma-separated.
const detect = (text: string): Delimiter => {
  // The first twenty records show the shape, even below a title or an empty row.
  const sample = text.slice(0, 64 * 1024)
  let best: Delimiter = ","
  let bestShare = 0
  for (const delimiter of CANDIDATES) {
    const rows = split(sample, delimiter)
      .slice(0, 20)
      .filter((row) => row.some((field) => field.trim() !== ""))
    const counts = new Map<number, number>()
    for (const row of rows) if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1)
    const share = rows.length === 0 ? 0 : Math.max(0, ...counts.values()) / rows.length
    if (share > bestShare) {
      best = delimiter
      bestShare = share
    }
  }
  return best
}

/**
 * Reads CSV text: strips a byte-order mark, honours Excel's `sep=;` first line, otherwise detects
 * the separator, and splits the rest into records.
 *
 * @example
 * ```ts
 * import { Csv } from "@grenzeloos/cli"
 *
 * const { delimiter, rows } = Csv.parse("\uFEFFsep=;\r\nNaam;E-mail\r\nJan;jan@minfin.nl\r\n")
 * // delimiter ";", rows [["Naam", "E-mail"], ["Jan", "jan@minfin.nl"]]
 * ```
 * @since 0.1.0
 */
export const parse = (text: string): Parsed => {
  const { delimiter, skip } = layout(text)
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
  return { delimiter, rows: split(text.slice(skip), delimiter), sepLine: skip > bom }
}

/**
 * How a CSV text is laid out, from its start: the separator (Excel's `sep=` line, else detected
 * from the first records) and how many characters to skip before the first record (a byte-order
 * mark, the `sep=` line). Enough of the start is 64 KiB: that is what detection reads.
 *
 * @example
 * ```ts
 * import { Csv } from "@grenzeloos/cli"
 *
 * Csv.layout("sep=;\r\nNaam;E-mail\r\n") // { delimiter: ";", skip: 7 }
 * ```
 * @since 0.2.0
 */
export const layout = (start: string): { readonly delimiter: Delimiter; readonly skip: number } => {
  const bom = start.charCodeAt(0) === 0xfeff ? 1 : 0
  const body = start.slice(bom)
  const sep = SEP_LINE.exec(body)
  const declared = sep?.[1]
  if (sep !== null && declared !== undefined && (CANDIDATES as ReadonlyArray<string>).includes(declared))
    return { delimiter: declared as Delimiter, skip: bom + sep[0].length }
  return { delimiter: detect(body), skip: bom }
}
