/**
 * The English renderer of the engines' reasons and the use cases' refusals.
 *
 * @since 0.2.0
 */
import { absurd } from "effect"
import type { GatheringStatus } from "../domain/Gathering.js"
import type { StateConflict } from "../domain/Lifecycles.js"
import type * as Poll from "../scheduling/Poll.js"
import type * as Sessions from "../scheduling/Sessions.js"
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
  planned: "planned (no date poll yet)",
  polling: "in its date poll",
  "date-decided": "given a date, not yet invited",
  invited: "invited",
  held: "held",
  closed: "closed",
  cancelled: "cancelled"
}
const state = (status: GatheringStatus): string => STATES[status]

const person = (p: Sessions.Person, n: Named) => (n.named(p.id) ? n.person(p.id) : `${p.role} ${p.id}`)
const people = (ps: ReadonlyArray<Sessions.Person>, n: Named) => ps.map((p) => person(p, n)).join(", ")

const standing = (s: Poll.Standing, n: Named) =>
  `${n.slot(s.slotId)}: ${s.yes.length} yes, ${s.ifNeedBe.length} if need be; cannot come: ${names(s.no, n)}; no answer: ${names(s.noAnswer, n)}${s.turnedAway > 0 ? `; ${s.turnedAway} do not fit in the venue` : ""}${s.requiredMissing.length > 0 ? `; required people missing: ${names(s.requiredMissing, n)}` : ""}`

const counts = (s: Poll.SlotCount, n: Named) =>
  `${n.slot(s.slotId)}: ${s.yes} yes, ${s.ifNeedBe} if need be, ${s.cannot} cannot come${s.requiredMissing > 0 ? `; ${s.requiredMissing} required people missing` : ""}`

const year = (f: Poll.YearFairness, withHistory: boolean, n: Named) => {
  const who = lowest(f, n)
  return `Over the year, with this date every member can come to at least ${percent(f.minimumShare)}% of the gatherings (mean ${percent(f.meanShare)}%, spread ${percent(f.spread)} points${f.minimumShare < 1 ? `; lowest: ${who}` : ""}).${f.unknown > 0 ? ` Members who did not answer (${f.unknown}) do not count for this date.` : ""}${withHistory ? ` Members who could not come before counted more, at most ${f.maxWeight} times.` : ""}`
}

const why = (w: Poll.Why): string => {
  switch (w._tag) {
    case "OnlySlot":
      return "the only slot"
    case "OthersMissRequired":
      return "the other slots miss required people"
    case "MoreCanCome":
      return `more people can come (weighted ${w.chosen} against ${w.runnerUp})`
    case "MoreYes":
      return `as many people, but more 'yes' than 'if need be' (${w.chosen} against ${w.runnerUp})`
    case "EarliestOnTie":
      return "a tie; the earliest slot goes first"
    default:
      return absurd(w)
  }
}

const session = (r: Sessions.SessionWindow, n: Named) =>
  `group ${n.group(r.groupId)}, session ${r.sessionNumber} (${r.windowFrom} – ${r.windowTo})`

const reason = (r: Reason, naming?: Naming): string => {
  const n = resolve(naming)
  switch (r._tag) {
    case "SlotChosen":
      return `Chosen: ${standing(r.chosen, n)}. Why: ${why(r.why)}.${r.runnerUp === undefined ? "" : ` Runner-up: ${standing(r.runnerUp, n)}.`} ${year(r.fairness, r.withHistory, n)}`
    case "NoSlotForRequired":
      return `No slot suits every required person. Who is missing per slot: ${r.slots.map((s) => `${n.slot(s.slotId)}: ${names(s.requiredMissing, n)}`).join("; ")}`
    case "SlotCounts":
      return r.slots.map((x) => counts(x, n)).join("; ")
    case "PairChosen":
      return `With ${n.slot(r.first)} and ${n.slot(r.second)}, ${r.reached} of ${r.of} members can come to at least one; not reached: ${names(r.neither, n)}.`
    case "TooFewSlotsForPair":
      return `${r.feasible} slots suit every required person; two meetings need two.`
    case "NoDayForSession":
      return `${session(r, n)}: no possible day — ${r.wrongWeekday} days are not ${r.weekday ?? "an allowed weekday"}, ${r.unsuitable} are unsuitable (holidays, school holidays, blackouts)${r.blockers.length > 0 ? `, and on the others someone cannot: ${people(r.blockers, n)}` : ""}`
    case "EveryDayDoubleBooks":
      return `${session(r, n)}: each of its ${r.candidates} possible days would double-book ${people(r.clashes, n) || "nobody, but breaks the spacing between sessions"}${r.rivals.length > 0 ? ` (sessions of ${r.rivals.join(", ")})` : ""}`
    case "SearchLimitReached":
      return `${session(r, n)}: no timetable found within ${r.maxSteps} search steps; the tightest point is where ${people(r.clashes, n) || "the spacing of sessions"} collide with ${r.rivals.join(", ") || "the group's own sessions"}`
    case "TooFewCandidates":
      return `only ${r.found} of ${r.wanted} slots: ${r.eligibleDays} eligible days × ${r.startTimes} start times in ${r.quarter}`
    case "UnknownMember":
      return `${r.path}: there is no member ${n.person(r.memberId)}`
    case "MemberNotActive":
      return `${r.path}: ${r.name} is ${r.status}, not an active member`
    case "MemberTwice":
      return `${r.path}: ${r.name} is given twice`
    case "NotASlot":
      return `${r.path}: ${n.slot(r.slotId)} is not a slot of this poll`
    case "UnknownTheme":
      return `${r.path}: there is no theme ${r.themeId}`
    case "ThemeNotOpen":
      return `${r.path}: the theme "${r.title}" is ${r.status}`
    case "ThemeTwice":
      return `${r.path}: "${r.title}" is listed twice`
    case "NoFittingSlot":
      return `no slot fits the availability of ${n.person(r.memberId)} (weekdays, parts of the day, days off or slots marked unavailable)`
    case "FittingSlotsTaken":
      return `the ${r.fitting} slots that fit ${n.person(r.memberId)} are needed for others: ${r.takenByOthers} went to other members${r.fullDays.length > 0 ? `; the rest fall on full days: ${r.fullDays.map((l) => `${n.person(l.facilitatorId)} on ${l.date} (at most ${l.max})`).join(", ")}` : ""}`
    default:
      return absurd(r)
  }
}

const INACTIVE: { readonly [S in InactiveState]: string } = {
  unregistered: "is not registered in this community",
  invited: "has not had their intake yet (status invited)",
  "intake-planned": "has not had their intake yet (status intake-planned)",
  paused: "has paused their membership",
  left: "has left the community",
  erased: "was erased on request"
}

const refusal = (e: Refusal): string => {
  switch (e._tag) {
    case "NotAllowed":
      return `not allowed to ${e.action}: this needs ${e.missing}`
    case "NotFound":
      return `${e.path}: there is no ${e.kind} ${e.id} in this community`
    case "InvalidState":
      return `${e.subject} ${e.problem}: ${e.hint}`
    case "MemberCannotAct":
      return `member ${e.memberId} cannot ${e.action}: the member ${INACTIVE[e.state]}`
    case "GatheringStateError": {
      const now = e.possible.length === 0 ? "—" : e.possible.join(", ")
      if (e.timing === "started")
        return `gathering "${e.title}" has already started; ${e.step} can only be done before it starts. What can be done now: ${now}`
      if (e.timing === "not-started")
        return `gathering "${e.title}" has not taken place yet; ${e.step} can only be done once it has started. What can be done now: ${now}`
      const needs = e.needs.map((s) => state(s as GatheringStatus)).join(" or ")
      return `gathering "${e.title}" is ${state(e.state as GatheringStatus)}; ${e.step} needs it to be ${needs}. What can be done now: ${now}`
    }
    default:
      return absurd(e)
  }
}

const conflict = (c: StateConflict): StateParts => {
  const poll = `poll "${c.title}" (${c.id})`
  const vote = `voting round "${c.title}" (${c.id})`
  const theme = `theme "${c.title}" (${c.id})`
  switch (c.step) {
    case "answerPoll":
      return { subject: poll, problem: "is closed", hint: "answers are taken while it is open" }
    case "requestPollAnswers":
      return { subject: poll, problem: "is closed", hint: "ask for answers while the poll is open" }
    case "decideDate":
      return { subject: `poll ${c.id}`, problem: "is already decided", hint: "propose new dates to decide again" }
    case "castBallot":
      return {
        subject: `voting round ${c.id}`,
        problem: "is closed",
        hint: "ballots can be cast while a round is open"
      }
    case "recordBallots":
      return { subject: vote, problem: "is closed", hint: "record ballots while the round is open" }
    case "withdrawBallot":
      return {
        subject: vote,
        problem: "is closed",
        hint: "a ballot can be withdrawn while its round is open; the result of a closed vote stays"
      }
    case "closeVoting":
      return { subject: vote, problem: "is already closed", hint: "open a new voting round for a new programme" }
    case "programmeFromVote":
      return {
        subject: vote,
        problem: "is still open",
        hint: "close the vote first (closeVoting), or give the themes in order"
      }
    case "editTheme":
      return {
        subject: theme,
        problem: `is ${c.state}, not on the backlog`,
        hint: "edit themes while they are on the backlog"
      }
    case "withdrawTheme":
      return c.state === "scheduled"
        ? {
            subject: theme,
            problem: "is on a gathering's programme",
            hint: "take it off the programme first (changeProgramme); it then returns to the backlog"
          }
        : {
            subject: theme,
            problem: `is ${c.state}, not on the backlog`,
            hint: "only themes on the backlog can be withdrawn"
          }
    case "formGroups":
      return {
        subject: `round ${c.id}`,
        problem: `is ${c.state}`,
        hint: "groups of a published round stay as they are; form the groups of a new round"
      }
    case "publishRound":
      return {
        subject: `round ${c.id}`,
        problem: `is already ${c.state}`,
        hint: "a round is published once; form the groups of a new round for a change"
      }
    case "planSessions":
      return {
        subject: `round "${c.title}" (${c.id})`,
        problem: "is closed",
        hint: "plan the sessions of a round that is planned or active"
      }
    case "recordIntake":
      return {
        subject: `intake ${c.id}`,
        problem: `is already ${c.state}`,
        hint: "plan a new intake for the member to record another one"
      }
    default:
      return absurd(c)
  }
}

/**
 * The English sentences.
 *
 * @example
 * ```ts
 * import { Texts } from "@grenzeloos/core"
 *
 * Texts.en.reason({ _tag: "NoFittingSlot", memberId: "m-001" })
 * // "no slot fits the availability of m-001 (weekdays, parts of the day, days off or slots marked unavailable)"
 * ```
 * @since 0.2.0
 */
export const en: Locale = { reason, why, refusal, state, conflict }
