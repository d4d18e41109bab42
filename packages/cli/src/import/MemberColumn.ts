/**
 * The column of an imported sheet that says which member a row is about, read the same way for
 * every file a member fills in (ballots, poll answers): by member id, e-mail address or name, the
 * header recognised as in {@link Columns}. A name names a member only when exactly one member of
 * the community has it; otherwise the row's problem says so and names the column.
 *
 * @internal
 */
import type { Domain } from "@grenzeloos/core"
import * as Columns from "./Columns.js"
import type { Cell } from "./Spreadsheet.js"

/** How the column names a member. */
export type By = "id" | "email" | "name"

/** A member as the reader knows them; `email` only when the sheet names members by address. */
export interface Known {
  readonly id: string
  readonly name?: string
  readonly email?: string
}

/** How a header names members, or `undefined` when it is not a member column. */
export const byOf = (header: string): By | undefined => {
  const field = Columns.fieldOf(header)
  return field === "id" || field === "email" || field === "name" ? field : undefined
}

const keyOf = (by: By, text: string) =>
  by === "id" ? text.trim() : by === "email" ? text.trim().toLowerCase() : Columns.fold(text)

const pick = (language: Domain.Language, nl: string, en: string) => (language === "en" ? en : nl)

/**
 * The member a cell names, or what is wrong with it: a sentence that says what to do, for the
 * row's problem under the member column's header.
 */
export const resolver = (
  by: By,
  header: string,
  members: ReadonlyArray<Known>,
  language: Domain.Language
): ((cell: string) => { readonly memberId: string } | { readonly problem: string }) => {
  const byKey = new Map<string, string | null>()
  for (const m of members) {
    const value = by === "id" ? m.id : by === "email" ? m.email : m.name
    if (value === undefined) continue
    const key = keyOf(by, value)
    // Two members with the same name (or address) cannot be told apart by it.
    byKey.set(key, byKey.has(key) ? null : m.id)
  }
  return (cell) => {
    const ref = cell.trim()
    const memberId = byKey.get(keyOf(by, ref))
    if (typeof memberId === "string") return { memberId }
    if (ref === "")
      return {
        problem: pick(
          language,
          `de kolom "${header}" is leeg: vul in wie dit is`,
          `the column "${header}" is empty: fill in who this is`
        )
      }
    if (memberId === null)
      return {
        problem: pick(
          language,
          `meer dan één lid heet "${ref}": zet in de kolom "${header}" het lidnummer of e-mailadres, of voeg een kolom Lidnummer of E-mail toe`,
          `more than one member is called "${ref}": put the member id or e-mail address in the column "${header}", or add a Member id or E-mail column`
        )
      }
    return {
      problem:
        by === "id"
          ? pick(
              language,
              `geen lid met lidnummer "${ref}" in deze community (zie grenzeloos members list)`,
              `no member with id "${ref}" in this community (see grenzeloos members list)`
            )
          : by === "email"
            ? pick(
                language,
                "geen lid met dit e-mailadres in deze community (zie grenzeloos members list)",
                "no member with this e-mail address in this community (see grenzeloos members list)"
              )
            : pick(
                language,
                `geen lid "${ref}" in deze community: schrijf de naam zoals grenzeloos members list hem toont, of gebruik een kolom Lidnummer of E-mail`,
                `no member "${ref}" in this community: write the name as grenzeloos members list shows it, or use a Member id or E-mail column`
              )
    }
  }
}

/** The header row of a member sheet: the member column, the columns of choices, the rest. */
export interface Layout<C> {
  /** The header's row number (1-based). */
  readonly row: number
  readonly member: { readonly index: number; readonly header: string; readonly by: By }
  readonly columns: ReadonlyArray<C & { readonly index: number }>
  /** Headers that are neither the member nor a choice, for the import's remarks. */
  readonly ignored: ReadonlyArray<string>
}

/**
 * The first row among the first `within` that has a member column and at least one column that
 * `choiceOf` recognises (a theme of the vote, a date of the poll), or `undefined`.
 */
export const layout = <C>(
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  within: number,
  text: (cell: Cell | undefined) => string,
  choiceOf: (header: string) => C | undefined
): Layout<C> | undefined => {
  for (let i = 0; i < Math.min(within, rows.length); i++) {
    let member: Layout<C>["member"] | undefined
    const columns: Array<C & { index: number }> = []
    const ignored: Array<string> = []
    ;(rows[i] ?? []).forEach((cell, index) => {
      const header = text(cell)
      if (header === "") return
      const by = byOf(header)
      const choice = by !== undefined && member === undefined ? undefined : choiceOf(header)
      if (member === undefined && by !== undefined) member = { index, header, by }
      else if (choice !== undefined) columns.push({ ...choice, index })
      else ignored.push(header)
    })
    if (member !== undefined && columns.length > 0) return { row: i + 1, member, columns, ignored }
  }
  return undefined
}

/** A data row of a member sheet: who it is about (when the member column says), and its problems so far. */
export interface MemberRow {
  readonly cells: ReadonlyArray<Cell>
  readonly row: number
  readonly memberId: string | undefined
  readonly problems: Array<{ readonly row: number; readonly column: string; readonly message: string }>
}

/**
 * The rows below the header that are not empty, each with its member resolved and, when the
 * member was already in an earlier row, the problem `again(first)` words under the member column.
 */
export const memberRows = <C>(
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  found: Layout<C>,
  options: {
    readonly members: ReadonlyArray<Known>
    readonly language: Domain.Language
    readonly text: (cell: Cell | undefined) => string
    readonly again: (firstRow: number) => string
  }
): ReadonlyArray<MemberRow> => {
  const text = options.text
  const memberOf = resolver(found.member.by, found.member.header, options.members, options.language)
  const firstRow = new Map<string, number>()
  const out: Array<MemberRow> = []
  rows.forEach((cells, i) => {
    const row = i + 1
    if (row <= found.row || cells.every((cell) => text(cell) === "")) return
    const problems: MemberRow["problems"] = []
    const member = memberOf(text(cells[found.member.index]))
    const memberId = "memberId" in member ? member.memberId : undefined
    if (memberId === undefined)
      problems.push({ row, column: found.member.header, message: "problem" in member ? member.problem : "" })
    else {
      const first = firstRow.get(memberId)
      if (first !== undefined) problems.push({ row, column: found.member.header, message: options.again(first) })
      else firstRow.set(memberId, row)
    }
    out.push({ cells, row, memberId, problems })
  })
  return out
}
