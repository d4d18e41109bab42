/**
 * The driver: the small contract an adapter author implements over encoded rows (strings and
 * numbers only). {@link makeEncoded} in `Store` turns a driver into the full Store service and does
 * the rest: validation of ids and batches, JSON encoding, cursors, lease ids and the clock.
 *
 * @since 0.1.0
 */
import type { Effect } from "effect"
import type { Conflict, StoreUnavailable } from "./StoreError.js"

/**
 * What an adapter declares about itself, in the manner of better-auth's adapter factory. The
 * conformance kit reads it to size its tests.
 *
 * @example
 * ```ts
 * import type { Store } from "@grenzeloos/core"
 *
 * const capabilities: Store.Capabilities = {
 *   name: "json-file",
 *   maxDocumentBytes: 1_048_576,
 *   sharedAcrossProcesses: false
 * }
 * ```
 * @since 0.1.0
 */
export interface Capabilities {
  /** A short name for messages, e.g. `"sqlite"`. */
  readonly name: string
  /** The largest encoded document (UTF-8 bytes) the adapter stores; larger ones are refused before they reach it. */
  readonly maxDocumentBytes: number
  /** Whether several processes may use the same database at once with the same guarantees. */
  readonly sharedAcrossProcesses: boolean
  /**
   * Whether the adapter enforces unique index fields ({@link EncodedWrite}'s `unique`), added in
   * 0.2. The core refuses a batch that claims a unique value from an adapter that does not declare
   * it, rather than let duplicates in (see "Upgrading an adapter" in the adapter guide).
   */
  readonly uniqueFields?: boolean
  /**
   * Whether the adapter keeps outbox streams: commit order, supersession, expiry, `firstAttemptAt`
   * and `reviveOutbox` (decision 0057), added in 0.2. The core refuses a batch with a message that
   * has a `stream`, `supersedes` or `expiresAt`, and a revival, from an adapter that does not
   * declare it, rather than deliver out of order (see "Upgrading an adapter" in the adapter guide).
   */
  readonly outboxStreams?: boolean
}

/**
 * A record as a bulk read ({@link Driver.readKinds}) returns it: its JSON document as text and its
 * version, without the index values.
 *
 * @since 0.1.0
 */
export interface EncodedDocument {
  readonly kind: string
  readonly id: string
  /** Starts at 1 and rises by one with every write. */
  readonly version: number
  /** The record, JSON text, exactly as it was written. */
  readonly document: string
}

/**
 * A record as the driver stores it: its JSON document as text, the indexed field values, and a
 * version that starts at 1 and rises by one with every write.
 *
 * @since 0.1.0
 */
export interface EncodedRecord extends EncodedDocument {
  /** The indexed fields: each field has zero or more string values (a group is indexed by each member). */
  readonly indexes: Readonly<Record<string, ReadonlyArray<string>>>
}

/**
 * One write of a batch. A put with `expectedVersion` 0 creates the record (it must not exist);
 * otherwise the stored version must equal `expectedVersion` and becomes `expectedVersion + 1`.
 * A delete needs the stored version to equal `expectedVersion`.
 *
 * @since 0.1.0
 */
export type EncodedWrite =
  | {
      readonly _tag: "Put"
      readonly kind: string
      readonly id: string
      readonly expectedVersion: number
      readonly document: string
      readonly indexes: Readonly<Record<string, ReadonlyArray<string>>>
      /**
       * Index fields (keys of `indexes`, sorted) whose values this record holds alone: no other
       * record of the same kind in the community may hold any of them. Checked and claimed inside
       * the batch's transaction; a value held by another record rejects the batch with a
       * `UniqueViolation`. Absent or empty: nothing is unique (adapters written against 0.1).
       */
      readonly unique?: ReadonlyArray<string>
    }
  | {
      readonly _tag: "Delete"
      readonly kind: string
      readonly id: string
      readonly expectedVersion: number
    }

/**
 * A message for the outbox, written in the same batch as the records it belongs to. `id` is the
 * idempotency key a receiver dedupes on; it is unique per community.
 *
 * @since 0.1.0
 */
export interface EncodedOutboxMessage {
  readonly id: string
  /** What the message is, e.g. `"gathering.invitation"`; the dispatcher routes on it. */
  readonly topic: string
  /** JSON text. */
  readonly payload: string
  /** Epoch milliseconds before which the message is not claimed. */
  readonly availableAt: number
  /** Epoch milliseconds of the commit. */
  readonly createdAt: number
  /**
   * The ordering stream (one recipient, one subject, one channel), or `undefined`. Messages of a
   * stream are delivered in commit order: see {@link Driver.claimOutbox}.
   */
  readonly stream: string | undefined
  /** What the message is within its stream (e.g. `gathering.invited`), for `supersedes`. */
  readonly label: string | undefined
  /** Labels of earlier messages of the same stream that this one supersedes (may be empty). */
  readonly supersedes: ReadonlyArray<string>
  /** Epoch milliseconds from which the message is no longer worth sending, or `undefined`. */
  readonly expiresAt: number | undefined
}

/**
 * Where an outbox message stands: waiting (`pending`, including released ones waiting for their
 * retry time), `claimed` under a lease, `delivered` (acknowledged), `dead` (dead-lettered) or
 * `superseded` (settled without sending: a later message of its stream superseded it, or it
 * expired).
 *
 * @since 0.1.0
 */
export type OutboxStatus = "pending" | "claimed" | "delivered" | "dead" | "superseded"

/**
 * An outbox message with its delivery state.
 *
 * @since 0.1.0
 */
export interface EncodedOutboxEntry extends EncodedOutboxMessage {
  readonly status: OutboxStatus
  /** How many times it was claimed. */
  readonly attempts: number
  /** The lease of the current or last claim. */
  readonly leaseId: string | undefined
  readonly leaseExpiresAt: number | undefined
  /** The error given with the last release or dead-letter. */
  readonly lastError: string | undefined
  /** Epoch milliseconds of the acknowledgement, dead-letter or supersession. */
  readonly settledAt: number | undefined
  /**
   * Epoch milliseconds of the first claim since the commit (or the last revival); the retry
   * horizon counts from it. Kept by adapters with `capabilities.outboxStreams`.
   */
  readonly firstAttemptAt?: number | undefined
}

/**
 * An entry of the append-only audit log, written in the same batch as the change it records.
 *
 * @since 0.1.0
 */
export interface EncodedAuditEntry {
  /** Unique per community. */
  readonly id: string
  /** Epoch milliseconds. */
  readonly at: number
  /** A pseudonymous actor id (never a name or address). */
  readonly actor: string
  readonly action: string
  readonly subjectKind: string | undefined
  readonly subjectId: string | undefined
  /** JSON text. */
  readonly detail: string
}

/**
 * An audit entry as read back, with the position the store gave it (rising, in commit order).
 *
 * @since 0.1.0
 */
export interface EncodedAuditRecord extends EncodedAuditEntry {
  readonly seq: number
}

/**
 * A batch as the driver receives it: validated, with writes sorted by kind and id (so that
 * row locks are always taken in the same order) and no record written twice.
 *
 * @since 0.1.0
 */
export interface EncodedBatch {
  readonly communityId: string
  /** A unique id of this commit, for adapters that record which batches landed. */
  readonly batchId: string
  readonly writes: ReadonlyArray<EncodedWrite>
  readonly outbox: ReadonlyArray<EncodedOutboxMessage>
  /** Ids of outbox messages to delete, in any state; ids not in the outbox are ignored. */
  readonly outboxRemovals: ReadonlyArray<string>
  readonly audit: ReadonlyArray<EncodedAuditEntry>
  /**
   * The batch erases personal data (`Store.Batch.erase`): once it has committed, the adapter
   * leaves no old copy of the bytes it replaced or deleted in its files (SQLite: secure_delete and
   * a WAL checkpoint; PostgreSQL: a VACUUM FULL of the tables written), or documents what remains.
   */
  readonly erase?: boolean
}

/**
 * What a driver's commit returns: everything was written, or nothing was and these are the
 * reasons (at least one).
 *
 * @since 0.1.0
 */
export type CommitOutcome =
  | { readonly _tag: "Committed" }
  | { readonly _tag: "Rejected"; readonly conflicts: readonly [Conflict, ...Array<Conflict>] }

/**
 * How a claimed outbox message is settled: delivered, back to pending until `retryAt`, or dead.
 *
 * @since 0.1.0
 */
export type Settlement =
  | { readonly _tag: "Acknowledge" }
  | { readonly _tag: "Release"; readonly retryAt: number; readonly error: string | undefined }
  | { readonly _tag: "DeadLetter"; readonly error: string }

/**
 * The driver an adapter implements. Every method is scoped to one community and must never read
 * or write another's rows. Failures of the database are `StoreUnavailable`; everything else
 * (conflicts, lost leases) is a returned value.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { MemoryStore, Store } from "@grenzeloos/core"
 *
 * // The reference driver, wrapped into the service:
 * const store = Effect.map(MemoryStore.makeDriver, Store.makeEncoded)
 * ```
 * @since 0.1.0
 */
export interface Driver {
  readonly capabilities: Capabilities
  /** The record, or `undefined` when there is none. */
  readonly get: (
    communityId: string,
    kind: string,
    id: string
  ) => Effect.Effect<EncodedRecord | undefined, StoreUnavailable>
  /**
   * Up to `limit` records of `kind` whose indexes hold every `where` pair, with ids greater than
   * `afterId` (when given), ordered by id (ascending, by UTF-16 code unit; ids are ASCII).
   */
  readonly find: (query: {
    readonly communityId: string
    readonly kind: string
    readonly where: ReadonlyArray<readonly [field: string, value: string]>
    readonly afterId: string | undefined
    readonly limit: number
  }) => Effect.Effect<ReadonlyArray<EncodedRecord>, StoreUnavailable>
  /**
   * Optional: every record of each of `kinds` (distinct, valid kind names) in one read that is
   * consistent on its own (one statement or one transaction: a commit that lands meanwhile is seen
   * entirely or not at all), in any order, without index values. A community is loaded this way in
   * one round trip. Without it, the Store reads each kind page by page with `find`.
   */
  readonly readKinds?: (query: {
    readonly communityId: string
    readonly kinds: ReadonlyArray<string>
  }) => Effect.Effect<ReadonlyArray<EncodedDocument>, StoreUnavailable>
  /**
   * Applies the whole batch atomically, or nothing of it. Must check every write's expected
   * version and every `unique` field value inside the same transaction (no lost update and no
   * duplicate under concurrent writers), insert outbox messages as `pending` with 0 attempts, and
   * append audit entries with a `seq` that rises in commit order: an entry a reader can see has a
   * higher `seq` than every entry committed before it, never a lower one (take the number when the
   * batch commits, e.g. from a per-community counter row updated last in the transaction, not from
   * a sequence at insert).
   *
   * Outbox messages keep their commit order (and batch order within a commit) for their stream.
   * In batch order, a message with `supersedes` settles as `superseded` (`settledAt` now,
   * `lastError` naming it) every `pending` message of its `stream` committed before it whose
   * `label` it names. Claimed messages are left alone (see `settleOutbox`).
   */
  readonly commit: (batch: EncodedBatch) => Effect.Effect<CommitOutcome, StoreUnavailable>
  /**
   * Leases up to `limit` messages that are `pending` with `availableAt <= now`, or `claimed` with
   * `leaseExpiresAt <= now`, oldest `availableAt` first (then `createdAt`, then id): sets them
   * `claimed` with this lease, adds one attempt, sets `firstAttemptAt` to `now` when it has none,
   * and returns them. No message may be returned to two claims whose leases overlap.
   *
   * First it settles as `superseded` every `pending` message with `expiresAt <= now`. A message
   * of a stream is not claimed while a message of the same stream committed before it is
   * `claimed`, or `pending` and already tried (`attempts > 0`) or due (`availableAt <= now`): a
   * later message never overtakes an earlier one that is still being delivered or retried.
   */
  readonly claimOutbox: (request: {
    readonly communityId: string
    readonly leaseId: string
    readonly now: number
    readonly leaseExpiresAt: number
    readonly limit: number
  }) => Effect.Effect<ReadonlyArray<EncodedOutboxEntry>, StoreUnavailable>
  /**
   * Settles a message that is `claimed` under `leaseId`; returns `false` (and changes nothing)
   * when it is not. A `Release` of a message that a later message of its stream supersedes (names
   * its label) settles it as `superseded` instead of returning it to `pending`.
   */
  readonly settleOutbox: (request: {
    readonly communityId: string
    readonly id: string
    readonly leaseId: string
    readonly now: number
    readonly settlement: Settlement
  }) => Effect.Effect<boolean, StoreUnavailable>
  /**
   * Puts a `dead` message back: `pending`, due at `now`, 0 attempts, no lease, no `settledAt`
   * nor `firstAttemptAt` (the last error is kept); or `superseded` (`settledAt` now) when a later
   * message of its stream supersedes it. Returns the new status, or `undefined` (and changes
   * nothing) when the message is not `dead`. Required with `capabilities.outboxStreams`.
   */
  readonly reviveOutbox?: (request: {
    readonly communityId: string
    readonly id: string
    readonly now: number
  }) => Effect.Effect<"pending" | "superseded" | undefined, StoreUnavailable>
  /** Up to `limit` outbox messages (of one status when given) with ids greater than `afterId`, by id. */
  readonly listOutbox: (query: {
    readonly communityId: string
    readonly status: OutboxStatus | undefined
    readonly afterId: string | undefined
    readonly limit: number
  }) => Effect.Effect<ReadonlyArray<EncodedOutboxEntry>, StoreUnavailable>
  /**
   * Up to `limit` audit entries with `seq` greater than `afterSeq`, by `seq`. A reader that pages
   * with the last `seq` it saw must see every entry once: no entry may become visible later with a
   * `seq` at or below one already visible.
   */
  readonly listAudit: (query: {
    readonly communityId: string
    readonly afterSeq: number
    readonly limit: number
  }) => Effect.Effect<ReadonlyArray<EncodedAuditRecord>, StoreUnavailable>
}
