/**
 * What the engines and use cases say to people, as data: every reason and refusal is a small
 * record with a PascalCase `_tag`, and one renderer per language (`nl.ts`, `en.ts`) turns it into
 * a sentence. An engine never builds a sentence itself, so a new language is one new file, and a
 * new reason that a language forgets does not compile.
 *
 * @since 0.2.0
 */
import type { GatheringStatus } from "../domain/Gathering.js"
import type { GatheringStateError } from "../domain/GatheringLifecycle.js"
import type * as CandidateSlots from "../scheduling/CandidateSlots.js"
import type * as Intakes from "../scheduling/Intakes.js"
import type * as Poll from "../scheduling/Poll.js"
import type * as Sessions from "../scheduling/Sessions.js"
import type { EntryProblem } from "../services/Acting.js"
import type { InvalidState, MemberCannotAct, NotAllowed, NotFound } from "../services/Errors.js"

/**
 * Every reason an engine gives, as data.
 *
 * @since 0.2.0
 */
export type Reason =
  | Poll.Explanation
  | Sessions.Explanation
  | Intakes.Explanation
  | CandidateSlots.Shortfall
  | EntryProblem

/**
 * The refusals of the use cases that a language renders (input errors list their problems with
 * paths, which the caller maps to its own fields).
 *
 * @since 0.2.0
 */
export type Refusal = NotAllowed | NotFound | InvalidState | MemberCannotAct | GatheringStateError

/**
 * The sentences of one language, in the shape of zod v4's `locales/`: a function per kind of
 * data, each a `switch` over the tags.
 *
 * @since 0.2.0
 */
export interface Locale {
  /** A reason as a sentence. */
  readonly reason: (reason: Reason) => string
  /** Why a poll's winner won, as a clause. */
  readonly why: (why: Poll.Why) => string
  /** A gathering's state in words. */
  readonly state: (status: GatheringStatus) => string
  /** A refusal of a use case as a sentence. */
  readonly refusal: (refusal: Refusal) => string
}

// Shared by the renderers (not re-exported): what does not depend on the language.

/** Ids as a list, or a dash for none. */
export const names = (ids: ReadonlyArray<string>): string => (ids.length === 0 ? "—" : ids.join(", "))

/** A share (0–1) as a whole percentage. */
export const percent = (x: number): number => Math.round(100 * x)

/** The members with the lowest share of the year, the first five and how many more. */
export const lowest = (f: Poll.YearFairness): string => {
  const shown = f.lowest.slice(0, 5)
  const more = f.lowest.length - shown.length
  return `${names(shown)}${more > 0 ? ` (+${more})` : ""}`
}
