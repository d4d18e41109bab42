/**
 * The grouping engine: learning groups that are diverse, fit the members and rotate without
 * repeats, over a pairwise score matrix built from a policy.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Search from "./Search.js"
/** @since 0.1.0 */
export * as Rotation from "./Rotation.js"
