// Checks shared by the scheduling engines; not exported from the package.
import { Either, type ParseResult, Schema } from "effect"
import { decode, fromParseError, type Problem, SchedulingInputError } from "../../domain/DecodeError.js"

/** Builds the error from problems, or returns `undefined` when there are none. */
export const inputError = (subject: string, problems: ReadonlyArray<Problem>): SchedulingInputError | undefined =>
  problems.length === 0 ? undefined : new SchedulingInputError({ subject, problems })

/**
 * Decodes unknown input with a schema into the engine's input, every problem at once, as a
 * {@link SchedulingInputError}: `Domain.decode` with the engine's tag, so decoding has one set of
 * options (every error, unknown fields refused) in the whole library (decision 0116).
 */
export const decodeWith = <A, I>(schema: Schema.Schema<A, I, never>, subject: string) => {
  const decodeInput = decode(schema, { subject })
  return (input: unknown): Either.Either<A, SchedulingInputError> =>
    Either.mapLeft(decodeInput(input), (error) => new SchedulingInputError({ subject, problems: error.problems }))
}

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
