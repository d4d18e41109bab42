/**
 * Poll answers from a spreadsheet, as a form tool or a paper list exports them: one row per
 * member (a column with the member's id, e-mail address or name, read as {@link MemberColumn}
 * reads it for every import) and one column per candidate
 * date, headed with the date as people write it ("di 9 februari", "9-2-2027 13:00",
 * "2027-02-09"), with "ja", "als het moet" or "nee" (an empty cell is no answer).
 *
 * @internal
 */
import type { Domain } from "@grenzeloos/core"
import * as Columns from "./Columns.js"
import * as MemberColumn from "./MemberColumn.js"
import type { Problem } from "./Members.js"
import type { Cell, Sheet } from "./Spreadsheet.js"

/** A candidate date of the poll, with its local date and time in the community's zone. */
export interface Slot {
  readonly id: string
  /** `YYYY-MM-DD` in the community's zone. */
  readonly date: string
  /** `HH:MM` in the community's zone. */
  readonly time: string
}

export type Answer = "yes" | "if-need-be" | "no"

export interface AnswerRow {
  readonly row: number
  readonly memberId: string
  readonly answers: ReadonlyArray<{ readonly slotId: string; readonly answer: Answer }>
}

export interface PollImport {
  readonly headerRow: number
  readonly memberColumn: string
  readonly rows: ReadonlyArray<AnswerRow>
  readonly problems: ReadonlyArray<Problem>
  readonly remarks: ReadonlyArray<Problem>
}

export interface Options {
  readonly slots: ReadonlyArray<Slot>
  readonly members: ReadonlyArray<{ readonly id: string; readonly name: string; readonly email?: string }>
  readonly language?: Domain.Language
  readonly headerWithin?: number
}

const ANSWERS: ReadonlyArray<readonly [Answer, ReadonlyArray<string>]> = [
  ["yes", ["ja", "j", "yes", "y", "x", "1", "✓", "✔", "kan", "ok"]],
  ["if-need-be", ["alshetmoet", "indiennodig", "misschien", "ifneedbe", "maybe"]],
  ["no", ["nee", "n", "no", "0", "kanniet", "cannot", "-"]]
]

/** An answer as people type it, or `undefined` when the cell is not one. */
export const answerOf = (text: string): Answer | "empty" | undefined => {
  const folded = Columns.fold(text)
  if (folded === "") return "empty"
  if (/^\(.*\)$/.test(text.trim())) return "if-need-be" // "(ja)", as Doodle exports it
  for (const [answer, words] of ANSWERS) if (words.includes(folded)) return answer
  return undefined
}

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  maart: 3,
  mrt: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augustus: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12
}

const pad = (n: number) => String(n).padStart(2, "0")

/** The slot a header names: its id, or its date (and time, when two slots share a day). */
export const slotOf = (header: string, slots: ReadonlyArray<Slot>): Slot | undefined => {
  const text = header.trim()
  const byId = slots.find((s) => s.id === text)
  if (byId !== undefined) return byId
  let rest = text
  let date: { y?: number; m: number; d: number } | undefined
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(rest)
  const dmy = /(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/.exec(rest)
  const named = /(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?/i.exec(rest)
  if (iso !== null) {
    date = { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) }
    rest = rest.replace(iso[0], " ")
  } else if (dmy !== null) {
    date = { y: Number(dmy[3]), m: Number(dmy[2]), d: Number(dmy[1]) }
    rest = rest.replace(dmy[0], " ")
  } else if (named !== null && MONTHS[(named[2] ?? "").toLowerCase()] !== undefined) {
    date = {
      ...(named[3] === undefined ? {} : { y: Number(named[3]) }),
      m: MONTHS[(named[2] ?? "").toLowerCase()] ?? 0,
      d: Number(named[1])
    }
    rest = rest.replace(named[0], " ")
  }
  if (date === undefined) return undefined
  const found = date
  const time = /(\d{1,2})[:.](\d{2})/.exec(rest)
  const candidates = slots.filter((s) => {
    const [y, m, d] = s.date.split("-").map(Number)
    return m === found.m && d === found.d && (found.y === undefined || y === found.y)
  })
  const timed = time === null ? candidates : candidates.filter((s) => s.time === `${pad(Number(time[1]))}:${time[2]}`)
  return timed.length === 1 ? timed[0] : undefined
}

const textOf = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return ""
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell).trim()
}

const pick = (language: Domain.Language, nl: string, en: string) => (language === "en" ? en : nl)

/**
 * Reads poll answers from a sheet. Returns `undefined` when no row in the first rows has a member
 * column and at least one column that names a candidate date.
 */
export const fromSheet = (sheet: Sheet, options: Options): PollImport | undefined => {
  const language = options.language ?? "nl"
  const found = MemberColumn.layout(sheet.rows, options.headerWithin ?? 10, textOf, (header) => {
    const slot = slotOf(header, options.slots)
    return slot === undefined ? undefined : { slotId: slot.id, header }
  })
  if (found === undefined) return undefined
  const rows: Array<AnswerRow> = []
  const problems: Array<Problem> = []
  for (const { cells, row, memberId, problems: rowProblems } of MemberColumn.memberRows(sheet.rows, found, {
    members: options.members,
    language,
    text: textOf,
    again: (first) =>
      pick(language, `dit lid antwoordde al in rij ${first}`, `this member already answered in row ${first}`)
  })) {
    const answers: Array<{ slotId: string; answer: Answer }> = []
    for (const column of found.columns) {
      const text = textOf(cells[column.index])
      const answer = answerOf(text)
      if (answer === undefined)
        rowProblems.push({
          row,
          column: column.header,
          message: pick(
            language,
            `"${text}" is geen antwoord: schrijf ja, als het moet of nee (of laat de cel leeg)`,
            `"${text}" is not an answer: write yes, if need be or no (or leave the cell empty)`
          )
        })
      else if (answer !== "empty") answers.push({ slotId: column.slotId, answer })
    }
    if (rowProblems.length > 0 || memberId === undefined) problems.push(...rowProblems)
    else rows.push({ row, memberId, answers })
  }
  const remarks = found.ignored.map((column) => ({
    row: found.row,
    column,
    message: pick(
      language,
      `de kolom "${column}" is geen datum van deze datumprikker en wordt niet gelezen`,
      `the column "${column}" is not a date of this poll and is not read`
    )
  }))
  return { headerRow: found.row, memberColumn: found.member.header, rows, problems, remarks }
}
