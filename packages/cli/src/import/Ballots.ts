/**
 * Approval ballots from a spreadsheet, as a form tool or a paper count exports them: one row per
 * member (a column with the member's id, e-mail address or name, read as {@link MemberColumn}
 * reads it for every import) and one column per theme, headed with
 * the theme's title, with a mark where the member approves it ("x", "ja", "yes", "1", "✓").
 * The header row may be anywhere in the first rows; titles are compared folded (case, accents,
 * spaces and punctuation), as headers are in {@link Columns}.
 *
 * @since 0.1.0
 */
import type { Domain } from "@grenzeloos/core"
import * as Columns from "./Columns.js"
import * as MemberColumn from "./MemberColumn.js"
import type { Problem } from "./Members.js"
import type { Cell, Sheet } from "./Spreadsheet.js"

/**
 * One member's approvals, from row `row`.
 *
 * @since 0.1.0
 */
export interface BallotRow {
  readonly row: number
  readonly memberId: string
  readonly themeIds: ReadonlyArray<string>
}

/**
 * The ballots read, the problems of the rows that could not be read, and the header's columns
 * that are neither the member nor a theme of the round.
 *
 * @since 0.1.0
 */
export interface BallotImport {
  readonly headerRow: number
  /** The column that names the member, and whether by id, e-mail address or name (since 0.2). */
  readonly memberColumn: { readonly header: string; readonly by: "id" | "email" | "name" }
  readonly ballots: ReadonlyArray<BallotRow>
  readonly problems: ReadonlyArray<Problem>
  readonly remarks: ReadonlyArray<Problem>
}

/**
 * What the ballots are checked against: the round's themes and the community's members (with
 * their names, for files that name members by name, and their e-mail addresses, for files that
 * name them by address).
 *
 * @since 0.1.0
 */
export interface Options {
  readonly themes: ReadonlyArray<{ readonly id: string; readonly title: string }>
  readonly members: ReadonlyArray<{ readonly id: string; readonly name?: string; readonly email?: string }>
  readonly language?: Domain.Language
  readonly headerWithin?: number
}

const YES = new Set(["x", "ja", "j", "yes", "y", "1", "✓", "✔", "v", "waar", "true"])
const NO = new Set(["", "nee", "n", "no", "0", "onwaar", "false", "-"])

const textOf = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return ""
  if (typeof cell === "boolean") return cell ? "1" : "0"
  return String(cell).trim()
}

const pick = (language: Domain.Language, nl: string, en: string) => (language === "en" ? en : nl)

/**
 * Reads approval ballots from a sheet. Returns `undefined` when no row in the first rows has a
 * member column (id, e-mail or name) and at least one theme column.
 *
 * @example
 * ```ts
 * import { Ballots, Spreadsheet } from "@grenzeloos/cli"
 *
 * const sheet = Spreadsheet.fromCsv("Lidnummer;Worstelen met de Woo;AI in de uitvoering\nm-1;x;\nm-2;x;x\n")
 * const read = Ballots.fromSheet(sheet, {
 *   themes: [{ id: "t-woo", title: "Worstelen met de Woo" }, { id: "t-ai", title: "AI in de uitvoering" }],
 *   members: [{ id: "m-1" }, { id: "m-2" }]
 * })
 * read?.ballots // [{ row: 2, memberId: "m-1", themeIds: ["t-woo"] }, { row: 3, memberId: "m-2", themeIds: ["t-woo", "t-ai"] }]
 * ```
 * @since 0.1.0
 */
export const fromSheet = (sheet: Sheet, options: Options): BallotImport | undefined => {
  const language = options.language ?? "nl"
  const themeByTitle = new Map(options.themes.map((t) => [Columns.fold(t.title), t.id]))
  const themeIds = new Set(options.themes.map((t) => t.id))
  const found = MemberColumn.layout(sheet.rows, options.headerWithin ?? 10, textOf, (header) => {
    const themeId = themeByTitle.get(Columns.fold(header)) ?? (themeIds.has(header) ? header : undefined)
    return themeId === undefined ? undefined : { themeId }
  })
  if (found === undefined) return undefined
  const ballots: Array<BallotRow> = []
  const problems: Array<Problem> = []
  for (const { cells, row, memberId, problems: rowProblems } of MemberColumn.memberRows(sheet.rows, found, {
    members: options.members,
    language,
    text: textOf,
    again: (first) =>
      pick(
        language,
        `dubbele stem: dit lid stemde al in rij ${first}`,
        `duplicate ballot: this member already voted in row ${first}`
      )
  })) {
    const approved: Array<string> = []
    for (const column of found.columns) {
      const mark = textOf(cells[column.index]).toLowerCase()
      if (YES.has(mark)) approved.push(column.themeId)
      else if (!NO.has(mark)) {
        rowProblems.push({
          row,
          column: textOf(sheet.rows[found.row - 1]?.[column.index]),
          message: pick(
            language,
            `"${mark}" is geen stem: zet een x (of ja) bij een thema dat u kiest en laat de rest leeg`,
            `"${mark}" is not a vote: mark a theme you choose with an x (or yes) and leave the others empty`
          )
        })
      }
    }
    if (rowProblems.length > 0 || memberId === undefined) problems.push(...rowProblems)
    else ballots.push({ row, memberId, themeIds: approved })
  }
  const remarks = found.ignored.map((header) => ({
    row: found.row,
    column: header,
    message: pick(
      language,
      `de kolom "${header}" is geen thema van deze stemronde en wordt niet gelezen`,
      `the column "${header}" is not a theme of this voting round and is not read`
    )
  }))
  return {
    headerRow: found.row,
    memberColumn: { header: found.member.header, by: found.member.by },
    ballots,
    problems,
    remarks
  }
}
