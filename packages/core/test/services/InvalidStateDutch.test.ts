// Every guard of the use cases tells a Dutch user in Dutch: each `new InvalidState({...})` in
// the services carries `nl` with its own subject, problem and hint.
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { InvalidState } from "../../src/services/Errors.js"

const dir = fileURLToPath(new URL("../../src/services/", import.meta.url))

// The text between `new InvalidState(` and its closing parenthesis. Brackets inside strings and
// template literals do not count; those inside a template's `${...}` do.
const constructions = (source: string): ReadonlyArray<string> => {
  const found: Array<string> = []
  let at = source.indexOf("new InvalidState(")
  while (at !== -1) {
    const open = at + "new InvalidState".length
    // One frame per nesting: code (with its bracket depth) or a template literal.
    const frames: Array<{ template: boolean; depth: number }> = [{ template: false, depth: 0 }]
    let end = open
    for (; end < source.length; end++) {
      const c = source[end]
      const frame = frames[frames.length - 1] as { template: boolean; depth: number }
      if (frame.template) {
        if (c === "\\") end++
        else if (c === "`") frames.pop()
        else if (c === "$" && source[end + 1] === "{") {
          frames.push({ template: false, depth: 1 })
          end++
        }
        continue
      }
      if (c === '"' || c === "'") {
        for (end++; end < source.length && source[end] !== c; end++) if (source[end] === "\\") end++
      } else if (c === "`") frames.push({ template: true, depth: 0 })
      else if (c === "(" || c === "{" || c === "[") frame.depth++
      else if (c === ")" || c === "}" || c === "]") {
        frame.depth--
        if (frame.depth === 0) {
          if (frames.length === 1) break
          frames.pop()
        }
      }
    }
    found.push(source.slice(open, end + 1))
    at = source.indexOf("new InvalidState(", end)
  }
  return found
}

describe("InvalidState in Dutch", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"))
  const all = files.flatMap((file) =>
    constructions(readFileSync(`${dir}${file}`, "utf8")).map((text) => ({ file, text }))
  )

  // A sanity check of the scanner, not a quota: guards shared through GatheringSupport and
  // ProgrammeSupport (and the life-cycle table) count once.
  it("finds the guards of the services", () => {
    expect(all.length).toBeGreaterThanOrEqual(30)
  })

  it("gives every guard a Dutch subject, problem and hint", () => {
    const without = all
      .filter(({ text }) => !/\bnl: \{[\s\S]*\bsubject:[\s\S]*\bproblem:[\s\S]*\bhint:[\s\S]*\}/.test(text))
      .map(({ file, text }) => `${file}: ${text.slice(0, 120)}`)
    expect(without).toEqual([])
  })

  it("keeps the English message and carries the Dutch parts", () => {
    const error = new InvalidState({
      subject: "voting-round v-1",
      problem: "is closed",
      hint: "open a new voting round",
      nl: { subject: "stemronde v-1", problem: "is gesloten", hint: "open een nieuwe stemronde" }
    })
    expect(error.message).toBe("voting-round v-1 is closed: open a new voting round")
    expect(error.nl).toEqual({ subject: "stemronde v-1", problem: "is gesloten", hint: "open een nieuwe stemronde" })
    expect(new InvalidState({ subject: "a", problem: "b", hint: "c" }).nl).toBeUndefined()
  })
})
