/**
 * The Method of Equal Shares (MES) with the completions of its reference implementations.
 *
 * Sources: Peters, D., Pierczyński, G. & Skowron, P. (2021), "Proportional Participatory Budgeting
 * with Additive Utilities" (NeurIPS); Peters, D. & Skowron, P. (2020), "Proportionality and the
 * Limits of Welfarism" (EC); equalshares.net (Peters, Pierczyński, Skowron), its compute tool and
 * the Add1 completion; pabutools (Faliszewski et al., COMSOC community) for the satisfaction
 * measures and the utilitarian completion.
 *
 * Every voter gets an equal share of the budget. A candidate can be bought when its supporters
 * together still hold its cost; the price is split so that each supporter pays `ρ · u` (ρ per unit
 * of their utility u), or everything they have left if that is less. Step by step, the candidate
 * with the smallest ρ is bought. Ties on ρ (compared with a relative tolerance of 1e-9, see decision
 * record 0020) go to more supporters, then lower cost, then the id in code-point order.
 *
 * Completions (MES alone often leaves budget unspent):
 * - `add1`: raise every voter's share by `increment` and rerun, as long as the outcome stays within
 *   the budget, and stop at the first exhaustive outcome (equalshares.net options `exhaustive,
 *   integral`; `stop: "budget"` runs on until the next step would overspend, as Wieliczka 2023 did);
 * - `add1-utilitarian`: `add1`, then fill what is left greedily by utilitarian welfare;
 * - `utilitarian`: MES with the plain share, then the greedy fill.
 *
 * @since 0.1.0
 */
import type { Either } from "effect"
import type { AgendaInputError } from "../domain/DecodeError.js"
import type { Election, Satisfaction } from "./Election.js"
import * as internal from "./internal/equalShares.js"

/**
 * The completion applied after the plain Method of Equal Shares.
 *
 * @since 0.1.0
 */
export type Completion = "none" | "add1" | "add1-utilitarian" | "utilitarian"

/**
 * How the Add1 completion raises every voter's share between runs. Declared once: `select` and the
 * agenda's `equal-shares` method (`Agenda.Input.Method`) both take it. A field left out takes its
 * default from {@link add1Defaults}, the one place the defaults are stated.
 *
 * @example
 * ```ts
 * import type { Agenda } from "@grenzeloos/core"
 *
 * const add1: Agenda.EqualShares.Add1 = { increment: 1, integral: true, stop: "exhaustive" }
 * ```
 * @since 0.2.0
 */
export interface Add1 {
  /** Added to every voter's share per step, in cost units (minutes or slots in the agenda). */
  readonly increment?: number
  /** Start from the share rounded down to a whole unit (equalshares.net `integral`). */
  readonly integral?: boolean
  /** `exhaustive`: stop at the first outcome that leaves no candidate affordable; `budget`: go on while within the budget. */
  readonly stop?: "exhaustive" | "budget"
}

/**
 * The defaults of {@link Add1}, by where the election comes from (decision 0112):
 * - `election`: `select` on any election, as equalshares.net and the Pabulib results run it
 *   (costs in money): steps of 1 cost unit from the share rounded down;
 * - `agenda`: the agenda's Equal Shares methods, whose costs are minutes and whose shares are a few
 *   hundred minutes at most: steps of 1 % of the plain share, from the plain share itself.
 * Both stop at the first exhaustive outcome.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.EqualShares.add1Defaults.agenda(120) // { increment: 1.2, integral: false, stop: "exhaustive" }
 * ```
 * @since 0.2.0
 */
export const add1Defaults: {
  readonly election: Required<Add1>
  readonly agenda: (plainShare: number) => Required<Add1>
} = internal.add1Defaults

/**
 * Options of {@link select}.
 *
 * @example
 * ```ts
 * import type { Agenda } from "@grenzeloos/core"
 *
 * const options: Agenda.EqualShares.Options = { completion: "add1", add1: { increment: 1, integral: true } }
 * ```
 * @since 0.1.0
 */
export interface Options {
  /** Defaults to `cost` for approval votes and `cardinality` (the points) for the others. */
  readonly satisfaction?: Satisfaction
  /** Defaults to `add1`. */
  readonly completion?: Completion
  /** How Add1 raises the share; a field left out takes {@link add1Defaults}`.election`. */
  readonly add1?: Add1
  /** A utility multiplier per candidate id (the ageing rule); 1 when absent. */
  readonly multipliers?: ReadonlyMap<string, number>
  /**
   * Money carried over from earlier votes, per voter in input order (the balance of a
   * {@link Carried.MemberRecord}; negative for a voter who got more than their share). Each voter
   * starts with the equal share plus this, never below 0, and no selection exceeds the budget.
   * See decision record 0026.
   */
  readonly carried?: ReadonlyArray<number>
}

/**
 * One selected candidate and how it was paid for.
 *
 * @since 0.1.0
 */
export interface Step {
  readonly id: string
  readonly cost: number
  readonly by: "equal-shares" | "utilitarian-completion"
  /** Price per unit of utility (for `equal-shares`); with approval and cost satisfaction, ρ · cost is the most a supporter paid. */
  readonly rho?: number
  /** Supporters who paid a share. */
  readonly payers?: number
  /** Of them, those who paid everything they had left. */
  readonly exhausted?: number
  /** The most one supporter paid. */
  readonly maxPayment?: number
  /** Candidates whose ρ tied with this one and lost on the tie-break, in tie-break order. */
  readonly tiedWith?: ReadonlyArray<string>
}

/**
 * Why a candidate was not selected.
 *
 * @since 0.1.0
 */
export type Rejection =
  /** Nobody supports it (or it costs nothing). */
  | { readonly _tag: "NoSupport" }
  /** At some step its supporters held less money than its cost. */
  | { readonly _tag: "Unaffordable"; readonly step: number; readonly money: number }
  /** It did not fit the budget that the completion had left. */
  | { readonly _tag: "DoesNotFit"; readonly remaining: number }

/**
 * The outcome of {@link select}: the selection in order, the share per voter of the final run, and
 * per candidate not selected, why.
 *
 * @since 0.1.0
 */
export interface Outcome {
  readonly selected: ReadonlyArray<Step>
  readonly totalCost: number
  readonly sharePerVoter: number
  readonly satisfaction: Satisfaction
  readonly completion: Completion
  /** How many runs of MES the completion made. */
  readonly runs: number
  readonly rejected: ReadonlyMap<string, Rejection>
  /** Money left per voter after the final run, in input order of the votes. */
  readonly leftPerVoter: ReadonlyArray<number>
  /** What each voter paid in the final run, in input order of the votes (the completion's fill is paid by nobody). */
  readonly paidPerVoter: ReadonlyArray<number>
}

/**
 * Selects candidates by the Method of Equal Shares with a completion, as equalshares.net and
 * pabutools do; returns the selection in order of selection, or every problem of the election.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const outcome = Agenda.EqualShares.select(
 *   {
 *     budget: 120,
 *     candidates: [{ id: "t-woo", cost: 60 }, { id: "t-ego", cost: 60 }, { id: "t-ai", cost: 60 }],
 *     votes: [
 *       { _tag: "approval", themeIds: ["t-woo", "t-ego"] },
 *       { _tag: "approval", themeIds: ["t-woo", "t-ego"] },
 *       { _tag: "approval", themeIds: ["t-ai"] }
 *     ]
 *   },
 *   { completion: "none" }
 * )
 * if (Either.isRight(outcome)) console.log(outcome.right.selected.map((s) => s.id)) // ["t-woo", "t-ai"]
 * ```
 * @since 0.1.0
 */
export const select: (election: Election, options?: Options) => Either.Either<Outcome, AgendaInputError> =
  internal.select
