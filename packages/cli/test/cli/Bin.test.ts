// The grenzeloos executable as a shell runs it: a separate process, its exit codes and streams.
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "../../../..")
const bin = resolve(import.meta.dirname, "../../src/bin.ts")
const dir = mkdtempSync(join(tmpdir(), "grenzeloos-bin-"))

const grenzeloos = (...args: ReadonlyArray<string>) => {
  const ran = spawnSync(join(root, "node_modules/.bin/tsx"), ["--conditions=@grenzeloos/source", bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", GRENZELOOS_DB: join(dir, "bin.db") },
    timeout: 60_000
  })
  return { code: ran.status, stdout: ran.stdout, stderr: ran.stderr }
}

describe("the grenzeloos executable", () => {
  it("prints help that names every command, and exits 0", () => {
    const ran = grenzeloos("--help")
    expect(ran.code).toBe(0)
    for (const command of [
      "init",
      "members",
      "facilitators",
      "intakes",
      "groups",
      "themes",
      "vote",
      "agenda",
      "meeting",
      "invite",
      "report",
      "export",
      "forget"
    ]) {
      expect(ran.stdout).toContain(command)
    }
  })

  it("has help on a subcommand, with its options", () => {
    const ran = grenzeloos("groups", "form", "--help")
    expect(ran.code).toBe(0)
    expect(ran.stdout).toContain("--round")
    expect(ran.stdout).toContain("--size")
    expect(ran.stdout).toContain("--json")
  })

  it("writes shell completions", () => {
    const ran = grenzeloos("--completions", "bash")
    expect(ran.code).toBe(0)
    expect(ran.stdout).toContain("_grenzeloos_bash_completions")
  })

  it("exits 1 on an unknown command or a missing file", () => {
    expect(grenzeloos("frobnicate").code).toBe(1)
    expect(grenzeloos("members", "import", "bestaat-niet.csv").code).toBe(1)
  })

  it("exits 2 on a member list without a header row, saying what it expected", () => {
    writeFileSync(join(dir, "leeg.csv"), "a;b\n1;2\n")
    const ran = grenzeloos("members", "import", "leeg.csv")
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain("geen kopregel gevonden")
    expect(ran.stdout).toBe("")
  })

  it("exits 0 after init, and 4 for a member that is not there, as JSON on stdout", () => {
    expect(grenzeloos("init", "--name", "Rijk").code).toBe(0)
    const ran = grenzeloos("export", "member", "m-0404", "--json")
    expect(ran.code).toBe(4)
    expect(JSON.parse(ran.stdout)).toMatchObject({ exitCode: 4, error: { _tag: "NotFound" } })
  })
})
