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

const BY_TAG: Readonly<Record<string, ExitCode>> = {
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
  NotAllowed: ExitCode.notAllowed,
  MemberCannotAct: ExitCode.notAllowed,
  InvalidState: ExitCode.notAllowed,
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
}

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
  return BY_TAG[tag] ?? ExitCode.internal
}
