/**
 * A driver written with plain async functions, for adapter authors who do not use Effect.
 * {@link fromPromises} wraps it into a {@link Driver}; `Store.layerPromises` makes a layer of it.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import type {
  Capabilities,
  CommitOutcome,
  Driver,
  EncodedAuditRecord,
  EncodedBatch,
  EncodedDocument,
  EncodedOutboxEntry,
  EncodedRecord
} from "./StoreDriver.js"
import { StoreUnavailable } from "./StoreError.js"

/**
 * The {@link Driver} contract with promises: the same methods and the same guarantees. A method
 * that throws is reported as `StoreUnavailable`; a commit that throws is reported as "may or may
 * not have been written", unless it throws {@link BatchNotApplied}.
 *
 * @example
 * ```ts
 * import type { Store } from "@grenzeloos/core"
 *
 * declare const driver: Store.PromiseDriver
 * const record = driver.get("rijk", "member", "m-001") // Promise<EncodedRecord | undefined>
 * ```
 * @since 0.1.0
 */
export interface PromiseDriver {
  readonly capabilities: Capabilities
  readonly get: (communityId: string, kind: string, id: string) => Promise<EncodedRecord | undefined>
  readonly find: (query: Parameters<Driver["find"]>[0]) => Promise<ReadonlyArray<EncodedRecord>>
  /** Optional, as {@link Driver.readKinds}: every record of several kinds in one consistent read. */
  readonly readKinds?: (
    query: Parameters<NonNullable<Driver["readKinds"]>>[0]
  ) => Promise<ReadonlyArray<EncodedDocument>>
  readonly commit: (batch: EncodedBatch) => Promise<CommitOutcome>
  readonly claimOutbox: (request: Parameters<Driver["claimOutbox"]>[0]) => Promise<ReadonlyArray<EncodedOutboxEntry>>
  readonly settleOutbox: (request: Parameters<Driver["settleOutbox"]>[0]) => Promise<boolean>
  readonly reviveOutbox?: (
    request: Parameters<NonNullable<Driver["reviveOutbox"]>>[0]
  ) => Promise<"pending" | "superseded" | undefined>
  readonly listOutbox: (query: Parameters<Driver["listOutbox"]>[0]) => Promise<ReadonlyArray<EncodedOutboxEntry>>
  readonly listAudit: (query: Parameters<Driver["listAudit"]>[0]) => Promise<ReadonlyArray<EncodedAuditRecord>>
  /** Releases connections or file handles; called when the layer is released. */
  readonly close?: () => Promise<void>
}

/**
 * Throw this from a {@link PromiseDriver}'s `commit` when the database failed and you know that
 * nothing of the batch was written (for instance the transaction was rolled back).
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * throw new Store.BatchNotApplied("disk full; transaction rolled back")
 * ```
 * @since 0.1.0
 */
export class BatchNotApplied extends Error {
  override readonly name = "BatchNotApplied"
}

/**
 * Throw this from the function that opens a {@link PromiseDriver} (the `acquire` of
 * `Store.layerPromises`) when the database or file cannot be used because of its schema: written
 * by a newer version of the adapter, or a migration failed. The layer then fails with
 * `StoreMigrationError` (the operator must upgrade or repair), not `StoreUnavailable` (try again).
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * throw new Store.MigrationFailed("json-file", "the file has format 4, newer than the 3 this adapter knows; upgrade the adapter")
 * ```
 * @since 0.2.0
 */
export class MigrationFailed extends Error {
  override readonly name = "MigrationFailed"
  /** The adapter's name, as in its capabilities, and what is wrong with the schema and what to do. */
  constructor(
    readonly adapter: string,
    reason: string
  ) {
    super(reason)
  }
}

const reasonOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

const call = <A>(operation: string, run: () => Promise<A>): Effect.Effect<A, StoreUnavailable> =>
  Effect.tryPromise({
    try: run,
    catch: (cause) =>
      new StoreUnavailable({
        operation,
        batchApplied: operation === "commit" && !(cause instanceof BatchNotApplied) ? "unknown" : "none",
        reason: reasonOf(cause),
        cause
      })
  })

/**
 * Wraps a driver of async functions into an Effect {@link Driver}.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * declare const promiseDriver: Store.PromiseDriver
 * const service = Store.makeEncoded(Store.fromPromises(promiseDriver))
 * ```
 * @since 0.1.0
 */
export const fromPromises = (driver: PromiseDriver): Driver => {
  const { readKinds } = driver
  return {
    capabilities: driver.capabilities,
    get: (communityId, kind, id) => call("get", () => driver.get(communityId, kind, id)),
    find: (query) => call("find", () => driver.find(query)),
    ...(readKinds === undefined
      ? {}
      : {
          readKinds: (query: Parameters<NonNullable<Driver["readKinds"]>>[0]) =>
            call("readKinds", () => readKinds.call(driver, query))
        }),
    commit: (batch) => call("commit", () => driver.commit(batch)),
    claimOutbox: (request) => call("claimOutbox", () => driver.claimOutbox(request)),
    settleOutbox: (request) => call("settleOutbox", () => driver.settleOutbox(request)),
    ...(driver.reviveOutbox === undefined
      ? {}
      : {
          reviveOutbox: (request: Parameters<NonNullable<Driver["reviveOutbox"]>>[0]) =>
            call("reviveOutbox", () => (driver.reviveOutbox as NonNullable<typeof driver.reviveOutbox>)(request))
        }),
    listOutbox: (query) => call("listOutbox", () => driver.listOutbox(query)),
    listAudit: (query) => call("listAudit", () => driver.listAudit(query))
  }
}
