/**
 * Reading and writing the Pabulib `.pb` format (Faliszewski, Flis, Peters, Pierczyński, Skowron,
 * Stolicki, Szufa & Talmon 2023, "Participatory Budgeting: Data, Tools, and Analysis", IJCAI;
 * pabulib.org): three sections META, PROJECTS and VOTES, each a `;`-separated table with a header
 * row; multi-valued cells are `,`-separated.
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import type { Problem } from "../domain/DecodeError.js"
import { AgendaInputError } from "../domain/DecodeError.js"
import type { Election, Vote } from "./Election.js"

/**
 * A project row: its id, cost, and every other column as written.
 *
 * @since 0.1.0
 */
export interface Project {
  readonly id: string
  readonly cost: number
  readonly fields: Readonly<Record<string, string>>
}

/**
 * A vote row: the voter, the projects (ordered for ordinal votes), the points if any, and every
 * other column as written.
 *
 * @since 0.1.0
 */
export interface VoteRow {
  readonly voterId: string
  readonly vote: ReadonlyArray<string>
  readonly points?: ReadonlyArray<number>
  readonly fields: Readonly<Record<string, string>>
}

/**
 * A whole `.pb` file: META as ordered key–value pairs, the projects and the votes.
 *
 * @since 0.1.0
 */
export interface PbFile {
  readonly meta: ReadonlyArray<readonly [key: string, value: string]>
  readonly projects: ReadonlyArray<Project>
  readonly votes: ReadonlyArray<VoteRow>
}

const splitRow = (line: string): Array<string> => {
  if (!line.includes('"')) return line.split(";")
  const cells: Array<string> = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ";") {
      cells.push(cell)
      cell = ""
    } else cell += ch
  }
  cells.push(cell)
  return cells
}

const SECTIONS = ["META", "PROJECTS", "VOTES"] as const
type Section = (typeof SECTIONS)[number]

const isNumber = (s: string) => s.trim() !== "" && Number.isFinite(Number(s))

/**
 * Reads a `.pb` file, or returns every problem with its line and column.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const text = [
 *   "META", "key;value", "budget;100", "vote_type;approval",
 *   "PROJECTS", "project_id;cost", "1;60", "2;50",
 *   "VOTES", "voter_id;vote", "a;1,2", "b;2"
 * ].join("\n")
 * const file = Agenda.Pabulib.parse(text)
 * if (Either.isRight(file)) console.log(file.right.projects.length) // 2
 * ```
 * @since 0.1.0
 */
export const parse = (text: string, subject = "pb file"): Either.Either<PbFile, AgendaInputError> => {
  const problems: Array<Problem> = []
  const meta: Array<readonly [string, string]> = []
  const projects: Array<Project> = []
  const votes: Array<VoteRow> = []
  const seen = new Set<Section>()
  let section: Section | undefined
  let header: Array<string> | undefined
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, index) => {
    const lineNo = index + 1
    const line = raw.replace(/^\uFEFF/, "")
    if (line.trim() === "") return
    const name = line.trim() as Section
    if (SECTIONS.includes(name)) {
      if (seen.has(name)) problems.push({ path: `line ${lineNo}`, message: `section ${name} appears twice` })
      seen.add(name)
      section = name
      header = undefined
      return
    }
    const cells = splitRow(line)
    if (section === undefined) {
      problems.push({ path: `line ${lineNo}`, message: "expected a section name (META, PROJECTS or VOTES) first" })
      return
    }
    if (header === undefined) {
      header = cells.map((c) => c.trim())
      const required =
        section === "META" ? ["key", "value"] : section === "PROJECTS" ? ["project_id", "cost"] : ["voter_id", "vote"]
      for (const column of required)
        if (!header.includes(column))
          problems.push({ path: `line ${lineNo}`, message: `the ${section} header needs a column ${column}` })
      return
    }
    // Like Python's csv.DictReader (which pabutools uses), a short row leaves the last columns empty
    // and empty cells after the last column (a trailing ";") are ignored; anything else is a problem.
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== "")) {
      problems.push({
        path: `line ${lineNo}`,
        message: `expected ${header.length} cells as in the ${section} header, got ${cells.length}`
      })
      return
    }
    const row: Record<string, string> = {}
    header.forEach((column, k) => {
      row[column] = cells[k] ?? ""
    })
    const { key, value, project_id, cost, voter_id, vote, points, ...rest } = row
    if (section === "META") meta.push([key ?? "", value ?? ""])
    else if (section === "PROJECTS") {
      if (!isNumber(cost ?? ""))
        problems.push({ path: `line ${lineNo}.cost`, message: `expected a number, got "${cost}"` })
      projects.push({ id: (project_id ?? "").trim(), cost: Number(cost), fields: rest })
    } else {
      const ids = (vote ?? "").trim() === "" ? [] : (vote ?? "").split(",").map((s) => s.trim())
      const pts = points === undefined ? undefined : points.trim() === "" ? [] : points.split(",")
      if (pts !== undefined && pts.length !== ids.length)
        problems.push({
          path: `line ${lineNo}.points`,
          message: `expected ${ids.length} points, one per project voted for, got ${pts.length}`
        })
      if (pts?.some((p) => !isNumber(p)))
        problems.push({ path: `line ${lineNo}.points`, message: `expected numbers, got "${points}"` })
      votes.push({
        voterId: (voter_id ?? "").trim(),
        vote: ids,
        ...(pts === undefined ? {} : { points: pts.map(Number) }),
        fields: rest
      })
    }
  })
  for (const name of SECTIONS)
    if (!seen.has(name)) problems.push({ path: "", message: `the section ${name} is missing` })
  return problems.length > 0
    ? Either.left(new AgendaInputError({ subject, problems }))
    : Either.right({ meta, projects, votes })
}

const quote = (cell: string): string => (/[;"\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)

/**
 * Writes a `.pb` file; `parse(write(file))` gives the file back.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * const text = Agenda.Pabulib.write({
 *   meta: [["budget", "100"], ["vote_type", "approval"]],
 *   projects: [{ id: "1", cost: 60, fields: {} }],
 *   votes: [{ voterId: "a", vote: ["1"], fields: {} }]
 * })
 * ```
 * @since 0.1.0
 */
export const write = (file: PbFile): string => {
  const out: Array<string> = ["META", "key;value", ...file.meta.map(([k, v]) => `${quote(k)};${quote(v)}`)]
  const columnsOf = (rows: ReadonlyArray<{ fields: Readonly<Record<string, string>> }>) => {
    const columns: Array<string> = []
    for (const row of rows) for (const c of Object.keys(row.fields)) if (!columns.includes(c)) columns.push(c)
    return columns
  }
  const projectColumns = columnsOf(file.projects)
  out.push("PROJECTS", ["project_id", "cost", ...projectColumns].join(";"))
  for (const p of file.projects)
    out.push([p.id, String(p.cost), ...projectColumns.map((c) => p.fields[c] ?? "")].map(quote).join(";"))
  const withPoints = file.votes.some((v) => v.points !== undefined)
  const voteColumns = columnsOf(file.votes)
  out.push("VOTES", ["voter_id", "vote", ...(withPoints ? ["points"] : []), ...voteColumns].join(";"))
  for (const v of file.votes)
    out.push(
      [
        v.voterId,
        v.vote.join(","),
        ...(withPoints ? [(v.points ?? []).join(",")] : []),
        ...voteColumns.map((c) => v.fields[c] ?? "")
      ]
        .map(quote)
        .join(";")
    )
  return `${out.join("\n")}\n`
}

/**
 * The value of a META key, if present.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Pabulib.metaValue({ meta: [["budget", "100"]], projects: [], votes: [] }, "budget") // "100"
 * ```
 * @since 0.1.0
 */
export const metaValue = (file: PbFile, key: string): string | undefined => file.meta.find(([k]) => k === key)?.[1]

/**
 * Turns a `.pb` file into an {@link Election}: approval and choose-1 become approval votes,
 * cumulative becomes dots, scoring becomes scores (from `min_points`, default 0), ordinal becomes
 * a ranking. Every problem (unknown vote type, a vote for a project not in the file, a missing
 * budget) is returned with its path.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const text = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;60\nVOTES\nvoter_id;vote\na;1\n"
 * const election = Either.flatMap(Agenda.Pabulib.parse(text), Agenda.Pabulib.toElection)
 * ```
 * @since 0.1.0
 */
export const toElection = (file: PbFile): Either.Either<Election, AgendaInputError> => {
  const problems: Array<Problem> = []
  const budgetText = metaValue(file, "budget")
  const budget = Number(budgetText)
  if (budgetText === undefined || !isNumber(budgetText))
    problems.push({ path: "META.budget", message: `expected a number, got ${JSON.stringify(budgetText)}` })
  const voteType = metaValue(file, "vote_type") ?? "approval"
  const minPoints = Number(metaValue(file, "min_points") ?? "0")
  const known = new Set(file.projects.map((p) => p.id))
  const toVote = (row: VoteRow, v: number): Vote => {
    row.vote.forEach((id, k) => {
      if (!known.has(id))
        problems.push({
          path: `VOTES[${v}].vote[${k}]`,
          message: `project ${id} of voter ${row.voterId} is not in PROJECTS`
        })
    })
    const points = row.points ?? row.vote.map(() => 1)
    switch (voteType) {
      case "approval":
      case "choose-1":
        return { _tag: "approval", themeIds: row.vote }
      case "cumulative":
        return { _tag: "dots", dots: row.vote.map((themeId, k) => ({ themeId, dots: points[k] ?? 0 })) }
      case "scoring":
        return { _tag: "scores", scores: row.vote.map((themeId, k) => ({ themeId, score: points[k] ?? 0 })) }
      case "ordinal":
        return { _tag: "ranking", ranking: row.vote }
      default:
        return { _tag: "approval", themeIds: row.vote }
    }
  }
  if (!["approval", "choose-1", "cumulative", "scoring", "ordinal"].includes(voteType))
    problems.push({
      path: "META.vote_type",
      message: `expected approval, choose-1, cumulative, scoring or ordinal, got ${JSON.stringify(voteType)}`
    })
  const votes = file.votes.map(toVote)
  if (problems.length > 0) return Either.left(new AgendaInputError({ subject: "pb file", problems }))
  return Either.right({
    budget,
    candidates: file.projects.map((p) => ({ id: p.id, cost: p.cost })),
    votes,
    minScore: voteType === "scoring" ? minPoints : 0,
    voterIds: file.votes.map((v) => v.voterId)
  })
}
