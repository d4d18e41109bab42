/**
 * Seeded synthetic participatory-budgeting elections for the agenda benchmarks: projects with
 * skewed costs and popularity, approval votes of a few projects each (like Pabulib city budgets).
 */
import { type Agenda, Rng } from "@grenzeloos/core"

export interface SyntheticOptions {
  readonly voters: number
  readonly projects: number
  readonly seed: number
  /** Share of the total cost of all projects that the budget covers. */
  readonly budgetShare?: number
  /** Most projects a voter approves (at least 1). */
  readonly maxApprovals?: number
  /** Cost per project: from `minCost` to about 20 × `minCost`. */
  readonly minCost?: number
}

/** An approval election with the given size; the same options give the same election. */
export const syntheticElection = (options: SyntheticOptions): Agenda.Election.Election => {
  const rng = Rng.make(options.seed)
  const minCost = options.minCost ?? 5_000
  const candidates = Array.from({ length: options.projects }, (_, k) => ({
    id: String(1000 + k),
    // Log-uniform costs over a factor 20, rounded to whole units.
    cost: Math.round(minCost * 20 ** rng.next())
  }))
  // Popularity: a Zipf-like weight, shuffled so that cost and popularity are independent.
  const popularity = Rng.shuffle(
    rng,
    candidates.map((_, k) => 1 / (k + 1) ** 0.7)
  )
  const cumulative: Array<number> = []
  let sum = 0
  for (const w of popularity) cumulative.push((sum += w))
  const pick = (): number => {
    const x = rng.next() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const maxApprovals = options.maxApprovals ?? 10
  const votes = Array.from({ length: options.voters }, () => {
    const size = 1 + rng.int(maxApprovals)
    const chosen = new Set<number>()
    while (chosen.size < Math.min(size, options.projects)) chosen.add(pick())
    return { _tag: "approval" as const, themeIds: [...chosen].map((c) => candidates[c]?.id ?? "") }
  })
  const total = candidates.reduce((s, c) => s + c.cost, 0)
  return { budget: Math.round(total * (options.budgetShare ?? 0.25)), candidates, votes }
}
