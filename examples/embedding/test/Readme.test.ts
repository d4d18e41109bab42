import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..", "..")

describe("the README's embedding example", () => {
  it("is this example, word for word (so the README cannot drift from code that compiles)", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8")
    const example = readFileSync(join(import.meta.dirname, "..", "src", "main.ts"), "utf8")
    expect(readme).toContain(["```ts", example.trimEnd(), "```"].join("\n"))
  })

  it("runs and reports both problems of the second member with their paths", () => {
    let stderr = ""
    try {
      execFileSync(process.execPath, ["--conditions=@grenzeloos/source", "--import", "tsx", "src/main.ts"], {
        cwd: join(import.meta.dirname, ".."),
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"]
      })
    } catch (error) {
      stderr = String((error as { stderr?: unknown }).stderr)
    }
    expect(stderr).toContain("request body: 2 problems in the input")
    expect(stderr).toContain(
      "members[1].email: expected an e-mail address such as naam@ministerie.nl, but the part after the @ has no dot"
    )
    expect(stderr).toContain('members[1].joinedOn: expected a date written YYYY-MM-DD, got "2026-02-30"')
  })
})
