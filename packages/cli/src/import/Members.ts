/**
 * Members from a spreadsheet: the recognised columns of each row mapped onto a member's fields and
 * decoded with the domain's own schemas, every problem reported with its row number, column and
 * what is wrong, and duplicates within the file found by e-mail address and member id.
 *
 * Mapping a cell onto a field is all this module does to a value: cells are trimmed, a name in
 * parts (voornaam, tussenvoegsel, achternaam) is joined, interests are split on `;`, `,`, `|` or a
 * line break, a few spellings of a language or status are read as the domain's value ("Engels" is
 * `en`, "actief" is `active`), and a date written as 1-2-2027 or as an Excel date becomes
 * 2027-02-01. Whether a value is valid is for the domain schemas to say.
 *
 * @since 0.1.0
 */
import { Domain } from "@grenzeloos/core"
import { Either, Schema } from "effect"
import * as Messages from "../cli/Messages.js"
import * as Columns from "./Columns.js"
import type { Cell, Sheet } from "./Spreadsheet.js"
import * as Texts from "./Texts.js"

/**
 * The fields of a member that a row provides, decoded with the schemas of `Domain.Member`. The
 * `id`, `status` and `joinedOn` are optional: the use case that registers members fills them in.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { MemberImport } from "@grenzeloos/cli"
 *
 * const row = Schema.decodeUnknownSync(MemberImport.MemberRow)({
 *   name: "Jan van 't Hoff",
 *   email: "jan.vanthoff@minfin.nl",
 *   organisation: "Ministerie van Financiën",
 *   programme: "Modernisering Belastingdienst",
 *   interests: ["omgaan met sabotage"],
 *   preferredLanguage: "nl"
 * })
 * ```
 * @since 0.1.0
 */
export const MemberRow = Schema.Struct({
  id: Schema.optionalWith(Domain.Member.fields.id, { exact: true }),
  name: Domain.Member.fields.name,
  email: Domain.Member.fields.email,
  organisation: Domain.Member.fields.organisation,
  programme: Domain.Member.fields.programme,
  interests: Domain.Member.fields.interests,
  preferredLanguage: Domain.Member.fields.preferredLanguage,
  status: Schema.optionalWith(Domain.Member.fields.status, { exact: true }),
  joinedOn: Schema.optionalWith(Domain.Member.fields.joinedOn, { exact: true })
}).annotations({ identifier: "MemberRow" })
/** @since 0.1.0 */
export type MemberRow = typeof MemberRow.Type

/**
 * A valid row: its row number and the member's fields.
 *
 * @since 0.1.0
 */
export interface ImportedMember {
  readonly row: number
  readonly member: MemberRow
}

/**
 * One thing wrong with the file or a row: the row number as a spreadsheet program shows it, the
 * column as headed in the file, and what is wrong. Messages never repeat an e-mail address.
 *
 * @since 0.1.0
 */
export interface Problem {
  readonly row: number | undefined
  readonly column: string | undefined
  readonly message: string
}

/**
 * The outcome of reading a member list: the header found, the valid rows, the problems of the
 * invalid rows, and remarks that do not stop the import (columns that are not read).
 *
 * @since 0.1.0
 */
export interface MemberImport {
  readonly header: Columns.Header
  readonly members: ReadonlyArray<ImportedMember>
  readonly problems: ReadonlyArray<Problem>
  readonly remarks: ReadonlyArray<Problem>
  /** Rows below the header that are not empty. */
  readonly rowsRead: number
  /** Rows with at least one problem. */
  readonly invalidRows: ReadonlyArray<number>
}

/**
 * The file cannot be imported at all: no header row, or a required column is missing.
 *
 * @example
 * ```ts
 * import { MemberImport } from "@grenzeloos/cli"
 *
 * const error = new MemberImport.MemberFileError({
 *   file: "leden.csv",
 *   problems: [{ row: undefined, column: undefined, message: "de kolom \"e-mail\" ontbreekt" }]
 * })
 * console.error(error.message)
 * ```
 * @since 0.1.0
 */
export class MemberFileError extends Schema.TaggedError<MemberFileError>("@grenzeloos/cli/MemberFileError")(
  "MemberFileError",
  {
    file: Schema.String,
    problems: Schema.Array(
      Schema.Struct({
        row: Schema.UndefinedOr(Schema.Number),
        column: Schema.UndefinedOr(Schema.String),
        message: Schema.String
      })
    )
  }
) {
  override get message(): string {
    return [`${this.file}:`, ...this.problems.map((p) => `  ${p.message}`)].join("\n")
  }
}

/**
 * Options of {@link fromSheet}.
 *
 * @since 0.1.0
 */
export interface Options {
  /** The file name, for messages. */
  readonly file: string
  /** The language of rows that leave it empty (the community's default language). */
  readonly defaultLanguage: Domain.Language
  /** The language of the messages (default Dutch). */
  readonly language?: Domain.Language
  /** The community's list of organisations, if it keeps one: other organisations are reported. */
  readonly organisations?: ReadonlyArray<string>
  /** How many rows from the top may hold the header (default 10). */
  readonly headerWithin?: number
}

const LANGUAGES: ReadonlyMap<string, string> = new Map([
  ["nl", "nl"],
  ["nld", "nl"],
  ["ned", "nl"],
  ["nederlands", "nl"],
  ["dutch", "nl"],
  ["en", "en"],
  ["eng", "en"],
  ["engels", "en"],
  ["english", "en"]
])

const STATUSES: ReadonlyMap<string, string> = new Map([
  ["uitgenodigd", "invited"],
  // A new member in a programme office's sheet is one whose intake is still to come.
  ["nieuw", "invited"],
  ["new", "invited"],
  ["invited", "invited"],
  ["intakegepland", "intake-planned"],
  ["intakeplanned", "intake-planned"],
  ["actief", "active"],
  ["active", "active"],
  ["gepauzeerd", "paused"],
  ["pauze", "paused"],
  ["paused", "paused"],
  ["gestopt", "left"],
  ["vertrokken", "left"],
  ["uitgeschreven", "left"],
  ["left", "left"]
])

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/

const pad2 = (n: string) => n.padStart(2, "0")

const textOf = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return ""
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell).trim()
}

const dateOf = (cell: Cell | undefined): string => {
  // Workbooks hold dates as UTC midnight of the day shown.
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  const text = textOf(cell)
  const m = DUTCH_DATE.exec(text)
  return m?.[1] !== undefined && m[2] !== undefined && m[3] !== undefined ? `${m[3]}-${pad2(m[2])}-${pad2(m[1])}` : text
}

const splitInterests = (text: string): Array<string> =>
  text
    .split(/[;,|\n]/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

const isEmptyRow = (row: ReadonlyArray<Cell>) => row.every((cell) => textOf(cell) === "")

const REQUIRED = ["email", "organisation", "programme"] as const

/**
 * Reads the members of a sheet: finds the header row, maps each row below it onto a member and
 * decodes it with the domain schemas, and reports every problem. Fails only when the file as a
 * whole cannot be read as a member list (no header row, a required column missing).
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { MemberImport, Spreadsheet } from "@grenzeloos/cli"
 *
 * const sheet = Spreadsheet.fromCsv(
 *   "Naam;E-mailadres;Organisatie;Programma\nJan van 't Hoff;jan@minfin.nl;Ministerie van Financiën;Modernisering Belastingdienst\n"
 * )
 * const result = MemberImport.fromSheet(sheet, { file: "leden.csv", defaultLanguage: "nl" })
 * if (Either.isRight(result)) console.log(result.right.members.length, result.right.problems.length) // 1 0
 * ```
 * @since 0.1.0
 */
export const fromSheet = (sheet: Sheet, options: Options): Either.Either<MemberImport, MemberFileError> => {
  const language = options.language ?? "nl"
  const within = options.headerWithin ?? 10
  const header = Columns.findHeader(sheet.rows, within)
  if (header === undefined) {
    return Either.left(
      new MemberFileError({
        file: options.file,
        problems: [{ row: undefined, column: undefined, message: Texts.noHeader(language, within) }]
      })
    )
  }
  const columnOf = new Map(header.columns.map((c) => [c.field, c]))
  const missing: Array<Problem> = []
  if (!columnOf.has("name") && !(columnOf.has("firstName") && columnOf.has("lastName"))) {
    missing.push({ row: header.row, column: undefined, message: Texts.missingColumn(language, "name") })
  }
  for (const field of REQUIRED) {
    if (!columnOf.has(field)) {
      missing.push({ row: header.row, column: undefined, message: Texts.missingColumn(language, field) })
    }
  }
  if (missing.length > 0) return Either.left(new MemberFileError({ file: options.file, problems: missing }))

  const remarks: Array<Problem> = [
    ...header.repeated.map((c) => ({
      row: header.row,
      column: c.header,
      message: Texts.repeatedColumn(language, c.header, columnOf.get(c.field)?.header ?? c.header)
    })),
    ...header.ignored.map((c) => ({
      row: header.row,
      column: c.header,
      message: Texts.ignoredColumn(language, c.header)
    }))
  ]
  const cell = (row: ReadonlyArray<Cell>, field: Columns.Field): Cell | undefined => {
    const column = columnOf.get(field)
    return column === undefined ? undefined : row[column.index]
  }
  const nameColumn = columnOf.get("name") ?? columnOf.get("firstName")
  const headerOf = (field: string): string | undefined => {
    if (field === "name") return nameColumn?.header
    return columnOf.get(field as Columns.Field)?.header
  }

  const organisations = options.organisations === undefined ? undefined : new Set(options.organisations)
  const organisationByFold = new Map((options.organisations ?? []).map((o) => [Columns.fold(o), o]))
  const decodeRow = Domain.decode(MemberRow, { subject: options.file })
  const firstRowByEmail = new Map<string, number>()
  const firstRowById = new Map<string, number>()
  const members: Array<ImportedMember> = []
  const problems: Array<Problem> = []
  const invalidRows: Array<number> = []
  let rowsRead = 0

  sheet.rows.forEach((row, i) => {
    const rowNumber = i + 1
    if (rowNumber <= header.row || isEmptyRow(row)) return
    rowsRead++
    const rowProblems: Array<Problem> = []
    const name = columnOf.has("name")
      ? textOf(cell(row, "name"))
      : [textOf(cell(row, "firstName")), textOf(cell(row, "infix")), textOf(cell(row, "lastName"))]
          .filter((part) => part !== "")
          .join(" ")
    const email = textOf(cell(row, "email"))
    const id = textOf(cell(row, "id"))
    const languageText = textOf(cell(row, "preferredLanguage"))
    const statusText = textOf(cell(row, "status"))
    const joinedOn = dateOf(cell(row, "joinedOn"))
    const organisation = textOf(cell(row, "organisation"))
    const input: Record<string, unknown> = {
      name,
      email,
      organisation,
      programme: textOf(cell(row, "programme")),
      interests: splitInterests(textOf(cell(row, "interests"))),
      preferredLanguage:
        languageText === "" ? options.defaultLanguage : (LANGUAGES.get(Columns.fold(languageText)) ?? languageText)
    }
    if (id !== "") input.id = id
    if (statusText !== "") input.status = STATUSES.get(Columns.fold(statusText)) ?? statusText
    if (joinedOn !== "") input.joinedOn = joinedOn

    const decoded = decodeRow(input)
    if (Either.isLeft(decoded)) {
      for (const problem of decoded.left.problems) {
        const field = /^[A-Za-z]+/.exec(problem.path)?.[0] ?? ""
        rowProblems.push({
          row: rowNumber,
          column: headerOf(field),
          message:
            field === "email"
              ? Texts.invalidEmail(language)
              : field === "status"
                ? Texts.unknownStatus(language, statusText)
                : field === "preferredLanguage"
                  ? Texts.unknownLanguage(language, languageText)
                  : language === "en"
                    ? problem.message
                    : Messages.dutch(problem.message)
        })
      }
    }
    if (email !== "") {
      const key = email.toLowerCase()
      const first = firstRowByEmail.get(key)
      if (first === undefined) firstRowByEmail.set(key, rowNumber)
      else
        rowProblems.push({
          row: rowNumber,
          column: headerOf("email"),
          message: Texts.duplicate(language, "email", first)
        })
    }
    if (id !== "") {
      const first = firstRowById.get(id)
      if (first === undefined) firstRowById.set(id, rowNumber)
      else rowProblems.push({ row: rowNumber, column: headerOf("id"), message: Texts.duplicate(language, "id", first) })
    }
    if (organisations !== undefined && organisation !== "" && !organisations.has(organisation)) {
      rowProblems.push({
        row: rowNumber,
        column: headerOf("organisation"),
        message: Texts.unknownOrganisation(language, organisation, organisationByFold.get(Columns.fold(organisation)))
      })
    }
    if (rowProblems.length > 0 || Either.isLeft(decoded)) {
      problems.push(...rowProblems)
      invalidRows.push(rowNumber)
    } else members.push({ row: rowNumber, member: decoded.right })
  })
  return Either.right({ header, members, problems, remarks, rowsRead, invalidRows })
}
