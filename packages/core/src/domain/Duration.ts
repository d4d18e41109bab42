/**
 * Durations, always in whole minutes.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A duration in whole minutes, from 1 minute to 24 hours.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const duration = Schema.decodeUnknownSync(Domain.DurationMinutes)(90)
 * // 0 and 1441 fail: expected a duration in whole minutes from 1 to 1440
 * ```
 * @since 0.1.0
 */
export const DurationMinutes = Schema.Int.pipe(
  Schema.between(1, 1440, {
    message: (issue) => `expected a duration in whole minutes from 1 to 1440, got ${JSON.stringify(issue.actual)}`
  }),
  Schema.annotations({ identifier: "DurationMinutes" })
)
/** @since 0.1.0 */
export type DurationMinutes = typeof DurationMinutes.Type
