// A fresh community in a SQLite file of its own, for one command group's tests.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Synthetic } from "@grenzeloos/testkit"
import { Redacted } from "effect"
import { grenzeloos, type Ran } from "../cli/Run.js"

export interface Community {
  readonly dir: string
  readonly db: string
  /** Runs a command as `anouk` of the programme team in this community. */
  readonly at: (...argv: ReadonlyArray<string>) => Promise<Ran>
  /** Runs a command with `--json` and returns what it printed, failing on a non-zero exit. */
  // biome-ignore lint/suspicious/noExplicitAny: the JSON a command prints, read field by field as a script would.
  readonly json: (...argv: ReadonlyArray<string>) => Promise<any>
}

export const community = async (
  options: { readonly members?: number; readonly teamEmail?: string | null } = {}
): Promise<Community> => {
  const dir = mkdtempSync(join(tmpdir(), "grenzeloos-group-"))
  const db = join(dir, "grenzeloos.db")
  const at = (...argv: ReadonlyArray<string>) => grenzeloos(...argv, "--db", db, "--community", "rijk", "--as", "anouk")
  const json = async (...argv: ReadonlyArray<string>) => {
    const ran = await at(...argv, "--json")
    if (ran.code !== 0) throw new Error(`grenzeloos ${argv.join(" ")}: exit ${ran.code}\n${ran.stdout}\n${ran.stderr}`)
    return JSON.parse(ran.stdout)
  }
  const teamEmail = options.teamEmail === undefined ? "anouk.bakker@minbzk.nl" : options.teamEmail
  const init = await at(
    "init",
    "--name",
    "Programmadirecteuren Rijk",
    ...(teamEmail === null ? [] : ["--team-name", "Anouk Bakker", "--team-email", teamEmail])
  )
  if (init.code !== 0) throw new Error(init.stderr)
  const count = options.members ?? 0
  if (count > 0) {
    const generated = Synthetic.community({ seed: 5, members: count })
    const file = join(dir, "leden.csv")
    writeFileSync(
      file,
      `Naam;E-mail;Organisatie;Programma;Status\n${generated.members
        .map((m) => [m.name, Redacted.value(m.email), m.organisation, m.programme, "actief"].join(";"))
        .join("\n")}\n`
    )
    const imported = await at("members", "import", file)
    if (imported.code !== 0) throw new Error(imported.stderr)
  }
  return { dir, db, at, json }
}
