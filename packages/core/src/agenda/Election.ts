/**
 * A participatory-budgeting election in plain data: candidates with their cost, one vote per voter,
 * and the budget. The agenda engine builds one from a voting round (costs are minutes, or 1 per
 * slot); a Pabulib `.pb` file decodes to one.
 *
 * @since 0.1.0
 */

/**
 * A candidate (a theme, a project) and what it costs (minutes, slots, euros).
 *
 * @since 0.1.0
 */
export interface Candidate {
  readonly id: string
  readonly cost: number
}

/**
 * One voter's vote. The shapes are those of {@link Domain.BallotContent}, so a decoded domain
 * ballot's `content` is a `Vote` as it is.
 *
 * @since 0.1.0
 */
export type Vote =
  | { readonly _tag: "approval"; readonly themeIds: ReadonlyArray<string> }
  | { readonly _tag: "dots"; readonly dots: ReadonlyArray<{ readonly themeId: string; readonly dots: number }> }
  | { readonly _tag: "scores"; readonly scores: ReadonlyArray<{ readonly themeId: string; readonly score: number }> }
  | { readonly _tag: "ranking"; readonly ranking: ReadonlyArray<string> }

/**
 * An election: candidates, votes (one per voter, all of one kind), and the budget to spend.
 * `minScore` is the lowest score of a `scores` vote (a score counts as `score - minScore`; a
 * candidate a voter did not score gets `minScore`).
 *
 * @example
 * ```ts
 * import type { Agenda } from "@grenzeloos/core"
 *
 * const election: Agenda.Election.Election = {
 *   budget: 120,
 *   candidates: [{ id: "t-woo", cost: 60 }, { id: "t-ego", cost: 45 }],
 *   votes: [{ _tag: "approval", themeIds: ["t-woo"] }, { _tag: "approval", themeIds: ["t-ego", "t-woo"] }]
 * }
 * ```
 * @since 0.1.0
 */
export interface Election {
  readonly budget: number
  readonly candidates: ReadonlyArray<Candidate>
  readonly votes: ReadonlyArray<Vote>
  readonly minScore?: number
  /** Voter labels (as in a `.pb` file or member ids), parallel to `votes`; used in explanations only. */
  readonly voterIds?: ReadonlyArray<string>
}

/**
 * How much a voter is satisfied by a selected candidate: `cost` (the cost of the candidates they
 * support, as equalshares.net does for approval votes) or `cardinality` (the number of them, or the
 * points given: dots, scores, Borda points of a ranking).
 *
 * @since 0.1.0
 */
export type Satisfaction = "cost" | "cardinality"
