/**
 * What the engines and use cases say to people, rendered from their tagged reasons and refusals
 * in Dutch (the default) or English: `Texts.of(language).reason(r)`.
 *
 * @since 0.2.0
 */
import type { Language } from "../domain/Language.js"
import { en } from "./en.js"
import { nl } from "./nl.js"
import type { Locale } from "./Reason.js"

export type { EntryProblem } from "../services/Acting.js"
export { en } from "./en.js"
export { nl } from "./nl.js"
export type { Locale, Naming, Reason, Refusal, StateParts } from "./Reason.js"

/**
 * The renderer of a language.
 *
 * @example
 * ```ts
 * import { Texts } from "@grenzeloos/core"
 *
 * Texts.of("nl").reason({ _tag: "TooFewSlotsForPair", feasible: 1 })
 * // "Er zijn 1 datums waarop alle verplichte deelnemers kunnen; voor twee bijeenkomsten zijn er twee nodig."
 * ```
 * @since 0.2.0
 */
export const of = (language: Language): Locale => (language === "en" ? en : nl)

const REFUSALS: ReadonlySet<string> = new Set([
  "NotAllowed",
  "NotFound",
  "InvalidState",
  "MemberCannotAct",
  "GatheringStateError"
])

/**
 * Whether a failure is one of the refusals the renderers say in words.
 *
 * @example
 * ```ts
 * import { Texts } from "@grenzeloos/core"
 *
 * declare const error: unknown
 * const text = Texts.isRefusal(error) ? Texts.of("nl").refusal(error) : String(error)
 * ```
 * @since 0.2.0
 */
export const isRefusal = (error: unknown): error is import("./Reason.js").Refusal =>
  typeof error === "object" &&
  error !== null &&
  "_tag" in error &&
  typeof error._tag === "string" &&
  REFUSALS.has(error._tag)
