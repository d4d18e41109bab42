/**
 * Support per theme under the scoring methods: approvals (utilitarian greedy), cumulative dots,
 * scores, and the Borda count (Borda, J.-C. de 1781, "Mémoire sur les élections au scrutin"). In a
 * partial ranking of m themes with L ranked, the theme at place k (0-based) gets m − 1 − k points
 * and the unranked themes share the remaining places equally, (m − 1 − L) / 2 points each, so a
 * full ranking gives the classic m − 1 … 0.
 *
 * @since 0.1.0
 */
import type { Vote } from "./Election.js"

/**
 * Per theme, the total support and the number of supporters; per ballot, the themes it supports
 * (a tick, a dot, a score above the minimum, a place in the ranking).
 *
 * @since 0.1.0
 */
export interface Support {
  readonly total: ReadonlyMap<string, number>
  readonly supporters: ReadonlyMap<string, number>
  readonly supported: ReadonlyArray<ReadonlyArray<string>>
}

/**
 * Counts support for the themes (in the given order) from the votes; `minScore` is the lowest
 * score of the round, which an unscored theme gets.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * const support = Agenda.Scoring.count(["a", "b", "c"], [{ _tag: "ranking", ranking: ["a", "b", "c"] }])
 * support.total.get("a") // 2 (Borda: 2, 1, 0)
 * ```
 * @since 0.1.0
 */
export const count = (themeIds: ReadonlyArray<string>, votes: ReadonlyArray<Vote>, minScore = 0): Support => {
  const m = themeIds.length
  const total = new Map(themeIds.map((id) => [id, 0]))
  const supporters = new Map(themeIds.map((id) => [id, 0]))
  const add = (id: string, points: number) => {
    const before = total.get(id)
    if (before !== undefined) total.set(id, before + points)
  }
  const supported = votes.map((vote): ReadonlyArray<string> => {
    let ids: Array<string>
    switch (vote._tag) {
      case "approval":
        ids = [...vote.themeIds]
        for (const id of ids) add(id, 1)
        break
      case "dots":
        ids = vote.dots.filter((d) => d.dots > 0).map((d) => d.themeId)
        for (const d of vote.dots) add(d.themeId, d.dots)
        break
      case "scores": {
        // Scores count from the minimum: an unscored theme counts as the minimum, so adds 0.
        ids = vote.scores.filter((s) => s.score > minScore).map((s) => s.themeId)
        for (const s of vote.scores) add(s.themeId, s.score - minScore)
        break
      }
      case "ranking": {
        ids = [...vote.ranking]
        const listed = new Set(vote.ranking)
        vote.ranking.forEach((id, k) => {
          add(id, m - 1 - k)
        })
        const rest = (m - 1 - listed.size) / 2
        if (rest > 0) for (const id of themeIds) if (!listed.has(id)) add(id, rest)
        break
      }
    }
    for (const id of ids) {
      const before = supporters.get(id)
      if (before !== undefined) supporters.set(id, before + 1)
    }
    return ids
  })
  return { total, supporters, supported }
}
