// What the grouping engine says to people, as one object per language (`nl.ts`, `en.ts`): the
// renderers of its tagged reasons. `Grouping.Texts` is the public face; this is the shape both
// languages fill in.
import type { LostOut, Reason, Unmet } from "../Texts.js"

/**
 * Everything the grouping engine says, in one language: the parts of a member's explanation, unmet soft constraints, infeasibilities and the note on a search cut short. `Grouping.Texts.of(language)` gives the one for a language.
 *
 * @since 0.2.0
 */
export interface GroupingLocale {
  readonly sharedInterest: (others: number, interest: string | undefined) => string
  readonly organisations: (count: number) => string
  readonly cutShort: (limitMs: number) => string
  readonly metBefore: (names: ReadonlyArray<string>) => string
  readonly unmet: (item: Unmet) => string
  readonly infeasible: (reason: Reason) => string
  readonly lostOut: (wishes: ReadonlyArray<LostOut>) => string
  readonly colleagues: (placed: ReadonlyArray<string>, missed: ReadonlyArray<string>) => string
}

export const joinList =
  (and: string) =>
  (items: ReadonlyArray<string>): string =>
    items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`
