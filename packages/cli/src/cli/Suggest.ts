/**
 * "Did you mean": a command that is one or two letters off (`member import`) is answered with the
 * command that exists (`members import`), before `@effect/cli` lists every command.
 *
 * @internal
 */
import * as Texts from "./Texts.js"

/** The commands and their subcommands, as `Commands.ts` assembles them. */
export const COMMANDS: Readonly<Record<string, ReadonlyArray<string>>> = {
  init: [],
  members: ["import", "list"],
  facilitators: ["add", "list"],
  intakes: ["plan", "record"],
  groups: ["form"],
  themes: ["add", "list", "edit", "withdraw"],
  vote: ["open", "import", "withdraw", "close"],
  agenda: ["prioritise"],
  meeting: ["plan", "candidates", "decide", "move", "cancel"],
  poll: ["request", "import", "answer"],
  invite: [],
  sessions: ["plan"],
  outbox: ["send", "status", "retry"],
  report: [],
  export: ["member"],
  forget: ["member"]
}

/** Levenshtein distance, for words of a few letters. */
export const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
    previous = current
  }
  return previous[b.length] ?? 0
}

const nearest = (word: string, among: ReadonlyArray<string>): string | undefined => {
  const ranked = among
    .map((name) => ({ name, d: distance(word.toLowerCase(), name) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(x.name.length / 3)))
    .sort((a, b) => a.d - b.d)
  return ranked[0]?.name
}

/**
 * The message for a mistyped command, or `undefined` when the command exists (or is too far
 * from any to guess).
 */
export const typo = (argv: ReadonlyArray<string>, language: "nl" | "en"): string | undefined => {
  const [first, second] = argv
  if (first === undefined || first.startsWith("-")) return undefined
  const say = (suggestion: string) =>
    Texts.of(language).unknownCommand(argv.slice(0, suggestion.split(" ").length).join(" "), suggestion)
  const subcommands = COMMANDS[first]
  if (subcommands === undefined) {
    const group = nearest(first, Object.keys(COMMANDS))
    if (group === undefined) return undefined
    const subs = COMMANDS[group] ?? []
    const sub =
      second === undefined || second.startsWith("-")
        ? undefined
        : subs.includes(second)
          ? second
          : nearest(second, subs)
    return say(sub === undefined ? group : `${group} ${sub}`)
  }
  if (subcommands.length === 0 || second === undefined || second.startsWith("-") || subcommands.includes(second))
    return undefined
  const sub = nearest(second, subcommands)
  return sub === undefined ? undefined : say(`${first} ${sub}`)
}
