/**
 * The Dutch renderer of the engines' reasons and the use cases' refusals.
 *
 * @since 0.2.0
 */
import { absurd } from "effect"
import type { GatheringStatus } from "../domain/Gathering.js"
import type { IntakeStatus } from "../domain/Intake.js"
import type { StateConflict } from "../domain/Lifecycles.js"
import type { MemberStatus, Weekday } from "../domain/Member.js"
import type { RoundStatus } from "../domain/Round.js"
import type { ThemeStatus } from "../domain/Theme.js"
import type * as Poll from "../scheduling/Poll.js"
import type * as Sessions from "../scheduling/Sessions.js"
import type { Right } from "../services/Access.js"
import type { InactiveState } from "../services/Errors.js"
import {
  type Locale,
  lowest,
  type Named,
  type Naming,
  names,
  percent,
  type Reason,
  type Refusal,
  resolve,
  type StateParts
} from "./Reason.js"

const STATES: { readonly [S in GatheringStatus]: string } = {
  planned: "gepland (nog geen datumprikker)",
  polling: "in de datumprikker",
  "date-decided": "op een datum vastgesteld, nog niet uitgenodigd",
  invited: "uitgenodigd",
  held: "gehouden",
  closed: "afgesloten",
  cancelled: "geannuleerd"
}
const state = (status: GatheringStatus): string => STATES[status]

const person = (p: Sessions.Person, n: Named) =>
  n.named(p.id) ? n.person(p.id) : `${p.role === "member" ? "lid" : "begeleider"} ${p.id}`
const people = (ps: ReadonlyArray<Sessions.Person>, n: Named) => ps.map((p) => person(p, n)).join(", ")

const WEEKDAYS: { readonly [D in Weekday]: string } = {
  monday: "maandag",
  tuesday: "dinsdag",
  wednesday: "woensdag",
  thursday: "donderdag",
  friday: "vrijdag",
  saturday: "zaterdag",
  sunday: "zondag"
}

const standing = (s: Poll.Standing, n: Named) =>
  `${n.slot(s.slotId)}: ${s.yes.length} ja, ${s.ifNeedBe.length} als het moet; kunnen niet: ${names(s.no, n)}; niet geantwoord: ${names(s.noAnswer, n)}${s.turnedAway > 0 ? `; ${s.turnedAway} passen niet in de zaal` : ""}${s.requiredMissing.length > 0 ? `; verplichte deelnemers ontbreken: ${names(s.requiredMissing, n)}` : ""}`

const counts = (s: Poll.SlotCount, n: Named) =>
  `${n.slot(s.slotId)}: ${s.yes} ja, ${s.ifNeedBe} als het moet, ${s.cannot} kunnen niet${s.requiredMissing > 0 ? `; ${s.requiredMissing} verplichte deelnemers ontbreken` : ""}`

const year = (f: Poll.YearFairness, withHistory: boolean, n: Named) => {
  const who = lowest(f, n)
  return `Over het jaar kan met deze datum ieder lid bij minstens ${percent(f.minimumShare)} % van de bijeenkomsten zijn (gemiddeld ${percent(f.meanShare)} %, spreiding ${percent(f.spread)} procentpunt${f.minimumShare < 1 ? `; het laagst: ${who}` : ""}).${f.unknown > 0 ? ` Wie niet antwoordde (${f.unknown} ${f.unknown === 1 ? "lid" : "leden"}), telt voor deze datum niet mee.` : ""}${withHistory ? ` Wie eerder niet kon, telde zwaarder mee, hoogstens ${f.maxWeight} keer.` : ""}`
}

const why = (w: Poll.Why): string => {
  switch (w._tag) {
    case "OnlySlot":
      return "de enige datum"
    case "OthersMissRequired":
      return "de andere datums missen verplichte deelnemers"
    case "MoreCanCome":
      return `meer deelnemers kunnen komen (gewogen ${w.chosen} tegen ${w.runnerUp})`
    case "MoreYes":
      return `evenveel deelnemers, maar meer 'ja' dan 'als het moet' (${w.chosen} tegen ${w.runnerUp})`
    case "EarliestOnTie":
      return "gelijke stand; de vroegste datum gaat voor"
    default:
      return absurd(w)
  }
}

const session = (r: Sessions.SessionWindow, n: Named) =>
  `groep ${n.group(r.groupId)}, bijeenkomst ${r.sessionNumber} (${r.windowFrom} – ${r.windowTo})`

const reason = (r: Reason, naming?: Naming): string => {
  const n = resolve(naming)
  switch (r._tag) {
    case "SlotChosen":
      return `Gekozen: ${standing(r.chosen, n)}. Reden: ${why(r.why)}.${r.runnerUp === undefined ? "" : ` Tweede keus: ${standing(r.runnerUp, n)}.`} ${year(r.fairness, r.withHistory, n)}`
    case "NoSlotForRequired":
      return `Geen enkele datum past voor alle verplichte deelnemers. Wie ontbreekt per datum: ${r.slots.map((s) => `${n.slot(s.slotId)}: ${names(s.requiredMissing, n)}`).join("; ")}`
    case "SlotCounts":
      return r.slots.map((x) => counts(x, n)).join("; ")
    case "PairChosen":
      return `Met ${n.slot(r.first)} en ${n.slot(r.second)} kunnen ${r.reached} van de ${r.of} leden ten minste één keer komen; niet te bereiken: ${names(r.neither, n)}.`
    case "TooFewSlotsForPair":
      return `Er zijn ${r.feasible} datums waarop alle verplichte deelnemers kunnen; voor twee bijeenkomsten zijn er twee nodig.`
    case "NoDayForSession":
      return `${session(r, n)}: geen enkele dag mogelijk — ${r.wrongWeekday} dagen zijn geen ${r.weekday === undefined ? "toegestane weekdag" : WEEKDAYS[r.weekday]}, ${r.unsuitable} vallen af (feestdagen, schoolvakanties, geblokkeerde dagen)${r.blockers.length > 0 ? `, en op de andere kan iemand niet: ${people(r.blockers, n)}` : ""}`
    case "EveryDayDoubleBooks":
      return `${session(r, n)}: elk van de ${r.candidates} mogelijke dagen zou ${people(r.clashes, n) || "niemand dubbel boeken, maar breekt de afstand tussen bijeenkomsten"}${r.clashes.length > 0 ? " dubbel boeken" : ""}${r.rivals.length > 0 ? ` (bijeenkomsten van ${r.rivals.join(", ")})` : ""}`
    case "SearchLimitReached":
      return `${session(r, n)}: geen rooster gevonden binnen ${r.maxSteps} zoekstappen; het krapst is het waar ${people(r.clashes, n) || "de afstand tussen bijeenkomsten"} botst met ${r.rivals.join(", ") || "de eigen bijeenkomsten van de groep"}`
    case "TooFewCandidates":
      return `${r.found} van de ${r.wanted} momenten: ${r.eligibleDays} geschikte dagen × ${r.startTimes} begintijden in ${r.quarter}`
    case "UnknownMember":
      return `${r.path}: er is geen lid ${n.person(r.memberId)}`
    case "MemberNotActive":
      return `${r.path}: ${r.name} ${STATUS[r.status]}, geen actief lid`
    case "MemberTwice":
      return `${r.path}: ${r.name} staat er twee keer in`
    case "NotASlot":
      return `${r.path}: ${r.slotId} is geen moment van deze datumprikker`
    case "UnknownTheme":
      return `${r.path}: er is geen thema ${r.themeId}`
    case "ThemeNotOpen":
      return `${r.path}: "${r.title}" ${THEME_STATUS[r.status]}`
    case "ThemeTwice":
      return `${r.path}: "${r.title}" staat er twee keer in`
    case "NoFittingSlot":
      return `geen moment past bij de beschikbaarheid van ${n.person(r.memberId)} (weekdagen, dagdelen, vrije dagen of momenten die niet kunnen)`
    case "FittingSlotsTaken":
      return `de ${r.fitting} momenten die passen bij ${n.person(r.memberId)} zijn voor anderen nodig: ${r.takenByOthers} gingen naar andere leden${r.fullDays.length > 0 ? `; de rest valt op volle dagen: ${r.fullDays.map((l) => `${n.person(l.facilitatorId)} op ${l.date} (hoogstens ${l.max})`).join(", ")}` : ""}`
    default:
      return absurd(r)
  }
}

const STATUS: { readonly [S in Exclude<MemberStatus, "active">]: string } = {
  invited: "is uitgenodigd",
  "intake-planned": "heeft een intake gepland",
  paused: "heeft gepauzeerd",
  left: "is vertrokken"
}

const THEME_STATUS: { readonly [S in ThemeStatus]: string } = {
  backlog: "staat op de voorraadagenda",
  scheduled: "is al ingepland",
  discussed: "is al besproken",
  archived: "is gearchiveerd"
}

const ROUND_STATUS: { readonly [S in RoundStatus]: string } = {
  planning: "in voorbereiding",
  active: "gepubliceerd en loopt",
  closed: "afgesloten"
}

const INTAKE_STATUS: { readonly [S in IntakeStatus]: string } = {
  planned: "gepland",
  held: "gehouden",
  cancelled: "geannuleerd"
}

const RIGHTS: { readonly [R in Right]: string } = {
  "membership of this community": "lidmaatschap van deze community",
  "programme team": "het programmateam",
  "programme team or administrator": "het programmateam of een beheerder",
  administrator: "een beheerder",
  "own record": "het eigen dossier",
  "own record, programme team or administrator": "het eigen dossier, het programmateam of een beheerder",
  "membership of the learning group": "lidmaatschap van de leergroep",
  "author of the case": "de schrijver van de casus",
  "participant in the intake": "deelname aan het intakegesprek",
  "member of the community": "lid van de community",
  "a resource that fits the action": "iets waar deze handeling bij past",
  "a registered facilitator": "een geregistreerde begeleider"
}

const INACTIVE: { readonly [S in InactiveState]: string } = {
  unregistered: "staat niet geregistreerd in deze community",
  invited: "heeft nog geen intakegesprek gehad (status uitgenodigd)",
  "intake-planned": "heeft nog geen intakegesprek gehad (intake gepland)",
  paused: "heeft het lidmaatschap gepauzeerd",
  left: "heeft de community verlaten",
  erased: "is op verzoek gewist"
}

const KINDS: Readonly<Record<string, string>> = {
  gathering: "bijeenkomst",
  "availability-poll": "datumprikker",
  "availability poll": "datumprikker",
  poll: "datumprikker",
  "voting-round": "stemronde",
  "voting round": "stemronde",
  "learning-group": "leergroep",
  "learning group": "leergroep",
  round: "ronde",
  member: "lid",
  facilitator: "begeleider",
  theme: "thema",
  intake: "intakegesprek",
  case: "casus",
  community: "community"
}

const refusal = (e: Refusal): string => {
  switch (e._tag) {
    case "NotAllowed":
      return `u mag ${e.action} niet: daarvoor is nodig: ${RIGHTS[e.missing as Right] ?? e.missing}`
    case "NotFound":
      return `${e.path}: er is geen ${KINDS[e.kind] ?? e.kind} ${e.id} in deze community`
    case "InvalidState": {
      const parts = e.nl ?? e
      return `kan niet: ${parts.subject} ${parts.problem}. Wat wel kan: ${parts.hint}`
    }
    case "MemberCannotAct":
      return `lid ${e.memberId} kan ${e.action} niet: het lid ${INACTIVE[e.state]}`
    case "GatheringStateError": {
      const now = e.possible.length === 0 ? "—" : e.possible.join(", ")
      if (e.timing === "started")
        return `bijeenkomst "${e.title}" is al begonnen; ${e.step} kan alleen voordat hij begint. Wat nu kan: ${now}`
      if (e.timing === "not-started")
        return `bijeenkomst "${e.title}" heeft nog niet plaatsgevonden; ${e.step} kan pas als hij begonnen is. Wat nu kan: ${now}`
      const needs = e.needs.map((s) => state(s as GatheringStatus)).join(" of ")
      return `bijeenkomst "${e.title}" is ${state(e.state as GatheringStatus)}; ${e.step} kan alleen als hij ${needs} is. Wat nu kan: ${now}`
    }
    default:
      return absurd(e)
  }
}

const conflict = (c: StateConflict): StateParts => {
  const poll = `datumprikker "${c.title}" (${c.id})`
  const vote = `stemronde "${c.title}" (${c.id})`
  const theme = `thema "${c.title}" (${c.id})`
  switch (c.step) {
    case "answerPoll":
      return {
        subject: poll,
        problem: "is gesloten",
        hint: "antwoorden worden aangenomen zolang de datumprikker open is"
      }
    case "requestPollAnswers":
      return { subject: poll, problem: "is gesloten", hint: "vraag om antwoorden zolang de datumprikker open is" }
    case "decideDate":
      return {
        subject: `datumprikker ${c.id}`,
        problem: "is al beslist",
        hint: "stel nieuwe data voor (proposeDates) om opnieuw te beslissen"
      }
    case "castBallot":
      return { subject: `stemronde ${c.id}`, problem: "is gesloten", hint: "stemmen kan zolang een stemronde open is" }
    case "recordBallots":
      return { subject: vote, problem: "is gesloten", hint: "leg stemmen vast zolang de stemronde open is" }
    case "withdrawBallot":
      return {
        subject: vote,
        problem: "is gesloten",
        hint: "een stem kan worden ingetrokken zolang de stemronde open is; de uitslag van een gesloten stemronde blijft staan"
      }
    case "closeVoting":
      return { subject: vote, problem: "is al gesloten", hint: "open een nieuwe stemronde voor een nieuw programma" }
    case "programmeFromVote":
      return {
        subject: vote,
        problem: "is nog open",
        hint: "sluit eerst de stemronde (closeVoting), of geef de thema's op volgorde"
      }
    case "editTheme":
      return {
        subject: theme,
        problem: `${THEME_STATUS[c.state]} en staat niet op de voorraadagenda`,
        hint: "wijzig een thema zolang het op de voorraadagenda staat"
      }
    case "withdrawTheme":
      return c.state === "scheduled"
        ? {
            subject: theme,
            problem: "staat op het programma van een bijeenkomst",
            hint: "haal het eerst van het programma (changeProgramme); dan keert het terug naar de voorraadagenda"
          }
        : {
            subject: theme,
            problem: `${THEME_STATUS[c.state]} en staat niet op de voorraadagenda`,
            hint: "alleen thema's op de voorraadagenda kunnen worden ingetrokken"
          }
    case "formGroups":
      return {
        subject: `ronde ${c.id}`,
        problem: `is al ${ROUND_STATUS[c.state]}`,
        hint: "de groepen van een gepubliceerde ronde blijven zoals ze zijn; vorm de groepen van een nieuwe ronde"
      }
    case "publishRound":
      return {
        subject: `ronde ${c.id}`,
        problem: `is al ${ROUND_STATUS[c.state]}`,
        hint: "een ronde wordt één keer gepubliceerd; vorm voor een wijziging de groepen van een nieuwe ronde"
      }
    case "planSessions":
      return {
        subject: `ronde "${c.title}" (${c.id})`,
        problem: "is gesloten",
        hint: "plan de bijeenkomsten van een ronde die gepland of actief is"
      }
    case "recordIntake":
      return {
        subject: `intake ${c.id}`,
        problem: `is al ${INTAKE_STATUS[c.state]}`,
        hint: "plan een nieuwe intake voor het lid om er nog een vast te leggen"
      }
    default:
      return absurd(c)
  }
}

/**
 * De Nederlandse zinnen.
 *
 * @example
 * ```ts
 * import { Texts } from "@grenzeloos/core"
 *
 * Texts.nl.reason({ _tag: "NoFittingSlot", memberId: "m-001" })
 * // "geen moment past bij de beschikbaarheid van m-001 (weekdagen, dagdelen, vrije dagen of momenten die niet kunnen)"
 * ```
 * @since 0.2.0
 */
export const nl: Locale = { reason, why, refusal, state, conflict }
