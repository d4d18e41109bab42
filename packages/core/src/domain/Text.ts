/**
 * Text fields of the domain: names, titles, labels and free text.
 *
 * Text is stored exactly as given: no case folding, no Unicode normalisation, no trimming
 * inside the value. Names such as "Özdemir", "van 't Hoff" and "IJsbrand de Vries" round-trip
 * unchanged. A value may not start or end with white space and may not contain control characters,
 * and a single-line value (a name, title, label) no bidirectional-override, zero-width or other
 * invisible formatting characters, so that what a person sees is what is stored.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

// C0/C1 control characters except tab and line breaks (allowed only in free text).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point of this pattern is to find them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point of this pattern is to find them
const LINE_OR_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/

// Characters that change how text is shown without being seen: bidirectional overrides,
// embeddings, isolates and marks (they can make "Jan" display as "naJ", or hide text), and
// zero-width spaces, the word joiner and the byte-order mark. Refused in every single-line text.
const BIDI_OR_INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u
// In a name also the zero-width (non-)joiners: no name needs them in the scripts we expect, and
// they make two names that look the same differ (a title may need them, in emoji).
const JOINERS = /[\u200C\u200D]/u

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`

const singleLine = (what: string, maxLength: number, options: { readonly joiners?: boolean } = {}) =>
  Schema.String.pipe(
    Schema.filter(
      (s) => {
        if (s.length === 0) return `expected ${what}, got an empty text`
        if (s.trim() !== s) return `expected ${what} without leading or trailing spaces, got ${JSON.stringify(s)}`
        if (s.length > maxLength) return `expected ${what} of at most ${maxLength} characters, got ${s.length}`
        if (LINE_OR_CONTROL.test(s)) return `expected ${what} on one line without control characters`
        const hidden = BIDI_OR_INVISIBLE.exec(s) ?? (options.joiners === false ? JOINERS.exec(s) : null)
        if (hidden !== null)
          return `expected ${what} without invisible or text-direction characters, got ${codePoint(hidden[0])} at position ${hidden.index + 1} (remove it and type the text again)`
        return true
      },
      {
        arbitrary: () => (fc) =>
          fc
            .string({ minLength: 1, maxLength: Math.min(maxLength, 40), unit: "grapheme" })
            .map((s) => s.replace(/\s+/gu, " ").trim())
            .filter(
              (s) =>
                s.length > 0 &&
                s.length <= maxLength &&
                !LINE_OR_CONTROL.test(s) &&
                !BIDI_OR_INVISIBLE.test(s) &&
                !(options.joiners === false && JOINERS.test(s))
            )
      }
    )
  )

/**
 * A person's full name as they write it, e.g. "IJsbrand de Vries" (at most 200 characters).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * Schema.decodeUnknownSync(Domain.PersonName)("Jan van 't Hoff") // "Jan van 't Hoff"
 * ```
 * @since 0.1.0
 */
export const PersonName = singleLine("a name", 200, { joiners: false }).pipe(
  Schema.annotations({ identifier: "PersonName" })
)
/** @since 0.1.0 */
export type PersonName = typeof PersonName.Type

/**
 * A title or short label, e.g. a theme's title or a venue's name (at most 200 characters).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const title = Schema.decodeUnknownSync(Domain.Title)("Sturen op grote ICT-programma's")
 * ```
 * @since 0.1.0
 */
export const Title = singleLine("a title", 200).pipe(Schema.annotations({ identifier: "Title" }))
/** @since 0.1.0 */
export type Title = typeof Title.Type

/**
 * The name of an organisation such as a ministry or agency, e.g. "Ministerie van Financiën".
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const organisation = Schema.decodeUnknownSync(Domain.OrganisationName)("Ministerie van Financiën")
 * ```
 * @since 0.1.0
 */
export const OrganisationName = singleLine("an organisation name", 200, { joiners: false }).pipe(
  Schema.annotations({ identifier: "OrganisationName" })
)
/** @since 0.1.0 */
export type OrganisationName = typeof OrganisationName.Type

/**
 * An interest a member has, as a short label (e.g. "omgaan met sabotage"). Interests are compared
 * exactly, so tools should offer the community's existing labels.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const interests = Schema.decodeUnknownSync(Schema.Array(Domain.Interest))(["stakeholdermanagement", "aanbesteden"])
 * ```
 * @since 0.1.0
 */
export const Interest = singleLine("an interest", 120).pipe(Schema.annotations({ identifier: "Interest" }))
/** @since 0.1.0 */
export type Interest = typeof Interest.Type

/**
 * Free text over several lines (descriptions, notes): at most 20,000 characters, no control
 * characters other than tab and line breaks.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const description = Schema.decodeUnknownSync(Domain.FreeText)(
 *   "Hoe houd je een programma overeind\nals de opdrachtgever wisselt?"
 * )
 * ```
 * @since 0.1.0
 */
export const FreeText = Schema.String.pipe(
  Schema.filter((s) => {
    if (s.length > 20_000) return `expected a text of at most 20000 characters, got ${s.length}`
    if (CONTROL.test(s)) return "expected a text without control characters"
    return true
  }),
  Schema.annotations({ identifier: "FreeText" })
)
/** @since 0.1.0 */
export type FreeText = typeof FreeText.Type
