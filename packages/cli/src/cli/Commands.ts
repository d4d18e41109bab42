/**
 * The commands of `grenzeloos`, each a thin layer over the community's use cases
 * (`Services.UseCases` of `@grenzeloos/core`): parse the options, call the use case as the
 * programme team, print the result as text or `--json`. No command reads or writes the store
 * itself. Each command group is a module of its own in `commands/`: its options declared once,
 * small handlers, the domain work in the use cases.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */
import { readFileSync } from "node:fs"
import { Command, type ValidationError } from "@effect/cli"
import type { FileSystem, Path, Terminal } from "@effect/platform"
import { Effect } from "effect"
import * as Agenda from "./commands/Agenda.js"
import * as Facilitators from "./commands/Facilitators.js"
import * as Groups from "./commands/Groups.js"
import * as Init from "./commands/Init.js"
import * as Intakes from "./commands/Intakes.js"
import * as Invite from "./commands/Invite.js"
import * as Meeting from "./commands/Meeting.js"
import * as Members from "./commands/Members.js"
import * as Outbox from "./commands/Outbox.js"
import * as Poll from "./commands/Poll.js"
import * as Privacy from "./commands/Privacy.js"
import * as Report from "./commands/Report.js"
import * as Sessions from "./commands/Sessions.js"
import * as Themes from "./commands/Themes.js"
import * as Vote from "./commands/Vote.js"
import type * as ExitCode from "./ExitCode.js"

const grenzeloos = Command.make("grenzeloos").pipe(
  Command.withDescription(
    "Grenzeloos Samenwerken: leden, leergroepen, programma en datum van een community van programmadirecteuren."
  ),
  Command.withSubcommands([
    Init.command,
    Members.command,
    Facilitators.command,
    Intakes.command,
    Groups.command,
    Themes.command,
    Vote.command,
    Agenda.command,
    Meeting.command,
    Poll.command,
    Invite.command,
    Sessions.command,
    Outbox.command,
    Report.command,
    Privacy.exportCommand,
    Privacy.forgetCommand
  ])
)

declare const __GRENZELOOS_VERSION__: string | undefined

/**
 * The version printed by `grenzeloos --version`: the package's version (built in by tsup, or
 * read from `package.json` when run from the sources).
 *
 * @since 0.1.0
 */
export const version: string =
  typeof __GRENZELOOS_VERSION__ === "string"
    ? __GRENZELOOS_VERSION__
    : (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version

/**
 * The command tree itself, for reading its options (the choices of `--lang`, `--method`, …).
 *
 * @since 0.2.0
 */
export const root = grenzeloos

/**
 * The `grenzeloos` command with all its subcommands, ready to run on the arguments as Node.js
 * gives them, running `started` once the arguments are parsed and a command's handler begins
 * (what is printed before that is `@effect/cli`'s own report of bad arguments).
 *
 * @since 0.2.0
 */
export const cliWith = (
  started: Effect.Effect<void>
): ((
  args: ReadonlyArray<string>
) => Effect.Effect<
  void,
  ExitCode.Failure | ValidationError.ValidationError,
  FileSystem.FileSystem | Path.Path | Terminal.Terminal
>) =>
  Command.run(
    Command.transformHandler(grenzeloos, (handler) => Effect.zipRight(started, handler)),
    { name: "grenzeloos", version }
  )

/**
 * The `grenzeloos` command with all its subcommands, ready to run on the arguments as Node.js
 * gives them (`process.argv`: the executable and the script first). Help, `--version`, shell
 * completions (`--completions bash|zsh|fish`) and `--wizard` come with `@effect/cli`.
 *
 * @since 0.1.0
 */
export const cli: (
  args: ReadonlyArray<string>
) => Effect.Effect<
  void,
  ExitCode.Failure | ValidationError.ValidationError,
  FileSystem.FileSystem | Path.Path | Terminal.Terminal
> = cliWith(Effect.void)
