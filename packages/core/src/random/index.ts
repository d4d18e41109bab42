/**
 * Seeded randomness for deterministic engines.
 *
 * @since 0.1.0
 */
export * from "./Rng.js"
