// The agenda engine in English.
import { absurd } from "effect"
import type { MethodName } from "../Explanation.js"
import type { Unit } from "../Texts.js"
import type { AgendaLocale } from "./Locale.js"

// Made once: building an Intl.NumberFormat per call costs more than the whole vote count.
const format = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 })
const n = (x: number): string => format.format(x)
const unitName = (unit: Unit, x: number): string => (x === 1 ? unit.slice(0, -1) : unit)
const in_ = (unit: Unit) => (x: number) => `${n(x)} ${unitName(unit, x)}`

const METHODS: { readonly [M in MethodName]: string } = {
  greedy: "most support",
  dots: "the number of dots",
  score: "the total score",
  borda: "the Borda count",
  schulze: "the Schulze method",
  "equal-shares": "the Method of Equal Shares",
  "equal-shares-carried": "the Method of Equal Shares with carried budgets",
  "perpetual-phragmen": "perpetual Phragmén"
}

// Which of the tied themes won, for the methods that buy themes step by step.
const tie = (tiedWith: ReadonlyArray<string>): string =>
  tiedWith.length === 0
    ? ""
    : ` It tied with ${tiedWith.join(", ")}; more supporters, then the shorter duration, then the id decided.`

export const en: AgendaLocale = {
  methodName: (method) => METHODS[method],
  reason: (unit, r) => {
    const u = in_(unit)
    switch (r._tag) {
      case "Pinned":
        return `Pinned by the programme team${r.coolingOffOverridden ? ", over its cooling-off" : ""}.`
      case "Ranked":
        return `On the programme: place ${r.place} of ${r.of} by ${METHODS[r.method]} (support ${n(r.support)}), and it still fitted.`
      case "EqualShares":
        return `Chosen at step ${r.step} of the Method of Equal Shares: ${n(r.payers)} ${r.payers === 1 ? "member" : "members"} paid for it, each at most ${u(r.maxPayment)} of an equal share of ${u(r.share)}.${tie(r.tiedWith)}`
      case "Phragmen":
        return `Chosen at step ${r.step} of perpetual Phragmén: its ${n(r.supporters)} ${r.supporters === 1 ? "supporter carries" : "supporters share"} its time and end with a load of ${u(r.load)} each, the lowest of the themes that still fitted.${tie(r.tiedWith)}`
      case "Completion":
        return `Added with the time left over, in order of support (support ${n(r.support)}).`
      case "AddedForMinimum":
        return `Added because the programme needs at least ${r.minThemes} themes.`
      case "DoesNotFit":
        return `Does not fit: it needs ${u(r.needed)} and ${u(r.remaining)} ${r.remaining === 1 ? "is" : "are"} left.`
      case "MaxThemes":
        return `The programme already has the maximum of ${r.maxThemes} themes.`
      case "ReservedForMinimum":
        return `Skipped: taking it would leave too little time for at least ${r.minThemes} themes.`
      case "CoolingOff":
        return `Cooling off: discussed ${r.meetingsAgo === 1 ? "at the last meeting" : `${r.meetingsAgo} meetings ago`}, and themes rest for ${r.meetings} ${r.meetings === 1 ? "meeting" : "meetings"}.`
      case "NoSupport":
        return "No member supported this theme."
      case "SupportersCannotPay":
        return `At step ${r.step} the members who supported it had ${u(r.money)} left of their equal shares together; it needs ${u(r.needed)}.`
      default:
        return absurd(r)
    }
  },
  ageing: (waiting, percent) =>
    `It has waited ${waiting} ${waiting === 1 ? "meeting" : "meetings"}: support +${n(percent)}%.`,
  summary: (unit, s) => {
    const u = in_(unit)
    const percent = s.members === 0 ? 0 : Math.round((100 * s.withAtLeastOne) / s.members)
    return `By ${METHODS[s.method]} the programme has ${s.themes} themes (${u(s.used)} of ${u(s.budget)}). ${n(s.withAtLeastOne)} of the ${n(s.members)} members who voted (${percent}%) see at least one theme they supported.`
  },
  carried: (w) => {
    const u = in_("minutes")
    if (w.meetings === 0)
      return `This is your first vote that counts across meetings: your vote weighs the usual ${u(w.shareMinutes)}.`
    const percent = w.fairShareMinutes > 0 ? Math.round((100 * w.gotMinutes) / w.fairShareMinutes) : 100
    const meetings = w.meetings === 1 ? "At the last meeting" : `Over the last ${w.meetings} meetings`
    const past =
      w.fairShareMinutes === 0
        ? `${meetings} you did not vote.`
        : `${meetings} your themes got ${u(w.supportedMinutes)} of the programme: ${percent}% of your fair share (${n(w.gotMinutes)} of ${u(w.fairShareMinutes)}, shared with those who supported the same themes).`
    const tolerance = 0.005 * Math.max(1, w.shareMinutes)
    // "So" only when the sentence before gives the reason; a member who did not vote keeps an older balance.
    const so = w.fairShareMinutes === 0 ? "Your vote weighs" : "So your vote weighs"
    const now =
      w.startMinutes > w.shareMinutes + tolerance
        ? `${so} more this time: ${u(w.startMinutes)} instead of ${u(w.shareMinutes)}.`
        : w.startMinutes < w.shareMinutes - tolerance
          ? `${so} less this time: ${u(Math.max(0, w.startMinutes))} instead of ${u(w.shareMinutes)}.`
          : `Your vote weighs the usual ${u(w.shareMinutes)} this time.`
    return `${past} ${now}`
  }
}
