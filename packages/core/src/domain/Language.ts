/**
 * The languages the library writes to people in: Dutch first, English second.
 *
 * @since 0.1.0
 */
import { oneOf } from "../internal/literals.js"

/**
 * A language a member prefers for messages: `"nl"` (the default) or `"en"`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // The language of a member's messages, from a form or a spreadsheet column.
 * const language = Schema.decodeUnknownSync(Domain.Language)("nl")
 * ```
 * @since 0.1.0
 */
export const Language = oneOf("Language", "nl", "en")
/** @since 0.1.0 */
export type Language = typeof Language.Type
