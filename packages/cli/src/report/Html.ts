/**
 * Writing HTML safely: every text and attribute value is escaped, so a name such as
 * `<script>` or `van 't Hoff` appears as written and never as markup.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */

/**
 * HTML that is already safe to insert (made by {@link html} or {@link raw}).
 *
 * @since 0.1.0
 */
export interface Safe {
  readonly _tag: "Safe"
  readonly value: string
}

/**
 * What may be inserted into {@link html}: safe HTML, text (escaped), a number, a list of these,
 * or nothing (`undefined`, `null` and `false` insert nothing).
 *
 * @since 0.1.0
 */
export type Part = Safe | string | number | undefined | null | false | ReadonlyArray<Part>

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
}

/**
 * Escapes text for use in HTML content or a quoted attribute value.
 *
 * @since 0.1.0
 */
export const escapeText = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

/**
 * Marks a string as safe HTML without escaping it: only for markup written in this package.
 *
 * @since 0.1.0
 */
export const raw = (value: string): Safe => ({ _tag: "Safe", value })

const render = (part: Part): string => {
  if (part === undefined || part === null || part === false) return ""
  if (typeof part === "string") return escapeText(part)
  if (typeof part === "number") return escapeText(String(part))
  if (Array.isArray(part)) return (part as ReadonlyArray<Part>).map(render).join("")
  return (part as Safe).value
}

/**
 * A template tag that escapes every inserted value unless it is {@link Safe}.
 *
 * @since 0.1.0
 */
export const html = (strings: TemplateStringsArray, ...parts: ReadonlyArray<Part>): Safe => {
  let out = strings[0] ?? ""
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? "")
  })
  return raw(out)
}
