/**
 * The agenda engine: ballots, voting methods (utilitarian greedy, dots, score, Borda, Schulze, the
 * Method of Equal Shares with completions), the community's standing rules, explanations and
 * fairness per member, and the Pabulib `.pb` format. Start with {@link Prioritise.prioritise}.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Election from "./Election.js"
/** @since 0.1.0 */
export * as EqualShares from "./EqualShares.js"
/** @since 0.1.0 */
export * as Explanation from "./Explanation.js"
/** @since 0.1.0 */
export * as Fairness from "./Fairness.js"
/** @since 0.1.0 */
export * as Greedy from "./Greedy.js"
/** @since 0.1.0 */
export * from "./Infeasible.js"
/** @since 0.1.0 */
export * as Input from "./Input.js"
/** @since 0.1.0 */
export * from "./InputError.js"
/** @since 0.1.0 */
export * as Pabulib from "./Pabulib.js"
/** @since 0.1.0 */
export * as Prioritise from "./Prioritise.js"
/** @since 0.1.0 */
export * as Schulze from "./Schulze.js"
/** @since 0.1.0 */
export * as Scoring from "./Scoring.js"
/** @since 0.1.0 */
export * as Texts from "./Texts.js"
/** @since 0.1.0 */
export * as Validation from "./Validation.js"
