/**
 * The errors of the HTTP service, each with its status code, and how every error of the use
 * cases becomes one of them. A body always has `_tag` (the HTTP error), `error` (the library's
 * error it comes from, to look up in the library's documentation) and a `message` a developer can
 * act on; e-mail addresses never appear in it (the library's decode errors do not repeat them).
 */
import { HttpApiSchema } from "@effect/platform"
import { Domain, type Services } from "@grenzeloos/core"
import { Schema } from "effect"

/**
 * The request did not come through the gateway: the actor or community header is missing or
 * malformed (401).
 *
 * @example
 * ```ts
 * import { Unauthenticated } from "./HttpErrors.js"
 *
 * new Unauthenticated({ header: "X-Grenzeloos-Actor", message: "the X-Grenzeloos-Actor header is missing" })
 * ```
 * @since 0.1.0
 */
export class Unauthenticated extends Schema.TaggedError<Unauthenticated>()(
  "Unauthenticated",
  { header: Schema.String, message: Schema.String },
  HttpApiSchema.annotations({
    status: 401,
    description: "The gateway's actor or community header is missing or malformed."
  })
) {}

/**
 * The input does not decode, or does not fit the records it names (400): every problem with its
 * path in the request (`members[3].email`).
 *
 * @example
 * ```ts
 * import { InvalidInput } from "./HttpErrors.js"
 *
 * new InvalidInput({
 *   error: "DecodeError",
 *   subject: "members",
 *   problems: [{ path: "members[0].email", message: "is required but missing" }],
 *   message: "members: members[0].email is required but missing"
 * })
 * ```
 * @since 0.1.0
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()(
  "InvalidInput",
  {
    error: Schema.Literal(
      "DecodeError",
      "AgendaInputError",
      "SchedulingInputError",
      "ICalendarInputError",
      "StoreInvalidRequest",
      "InvalidJson"
    ),
    subject: Schema.String,
    problems: Schema.Array(Domain.Problem),
    message: Schema.String
  },
  HttpApiSchema.annotations({ status: 400, description: "The input has problems; each has its path in the request." })
) {}

/**
 * The body is larger than the service reads (413): `maximumBytes` names the limit.
 *
 * @example
 * ```ts
 * import { PayloadTooLarge } from "./HttpErrors.js"
 *
 * new PayloadTooLarge({ maximumBytes: 1_000_000, message: "the body is larger than 1000000 bytes, the limit" })
 * ```
 * @since 0.2.0
 */
export class PayloadTooLarge extends Schema.TaggedError<PayloadTooLarge>()(
  "PayloadTooLarge",
  { maximumBytes: Schema.Int, message: Schema.String },
  HttpApiSchema.annotations({ status: 413, description: "The body is larger than `maximumBytes`." })
) {}

/**
 * The body is not sent as JSON (415): the service reads `application/json` (or a `+json` type)
 * only, so that a form or `text/plain` sent by a browser from another site is not taken for JSON.
 *
 * @example
 * ```ts
 * import { UnsupportedMediaType } from "./HttpErrors.js"
 *
 * new UnsupportedMediaType({ received: "text/plain", message: "send the body as application/json, not text/plain" })
 * ```
 * @since 0.2.0
 */
export class UnsupportedMediaType extends Schema.TaggedError<UnsupportedMediaType>()(
  "UnsupportedMediaType",
  { received: Schema.String, message: Schema.String },
  HttpApiSchema.annotations({ status: 415, description: "The body must be sent as application/json." })
) {}

/**
 * The actor lacks a right (403): `missing` names the right and nothing about the resource. A
 * member who is not active (unregistered, paused, left, erased) gets `MemberCannotAct`.
 *
 * @example
 * ```ts
 * import { Forbidden } from "./HttpErrors.js"
 *
 * new Forbidden({
 *   error: "NotAllowed",
 *   action: "member.register",
 *   missing: "programme team or administrator",
 *   message: "not allowed to member.register: this needs programme team or administrator"
 * })
 * ```
 * @since 0.1.0
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()(
  "Forbidden",
  {
    error: Schema.Literal("NotAllowed", "MemberCannotAct"),
    action: Schema.String,
    missing: Schema.String,
    message: Schema.String
  },
  HttpApiSchema.annotations({ status: 403, description: "The actor lacks the right named in `missing`." })
) {}

/**
 * A record the request names does not exist in the actor's community (404).
 *
 * @example
 * ```ts
 * import { NotFound } from "./HttpErrors.js"
 *
 * new NotFound({ error: "NotFound", kind: "voting-round", id: "vote-9", path: "votingRoundId", message: "votingRoundId: there is no voting-round vote-9 in this community" })
 * ```
 * @since 0.1.0
 */
export class NotFound extends Schema.TaggedError<NotFound>()(
  "NotFound",
  {
    error: Schema.Literal("NotFound"),
    kind: Schema.String,
    id: Schema.String,
    path: Schema.String,
    message: Schema.String
  },
  HttpApiSchema.annotations({
    status: 404,
    description: "A record the request names does not exist in this community."
  })
) {}

/**
 * The request does not fit the state the records are in, or a concurrent change won (409):
 * `hint` says what to do instead (for `StoreConflict`: send the request again).
 *
 * @example
 * ```ts
 * import { Conflict } from "./HttpErrors.js"
 *
 * new Conflict({ error: "InvalidState", hint: "open a new voting round", message: "voting-round vote-1 is closed: open a new voting round" })
 * ```
 * @since 0.1.0
 */
export class Conflict extends Schema.TaggedError<Conflict>()(
  "Conflict",
  {
    error: Schema.Literal("InvalidState", "GatheringStateError", "StoreConflict"),
    hint: Schema.String,
    message: Schema.String
  },
  HttpApiSchema.annotations({ status: 409, description: "The records are in another state, or changed meanwhile." })
) {}

/**
 * The request is valid but cannot be met with these data (422): no grouping, programme or set of
 * dates meets the hard rules. `constraint` names the rule and `ids` the members or themes
 * involved.
 *
 * @example
 * ```ts
 * import { Infeasible } from "./HttpErrors.js"
 *
 * new Infeasible({ error: "AgendaInfeasible", constraint: "pinned-over-budget", ids: ["theme-1"], message: "the pinned themes need 200 minutes" })
 * ```
 * @since 0.1.0
 */
export class Infeasible extends Schema.TaggedError<Infeasible>()(
  "Infeasible",
  {
    error: Schema.Literal("GroupingInfeasible", "AgendaInfeasible", "SchoolHolidaysUnavailable"),
    constraint: Schema.String,
    ids: Schema.Array(Schema.String),
    message: Schema.String
  },
  HttpApiSchema.annotations({ status: 422, description: "No outcome meets the hard rules with these data." })
) {}

/**
 * The storage failed (503), or the service has a bug (500 is reserved for defects). The body
 * names the failure but carries none of the database's own text, which may quote stored data.
 *
 * @example
 * ```ts
 * import { Unavailable } from "./HttpErrors.js"
 *
 * new Unavailable({ error: "StoreUnavailable", retry: "yes", message: "the database is unavailable; nothing was written" })
 * ```
 * @since 0.1.0
 */
export class Unavailable extends Schema.TaggedError<Unavailable>()(
  "Unavailable",
  {
    error: Schema.Literal(
      "StoreUnavailable",
      "StoreMigrationError",
      "StoreDecodeError",
      "StoreLeaseLost",
      "RenderError"
    ),
    /** `yes`: nothing was written, retrying is safe; `check`: read back first; `no`: an operator must look. */
    retry: Schema.Literal("yes", "check", "no"),
    message: Schema.String
  },
  HttpApiSchema.annotations({
    status: 503,
    description: "The storage failed; `retry` says whether sending again is safe."
  })
) {}

/**
 * Every error the service answers with.
 *
 * @since 0.1.0
 */
export type HttpError =
  | Unauthenticated
  | InvalidInput
  | PayloadTooLarge
  | UnsupportedMediaType
  | Forbidden
  | NotFound
  | Conflict
  | Infeasible
  | Unavailable

const problems = (list: ReadonlyArray<Domain.Problem>) => list.map((p) => ({ path: p.path, message: p.message }))

/**
 * The HTTP error for an error of a use case.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 * import { fromUseCase } from "./HttpErrors.js"
 *
 * fromUseCase(new Services.NotAllowed({ action: "case.read", missing: "membership of the learning group" }))._tag // "Forbidden"
 * ```
 * @since 0.1.0
 */
export const fromUseCase = (
  error: Services.UseCases.UseCaseError
): Exclude<HttpError, Unauthenticated | PayloadTooLarge | UnsupportedMediaType> => {
  switch (error._tag) {
    case "DecodeError":
    case "AgendaInputError":
    case "SchedulingInputError":
    case "ICalendarInputError":
      return new InvalidInput({
        error: error._tag,
        subject: error.subject,
        problems: problems(error.problems),
        message: error.message
      })
    case "StoreInvalidRequest":
      return new InvalidInput({
        error: error._tag,
        subject: error.operation,
        problems: problems(error.problems),
        message: error.message
      })
    case "NotAllowed":
      return new Forbidden({
        error: "NotAllowed",
        action: error.action,
        missing: error.missing,
        message: error.message
      })
    case "MemberCannotAct":
      return new Forbidden({
        error: "MemberCannotAct",
        action: error.action,
        missing: `an active membership (the member is ${error.state})`,
        message: error.message
      })
    case "NotFound":
      return new NotFound({
        error: "NotFound",
        kind: error.kind,
        id: error.id,
        path: error.path,
        message: error.message
      })
    case "InvalidState":
      return new Conflict({ error: "InvalidState", hint: error.hint, message: error.message })
    case "GatheringStateError":
      return new Conflict({
        error: "GatheringStateError",
        hint: `what can be done now: ${error.possible.join(", ") || "nothing"}`,
        message: error.message
      })
    case "StoreConflict":
      return new Conflict({
        error: "StoreConflict",
        hint: "the records changed while this request ran and nothing was written; send the request again",
        message: error.message
      })
    case "GroupingInfeasible":
      return new Infeasible({
        error: error._tag,
        constraint: error.constraint,
        ids: [...error.memberIds, ...error.facilitatorIds],
        message: error.message
      })
    case "AgendaInfeasible":
      return new Infeasible({
        error: error._tag,
        constraint: error.constraint,
        ids: error.themeIds,
        message: error.message
      })
    case "SchoolHolidaysUnavailable":
      return new Infeasible({ error: error._tag, constraint: "school-holidays", ids: [], message: error.message })
    case "StoreUnavailable":
      return new Unavailable({
        error: error._tag,
        retry: error.batchApplied === "none" ? "yes" : "check",
        message:
          error.batchApplied === "none"
            ? `the database is unavailable during ${error.operation}; nothing was written, try again later`
            : `the database failed during ${error.operation}; the change may have been written, read it back before trying again`
      })
    case "StoreMigrationError":
      return new Unavailable({
        error: error._tag,
        retry: "no",
        message: `the database's schema cannot be used (${error.adapter}); an operator must migrate it`
      })
    case "StoreLeaseLost":
      return new Unavailable({ error: error._tag, retry: "yes", message: "an outbox lease was lost; try again" })
    case "StoreDecodeError":
      return new Unavailable({
        error: error._tag,
        retry: "no",
        message: `stored ${error.kind} ${error.id} does not decode; an operator must repair it`
      })
    case "RenderError":
      return new Unavailable({
        error: error._tag,
        retry: "no",
        message: `a notification could not be rendered (${error.subject}); an operator must look at the service's log`
      })
  }
}
