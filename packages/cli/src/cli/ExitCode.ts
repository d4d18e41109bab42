/**
 * The exit codes of the `grenzeloos` command, and which error gives which. Scripts can rely on
 * them: they are part of the command's interface (see the README).
 *
 * | code | meaning |
 * | ---- | ------- |
 * | 0 | done |
 * | 1 | usage: an unknown command or option, a missing argument |
 * | 2 | invalid input: a file or value that does not decode, rows with problems |
 * | 3 | not allowed or conflicting: a missing right, a record in another state, a concurrent change |
 * | 4 | not found: an id that names nothing in this community |
 * | 5 | cannot be done with these data: no grouping, programme or date meets the rules |
 * | 6 | storage unavailable: the database cannot be opened, reached or migrated |
 * | 70 | internal error: a bug; please report it |
 *
 * @since 0.1.0
 */

/**
 * The exit codes by name.
 *
 * @example
 * ```ts
 * import { ExitCode } from "@grenzeloos/cli"
 *
 * process.exitCode = ExitCode.ExitCode.invalidInput // 2
 * ```
 * @since 0.1.0
 */
export const ExitCode = {
  ok: 0,
  usage: 1,
  invalidInput: 2,
  notAllowed: 3,
  notFound: 4,
  infeasible: 5,
  storageUnavailable: 6,
  internal: 70
} as const
/** @since 0.1.0 */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * The exit code of every failure the command can end with, by its `_tag`. The commands' error type
 * is {@link Failure}, made from these keys: a command that can fail with an error whose tag is not
 * here does not compile, so a new error is given its code here instead of exiting 70 unnoticed.
 *
 * @example
 * ```ts
 * import { ExitCode } from "@grenzeloos/cli"
 *
 * ExitCode.byTag.GatheringStateError // 3
 * ```
 * @since 0.2.0
 */
export const byTag = {
  DecodeError: ExitCode.invalidInput,
  MemberFileError: ExitCode.invalidInput,
  SpreadsheetError: ExitCode.invalidInput,
  SpreadsheetTooLarge: ExitCode.invalidInput,
  InvalidRows: ExitCode.invalidInput,
  Unwritable: ExitCode.invalidInput,
  // A path the person gave (a file to read, a folder to write) that the file system refuses.
  SystemError: ExitCode.invalidInput,
  BadArgument: ExitCode.invalidInput,
  BadOption: ExitCode.invalidInput,
  DatabaseUnreadable: ExitCode.storageUnavailable,
  PlaceholderOrganizer: ExitCode.invalidInput,
  NoTransport: ExitCode.invalidInput,
  AgendaInputError: ExitCode.invalidInput,
  SchedulingInputError: ExitCode.invalidInput,
  ICalendarInputError: ExitCode.invalidInput,
  StoreInvalidRequest: ExitCode.invalidInput,
  // A message that cannot be written from what was typed (a line break in a name, ids too long).
  RenderError: ExitCode.invalidInput,
  // An environment variable (GRENZELOOS_*) with a value that does not decode.
  ConfigError: ExitCode.invalidInput,
  NotAllowed: ExitCode.notAllowed,
  MemberCannotAct: ExitCode.notAllowed,
  InvalidState: ExitCode.notAllowed,
  // A gathering asked for a step its state does not allow (closing one that was never held).
  GatheringStateError: ExitCode.notAllowed,
  NotConfirmed: ExitCode.usage,
  NothingToDo: ExitCode.notFound,
  StoreConflict: ExitCode.notAllowed,
  NotFound: ExitCode.notFound,
  GroupingInfeasible: ExitCode.infeasible,
  AgendaInfeasible: ExitCode.infeasible,
  SchoolHolidaysUnavailable: ExitCode.infeasible,
  StoreUnavailable: ExitCode.storageUnavailable,
  StoreMigrationError: ExitCode.storageUnavailable,
  StoreDecodeError: ExitCode.storageUnavailable,
  StoreLeaseLost: ExitCode.storageUnavailable,
  DatabaseMissing: ExitCode.storageUnavailable
} as const satisfies Readonly<Record<string, ExitCode>>

/**
 * A failure a command may end with: anything tagged with a key of {@link byTag}.
 *
 * @since 0.2.0
 */
export interface Failure {
  readonly _tag: keyof typeof byTag
}

const isKnown = (tag: string): tag is keyof typeof byTag => Object.hasOwn(byTag, tag)

/**
 * The exit code of an expected failure, by its `_tag`; an unknown failure is an internal error.
 *
 * @example
 * ```ts
 * import { ExitCode } from "@grenzeloos/cli"
 *
 * ExitCode.of({ _tag: "NotFound" }) // 4
 * ```
 * @since 0.1.0
 */
export const of = (error: unknown): ExitCode => {
  const tag = typeof error === "object" && error !== null && "_tag" in error ? String(error._tag) : ""
  return isKnown(tag) ? byTag[tag] : ExitCode.internal
}
