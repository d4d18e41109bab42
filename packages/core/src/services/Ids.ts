/**
 * The Ids port: where the use cases get the ids of the records they create, so that tests and
 * demos control them. Time comes from Effect's own `Clock` (and `TestClock` in tests).
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"

/**
 * Makes ids for new records. An id is `<prefix>-<suffix>` and must be unique within the community;
 * it appears in URLs, iCalendar UIDs and idempotency keys, so it carries no personal data.
 *
 * @since 0.1.0
 */
export interface IdsService {
  readonly next: (prefix: string) => Effect.Effect<string>
}

/**
 * The Ids port as an Effect service.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Services } from "@grenzeloos/core"
 *
 * const id = Effect.flatMap(Services.Ids.Ids, (ids) => ids.next("m"))
 * Effect.runPromise(Effect.provide(id, Services.Ids.layer)).then(console.log) // e.g. "m-4k2q9x7r1t0z"
 * ```
 * @since 0.1.0
 */
export class Ids extends Context.Tag("@grenzeloos/core/Ids")<Ids, IdsService>() {}

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"

const pool = new Uint8Array(4096)
let pooled = pool.length

/**
 * A random suffix of 16 characters from Crockford's base-32 alphabet (80 bits): collisions are
 * not a practical concern, so ids never need a round trip to the database.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * Services.Ids.randomSuffix().length // 16
 * ```
 * @since 0.1.0
 */
export const randomSuffix = (): string => {
  // Random bytes are drawn 4 KiB at a time: one call to the system's source per 256 ids instead
  // of one per id, which cost a use case more than its id logic (decision 0122).
  if (pooled + 16 > pool.length) {
    globalThis.crypto.getRandomValues(pool)
    pooled = 0
  }
  let out = ""
  for (let i = pooled; i < pooled + 16; i++) out += ALPHABET[(pool[i] as number) & 31]
  pool.fill(0, pooled, pooled + 16)
  pooled += 16
  return out
}

/**
 * Random ids: what production uses.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const layer = Services.Ids.layer
 * ```
 * @since 0.1.0
 */
export const layer: Layer.Layer<Ids> = Layer.succeed(Ids, {
  next: (prefix) => Effect.sync(() => `${prefix}-${randomSuffix()}`)
})

/**
 * Sequential ids per prefix (`m-0001`, `m-0002`, `g-0001`, ...), starting afresh for every layer
 * built: for tests that assert on ids. Not for a store that already holds records made this way.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Services } from "@grenzeloos/core"
 *
 * const two = Effect.flatMap(Services.Ids.Ids, (ids) => Effect.all([ids.next("m"), ids.next("m")]))
 * Effect.runPromise(Effect.provide(two, Services.Ids.layerSequential())).then(console.log) // ["m-0001", "m-0002"]
 * ```
 * @since 0.1.0
 */
export const layerSequential = (): Layer.Layer<Ids> =>
  Layer.sync(Ids, () => {
    const counters = new Map<string, number>()
    return {
      next: (prefix) =>
        Effect.sync(() => {
          const n = (counters.get(prefix) ?? 0) + 1
          counters.set(prefix, n)
          return `${prefix}-${String(n).padStart(4, "0")}`
        })
    }
  })
