/**
 * The grenzeloos command line as a library: the member import (CSV and Excel), the report.html
 * renderer and the command-line program itself.
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
 * The commands of `grenzeloos`, over the use cases of `@grenzeloos/core`.
 *
 * @since 0.1.0
 */
export * as Commands from "./cli/Commands.js"
/**
 * Where the command line works: the store of `--db`, the community, the acting programme team.
 *
 * @since 0.1.0
 */
export * as Environment from "./cli/Environment.js"
/**
 * The command line's own failures: rows with problems, an unconfirmed erasure, nothing to do.
 *
 * @since 0.1.0
 */
export * as CliErrors from "./cli/Errors.js"
/**
 * The exit codes of `grenzeloos` and which failure gives which.
 *
 * @since 0.1.0
 */
export * as ExitCode from "./cli/ExitCode.js"
/**
 * Text or `--json` output, tables and Dutch dates.
 *
 * @since 0.1.0
 */
export * as Output from "./cli/Output.js"
/**
 * The progress indicator for anything that takes more than a second.
 *
 * @since 0.1.0
 */
export * as Progress from "./cli/Progress.js"
/**
 * What the commands say, in Dutch and English.
 *
 * @since 0.1.0
 */
export * as CliTexts from "./cli/Texts.js"
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
 * The texts of the member import, Dutch and English.
 *
 * @since 0.1.0
 */
export * as ImportTexts from "./import/Texts.js"
/**
 * The report's "fairness over the year" section: fair shares per member, attendance chances, the simulation's minority.
 *
 * @since 0.2.0
 */
export * as FairnessReport from "./report/Fairness.js"
/**
 * Safe HTML: escaping and a template tag for the report.
 *
 * @since 0.1.0
 */
export * as Html from "./report/Html.js"
/**
 * The report's colours and the WCAG contrast formula that holds them to 4.5:1 and 3:1.
 *
 * @since 0.1.0
 */
export * as Palette from "./report/Palette.js"
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
