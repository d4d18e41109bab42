/**
 * The errors of the Store port. Every adapter reports its failures with these classes, so a
 * caller handles a conflict or an unavailable database the same way whatever the database is.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Problem } from "../domain/DecodeError.js"

/**
 * One reason a commit was rejected: a write named a version that is not the stored one
 * (`actualVersion` 0 means the record does not exist), an outbox message or audit entry reused
 * an id that is already taken, or a put claimed a value of a unique index field that another
 * record of its kind holds (`heldBy`; the value itself is not repeated, as it is often an e-mail
 * address: read the record `heldBy` to see it).
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * const describe = (conflict: Store.Conflict): string =>
 *   conflict._tag === "VersionMismatch"
 *     ? `${conflict.kind} ${conflict.id} is at version ${conflict.actualVersion}, not ${conflict.expectedVersion}`
 *     : conflict._tag === "UniqueViolation"
 *       ? `${conflict.kind} ${conflict.heldBy} already has this ${conflict.field}`
 *       : `${conflict.area} id ${conflict.id} is taken`
 * ```
 * @since 0.1.0
 */
export const Conflict = Schema.Union(
  Schema.TaggedStruct("VersionMismatch", {
    kind: Schema.String,
    id: Schema.String,
    expectedVersion: Schema.Int,
    actualVersion: Schema.Int
  }),
  Schema.TaggedStruct("DuplicateId", {
    area: Schema.Literal("outbox", "audit"),
    id: Schema.String
  }),
  Schema.TaggedStruct("UniqueViolation", {
    kind: Schema.String,
    id: Schema.String,
    field: Schema.String,
    heldBy: Schema.String
  })
).annotations({ identifier: "Conflict" })
/** @since 0.1.0 */
export type Conflict = typeof Conflict.Type

const describeConflict = (conflict: Conflict): string =>
  conflict._tag === "VersionMismatch"
    ? conflict.actualVersion === 0
      ? `${conflict.kind} ${conflict.id}: expected version ${conflict.expectedVersion}, but it does not exist`
      : conflict.expectedVersion === 0
        ? `${conflict.kind} ${conflict.id}: expected a new record, but version ${conflict.actualVersion} exists`
        : `${conflict.kind} ${conflict.id}: expected version ${conflict.expectedVersion}, but the store has version ${conflict.actualVersion}`
    : conflict._tag === "UniqueViolation"
      ? `${conflict.kind} ${conflict.id}: its ${conflict.field} is already held by ${conflict.kind} ${conflict.heldBy} (the field is unique per community)`
      : `${conflict.area} entry ${conflict.id} already exists (its ids are unique per community)`

/**
 * A commit was rejected because at least one write named a version that is not the stored one,
 * reused an outbox or audit id, or claimed a unique field value another record holds. Nothing of
 * the batch was written; reload the records, apply the change again and retry.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Store } from "@grenzeloos/core"
 *
 * const retryOnConflict = <A, R>(commit: Effect.Effect<A, Store.StoreError, R>) =>
 *   commit.pipe(Effect.retry({ while: (e) => e._tag === "StoreConflict", times: 3 }))
 * ```
 * @since 0.1.0
 */
export class StoreConflict extends Schema.TaggedError<StoreConflict>("@grenzeloos/core/StoreConflict")(
  "StoreConflict",
  {
    communityId: Schema.String,
    conflicts: Schema.NonEmptyArray(Conflict)
  }
) {
  override get message(): string {
    return [
      `commit rejected in community ${this.communityId}; nothing was written (reload, apply the change again and retry):`,
      ...this.conflicts.map((c) => `  ${describeConflict(c)}`)
    ].join("\n")
  }
}

/**
 * A call was refused before it reached the database because its arguments are not valid (an id
 * that is not an id, the same record written twice in one batch, a document that is not JSON).
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * const error = new Store.StoreInvalidRequest({
 *   operation: "commit",
 *   problems: [{ path: "writes[1]", message: "member m-1 is written twice in one batch" }]
 * })
 * ```
 * @since 0.1.0
 */
export class StoreInvalidRequest extends Schema.TaggedError<StoreInvalidRequest>(
  "@grenzeloos/core/StoreInvalidRequest"
)("StoreInvalidRequest", {
  operation: Schema.String,
  problems: Schema.NonEmptyArray(Problem)
}) {
  override get message(): string {
    return [
      `invalid ${this.operation} request:`,
      ...this.problems.map((p) => `  ${p.path === "" ? "(the request)" : p.path}: ${p.message}`)
    ].join("\n")
  }
}

/**
 * What happened to a batch when the database failed during a commit: `none` (the transaction was
 * rolled back, nothing was written, retrying is safe) or `unknown` (the connection was lost while
 * the database was committing; read the records back before retrying). For calls that write
 * nothing it is `none`.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * const safeToRetry = (error: Store.StoreUnavailable): boolean => error.batchApplied === "none"
 * ```
 * @since 0.1.0
 */
export const BatchApplied = Schema.Literal("none", "unknown").annotations({ identifier: "BatchApplied" })
/** @since 0.1.0 */
export type BatchApplied = typeof BatchApplied.Type

/**
 * The database could not be reached or failed while serving a call. `batchApplied` says whether
 * anything of a commit may have been written.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * const error = new Store.StoreUnavailable({
 *   operation: "commit",
 *   batchApplied: "none",
 *   reason: "connection refused"
 * })
 * error.message // "store unavailable during commit (nothing of the batch was written): connection refused"
 * ```
 * @since 0.1.0
 */
export class StoreUnavailable extends Schema.TaggedError<StoreUnavailable>("@grenzeloos/core/StoreUnavailable")(
  "StoreUnavailable",
  {
    operation: Schema.String,
    batchApplied: BatchApplied,
    reason: Schema.String,
    cause: Schema.optional(Schema.Defect)
  }
) {
  override get message(): string {
    const applied =
      this.batchApplied === "none"
        ? "nothing of the batch was written"
        : "the batch may or may not have been written; read it back before retrying"
    return `store unavailable during ${this.operation} (${applied}): ${this.reason}`
  }
}

/**
 * An outbox message could not be acknowledged, released or dead-lettered because the caller no
 * longer holds its lease (it expired and another dispatcher claimed the message, or it was settled
 * already).
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * const error = new Store.StoreLeaseLost({ communityId: "rijk", messageId: "msg-1", leaseId: "lease-1" })
 * ```
 * @since 0.1.0
 */
export class StoreLeaseLost extends Schema.TaggedError<StoreLeaseLost>("@grenzeloos/core/StoreLeaseLost")(
  "StoreLeaseLost",
  {
    communityId: Schema.String,
    messageId: Schema.String,
    leaseId: Schema.String
  }
) {
  override get message(): string {
    return `outbox message ${this.messageId} in community ${this.communityId} is no longer leased by ${this.leaseId} (the lease expired and it was claimed again, or it was settled already)`
  }
}

/**
 * A stored document did not decode: which record (kind and id) and every problem with its path.
 * Records that do not decode are reported, never skipped.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * const error = new Store.StoreDecodeError({
 *   communityId: "rijk",
 *   kind: "member",
 *   id: "m-1",
 *   problems: [{ path: "email", message: "expected an e-mail address" }]
 * })
 * ```
 * @since 0.1.0
 */
export class StoreDecodeError extends Schema.TaggedError<StoreDecodeError>("@grenzeloos/core/StoreDecodeError")(
  "StoreDecodeError",
  {
    communityId: Schema.String,
    kind: Schema.String,
    id: Schema.String,
    problems: Schema.Array(Problem)
  }
) {
  override get message(): string {
    return [
      `stored ${this.kind} ${this.id} in community ${this.communityId} does not decode:`,
      ...this.problems.map((p) => `  ${p.path === "" ? "(the document)" : p.path}: ${p.message}`)
    ].join("\n")
  }
}

/**
 * The database's schema cannot be used by this version of the adapter: it was migrated by a newer
 * version (migrations are forward-only), or a migration failed.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * const error = new Store.StoreMigrationError({ adapter: "sqlite", reason: "schema version 7 is newer than 3" })
 * ```
 * @since 0.1.0
 */
export class StoreMigrationError extends Schema.TaggedError<StoreMigrationError>(
  "@grenzeloos/core/StoreMigrationError"
)("StoreMigrationError", {
  adapter: Schema.String,
  reason: Schema.String,
  cause: Schema.optional(Schema.Defect)
}) {
  override get message(): string {
    return `${this.adapter} store migration failed: ${this.reason}`
  }
}

/**
 * Every error a Store call can fail with.
 *
 * @since 0.1.0
 */
export type StoreError =
  | StoreConflict
  | StoreInvalidRequest
  | StoreUnavailable
  | StoreLeaseLost
  | StoreDecodeError
  | StoreMigrationError
