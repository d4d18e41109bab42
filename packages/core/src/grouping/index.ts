/**
 * The grouping engine: learning groups that are diverse, fit the members and rotate without
 * repeats, over a pairwise score matrix built from a policy. Start with {@link Input.decode} and
 * {@link Form.form} (one round) or {@link Form.formRotation} (a rotation).
 *
 * @since 0.1.0
 */

/**
 * Assigning a facilitator to every group, spreading the load as evenly as possible.
 *
 * @since 0.1.0
 */
export * as Facilitators from "./Facilitators.js"
/**
 * Forming the learning groups of a round, or planning several rounds at once.
 *
 * @since 0.1.0
 */
export * as Form from "./Form.js"
/**
 * Rotations without repeated pairs from finite geometry, for the shapes it solves exactly.
 *
 * @since 0.1.0
 */
export * as Geometry from "./Geometry.js"
/** @since 0.1.0 */
export * from "./Infeasible.js"
/**
 * The input of the grouping engine and its decoding, with every problem's path.
 *
 * @since 0.1.0
 */
export * as Input from "./Input.js"
/**
 * Compiling a grouping request into the pairwise score matrix the search works on.
 *
 * @since 0.1.0
 */
export * as Matrix from "./Matrix.js"
/**
 * The rotation engine: several rounds at once, with as few repeated pairs as possible.
 *
 * @since 0.1.0
 */
export * as Rotation from "./Rotation.js"
/**
 * The search engine: groups with size bounds that maximise the pairwise scores inside them.
 *
 * @since 0.1.0
 */
export * as Search from "./Search.js"
/**
 * Every sentence the grouping engine writes for people, in Dutch and English.
 *
 * @since 0.1.0
 */
export * as Texts from "./Texts.js"
/**
 * Wishes across rounds: requested colleagues, and the unmet wishes remembered so that those who lost out go first next time.
 *
 * @since 0.2.0
 */
export * as Wishes from "./Wishes.js"
