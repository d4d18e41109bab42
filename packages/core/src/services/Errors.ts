/**
 * The errors of the use cases, besides the domain's `DecodeError` (input that does not decode),
 * the engines' infeasibility values and the Store's errors, which pass through unchanged.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * The actor lacks a right. It names the action and the missing right and nothing about the
 * resource, so a denial cannot be used to learn what exists.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const error = new Services.NotAllowed({ action: "case.read", missing: "membership of the learning group" })
 * error.message // "not allowed to case.read: this needs membership of the learning group"
 * ```
 * @since 0.1.0
 */
export class NotAllowed extends Schema.TaggedError<NotAllowed>("@grenzeloos/core/NotAllowed")("NotAllowed", {
  action: Schema.String,
  missing: Schema.String
}) {
  override get message(): string {
    return `not allowed to ${this.action}: this needs ${this.missing}`
  }
}

/**
 * A record the input names does not exist in the actor's community.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const error = new Services.NotFound({ kind: "voting-round", id: "v-2027-q1", path: "votingRoundId" })
 * error.message // "votingRoundId: there is no voting-round v-2027-q1 in this community"
 * ```
 * @since 0.1.0
 */
export class NotFound extends Schema.TaggedError<NotFound>("@grenzeloos/core/NotFound")("NotFound", {
  kind: Schema.String,
  id: Schema.String,
  /** Where in the input the id was given. */
  path: Schema.String
}) {
  override get message(): string {
    return `${this.path}: there is no ${this.kind} ${this.id} in this community`
  }
}

/**
 * The use case does not fit the state the records are in (a vote on a closed round, a poll
 * decided twice); `hint` says what to do instead.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const error = new Services.InvalidState({
 *   subject: "voting-round v-2027-q1",
 *   problem: "is closed",
 *   hint: "open a new voting round"
 * })
 * error.message // "voting-round v-2027-q1 is closed: open a new voting round"
 * ```
 * @since 0.1.0
 */
export class InvalidState extends Schema.TaggedError<InvalidState>("@grenzeloos/core/InvalidState")("InvalidState", {
  subject: Schema.String,
  problem: Schema.String,
  hint: Schema.String
}) {
  override get message(): string {
    return `${this.subject} ${this.problem}: ${this.hint}`
  }
}
