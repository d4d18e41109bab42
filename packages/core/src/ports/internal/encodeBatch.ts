// A batch as the Store service receives it, checked and encoded into the batch a driver commits.
// Pure: the time and the batch id come in, every problem comes out at once (with its path), and
// nothing is asked of the driver before the whole batch is known to be valid.
import { Either } from "effect"
import type { Problem } from "../../domain/DecodeError.js"
import type { Batch, Committed } from "../Store.js"
import type { Capabilities, EncodedBatch, EncodedWrite } from "../StoreDriver.js"
import {
  checkId,
  checkKind,
  checkLabel,
  checkText,
  checkTime,
  checkVersion,
  FIELD,
  MAX_INDEX_VALUE,
  type Problems
} from "./checks.js"
import { toJson, utf8Length } from "./json.js"

/** Checks an id of the batch and that it is in the batch once (`seen`: the ids before it). */
const checkOnce = (problems: Problems, seen: Set<string>, path: string, id: string, what: string) => {
  checkId(problems, path, id)
  if (seen.has(id)) problems.push({ path, message: `${what} ${id} is in the batch twice` })
  seen.add(id)
}

/** A batch ready for the driver, the versions the commit will answer, and what it asks of the adapter. */
export interface EncodedCommit {
  readonly batch: EncodedBatch
  readonly versions: Committed["versions"]
  /** Nothing to write: the commit answers without asking the driver. */
  readonly empty: boolean
  /** The batch has outbox messages in streams (needs `capabilities.outboxStreams`). */
  readonly usesStreams: boolean
  /** The batch claims unique index fields (needs `capabilities.uniqueFields`). */
  readonly claimsUnique: boolean
}

/**
 * Checks and encodes a batch: writes sorted by kind and id (so that row locks are always taken in
 * the same order), JSON as text, defaults filled in from `now`. Fails with every problem found.
 */
export const encodeBatch = (
  batch: Batch,
  context: {
    readonly communityId: string
    readonly batchId: string
    readonly now: number
    readonly capabilities: Pick<Capabilities, "name" | "maxDocumentBytes">
  }
): Either.Either<EncodedCommit, readonly [Problem, ...Array<Problem>]> => {
  const { capabilities, now } = context
  const problems: Problems = []
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
    if (seen.has(key)) problems.push({ path: at, message: `${write.kind} ${write.id} is written twice in one batch` })
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
      if (!FIELD.test(field)) problems.push({ path: `${at}.indexes.${field}`, message: "expected an index field name" })
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
    checkOnce(problems, outboxIds, `${at}.id`, message.id, "outbox message")
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
    checkOnce(problems, auditIds, `${at}.id`, entry.id, "audit entry")
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
  if (problems.length > 0) return Either.left(problems as [Problem, ...Array<Problem>])
  const versions = writes.map((w) => ({
    kind: w.kind,
    id: w.id,
    version: w._tag === "Put" ? w.expectedVersion + 1 : 0
  }))
  return Either.right({
    batch: {
      communityId: context.communityId,
      batchId: context.batchId,
      writes,
      outbox,
      outboxRemovals,
      audit,
      ...(batch.erase === true ? { erase: true } : {})
    },
    versions,
    empty: writes.length === 0 && outbox.length === 0 && outboxRemovals.length === 0 && audit.length === 0,
    usesStreams: outbox.some((m) => m.stream !== undefined || m.supersedes.length > 0 || m.expiresAt !== undefined),
    claimsUnique
  })
}
