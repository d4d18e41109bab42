/**
 * The typed error of the iCalendar renderer for events it cannot render correctly: every problem
 * at once, each with its path, in the same shape as {@link Domain.DecodeError}.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { InputErrorFields } from "../domain/DecodeError.js"
import { formatProblems } from "../internal/problems.js"

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
