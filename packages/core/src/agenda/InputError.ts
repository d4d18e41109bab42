/**
 * The typed error of the agenda engine for input it cannot use: every problem at once, each with
 * its path, in the same shape as {@link Domain.DecodeError}.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { InputErrorFields } from "../domain/DecodeError.js"
import { formatProblems } from "../internal/problems.js"

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
