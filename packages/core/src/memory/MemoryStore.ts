/**
 * The reference Store: everything in memory, every call applied synchronously (so atomic by
 * construction). The conformance kit is written against it; use it in tests and demos.
 *
 * @since 0.1.0
 */
import { Effect, Layer } from "effect"
import { type Driver, makeEncoded, Store, type StoreService } from "../ports/Store.js"
import * as internal from "./internal/driver.js"

/**
 * Makes an empty in-memory driver.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { MemoryStore, Store } from "@grenzeloos/core"
 *
 * const service = Effect.map(MemoryStore.makeDriver, Store.makeEncoded)
 * ```
 * @since 0.1.0
 */
export const makeDriver: Effect.Effect<Driver> = internal.makeDriver

/**
 * Makes an empty in-memory Store service.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { MemoryStore } from "@grenzeloos/core"
 *
 * const program = Effect.map(MemoryStore.make, (store) => store.capabilities.name) // "memory"
 * ```
 * @since 0.1.0
 */
export const make: Effect.Effect<StoreService> = Effect.map(makeDriver, makeEncoded)

/**
 * A layer with an empty in-memory Store (a new one each time the layer is built).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { MemoryStore, Store } from "@grenzeloos/core"
 *
 * Effect.runPromise(Effect.provide(Store.forCommunity("rijk"), MemoryStore.layer))
 * ```
 * @since 0.1.0
 */
export const layer: Layer.Layer<Store> = Layer.effect(Store, make)
