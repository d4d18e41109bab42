/**
 * A third-party Store adapter: every community's records, outbox and audit log in one JSON file.
 *
 * It is written only against the published API of `@grenzeloos/core` and without Effect: the
 * adapter is a `Store.PromiseDriver` (plain async functions over encoded rows) and
 * `Store.layerPromises` turns it into the Store service. It is proved by the same conformance kit
 * as the first-party adapters (see `test/JsonFileStore.test.ts`).
 *
 * How it keeps the guarantees:
 * - one operation at a time (a promise queue), so a version check and its write cannot interleave;
 * - a commit applies the batch to a copy of the state, writes the copy to a temporary file and
 *   renames it over the old file (atomic on POSIX file systems), and only then swaps the copy in:
 *   if writing fails, neither the file nor the memory changed (`BatchNotApplied`);
 * - the file carries a format version; older formats are migrated forward on open, newer ones are
 *   refused;
 * - unique index fields (Store port 0.2): each community keeps a map from every unique value to the
 *   record holding it, checked with the versions and changed in the same transaction;
 * - the audit log is in commit order because commits are serial: an entry gets its `seq` in the
 *   transaction that writes it, and no other commit runs between (Store port 0.2 asks this).
 *
 * Upgraded from Store port 0.1 as the guide's "Upgrading an adapter" describes; the 0.1 version is
 * kept, frozen, in `test/fixtures/JsonFileStore-0.1.ts`.
 */
import { existsSync } from "node:fs"
import { readFile, rename, writeFile } from "node:fs/promises"
import { Store } from "@grenzeloos/core"

/** The file format this adapter writes. */
export const FORMAT_VERSION = 4

interface OutboxRow extends Store.EncodedOutboxEntry {
  /** Commit order in the community (object key order is not kept for numeric-looking ids). */
  readonly position: number
}

interface CommunityData {
  /** `${kind}/${id}` → record */
  records: Record<string, Store.EncodedRecord>
  outbox: Record<string, OutboxRow>
  audit: Array<Store.EncodedAuditRecord>
  /** Unique index values (format 3): `${kind}\u0000${field}\u0000${value}` → the id of the record holding it. */
  unique: Record<string, string>
}

interface FileData {
  format: number
  nextSeq: number
  communities: Record<string, CommunityData>
}

/** Forward-only migrations of the file format, by the version they produce. */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  // Format 1 had no audit sequence counter: number the entries in file order.
  2: (data) => {
    const communities = (data.communities ?? {}) as Record<string, CommunityData>
    let seq = 0
    for (const community of Object.values(communities))
      community.audit = community.audit.map((entry) => ({ ...entry, seq: ++seq }))
    return { ...data, format: 2, nextSeq: seq + 1 }
  },
  // Format 3 keeps the unique index values. Records written before claim theirs when they are next
  // written (the file does not know which fields of older records were unique).
  3: (data) => {
    const communities = (data.communities ?? {}) as Record<string, CommunityData>
    for (const community of Object.values(communities)) community.unique = {}
    return { ...data, format: 3 }
  },
  // Format 3 had no outbox ordering: number the messages in file order, none in a stream.
  4: (data) => {
    const communities = (data.communities ?? {}) as Record<string, CommunityData>
    for (const community of Object.values(communities)) {
      let position = 0
      for (const [id, row] of Object.entries(community.outbox))
        community.outbox[id] = {
          ...row,
          position: ++position,
          stream: undefined,
          label: undefined,
          supersedes: [],
          expiresAt: undefined,
          firstAttemptAt: undefined
        }
    }
    return { ...data, format: 4 }
  }
}

/** A community's outbox in commit order. */
const ordered = (data: CommunityData): Array<OutboxRow> =>
  Object.values(data.outbox).sort((a, b) => a.position - b.position)

const supersede = (data: CommunityData, ids: ReadonlyArray<string>, now: number, reason: string) => {
  for (const id of ids) {
    const row = data.outbox[id]
    if (row !== undefined) data.outbox[id] = { ...row, status: "superseded", settledAt: now, lastError: reason }
  }
}

const migrate = (raw: Record<string, unknown>): FileData => {
  let data = raw
  const format = typeof data.format === "number" ? data.format : 1
  if (format > FORMAT_VERSION)
    throw new Store.MigrationFailed(
      "json-file",
      `the file has format ${format}, newer than the ${FORMAT_VERSION} this adapter knows; upgrade the adapter`
    )
  for (let next = format + 1; next <= FORMAT_VERSION; next++) {
    const step = migrations[next]
    if (step === undefined) throw new Store.MigrationFailed("json-file", `no migration to format ${next}`)
    data = step(data)
  }
  return data as unknown as FileData
}

const key = (kind: string, id: string) => `${kind}/${id}`

/** The unique values a write claims, as keys of `CommunityData.unique`. */
const claimsOf = (write: Store.EncodedWrite): Array<{ readonly claim: string; readonly field: string }> =>
  write._tag === "Put"
    ? (write.unique ?? []).flatMap((field) =>
        (write.indexes[field] ?? []).map((value) => ({ claim: `${write.kind}\u0000${field}\u0000${value}`, field }))
      )
    : []

/**
 * Every reason the batch cannot be applied to `data`: wrong versions, reused outbox or audit ids,
 * unique values another record holds (one it gives up in the same batch is free).
 */
const conflictsIn = (data: CommunityData, batch: Store.EncodedBatch): Array<Store.Conflict> => {
  const found: Array<Store.Conflict> = []
  const written = new Set(batch.writes.map((w) => key(w.kind, w.id)))
  for (const write of batch.writes) {
    const actualVersion = data.records[key(write.kind, write.id)]?.version ?? 0
    if (actualVersion !== write.expectedVersion)
      found.push({
        _tag: "VersionMismatch",
        kind: write.kind,
        id: write.id,
        expectedVersion: write.expectedVersion,
        actualVersion
      })
    for (const { claim, field } of claimsOf(write)) {
      const holder = data.unique[claim]
      if (holder !== undefined && holder !== write.id && !written.has(key(write.kind, holder)))
        found.push({ _tag: "UniqueViolation", kind: write.kind, id: write.id, field, heldBy: holder })
    }
  }
  for (const message of batch.outbox)
    if (data.outbox[message.id] !== undefined) found.push({ _tag: "DuplicateId", area: "outbox", id: message.id })
  const auditIds = new Set(data.audit.map((e) => e.id))
  for (const entry of batch.audit)
    if (auditIds.has(entry.id)) found.push({ _tag: "DuplicateId", area: "audit", id: entry.id })
  return found
}

/** Options of {@link open}. */
export interface JsonFileStoreOptions {
  /** The JSON file; created when missing. */
  readonly path: string
}

/**
 * Opens (and migrates) the file and returns the driver.
 */
export const open = async (options: JsonFileStoreOptions): Promise<Store.PromiseDriver> => {
  let state: FileData = existsSync(options.path)
    ? migrate(JSON.parse(await readFile(options.path, "utf8")) as Record<string, unknown>)
    : { format: FORMAT_VERSION, nextSeq: 1, communities: {} }

  const persist = async (next: FileData) => {
    const temporary = `${options.path}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(next), "utf8")
    await rename(temporary, options.path)
  }
  await persist(state)

  // One operation at a time: each waits for the previous one to settle.
  let queue: Promise<unknown> = Promise.resolve()
  const serially = <A>(operation: () => Promise<A>): Promise<A> => {
    const result = queue.then(operation, operation)
    queue = result.catch(() => undefined)
    return result
  }

  const community = (data: FileData, communityId: string): CommunityData =>
    data.communities[communityId] ?? { records: {}, outbox: {}, audit: [], unique: {} }

  /** Applies `change` to a copy of the state, persists it, then makes it current. */
  const transact = <A>(change: (draft: FileData) => A): Promise<A> =>
    serially(async () => {
      const draft = structuredClone(state)
      const result = change(draft)
      try {
        await persist(draft)
      } catch (error) {
        throw new Store.BatchNotApplied(`could not write ${options.path}: ${String(error)}`)
      }
      state = draft
      return result
    })

  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

  return {
    capabilities: {
      name: "json-file",
      maxDocumentBytes: 4 * 1024 * 1024,
      sharedAcrossProcesses: false,
      // Store port 0.2: this adapter enforces unique index fields and keeps outbox streams.
      uniqueFields: true,
      outboxStreams: true
    },

    get: (communityId, kind, id) => serially(async () => community(state, communityId).records[key(kind, id)]),

    find: ({ communityId, kind, where, afterId, limit }) =>
      serially(async () =>
        Object.values(community(state, communityId).records)
          .filter(
            (r) =>
              r.kind === kind &&
              (afterId === undefined || r.id > afterId) &&
              where.every(([field, value]) => r.indexes[field]?.includes(value) === true)
          )
          .sort(byId)
          .slice(0, limit)
      ),

    commit: async (batch) => {
      // Check first, on the current state: a rejected batch writes nothing.
      const conflicts = await serially(async () => conflictsIn(community(state, batch.communityId), batch))
      const [first, ...rest] = conflicts
      if (first !== undefined) return { _tag: "Rejected", conflicts: [first, ...rest] }
      // Another operation may have run between the check and here: check again inside the
      // transaction and give up (a conflict) if anything moved.
      return transact((draft): Store.CommitOutcome => {
        const data = community(draft, batch.communityId)
        const [moved, ...others] = conflictsIn(data, batch)
        if (moved !== undefined) return { _tag: "Rejected", conflicts: [moved, ...others] }
        // The records written give up their unique values, then claim their new ones.
        const written = new Set(batch.writes.map((w) => `${w.kind}\u0000${w.id}`))
        for (const [claim, holder] of Object.entries(data.unique))
          if (written.has(`${claim.split("\u0000")[0]}\u0000${holder}`)) delete data.unique[claim]
        for (const write of batch.writes) for (const { claim } of claimsOf(write)) data.unique[claim] = write.id
        for (const write of batch.writes) {
          if (write._tag === "Delete") delete data.records[key(write.kind, write.id)]
          else
            data.records[key(write.kind, write.id)] = {
              kind: write.kind,
              id: write.id,
              version: write.expectedVersion + 1,
              indexes: write.indexes,
              document: write.document
            }
        }
        for (const id of batch.outboxRemovals) delete data.outbox[id]
        let position = Math.max(0, ...Object.values(data.outbox).map((row) => row.position))
        for (const message of batch.outbox)
          data.outbox[message.id] = {
            ...message,
            status: "pending",
            attempts: 0,
            leaseId: undefined,
            leaseExpiresAt: undefined,
            lastError: undefined,
            settledAt: undefined,
            firstAttemptAt: undefined,
            position: ++position
          }
        // Commits are serial, so numbering here is numbering in commit order.
        for (const later of batch.outbox)
          if (later.supersedes.length > 0)
            for (const earlier of ordered(data)) {
              if (earlier.id === later.id) break
              if (earlier.status === "pending" && Store.supersedes(later, earlier))
                supersede(data, [earlier.id], later.createdAt, `superseded by ${later.id}`)
            }
        for (const entry of batch.audit) data.audit.push({ ...entry, seq: draft.nextSeq++ })
        draft.communities[batch.communityId] = data
        return { _tag: "Committed" }
      })
    },

    claimOutbox: ({ communityId, leaseId, now, leaseExpiresAt, limit }) =>
      transact((draft) => {
        const data = community(draft, communityId)
        const { expired, claimable } = Store.claimPlan(ordered(data), now, limit)
        supersede(data, expired, now, "expired before it was sent")
        const claimed = (claimable as ReadonlyArray<OutboxRow>).map((m) => ({
          ...m,
          status: "claimed" as const,
          attempts: m.attempts + 1,
          firstAttemptAt: m.firstAttemptAt ?? now,
          leaseId,
          leaseExpiresAt
        }))
        for (const m of claimed) data.outbox[m.id] = m
        draft.communities[communityId] = data
        return claimed
      }),

    settleOutbox: ({ communityId, id, leaseId, now, settlement }) =>
      transact((draft) => {
        const data = community(draft, communityId)
        const message = data.outbox[id]
        if (message === undefined || message.status !== "claimed" || message.leaseId !== leaseId) return false
        if (settlement._tag === "Release" && Store.isSupersededLater(ordered(data), id)) {
          supersede(data, [id], now, "superseded by a later message of its stream")
          draft.communities[communityId] = data
          return true
        }
        data.outbox[id] =
          settlement._tag === "Acknowledge"
            ? { ...message, status: "delivered", settledAt: now }
            : settlement._tag === "Release"
              ? {
                  ...message,
                  status: "pending",
                  availableAt: settlement.retryAt,
                  leaseExpiresAt: undefined,
                  lastError: settlement.error ?? message.lastError
                }
              : { ...message, status: "dead", lastError: settlement.error, settledAt: now }
        draft.communities[communityId] = data
        return true
      }),

    reviveOutbox: ({ communityId, id, now }) =>
      transact((draft) => {
        const data = community(draft, communityId)
        const message = data.outbox[id]
        if (message === undefined || message.status !== "dead") return undefined
        if (Store.isSupersededLater(ordered(data), id))
          supersede(data, [id], now, "superseded by a later message of its stream")
        else
          data.outbox[id] = {
            ...message,
            status: "pending",
            attempts: 0,
            availableAt: now,
            leaseId: undefined,
            leaseExpiresAt: undefined,
            settledAt: undefined,
            firstAttemptAt: undefined
          }
        draft.communities[communityId] = data
        return data.outbox[id]?.status === "superseded" ? ("superseded" as const) : ("pending" as const)
      }),

    listOutbox: ({ communityId, status, afterId, limit }) =>
      serially(async () =>
        Object.values(community(state, communityId).outbox)
          .filter((m) => (status === undefined || m.status === status) && (afterId === undefined || m.id > afterId))
          .sort(byId)
          .slice(0, limit)
      ),

    listAudit: ({ communityId, afterSeq, limit }) =>
      serially(async () =>
        community(state, communityId)
          .audit.filter((e) => e.seq > afterSeq)
          .slice(0, limit)
      ),

    close: () => serially(async () => undefined)
  }
}

/**
 * The Store layer of a JSON file.
 */
export const layer = (options: JsonFileStoreOptions) => Store.layerPromises(() => open(options))
