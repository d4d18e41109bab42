/**
 * Prioritising the backlog: from a voting round's ballots to the programme of the next meeting
 * within its time, the ordered backlog, a reason for every theme, and fairness per member.
 *
 * The steps, each visible in the result:
 * 1. validate the input against the round (every problem at once);
 * 2. pinned themes go on the programme first; themes in their cooling-off are set aside;
 * 3. the method orders the eligible themes (support with ageing; Schulze; or Equal Shares, which
 *    chooses its own set within the time left after the pins);
 * 4. the programme is filled in that order within the budget, never above the maximum number of
 *    themes, and keeping room to reach the minimum number (a theme is skipped if taking it would
 *    leave too little time for the shortest themes still needed).
 *
 * Ties between themes: more supporters, then the shorter duration, then the id in code-point order.
 *
 * @since 0.1.0
 */
import type { Either } from "effect"
import type { AgendaInputError } from "../domain/DecodeError.js"
import type { Language } from "../domain/Language.js"
import type * as Carried from "./Carried.js"
import type { Completion } from "./EqualShares.js"
import type { MethodName, Reason } from "./Explanation.js"
import type { Fairness } from "./Fairness.js"
import type { AgendaInfeasible } from "./Infeasible.js"
import type { AgendaInput } from "./Input.js"
import * as internal from "./internal/prioritise.js"
import type * as Texts from "./Texts.js"
import type { ReplacedBallot } from "./Validation.js"

/**
 * One theme of the round in the outcome.
 *
 * @since 0.1.0
 */
export interface ThemeOutcome {
  readonly themeId: string
  readonly title?: string
  readonly inProgramme: boolean
  /** Its place in the ordered backlog, from 1. */
  readonly place: number
  readonly durationMinutes: number
  /** The method's measure, ageing included: approvals, dots, score, Borda points, or Schulze wins. */
  readonly support: number
  readonly supporters: number
  /** The ageing bonus applied to its support, in percent. */
  readonly ageingPercent: number
  readonly reason: Reason
  /** The reason (and ageing) as a sentence in the requested language. */
  readonly explanation: string
}

/**
 * The outcome of {@link prioritise}.
 *
 * @since 0.1.0
 */
export interface AgendaResult {
  readonly method: MethodName
  readonly unit: Texts.Unit
  readonly budget: number
  /** Minutes (or slots) the programme uses. */
  readonly used: number
  readonly language: Language
  /** The programme in order: pinned themes, then in order of choice. */
  readonly programme: ReadonlyArray<ThemeOutcome>
  /** Every theme of the round: the programme first, then the rest in the method's order, then the themes cooling off. */
  readonly backlog: ReadonlyArray<ThemeOutcome>
  readonly fairness: Fairness
  readonly replacedBallots: ReadonlyArray<ReplacedBallot>
  /** For Equal Shares: the share per member of the final run, the runs made and the completion. */
  readonly equalShares?: { readonly sharePerMember: number; readonly runs: number; readonly completion: Completion }
  /**
   * For the carried methods: this vote's record per member (the input of the next vote) and, per
   * member who voted, how much their vote weighed and why.
   */
  readonly carried?: {
    readonly method: Carried.CarriedMethod
    /** The number of this vote in the sequence of carried votes. */
    readonly meeting: number
    readonly decay: number
    readonly records: ReadonlyArray<Carried.MemberRecord>
    readonly members: ReadonlyArray<{
      readonly memberId: string
      readonly weight: Carried.Weight
      readonly explanation: string
    }>
  }
  /** A paragraph for the room. */
  readonly summary: string
}

/**
 * Chooses the programme of the next meeting from the round's ballots with the method and the
 * standing rules, explaining every theme; returns the input problems or the rule that cannot be met
 * instead of throwing.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const result = Agenda.Prioritise.prioritise({
 *   round: { themeIds: ["t-woo", "t-ego", "t-ai"], format: { _tag: "approval" } },
 *   themes: [
 *     { id: "t-woo", durationMinutes: 60 },
 *     { id: "t-ego", durationMinutes: 45 },
 *     { id: "t-ai", durationMinutes: 90 }
 *   ],
 *   ballots: [
 *     { memberId: "m-1", content: { _tag: "approval", themeIds: ["t-woo", "t-ego"] } },
 *     { memberId: "m-2", content: { _tag: "approval", themeIds: ["t-ai"] } }
 *   ],
 *   budget: { _tag: "minutes", minutes: 150 },
 *   method: { _tag: "equal-shares" },
 *   language: "en"
 * })
 * if (Either.isRight(result)) for (const t of result.right.backlog) console.log(t.themeId, t.explanation)
 * ```
 * @since 0.1.0
 */
export const prioritise: (input: AgendaInput) => Either.Either<AgendaResult, AgendaInputError | AgendaInfeasible> =
  internal.prioritise
