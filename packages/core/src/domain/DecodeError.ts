/**
 * Decoding input from outside the library (a form, a file, an HTTP body, a database row) into
 * domain records, with every problem reported at once; and the input errors of every layer in
 * that one shape (`DecodeError`, and the engines' `AgendaInputError`, `SchedulingInputError` and
 * `ICalendarInputError`, which their namespaces re-export), so the concept lives in one module.
 *
 * @since 0.1.0
 */
import { Either, ParseResult, Schema } from "effect"
import { formatProblems } from "../internal/problems.js"

/**
 * One problem found while decoding: where it is (`members[3].email`) and what is wrong.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const input: unknown
 * const decoded = Domain.decode(Domain.Member)(input)
 * if (Either.isLeft(decoded)) {
 *   const lines = decoded.left.problems.map((p: Domain.Problem) => `${p.path}: ${p.message}`)
 *   console.error(lines.join("\n"))
 * }
 * ```
 * @since 0.1.0
 */
export const Problem = Schema.Struct({
  /** The path to the value in the input, written as in JavaScript: `members[3].email`. */
  path: Schema.String,
  message: Schema.String
})
/** @since 0.1.0 */
export type Problem = typeof Problem.Type

/**
 * The one shape of an input error in the library: what was being checked (`subject`, e.g.
 * "Member", "members.csv" or "availability poll p-2027-q1") and every problem with its path.
 * {@link DecodeError} and the engines' input errors (`AgendaInputError`, `SchedulingInputError`,
 * `ICalendarInputError`) are all made of these fields, with the same message, so a caller
 * handles them alike; only the tag says which layer refused.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * class ImportError extends Schema.TaggedError<ImportError>("my-app/ImportError")("ImportError", Domain.InputErrorFields) {}
 * ```
 * @since 0.2.0
 */
export const InputErrorFields = {
  subject: Schema.String,
  problems: Schema.Array(Problem)
}

/**
 * The input did not decode. `problems` lists every problem, each with its path; `message` is a
 * readable summary, one problem per line.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const result = Domain.decode(Domain.Member)({ id: "m-1", email: "jan@" })
 * if (Either.isLeft(result)) {
 *   for (const problem of result.left.problems) console.error(`${problem.path}: ${problem.message}`)
 * }
 * ```
 * @since 0.1.0
 */
export class DecodeError extends Schema.TaggedError<DecodeError>("@grenzeloos/core/DecodeError")(
  "DecodeError",
  InputErrorFields
) {
  override get message(): string {
    return formatProblems(this.subject, this.problems)
  }
}

/**
 * The agenda input (a voting round's ballots, an election, a `.pb` file) has problems; `problems`
 * lists every one with its path, nothing is dropped silently.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const result = Agenda.Pabulib.parse("META\nkey;value\n")
 * if (Either.isLeft(result)) for (const p of result.left.problems) console.error(`${p.path}: ${p.message}`)
 * ```
 * @since 0.1.0
 */
export class AgendaInputError extends Schema.TaggedError<AgendaInputError>("@grenzeloos/core/AgendaInputError")(
  "AgendaInputError",
  InputErrorFields
) {
  override get message(): string {
    return formatProblems(this.subject, this.problems)
  }
}

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

/**
 * An event or message cannot be rendered (an end before its start, an e-mail address with a line
 * break, an offset zone without a name); `problems` lists every one with its path.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { ICalendar } from "@grenzeloos/core"
 *
 * declare const message: ICalendar.Invitation.Message
 * const rendered = ICalendar.Invitation.render(message)
 * if (Either.isLeft(rendered)) console.error(rendered.left.message)
 * ```
 * @since 0.1.0
 */
export class ICalendarInputError extends Schema.TaggedError<ICalendarInputError>(
  "@grenzeloos/core/ICalendarInputError"
)("ICalendarInputError", InputErrorFields) {
  override get message(): string {
    return formatProblems(this.subject, this.problems)
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * Writes a path as JavaScript would: `members[3].email`, `["odd key"]`.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * Domain.formatPath(["members", 3, "email"]) // "members[3].email"
 * ```
 * @since 0.1.0
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`
    if (typeof key === "string" && IDENTIFIER.test(key)) return out === "" ? key : `${out}.${key}`
    return `${out}[${JSON.stringify(String(key))}]`
  }, "")

/**
 * Options for {@link decode}.
 *
 * @since 0.1.0
 */
export interface DecodeOptions {
  /** A path prefix for every problem, e.g. `"members"` when decoding the `members` field of a file. */
  readonly at?: ReadonlyArray<PropertyKey>
  /** What is being decoded, for the message; defaults to the schema's identifier. */
  readonly subject?: string
  /**
   * What to do with fields the schema does not know: `"error"` (the default, so that a typo such
   * as `emial` is reported) or `"ignore"`.
   */
  readonly onExcessProperty?: "error" | "ignore"
}

const subjectOf = (ast: Schema.Schema.AnyNoContext["ast"]): string => {
  const id = ast.annotations[Symbol.for("effect/annotation/Identifier")]
  return typeof id === "string" ? id : "input"
}

/**
 * Turns a schema parse error into a {@link DecodeError} listing every problem with its path.
 *
 * @example
 * ```ts
 * import { Either, Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const rows: ReadonlyArray<unknown>
 * // Decoding with Effect's own Schema API, then reporting the problems under "members".
 * const decoded = Schema.decodeUnknownEither(Schema.Array(Domain.Member), { errors: "all" })(rows)
 * if (Either.isLeft(decoded)) {
 *   const error = Domain.fromParseError(decoded.left, { at: ["members"], subject: "the member list" })
 *   console.error(error.message)
 * }
 * ```
 * @since 0.1.0
 */
export const fromParseError = (error: ParseResult.ParseError, options: DecodeOptions = {}): DecodeError => {
  const prefix = options.at ?? []
  const problems = ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message:
      issue._tag === "Unexpected"
        ? "is not a field of this record (check the spelling, or leave it out)"
        : issue._tag === "Missing"
          ? "is required but missing"
          : issue.message
  }))
  return new DecodeError({ subject: options.subject ?? "input", problems })
}

/**
 * Decodes unknown input with a schema, collecting every problem instead of stopping at the first.
 * Returns the decoded value or a {@link DecodeError}.
 *
 * @example
 * ```ts
 * import { Either, Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const decodeMembers = Domain.decode(Schema.Array(Domain.Member), { at: ["members"] })
 * const result = decodeMembers(JSON.parse("[]"))
 * if (Either.isRight(result)) console.log(result.right.length)
 * ```
 * @since 0.1.0
 */
export const decode =
  <A, I>(schema: Schema.Schema<A, I, never>, options: DecodeOptions = {}) =>
  (input: unknown): Either.Either<A, DecodeError> => {
    const decodeEither = Schema.decodeUnknownEither(schema, {
      errors: "all",
      onExcessProperty: options.onExcessProperty ?? "error"
    })
    return Either.mapLeft(decodeEither(input), (error) =>
      fromParseError(error, { ...options, subject: options.subject ?? subjectOf(schema.ast) })
    )
  }
