/**
 * Rotations from finite geometry: when there are `n = q^m` people in groups of `p = q^k` (q a
 * prime, k = 1 or 2), people are the vectors of the space GF(q)^m, and a round is the partition of
 * that space into the cosets of one k-dimensional subspace W. Two people meet in that round when
 * their difference lies in W, so rounds built on subspaces that share only the zero vector (a
 * partial spread) never let a pair meet twice.
 *
 * This is the classical construction of resolvable designs (for k = 1 the parallel classes of the
 * affine geometry AG(m, q): Kirkman-type schedules; for k = 2 partial line spreads of PG(m−1, q),
 * see Beutelspacher 1975, "Partial spreads in finite projective spaces and partial designs", Math.
 * Z. 145; Harvey's social golfer pages list such schedules). It answers at once where it applies;
 * everywhere else, and whenever the rounds carry policy scores, the tabu search of
 * {@link Rotation} does the work. The subspaces are chosen by a depth-first search with a node
 * limit, in an order drawn from the seed, so the result is reproducible.
 *
 * @since 0.1.0
 */
import * as Rng from "../random/Rng.js"

/** The prime q and exponents k, m with p = q^k and n = q^m, k ∈ {1, 2}, or undefined. */
const shapeOf = (n: number, p: number): { readonly q: number; readonly k: 1 | 2; readonly m: number } | undefined => {
  const isPrime = (x: number) => {
    if (x < 2) return false
    for (let d = 2; d * d <= x; d++) if (x % d === 0) return false
    return true
  }
  const candidates: Array<{ q: number; k: 1 | 2 }> = []
  if (isPrime(p)) candidates.push({ q: p, k: 1 })
  const root = Math.round(Math.sqrt(p))
  if (root * root === p && isPrime(root)) candidates.push({ q: root, k: 2 })
  for (const { q, k } of candidates) {
    let m = 0
    let power = 1
    while (power < n) {
      power *= q
      m++
    }
    if (power === n && m > k) return { q, k, m }
  }
  return undefined
}

/** Vectors of GF(q)^m are the integers 0 … q^m − 1, written in base q. */
const add = (q: number, m: number, a: number, b: number): number => {
  let out = 0
  let unit = 1
  for (let d = 0; d < m; d++) {
    out += (((Math.floor(a / unit) % q) + (Math.floor(b / unit) % q)) % q) * unit
    unit *= q
  }
  return out
}

const scale = (q: number, m: number, c: number, a: number): number => {
  let out = 0
  let unit = 1
  for (let d = 0; d < m; d++) {
    out += (((Math.floor(a / unit) % q) * c) % q) * unit
    unit *= q
  }
  return out
}

/** Every k-dimensional subspace, as the sorted list of its nonzero vectors. */
const subspaces = (q: number, k: 1 | 2, m: number): Array<Int32Array> => {
  const size = q ** m
  const seen = new Set<string>()
  const out: Array<Int32Array> = []
  const keep = (vectors: Set<number>) => {
    const sorted = Int32Array.from([...vectors].sort((a, b) => a - b))
    const key = sorted.join(",")
    if (!seen.has(key)) {
      seen.add(key)
      out.push(sorted)
    }
  }
  for (let u = 1; u < size; u++) {
    const line = new Set<number>()
    for (let a = 1; a < q; a++) line.add(scale(q, m, a, u))
    if (k === 1) {
      keep(line)
      continue
    }
    for (let v = u + 1; v < size; v++) {
      if (line.has(v)) continue
      const plane = new Set<number>()
      for (let a = 0; a < q; a++)
        for (let b = 0; b < q; b++) {
          const w = add(q, m, scale(q, m, a, u), scale(q, m, b, v))
          if (w !== 0) plane.add(w)
        }
      keep(plane)
    }
  }
  return out
}

/**
 * The rounds of a rotation without repeated pairs built from a partial spread, or `undefined`
 * when the shape does not fit (n a power of a prime q, groups of q or q² people, more than one
 * group) or no `rounds` disjoint subspaces were found within the node limit. `rounds[r][i]` is the
 * group of person `i` in round `r`.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * // 32 people in 8 groups of 4 for 9 rounds (the social golfer instance 8-4-9)
 * const rounds = Grouping.Geometry.rotation(32, 4, 9, { seed: 1 })
 * console.log(rounds?.length) // 9
 * ```
 * @since 0.1.0
 */
export const rotation = (
  n: number,
  p: number,
  rounds: number,
  options: { readonly seed: number; readonly maxNodes?: number }
): ReadonlyArray<Int32Array> | undefined => {
  const shape = shapeOf(n, p)
  if (shape === undefined || rounds < 1) return undefined
  const { q, k, m } = shape
  // Each round uses p − 1 of the n − 1 nonzero vectors: more rounds than that cannot fit.
  if (rounds * (p - 1) > n - 1) return undefined
  const candidates = Rng.shuffle(Rng.make(options.seed), subspaces(q, k, m))
  const used = new Uint8Array(n)
  const chosen: Array<Int32Array> = []
  let nodes = 0
  const limit = options.maxNodes ?? 200_000
  const fits = (s: Int32Array) => {
    for (const v of s) if (used[v] === 1) return false
    return true
  }
  const mark = (s: Int32Array, value: 0 | 1) => {
    for (const v of s) used[v] = value
  }
  const extend = (from: number): boolean => {
    if (chosen.length === rounds) return true
    if (++nodes > limit) return false
    for (let c = from; c < candidates.length; c++) {
      if (candidates.length - c < rounds - chosen.length) return false
      const s = candidates[c] as Int32Array
      if (!fits(s)) continue
      mark(s, 1)
      chosen.push(s)
      if (extend(c + 1)) return true
      chosen.pop()
      mark(s, 0)
    }
    return false
  }
  if (!extend(0)) return undefined
  return chosen.map((s) => {
    const group = new Int32Array(n).fill(-1)
    let next = 0
    for (let x = 0; x < n; x++) {
      if ((group[x] as number) >= 0) continue
      group[x] = next
      for (const w of s) group[add(q, m, x, w)] = next
      next++
    }
    return group
  })
}
