/**
 * The command line's own failures, besides the use cases' errors that pass through.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as ImportTexts from "../import/Texts.js"

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
    const count =
      language === "en" ? `${n} ${n === 1 ? "problem" : "problems"}` : `${n} ${n === 1 ? "probleem" : "problemen"}`
    return [`${this.file}: ${count}`, ...lines, this.hint].join("\n")
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

// The file system's reasons, as a person says them (Dutch, English).
const PLAIN_REASONS: Readonly<Record<string, readonly [string, string]>> = {
  NotFound: ["de map bestaat niet", "the folder does not exist"],
  PermissionDenied: ["geen toestemming om daar te schrijven", "no permission to write there"],
  AlreadyExists: ["er staat al iets met die naam", "something with that name exists"],
  BadResource: ["dat is geen map", "that is not a folder"],
  Busy: ["het bestand is in gebruik", "the file is in use"]
}

/** The file system's reason for an {@link Unwritable} as a person says it, or its own words. @internal */
export const plainReason = (error: Unwritable, language: "nl" | "en"): string => {
  const plain = error.kind === undefined ? undefined : PLAIN_REASONS[error.kind]
  return plain === undefined ? error.reason : plain[language === "nl" ? 0 : 1]
}

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
  override get message(): string {
    const plain = this.kind === undefined ? undefined : PLAIN_REASONS[this.kind]
    if (this.language === "nl")
      return `${this.option}: ${this.path} is niet te schrijven (${plain?.[0] ?? this.reason}); kies een andere map of naam`
    if (this.language === "en")
      return `${this.option}: ${this.path} cannot be written (${plain?.[1] ?? this.reason}); choose another folder or name`
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
