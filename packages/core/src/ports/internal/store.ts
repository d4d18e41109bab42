// The body of `Store.makeEncoded`: the Store service over a driver of encoded rows. Requests
// are checked (./checks.ts) and batches encoded (./encodeBatch.ts) before the driver is asked;
// rows are decoded on the way back (./decode.ts); cursors are opaque (./cursor.ts).
import { Clock, Effect, Either, Option } from "effect"
import type {
  AuditRecord,
  Batch,
  ClaimedMessage,
  Committed,
  CommunityStore,
  FindOptions,
  Lease,
  OutboxEntry,
  Page,
  StoredDocument,
  StoredRecord,
  StoreService
} from "../Store.js"
import type { Driver, OutboxStatus } from "../StoreDriver.js"
import { StoreConflict, type StoreError, type StoreInvalidRequest, StoreLeaseLost } from "../StoreError.js"
import {
  checkId,
  checkKind,
  checkLimit,
  checkText,
  checkTime,
  DEFAULT_LIMIT,
  FIELD,
  invalid,
  MAX_INDEX_VALUE,
  MAX_KINDS,
  MAX_LIMIT,
  newId,
  notStreaming,
  notUnique,
  type Problems,
  withoutNul
} from "./checks.js"
import { decodeCursor, encodeCursor } from "./cursor.js"
import { decodeAll, decodeAudit, decodeKinds, decodeOutbox, decodeRecord } from "./decode.js"
import { encodeBatch } from "./encodeBatch.js"
import { everyPage } from "./pages.js"

// The spans name the operation; a stack trace would always point here, and capturing one on every
// call cost more than the span itself (decision 0125).
const spanOptions = { captureStackTrace: false } as const

export const makeEncoded = (driver: Driver): StoreService => {
  const { capabilities } = driver

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
      }).pipe(Effect.withSpan("Store.find", { attributes: { kind }, captureStackTrace: false }))

    const findAll = (kind: string, where?: Readonly<Record<string, string>>) =>
      everyPage((page) => find(kind, { ...page, ...(where === undefined ? {} : { where }) }), MAX_LIMIT)

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
          decodeKinds(capabilities.name, communityId, byKind, rows)
        )
      }).pipe(Effect.withSpan("Store.readKinds", spanOptions))

    const commit = (batch: Batch) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        guard("commit", (problems) => {
          const encoded = encodeBatch(batch, { communityId, batchId: newId(), now, capabilities })
          if (Either.isLeft(encoded)) {
            problems.push(...encoded.left)
            return Effect.fail(invalid("commit", problems))
          }
          const { batch: encodedBatch, versions, empty, usesStreams, claimsUnique } = encoded.right
          const committed: Committed = { batchId: encodedBatch.batchId, versions }
          if (empty) return Effect.succeed(committed)
          if (capabilities.outboxStreams !== true && usesStreams)
            return Effect.fail<StoreError>(notStreaming(capabilities.name, "the batch has outbox messages in streams"))
          if (claimsUnique && capabilities.uniqueFields !== true)
            return Effect.fail<StoreError>(notUnique(capabilities.name))
          return driver
            .commit(encodedBatch)
            .pipe(
              Effect.flatMap((outcome) =>
                outcome._tag === "Committed"
                  ? Effect.succeed(committed)
                  : Effect.fail(new StoreConflict({ communityId, conflicts: outcome.conflicts }))
              )
            )
        })
      ).pipe(Effect.withSpan("Store.commit", spanOptions))

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
      ).pipe(Effect.withSpan("Store.claimOutbox", spanOptions))

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
        ).pipe(Effect.withSpan("Store.reviveOutbox", spanOptions)),
      outbox,
      audit
    }
  }

  return { capabilities, forCommunity }
}
