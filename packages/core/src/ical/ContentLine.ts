/**
 * RFC 5545 content lines: TEXT escaping (§3.3.11), parameter values (§3.2), date-times (§3.3.5)
 * and folding at 75 octets without splitting a UTF-8 character (§3.1), joined with CRLF.
 *
 * @since 0.1.0
 */
import { DateTime } from "effect"

/**
 * Escapes a TEXT value: backslash, semicolon and comma get a backslash, line breaks become `\n`.
 *
 * @example
 * ```ts
 * import { ICalendar } from "@grenzeloos/core"
 *
 * ICalendar.ContentLine.escapeText("Zaal 1; Den Haag, NL\nIngang B") // "Zaal 1\\; Den Haag\\, NL\\nIngang B"
 * ```
 * @since 0.1.0
 */
export const escapeText = (text: string): string =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // Other control characters are not allowed in TEXT (RFC 5545 §3.3.11).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")

/**
 * A parameter value (e.g. `CN`): quoted when it holds `:`, `;` or `,`; double quotes and control
 * characters, which a parameter value cannot carry, are left out.
 *
 * @example
 * ```ts
 * import { ICalendar } from "@grenzeloos/core"
 *
 * ICalendar.ContentLine.paramValue("Vries, IJsbrand de") // "\"Vries, IJsbrand de\""
 * ```
 * @since 0.1.0
 */
export const paramValue = (value: string): string => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, "")
  return /[:;,]/.test(clean) ? `"${clean}"` : clean
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4)

/**
 * Folds a content line so that no line is longer than 75 octets of UTF-8, continuing with a
 * space, never splitting a character.
 *
 * @example
 * ```ts
 * import { ICalendar } from "@grenzeloos/core"
 *
 * ICalendar.ContentLine.fold(`DESCRIPTION:${"é".repeat(60)}`).split("\r\n").length // 2
 * ```
 * @since 0.1.0
 */
export const fold = (line: string): string => {
  const out: Array<string> = []
  let current = ""
  let octets = 0
  let limit = 75
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) as number)
    if (octets + size > limit) {
      out.push(current)
      current = ` ${ch}`
      octets = 1 + size
      limit = 75
    } else {
      current += ch
      octets += size
    }
  }
  out.push(current)
  return out.join("\r\n")
}

const two = (n: number) => String(n).padStart(2, "0")

/**
 * A UTC date-time in the form `20270311T120000Z` (as DTSTAMP must be).
 *
 * @example
 * ```ts
 * import { DateTime } from "effect"
 * import { ICalendar } from "@grenzeloos/core"
 *
 * ICalendar.ContentLine.utc(DateTime.unsafeMake("2027-03-11T12:00:00Z")) // "20270311T120000Z"
 * ```
 * @since 0.1.0
 */
export const utc = (moment: DateTime.DateTime): string => {
  const p = DateTime.toPartsUtc(moment)
  return `${String(p.year).padStart(4, "0")}${two(p.month)}${two(p.day)}T${two(p.hours)}${two(p.minutes)}${two(p.seconds)}Z`
}

/**
 * The local wall-clock form `20270311T130000` of a zoned instant in its own zone (for `TZID=`).
 *
 * @example
 * ```ts
 * import { DateTime } from "effect"
 * import { ICalendar } from "@grenzeloos/core"
 *
 * ICalendar.ContentLine.local(DateTime.unsafeMakeZoned("2027-03-11T12:00:00Z", { timeZone: "Europe/Amsterdam" })) // "20270311T130000"
 * ```
 * @since 0.1.0
 */
export const local = (moment: DateTime.Zoned): string => {
  const p = DateTime.toParts(moment)
  return `${String(p.year).padStart(4, "0")}${two(p.month)}${two(p.day)}T${two(p.hours)}${two(p.minutes)}${two(p.seconds)}`
}

/**
 * Joins content lines into an iCalendar stream: each folded, each ended by CRLF.
 *
 * @example
 * ```ts
 * import { ICalendar } from "@grenzeloos/core"
 *
 * ICalendar.ContentLine.join(["BEGIN:VCALENDAR", "END:VCALENDAR"]) // "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
 * ```
 * @since 0.1.0
 */
export const join = (lines: ReadonlyArray<string>): string => lines.map((l) => `${fold(l)}\r\n`).join("")
