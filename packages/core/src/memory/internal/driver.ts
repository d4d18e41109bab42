// The body of `MemoryStore.makeDriver`: communities as maps, every call applied synchronously (so
// atomic by construction), outbox streams ordered and superseded as the port asks.
import { Effect } from "effect"
import {
  type Conflict,
  claimPlan,
  type Driver,
  type EncodedAuditRecord,
  type EncodedOutboxEntry,
  type EncodedRecord,
  type EncodedWrite,
  isSupersededLater,
  supersedes
} from "../../ports/Store.js"

interface CommunityState {
  readonly records: Map<string, Map<string, EncodedRecord>>
  readonly outbox: Map<string, EncodedOutboxEntry>
  readonly audit: Array<EncodedAuditRecord>
  readonly auditIds: Set<string>
  /** Unique index values: `kind \0 field \0 value` → the id of the record holding it. */
  readonly unique: Map<string, string>
  /** The unique keys each record holds, by `kind \0 id`. */
  readonly claims: Map<string, ReadonlyArray<string>>
}

const claimsOf = (write: EncodedWrite): ReadonlyArray<string> =>
  write._tag === "Put"
    ? (write.unique ?? []).flatMap((field) =>
        (write.indexes[field] ?? []).map((value) => `${write.kind}\u0000${field}\u0000${value}`)
      )
    : []

const byId = <A extends { readonly id: string }>(a: A, b: A) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Settles every listed message as superseded. */
const settleSuperseded = (state: CommunityState, ids: ReadonlyArray<string>, now: number, reason: string) => {
  for (const id of ids) {
    const entry = state.outbox.get(id)
    if (entry !== undefined) state.outbox.set(id, { ...entry, status: "superseded", settledAt: now, lastError: reason })
  }
}

export const makeDriver: Effect.Effect<Driver> = Effect.sync(() => {
  const communities = new Map<string, CommunityState>()
  let seq = 0

  const stateOf = (communityId: string): CommunityState => {
    let state = communities.get(communityId)
    if (state === undefined) {
      state = {
        records: new Map(),
        outbox: new Map(),
        audit: [],
        auditIds: new Set(),
        unique: new Map(),
        claims: new Map()
      }
      communities.set(communityId, state)
    }
    return state
  }

  const kindOf = (state: CommunityState, kind: string) => {
    let records = state.records.get(kind)
    if (records === undefined) {
      records = new Map()
      state.records.set(kind, records)
    }
    return records
  }

  const driver: Driver = {
    capabilities: {
      name: "memory",
      maxDocumentBytes: 16 * 1024 * 1024,
      sharedAcrossProcesses: false,
      uniqueFields: true,
      outboxStreams: true
    },
    get: (communityId, kind, id) => Effect.sync(() => communities.get(communityId)?.records.get(kind)?.get(id)),
    find: ({ communityId, kind, where, afterId, limit }) =>
      Effect.sync(() => {
        const records = communities.get(communityId)?.records.get(kind)
        if (records === undefined) return []
        const matches: Array<EncodedRecord> = []
        for (const record of records.values()) {
          if (afterId !== undefined && record.id <= afterId) continue
          if (where.every(([field, value]) => record.indexes[field]?.includes(value) === true)) matches.push(record)
        }
        return matches.sort(byId).slice(0, limit)
      }),
    readKinds: ({ communityId, kinds }) =>
      Effect.sync(() => {
        const state = communities.get(communityId)
        if (state === undefined) return []
        return kinds.flatMap((kind) => [...(state.records.get(kind)?.values() ?? [])].sort(byId))
      }),
    commit: (batch) =>
      Effect.sync(() => {
        const state = stateOf(batch.communityId)
        const conflicts: Array<Conflict> = []
        for (const write of batch.writes) {
          const actualVersion = state.records.get(write.kind)?.get(write.id)?.version ?? 0
          if (actualVersion !== write.expectedVersion)
            conflicts.push({
              _tag: "VersionMismatch",
              kind: write.kind,
              id: write.id,
              expectedVersion: write.expectedVersion,
              actualVersion
            })
        }
        // Unique values: a write may take a value only its own record holds, or one that a record
        // written in this batch gives up.
        const written = new Set(batch.writes.map((w) => `${w.kind}\u0000${w.id}`))
        for (const write of batch.writes)
          for (const claim of claimsOf(write)) {
            const holder = state.unique.get(claim)
            if (holder === undefined || holder === write.id || written.has(`${write.kind}\u0000${holder}`)) continue
            conflicts.push({
              _tag: "UniqueViolation",
              kind: write.kind,
              id: write.id,
              field: claim.split("\u0000")[1] ?? "",
              heldBy: holder
            })
          }
        for (const message of batch.outbox)
          if (state.outbox.has(message.id)) conflicts.push({ _tag: "DuplicateId", area: "outbox", id: message.id })
        for (const entry of batch.audit)
          if (state.auditIds.has(entry.id)) conflicts.push({ _tag: "DuplicateId", area: "audit", id: entry.id })
        const [first, ...rest] = conflicts
        if (first !== undefined) return { _tag: "Rejected", conflicts: [first, ...rest] } as const
        for (const write of batch.writes) {
          const key = `${write.kind}\u0000${write.id}`
          for (const claim of state.claims.get(key) ?? []) state.unique.delete(claim)
          state.claims.delete(key)
        }
        for (const write of batch.writes) {
          const claims = claimsOf(write)
          for (const claim of claims) state.unique.set(claim, write.id)
          if (claims.length > 0) state.claims.set(`${write.kind}\u0000${write.id}`, claims)
        }
        for (const write of batch.writes) {
          const records = kindOf(state, write.kind)
          if (write._tag === "Delete") records.delete(write.id)
          else
            records.set(write.id, {
              kind: write.kind,
              id: write.id,
              version: write.expectedVersion + 1,
              indexes: write.indexes,
              document: write.document
            })
        }
        for (const id of batch.outboxRemovals) state.outbox.delete(id)
        // A Map iterates in insertion order and `set` on a present key keeps its place: commit order.
        for (const message of batch.outbox)
          state.outbox.set(message.id, {
            ...message,
            status: "pending",
            attempts: 0,
            leaseId: undefined,
            leaseExpiresAt: undefined,
            lastError: undefined,
            settledAt: undefined,
            firstAttemptAt: undefined
          })
        const ordered = [...state.outbox.values()]
        for (const later of batch.outbox)
          if (later.supersedes.length > 0)
            for (const earlier of ordered) {
              if (earlier.id === later.id) break
              const now = state.outbox.get(earlier.id)
              if (now?.status === "pending" && supersedes(later, now))
                settleSuperseded(state, [earlier.id], later.createdAt, `superseded by ${later.id}`)
            }
        for (const entry of batch.audit) {
          state.audit.push({ ...entry, seq: ++seq })
          state.auditIds.add(entry.id)
        }
        return { _tag: "Committed" } as const
      }),
    claimOutbox: ({ communityId, leaseId, now, leaseExpiresAt, limit }) =>
      Effect.sync(() => {
        const state = communities.get(communityId)
        if (state === undefined) return []
        const { expired, claimable } = claimPlan([...state.outbox.values()], now, limit)
        settleSuperseded(state, expired, now, "expired before it was sent")
        return claimable.map((m) => {
          const claimed: EncodedOutboxEntry = {
            ...m,
            status: "claimed",
            attempts: m.attempts + 1,
            firstAttemptAt: m.firstAttemptAt ?? now,
            leaseId,
            leaseExpiresAt
          }
          state.outbox.set(m.id, claimed)
          return claimed
        })
      }),
    settleOutbox: ({ communityId, id, leaseId, now, settlement }) =>
      Effect.sync(() => {
        const state = communities.get(communityId)
        const message = state?.outbox.get(id)
        if (state === undefined || message === undefined || message.status !== "claimed" || message.leaseId !== leaseId)
          return false
        switch (settlement._tag) {
          case "Acknowledge":
            state.outbox.set(id, { ...message, status: "delivered", settledAt: now })
            break
          case "Release":
            if (isSupersededLater([...state.outbox.values()], id)) {
              settleSuperseded(state, [id], now, "superseded by a later message of its stream")
              break
            }
            state.outbox.set(id, {
              ...message,
              status: "pending",
              availableAt: settlement.retryAt,
              leaseExpiresAt: undefined,
              lastError: settlement.error ?? message.lastError
            })
            break
          case "DeadLetter":
            state.outbox.set(id, { ...message, status: "dead", lastError: settlement.error, settledAt: now })
            break
        }
        return true
      }),
    reviveOutbox: ({ communityId, id, now }) =>
      Effect.sync(() => {
        const state = communities.get(communityId)
        const message = state?.outbox.get(id)
        if (state === undefined || message === undefined || message.status !== "dead") return undefined
        if (isSupersededLater([...state.outbox.values()], id)) {
          settleSuperseded(state, [id], now, "superseded by a later message of its stream")
          return "superseded" as const
        }
        state.outbox.set(id, {
          ...message,
          status: "pending",
          attempts: 0,
          availableAt: now,
          leaseId: undefined,
          leaseExpiresAt: undefined,
          settledAt: undefined,
          firstAttemptAt: undefined
        })
        return "pending" as const
      }),
    listOutbox: ({ communityId, status, afterId, limit }) =>
      Effect.sync(() =>
        [...(communities.get(communityId)?.outbox.values() ?? [])]
          .filter((m) => (status === undefined || m.status === status) && (afterId === undefined || m.id > afterId))
          .sort(byId)
          .slice(0, limit)
      ),
    listAudit: ({ communityId, afterSeq, limit }) =>
      Effect.sync(() => (communities.get(communityId)?.audit ?? []).filter((e) => e.seq > afterSeq).slice(0, limit))
  }
  return driver
})
