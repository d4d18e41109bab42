/**
 * The Store driver on `@effect/sql`, shared by the SQLite and PostgreSQL adapters.
 *
 * Concurrency: every write checks its expected version in the same statement that writes
 * (`UPDATE ... WHERE version = expected RETURNING`, `INSERT ... ON CONFLICT DO NOTHING RETURNING`,
 * `DELETE ... WHERE version = expected RETURNING`) inside one transaction per batch, with writes
 * sorted by kind and id so row locks are always taken in the same order. Outbox claims select and
 * lease in one statement (`FOR UPDATE SKIP LOCKED` on PostgreSQL). Every batch records its id in a
 * batches table, so when the connection is lost during a commit the driver can tell whether the
 * batch landed.
 *
 * @since 0.1.0
 */
import { SqlClient, type SqlError } from "@effect/sql"
import { Store } from "@grenzeloos/core"
import { Clock, Data, Effect, Either, Schedule } from "effect"
import * as Migrations from "./Migrations.js"
import * as Tables from "./Tables.js"

/**
 * Options of {@link makeDriver}.
 *
 * @since 0.1.0
 */
export interface Options extends Tables.TableOptions {
  /** What the adapter declares (its name is used in messages). */
  readonly capabilities: Store.Capabilities
  /** Run pending migrations on start-up (default `true`). When `false`, a schema that is not current is an error. */
  readonly migrate?: boolean
  /** Rows per multi-row INSERT (default 500). */
  readonly chunkSize?: number
  /**
   * What a batch marked `erase` does after it commits, so the erased bytes leave the database
   * files (decision 0049): `"scrub"` (default) checkpoints and truncates SQLite's WAL (the
   * connection has `secure_delete` on), or runs `VACUUM (FULL)` on the PostgreSQL tables the batch
   * wrote (an exclusive lock on them while it runs); `"operator"` does nothing, and the operator
   * takes on that duty (see the adapter's README).
   */
  readonly afterErasure?: "scrub" | "operator"
}

interface DocumentRow {
  readonly kind: string
  readonly id: string
  readonly version: number | string
  readonly document: string
}

interface RecordRow {
  readonly kind: string
  readonly id: string
  readonly version: number | string
  readonly document: string
  readonly indexes: string
}

interface OutboxRow {
  readonly id: string
  readonly topic: string
  readonly payload: string
  readonly status: string
  readonly attempts: number | string
  readonly available_at: number | string
  readonly created_at: number | string
  readonly lease_id: string | null
  readonly lease_expires_at: number | string | null
  readonly last_error: string | null
  readonly settled_at: number | string | null
  readonly stream: string | null
  readonly label: string | null
  readonly supersedes: string | null
  readonly expires_at: number | string | null
  readonly first_attempt_at: number | string | null
}

interface AuditRow {
  readonly seq: number | string
  readonly id: string
  readonly at: number | string
  readonly actor: string
  readonly action: string
  readonly subject_kind: string | null
  readonly subject_id: string | null
  readonly detail: string
}

class Rejected extends Data.TaggedError("Rejected")<{
  readonly writes: ReadonlyArray<Store.EncodedWrite>
  readonly outbox: ReadonlyArray<string>
  readonly audit: ReadonlyArray<string>
  readonly unique: ReadonlyArray<Store.Conflict>
}> {}

/** One unique value a put claims. */
interface Claim {
  readonly kind: string
  readonly field: string
  readonly value: string
  readonly id: string
}

const num = (value: number | string): number => (typeof value === "number" ? value : Number(value))
const optNum = (value: number | string | null): number | undefined => (value === null ? undefined : num(value))
const opt = (value: string | null): string | undefined => (value === null ? undefined : value)

const chunks = <A>(items: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const outboxEntry = (row: OutboxRow): Store.EncodedOutboxEntry => ({
  id: row.id,
  topic: row.topic,
  payload: row.payload,
  status: row.status as Store.OutboxStatus,
  attempts: num(row.attempts),
  availableAt: num(row.available_at),
  createdAt: num(row.created_at),
  leaseId: opt(row.lease_id),
  leaseExpiresAt: optNum(row.lease_expires_at),
  lastError: opt(row.last_error),
  settledAt: optNum(row.settled_at),
  stream: opt(row.stream),
  label: opt(row.label),
  supersedes: row.supersedes === null ? [] : row.supersedes.split("|").filter((label) => label !== ""),
  expiresAt: optNum(row.expires_at),
  firstAttemptAt: optNum(row.first_attempt_at)
})

/** The labels a message supersedes as stored: `|a|b|`, so `LIKE '%|label|%'` finds one. */
const storedLabels = (labels: ReadonlyArray<string>): string | null =>
  labels.length === 0 ? null : `|${labels.join("|")}|`

const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause
    return cause instanceof Error && cause.message !== error.message
      ? `${error.message}: ${cause.message}`
      : error.message
  }
  return String(error)
}

// PostgreSQL aborts one of two transactions that deadlock (40P01) or fail to serialise (40001);
// SQLite reports a locked database. All are safe to retry: the transaction was rolled back.
const retrySchedule = Schedule.exponential("5 millis").pipe(Schedule.jittered)

const isTransient = (error: SqlError.SqlError): boolean => {
  const code = (error.cause as { code?: unknown } | undefined)?.code
  return code === "40P01" || code === "40001" || code === "SQLITE_BUSY" || code === "SQLITE_LOCKED"
}

/**
 * Makes the driver over the `SqlClient` in the context, running pending migrations first unless
 * `migrate` is `false`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Store } from "@grenzeloos/core"
 * import { SqlStore } from "@grenzeloos/storage-sql"
 *
 * const layer = Store.layerDriver(
 *   SqlStore.makeDriver({
 *     dialect: "sqlite",
 *     capabilities: { name: "sqlite", maxDocumentBytes: 16_777_216, sharedAcrossProcesses: true }
 *   })
 * ) // still needs a SqlClient layer, e.g. from @effect/sql-sqlite-node
 * ```
 * @since 0.1.0
 */
export const makeDriver = (
  options: Options
): Effect.Effect<Store.Driver, Store.StoreMigrationError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const adapter = options.capabilities.name
    const sql = yield* SqlClient.SqlClient
    const t = yield* Either.match(Tables.make(options), {
      onLeft: (reason) => Effect.fail(new Store.StoreMigrationError({ adapter, reason })),
      onRight: Effect.succeed
    })
    if (options.migrate ?? true) yield* Migrations.run(t, adapter)
    else {
      const version = yield* sql
        .unsafe<{ version: number | string | null }>(`SELECT MAX(version) AS version FROM ${t.migrations}`)
        .pipe(
          Effect.map((rows) => num(rows[0]?.version ?? 0)),
          Effect.catchAll((cause) =>
            Effect.fail(new Store.StoreMigrationError({ adapter, reason: "the schema is not set up", cause }))
          )
        )
      if (version !== Migrations.latestVersion)
        return yield* Effect.fail(
          new Store.StoreMigrationError({
            adapter,
            reason: `the schema is at version ${version}, this adapter needs ${Migrations.latestVersion}; run the migrations (migrate: true)`
          })
        )
    }

    const pg = t.dialect === "pg"
    const chunkSize = options.chunkSize ?? 500
    const T = {
      records: sql.literal(t.records),
      indexes: sql.literal(t.indexes),
      unique: sql.literal(t.unique),
      outbox: sql.literal(t.outbox),
      audit: sql.literal(t.audit),
      auditPositions: sql.literal(t.auditPositions),
      batches: sql.literal(t.batches)
    }

    const unavailable =
      (operation: string, batchApplied: Store.BatchApplied = "none") =>
      (error: unknown) =>
        new Store.StoreUnavailable({ operation, batchApplied, reason: describe(error), cause: error })

    const read = <A, E>(operation: string, effect: Effect.Effect<A, E>) =>
      Effect.mapError(effect, unavailable(operation))

    // Each record keeps its own index values as JSON beside the document, so reads need no second
    // query; the index table serves lookups only.
    const toRecord = (row: RecordRow): Store.EncodedRecord => ({
      kind: row.kind,
      id: row.id,
      version: num(row.version),
      indexes: JSON.parse(row.indexes) as Record<string, ReadonlyArray<string>>,
      document: row.document
    })

    const toDocument = (row: DocumentRow): Store.EncodedDocument => ({
      kind: row.kind,
      id: row.id,
      version: num(row.version),
      document: row.document
    })

    const get: Store.Driver["get"] = (communityId, kind, id) =>
      read(
        "get",
        Effect.gen(function* () {
          const rows =
            yield* sql<RecordRow>`SELECT kind, id, version, document, indexes FROM ${T.records} WHERE community_id = ${communityId} AND kind = ${kind} AND id = ${id}`
          return rows[0] === undefined ? undefined : toRecord(rows[0])
        })
      )

    const find: Store.Driver["find"] = ({ communityId, kind, where, afterId, limit }) =>
      read(
        "find",
        Effect.gen(function* () {
          const conditions = [
            sql`r.community_id = ${communityId}`,
            sql`r.kind = ${kind}`,
            ...(afterId === undefined ? [] : [sql`r.id > ${afterId}`]),
            ...where.map(
              ([field, value]) =>
                sql`EXISTS (SELECT 1 FROM ${T.indexes} i WHERE i.community_id = r.community_id AND i.kind = r.kind AND i.id = r.id AND i.field = ${field} AND i.value = ${value})`
            )
          ]
          const rows =
            yield* sql<RecordRow>`SELECT r.kind, r.id, r.version, r.document, r.indexes FROM ${T.records} r WHERE ${sql.and(conditions)} ORDER BY r.id LIMIT ${limit}`
          return rows.map(toRecord)
        })
      )

    // One statement for every kind: a consistent read on both databases, in the primary key's
    // order, and only the columns a load needs (no index values to parse).
    const readKinds: NonNullable<Store.Driver["readKinds"]> = ({ communityId, kinds }) =>
      read(
        "readKinds",
        Effect.map(
          sql<DocumentRow>`SELECT kind, id, version, document FROM ${T.records} WHERE community_id = ${communityId} AND ${sql.in("kind", kinds)} ORDER BY kind, id`,
          // SQLite rows already have this shape; PostgreSQL's bigint versions come as strings.
          (rows) =>
            rows.every((row) => typeof row.version === "number")
              ? (rows as ReadonlyArray<Store.EncodedDocument>)
              : rows.map(toDocument)
        )
      )

    const apply = (batch: Store.EncodedBatch, now: number) =>
      Effect.gen(function* () {
        const { communityId } = batch
        const failedWrites: Array<Store.EncodedWrite> = []
        const creates = batch.writes.filter(
          (w): w is Extract<Store.EncodedWrite, { _tag: "Put" }> => w._tag === "Put" && w.expectedVersion === 0
        )
        for (const chunk of chunks(creates, chunkSize)) {
          const inserted = yield* sql<{ kind: string; id: string }>`INSERT INTO ${T.records} ${sql.insert(
            chunk.map((w) => ({
              community_id: communityId,
              kind: w.kind,
              id: w.id,
              version: 1,
              document: w.document,
              indexes: JSON.stringify(w.indexes)
            }))
          )} ON CONFLICT DO NOTHING RETURNING kind, id`
          if (inserted.length !== chunk.length) {
            const landed = new Set(inserted.map((r) => `${r.kind}\u0000${r.id}`))
            failedWrites.push(...chunk.filter((w) => !landed.has(`${w.kind}\u0000${w.id}`)))
          }
        }
        const changed: Array<Store.EncodedWrite> = []
        for (const write of batch.writes) {
          if (write._tag === "Put" && write.expectedVersion === 0) continue
          const rows =
            write._tag === "Put"
              ? yield* sql`UPDATE ${T.records} SET version = version + 1, document = ${write.document}, indexes = ${JSON.stringify(write.indexes)} WHERE community_id = ${communityId} AND kind = ${write.kind} AND id = ${write.id} AND version = ${write.expectedVersion} RETURNING id`
              : yield* sql`DELETE FROM ${T.records} WHERE community_id = ${communityId} AND kind = ${write.kind} AND id = ${write.id} AND version = ${write.expectedVersion} RETURNING id`
          if (rows.length === 0) failedWrites.push(write)
          else changed.push(write)
        }
        // Commit order: PostgreSQL numbers rows by identity; SQLite serialises writers, so MAX + 1 holds.
        const base =
          pg || batch.outbox.length === 0
            ? 0
            : num(
                (yield* sql<{
                  top: number | string | null
                }>`SELECT COALESCE(MAX(position), 0) AS top FROM ${T.outbox} WHERE community_id = ${communityId}`)[0]
                  ?.top ?? 0
              )
        const outboxRows = batch.outbox.map((m, i) => ({
          community_id: communityId,
          id: m.id,
          topic: m.topic,
          payload: m.payload,
          status: "pending",
          attempts: 0,
          available_at: m.availableAt,
          created_at: m.createdAt,
          stream: m.stream ?? null,
          label: m.label ?? null,
          supersedes: storedLabels(m.supersedes),
          expires_at: m.expiresAt ?? null,
          ...(pg ? {} : { position: base + i + 1 })
        }))
        const failedOutbox: Array<string> = []
        for (const chunk of chunks(outboxRows, chunkSize)) {
          const inserted = yield* sql<{
            id: string
          }>`INSERT INTO ${T.outbox} ${sql.insert(chunk)} ON CONFLICT DO NOTHING RETURNING id`
          if (inserted.length !== chunk.length) {
            const landed = new Set(inserted.map((r) => r.id))
            failedOutbox.push(...chunk.filter((r) => !landed.has(r.id)).map((r) => r.id))
          }
        }
        for (const chunk of chunks(batch.outboxRemovals, chunkSize))
          yield* sql`DELETE FROM ${T.outbox} WHERE community_id = ${communityId} AND ${sql.in("id", chunk)}`
        // Supersession, in batch order: pending messages of the stream committed before, by label.
        if (failedOutbox.length === 0)
          for (const m of batch.outbox)
            if (m.stream !== undefined && m.supersedes.length > 0)
              yield* sql`UPDATE ${T.outbox} SET status = 'superseded', settled_at = ${m.createdAt}, last_error = ${`superseded by ${m.id}`}
                WHERE community_id = ${communityId} AND stream = ${m.stream} AND status = 'pending'
                  AND ${sql.in("label", m.supersedes)}
                  AND position < (SELECT position FROM ${T.outbox} WHERE community_id = ${communityId} AND id = ${m.id})`
        if (failedWrites.length > 0 || failedOutbox.length > 0)
          return yield* Effect.fail(new Rejected({ writes: failedWrites, outbox: failedOutbox, audit: [], unique: [] }))
        const unique = yield* claimUnique(communityId, batch.writes)
        if (unique.length > 0) return yield* Effect.fail(new Rejected({ writes: [], outbox: [], audit: [], unique }))
        // Index rows: replace those of changed records, add those of new and updated ones.
        const byKind = new Map<string, Array<string>>()
        for (const write of changed) {
          const ids = byKind.get(write.kind) ?? []
          ids.push(write.id)
          byKind.set(write.kind, ids)
        }
        for (const [kind, ids] of byKind)
          for (const chunk of chunks(ids, chunkSize))
            yield* sql`DELETE FROM ${T.indexes} WHERE community_id = ${communityId} AND kind = ${kind} AND ${sql.in("id", chunk)}`
        const indexRows = batch.writes.flatMap((w) =>
          w._tag === "Put"
            ? Object.entries(w.indexes).flatMap(([field, values]) =>
                values.map((value) => ({ community_id: communityId, kind: w.kind, field, value, id: w.id }))
              )
            : []
        )
        for (const chunk of chunks(indexRows, chunkSize)) yield* sql`INSERT INTO ${T.indexes} ${sql.insert(chunk)}`
        yield* sql`INSERT INTO ${T.batches} ${sql.insert({ batch_id: batch.batchId, community_id: communityId, committed_at: now })}`
        // Last, so the community's counter row is locked only from here to the commit.
        const failedAudit = yield* appendAudit(communityId, batch.audit)
        if (failedAudit.length > 0)
          return yield* Effect.fail(new Rejected({ writes: [], outbox: [], audit: failedAudit, unique: [] }))
      })

    // Unique values (decision 0047): the records written in the batch give up the values they held,
    // then every put claims its values in one insert per chunk. A value held by another record
    // (committed, or claimed by a transaction that commits meanwhile: the primary key makes the
    // insert wait for it) is not inserted, and its holder is named in a UniqueViolation.
    const claimUnique = (communityId: string, writes: ReadonlyArray<Store.EncodedWrite>) =>
      Effect.gen(function* () {
        const claims: Array<Claim> = []
        for (const w of writes)
          if (w._tag === "Put")
            for (const field of w.unique ?? [])
              for (const value of w.indexes[field] ?? []) claims.push({ kind: w.kind, field, value, id: w.id })
        const byKind = new Map<string, Array<string>>()
        for (const w of writes) {
          if (w._tag === "Put" && w.expectedVersion === 0) continue
          byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), w.id])
        }
        for (const [kind, ids] of byKind)
          for (const chunk of chunks(ids, chunkSize))
            yield* sql`DELETE FROM ${T.unique} WHERE community_id = ${communityId} AND kind = ${kind} AND ${sql.in("id", chunk)}`
        if (claims.length === 0) return []
        // Always in the same order, so two batches wait for each other rather than deadlock.
        claims.sort((a, b) =>
          a.kind !== b.kind
            ? a.kind < b.kind
              ? -1
              : 1
            : a.field !== b.field
              ? a.field < b.field
                ? -1
                : 1
              : a.value < b.value
                ? -1
                : a.value > b.value
                  ? 1
                  : 0
        )
        const violations: Array<Store.Conflict> = []
        for (const chunk of chunks(claims, chunkSize)) {
          const inserted = yield* sql<Claim>`INSERT INTO ${T.unique} ${sql.insert(
            chunk.map((c) => ({ community_id: communityId, kind: c.kind, field: c.field, value: c.value, id: c.id }))
          )} ON CONFLICT DO NOTHING RETURNING kind, field, value`
          if (inserted.length === chunk.length) continue
          const landed = new Set(inserted.map((r) => `${r.kind}\u0000${r.field}\u0000${r.value}`))
          for (const claim of chunk) {
            if (landed.has(`${claim.kind}\u0000${claim.field}\u0000${claim.value}`)) continue
            const holder = yield* sql<{
              id: string
            }>`SELECT id FROM ${T.unique} WHERE community_id = ${communityId} AND kind = ${claim.kind} AND field = ${claim.field} AND value = ${claim.value}`
            violations.push({
              _tag: "UniqueViolation",
              kind: claim.kind,
              id: claim.id,
              field: claim.field,
              heldBy: holder[0]?.id ?? "(a record being written at the same time)"
            })
          }
        }
        return violations
      })

    // Audit positions are taken at commit (decision 0048): on PostgreSQL the community's counter
    // row is raised by the number of entries and stays locked until the transaction ends, so a
    // batch that takes later positions commits after this one, and a reader paging by position
    // never skips one. SQLite serialises writers, so there the log's highest position plus one
    // holds (decision 0125).
    const appendAudit = (communityId: string, entries: ReadonlyArray<Store.EncodedAuditEntry>) =>
      Effect.gen(function* () {
        if (entries.length === 0) return []
        // SQLite serialises writers and this transaction already holds the write lock (the batch
        // row is written before), so the next position is the community's highest plus one, taken
        // in the insert itself: one statement and no counter row to write (decision 0125).
        const [only] = entries
        if (!pg && entries.length === 1 && only !== undefined) {
          const inserted = yield* sql<{
            id: string
          }>`INSERT INTO ${T.audit} (community_id, id, log_position, at, actor, action, subject_kind, subject_id, detail)
            VALUES (${communityId}, ${only.id}, (SELECT COALESCE(MAX(log_position), 0) + 1 FROM ${T.audit} WHERE community_id = ${communityId}),
              ${only.at}, ${only.actor}, ${only.action}, ${only.subjectKind ?? null}, ${only.subjectId ?? null}, ${only.detail})
            ON CONFLICT DO NOTHING RETURNING id`
          return inserted.length === 1 ? [] : [only.id]
        }
        const first = pg
          ? num(
              (yield* sql<{
                last_position: number | string
              }>`INSERT INTO ${T.auditPositions} AS p (community_id, last_position) VALUES (${communityId}, ${entries.length})
                ON CONFLICT (community_id) DO UPDATE SET last_position = p.last_position + ${entries.length}
                RETURNING last_position`)[0]?.last_position ?? entries.length
            ) -
            entries.length +
            1
          : num(
              (yield* sql<{
                top: number | string | null
              }>`SELECT COALESCE(MAX(log_position), 0) AS top FROM ${T.audit} WHERE community_id = ${communityId}`)[0]
                ?.top ?? 0
            ) + 1
        const failed: Array<string> = []
        for (const [c, chunk] of chunks(entries, chunkSize).entries()) {
          const inserted = yield* sql<{ id: string }>`INSERT INTO ${T.audit} ${sql.insert(
            chunk.map((entry, i) => ({
              community_id: communityId,
              id: entry.id,
              log_position: first + c * chunkSize + i,
              at: entry.at,
              actor: entry.actor,
              action: entry.action,
              subject_kind: entry.subjectKind ?? null,
              subject_id: entry.subjectId ?? null,
              detail: entry.detail
            }))
          )} ON CONFLICT DO NOTHING RETURNING id`
          if (inserted.length !== chunk.length) {
            const landed = new Set(inserted.map((r) => r.id))
            failed.push(...chunk.filter((e) => !landed.has(e.id)).map((e) => e.id))
          }
        }
        return failed
      })

    const conflictsOf = (communityId: string, rejected: Rejected) =>
      Effect.gen(function* () {
        const conflicts: Array<Store.Conflict> = []
        for (const write of rejected.writes) {
          const rows = yield* sql<{
            version: number | string
          }>`SELECT version FROM ${T.records} WHERE community_id = ${communityId} AND kind = ${write.kind} AND id = ${write.id}`
          conflicts.push({
            _tag: "VersionMismatch",
            kind: write.kind,
            id: write.id,
            expectedVersion: write.expectedVersion,
            actualVersion: rows[0] === undefined ? 0 : num(rows[0].version)
          })
        }
        for (const id of rejected.outbox) conflicts.push({ _tag: "DuplicateId", area: "outbox", id })
        for (const id of rejected.audit) conflicts.push({ _tag: "DuplicateId", area: "audit", id })
        conflicts.push(...rejected.unique)
        return conflicts
      })

    // After a failed commit, ask the database (on a fresh connection) whether the batch landed.
    const landed = (batchId: string) =>
      Effect.map(
        sql<{ batch_id: string }>`SELECT batch_id FROM ${T.batches} WHERE batch_id = ${batchId}`,
        (rows) => rows.length > 0
      )

    // After an erasure commits, the old bytes leave the files (decision 0049). The batch has landed
    // whatever happens here: a scrub that cannot finish is logged with the operator's duty, not
    // reported as a failed commit.
    const scrub = (batch: Store.EncodedBatch) => {
      if ((options.afterErasure ?? "scrub") === "operator") return Effect.void
      const tables = [
        ...(batch.writes.length > 0 ? [t.records, t.indexes, t.unique] : []),
        ...(batch.outbox.length > 0 || batch.outboxRemovals.length > 0 ? [t.outbox] : [])
      ]
      const run = pg
        ? tables.length === 0
          ? Effect.void
          : Effect.asVoid(sql.unsafe(`VACUUM (FULL) ${tables.join(", ")}`))
        : Effect.flatMap(sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`, (rows) =>
            (rows[0]?.busy ?? 0) === 0
              ? Effect.void
              : Effect.fail(new Error("another connection is reading an older state of the database"))
          )
      return run.pipe(
        Effect.catchAll((error) =>
          Effect.logWarning(
            `${adapter}: the erasure was committed, but its old bytes may still be in the database files: ${describe(error)}. ` +
              (pg
                ? `Run VACUUM (FULL) on ${tables.join(", ")} when no transaction is open (see the adapter's README, "Erasure").`
                : `Run PRAGMA wal_checkpoint(TRUNCATE) when no other process has the database open (see the adapter's README, "Erasure").`)
          )
        ),
        Effect.withSpan("SqlStore.scrub")
      )
    }

    const commit: Store.Driver["commit"] = (batch) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const once = sql.withTransaction(apply(batch, now))
        // The retry policy is set up only once a transaction has failed transiently: building it
        // for every commit cost more than the rest of the commit's bookkeeping (decision 0125).
        const attempt = once.pipe(
          Effect.catchIf(
            (e) => e._tag === "SqlError" && isTransient(e),
            () =>
              Effect.retry(once, {
                while: (e) => e._tag === "SqlError" && isTransient(e),
                schedule: retrySchedule,
                times: 7
              })
          )
        )
        const outcome = yield* attempt.pipe(
          Effect.as<Store.CommitOutcome>({ _tag: "Committed" }),
          Effect.catchTag("Rejected", (rejected) =>
            Effect.map(conflictsOf(batch.communityId, rejected), (conflicts): Store.CommitOutcome => {
              const [first, ...rest] = conflicts
              return first === undefined ? { _tag: "Committed" } : { _tag: "Rejected", conflicts: [first, ...rest] }
            })
          ),
          Effect.sandbox,
          Effect.either
        )
        if (Either.isRight(outcome)) {
          if (outcome.right._tag === "Committed" && batch.erase === true) yield* scrub(batch)
          return outcome.right
        }
        // The statement, COMMIT or ROLLBACK failed (a lost connection dies inside withTransaction).
        const cause = outcome.left
        const reason = describe(
          cause._tag === "Fail" ? cause.error : cause._tag === "Die" ? cause.defect : new Error(String(cause))
        )
        const check = yield* Effect.either(landed(batch.batchId))
        if (Either.isRight(check) && check.right) return { _tag: "Committed" } as const
        return yield* Effect.fail(
          new Store.StoreUnavailable({
            operation: "commit",
            batchApplied: Either.isRight(check) ? "none" : "unknown",
            reason: Either.isRight(check)
              ? `${reason} (the batch was rolled back: nothing of it was written)`
              : `${reason} (and the database could not be asked whether the batch landed: ${describe(check.left)})`,
            cause: cause
          })
        )
      })

    // A message waits while an earlier message of its stream is claimed, or pending and tried or due.
    const headOfStream = (now: number) =>
      sql`(o.stream IS NULL OR NOT EXISTS (
        SELECT 1 FROM ${T.outbox} e
        WHERE e.community_id = o.community_id AND e.stream = o.stream AND e.position < o.position
          AND (e.status = 'claimed' OR (e.status = 'pending' AND (e.attempts > 0 OR e.available_at <= ${now})))
      ))`

    // A later message of the stream names this one's label among those it supersedes (in an
    // UPDATE of the outbox, whose row is named by the table: SQLite takes no alias there).
    const supersededLater = sql`EXISTS (
      SELECT 1 FROM ${T.outbox} l
      WHERE l.community_id = ${T.outbox}.community_id AND l.stream = ${T.outbox}.stream
        AND l.position > ${T.outbox}.position
        AND l.supersedes LIKE '%|' || ${T.outbox}.label || '|%'
    )`
    const epoch = (value: number) => (pg ? sql`CAST(${value} AS bigint)` : sql`${value}`)

    const claimOutbox: Store.Driver["claimOutbox"] = ({ communityId, leaseId, now, leaseExpiresAt, limit }) =>
      read(
        "claimOutbox",
        Effect.zipRight(
          sql`UPDATE ${T.outbox} SET status = 'superseded', settled_at = ${now}, last_error = 'expired before it was sent'
            WHERE community_id = ${communityId} AND status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ${now}`,
          Effect.map(
            pg
              ? sql<OutboxRow>`WITH due AS (
                SELECT o.id FROM ${T.outbox} o
                WHERE o.community_id = ${communityId}
                  AND ((o.status = 'pending' AND o.available_at <= ${now}) OR (o.status = 'claimed' AND o.lease_expires_at <= ${now}))
                  AND ${headOfStream(now)}
                ORDER BY o.available_at, o.created_at, o.id
                LIMIT ${limit}
                FOR UPDATE SKIP LOCKED
              )
              UPDATE ${T.outbox} o
              SET status = 'claimed', lease_id = ${leaseId}, lease_expires_at = ${leaseExpiresAt}, attempts = o.attempts + 1,
                first_attempt_at = COALESCE(o.first_attempt_at, ${now})
              FROM due
              WHERE o.community_id = ${communityId} AND o.id = due.id
              RETURNING o.*`
              : sql<OutboxRow>`UPDATE ${T.outbox}
              SET status = 'claimed', lease_id = ${leaseId}, lease_expires_at = ${leaseExpiresAt}, attempts = attempts + 1,
                first_attempt_at = COALESCE(first_attempt_at, ${now})
              WHERE community_id = ${communityId} AND id IN (
                SELECT o.id FROM ${T.outbox} o
                WHERE o.community_id = ${communityId}
                  AND ((o.status = 'pending' AND o.available_at <= ${now}) OR (o.status = 'claimed' AND o.lease_expires_at <= ${now}))
                  AND ${headOfStream(now)}
                ORDER BY o.available_at, o.created_at, o.id
                LIMIT ${limit}
              )
              RETURNING *`,
            (rows) =>
              rows
                .map(outboxEntry)
                .sort((a, b) => a.availableAt - b.availableAt || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
          )
        )
      )

    const settleOutbox: Store.Driver["settleOutbox"] = ({ communityId, id, leaseId, now, settlement }) => {
      const where = sql`community_id = ${communityId} AND id = ${id} AND status = 'claimed' AND lease_id = ${leaseId}`
      const statement =
        settlement._tag === "Acknowledge"
          ? sql`UPDATE ${T.outbox} SET status = 'delivered', settled_at = ${now} WHERE ${where} RETURNING id`
          : settlement._tag === "Release"
            ? sql`UPDATE ${T.outbox} SET
                status = CASE WHEN ${supersededLater} THEN 'superseded' ELSE 'pending' END,
                settled_at = CASE WHEN ${supersededLater} THEN ${epoch(now)} ELSE NULL END,
                available_at = ${settlement.retryAt}, lease_expires_at = NULL,
                last_error = COALESCE(${settlement.error ?? null}, last_error)
              WHERE ${where} RETURNING id`
            : sql`UPDATE ${T.outbox} SET status = 'dead', last_error = ${settlement.error}, settled_at = ${now} WHERE ${where} RETURNING id`
      return read(
        "settleOutbox",
        Effect.map(statement, (rows) => rows.length > 0)
      )
    }

    const reviveOutbox: Store.Driver["reviveOutbox"] = ({ communityId, id, now }) =>
      read(
        "reviveOutbox",
        Effect.map(
          sql<{ status: string }>`UPDATE ${T.outbox} SET
              status = CASE WHEN ${supersededLater} THEN 'superseded' ELSE 'pending' END,
              settled_at = CASE WHEN ${supersededLater} THEN ${epoch(now)} ELSE NULL END,
              available_at = ${now}, attempts = 0, lease_id = NULL, lease_expires_at = NULL, first_attempt_at = NULL
            WHERE community_id = ${communityId} AND id = ${id} AND status = 'dead'
            RETURNING status`,
          (rows) => {
            const status = rows[0]?.status
            return status === "pending" || status === "superseded" ? status : undefined
          }
        )
      )

    const listOutbox: Store.Driver["listOutbox"] = ({ communityId, status, afterId, limit }) =>
      read(
        "listOutbox",
        Effect.map(
          sql<OutboxRow>`SELECT * FROM ${T.outbox} WHERE ${sql.and([
            sql`community_id = ${communityId}`,
            ...(status === undefined ? [] : [sql`status = ${status}`]),
            ...(afterId === undefined ? [] : [sql`id > ${afterId}`])
          ])} ORDER BY id LIMIT ${limit}`,
          (rows) => rows.map(outboxEntry)
        )
      )

    const listAudit: Store.Driver["listAudit"] = ({ communityId, afterSeq, limit }) =>
      read(
        "listAudit",
        Effect.map(
          sql<AuditRow>`SELECT log_position AS seq, id, at, actor, action, subject_kind, subject_id, detail FROM ${T.audit} WHERE community_id = ${communityId} AND log_position > ${afterSeq} ORDER BY log_position LIMIT ${limit}`,
          (rows) =>
            rows.map(
              (row): Store.EncodedAuditRecord => ({
                seq: num(row.seq),
                id: row.id,
                at: num(row.at),
                actor: row.actor,
                action: row.action,
                subjectKind: opt(row.subject_kind),
                subjectId: opt(row.subject_id),
                detail: row.detail
              })
            )
        )
      )

    return {
      capabilities: { ...options.capabilities, uniqueFields: true, outboxStreams: true },
      get,
      find,
      readKinds,
      commit,
      claimOutbox,
      settleOutbox,
      reviveOutbox,
      listOutbox,
      listAudit
    }
  })
