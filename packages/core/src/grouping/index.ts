/**
 * The grouping engine: learning groups that are diverse, fit the members and rotate without
 * repeats, over a pairwise score matrix built from a policy. Start with {@link Input.decode} and
 * {@link Form.form} (one round) or {@link Form.plan} (a rotation).
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Facilitators from "./Facilitators.js"
/** @since 0.1.0 */
export * as Form from "./Form.js"
/**
 * Rotations without repeated pairs from finite geometry, for the shapes it solves exactly.
 *
 * @since 0.1.0
 */
export * as Geometry from "./Geometry.js"
/** @since 0.1.0 */
export * from "./Infeasible.js"
/** @since 0.1.0 */
export * as Input from "./Input.js"
/** @since 0.1.0 */
export * as Matrix from "./Matrix.js"
/** @since 0.1.0 */
export * as Rotation from "./Rotation.js"
/** @since 0.1.0 */
export * as Search from "./Search.js"
/** @since 0.1.0 */
export * as Texts from "./Texts.js"
