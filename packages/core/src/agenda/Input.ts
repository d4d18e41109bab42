/**
 * The plain input of the agenda engine: the voting round, its themes with their durations, the
 * members' ballots, the meeting's budget, the method and the standing rules. {@link fromDomain}
 * builds it from decoded domain records.
 *
 * @since 0.1.0
 */
import { DateTime } from "effect"
import type { Ballot } from "../domain/Ballot.js"
import type { Language } from "../domain/Language.js"
import type { Theme } from "../domain/Theme.js"
import type { BallotFormat, VotingRound } from "../domain/VotingRound.js"
import type { MemberRecord } from "./Carried.js"
import type { Satisfaction, Vote } from "./Election.js"
import type { Add1, Completion } from "./EqualShares.js"

/**
 * A theme as the engine needs it.
 *
 * @since 0.1.0
 */
export interface ThemeInput {
  readonly id: string
  readonly durationMinutes: number
  readonly title?: string
  /** Meetings the theme has waited since it was proposed or last discussed (for ageing); 0 when absent. */
  readonly waitingMeetings?: number
  /** How many meetings ago it was last discussed (1 = at the last meeting); absent when never. */
  readonly lastDiscussedMeetingsAgo?: number
}

/**
 * A member's ballot. A later ballot of the same member replaces an earlier one: the latest
 * `castAtMillis` wins, then the later position in the list.
 *
 * @since 0.1.0
 */
export interface BallotInput {
  readonly memberId: string
  readonly content: Vote
  readonly castAtMillis?: number
  /** When given, it must be the round's id. */
  readonly votingRoundId?: string
}

/**
 * The voting round: its id, the themes on the ballot and the ballot format with its limits. (A
 * `Round` alone is the period of one set of learning groups, as the glossary has it.)
 *
 * @since 0.2.0
 */
export interface VotingRoundInput {
  readonly id?: string
  readonly themeIds: ReadonlyArray<string>
  readonly format: BallotFormat
}

/**
 * The voting round.
 *
 * @deprecated Since 0.2.0: use {@link VotingRoundInput}; `Round` names the period of a set of
 * learning groups (decision 0115).
 * @since 0.1.0
 */
export type RoundInput = VotingRoundInput

/**
 * The time of the meeting: minutes (each theme costs its duration) or a number of slots (each
 * theme takes one).
 *
 * @since 0.1.0
 */
export type Budget =
  | { readonly _tag: "minutes"; readonly minutes: number }
  | { readonly _tag: "slots"; readonly slots: number }

/**
 * How the programme is chosen:
 * - `greedy`: utilitarian, most support first (approvals, dots, score above the minimum, Borda points);
 * - `dots`: cumulative dots, most dots first (dots ballots);
 * - `score`: highest total score first (scores ballots; an unscored theme counts as the minimum);
 * - `borda`: Borda count over the ranking (ranking ballots);
 * - `schulze`: the Schulze ranking (ranking ballots);
 * - `equal-shares`: the Method of Equal Shares, proportional (every ballot kind);
 * - `equal-shares-carried`: Equal Shares where every member's unspent or under-served share of
 *   earlier votes is carried into this one, decayed (decision 0026);
 * - `perpetual-phragmen`: sequential Phragmén with durations as costs, with the members' loads
 *   carried over from earlier votes, decayed (Lackner 2020; decision 0025).
 * The carried methods read {@link AgendaInput.carried} and return the new records.
 * The first five fill the programme in their order, skipping themes that no longer fit.
 *
 * @since 0.1.0
 */
export type Method =
  | { readonly _tag: "greedy" }
  | { readonly _tag: "dots" }
  | { readonly _tag: "score" }
  | { readonly _tag: "borda" }
  | { readonly _tag: "schulze" }
  | {
      readonly _tag: "equal-shares"
      readonly satisfaction?: Satisfaction
      /** Defaults to `add1`. */
      readonly completion?: Completion
      /** How Add1 raises the share; a field left out takes `EqualShares.add1Defaults.agenda`. */
      readonly add1?: Add1
    }
  | {
      readonly _tag: "equal-shares-carried"
      /** The part of a balance kept per vote, from 0 (nothing carried) to 1; {@link Carried.defaultDecay} by default. */
      readonly decay?: number
      readonly satisfaction?: Satisfaction
      /** `add1` (default) or `none`; the utilitarian completions would spend time nobody paid for. */
      readonly completion?: "add1" | "none"
    }
  | {
      readonly _tag: "perpetual-phragmen"
      /** The part of a balance kept per vote, from 0 (nothing carried) to 1; {@link Carried.defaultDecay} by default. */
      readonly decay?: number
    }

/**
 * The community's standing rules, each applied explicitly and explained in the result.
 *
 * @since 0.1.0
 */
export interface StandingRules {
  /** Ageing: every meeting a theme waited adds `percentPerMeeting` % to its support, up to `maxPercent` (default 100). */
  readonly ageing?: { readonly percentPerMeeting: number; readonly maxPercent?: number }
  /** Cooling-off: themes discussed at one of the last `meetings` meetings are not eligible (unless pinned). */
  readonly coolingOff?: { readonly meetings: number }
  /** Themes the programme team puts on the programme regardless of the vote. */
  readonly pinned?: ReadonlyArray<string>
  readonly minThemes?: number
  readonly maxThemes?: number
}

/**
 * Everything {@link Prioritise.prioritise} needs.
 *
 * @since 0.1.0
 */
export interface AgendaInput {
  /** The voting round the ballots were cast in. */
  readonly round: VotingRoundInput
  readonly themes: ReadonlyArray<ThemeInput>
  readonly ballots: ReadonlyArray<BallotInput>
  readonly budget: Budget
  readonly method: Method
  readonly rules?: StandingRules
  /** The language of the explanations; Dutch by default. */
  readonly language?: Language
  /**
   * For the carried methods: the records of earlier votes (at least each member's latest; the last
   * three per member make the explanation), as the previous result's `carried.records` gave them.
   */
  readonly carried?: ReadonlyArray<MemberRecord>
}

/**
 * A past gathering, for ageing and cooling-off: its id and the day it was held.
 *
 * @since 0.1.0
 */
export interface PastGathering {
  readonly id: string
  /** YYYY-MM-DD. */
  readonly heldOn: string
}

/**
 * Builds the engine input from decoded domain records: the round, the backlog themes (only those on
 * the round are used), the ballots of the round, and the past gatherings (any order) from which the
 * waiting time and the last discussion of each theme follow.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Agenda, Domain } from "@grenzeloos/core"
 *
 * const round = Schema.decodeUnknownSync(Domain.VotingRound)({
 *   id: "v-2027-q1", communityId: "rijk", title: "Voorjaar", themeIds: ["t-woo"],
 *   format: { _tag: "approval" }, status: "closed",
 *   opensAt: "2027-01-04T08:00:00.000Z", closesAt: "2027-01-18T17:00:00.000Z"
 * })
 * const input = Agenda.Input.fromDomain({ round, themes: [], ballots: [], pastGatherings: [] })
 * const agenda = { ...input, budget: { _tag: "minutes" as const, minutes: 180 }, method: { _tag: "greedy" as const } }
 * ```
 * @since 0.1.0
 */
export const fromDomain = (records: {
  readonly round: VotingRound
  readonly themes: ReadonlyArray<Theme>
  readonly ballots: ReadonlyArray<Ballot>
  readonly pastGatherings?: ReadonlyArray<PastGathering>
}): Pick<AgendaInput, "round" | "themes" | "ballots"> => {
  const past = [...(records.pastGatherings ?? [])].sort((a, b) =>
    a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0
  )
  const position = new Map(past.map((g, k) => [g.id, k]))
  const onRound = new Set<string>(records.round.themeIds)
  const themes = records.themes
    .filter((t) => onRound.has(t.id))
    .map((t): ThemeInput => {
      const discussed = t.discussedAt.map((g) => position.get(g)).filter((k): k is number => k !== undefined)
      const last = discussed.length > 0 ? Math.max(...discussed) : undefined
      const since = last !== undefined ? last + 1 : past.findIndex((g) => g.heldOn >= t.proposedOn)
      const waitingMeetings = since < 0 ? 0 : past.length - since
      return {
        id: t.id,
        durationMinutes: t.durationMinutes,
        title: t.title,
        waitingMeetings,
        ...(last !== undefined ? { lastDiscussedMeetingsAgo: past.length - last } : {})
      }
    })
  return {
    round: { id: records.round.id, themeIds: records.round.themeIds, format: records.round.format },
    themes,
    ballots: records.ballots.map((b) => ({
      memberId: b.memberId,
      content: b.content,
      castAtMillis: DateTime.toEpochMillis(b.castAt),
      votingRoundId: b.votingRoundId
    }))
  }
}
