/**
 * Running `grenzeloos`: the command line's arguments in, an exit code out (see {@link ExitCode}),
 * every failure printed as a message a person can act on (or as JSON with `--json`). The binary
 * calls {@link main}; tests call {@link run} in-process.
 *
 * @since 0.1.0
 */
import { ValidationError } from "@effect/cli"
import type { FileSystem, Path, Terminal } from "@effect/platform"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Cause, Console, Effect } from "effect"
import { cliWith, root } from "./Commands.js"
import * as ExitCode from "./ExitCode.js"
import * as Messages from "./Messages.js"
import * as Suggest from "./Suggest.js"
import * as Texts from "./Texts.js"
import * as UsageErrors from "./UsageErrors.js"

// The language of messages before the options are parsed (a failure can come from parsing).
const languageOf = (argv: ReadonlyArray<string>) => {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="))
  const value = i < 0 ? process.env.GRENZELOOS_LANG : (argv[i]?.split("=")[1] ?? argv[i + 1])
  return value === "en" ? "en" : "nl"
}

const messageOf = (error: unknown): string =>
  error instanceof Error || (typeof error === "object" && error !== null && "message" in error)
    ? String((error as { message: unknown }).message)
    : String(error)

const describe = (error: unknown): Record<string, unknown> => {
  const tag = typeof error === "object" && error !== null && "_tag" in error ? String(error._tag) : "Error"
  const fields: Record<string, unknown> = {}
  if (typeof error === "object" && error !== null) {
    for (const [key, value] of Object.entries(error)) if (key !== "cause" && key !== "_tag") fields[key] = value
  }
  return { _tag: tag, message: messageOf(error), ...fields }
}

// Help and usage are printed with ANSI colour codes; redirected into a file or a pipe they would be
// noise, so they are taken out unless standard output is a terminal (and NO_COLOR is not set).
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g")
const plain = (args: ReadonlyArray<unknown>) => args.map((a) => (typeof a === "string" ? a.replace(ANSI, "") : a))
// What @effect/cli prints about bad arguments, before any command runs, is held back: the command
// line says it again in the person's language, naming the option (see UsageErrors).
const holdingParseErrors = <A, E, R>(
  program: Effect.Effect<A, E, R>,
  held: Array<ReadonlyArray<unknown>>,
  parsed: () => boolean
): Effect.Effect<A, E, R> =>
  Console.consoleWith((console) =>
    Effect.withConsole(program, {
      ...console,
      error: (...args: ReadonlyArray<unknown>) =>
        parsed() ? console.error(...args) : Effect.sync(() => void held.push(args)),
      unsafe: {
        ...console.unsafe,
        error: (...args: ReadonlyArray<unknown>) => (parsed() ? console.unsafe.error(...args) : void held.push(args))
      }
    })
  )

const withoutColour = <A, E, R>(program: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((console) =>
    Effect.withConsole(program, {
      ...console,
      log: (...args: ReadonlyArray<unknown>) => console.log(...plain(args)),
      error: (...args: ReadonlyArray<unknown>) => console.error(...plain(args)),
      unsafe: {
        ...console.unsafe,
        log: (...args: ReadonlyArray<unknown>) => console.unsafe.log(...plain(args)),
        error: (...args: ReadonlyArray<unknown>) => console.unsafe.error(...plain(args))
      }
    })
  )

/**
 * Runs `grenzeloos` with the given arguments (without `node` and the script) and returns the
 * exit code. Output goes through Effect's `Console`, so a test can capture it. Help carries colour
 * codes only when `colour` is true (by default: when standard output is a terminal and `NO_COLOR`
 * is not set).
 *
 * @example
 * ```ts
 * import * as NodeContext from "@effect/platform-node/NodeContext"
 * import { Effect } from "effect"
 * import { Cli } from "@grenzeloos/cli"
 *
 * const code = Effect.runPromise(Effect.provide(Cli.run(["members", "list", "--db", "test.db"]), NodeContext.layer))
 * ```
 * @since 0.1.0
 */
export const run = (
  argv: ReadonlyArray<string>,
  options: { readonly colour?: boolean } = {}
): Effect.Effect<ExitCode.ExitCode, never, FileSystem.FileSystem | Path.Path | Terminal.Terminal> => {
  const json = argv.includes("--json")
  const texts = Texts.of(languageOf(argv))
  const typo = Suggest.typo(argv, languageOf(argv))
  if (typo !== undefined) return Effect.as(Console.error(typo), ExitCode.ExitCode.usage as ExitCode.ExitCode)
  const colour = options.colour ?? (process.stdout.isTTY === true && process.env.NO_COLOR === undefined)
  const held: Array<ReadonlyArray<unknown>> = []
  let parsed = false
  const started = Effect.sync(() => {
    parsed = true
  })
  return cliWith(started)(["node", "grenzeloos", ...argv]).pipe(
    (program) => holdingParseErrors(program, held, () => parsed),
    (program) => (colour ? program : withoutColour(program)),
    // Whatever was held and is not a parse error (nothing, as far as @effect/cli goes) is printed after all.
    Effect.tap(() => Effect.forEach(held.splice(0), (args) => Console.error(...args), { discard: true })),
    Effect.as(ExitCode.ExitCode.ok as ExitCode.ExitCode),
    Effect.catchAll((error) => {
      // What was wrong with the arguments, in the person's language instead of @effect/cli's English.
      if (ValidationError.isValidationError(error)) {
        held.splice(0)
        const usage = ExitCode.ExitCode.usage as ExitCode.ExitCode
        const said = UsageErrors.message(error, argv, languageOf(argv), UsageErrors.choicesOf(root))
        return json
          ? Effect.as(
              Console.log(JSON.stringify({ error: { _tag: error._tag, message: said }, exitCode: usage }, null, 2)),
              usage
            )
          : Effect.as(said === "" ? Effect.void : Console.error(texts.error(said)), usage)
      }
      const code = ExitCode.of(error)
      const print = json
        ? Console.log(JSON.stringify({ error: describe(error), exitCode: code }, null, 2))
        : Console.error(texts.error(Messages.of(error, languageOf(argv)) ?? messageOf(error)))
      return Effect.as(print, code)
    }),
    Effect.catchAllCause((cause) =>
      Effect.as(
        Console.error(texts.internalError(Cause.pretty(cause))),
        ExitCode.ExitCode.internal as ExitCode.ExitCode
      )
    )
  )
}

/**
 * Runs `grenzeloos` on `process.argv` with Node.js's file system and terminal, and sets the exit
 * code of the process.
 *
 * @example
 * ```ts
 * import { Cli } from "@grenzeloos/cli"
 *
 * Cli.main()
 * ```
 * @since 0.1.0
 */
export const main = (argv: ReadonlyArray<string> = process.argv.slice(2)): Promise<void> =>
  Effect.runPromise(Effect.provide(run(argv), NodeContext.layer)).then((code) => {
    process.exitCode = code
  })
