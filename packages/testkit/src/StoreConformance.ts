/**
 * The conformance kit of the Store port: one call registers the vitest tests that every storage
 * adapter must pass, in the manner of keyv's `@keyv/test-suite` and Auth.js's adapter tests. A
 * failing test names the guarantee that broke and how to fix the adapter.
 *
 * @since 0.1.0
 */
import { layer } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect, type Layer } from "effect"
import { describe, it as vitestIt } from "vitest"
import * as AtomicBatches from "./store/AtomicBatches.js"
import * as Audit from "./store/Audit.js"
import * as AuditOrder from "./store/AuditOrder.js"
import * as BadInput from "./store/BadInput.js"
import * as BulkReads from "./store/BulkReads.js"
import * as CommunityIsolation from "./store/CommunityIsolation.js"
import * as ConcurrentWriters from "./store/ConcurrentWriters.js"
import { communityIdOf, type Kit, type Register } from "./store/Kit.js"
import * as OrderingAndPagination from "./store/OrderingAndPagination.js"
import * as Outbox from "./store/Outbox.js"
import * as OutboxConcurrency from "./store/OutboxConcurrency.js"
import * as OutboxOrdering from "./store/OutboxOrdering.js"
import * as RoundTrips from "./store/RoundTrips.js"
import * as UniqueFields from "./store/UniqueFields.js"
import * as Versions from "./store/Versions.js"

/**
 * The groups of guarantees the kit checks; each can be skipped by name.
 *
 * @since 0.1.0
 */
export type Guarantee =
  | "round-trips"
  | "versions"
  | "atomic-batches"
  | "concurrent-writers"
  | "community-isolation"
  | "ordering-and-pagination"
  | "bulk-reads"
  | "outbox"
  | "outbox-concurrency"
  | "outbox-ordering"
  | "audit"
  | "audit-order"
  | "unique-fields"
  | "bad-input"

/**
 * Options of {@link storeConformance}.
 *
 * @since 0.1.0
 */
export interface StoreConformanceOptions {
  /** Groups of guarantees not to check (reported as skipped, so the gap stays visible). */
  readonly skip?: ReadonlyArray<Guarantee>
  /** Overrides of what the adapter declares, e.g. a smaller `maxDocumentBytes` for the large-document test. */
  readonly capabilities?: Partial<Store.Capabilities>
  /** Fibers in the concurrency tests (default 8). */
  readonly concurrency?: number
  /** Timeout of each test in milliseconds (default 60 000). */
  readonly timeoutMs?: number
}

/**
 * Every guarantee and the file that registers its tests, in the order they run. Keyed by the
 * {@link Guarantee} union: a guarantee without tests does not compile.
 */
const guarantees: { readonly [G in Guarantee]: Register } = {
  "round-trips": RoundTrips.register,
  versions: Versions.register,
  "atomic-batches": AtomicBatches.register,
  "concurrent-writers": ConcurrentWriters.register,
  "community-isolation": CommunityIsolation.register,
  "ordering-and-pagination": OrderingAndPagination.register,
  "bulk-reads": BulkReads.register,
  outbox: Outbox.register,
  "outbox-ordering": OutboxOrdering.register,
  "outbox-concurrency": OutboxConcurrency.register,
  audit: Audit.register,
  "unique-fields": UniqueFields.register,
  "audit-order": AuditOrder.register,
  "bad-input": BadInput.register
}

/**
 * Registers the conformance tests of the Store port for an adapter. `makeLayer` is called once
 * per group of guarantees; every test works in a community of its own, so the store need not be
 * empty.
 *
 * @example
 * ```ts
 * import { MemoryStore } from "@grenzeloos/core"
 * import { storeConformance } from "@grenzeloos/testkit/vitest"
 *
 * storeConformance("memory", () => MemoryStore.layer)
 * ```
 * @since 0.1.0
 */
export const storeConformance = <E>(
  name: string,
  makeLayer: () => Layer.Layer<Store.Store, E>,
  options: StoreConformanceOptions = {}
): void => {
  const skip = new Set(options.skip ?? [])
  const kit: Kit = {
    withStore: (label, f) =>
      Effect.flatMap(Store.Store, (service) => f(service.forCommunity(communityIdOf(label)), service)),
    timeout: options.timeoutMs ?? 60_000,
    fibers: options.concurrency ?? 8,
    options
  }
  describe(`${name}: Store conformance`, () => {
    for (const [guarantee, register] of Object.entries(guarantees) as Array<[Guarantee, Register]>) {
      if (skip.has(guarantee))
        describe(guarantee, () => {
          vitestIt.skip(`${guarantee}: skipped by the adapter's options (this guarantee is NOT checked)`, () => {})
        })
      else layer(makeLayer(), { excludeTestServices: true, timeout: 120_000 })(guarantee, (it) => register(it, kit))
    }
  })
}
