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
import type { StateConflict } from "../domain/Lifecycles.js"
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
  /**
   * A reason as a sentence. Without `naming` it names people, slots and groups by their ids;
   * a caller that has the names (the CLI, an embedding application) passes them.
   */
  readonly reason: (reason: Reason, naming?: Naming) => string
  /** Why a poll's winner won, as a clause. */
  readonly why: (why: Poll.Why) => string
  /** A gathering's state in words. */
  readonly state: (status: GatheringStatus) => string
  /** A refusal of a use case as a sentence. */
  readonly refusal: (refusal: Refusal) => string
  /**
   * A step refused by a record's life cycle, in the three parts of an `InvalidState`: what, what
   * is wrong with it, and what can be done instead.
   */
  readonly conflict: (conflict: StateConflict) => StateParts
}

/**
 * A refusal in three parts: the record (or input) it is about, what is wrong with it, and what can
 * be done instead.
 *
 * @since 0.2.0
 */
export interface StateParts {
  readonly subject: string
  readonly problem: string
  readonly hint: string
}

/**
 * How a reader names what reasons refer to by id: people (members and facilitators) by their
 * names, a poll's slots by their date and time, learning groups by their names. Every function is
 * optional, and answers `undefined` for an id it does not know; the id is shown then.
 *
 * @since 0.2.0
 */
export interface Naming {
  readonly person?: (id: string) => string | undefined
  readonly slot?: (id: string) => string | undefined
  readonly group?: (id: string) => string | undefined
}

// Shared by the renderers (not re-exported): what does not depend on the language.

/** A naming with every function, falling back to the id; `named` says whether a person had a name. */
export interface Named {
  readonly person: (id: string) => string
  readonly named: (id: string) => boolean
  readonly slot: (id: string) => string
  readonly group: (id: string) => string
}

/** The naming a renderer uses: the caller's, with ids where it has no name. */
export const resolve = (naming: Naming | undefined): Named => ({
  person: (id) => naming?.person?.(id) ?? id,
  named: (id) => naming?.person?.(id) !== undefined,
  slot: (id) => naming?.slot?.(id) ?? id,
  group: (id) => naming?.group?.(id) ?? id
})

/** People as a list (by name where known), or a dash for none. */
export const names = (ids: ReadonlyArray<string>, n?: Named): string =>
  ids.length === 0 ? "—" : ids.map((id) => (n === undefined ? id : n.person(id))).join(", ")

/** A share (0–1) as a whole percentage. */
export const percent = (x: number): number => Math.round(100 * x)

/** The members with the lowest share of the year, the first five and how many more. */
export const lowest = (f: Poll.YearFairness, n: Named): string => {
  const shown = f.lowest.slice(0, 5)
  const more = f.lowest.length - shown.length
  return `${names(shown, n)}${more > 0 ? ` (+${more})` : ""}`
}
