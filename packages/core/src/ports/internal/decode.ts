// Rows a driver returns, decoded into what the Store service answers: JSON parsed, optional
// columns turned into `undefined`, pages decoded in one loop (no effect per row: pages of 1,000
// records are common, and a community is thousands of them).
import { Effect, Either } from "effect"
import type { AuditRecord, OutboxEntry, StoredDocument, StoredRecord } from "../Store.js"
import type { EncodedAuditRecord, EncodedDocument, EncodedOutboxEntry, EncodedRecord } from "../StoreDriver.js"
import { StoreDecodeError } from "../StoreError.js"
import { parseJson } from "./json.js"

/** Decodes a page in one loop; the first row that does not decode fails it. */
export const decodeAll = <R, A>(
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

export const notJson = (communityId: string, row: EncodedDocument, reason: string) =>
  new StoreDecodeError({
    communityId,
    kind: row.kind,
    id: row.id,
    problems: [{ path: "", message: `the stored document is not JSON: ${reason}` }]
  })

/** An outbox payload or an audit detail that is not JSON. */
const fieldNotJson = (communityId: string, kind: "outbox" | "audit", id: string, path: string, reason: string) =>
  new StoreDecodeError({ communityId, kind, id, problems: [{ path, message: `is not JSON: ${reason}` }] })

export const decodeRecord =
  (communityId: string) =>
  (row: EncodedRecord): Either.Either<StoredRecord, StoreDecodeError> =>
    Either.match(parseJson(row.document), {
      onLeft: (reason) => Either.left(notJson(communityId, row, reason)),
      onRight: (document) =>
        Either.right({ kind: row.kind, id: row.id, version: row.version, indexes: row.indexes, document })
    })

export const decodeOutbox =
  (communityId: string) =>
  (row: EncodedOutboxEntry): Effect.Effect<OutboxEntry, StoreDecodeError> =>
    Either.match(parseJson(row.payload), {
      onLeft: (reason) => Effect.fail(fieldNotJson(communityId, "outbox", row.id, "payload", reason)),
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

export const decodeAudit =
  (communityId: string) =>
  (row: EncodedAuditRecord): Effect.Effect<AuditRecord, StoreDecodeError> =>
    Either.match(parseJson(row.detail), {
      onLeft: (reason) => Effect.fail(fieldNotJson(communityId, "audit", row.id, "detail", reason)),
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

// Sorts by id (UTF-16 code units, as `find` orders) unless already sorted, as drivers usually
// return them; answers an id found twice, if any.
export const sortById = (records: Array<StoredDocument>): string | undefined => {
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

/**
 * The rows of a bulk read (`Driver.readKinds`) grouped by kind and sorted by id, into `byKind`
 * (which holds an empty array for every kind asked for). A driver that returns a kind it was not
 * asked for, or a record twice, is broken: a defect.
 */
export const decodeKinds = (
  adapter: string,
  communityId: string,
  byKind: Map<string, Array<StoredDocument>>,
  rows: ReadonlyArray<EncodedDocument>
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<StoredDocument>>, StoreDecodeError> =>
  Effect.suspend(() => {
    for (const row of rows) {
      const records = byKind.get(row.kind)
      if (records === undefined)
        return Effect.dieMessage(
          `the ${adapter} driver's readKinds returned a record of kind ${JSON.stringify(row.kind)}, which was not asked for; return only the kinds in the query`
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
          `the ${adapter} driver's readKinds returned ${kind} ${twice} twice; return each record once`
        )
    }
    return Effect.succeed(byKind as ReadonlyMap<string, ReadonlyArray<StoredDocument>>)
  })
