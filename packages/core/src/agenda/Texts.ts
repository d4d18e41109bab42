/**
 * What the agenda engine says to people: the sentences for its tagged reasons
 * (`Agenda.Explanation`), in Dutch (the default) and English. The sentences live in one object per
 * language, `agenda/texts/nl.ts` and `agenda/texts/en.ts` ({@link of}); the functions here take
 * the language first and are the same sentences.
 *
 * @since 0.1.0
 */
import type { Language } from "../domain/Language.js"
import type { Weight } from "./Carried.js"
import type { MethodName, Reason } from "./Explanation.js"
import { en } from "./texts/en.js"
import type { AgendaLocale } from "./texts/Locale.js"
import { nl } from "./texts/nl.js"

/**
 * The unit of the meeting's budget: minutes or slots.
 *
 * @since 0.1.0
 */
export type Unit = "minutes" | "slots"

/**
 * What the summary of an outcome says: the method, the programme's size and the time it uses, and
 * how many of the members who voted see a theme they supported.
 *
 * @since 0.2.0
 */
export interface Summary {
  readonly method: MethodName
  readonly themes: number
  readonly used: number
  readonly budget: number
  readonly members: number
  readonly withAtLeastOne: number
}

/**
 * Everything the agenda engine says, in one language: one object per language.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Texts.of("en").methodName("schulze") // "the Schulze method"
 * ```
 * @since 0.2.0
 */
export const of = (language: Language): AgendaLocale => (language === "en" ? en : nl)

export type { AgendaLocale } from "./texts/Locale.js"

/**
 * The name of a method in a language.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Texts.methodName("nl", "equal-shares") // "de methode van gelijke delen"
 * ```
 * @since 0.1.0
 */
export const methodName = (language: Language, method: MethodName): string => of(language).methodName(method)

/**
 * The sentence that explains a reason, e.g. "Gekozen in stap 2 van de methode van gelijke delen: …".
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Texts.reason("en", "minutes", { _tag: "DoesNotFit", needed: 60, remaining: 45 })
 * // "Does not fit: it needs 60 minutes and 45 minutes are left."
 * ```
 * @since 0.1.0
 */
export const reason = (language: Language, unit: Unit, r: Reason): string => of(language).reason(unit, r)

/**
 * The sentence about ageing added to a theme's explanation.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Texts.ageing("nl", 2, 20) // "Het wacht al 2 bijeenkomsten: steun +20 %."
 * ```
 * @since 0.1.0
 */
export const ageing = (language: Language, waitingMeetings: number, percent: number): string =>
  of(language).ageing(waitingMeetings, percent)

/**
 * The summary of an outcome for the room: method, programme size, time used, and fairness.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Texts.summary("en", "minutes", { method: "greedy", themes: 3, used: 170, budget: 180, members: 10, withAtLeastOne: 9 })
 * ```
 * @since 0.1.0
 */
export const summary = (language: Language, unit: Unit, s: Summary): string => of(language).summary(unit, s)

/**
 * The sentence that tells a member how their earlier votes weigh in this one, e.g. "Over the last
 * 3 meetings your themes got 20 minutes of the programme: 40 % of your fair share. …".
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Texts.carried("en", {
 *   memberId: "m-1", meetings: 3, supportedMinutes: 20, gotMinutes: 2.2, fairShareMinutes: 5.4,
 *   shareMinutes: 1.8, startMinutes: 4.4
 * })
 * ```
 * @since 0.2.0
 */
export const carried = (language: Language, w: Weight): string => of(language).carried(w)
