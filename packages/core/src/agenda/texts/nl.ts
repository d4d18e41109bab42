// The agenda engine in Dutch.
import { absurd } from "effect"
import type { MethodName } from "../Explanation.js"
import type { Unit } from "../Texts.js"
import type { AgendaLocale } from "./Locale.js"

// Made once: building an Intl.NumberFormat per call costs more than the whole vote count.
const format = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 })
const n = (x: number): string => format.format(x)
const unitName = (unit: Unit, x: number): string =>
  unit === "minutes" ? (x === 1 ? "minuut" : "minuten") : x === 1 ? "plek" : "plekken"
const in_ = (unit: Unit) => (x: number) => `${n(x)} ${unitName(unit, x)}`

const METHODS: { readonly [M in MethodName]: string } = {
  greedy: "de meeste steun",
  dots: "het aantal stippen",
  score: "de totale score",
  borda: "de Borda-telling",
  schulze: "de Schulze-methode",
  "equal-shares": "de methode van gelijke delen",
  "equal-shares-carried": "de methode van gelijke delen met meegenomen tegoed",
  "perpetual-phragmen": "de doorlopende methode van Phragmén"
}

// Which of the tied themes won, for the methods that buy themes step by step.
const tie = (tiedWith: ReadonlyArray<string>): string =>
  tiedWith.length === 0
    ? ""
    : ` Het stond gelijk met ${tiedWith.join(", ")}; meer steun, dan kortere duur, dan het id gaf de doorslag.`

export const nl: AgendaLocale = {
  methodName: (method) => METHODS[method],
  reason: (unit, r) => {
    const u = in_(unit)
    switch (r._tag) {
      case "Pinned":
        return `Vastgezet door het programmateam${r.coolingOffOverridden ? ", ondanks de afkoelperiode" : ""}.`
      case "Ranked":
        return `Op het programma: plaats ${r.place} van ${r.of} volgens ${METHODS[r.method]} (steun ${n(r.support)}), en het paste nog.`
      case "EqualShares":
        return `Gekozen in stap ${r.step} van de methode van gelijke delen: ${n(r.payers)} ${r.payers === 1 ? "lid betaalde" : "leden betaalden"} mee, ieder hoogstens ${u(r.maxPayment)} van een gelijk deel van ${u(r.share)}.${tie(r.tiedWith)}`
      case "Phragmen":
        return `Gekozen in stap ${r.step} van de doorlopende methode van Phragmén: de ${n(r.supporters)} ${r.supporters === 1 ? "lid dat het steunde draagt" : "leden die het steunden dragen"} de tijd samen en ${r.supporters === 1 ? "komt" : "komen"} op een last van ${u(r.load)} ieder, de laagste van de thema's die nog pasten.${tie(r.tiedWith)}`
      case "Completion":
        return `Toegevoegd met de overgebleven tijd, op volgorde van steun (steun ${n(r.support)}).`
      case "AddedForMinimum":
        return `Toegevoegd omdat het programma minstens ${r.minThemes} thema's moet hebben.`
      case "DoesNotFit":
        return `Past niet: het vraagt ${u(r.needed)} en er is nog ${u(r.remaining)} over.`
      case "MaxThemes":
        return `Het programma heeft al het maximum van ${r.maxThemes} thema's.`
      case "ReservedForMinimum":
        return `Overgeslagen: anders blijft er te weinig tijd over voor minstens ${r.minThemes} thema's.`
      case "CoolingOff":
        return `Rust even: besproken ${r.meetingsAgo === 1 ? "op de vorige bijeenkomst" : `${r.meetingsAgo} bijeenkomsten geleden`}, en thema's rusten ${r.meetings} ${r.meetings === 1 ? "bijeenkomst" : "bijeenkomsten"}.`
      case "NoSupport":
        return "Geen enkel lid steunde dit thema."
      case "SupportersCannotPay":
        return `De leden die het steunden hadden in stap ${r.step} samen nog ${u(r.money)} van hun gelijke delen over; het vraagt ${u(r.needed)}.`
      default:
        return absurd(r)
    }
  },
  ageing: (waiting, percent) =>
    `Het wacht al ${waiting} ${waiting === 1 ? "bijeenkomst" : "bijeenkomsten"}: steun +${n(percent)} %.`,
  summary: (unit, s) => {
    const u = in_(unit)
    const percent = s.members === 0 ? 0 : Math.round((100 * s.withAtLeastOne) / s.members)
    return `Volgens ${METHODS[s.method]} staan er ${s.themes} thema's op het programma (${u(s.used)} van ${u(s.budget)}). ${n(s.withAtLeastOne)} van de ${n(s.members)} leden die stemden (${percent} %) zien minstens één thema terug dat ze steunden.`
  },
  carried: (w) => {
    const u = in_("minutes")
    if (w.meetings === 0)
      return `Dit is uw eerste stem die meetelt over de bijeenkomsten heen: uw stem weegt gewoon, ${u(w.shareMinutes)}.`
    const percent = w.fairShareMinutes > 0 ? Math.round((100 * w.gotMinutes) / w.fairShareMinutes) : 100
    const meetings = w.meetings === 1 ? "Op de vorige bijeenkomst" : `Over de laatste ${w.meetings} bijeenkomsten`
    const past =
      w.fairShareMinutes === 0
        ? `${meetings} stemde u niet.`
        : `${meetings} kregen uw thema's ${u(w.supportedMinutes)} op het programma: ${percent} % van uw eerlijke deel (${n(w.gotMinutes)} van ${u(w.fairShareMinutes)}, gedeeld met wie dezelfde thema's steunde).`
    const tolerance = 0.005 * Math.max(1, w.shareMinutes)
    // "Daarom" only when the sentence before gives the reason; a member who did not vote keeps an older balance.
    const so = w.fairShareMinutes === 0 ? "Uw stem weegt" : "Daarom weegt uw stem"
    const now =
      w.startMinutes > w.shareMinutes + tolerance
        ? `${so} deze keer zwaarder: ${u(w.startMinutes)} in plaats van ${u(w.shareMinutes)}.`
        : w.startMinutes < w.shareMinutes - tolerance
          ? `${so} deze keer minder: ${u(Math.max(0, w.startMinutes))} in plaats van ${u(w.shareMinutes)}.`
          : `Uw stem weegt deze keer gewoon: ${u(w.shareMinutes)}.`
    return `${past} ${now}`
  }
}
