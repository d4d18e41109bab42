/**
 * A search for rotations that a cyclic group of order m maps onto themselves (decision 0104): the
 * classical way of finding designs by computer, searching for a few "base" rounds instead of all
 * of them (Kramer & Mesner 1976; for resolvable designs "1-rotational" and cyclic constructions, see
 * Buratti 1999 and Colbourn & Dinitz, Handbook of Combinatorial Designs, VI.16–18).
 *
 * The people are numbered as m·t + f: t "rows" of m people each, (x, r) ↦ r·m + x, and f "fixed"
 * people m·t … n − 1. The shift σ: (x, r) ↦ (x + 1 mod m, r) leaves the fixed people where they are.
 * A rotation of w = k·m + c rounds is searched for in the form:
 * - k *developed* base rounds: each is a partition of all n people into groups, and its m shifts
 *   σ⁰ … σ^(m−1) are m rounds of the rotation;
 * - c *invariant* rounds (only when f = 0 and m divides the number of groups): each is a partition
 *   of the t rows into sets of p rows, a set given by one person per row, and its m shifts are the
 *   groups of one round (each shift takes one person of each of its rows).
 *
 * The pairs of people fall into *classes* of m pairs that σ permutes: two people of one row at
 * distance ±d (1 ≤ d < m/2), people of rows r < s with x_s − x_r = d, or a fixed person with the
 * people of a row. Two fixed people form no class (σ would make them meet m times), nor, for m
 * even, two people of a row at distance m/2 (m shifts would make them meet twice). A base group
 * holding a pair of a class makes every pair of that class meet exactly once over the m shifts, so
 * the rotation has no repeated pair exactly when every class is held by at most one pair of all base
 * groups. {@link Quotient} searches the base rounds.
 */

/** A way of writing a rotation of n people in g groups of p over w rounds as shifts of base rounds. */
export interface Template {
  /** The order of the cyclic group (at least 3). */
  readonly m: number
  /** The rows of m people. */
  readonly t: number
  /** The fixed people (after the rows). */
  readonly f: number
  /** The developed base rounds (m rounds each). */
  readonly k: number
  /** The invariant rounds (one round each). */
  readonly c: number
}

/**
 * The templates for g groups of p people over w rounds that have enough classes for their pairs,
 * the fewest base rounds first (the smallest search), and among equals the largest cyclic group.
 */
export const templates = (g: number, p: number, w: number): Array<Template> => {
  const n = g * p
  const out: Array<Template> = []
  if (g < 2 || p < 2 || w < 1) return out
  for (let m = w; m >= 3; m--) {
    // fixed people sit in different groups of every developed round: at most g of them
    for (let f = 0; f <= Math.min(g, n - m); f++) {
      if ((n - f) % m !== 0) continue
      const t = (n - f) / m
      for (let k = Math.floor(w / m); k >= 0; k--) {
        const c = w - k * m
        if (c > 0 && (f !== 0 || g % m !== 0)) continue
        // a fixed person meets t·m people over k·m rounds in groups of p − 1 others, at most once each
        if (f > 0 && k * m * (p - 1) > t * m + f - 1) continue
        // every pair of a base group needs a class of its own (invariant rounds only mixed ones)
        const pairs = (p * (p - 1)) / 2
        const mixed = ((t * (t - 1)) / 2) * m
        const classes = t * ((m - 1) >> 1) + mixed + f * t
        if (k * g * pairs + (c * g * pairs) / m > classes || (c * g * pairs) / m > mixed) continue
        out.push({ m, t, f, k, c })
      }
    }
  }
  // the fewest base rounds first (the smallest search), then the largest group; at most
  // `maxTemplates`, since each has tables of n² entries per base round
  return out.sort((a, b) => a.k + a.c - (b.k + b.c) || b.m - a.m).slice(0, maxTemplates)
}

/** The most templates searched for one shape. */
export const maxTemplates = 8

/**
 * The classes of the pairs of people under the shift of a template: `kind[u·n + v]` is the class
 * of the pair u, v, or −1 when they may never share a base group; `classes` counts the classes.
 */
export const classTable = (n: number, shape: Template): { readonly kind: Int32Array; readonly classes: number } => {
  const { m, t, f } = shape
  // with m even, the pairs at distance m/2 in a row form a class of m/2 pairs that m shifts
  // would meet twice: they never meet
  const half = (m - 1) >> 1
  // classes: pure (row, d) for 1 ≤ d ≤ half; mixed (r < s, d); fixed (j, row)
  const pure = t * half
  const mixed = ((t * (t - 1)) / 2) * m
  const pairIndex = (r: number, s: number): number => r * t - (r * (r + 1)) / 2 + (s - r - 1)
  const kind = new Int32Array(n * n).fill(-1)
  for (let u = 0; u < n; u++)
    for (let v = 0; v < n; v++) {
      if (u === v) continue
      const fu = u >= m * t
      const fv = v >= m * t
      let cls = -1
      if (fu && fv) cls = -1
      else if (fu || fv) {
        const j = (fu ? u : v) - m * t
        const r = Math.floor((fu ? v : u) / m)
        cls = pure + mixed + j * t + r
      } else {
        const ru = Math.floor(u / m)
        const rv = Math.floor(v / m)
        const xu = u % m
        const xv = v % m
        if (ru === rv) {
          const d = (((xv - xu) % m) + m) % m
          cls = 2 * d === m ? -1 : ru * half + Math.min(d, m - d) - 1
        } else {
          const [r, s, xr, xs] = ru < rv ? [ru, rv, xu, xv] : [rv, ru, xv, xu]
          cls = pure + pairIndex(r, s) * m + ((((xs - xr) % m) + m) % m)
        }
      }
      kind[u * n + v] = cls
    }
  return { kind, classes: pure + mixed + f * t }
}

/**
 * The rounds of the developed base rounds of a template: base round b (`assigned[b·n + i]` the
 * group of i) gives the rounds b·m … b·m + m − 1, shift j moving each person of a row j places on.
 */
export const develop = (n: number, shape: Template, assigned: Int32Array): Array<Int32Array> => {
  const { m, t, k } = shape
  const rounds: Array<Int32Array> = []
  for (let b = 0; b < k; b++)
    for (let j = 0; j < m; j++) {
      const round = new Int32Array(n)
      for (let i = 0; i < n; i++) {
        // person i of shift j sits where σ^(−j)(i) sits in the base round
        const base = i < m * t ? Math.floor(i / m) * m + (((((i % m) - j) % m) + m) % m) : i
        round[i] = assigned[b * n + base] as number
      }
      rounds.push(round)
    }
  return rounds
}
