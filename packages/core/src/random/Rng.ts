/**
 * A small seeded pseudo-random generator for the engines and the synthetic community.
 *
 * The engines never call `Math.random`: every random choice comes from a generator made from a
 * seed, so the same input and seed give the same output on every platform. The generator is
 * sfc32 (Chris Doty-Humphrey, PractRand, "Small Fast Counting" generator) seeded through
 * splitmix32, using only 32-bit integer arithmetic, which JavaScript engines evaluate identically.
 *
 * @since 0.1.0
 */

/**
 * A seeded generator. It is mutable: each call advances it.
 *
 * @since 0.1.0
 */
export interface Rng {
  /** A float in [0, 1) with 32 bits of randomness. */
  readonly next: () => number
  /** A whole number in [0, n), for 1 ≤ n ≤ 2^32, without modulo bias. */
  readonly int: (n: number) => number
  /** A 32-bit unsigned integer. */
  readonly uint32: () => number
}

const splitmix32 = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/**
 * Makes a generator from a seed (any safe integer; the same seed gives the same sequence).
 *
 * @example
 * ```ts
 * import { Rng } from "@grenzeloos/core"
 *
 * const rng = Rng.make(42)
 * const die = 1 + rng.int(6)
 * ```
 * @since 0.1.0
 */
export const make = (seed: number): Rng => {
  const high = Math.floor(seed / 2 ** 32)
  const init = splitmix32((seed ^ Math.imul(high, 0x27d4eb2d)) >>> 0)
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const uint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) uint32()
  const int = (n: number): number => {
    if (!(n >= 1 && n <= 2 ** 32)) throw new RangeError(`Rng.int: expected 1 ≤ n ≤ 2^32, got ${n}`)
    const limit = 2 ** 32 - (2 ** 32 % n)
    for (;;) {
      const x = uint32()
      if (x < limit) return x % n
    }
  }
  return { next: () => uint32() / 2 ** 32, int, uint32 }
}

/**
 * Shuffles a copy of `items` (Fisher–Yates) with the generator.
 *
 * @example
 * ```ts
 * import { Rng } from "@grenzeloos/core"
 *
 * Rng.shuffle(Rng.make(1), ["a", "b", "c"])
 * ```
 * @since 0.1.0
 */
export const shuffle = <A>(rng: Rng, items: ReadonlyArray<A>): Array<A> => {
  const out = items.slice()
  shuffleInPlace(rng, out)
  return out
}

/**
 * Shuffles the first `count` elements of an array (or typed array) in place, without allocating:
 * the Fisher–Yates shuffle {@link shuffle} makes on a copy, with the same draws.
 *
 * @example
 * ```ts
 * import { Rng } from "@grenzeloos/core"
 *
 * const order = Int32Array.from([0, 1, 2, 3])
 * Rng.shuffleInPlace(Rng.make(1), order, 3) // the first three shuffled, 3 stays last
 * ```
 * @since 0.2.0
 */
export const shuffleInPlace = <A>(
  rng: Rng,
  items: { [index: number]: A; readonly length: number },
  count = items.length
): void => {
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const tmp = items[i] as A
    items[i] = items[j] as A
    items[j] = tmp
  }
}

/**
 * Picks one element of a non-empty array.
 *
 * @example
 * ```ts
 * import { Rng } from "@grenzeloos/core"
 *
 * Rng.pick(Rng.make(1), ["ja", "nee"] as const)
 * ```
 * @since 0.1.0
 */
export const pick = <A>(rng: Rng, items: readonly [A, ...Array<A>]): A => items[rng.int(items.length)] as A
