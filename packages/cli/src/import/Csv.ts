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
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  let atFieldStart = true
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
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
      if (c === "\r" && text[i + 1] === "\n") i++
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
  if (field !== "" || row.length > 0 || quoted) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

// The separator that gives the most rows with the same number (> 1) of fields, weighed by that
// number; a file with a single column counts as comma-separated.
const detect = (text: string): Delimiter => {
  // The first twenty records show the shape, even below a title or an empty row.
  const sample = text.slice(0, 64 * 1024)
  let best: Delimiter = ","
  let bestScore = 0
  for (const delimiter of CANDIDATES) {
    const widths = split(sample, delimiter)
      .slice(0, 20)
      .map((row) => row.length)
    const counts = new Map<number, number>()
    for (const w of widths) if (w > 1) counts.set(w, (counts.get(w) ?? 0) + 1)
    let score = 0
    for (const [width, count] of counts) score = Math.max(score, count * width)
    if (score > bestScore) {
      best = delimiter
      bestScore = score
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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const sep = SEP_LINE.exec(body)
  const declared = sep?.[1]
  if (sep !== null && declared !== undefined && (CANDIDATES as ReadonlyArray<string>).includes(declared)) {
    const delimiter = declared as Delimiter
    return { delimiter, rows: split(body.slice(sep[0].length), delimiter), sepLine: true }
  }
  const delimiter = detect(body)
  return { delimiter, rows: split(body, delimiter), sepLine: false }
}
