/**
 * What the commands print: readable Dutch text, or with `--json` one JSON document for scripts,
 * in which e-mail addresses stay `<redacted>` and dates are ISO strings.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */
import { Console, DateTime, Effect, Option, Redacted } from "effect"

/**
 * Turns a result into plain JSON data: dates become ISO strings, `Option`s their value or `null`,
 * `Redacted` values `"<redacted>"`, records plain objects.
 *
 * @since 0.1.0
 */
export const plain = (value: unknown): unknown => {
  if (value === null || value === undefined) return value ?? null
  if (typeof value !== "object") return value
  if (DateTime.isDateTime(value)) {
    return DateTime.isZoned(value) ? DateTime.formatIsoZoned(value) : DateTime.formatIso(value)
  }
  if (Redacted.isRedacted(value)) return "<redacted>"
  if (Option.isOption(value)) return Option.isSome(value) ? plain(value.value) : null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(plain)
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]))
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = plain(v)
  return out
}

/**
 * Prints the result of a command: `json` as a JSON document with `--json`, otherwise the text.
 *
 * @since 0.1.0
 */
export const result = (json: boolean, text: string | ReadonlyArray<string>, data: unknown): Effect.Effect<void> =>
  json
    ? Console.log(JSON.stringify(plain(data), null, 2))
    : Console.log(typeof text === "string" ? text : text.join("\n"))

/**
 * A note for the person at the terminal (standard error), never in `--json` output.
 *
 * @since 0.1.0
 */
export const note = (json: boolean, text: string): Effect.Effect<void> => (json ? Effect.void : Console.error(text))

/**
 * A plain-text table with aligned columns.
 *
 * @since 0.1.0
 */
export const table = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string | number>>
): ReadonlyArray<string> => {
  const cells = [header, ...rows.map((r) => r.map(String))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)))
  const line = (r: ReadonlyArray<string>) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd()
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...cells.slice(1).map(line)]
}

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * A moment as a person in the Netherlands reads it: `dinsdag 12 januari 2027 om 13:00`, or in
 * English (`--lang en`) `Tuesday 12 January 2027 at 13:00`.
 *
 * @since 0.1.0
 */
export const when = (
  moment: DateTime.DateTime,
  timeZone = "Europe/Amsterdam",
  language: "nl" | "en" = "nl"
): string => {
  const key = `${language} ${timeZone}`
  let format = formats.get(key)
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone
    })
    formats.set(key, format)
  }
  return format.format(DateTime.toDateUtc(moment))
}
