/**
 * What the grouping engine says to people: its reasons as data (`Reason`, `Unmet`, `LostOut`)
 * and their sentences in Dutch (the default) and English. The sentences live in one object per
 * language, `grouping/texts/nl.ts` and `grouping/texts/en.ts` ({@link of}); the functions here
 * take the language first and are the same sentences.
 *
 * @since 0.1.0
 */
import type { Language } from "../domain/Language.js"
import { en } from "./texts/en.js"
import type { GroupingLocale } from "./texts/Locale.js"
import { nl } from "./texts/nl.js"

/**
 * Everything the grouping engine says, in one language: one object per language
 * (`grouping/texts/nl.ts`, `grouping/texts/en.ts`), each rendering the engine's tagged reasons.
 * The functions below are the same sentences by language.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.of("en").organisations(2) // "2 organisations"
 * ```
 * @since 0.2.0
 */
export const of = (language: Language): GroupingLocale => (language === "en" ? en : nl)

export type { GroupingLocale } from "./texts/Locale.js"

/**
 * The part of a member's explanation about shared interests: how many others share their most
 * shared interest (0 when nobody shares any).
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.sharedInterest("en", 3, "omgaan met sabotage") // "with 3 people who share 'omgaan met sabotage'"
 * ```
 * @since 0.1.0
 */
export const sharedInterest = (language: Language, others: number, interest: string | undefined): string =>
  of(language).sharedInterest(others, interest)

/**
 * The part of a member's explanation about diversity: the number of organisations in the group.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.organisations("nl", 6) // "6 organisaties"
 * ```
 * @since 0.1.0
 */
export const organisations = (language: Language, count: number): string => of(language).organisations(count)

/**
 * The note on a grouping that the time limit cut short: the groups respect the sizes and the hard
 * rules, but the search did not get to improve them (or not fully).
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.cutShort("en", 200) // "Cut short at the time limit of 200 ms: …"
 * ```
 * @since 0.1.0
 */
export const cutShort = (language: Language, limitMs: number): string => of(language).cutShort(limitMs)

/**
 * The part of a member's explanation about earlier rounds: whom they were grouped with before.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.metBefore("en", []) // "no one you were grouped with before"
 * ```
 * @since 0.1.0
 */
export const metBefore = (language: Language, names: ReadonlyArray<string>): string => of(language).metBefore(names)

/**
 * Joins the parts of an explanation into one line.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.sentence(["with 3 people who share 'x'", "6 organisations"]) // "with 3 people who share 'x'; 6 organisations"
 * ```
 * @since 0.1.0
 */
export const sentence = (parts: ReadonlyArray<string>): string => parts.join("; ")

/**
 * An unmet soft constraint in a group, in data; {@link unmet} turns it into a sentence.
 *
 * @since 0.2.0
 */
export type Unmet =
  | {
      readonly _tag: "SameOrganisation" | "SameProgramme"
      readonly value: string
      readonly names: ReadonlyArray<string>
    }
  | { readonly _tag: "MetBefore"; readonly roundsAgo: number; readonly names: ReadonlyArray<string> }

/**
 * The description of an unmet soft constraint in a group.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.unmet("en", { _tag: "SameOrganisation", value: "BZK", names: ["Anna", "Bas"] })
 * ```
 * @since 0.1.0
 */
export const unmet = (language: Language, item: Unmet): string => of(language).unmet(item)

/**
 * The sentence of an infeasibility: why the constraint cannot be met.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.infeasible("en", { _tag: "TooManyOfOne", rule: "organisation", value: "BZK", count: 5, groups: 4 })
 * ```
 * @since 0.1.0
 */
export const infeasible = (language: Language, reason: Reason): string => of(language).infeasible(reason)

/**
 * Why a constraint cannot be met, in data; {@link infeasible} turns it into a sentence.
 *
 * @since 0.1.0
 */
export type Reason =
  | { readonly _tag: "Sizes"; readonly members: number; readonly min: number; readonly max: number }
  | { readonly _tag: "TooManyGroups"; readonly members: number; readonly groups: number }
  | {
      readonly _tag: "TooManyOfOne"
      readonly rule: "organisation" | "programme"
      readonly value: string
      readonly count: number
      readonly groups: number
    }
  | { readonly _tag: "TogetherTooLarge"; readonly count: number; readonly max: number }
  | { readonly _tag: "TogetherButApart"; readonly names: ReadonlyArray<string>; readonly rule: HardRule }
  | { readonly _tag: "FixedApart"; readonly names: ReadonlyArray<string> }
  | { readonly _tag: "FixedTooMany"; readonly group: number; readonly count: number; readonly max: number }
  | {
      readonly _tag: "FixedGroupMissing"
      readonly names: ReadonlyArray<string>
      readonly group: number
      readonly groups: number
    }
  | { readonly _tag: "FacilitatorCapacity"; readonly capacity: number; readonly groups: number }
  | { readonly _tag: "FacilitatorConflicts"; readonly names: ReadonlyArray<string> }
  | { readonly _tag: "NotFound"; readonly rule: HardRule; readonly names: ReadonlyArray<string> }

/**
 * A hard rule between two members.
 *
 * @since 0.1.0
 */
export type HardRule = "organisation" | "programme" | "history" | "must-apart" | "must-together"

/**
 * A wish of a member that was not met in an earlier round, as the explanation names it.
 *
 * @since 0.2.0
 */
export type LostOut =
  | { readonly _tag: "InterestNotShared" }
  | { readonly _tag: "ColleagueNotPlaced"; readonly colleague: string }

/**
 * The part of a member's explanation about a wish that was not met last round: so they went first
 * this time.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.lostOut("en", [{ _tag: "InterestNotShared" }])
 * // "last time no one in your group shared one of your interests, so your wishes went first this time"
 * ```
 * @since 0.2.0
 */
export const lostOut = (language: Language, wishes: ReadonlyArray<LostOut>): string => of(language).lostOut(wishes)

/**
 * The part of a member's explanation about the colleagues they asked for: who is in their group
 * and who is not.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Texts.colleagues("nl", ["Sanne Bakker"], []) // "Sanne Bakker, om wie je vroeg, zit in je groep"
 * ```
 * @since 0.2.0
 */
export const colleagues = (language: Language, placed: ReadonlyArray<string>, missed: ReadonlyArray<string>): string =>
  of(language).colleagues(placed, missed)
