/**
 * Every sentence the agenda engine writes for people, in Dutch (the default) and English, in one
 * place.
 *
 * @since 0.1.0
 */
import { absurd } from "effect"
import type { Language } from "../domain/Language.js"
import type { Weight } from "./Carried.js"
import type { MethodName, Reason } from "./Explanation.js"

/**
 * The unit of the meeting's budget: minutes or slots.
 *
 * @since 0.1.0
 */
export type Unit = "minutes" | "slots"

// Made once: building an Intl.NumberFormat per call costs more than the whole vote count.
const formats: Record<Language, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 })
}

const number = (language: Language, x: number): string => formats[language].format(x)

const unitName = (language: Language, unit: Unit, x: number): string =>
  language === "nl"
    ? unit === "minutes"
      ? x === 1
        ? "minuut"
        : "minuten"
      : x === 1
        ? "plek"
        : "plekken"
    : x === 1
      ? unit.slice(0, -1)
      : unit

const methodNames: Record<Language, Record<MethodName, string>> = {
  nl: {
    greedy: "de meeste steun",
    dots: "het aantal stippen",
    score: "de totale score",
    borda: "de Borda-telling",
    schulze: "de Schulze-methode",
    "equal-shares": "de methode van gelijke delen",
    "equal-shares-carried": "de methode van gelijke delen met meegenomen tegoed",
    "perpetual-phragmen": "de doorlopende methode van Phragmén"
  },
  en: {
    greedy: "most support",
    dots: "the number of dots",
    score: "the total score",
    borda: "the Borda count",
    schulze: "the Schulze method",
    "equal-shares": "the Method of Equal Shares",
    "equal-shares-carried": "the Method of Equal Shares with carried budgets",
    "perpetual-phragmen": "perpetual Phragmén"
  }
}

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
export const methodName = (language: Language, method: MethodName): string => methodNames[language][method]

// Which of the tied themes won, for the methods that buy themes step by step.
const tieText = (nl: boolean, tiedWith: ReadonlyArray<string>): string =>
  tiedWith.length === 0
    ? ""
    : nl
      ? ` Het stond gelijk met ${tiedWith.join(", ")}; meer steun, dan kortere duur, dan het id gaf de doorslag.`
      : ` It tied with ${tiedWith.join(", ")}; more supporters, then the shorter duration, then the id decided.`

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
export const reason = (language: Language, unit: Unit, r: Reason): string => {
  const n = (x: number) => number(language, x)
  const u = (x: number) => `${n(x)} ${unitName(language, unit, x)}`
  const nl = language === "nl"
  switch (r._tag) {
    case "Pinned": {
      const { coolingOffOverridden } = r
      return nl
        ? `Vastgezet door het programmateam${coolingOffOverridden ? ", ondanks de afkoelperiode" : ""}.`
        : `Pinned by the programme team${coolingOffOverridden ? ", over its cooling-off" : ""}.`
    }
    case "Ranked": {
      const { method, place, of, support } = r
      return nl
        ? `Op het programma: plaats ${place} van ${of} volgens ${methodName(language, method)} (steun ${n(support)}), en het paste nog.`
        : `On the programme: place ${place} of ${of} by ${methodName(language, method)} (support ${n(support)}), and it still fitted.`
    }
    case "EqualShares": {
      const { step, payers, maxPayment, share, tiedWith } = r
      const tie = tieText(nl, tiedWith)
      return nl
        ? `Gekozen in stap ${step} van de methode van gelijke delen: ${n(payers)} ${payers === 1 ? "lid betaalde" : "leden betaalden"} mee, ieder hoogstens ${u(maxPayment)} van een gelijk deel van ${u(share)}.${tie}`
        : `Chosen at step ${step} of the Method of Equal Shares: ${n(payers)} ${payers === 1 ? "member" : "members"} paid for it, each at most ${u(maxPayment)} of an equal share of ${u(share)}.${tie}`
    }
    case "Phragmen": {
      const { step, supporters, load, tiedWith } = r
      const tie = tieText(nl, tiedWith)
      return nl
        ? `Gekozen in stap ${step} van de doorlopende methode van Phragmén: de ${n(supporters)} ${supporters === 1 ? "lid dat het steunde draagt" : "leden die het steunden dragen"} de tijd samen en ${supporters === 1 ? "komt" : "komen"} op een last van ${u(load)} ieder, de laagste van de thema's die nog pasten.${tie}`
        : `Chosen at step ${step} of perpetual Phragmén: its ${n(supporters)} ${supporters === 1 ? "supporter carries" : "supporters share"} its time and end with a load of ${u(load)} each, the lowest of the themes that still fitted.${tie}`
    }
    case "Completion": {
      const { support } = r
      return nl
        ? `Toegevoegd met de overgebleven tijd, op volgorde van steun (steun ${n(support)}).`
        : `Added with the time left over, in order of support (support ${n(support)}).`
    }
    case "AddedForMinimum": {
      const { minThemes } = r
      return nl
        ? `Toegevoegd omdat het programma minstens ${minThemes} thema's moet hebben.`
        : `Added because the programme needs at least ${minThemes} themes.`
    }
    case "DoesNotFit": {
      const { needed, remaining } = r
      return nl
        ? `Past niet: het vraagt ${u(needed)} en er is nog ${u(remaining)} over.`
        : `Does not fit: it needs ${u(needed)} and ${u(remaining)} ${remaining === 1 ? "is" : "are"} left.`
    }
    case "MaxThemes": {
      const { maxThemes } = r
      return nl
        ? `Het programma heeft al het maximum van ${maxThemes} thema's.`
        : `The programme already has the maximum of ${maxThemes} themes.`
    }
    case "ReservedForMinimum": {
      const { minThemes } = r
      return nl
        ? `Overgeslagen: anders blijft er te weinig tijd over voor minstens ${minThemes} thema's.`
        : `Skipped: taking it would leave too little time for at least ${minThemes} themes.`
    }
    case "CoolingOff": {
      const { meetingsAgo, meetings } = r
      return nl
        ? `Rust even: besproken ${meetingsAgo === 1 ? "op de vorige bijeenkomst" : `${meetingsAgo} bijeenkomsten geleden`}, en thema's rusten ${meetings} ${meetings === 1 ? "bijeenkomst" : "bijeenkomsten"}.`
        : `Cooling off: discussed ${meetingsAgo === 1 ? "at the last meeting" : `${meetingsAgo} meetings ago`}, and themes rest for ${meetings} ${meetings === 1 ? "meeting" : "meetings"}.`
    }
    case "NoSupport": {
      return nl ? "Geen enkel lid steunde dit thema." : "No member supported this theme."
    }
    case "SupportersCannotPay": {
      const { step, money, needed } = r
      return nl
        ? `De leden die het steunden hadden in stap ${step} samen nog ${u(money)} van hun gelijke delen over; het vraagt ${u(needed)}.`
        : `At step ${step} the members who supported it had ${u(money)} left of their equal shares together; it needs ${u(needed)}.`
    }
    default:
      return absurd(r)
  }
}

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
  language === "nl"
    ? `Het wacht al ${waitingMeetings} ${waitingMeetings === 1 ? "bijeenkomst" : "bijeenkomsten"}: steun +${number(language, percent)} %.`
    : `It has waited ${waitingMeetings} ${waitingMeetings === 1 ? "meeting" : "meetings"}: support +${number(language, percent)}%.`

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
export const summary = (
  language: Language,
  unit: Unit,
  s: {
    readonly method: MethodName
    readonly themes: number
    readonly used: number
    readonly budget: number
    readonly members: number
    readonly withAtLeastOne: number
  }
): string => {
  const n = (x: number) => number(language, x)
  const u = (x: number) => `${n(x)} ${unitName(language, unit, x)}`
  const percent = s.members === 0 ? 0 : Math.round((100 * s.withAtLeastOne) / s.members)
  return language === "nl"
    ? `Volgens ${methodName(language, s.method)} staan er ${s.themes} thema's op het programma (${u(s.used)} van ${u(s.budget)}). ${n(s.withAtLeastOne)} van de ${n(s.members)} leden die stemden (${percent} %) zien minstens één thema terug dat ze steunden.`
    : `By ${methodName(language, s.method)} the programme has ${s.themes} themes (${u(s.used)} of ${u(s.budget)}). ${n(s.withAtLeastOne)} of the ${n(s.members)} members who voted (${percent}%) see at least one theme they supported.`
}

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
export const carried = (language: Language, w: Weight): string => {
  const n = (x: number) => number(language, x)
  const u = (x: number) => `${n(x)} ${unitName(language, "minutes", x)}`
  const nl = language === "nl"
  if (w.meetings === 0)
    return nl
      ? `Dit is uw eerste stem die meetelt over de bijeenkomsten heen: uw stem weegt gewoon, ${u(w.shareMinutes)}.`
      : `This is your first vote that counts across meetings: your vote weighs the usual ${u(w.shareMinutes)}.`
  const percent = w.fairShareMinutes > 0 ? Math.round((100 * w.gotMinutes) / w.fairShareMinutes) : 100
  const meetings = nl
    ? w.meetings === 1
      ? "Op de vorige bijeenkomst"
      : `Over de laatste ${w.meetings} bijeenkomsten`
    : w.meetings === 1
      ? "At the last meeting"
      : `Over the last ${w.meetings} meetings`
  const past =
    w.fairShareMinutes === 0
      ? nl
        ? `${meetings} stemde u niet.`
        : `${meetings} you did not vote.`
      : nl
        ? `${meetings} kregen uw thema's ${u(w.supportedMinutes)} op het programma: ${percent} % van uw eerlijke deel (${n(w.gotMinutes)} van ${u(w.fairShareMinutes)}, gedeeld met wie dezelfde thema's steunde).`
        : `${meetings} your themes got ${u(w.supportedMinutes)} of the programme: ${percent}% of your fair share (${n(w.gotMinutes)} of ${u(w.fairShareMinutes)}, shared with those who supported the same themes).`
  const tolerance = 0.005 * Math.max(1, w.shareMinutes)
  // "So" only when the sentence before gives the reason; a member who did not vote keeps an older balance.
  const so =
    w.fairShareMinutes === 0
      ? nl
        ? "Uw stem weegt"
        : "Your vote weighs"
      : nl
        ? "Daarom weegt uw stem"
        : "So your vote weighs"
  const now =
    w.startMinutes > w.shareMinutes + tolerance
      ? nl
        ? `${so} deze keer zwaarder: ${u(w.startMinutes)} in plaats van ${u(w.shareMinutes)}.`
        : `${so} more this time: ${u(w.startMinutes)} instead of ${u(w.shareMinutes)}.`
      : w.startMinutes < w.shareMinutes - tolerance
        ? nl
          ? `${so} deze keer minder: ${u(Math.max(0, w.startMinutes))} in plaats van ${u(w.shareMinutes)}.`
          : `${so} less this time: ${u(Math.max(0, w.startMinutes))} instead of ${u(w.shareMinutes)}.`
        : nl
          ? `Uw stem weegt deze keer gewoon: ${u(w.shareMinutes)}.`
          : `Your vote weighs the usual ${u(w.shareMinutes)} this time.`
  return `${past} ${now}`
}
