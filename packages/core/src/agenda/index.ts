/**
 * The agenda engine: ballots, voting methods (utilitarian greedy, dots, score, Borda, Schulze, the
 * Method of Equal Shares with completions), the community's standing rules, explanations and
 * fairness per member, and the Pabulib `.pb` format. Start with {@link Prioritise.prioritise}.
 *
 * @since 0.1.0
 */
/**
 * The error of the agenda engine for input it cannot use, with the path of every problem.
 *
 * @since 0.1.0
 */
export { AgendaInputError } from "../domain/DecodeError.js"
/**
 * Fairness carried across meetings: a record per member and vote of what they were owed and got.
 *
 * @since 0.2.0
 */
export * as Carried from "./Carried.js"
/**
 * A participatory-budgeting election in plain data: candidates with their cost, the votes and the budget.
 *
 * @since 0.1.0
 */
export * as Election from "./Election.js"
/**
 * The Method of Equal Shares, with the completions of its reference implementations.
 *
 * @since 0.1.0
 */
export * as EqualShares from "./EqualShares.js"
/**
 * Why a theme is on the programme or not, as a small tagged reason per theme.
 *
 * @since 0.1.0
 */
export * as Explanation from "./Explanation.js"
/**
 * Fairness per member: how many of a member's themes made the programme, and who got none.
 *
 * @since 0.1.0
 */
export * as Fairness from "./Fairness.js"
/**
 * Utilitarian greedy selection: candidates in order of support per unit of cost, each taken if it still fits.
 *
 * @since 0.1.0
 */
export * as Greedy from "./Greedy.js"
/** @since 0.1.0 */
export * from "./Infeasible.js"
/**
 * The plain input of the agenda engine, and how to build it from decoded domain records.
 *
 * @since 0.1.0
 */
export * as Input from "./Input.js"
/**
 * Reading and writing the Pabulib `.pb` format of participatory-budgeting elections.
 *
 * @since 0.1.0
 */
export * as Pabulib from "./Pabulib.js"
/**
 * Sequential Phragmén with durations as costs and carried loads: perpetual Phragmén.
 *
 * @since 0.2.0
 */
export * as Phragmen from "./Phragmen.js"
/**
 * Prioritising the backlog: from a voting round's ballots to the programme of the next meeting.
 *
 * @since 0.1.0
 */
export * as Prioritise from "./Prioritise.js"
/**
 * The Schulze method: a full ranking of the themes from pairwise preferences.
 *
 * @since 0.1.0
 */
export * as Schulze from "./Schulze.js"
/**
 * Support per theme under the scoring methods: approvals, cumulative dots, scores and the Borda count.
 *
 * @since 0.1.0
 */
export * as Scoring from "./Scoring.js"
/**
 * Every sentence the agenda engine writes for people, in Dutch and English.
 *
 * @since 0.1.0
 */
export * as Texts from "./Texts.js"
/**
 * Checks the agenda input against its voting round and lists every problem with its path.
 *
 * @since 0.1.0
 */
export * as Validation from "./Validation.js"
