/**
 * The typed error of the scheduling engines for input they cannot use: every problem at once,
 * each with its path, in the same shape as {@link Domain.DecodeError}.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { InputErrorFields } from "../domain/DecodeError.js"
import { formatProblems } from "../internal/problems.js"

/**
 * The scheduling input (a period, a poll with its answers, a time zone, a quarter) has problems;
 * `problems` lists every one with its path, nothing is dropped silently.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * const result = Scheduling.DutchCalendar.holidays(1850)
 * if (Either.isLeft(result)) console.error(result.left.message)
 * ```
 * @since 0.1.0
 */
export class SchedulingInputError extends Schema.TaggedError<SchedulingInputError>(
  "@grenzeloos/core/SchedulingInputError"
)("SchedulingInputError", InputErrorFields) {
  override get message(): string {
    return formatProblems(this.subject, this.problems)
  }
}
