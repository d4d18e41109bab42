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
import { Clock, Context, Effect, Either, Encoding, Layer, Option, type Scope } from "effect"
import type { Problem } from "../domain/DecodeError.js"
import { fromPromises, MigrationFailed, type PromiseDriver } from "./PromiseDriver.js"
import type {
  Capabilities,
  Driver,
  EncodedAuditRecord,
  EncodedDocument,
  EncodedOutboxEntry,
  EncodedRecord,
  EncodedWrite,
  OutboxStatus
} from "./StoreDriver.js"
import {
  StoreConflict,
  StoreDecodeError,
  type StoreError,
  StoreInvalidRequest,
  StoreLeaseLost,
  StoreMigrationError,
  StoreUnavailable
} from "./StoreError.js"

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

// ---------------------------------------------------------------------------------------------
// Validation

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,127}$/
const KIND = /^[a-z][a-z0-9-]{0,63}$/
const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
const MAX_INDEX_VALUE = 512
const MAX_LIMIT = 1000
const MAX_KINDS = 100
const DEFAULT_LIMIT = 100

type Problems = Array<Problem>

const checkId = (problems: Problems, path: string, value: unknown, what = "an id") => {
  if (typeof value !== "string" || !ID.test(value))
    problems.push({
      path,
      message: `expected ${what} (1–128 characters: letters, digits and - _ . : ~, starting with a letter or digit), got ${JSON.stringify(value)}`
    })
}

const checkKind = (problems: Problems, path: string, value: unknown) => {
  if (typeof value !== "string" || !KIND.test(value))
    problems.push({
      path,
      message: `expected a record kind (lower-case letters, digits and -, e.g. "member"), got ${JSON.stringify(value)}`
    })
}

const checkLimit = (problems: Problems, value: number | undefined, fallback: number): number => {
  const limit = value ?? fallback
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    problems.push({ path: "limit", message: `expected a whole number from 1 to ${MAX_LIMIT}, got ${limit}` })
  return limit
}

const checkVersion = (problems: Problems, path: string, value: unknown) => {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    problems.push({ path, message: `expected a version (a whole number, 0 for a new record), got ${String(value)}` })
}

const checkTime = (problems: Problems, path: string, value: unknown) => {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    problems.push({ path, message: `expected epoch milliseconds (a whole number), got ${String(value)}` })
}

// U+0000 cannot be stored in a PostgreSQL text column, so no adapter is asked to store it outside
// a JSON document (where it is escaped as \u0000).
const notStreaming = (adapter: string, what: string) =>
  new StoreMigrationError({
    adapter,
    reason: `${what}, and the ${adapter} adapter does not keep outbox streams (it does not declare capabilities.outboxStreams: it was written for Store port 0.1); nothing was written. Upgrade the adapter: see "Upgrading an adapter" in docs/guides/writing-a-storage-adapter.md`
  })

const LABEL = /^[a-z0-9][a-z0-9.-]{0,99}$/

const checkLabel = (problems: Problems, path: string, value: unknown) => {
  if (typeof value !== "string" || !LABEL.test(value))
    problems.push({
      path,
      message: `expected a label of lower-case letters, digits, . and - (at most 100, e.g. gathering.invited), got ${JSON.stringify(value)}`
    })
}

const checkText = (problems: Problems, path: string, value: unknown, max: number) => {
  if (typeof value !== "string" || value.length === 0 || value.length > max || value.includes("\u0000"))
    problems.push({
      path,
      message: `expected text of 1 to ${max} characters without U+0000, got ${JSON.stringify(value)}`
    })
}

const withoutNul = (text: string): string => text.replaceAll("\u0000", "\uFFFD")

// The UTF-8 length of a string without encoding it (no allocation per document).
const utf8Length = (text: string): number => {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1
  }
  return bytes
}

const toJson = (problems: Problems, path: string, value: unknown): string => {
  try {
    const text = JSON.stringify(value)
    if (typeof text !== "string") {
      problems.push({ path, message: "expected a JSON value (got undefined, a function or a symbol)" })
      return ""
    }
    return text
  } catch (error) {
    problems.push({ path, message: `is not JSON: ${error instanceof Error ? error.message : String(error)}` })
    return ""
  }
}

const invalid = (operation: string, problems: Problems) =>
  new StoreInvalidRequest({ operation, problems: problems as [Problem, ...Array<Problem>] })

const parseJson = (text: string): Either.Either<unknown, string> => {
  try {
    return Either.right(JSON.parse(text) as unknown)
  } catch (error) {
    return Either.left(error instanceof Error ? error.message : String(error))
  }
}

// Cursors are opaque to callers: base64url of the scope they belong to and the last key.
const encodeCursor = (scope: string, key: string | number): string =>
  Encoding.encodeBase64Url(JSON.stringify([scope, key]))

const decodeCursor = (problems: Problems, scope: string, cursor: string | undefined): string | number | undefined => {
  if (cursor === undefined) return undefined
  const decoded = Either.flatMap(Encoding.decodeBase64UrlString(cursor), (text) => parseJson(text))
  if (Either.isRight(decoded) && Array.isArray(decoded.right) && decoded.right[0] === scope) {
    const key: unknown = decoded.right[1]
    if (typeof key === "string" || typeof key === "number") return key
  }
  problems.push({ path: "cursor", message: "is not a cursor of this query (pass the cursor of the previous page)" })
  return undefined
}

const newId = (): string => globalThis.crypto.randomUUID()

// Sorts by id (UTF-16 code units, as `find` orders) unless already sorted, as drivers usually
// return them; answers an id found twice, if any.
const sortById = (records: Array<StoredDocument>): string | undefined => {
  const firstTwice = () => {
    for (let i = 1; i < records.length; i++)
      if ((records[i - 1] as StoredDocument).id === (records[i] as StoredDocument).id)
        return (records[i] as StoredDocument).id
    return undefined
  }
  for (let i = 1; i < records.length; i++)
    if ((records[i - 1] as StoredDocument).id >= (records[i] as StoredDocument).id) {
      records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      return firstTwice()
    }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// makeEncoded

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
export const makeEncoded = (driver: Driver): StoreService => {
  const { capabilities } = driver

  // Decodes a page in one loop (no effect per row: pages of 1,000 records are common).
  const decodeAll = <R, A>(
    rows: ReadonlyArray<R>,
    decodeOne: (row: R) => Either.Either<A, StoreDecodeError>
  ): Effect.Effect<ReadonlyArray<A>, StoreDecodeError> =>
    Effect.suspend(() => {
      const out: Array<A> = []
      for (const row of rows) {
        const result = decodeOne(row)
        if (Either.isLeft(result)) return Effect.fail(result.left)
        out.push(result.right)
      }
      return Effect.succeed(out)
    })

  const notJson = (communityId: string, row: EncodedDocument, reason: string) =>
    new StoreDecodeError({
      communityId,
      kind: row.kind,
      id: row.id,
      problems: [{ path: "", message: `the stored document is not JSON: ${reason}` }]
    })

  const decodeRecord =
    (communityId: string) =>
    (row: EncodedRecord): Either.Either<StoredRecord, StoreDecodeError> =>
      Either.match(parseJson(row.document), {
        onLeft: (reason) => Either.left(notJson(communityId, row, reason)),
        onRight: (document) =>
          Either.right({ kind: row.kind, id: row.id, version: row.version, indexes: row.indexes, document })
      })

  const decodeOutbox =
    (communityId: string) =>
    (row: EncodedOutboxEntry): Effect.Effect<OutboxEntry, StoreDecodeError> =>
      Either.match(parseJson(row.payload), {
        onLeft: (reason) =>
          Effect.fail(
            new StoreDecodeError({
              communityId,
              kind: "outbox",
              id: row.id,
              problems: [{ path: "payload", message: `is not JSON: ${reason}` }]
            })
          ),
        onRight: (payload) =>
          Effect.succeed({
            id: row.id,
            topic: row.topic,
            payload,
            status: row.status,
            attempts: row.attempts,
            availableAt: row.availableAt,
            createdAt: row.createdAt,
            leaseId: row.leaseId,
            leaseExpiresAt: row.leaseExpiresAt,
            lastError: row.lastError,
            settledAt: row.settledAt,
            stream: row.stream,
            label: row.label,
            supersedes: row.supersedes,
            expiresAt: row.expiresAt,
            firstAttemptAt: row.firstAttemptAt
          })
      })

  const decodeAudit =
    (communityId: string) =>
    (row: EncodedAuditRecord): Effect.Effect<AuditRecord, StoreDecodeError> =>
      Either.match(parseJson(row.detail), {
        onLeft: (reason) =>
          Effect.fail(
            new StoreDecodeError({
              communityId,
              kind: "audit",
              id: row.id,
              problems: [{ path: "detail", message: `is not JSON: ${reason}` }]
            })
          ),
        onRight: (detail) =>
          Effect.succeed({
            seq: row.seq,
            id: row.id,
            at: row.at,
            actor: row.actor,
            action: row.action,
            subject:
              row.subjectKind !== undefined && row.subjectId !== undefined
                ? { kind: row.subjectKind, id: row.subjectId }
                : undefined,
            detail
          })
      })

  const forCommunity = (communityId: string): CommunityStore => {
    const communityProblems: Problems = []
    checkId(communityProblems, "communityId", communityId, "a community id")

    const guard = <A, E, R>(
      operation: string,
      check: (problems: Problems) => Effect.Effect<A, E, R>
    ): Effect.Effect<A, E | StoreInvalidRequest, R> =>
      Effect.suspend((): Effect.Effect<A, E | StoreInvalidRequest, R> => {
        const problems: Problems = [...communityProblems]
        const effect = check(problems)
        return problems.length > 0 ? Effect.fail(invalid(operation, problems)) : effect
      })

    const find = (kind: string, options: FindOptions = {}) =>
      guard("find", (problems) => {
        checkKind(problems, "kind", kind)
        const where = Object.entries(options.where ?? {})
        for (const [field, value] of where) {
          if (!FIELD.test(field))
            problems.push({ path: `where.${field}`, message: "expected an index field name (letters, digits and _)" })
          if (typeof value !== "string" || value.length > MAX_INDEX_VALUE || value.includes("\u0000"))
            problems.push({
              path: `where.${field}`,
              message: `expected text of at most ${MAX_INDEX_VALUE} characters without U+0000`
            })
        }
        where.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        const limit = checkLimit(problems, options.limit, DEFAULT_LIMIT)
        const scope = `record:${kind}:${JSON.stringify(where)}`
        const after = decodeCursor(problems, scope, options.cursor)
        return driver
          .find({ communityId, kind, where, afterId: typeof after === "string" ? after : undefined, limit: limit + 1 })
          .pipe(
            Effect.flatMap((rows) =>
              Effect.map(
                decodeAll(rows.slice(0, limit), decodeRecord(communityId)),
                (items): Page<StoredRecord> => ({
                  items,
                  cursor: rows.length > limit ? encodeCursor(scope, items[limit - 1]?.id ?? "") : undefined
                })
              )
            )
          )
      }).pipe(Effect.withSpan("Store.find", { attributes: { kind } }))

    const findAll = (kind: string, where?: Readonly<Record<string, string>>) =>
      Effect.gen(function* () {
        const out: Array<StoredRecord> = []
        let cursor: string | undefined
        do {
          const page: Page<StoredRecord> = yield* find(kind, {
            limit: MAX_LIMIT,
            ...(where === undefined ? {} : { where }),
            ...(cursor === undefined ? {} : { cursor })
          })
          out.push(...page.items)
          cursor = page.cursor
        } while (cursor !== undefined)
        return out as ReadonlyArray<StoredRecord>
      })

    const readKinds = (kinds: ReadonlyArray<string>) =>
      guard("readKinds", (problems) => {
        if (!Array.isArray(kinds)) {
          problems.push({ path: "kinds", message: "expected an array of record kinds" })
          return Effect.succeed(new Map<string, ReadonlyArray<StoredDocument>>())
        }
        kinds.forEach((kind, i) => {
          checkKind(problems, `kinds[${i}]`, kind)
        })
        if (kinds.length > MAX_KINDS)
          problems.push({ path: "kinds", message: `expected at most ${MAX_KINDS} kinds, got ${kinds.length}` })
        const distinct = [...new Set(kinds)]
        const byKind = new Map<string, Array<StoredDocument>>(distinct.map((kind) => [kind, []]))
        if (distinct.length === 0) return Effect.succeed(byKind as ReadonlyMap<string, ReadonlyArray<StoredDocument>>)
        const bulk = driver.readKinds
        if (bulk === undefined)
          return Effect.map(
            Effect.forEach(distinct, (kind) => Effect.map(findAll(kind), (records) => [kind, records] as const)),
            (entries): ReadonlyMap<string, ReadonlyArray<StoredDocument>> => new Map(entries)
          )
        return Effect.flatMap(bulk({ communityId, kinds: distinct }), (rows) =>
          Effect.suspend(() => {
            for (const row of rows) {
              const records = byKind.get(row.kind)
              // A driver that returns a kind it was not asked for is broken (a bug, so a defect).
              if (records === undefined)
                return Effect.dieMessage(
                  `the ${capabilities.name} driver's readKinds returned a record of kind ${JSON.stringify(row.kind)}, which was not asked for; return only the kinds in the query`
                )
              // No Either per record: a community is thousands of them.
              let document: unknown
              try {
                document = JSON.parse(row.document)
              } catch (error) {
                return Effect.fail(notJson(communityId, row, error instanceof Error ? error.message : String(error)))
              }
              records.push({ kind: row.kind, id: row.id, version: row.version, document })
            }
            for (const [kind, records] of byKind) {
              const twice = sortById(records)
              if (twice !== undefined)
                return Effect.dieMessage(
                  `the ${capabilities.name} driver's readKinds returned ${kind} ${twice} twice; return each record once`
                )
            }
            return Effect.succeed(byKind as ReadonlyMap<string, ReadonlyArray<StoredDocument>>)
          })
        )
      }).pipe(Effect.withSpan("Store.readKinds"))

    const commit = (batch: Batch) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        guard("commit", (problems) => {
          const writes: Array<EncodedWrite> = []
          const seen = new Set<string>()
          // Unique values claimed in this batch (kind, field, value) → the write's index.
          const claims = new Map<string, number>()
          let claimsUnique = false
          ;(batch.writes ?? []).forEach((write, i) => {
            const at = `writes[${i}]`
            checkKind(problems, `${at}.kind`, write.kind)
            checkId(problems, `${at}.id`, write.id)
            checkVersion(problems, `${at}.expectedVersion`, write.expectedVersion)
            const key = `${write.kind}\u0000${write.id}`
            if (seen.has(key))
              problems.push({ path: at, message: `${write.kind} ${write.id} is written twice in one batch` })
            seen.add(key)
            if (write._tag === "Delete") {
              if (write.expectedVersion === 0)
                problems.push({
                  path: `${at}.expectedVersion`,
                  message: "a delete needs the version read (at least 1)"
                })
              writes.push({ _tag: "Delete", kind: write.kind, id: write.id, expectedVersion: write.expectedVersion })
              return
            }
            const document = toJson(problems, `${at}.document`, write.document)
            const bytes = document.length * 3 <= capabilities.maxDocumentBytes ? 0 : utf8Length(document)
            if (bytes > capabilities.maxDocumentBytes)
              problems.push({
                path: `${at}.document`,
                message: `is ${bytes} bytes; the ${capabilities.name} store takes at most ${capabilities.maxDocumentBytes}`
              })
            const indexes: Record<string, ReadonlyArray<string>> = {}
            for (const [field, value] of Object.entries(write.indexes ?? {})) {
              if (!FIELD.test(field))
                problems.push({ path: `${at}.indexes.${field}`, message: "expected an index field name" })
              const values = typeof value === "string" ? [value] : [...new Set(value)]
              if (values.some((v) => typeof v !== "string" || v.length > MAX_INDEX_VALUE || v.includes("\u0000")))
                problems.push({
                  path: `${at}.indexes.${field}`,
                  message: `expected text of at most ${MAX_INDEX_VALUE} characters without U+0000`
                })
              indexes[field] = values.sort()
            }
            const unique = [...new Set(write.unique ?? [])].sort()
            for (const field of unique) {
              if (typeof field !== "string" || !FIELD.test(field)) {
                problems.push({
                  path: `${at}.unique`,
                  message: `expected index field names, got ${JSON.stringify(field)}`
                })
                continue
              }
              for (const value of indexes[field] ?? []) {
                const claim = `${write.kind}\u0000${field}\u0000${value}`
                const other = claims.get(claim)
                // The value is not repeated: unique values are often e-mail addresses.
                if (other !== undefined)
                  problems.push({
                    path: `${at}.indexes.${field}`,
                    message: `holds the same unique value as writes[${other}].indexes.${field}`
                  })
                else claims.set(claim, i)
              }
            }
            if (unique.length > 0) claimsUnique = true
            writes.push({
              _tag: "Put",
              kind: write.kind,
              id: write.id,
              expectedVersion: write.expectedVersion,
              document,
              indexes,
              ...(unique.length === 0 ? {} : { unique })
            })
          })
          writes.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          const outboxIds = new Set<string>()
          const outbox = (batch.outbox ?? []).map((message, i) => {
            const at = `outbox[${i}]`
            checkId(problems, `${at}.id`, message.id)
            if (outboxIds.has(message.id))
              problems.push({ path: `${at}.id`, message: `outbox message ${message.id} is in the batch twice` })
            outboxIds.add(message.id)
            checkText(problems, `${at}.topic`, message.topic, 200)
            if (message.availableAt !== undefined) checkTime(problems, `${at}.availableAt`, message.availableAt)
            if (message.expiresAt !== undefined) checkTime(problems, `${at}.expiresAt`, message.expiresAt)
            if (message.stream !== undefined) checkText(problems, `${at}.stream`, message.stream, 300)
            if (message.label !== undefined) checkLabel(problems, `${at}.label`, message.label)
            const supersedes = [...new Set(message.supersedes ?? [])]
            supersedes.forEach((label, j) => {
              checkLabel(problems, `${at}.supersedes[${j}]`, label)
            })
            if (supersedes.length > 0 && message.stream === undefined)
              problems.push({
                path: `${at}.supersedes`,
                message: "supersedes names labels within a stream: give the message a stream too"
              })
            return {
              id: message.id,
              topic: message.topic,
              payload: toJson(problems, `${at}.payload`, message.payload),
              availableAt: message.availableAt ?? now,
              createdAt: now,
              stream: message.stream,
              label: message.label,
              supersedes,
              expiresAt: message.expiresAt
            }
          })
          const removalIds = new Set<string>()
          const outboxRemovals = (batch.outboxRemovals ?? []).map((id, i) => {
            const at = `outboxRemovals[${i}]`
            checkId(problems, at, id)
            if (removalIds.has(id)) problems.push({ path: at, message: `outbox message ${id} is removed twice` })
            if (outboxIds.has(id))
              problems.push({ path: at, message: `outbox message ${id} is both added and removed in the batch` })
            removalIds.add(id)
            return id
          })
          const auditIds = new Set<string>()
          const audit = (batch.audit ?? []).map((entry, i) => {
            const at = `audit[${i}]`
            checkId(problems, `${at}.id`, entry.id)
            if (auditIds.has(entry.id))
              problems.push({ path: `${at}.id`, message: `audit entry ${entry.id} is in the batch twice` })
            auditIds.add(entry.id)
            checkText(problems, `${at}.actor`, entry.actor, 200)
            checkText(problems, `${at}.action`, entry.action, 200)
            if (entry.subject !== undefined) {
              checkKind(problems, `${at}.subject.kind`, entry.subject.kind)
              checkId(problems, `${at}.subject.id`, entry.subject.id)
            }
            if (entry.at !== undefined) checkTime(problems, `${at}.at`, entry.at)
            return {
              id: entry.id,
              at: entry.at ?? now,
              actor: entry.actor,
              action: entry.action,
              subjectKind: entry.subject?.kind,
              subjectId: entry.subject?.id,
              detail: toJson(problems, `${at}.detail`, entry.detail ?? null)
            }
          })
          const batchId = newId()
          const versions = writes.map((w) => ({
            kind: w.kind,
            id: w.id,
            version: w._tag === "Put" ? w.expectedVersion + 1 : 0
          }))
          if (writes.length === 0 && outbox.length === 0 && outboxRemovals.length === 0 && audit.length === 0)
            return Effect.succeed<Committed>({ batchId, versions })
          if (
            capabilities.outboxStreams !== true &&
            outbox.some((m) => m.stream !== undefined || m.supersedes.length > 0 || m.expiresAt !== undefined)
          )
            return Effect.fail<StoreError>(notStreaming(capabilities.name, "the batch has outbox messages in streams"))
          if (claimsUnique && capabilities.uniqueFields !== true)
            return Effect.fail<StoreError>(
              new StoreMigrationError({
                adapter: capabilities.name,
                reason: `the batch claims unique index fields, and the ${capabilities.name} adapter does not enforce them (it does not declare capabilities.uniqueFields: it was written for Store port 0.1); nothing was written. Upgrade the adapter: see "Upgrading an adapter" in docs/guides/writing-a-storage-adapter.md`
              })
            )
          return driver
            .commit({
              communityId,
              batchId,
              writes,
              outbox,
              outboxRemovals,
              audit,
              ...(batch.erase === true ? { erase: true } : {})
            })
            .pipe(
              Effect.flatMap((outcome) =>
                outcome._tag === "Committed"
                  ? Effect.succeed<Committed>({ batchId, versions })
                  : Effect.fail(new StoreConflict({ communityId, conflicts: outcome.conflicts }))
              )
            )
        })
      ).pipe(Effect.withSpan("Store.commit"))

    const claimOutbox = (options: { readonly leaseMs: number; readonly limit?: number }) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        guard("claimOutbox", (problems) => {
          if (!Number.isSafeInteger(options.leaseMs) || options.leaseMs < 1)
            problems.push({ path: "leaseMs", message: `expected a positive whole number, got ${options.leaseMs}` })
          const limit = checkLimit(problems, options.limit, 10)
          const leaseId = newId()
          return driver.claimOutbox({ communityId, leaseId, now, leaseExpiresAt: now + options.leaseMs, limit }).pipe(
            Effect.flatMap((rows) =>
              Effect.forEach(rows, (row) =>
                Effect.map(
                  decodeOutbox(communityId)(row),
                  (entry): ClaimedMessage => ({
                    ...entry,
                    leaseId,
                    leaseExpiresAt: now + options.leaseMs
                  })
                )
              )
            )
          )
        })
      ).pipe(Effect.withSpan("Store.claimOutbox"))

    const settle = (
      operation: string,
      lease: Lease,
      settlement: (problems: Problems) => Parameters<Driver["settleOutbox"]>[0]["settlement"]
    ) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        guard(operation, (problems) => {
          checkId(problems, "id", lease.id)
          checkText(problems, "leaseId", lease.leaseId, 200)
          const s = settlement(problems)
          return driver
            .settleOutbox({ communityId, id: lease.id, leaseId: lease.leaseId, now, settlement: s })
            .pipe(
              Effect.flatMap((settled) =>
                settled
                  ? Effect.void
                  : Effect.fail(new StoreLeaseLost({ communityId, messageId: lease.id, leaseId: lease.leaseId }))
              )
            )
        })
      )

    const outbox = (
      options: { readonly status?: OutboxStatus; readonly limit?: number; readonly cursor?: string } = {}
    ) =>
      guard("outbox", (problems) => {
        const limit = checkLimit(problems, options.limit, DEFAULT_LIMIT)
        const scope = `outbox:${options.status ?? "*"}`
        const after = decodeCursor(problems, scope, options.cursor)
        return driver
          .listOutbox({
            communityId,
            status: options.status,
            afterId: typeof after === "string" ? after : undefined,
            limit: limit + 1
          })
          .pipe(
            Effect.flatMap((rows) =>
              Effect.map(
                Effect.forEach(rows.slice(0, limit), decodeOutbox(communityId)),
                (items): Page<OutboxEntry> => ({
                  items,
                  cursor: rows.length > limit ? encodeCursor(scope, items[limit - 1]?.id ?? "") : undefined
                })
              )
            )
          )
      })

    const audit = (options: { readonly limit?: number; readonly cursor?: string; readonly afterSeq?: number } = {}) =>
      guard("audit", (problems) => {
        const limit = checkLimit(problems, options.limit, DEFAULT_LIMIT)
        const after = decodeCursor(problems, "audit", options.cursor)
        if (options.afterSeq !== undefined) {
          if (!Number.isSafeInteger(options.afterSeq) || options.afterSeq < 0)
            problems.push({
              path: "afterSeq",
              message: `expected the seq of an audit entry (a whole number, 0 for the start), got ${String(options.afterSeq)}`
            })
          if (options.cursor !== undefined)
            problems.push({ path: "afterSeq", message: "give either a cursor or afterSeq, not both" })
        }
        const afterSeq = options.afterSeq ?? (typeof after === "number" ? after : 0)
        return driver.listAudit({ communityId, afterSeq, limit: limit + 1 }).pipe(
          Effect.flatMap((rows) =>
            Effect.map(
              Effect.forEach(rows.slice(0, limit), decodeAudit(communityId)),
              (items): Page<AuditRecord> => ({
                items,
                cursor: rows.length > limit ? encodeCursor("audit", items[limit - 1]?.seq ?? 0) : undefined
              })
            )
          )
        )
      })

    return {
      communityId,
      get: (kind, id) =>
        guard("get", (problems) => {
          checkKind(problems, "kind", kind)
          checkId(problems, "id", id)
          return driver
            .get(communityId, kind, id)
            .pipe(
              Effect.flatMap((row) =>
                row === undefined
                  ? Effect.succeedNone
                  : Effect.map(decodeRecord(communityId)(row), (record) => Option.some(record))
              )
            )
        }),
      find,
      findAll,
      readKinds,
      commit,
      claimOutbox,
      acknowledge: (lease) => settle("acknowledge", lease, () => ({ _tag: "Acknowledge" })),
      release: (lease, options) =>
        settle("release", lease, (problems) => {
          checkTime(problems, "retryAt", options.retryAt)
          return {
            _tag: "Release",
            retryAt: options.retryAt,
            error: options.error === undefined ? undefined : withoutNul(options.error)
          }
        }),
      deadLetter: (lease, options) =>
        settle("deadLetter", lease, (problems) => {
          checkText(problems, "error", withoutNul(options.error), 10_000)
          return { _tag: "DeadLetter", error: withoutNul(options.error) }
        }),
      reviveOutbox: (id) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          guard("reviveOutbox", (problems) => {
            checkId(problems, "id", id)
            return driver.reviveOutbox === undefined || capabilities.outboxStreams !== true
              ? Effect.fail<StoreError>(notStreaming(capabilities.name, "a dead letter cannot be put back"))
              : driver.reviveOutbox({ communityId, id, now })
          })
        ).pipe(Effect.withSpan("Store.reviveOutbox")),
      outbox,
      audit
    }
  }

  return { capabilities, forCommunity }
}

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
