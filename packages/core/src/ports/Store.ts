/**
 * The Store port: a small, versioned, transactional record store scoped to one community at a
 * time, with an outbox of outgoing messages and an append-only audit log written in the same
 * atomic batch as the records they belong to.
 *
 * An adapter implements a {@link Driver} over encoded rows (strings and numbers); {@link makeEncoded}
 * turns it into the service, after the pattern of `MessageStorage.makeEncoded` in `@effect/cluster`.
 * Adapters that do not use Effect implement a {@link PromiseDriver} and wrap it with
 * {@link fromPromises}. Every adapter proves itself with `storeConformance` from
 * `@grenzeloos/testkit`.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, type Option, type Scope } from "effect"
import * as pages from "./internal/pages.js"
import * as internal from "./internal/store.js"
import { fromPromises, MigrationFailed, type PromiseDriver } from "./PromiseDriver.js"
import type { Capabilities, Driver, OutboxStatus } from "./StoreDriver.js"
import { type StoreError, StoreMigrationError, StoreUnavailable } from "./StoreError.js"

export * from "./OutboxOrder.js"
export * from "./PromiseDriver.js"
export * from "./StoreDriver.js"
export * from "./StoreError.js"

/**
 * A record as a bulk read ({@link CommunityStore.readKinds}) returns it: its encoded document
 * (parsed JSON) and its version.
 *
 * @since 0.1.0
 */
export interface StoredDocument {
  readonly kind: string
  readonly id: string
  readonly version: number
  readonly document: unknown
}

/**
 * A record as read from the store: its encoded document (parsed JSON), its version and indexes.
 * Typed repositories (`Repository`) decode the document with the domain schemas.
 *
 * @since 0.1.0
 */
export interface StoredRecord extends StoredDocument {
  readonly indexes: Readonly<Record<string, ReadonlyArray<string>>>
}

/**
 * One page of results and the cursor of the next page (`undefined` on the last page).
 *
 * @since 0.1.0
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly cursor: string | undefined
}

/**
 * Index values of a record: each field has one value or several (a group is indexed by each of
 * its members).
 *
 * @since 0.1.0
 */
export type Indexes = Readonly<Record<string, string | ReadonlyArray<string>>>

/**
 * A write of a batch: create or replace a record ({@link put}) or delete one ({@link remove}).
 *
 * @since 0.1.0
 */
export type Write =
  | {
      readonly _tag: "Put"
      readonly kind: string
      readonly id: string
      /** 0 to create; otherwise the version read before the change. */
      readonly expectedVersion: number
      /** The encoded record: any JSON value. */
      readonly document: unknown
      readonly indexes?: Indexes
      /**
       * Index fields whose values this record holds alone among the records of its kind in the
       * community (e.g. a member's normalised e-mail address). A value another record holds
       * rejects the batch with a `UniqueViolation` conflict.
       */
      readonly unique?: ReadonlyArray<string>
    }
  | { readonly _tag: "Delete"; readonly kind: string; readonly id: string; readonly expectedVersion: number }

/**
 * A put: creates the record when `expectedVersion` is 0, otherwise replaces the version read.
 * `unique` names index fields whose values no other record of the kind may hold.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * const write = Store.put("theme", "t-woo", 0, { title: "Worstelen met de Woo" }, { status: "backlog" })
 * const member = Store.put("member", "m-1", 0, { name: "Ann" }, { email: "ann@example.org" }, ["email"])
 * ```
 * @since 0.1.0
 */
export const put = (
  kind: string,
  id: string,
  expectedVersion: number,
  document: unknown,
  indexes: Indexes = {},
  unique: ReadonlyArray<string> = []
): Write =>
  unique.length === 0
    ? { _tag: "Put", kind, id, expectedVersion, document, indexes }
    : { _tag: "Put", kind, id, expectedVersion, document, indexes, unique }

/**
 * A delete of the version read.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * const write = Store.remove("theme", "t-woo", 3)
 * ```
 * @since 0.1.0
 */
export const remove = (kind: string, id: string, expectedVersion: number): Write => ({
  _tag: "Delete",
  kind,
  id,
  expectedVersion
})

/**
 * An outgoing message, committed together with the change that causes it. `id` is the
 * idempotency key (unique per community).
 *
 * @since 0.1.0
 */
export interface OutboxMessage {
  readonly id: string
  readonly topic: string
  /** Any JSON value. */
  readonly payload: unknown
  /** Epoch milliseconds before which it is not delivered; defaults to the commit time. */
  readonly availableAt?: number
  /**
   * The ordering stream: messages of one recipient about one subject on one channel (e.g.
   * `gathering:g-2027-1:m-001:email`). A message of a stream is not delivered before the messages
   * of the stream committed before it that are still being delivered or retried.
   */
  readonly stream?: string
  /** What the message is within its stream (e.g. `gathering.invited`): what a later message names in `supersedes`. */
  readonly label?: string
  /**
   * Labels of earlier messages of the same stream that this one makes obsolete (a cancellation
   * supersedes the invitation, the reminders and the updates): those not sent yet are settled as
   * `superseded` and never sent. Needs `stream`.
   */
  readonly supersedes?: ReadonlyArray<string>
  /** Epoch milliseconds from which the message is not worth sending (a reminder, at the start): it is settled as `superseded`. */
  readonly expiresAt?: number
}

/**
 * An audit entry: who did what to which record. `actor` is a pseudonymous id.
 *
 * @since 0.1.0
 */
export interface AuditEntry {
  readonly id: string
  readonly actor: string
  readonly action: string
  readonly subject?: { readonly kind: string; readonly id: string }
  /** Any JSON value; never personal data that is not needed. */
  readonly detail?: unknown
  /** Epoch milliseconds; defaults to the commit time. */
  readonly at?: number
}

/**
 * What one commit writes, atomically.
 *
 * @since 0.1.0
 */
export interface Batch {
  readonly writes?: ReadonlyArray<Write>
  readonly outbox?: ReadonlyArray<OutboxMessage>
  /**
   * Ids of outbox messages to remove, whatever their state (for erasure: messages to a forgotten
   * member). An id that is not in the outbox is ignored.
   */
  readonly outboxRemovals?: ReadonlyArray<string>
  readonly audit?: ReadonlyArray<AuditEntry>
  /**
   * The batch erases personal data (forgetting a member): once it has committed, the store also
   * removes the old bytes of what it replaced or deleted from its files, as far as the adapter can
   * (decision 0049). Slower than an ordinary commit; set it only for erasure.
   */
  readonly erase?: boolean
}

/**
 * The result of a commit: the new version of every written record (0 for a deleted one).
 *
 * @since 0.1.0
 */
export interface Committed {
  readonly batchId: string
  readonly versions: ReadonlyArray<{ readonly kind: string; readonly id: string; readonly version: number }>
}

/**
 * An outbox message with its delivery state.
 *
 * @since 0.1.0
 */
export interface OutboxEntry {
  readonly id: string
  readonly topic: string
  readonly payload: unknown
  readonly status: OutboxStatus
  readonly attempts: number
  readonly availableAt: number
  readonly createdAt: number
  readonly leaseId: string | undefined
  readonly leaseExpiresAt: number | undefined
  readonly lastError: string | undefined
  readonly settledAt: number | undefined
  /** The ordering stream, the label, what it supersedes and when it expires (see {@link OutboxMessage}). */
  readonly stream: string | undefined
  readonly label: string | undefined
  readonly supersedes: ReadonlyArray<string>
  readonly expiresAt: number | undefined
  /** The first claim since the commit or the last revival: where the retry horizon starts. */
  readonly firstAttemptAt: number | undefined
}

/**
 * A claimed outbox message: deliver it, then {@link CommunityStore.acknowledge} it before
 * `leaseExpiresAt`, or release it with a retry time, or dead-letter it.
 *
 * @since 0.1.0
 */
export interface ClaimedMessage extends OutboxEntry {
  readonly leaseId: string
  readonly leaseExpiresAt: number
}

/**
 * The handle that settles a claimed message.
 *
 * @since 0.1.0
 */
export interface Lease {
  readonly id: string
  readonly leaseId: string
}

/**
 * An audit entry as read back, with its position in the log.
 *
 * @since 0.1.0
 */
export interface AuditRecord {
  readonly seq: number
  readonly id: string
  readonly at: number
  readonly actor: string
  readonly action: string
  readonly subject: { readonly kind: string; readonly id: string } | undefined
  readonly detail: unknown
}

/**
 * Options of {@link CommunityStore.find}.
 *
 * @since 0.1.0
 */
export interface FindOptions {
  /** Indexed field values that must all match. */
  readonly where?: Readonly<Record<string, string>>
  /** Page size, 1 to 1000 (default 100). */
  readonly limit?: number
  /** The cursor of the previous page. */
  readonly cursor?: string
}

/**
 * The store of one community: no call can read or write another community's records.
 *
 * @since 0.1.0
 */
export interface CommunityStore {
  readonly communityId: string
  readonly get: (kind: string, id: string) => Effect.Effect<Option.Option<StoredRecord>, StoreError>
  /** One page of the records of a kind, by id. */
  readonly find: (kind: string, options?: FindOptions) => Effect.Effect<Page<StoredRecord>, StoreError>
  /** Every record of a kind matching `where`, by id (reads page by page). */
  readonly findAll: (
    kind: string,
    where?: Readonly<Record<string, string>>
  ) => Effect.Effect<ReadonlyArray<StoredRecord>, StoreError>
  /**
   * Every record of each of the given kinds, by id, in a map from kind to records (every kind
   * asked for is in it). One consistent read where the adapter offers it (`Driver.readKinds`),
   * otherwise each kind is read page by page.
   */
  readonly readKinds: (
    kinds: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyMap<string, ReadonlyArray<StoredDocument>>, StoreError>
  /** Writes the whole batch or nothing; fails with `StoreConflict` when any expected version is wrong. */
  readonly commit: (batch: Batch) => Effect.Effect<Committed, StoreError>
  /** Leases up to `limit` (default 10) due messages for `leaseMs` milliseconds. */
  readonly claimOutbox: (options: {
    readonly leaseMs: number
    readonly limit?: number
  }) => Effect.Effect<ReadonlyArray<ClaimedMessage>, StoreError>
  /** Marks a claimed message delivered. */
  readonly acknowledge: (lease: Lease) => Effect.Effect<void, StoreError>
  /** Returns a claimed message to the queue, to be claimed again from `retryAt` on. */
  readonly release: (
    lease: Lease,
    options: { readonly retryAt: number; readonly error?: string }
  ) => Effect.Effect<void, StoreError>
  /** Gives up on a claimed message: it is kept with status `dead` and the error. */
  readonly deadLetter: (lease: Lease, options: { readonly error: string }) => Effect.Effect<void, StoreError>
  /**
   * Puts a dead message back in the queue, due now with 0 attempts; or settles it as
   * `superseded` when a later message of its stream supersedes it. `undefined` when the message
   * is not dead (or not there). `Dispatcher.retry` wraps it with an audit entry.
   */
  readonly reviveOutbox: (id: string) => Effect.Effect<"pending" | "superseded" | undefined, StoreError>
  /** One page of outbox messages by id, optionally of one status. */
  readonly outbox: (options?: {
    readonly status?: OutboxStatus
    readonly limit?: number
    readonly cursor?: string
  }) => Effect.Effect<Page<OutboxEntry>, StoreError>
  /**
   * One page of the audit log in commit order. A reader that follows the log (a SIEM feed) passes
   * the `seq` of the last entry it saw as `afterSeq` (or the page's cursor): it sees every entry
   * once, including entries of transactions that commit later (decision 0048).
   */
  readonly audit: (options?: {
    readonly limit?: number
    readonly cursor?: string
    /** Only entries with a higher `seq` (since 0.2; not together with `cursor`). */
    readonly afterSeq?: number
  }) => Effect.Effect<Page<AuditRecord>, StoreError>
}

/**
 * The Store service: what the adapter declares, and a store per community.
 *
 * @since 0.1.0
 */
export interface StoreService {
  readonly capabilities: Capabilities
  readonly forCommunity: (communityId: string) => CommunityStore
}

/**
 * The Store port as an Effect service.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { MemoryStore, Store } from "@grenzeloos/core"
 *
 * const program = Effect.gen(function* () {
 *   const store = (yield* Store.Store).forCommunity("rijk")
 *   yield* store.commit({ writes: [Store.put("theme", "t-woo", 0, { title: "Woo" })] })
 *   return yield* store.get("theme", "t-woo")
 * })
 * Effect.runPromise(Effect.provide(program, MemoryStore.layer))
 * ```
 * @since 0.1.0
 */
export class Store extends Context.Tag("@grenzeloos/core/Store")<Store, StoreService>() {}

/**
 * The store of one community, from the service in the context.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Store } from "@grenzeloos/core"
 *
 * const themes = Effect.flatMap(Store.forCommunity("rijk"), (store) => store.findAll("theme"))
 * ```
 * @since 0.1.0
 */
export const forCommunity = (communityId: string): Effect.Effect<CommunityStore, never, Store> =>
  Effect.map(Store, (store) => store.forCommunity(communityId))

/**
 * Every item of a paged listing, page by page to the end: the records of `find`, the outbox, the
 * audit log. `list` receives the page size and the cursor of the previous page.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Store } from "@grenzeloos/core"
 *
 * const deadLetters = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Store.everyPage((page) => store.outbox({ ...page, status: "dead" }))
 * )
 * ```
 * @since 0.2.0
 */
export const everyPage: <A, E, R>(
  list: (page: { readonly limit: number; readonly cursor?: string }) => Effect.Effect<Page<A>, E, R>,
  limit?: number
) => Effect.Effect<ReadonlyArray<A>, E, R> = pages.everyPage

/**
 * Turns a driver over encoded rows into the Store service: validates every request (ids, kinds,
 * batches, JSON, document size), encodes and decodes JSON, makes cursors, lease and batch ids,
 * and reads the time from Effect's `Clock`.
 *
 * @example
 * ```ts
 * import { Effect, Layer } from "effect"
 * import { MemoryStore, Store } from "@grenzeloos/core"
 *
 * const layer = Layer.effect(Store.Store, Effect.map(MemoryStore.makeDriver, Store.makeEncoded))
 * ```
 * @since 0.1.0
 */
export const makeEncoded: (driver: Driver) => StoreService = internal.makeEncoded

/**
 * A layer of the Store service from an effect that makes a driver (and may need a scope, e.g. a
 * database connection that is closed with the layer).
 *
 * @example
 * ```ts
 * import { MemoryStore, Store } from "@grenzeloos/core"
 *
 * const layer = Store.layerDriver(MemoryStore.makeDriver)
 * ```
 * @since 0.1.0
 */
export const layerDriver = <E, R>(
  driver: Effect.Effect<Driver, E, R>
): Layer.Layer<Store, E, Exclude<R, Scope.Scope>> => Layer.scoped(Store, Effect.map(driver, makeEncoded))

/**
 * A layer of the Store service from a driver written with plain async functions: `acquire` opens
 * it (and may run migrations), `close` (when the driver has one) runs when the layer is released.
 * When `acquire` throws {@link MigrationFailed} the layer fails with `StoreMigrationError`; any
 * other exception is `StoreUnavailable` (operation `open`).
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * declare const openMyDriver: () => Promise<Store.PromiseDriver>
 * const layer = Store.layerPromises(openMyDriver)
 * ```
 * @since 0.1.0
 */
export const layerPromises = (
  acquire: () => Promise<PromiseDriver>
): Layer.Layer<Store, StoreUnavailable | StoreMigrationError> =>
  layerDriver(
    Effect.acquireRelease(
      Effect.tryPromise({
        try: acquire,
        catch: (cause): StoreUnavailable | StoreMigrationError =>
          cause instanceof MigrationFailed
            ? new StoreMigrationError({ adapter: cause.adapter, reason: cause.message, cause })
            : new StoreUnavailable({
                operation: "open",
                batchApplied: "none",
                reason: cause instanceof Error ? cause.message : String(cause),
                cause
              })
      }),
      (driver) =>
        driver.close === undefined ? Effect.void : Effect.promise(() => driver.close?.() ?? Promise.resolve())
    ).pipe(Effect.map(fromPromises))
  )
