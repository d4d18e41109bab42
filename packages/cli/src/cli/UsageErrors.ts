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

const or = (language: Language, items: ReadonlyArray<string>) =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${language === "en" ? "or" : "of"} ${items[items.length - 1]}`

const say = (language: Language, nl: string, en: string) => (language === "en" ? en : nl)

const TYPES: Readonly<Record<string, readonly [string, string]>> = {
  integer: ["een geheel getal, bijv. 14", "a whole number, e.g. 14"],
  float: ["een getal, bijv. 1.5", "a number, e.g. 1.5"],
  boolean: ["ja of nee (true of false)", "true or false"],
  date: ["een datum, bijv. 2027-06-03", "a date, e.g. 2027-06-03"]
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
  const help = say(language, "zie --help voor wat kan", "see --help for what is possible")
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
    const prefix = option === undefined ? "" : `${option}: `
    const not = typed === undefined ? "" : say(language, `, niet "${typed}"`, `, not "${typed}"`)
    return `${prefix}${say(language, "kies", "choose")} ${or(language, cases)}${not}`
  }
  const typed = /^'(.*)' is not a (\w+)$/s.exec(text)
  if (typed !== null) {
    const value = typed[1] ?? ""
    const option = optionBefore(argv, value)
    const expected = TYPES[typed[2] ?? ""]?.[language === "en" ? 1 : 0] ?? typed[2]
    return `${option === undefined ? "" : `${option}: `}${say(language, `verwacht ${expected}, niet "${value}"`, `expected ${expected}, not "${value}"`)}`
  }
  const missing = /^Expected to find option: '(.+)'$/.exec(text)
  if (missing !== null)
    return say(
      language,
      `${missing[1]} ontbreekt; deze opdracht heeft die optie nodig (${help})`,
      `${missing[1]} is missing; this command needs it (${help})`
    )
  const twice = /^More than one reference to option '(.+)' detected$/.exec(text)
  if (twice !== null)
    return say(
      language,
      `${twice[1]} staat er meer dan eens; geef hem één keer`,
      `${twice[1]} is given more than once; give it once`
    )
  const argument = /^Missing argument (<[^>]+>|\w+)/.exec(text)
  if (argument !== null)
    return say(
      language,
      `het argument ${argument[1]} ontbreekt (${help})`,
      `the argument ${argument[1]} is missing (${help})`
    )
  const unknown = /^Received unknown argument: '(.*)'$/s.exec(text)
  if (unknown !== null)
    return say(
      language,
      `onbekend argument "${unknown[1]}"; staat er een optie verkeerd gespeld, of een waarde met spaties zonder aanhalingstekens? (${help})`,
      `unknown argument "${unknown[1]}"; is an option misspelt, or a value with spaces not in quotes? (${help})`
    )
  const subcommand = /^Invalid subcommand for (\S+) - use one of (.+)$/s.exec(text)
  if (subcommand !== null) {
    const commands = (subcommand[2] ?? "").split(", ").map((c) => c.replace(/^'|'$/g, ""))
    const where = subcommand[1] === "grenzeloos" ? "grenzeloos" : `grenzeloos … ${subcommand[1]}`
    // Options such as --db belong after the command: `grenzeloos --db x init` is not understood.
    const optionFirst = argv[0]?.startsWith("-") === true
    return say(
      language,
      `na ${where} hoort een opdracht: ${or(language, commands)}${optionFirst ? `; opties zoals ${argv[0]} komen na de opdracht (grenzeloos init ${argv[0]} …)` : ""} (${help})`,
      `${where} needs a command: ${or(language, commands)}${optionFirst ? `; options such as ${argv[0]} go after the command (grenzeloos init ${argv[0]} …)` : ""} (${help})`
    )
  }
  const path = /^Path '(.*)' must (not )?exist$/s.exec(text)
  if (path !== null) {
    const value = path[1] ?? ""
    const option = optionBefore(argv, value)
    const where = option === undefined ? "" : `${option}: `
    return path[2] === undefined
      ? say(
          language,
          `${where}het bestand ${value} bestaat niet; controleer het pad`,
          `${where}the file ${value} does not exist; check the path`
        )
      : say(
          language,
          `${where}${value} bestaat al; kies een andere naam`,
          `${where}${value} exists already; choose another name`
        )
  }
  return text
}
