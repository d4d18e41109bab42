/**
 * The grenzeloos command line as a library: the member import (CSV and Excel), the report.html
 * renderer and the command-line program itself. Only what an embedder uses is exported (decision
 * 0114): `Cli.run`, the exit codes, the report and the import readers; the commands, their output
 * and texts are the program's own.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Running `grenzeloos`: `run(argv)` returns the exit code; `main()` is the binary.
 *
 * @since 0.1.0
 */
export * as Cli from "./cli/Cli.js"
/**
 * The exit codes of `grenzeloos` and which failure gives which.
 *
 * @since 0.1.0
 */
export * as ExitCode from "./cli/ExitCode.js"
/**
 * Approval ballots from a spreadsheet: a member column and one column per theme.
 *
 * @since 0.1.0
 */
export * as Ballots from "./import/Ballots.js"
/**
 * Columns of a member list: Dutch and English headers and finding the header row.
 *
 * @since 0.1.0
 */
export * as Columns from "./import/Columns.js"
/**
 * CSV as spreadsheet programs write it: quoting, CRLF, the separator detected, `sep=;`.
 *
 * @since 0.1.0
 */
export * as Csv from "./import/Csv.js"
/**
 * Members from a spreadsheet, decoded with the domain schemas, every problem with its row and column.
 *
 * @since 0.1.0
 */
export * as MemberImport from "./import/Members.js"
/**
 * A spreadsheet file (CSV in any of Excel's encodings, or `.xlsx`) read into rows of cells.
 *
 * @since 0.1.0
 */
export * as Spreadsheet from "./import/Spreadsheet.js"
/**
 * `report.html`: learning groups, programme and votes, the chosen date, in one accessible page.
 *
 * @since 0.1.0
 */
export * as Report from "./report/Report.js"
/**
 * Report sections from the `--json` output of `groups form` and `agenda prioritise`.
 *
 * @since 0.1.0
 */
export * as Saved from "./report/Saved.js"
