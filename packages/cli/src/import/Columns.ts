/**
 * Recognising the columns of a member list: headers in Dutch or English as people write them
 * ("E-mailadres", "Organisatie", "Programme", "Voorkeurstaal"), found in a header row anywhere in
 * the first rows of the sheet (below a title, a date or an empty row).
 *
 * A header is compared after folding case, accents, spaces and punctuation, so "E-mail",
 * "e-mail adres" and "EMAIL" are the same header.
 *
 * @since 0.1.0
 */
import type { Cell } from "./Spreadsheet.js"

/**
 * A field of a member that a column can fill. A name can also come in parts: `firstName`,
 * `infix` (tussenvoegsel) and `lastName`.
 *
 * @since 0.1.0
 */
export type Field =
  | "id"
  | "name"
  | "firstName"
  | "infix"
  | "lastName"
  | "email"
  | "organisation"
  | "programme"
  | "interests"
  | "preferredLanguage"
  | "status"
  | "joinedOn"

/**
 * The headers recognised for each field, folded (lower case, no accents, letters and digits only).
 *
 * @example
 * ```ts
 * import { Columns } from "@grenzeloos/cli"
 *
 * Columns.aliases.email.includes("emailadres") // true
 * ```
 * @since 0.1.0
 */
export const aliases: { readonly [F in Field]: ReadonlyArray<string> } = {
  id: ["id", "lidnummer", "lidnr", "lidid", "memberid", "membernumber", "nummer"],
  name: ["naam", "volledigenaam", "naamlid", "name", "fullname", "membername"],
  firstName: ["voornaam", "roepnaam", "firstname", "givenname"],
  infix: ["tussenvoegsel", "tussenvoegsels", "voorvoegsel", "infix"],
  lastName: ["achternaam", "familienaam", "lastname", "surname", "familyname"],
  email: [
    "email",
    "emailadres",
    "mail",
    "mailadres",
    "emailaddress",
    "emailwerk",
    "zakelijkemail",
    "zakelijkemailadres",
    "workemail"
  ],
  organisation: [
    "organisatie",
    "organisation",
    "organization",
    "ministerie",
    "departement",
    "werkgever",
    "employer",
    "dienst",
    "organisatieonderdeel"
  ],
  programme: ["programma", "programme", "program", "project", "programmanaam", "programmename"],
  interests: [
    "interesses",
    "interessegebieden",
    "interests",
    "onderwerpen",
    "themas",
    "topics",
    "belangstelling",
    "leerwensen"
  ],
  preferredLanguage: ["taal", "voorkeurstaal", "language", "preferredlanguage"],
  status: ["status", "lidmaatschap", "membership"],
  joinedOn: ["lidsinds", "startdatum", "datumlidmaatschap", "joinedon", "joined", "membersince", "startdate"]
}

const byAlias: ReadonlyMap<string, Field> = new Map(
  (Object.entries(aliases) as Array<[Field, ReadonlyArray<string>]>).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const)
  )
)

/**
 * Folds a header for comparison: lower case, accents removed, only letters and digits kept.
 *
 * @example
 * ```ts
 * import { Columns } from "@grenzeloos/cli"
 *
 * Columns.fold(" E-mail adres ") // "emailadres"
 * Columns.fold("Thema's") // "themas"
 * ```
 * @since 0.1.0
 */
export const fold = (header: string): string =>
  header
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "")

/**
 * The field a header stands for, if any.
 *
 * @example
 * ```ts
 * import { Columns } from "@grenzeloos/cli"
 *
 * Columns.fieldOf("E-mailadres") // "email"
 * Columns.fieldOf("Telefoon") // undefined
 * ```
 * @since 0.1.0
 */
export const fieldOf = (header: string): Field | undefined => byAlias.get(fold(header))

/**
 * One recognised column: its index in the row, the header as written in the file, and its field.
 *
 * @since 0.1.0
 */
export interface Column {
  readonly index: number
  readonly header: string
  readonly field: Field
}

/**
 * The header row that was found: its row number, the recognised columns, the headers that were not
 * recognised, and headers that occur twice (only the first is used).
 *
 * @since 0.1.0
 */
export interface Header {
  /** The row number as a spreadsheet program shows it (from 1). */
  readonly row: number
  readonly columns: ReadonlyArray<Column>
  readonly ignored: ReadonlyArray<{ readonly index: number; readonly header: string }>
  readonly repeated: ReadonlyArray<Column>
}

const text = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return ""
  return typeof cell === "string" ? cell.trim() : String(cell)
}

const recognise = (row: ReadonlyArray<Cell>, rowNumber: number): Header => {
  const columns: Array<Column> = []
  const ignored: Array<{ index: number; header: string }> = []
  const repeated: Array<Column> = []
  const seen = new Set<Field>()
  row.forEach((cell, index) => {
    const header = text(cell)
    if (header === "") return
    const field = fieldOf(header)
    if (field === undefined) ignored.push({ index, header })
    else if (seen.has(field)) repeated.push({ index, header, field })
    else {
      seen.add(field)
      columns.push({ index, header, field })
    }
  })
  return { row: rowNumber, columns, ignored, repeated }
}

/**
 * Finds the header row among the first `within` rows (default 10): the row that names the most
 * member fields, at least two of them; the first such row on a tie. `undefined` when no row does.
 *
 * @example
 * ```ts
 * import { Columns } from "@grenzeloos/cli"
 *
 * const header = Columns.findHeader([["Ledenlijst 2027"], [], ["Naam", "E-mail", "Telefoon"]])
 * header?.row // 3
 * header?.ignored // [{ index: 2, header: "Telefoon" }]
 * ```
 * @since 0.1.0
 */
export const findHeader = (rows: ReadonlyArray<ReadonlyArray<Cell>>, within = 10): Header | undefined => {
  let best: Header | undefined
  rows.slice(0, within).forEach((row, i) => {
    const header = recognise(row, i + 1)
    if (header.columns.length >= 2 && (best === undefined || header.columns.length > best.columns.length)) {
      best = header
    }
  })
  return best
}
