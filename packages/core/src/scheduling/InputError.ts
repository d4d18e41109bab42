/**
 * The typed error of the scheduling engines for input they cannot use: every problem at once,
 * each with its path, in the same shape as {@link Domain.DecodeError}.
 *
 * @since 0.1.0
 */
import { Either, type ParseResult, Schema } from "effect"
import { fromParseError, Problem } from "../domain/DecodeError.js"

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
)("SchedulingInputError", {
  /** What was being checked, e.g. "availability poll p-2027-q1" or "candidate slots". */
  subject: Schema.String,
  problems: Schema.Array(Problem)
}) {
  override get message(): string {
    const count = this.problems.length
    const head = `${this.subject}: ${count} ${count === 1 ? "problem" : "problems"} in the input`
    return [head, ...this.problems.map((p) => `  ${p.path === "" ? "(the input itself)" : p.path}: ${p.message}`)].join(
      "\n"
    )
  }
}

/** Builds the error from problems, or returns `undefined` when there are none. */
export const inputError = (subject: string, problems: ReadonlyArray<Problem>): SchedulingInputError | undefined =>
  problems.length === 0 ? undefined : new SchedulingInputError({ subject, problems })

/**
 * Decodes unknown input with a schema into the engine's input, every problem at once, as a
 * {@link SchedulingInputError}.
 */
export const decodeWith =
  <A, I>(schema: Schema.Schema<A, I, never>, subject: string) =>
  (input: unknown): Either.Either<A, SchedulingInputError> =>
    Either.mapLeft(
      Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(input),
      (error: ParseResult.ParseError) => {
        const decoded = fromParseError(error, { subject })
        return new SchedulingInputError({ subject, problems: decoded.problems })
      }
    )

/**
 * Checks an already-typed value against its schema (filters included, e.g. an end before its
 * start), every problem at once, as a {@link SchedulingInputError}.
 */
export const validateWith =
  <A, I>(schema: Schema.Schema<A, I, never>, subject: string) =>
  (value: A): Either.Either<A, SchedulingInputError> =>
    Either.mapLeft(Schema.validateEither(schema, { errors: "all" })(value), (error: ParseResult.ParseError) => {
      const decoded = fromParseError(error, { subject })
      return new SchedulingInputError({ subject, problems: decoded.problems })
    })
