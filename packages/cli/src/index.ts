/**
 * The grenzeloos command line as a library: the member import (CSV and Excel), the report.html
 * renderer and the command-line program itself.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

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
