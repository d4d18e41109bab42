/**
 * Every sentence the grouping engine writes for people, in Dutch (the default) and English, in one
 * place: member explanations, unmet soft constraints and infeasibility messages.
 *
 * @since 0.1.0
 */
import type { Language } from "../domain/Language.js"

const list = (language: Language, items: ReadonlyArray<string>): string => {
  if (items.length <= 1) return items.join("")
  const and = language === "nl" ? " en " : " and "
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`
}

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
export const sharedInterest = (language: Language, others: number, interest: string | undefined): string => {
  if (others === 0 || interest === undefined)
    return language === "nl" ? "niemand deelt een van je interesses" : "no one shares one of your interests"
  if (language === "nl")
    return others === 1 ? `met 1 persoon die '${interest}' deelt` : `met ${others} mensen die '${interest}' delen`
  return others === 1 ? `with 1 person who shares '${interest}'` : `with ${others} people who share '${interest}'`
}

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
export const organisations = (language: Language, count: number): string =>
  language === "nl"
    ? `${count} ${count === 1 ? "organisatie" : "organisaties"}`
    : `${count} ${count === 1 ? "organisation" : "organisations"}`

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
export const cutShort = (language: Language, limitMs: number): string =>
  language === "nl"
    ? `Afgebroken bij de tijdslimiet van ${Math.round(limitMs)} ms: dit is de beste indeling tot dan toe, niet de beste die te vinden is. Geef meer tijd (timeLimitMs) voor een betere indeling.`
    : `Cut short at the time limit of ${Math.round(limitMs)} ms: this is the best grouping found so far, not the best there is. Allow more time (timeLimitMs) for a better grouping.`

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
export const metBefore = (language: Language, names: ReadonlyArray<string>): string => {
  if (names.length === 0)
    return language === "nl" ? "niemand met wie je eerder in een groep zat" : "no one you were grouped with before"
  return language === "nl"
    ? `opnieuw met ${list(language, names)}, met wie je eerder in een groep zat`
    : `again with ${list(language, names)}, whom you were grouped with before`
}

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
export const unmet = (
  language: Language,
  item:
    | {
        readonly _tag: "SameOrganisation" | "SameProgramme"
        readonly value: string
        readonly names: ReadonlyArray<string>
      }
    | { readonly _tag: "MetBefore"; readonly roundsAgo: number; readonly names: ReadonlyArray<string> }
): string => {
  const who = list(language, item.names)
  switch (item._tag) {
    case "SameOrganisation":
      return language === "nl" ? `${who} werken allebei bij ${item.value}` : `${who} both work for ${item.value}`
    case "SameProgramme":
      return language === "nl" ? `${who} zitten allebei in ${item.value}` : `${who} are both in ${item.value}`
    case "MetBefore":
      return language === "nl"
        ? `${who} zaten ${item.roundsAgo === 1 ? "vorige ronde" : `${item.roundsAgo} rondes geleden`} al samen in een groep`
        : `${who} were already grouped together ${item.roundsAgo === 1 ? "last round" : `${item.roundsAgo} rounds ago`}`
  }
}

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
export const infeasible = (language: Language, reason: Reason): string => {
  const nl = language === "nl"
  switch (reason._tag) {
    case "Sizes":
      return nl
        ? `${reason.members} leden passen niet in groepen van ${reason.min} tot ${reason.max}`
        : `${reason.members} members cannot be split into groups of ${reason.min} to ${reason.max}`
    case "TooManyGroups":
      return nl
        ? `${reason.members} leden zijn te weinig voor ${reason.groups} groepen`
        : `${reason.members} members are too few for ${reason.groups} groups`
    case "TooManyOfOne":
      return nl
        ? `${reason.count} leden ${reason.rule === "organisation" ? "van" : "uit programma"} ${reason.value} en maar ${reason.groups} groepen, terwijl er hoogstens één per groep mag`
        : `${reason.count} members ${reason.rule === "organisation" ? "of" : "in programme"} ${reason.value} but only ${reason.groups} groups, with at most one per group`
    case "TogetherTooLarge":
      return nl
        ? `${reason.count} leden moeten samen in één groep, maar een groep telt hoogstens ${reason.max} leden`
        : `${reason.count} members must be in one group, but a group holds at most ${reason.max}`
    case "TogetherButApart":
      return nl
        ? `${list(language, reason.names)} moeten samen in een groep, maar ook uit elkaar (${ruleName(language, reason.rule)})`
        : `${list(language, reason.names)} must be together, but also apart (${ruleName(language, reason.rule)})`
    case "FixedApart":
      return nl
        ? `${list(language, reason.names)} staan vast in verschillende groepen, maar moeten samen`
        : `${list(language, reason.names)} are fixed to different groups but must be together`
    case "FixedTooMany":
      return nl
        ? `${reason.count} leden staan vast in groep ${reason.group + 1}, die hoogstens ${reason.max} leden telt`
        : `${reason.count} members are fixed to group ${reason.group + 1}, which holds at most ${reason.max}`
    case "FixedGroupMissing":
      return nl
        ? `${list(language, reason.names)} staan vast in groep ${reason.group + 1}, maar er zijn ${reason.groups} groepen`
        : `${list(language, reason.names)} are fixed to group ${reason.group + 1}, but there are ${reason.groups} groups`
    case "FacilitatorCapacity":
      return nl
        ? `de begeleiders kunnen samen ${reason.capacity} groepen begeleiden, er zijn er ${reason.groups}; voeg begeleiders toe, laat begeleiders meer groepen begeleiden of maak de groepen groter, zodat er minder nodig zijn`
        : `the facilitators can lead ${reason.capacity} groups together, there are ${reason.groups}; add facilitators, let facilitators lead more groups or make the groups larger so that fewer are needed`
    case "FacilitatorConflicts":
      return nl
        ? `geen begeleider zonder belangenconflict voor de groep van ${list(language, reason.names)}`
        : `no facilitator without a conflict is left for the group of ${list(language, reason.names)}`
    case "NotFound":
      return nl
        ? `geen indeling gevonden die ${ruleName(language, reason.rule)} nakomt voor ${list(language, reason.names)}`
        : `no grouping found that meets ${ruleName(language, reason.rule)} for ${list(language, reason.names)}`
  }
}

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

const ruleName = (language: Language, rule: HardRule): string => {
  const nl = language === "nl"
  switch (rule) {
    case "organisation":
      return nl ? "hoogstens één per organisatie" : "at most one per organisation"
    case "programme":
      return nl ? "hoogstens één per programma" : "at most one per programme"
    case "history":
      return nl ? "niet opnieuw bij elkaar" : "not together again"
    case "must-apart":
      return nl ? "moeten uit elkaar" : "must be apart"
    case "must-together":
      return nl ? "moeten samen" : "must be together"
  }
}

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
export const lostOut = (language: Language, wishes: ReadonlyArray<LostOut>): string => {
  const what = wishes.map((w) =>
    w._tag === "InterestNotShared"
      ? language === "nl"
        ? "deelde niemand in je groep een van je interesses"
        : "no one in your group shared one of your interests"
      : language === "nl"
        ? `kwam je niet bij ${w.colleague}, om wie je had gevraagd`
        : `you were not placed with ${w.colleague}, whom you had asked for`
  )
  return language === "nl"
    ? `vorige keer ${list(language, what)}, dus gingen je wensen deze keer voor`
    : `last time ${list(language, what)}, so your wishes went first this time`
}

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
export const colleagues = (
  language: Language,
  placed: ReadonlyArray<string>,
  missed: ReadonlyArray<string>
): string => {
  const nl = language === "nl"
  const parts = [
    ...(placed.length === 0
      ? []
      : [
          nl
            ? `${list(language, placed)}, om wie je vroeg, ${placed.length === 1 ? "zit" : "zitten"} in je groep`
            : `${list(language, placed)}, whom you asked for, ${placed.length === 1 ? "is" : "are"} in your group`
        ]),
    ...(missed.length === 0
      ? []
      : [
          nl
            ? `${list(language, missed)}, om wie je vroeg, ${missed.length === 1 ? "zit" : "zitten"} in een andere groep (dat onthouden we voor de volgende ronde)`
            : `${list(language, missed)}, whom you asked for, ${missed.length === 1 ? "is" : "are"} in another group (we remember that for the next round)`
        ])
  ]
  return parts.join("; ")
}
