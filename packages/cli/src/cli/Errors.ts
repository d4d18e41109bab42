/**
 * The command line's own failures, besides the use cases' errors that pass through.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */
import type { PlatformError } from "@effect/platform/Error"
import { Schema } from "effect"
import * as ImportTexts from "../import/Texts.js"
import * as Texts from "./Texts.js"

const ProblemSchema = Schema.Struct({
  row: Schema.UndefinedOr(Schema.Number),
  column: Schema.UndefinedOr(Schema.String),
  message: Schema.String
})

/**
 * A file has rows with problems, so nothing was imported (unless `--skip-invalid`).
 *
 * @since 0.1.0
 */
export class InvalidRows extends Schema.TaggedError<InvalidRows>("@grenzeloos/cli/InvalidRows")("InvalidRows", {
  file: Schema.String,
  problems: Schema.Array(ProblemSchema),
  hint: Schema.String,
  language: Schema.optionalWith(Schema.Literal("nl", "en"), { exact: true })
}) {
  override get message(): string {
    const language = this.language ?? "nl"
    const lines = this.problems.map((p) => `  ${ImportTexts.where(language, p.row, p.column)}: ${p.message}`)
    const n = this.problems.length
    return [`${this.file}: ${Texts.of(language).problemCount(n)}`, ...lines, this.hint].join("\n")
  }
}

/**
 * An irreversible command was not confirmed with `--yes`.
 *
 * @since 0.1.0
 */
export class NotConfirmed extends Schema.TaggedError<NotConfirmed>("@grenzeloos/cli/NotConfirmed")("NotConfirmed", {
  what: Schema.String
}) {
  override get message(): string {
    return `${this.what} kan niet ongedaan worden gemaakt: bevestig met --yes / cannot be undone: confirm with --yes`
  }
}

/**
 * The command needs a record that the community does not have yet (no open voting round, no
 * poll to decide).
 *
 * @since 0.1.0
 */
export class NothingToDo extends Schema.TaggedError<NothingToDo>("@grenzeloos/cli/NothingToDo")("NothingToDo", {
  reason: Schema.String,
  hint: Schema.String
}) {
  override get message(): string {
    return `${this.reason}; ${this.hint}`
  }
}

/** The file system's reason for an {@link Unwritable} as a person says it, or its own words. @internal */
export const plainReason = (error: Unwritable, language: "nl" | "en"): string =>
  (error.kind === undefined ? undefined : Texts.of(language).writeFailure(error.kind)) ?? error.reason

/**
 * A file or folder the command was asked to write (`--out`) cannot be written.
 *
 * @since 0.2.0
 */
export class Unwritable extends Schema.TaggedError<Unwritable>("@grenzeloos/cli/Unwritable")("Unwritable", {
  option: Schema.String,
  path: Schema.String,
  reason: Schema.String,
  /** The language of the message (since 0.2): without it, both. */
  language: Schema.optionalWith(Schema.Literal("nl", "en"), { exact: true }),
  /** The file system's reason (`NotFound`, `PermissionDenied`, …), said plainly in the message. */
  kind: Schema.optionalWith(Schema.String, { exact: true })
}) {
  /**
   * What a failed write (or a folder that could not be made) becomes: the option the person typed
   * (`--out`), the path, and the file system's reason, said in their language.
   *
   * @since 0.2.0
   */
  static fromWrite(option: string, path: string, language: "nl" | "en") {
    return (cause: PlatformError): Unwritable =>
      new Unwritable({
        option,
        path,
        reason: cause.message,
        language,
        ...("reason" in cause ? { kind: String(cause.reason) } : {})
      })
  }

  override get message(): string {
    if (this.language !== undefined)
      return Texts.of(this.language).unwritable(this.option, this.path, plainReason(this, this.language))
    return `${this.option}: ${this.path} is niet te schrijven (${this.reason}); kies een andere map / cannot be written; choose another folder`
  }
}

/**
 * `--community` or `--as` names no community, or no one of its programme team: the option is
 * wrong, not the data.
 *
 * @since 0.2.0
 */
export class BadOption extends Schema.TaggedError<BadOption>("@grenzeloos/cli/BadOption")("BadOption", {
  option: Schema.String,
  value: Schema.String,
  hint: Schema.String
}) {
  override get message(): string {
    return `${this.option} ${this.value}: ${this.hint}`
  }
}
