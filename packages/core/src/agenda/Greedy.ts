/**
 * Utilitarian greedy selection ("greedy by votes", as most city budgets and Decidim/CONSUL do):
 * candidates in order of support per unit of cost under the satisfaction, each taken if it still
 * fits, skipped otherwise. With cost satisfaction the order is plain support (votes, dots, points);
 * with cardinality satisfaction it is support per unit of cost (pabutools
 * `greedy_utilitarian_welfare`, Faliszewski et al. 2023). Ties: more supporters, lower cost, id in
 * code-point order; or, with `ties: "id"`, the id alone (pabutools' lexicographic tie-breaking).
 * Candidates nobody supports come last, and are taken if they still fit, as pabutools does (the
 * agenda's own programme leaves them out unless a minimum number of themes needs them).
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import { AgendaInputError } from "../domain/DecodeError.js"
import type { Election, Satisfaction } from "./Election.js"
import { compile, type Profile, tieBreak, utilities } from "./Profile.js"

/**
 * The outcome of {@link select}: the selection in order, all candidates in order of support, and
 * each candidate's support per unit of cost.
 *
 * @since 0.1.0
 */
export interface Outcome {
  readonly selected: ReadonlyArray<{ readonly id: string; readonly cost: number }>
  readonly ranking: ReadonlyArray<string>
  readonly support: ReadonlyMap<string, number>
  readonly totalCost: number
}

/**
 * How ties in support are broken: `supporters-cost-id` (more supporters, lower cost, then the id in
 * code-point order; the default, as for Equal Shares) or `id` (code-point order of the ids alone).
 *
 * @since 0.1.0
 */
export type Ties = "supporters-cost-id" | "id"

/** The order of candidates by support per cost (then the tie-break), as indices. */
const orderOnProfile = (
  p: Profile,
  satisfaction: Satisfaction,
  ties: Ties
): { order: Array<number>; support: Float64Array } => {
  const { total } = utilities(p, satisfaction)
  const support = Float64Array.from(total, (t, c) => {
    const cost = p.costs[c] ?? 0
    // Satisfaction per unit of cost, as pabutools: nothing for no support, without limit for no cost.
    return t <= 0 ? 0 : cost > 0 ? t / cost : Number.POSITIVE_INFINITY
  })
  const cmp = ties === "id" ? (a: number, b: number) => (p.idRank[a] ?? 0) - (p.idRank[b] ?? 0) : tieBreak(p)
  const order = [...Array(p.m).keys()].sort((a, b) => (support[b] ?? 0) - (support[a] ?? 0) || cmp(a, b))
  return { order, support }
}

/**
 * Selects greedily by support, skipping candidates that no longer fit the budget.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const outcome = Agenda.Greedy.select({
 *   budget: 100,
 *   candidates: [{ id: "a", cost: 60 }, { id: "b", cost: 50 }, { id: "c", cost: 40 }],
 *   votes: [{ _tag: "approval", themeIds: ["a", "b"] }, { _tag: "approval", themeIds: ["a", "c"] }]
 * })
 * if (Either.isRight(outcome)) console.log(outcome.right.selected.map((s) => s.id)) // ["a", "c"]
 * ```
 * @since 0.1.0
 */
export const select = (
  election: Election,
  options: { readonly satisfaction?: Satisfaction; readonly ties?: Ties } = {}
): Either.Either<Outcome, AgendaInputError> => {
  const compiled = compile(election, "positional")
  if (!("profile" in compiled))
    return Either.left(new AgendaInputError({ subject: "election", problems: compiled.problems }))
  const p = compiled.profile
  const { order, support } = orderOnProfile(p, options.satisfaction ?? "cost", options.ties ?? "supporters-cost-id")
  const selected: Array<{ id: string; cost: number }> = []
  let spent = 0
  for (const c of order) {
    const cost = p.costs[c] ?? 0
    // As pabutools, candidates nobody supports come last and are taken too if they still fit.
    if (spent + cost <= p.budget) {
      selected.push({ id: p.ids[c] ?? "", cost })
      spent += cost
    }
  }
  return Either.right({
    selected,
    ranking: order.map((c) => p.ids[c] ?? ""),
    support: new Map(order.map((c) => [p.ids[c] ?? "", support[c] ?? 0])),
    totalCost: spent
  })
}
