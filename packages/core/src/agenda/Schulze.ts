/**
 * The Schulze method (Schulze, M. 2011, "A new monotonic, clone-independent, reversal symmetric,
 * and Condorcet-consistent single-winner election method", Social Choice and Welfare 36(2)): a full
 * ranking from pairwise preferences through the strongest (widest) paths, with winning votes as the
 * strength of a link. A ballot may rank only some candidates: the unranked ones are tied below all
 * ranked ones. Candidates with equally many strongest-path wins are ordered by the tie-break the
 * caller passes (by default the id in code-point order).
 *
 * @since 0.1.0
 */
import { compareCodePoints } from "./Profile.js"

/**
 * The Schulze ranking with its evidence: the pairwise preferences `d[a][b]` (voters preferring a
 * to b), the strongest paths `p[a][b]`, and per candidate its number of wins (`p[a][b] > p[b][a]`).
 *
 * @since 0.1.0
 */
export interface Ranking {
  readonly order: ReadonlyArray<string>
  readonly wins: ReadonlyMap<string, number>
  readonly preferences: ReadonlyArray<ReadonlyArray<number>>
  readonly strongestPaths: ReadonlyArray<ReadonlyArray<number>>
}

/**
 * Ranks the candidates by the Schulze method; `weights` (parallel to `rankings`) count a ballot
 * several times, e.g. `5 × A>C>B>E>D`.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * const ranking = Agenda.Schulze.rank(["a", "b", "c"], [["a", "b", "c"], ["b", "c", "a"], ["a", "c", "b"]])
 * console.log(ranking.order) // ["a", "b", "c"]
 * ```
 * @since 0.1.0
 */
export const rank = (
  candidates: ReadonlyArray<string>,
  rankings: ReadonlyArray<ReadonlyArray<string>>,
  weights?: ReadonlyArray<number>,
  tieBreak: (a: string, b: string) => number = compareCodePoints
): Ranking => {
  const m = candidates.length
  const index = new Map(candidates.map((c, k) => [c, k]))
  const d = new Float64Array(m * m)
  const place = new Int32Array(m)
  rankings.forEach((ranking, v) => {
    const w = weights?.[v] ?? 1
    place.fill(m) // unranked: tied below every ranked candidate
    ranking.forEach((id, k) => {
      const c = index.get(id)
      if (c !== undefined && (place[c] ?? m) === m) place[c] = k
    })
    for (let a = 0; a < m; a++) {
      const pa = place[a] ?? m
      for (let b = 0; b < m; b++) if (pa < (place[b] ?? m)) d[a * m + b] = (d[a * m + b] ?? 0) + w
    }
  })
  const p = new Float64Array(m * m)
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) {
      const ab = d[a * m + b] ?? 0
      if (a !== b && ab > (d[b * m + a] ?? 0)) p[a * m + b] = ab
    }
  for (let k = 0; k < m; k++)
    for (let a = 0; a < m; a++) {
      if (a === k) continue
      const ak = p[a * m + k] ?? 0
      if (ak === 0) continue
      for (let b = 0; b < m; b++) {
        if (b === k || b === a) continue
        const via = Math.min(ak, p[k * m + b] ?? 0)
        if (via > (p[a * m + b] ?? 0)) p[a * m + b] = via
      }
    }
  const wins = new Map<string, number>()
  candidates.forEach((c, a) => {
    let count = 0
    for (let b = 0; b < m; b++) if (a !== b && (p[a * m + b] ?? 0) > (p[b * m + a] ?? 0)) count++
    wins.set(c, count)
  })
  const order = [...candidates].sort((x, y) => (wins.get(y) ?? 0) - (wins.get(x) ?? 0) || tieBreak(x, y))
  const rows = (arr: Float64Array) => Array.from({ length: m }, (_, a) => Array.from(arr.subarray(a * m, a * m + m)))
  return { order, wins, preferences: rows(d), strongestPaths: rows(p) }
}
