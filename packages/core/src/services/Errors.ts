/**
 * The errors of the use cases, besides the domain's `DecodeError` (input that does not decode),
 * the engines' infeasibility values and the Store's errors, which pass through unchanged.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { en } from "../texts/en.js"

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
    return en.refusal(this)
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
    return en.refusal(this)
  }
}

/**
 * The use case does not fit the state the records are in (a vote on a closed round, a poll
 * decided twice); `hint` says what to do instead. `nl` carries the same parts in Dutch, since
 * an error reaches a person in their own language; `message` stays English. A record in a state
 * its step cannot start from is refused from the table in `Domain.Lifecycles`, worded by
 * `Texts.en.conflict` and `Texts.nl.conflict`.
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
  hint: Schema.String,
  /**
   * The same three parts in Dutch, for a person whose language is Dutch (the command line's
   * `--lang nl`); `message` stays English. Optional, so an error without it still reads.
   */
  nl: Schema.optionalWith(Schema.Struct({ subject: Schema.String, problem: Schema.String, hint: Schema.String }), {
    exact: true
  })
}) {
  override get message(): string {
    return en.refusal(this)
  }
}

/**
 * The state of a member who may not act: not registered in the community, not yet through their
 * intake, paused, left, or erased on request.
 *
 * @since 0.2.0
 */
export type InactiveState = "unregistered" | "invited" | "intake-planned" | "paused" | "left" | "erased"

/**
 * The member an act is for may not act: only an active member of the community votes, answers
 * polls and proposes themes. `state` says why (unregistered, invited, intake-planned, paused,
 * left or erased).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const error = new Services.MemberCannotAct({ action: "ballot.cast", memberId: "m-009", state: "left" })
 * error.message // "member m-009 cannot ballot.cast: the member has left the community"
 * ```
 * @since 0.2.0
 */
export class MemberCannotAct extends Schema.TaggedError<MemberCannotAct>("@grenzeloos/core/MemberCannotAct")(
  "MemberCannotAct",
  {
    action: Schema.String,
    memberId: Schema.String,
    state: Schema.Literal("unregistered", "invited", "intake-planned", "paused", "left", "erased")
  }
) {
  override get message(): string {
    return en.refusal(this)
  }
}
