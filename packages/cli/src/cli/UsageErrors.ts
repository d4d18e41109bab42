/**
 * What was wrong with the arguments, as the person at the command line reads it: `@effect/cli`
 * writes its own parse errors in English and often without the option ("Expected one of the
 * following cases: nl, en", "'twee' is not a integer"); here they are said in the `--lang`
 * language, naming the option the person typed and what it takes. The options' own checks
 * (`--date`, `--size`) write both languages as `nl / en` and are cut to one here.
 *
 * @internal
 */
import { HelpDoc, type ValidationError } from "@effect/cli"
import * as Texts from "./Texts.js"

type Language = "nl" | "en"

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g")

/** The plain text of an error's help document. */
export const textOf = (error: ValidationError.ValidationError): string =>
  HelpDoc.toAnsiText(error.error).replace(ANSI, "").trim()

/** Every choice option of a command tree (`--lang` → `nl`, `en`), read from its descriptor. */
export const choicesOf = (root: unknown): ReadonlyMap<string, ReadonlyArray<string>> => {
  const found = new Map<string, ReadonlyArray<string>>()
  const seen = new Set<object>()
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return
    seen.add(node)
    const n = node as Record<string, unknown>
    const primitive = n.primitiveType as { _tag?: unknown; alternatives?: unknown } | undefined
    if (
      n._tag === "Single" &&
      typeof n.fullName === "string" &&
      primitive?._tag === "Choice" &&
      Array.isArray(primitive.alternatives)
    )
      found.set(
        n.fullName,
        primitive.alternatives.map((a) => String((a as ReadonlyArray<unknown>)[0]))
      )
    for (const value of Array.isArray(node) ? node : Object.values(n)) visit(value)
  }
  visit(root)
  return found
}

/** The option a value was typed after (`--days twee` or `--days=twee`), if any. */
const optionBefore = (argv: ReadonlyArray<string>, value: string): string | undefined => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ""
    if (a.startsWith("--") && a.includes("=") && a.slice(a.indexOf("=") + 1) === value)
      return a.slice(0, a.indexOf("="))
    if (argv[i + 1] === value && a.startsWith("-")) return a
  }
  return undefined
}

/** The value typed after an option, if any. */
const valueAfter = (argv: ReadonlyArray<string>, option: string): string | undefined => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ""
    if (a.startsWith(`${option}=`)) return a.slice(option.length + 1)
    if (a === option) return argv[i + 1]
  }
  return undefined
}

/**
 * The message for an error of the arguments, in one language, naming the option.
 *
 * @param choices the choice options of the command tree ({@link choicesOf})
 */
export const message = (
  error: ValidationError.ValidationError,
  argv: ReadonlyArray<string>,
  language: Language,
  choices: ReadonlyMap<string, ReadonlyArray<string>>
): string => {
  const text = textOf(error)
  const texts = Texts.of(language)
  // An option's own check, written as "--option: Dutch / English".
  const own = /^(--[\w-]+): (.+?) \/ (.+)$/s.exec(text)
  if (own !== null) return `${own[1]}: ${language === "en" ? own[3] : own[2]}`
  const choice = /^Expected one of the following cases: (.+)$/s.exec(text)
  if (choice !== null) {
    const cases = (choice[1] ?? "").split(", ")
    const option = [...choices].find(
      ([name, alternatives]) =>
        alternatives.join(", ") === cases.join(", ") && argv.some((a) => a === name || a.startsWith(`${name}=`))
    )?.[0]
    const typed = option === undefined ? undefined : valueAfter(argv, option)
    return `${option === undefined ? "" : `${option}: `}${texts.chooseOne(cases, typed)}`
  }
  const typed = /^'(.*)' is not a (\w+)$/s.exec(text)
  if (typed !== null) {
    const value = typed[1] ?? ""
    const option = optionBefore(argv, value)
    return `${option === undefined ? "" : `${option}: `}${texts.expectedType(typed[2] ?? "", value)}`
  }
  const missing = /^Expected to find option: '(.+)'$/.exec(text)
  if (missing !== null) return texts.optionMissing(missing[1] ?? "")
  const twice = /^More than one reference to option '(.+)' detected$/.exec(text)
  if (twice !== null) return texts.optionTwice(twice[1] ?? "")
  const argument = /^Missing argument (<[^>]+>|\w+)/.exec(text)
  if (argument !== null) return texts.argumentMissing(argument[1] ?? "")
  const unknown = /^Received unknown argument: '(.*)'$/s.exec(text)
  if (unknown !== null) return texts.unknownArgument(unknown[1] ?? "")
  const subcommand = /^Invalid subcommand for (\S+) - use one of (.+)$/s.exec(text)
  if (subcommand !== null) {
    const commands = (subcommand[2] ?? "").split(", ").map((c) => c.replace(/^'|'$/g, ""))
    const where = subcommand[1] === "grenzeloos" ? "grenzeloos" : `grenzeloos … ${subcommand[1]}`
    // Options such as --db belong after the command: `grenzeloos --db x init` is not understood.
    const optionFirst = argv[0]?.startsWith("-") === true ? argv[0] : undefined
    return texts.needsCommand(where, commands, optionFirst)
  }
  const path = /^Path '(.*)' must (not )?exist$/s.exec(text)
  if (path !== null) {
    const value = path[1] ?? ""
    const option = optionBefore(argv, value)
    const where = option === undefined ? "" : `${option}: `
    return `${where}${path[2] === undefined ? texts.fileMissing(value) : texts.fileExists(value)}`
  }
  return text
}
