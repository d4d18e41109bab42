/**
 * The agenda engine: ballots, voting methods (utilitarian greedy, dots, score, Borda, Schulze, the
 * Method of Equal Shares with completions), the community's standing rules, explanations and
 * fairness per member, and the Pabulib `.pb` format.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Election from "./Election.js"
/** @since 0.1.0 */
export * as EqualShares from "./EqualShares.js"
/** @since 0.1.0 */
export * as Greedy from "./Greedy.js"
/** @since 0.1.0 */
export * from "./InputError.js"
/** @since 0.1.0 */
export * as Pabulib from "./Pabulib.js"
