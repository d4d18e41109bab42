// Private to the agenda engine (not re-exported): an election compiled to typed arrays.
//
// Voters with identical votes are merged into one group with a multiplicity, so the hot loops of
// Equal Shares and the scoring rules run over distinct ballots only. Supporters are stored per
// candidate in compressed rows (CSR): candidate c's supporters are `group[start[c] .. start[c+1])`
// with base utility `weight[...]` (1 for approval, dots, score above the minimum, Borda points).
import type { Problem } from "../domain/DecodeError.js"
import type { Election, Satisfaction, Vote } from "./Election.js"

/** Compares two strings by Unicode code point (not UTF-16 code unit, as `<` does). */
export const compareCodePoints = (a: string, b: string): number => {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) ?? 0
    const y = b.codePointAt(j) ?? 0
    if (x !== y) return x < y ? -1 : 1
    i += x > 0xffff ? 2 : 1
    j += y > 0xffff ? 2 : 1
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0
}

export interface Profile {
  readonly ids: ReadonlyArray<string>
  readonly costs: Float64Array
  readonly budget: number
  /** Number of candidates. */
  readonly m: number
  /** Number of voters (sum of multiplicities). */
  readonly voterCount: number
  /** The kind of the votes ("approval" when there are none). */
  readonly kind: Vote["_tag"]
  /** Per distinct ballot: how many voters cast it. */
  readonly mult: Float64Array
  /** Per voter (input order): its ballot group. */
  readonly groupOf: Int32Array
  readonly start: Int32Array
  readonly group: Int32Array
  readonly weight: Float64Array
  /** Per candidate: number of supporting voters. */
  readonly supporters: Float64Array
  /** Per candidate: its place in code-point order of the ids. */
  readonly idRank: Int32Array
}

/**
 * The base utilities of one vote, as (candidate index, weight > 0) pairs. `stamp` marks the
 * candidates already seen on this vote (with `mark`, unique per vote) so that repeats are found
 * without a set per vote; paths are only written when there is a problem.
 */
const entriesOf = (
  vote: Vote,
  index: ReadonlyMap<string, number>,
  minScore: number,
  rankingPoints: RankingPoints,
  v: number,
  stamp: Int32Array,
  problems: Array<Problem>
): Array<[number, number]> => {
  const out: Array<[number, number]> = []
  const mark = v + 1
  const known = (id: string, path: () => string): number | undefined => {
    const c = index.get(id)
    if (c === undefined) {
      problems.push({ path: path(), message: `candidate ${id} is not in this election` })
      return undefined
    }
    if (stamp[c] === mark) {
      problems.push({ path: path(), message: `candidate ${id} appears twice on the vote` })
      return undefined
    }
    stamp[c] = mark
    return c
  }
  switch (vote._tag) {
    case "approval":
      vote.themeIds.forEach((id, k) => {
        const c = known(id, () => `votes[${v}].themeIds[${k}]`)
        if (c !== undefined) out.push([c, 1])
      })
      break
    case "dots":
      vote.dots.forEach((d, k) => {
        const c = known(d.themeId, () => `votes[${v}].dots[${k}].themeId`)
        if (!Number.isFinite(d.dots) || d.dots < 0)
          problems.push({
            path: `votes[${v}].dots[${k}].dots`,
            message: `expected a number of dots of 0 or more, got ${d.dots}`
          })
        else if (c !== undefined && d.dots > 0) out.push([c, d.dots])
      })
      break
    case "scores":
      vote.scores.forEach((sc, k) => {
        const c = known(sc.themeId, () => `votes[${v}].scores[${k}].themeId`)
        if (!Number.isFinite(sc.score) || sc.score < minScore)
          problems.push({
            path: `votes[${v}].scores[${k}].score`,
            message: `expected a score of ${minScore} or more, got ${sc.score}`
          })
        else if (c !== undefined && sc.score > minScore) out.push([c, sc.score - minScore])
      })
      break
    case "ranking": {
      // "borda": pabutools' Additive_Borda_Sat, a ballot of length L gives L - 1 - position;
      // "positional": L - position, the `score` column of ordinal Pabulib files (3/2/1 for 3 ranked).
      const top = rankingPoints === "borda" ? vote.ranking.length - 1 : vote.ranking.length
      vote.ranking.forEach((id, k) => {
        const c = known(id, () => `votes[${v}].ranking[${k}]`)
        if (c !== undefined && top - k > 0) out.push([c, top - k])
      })
      break
    }
  }
  return out
}

/** How a ranking turns into points (see `entriesOf`). */
export type RankingPoints = "borda" | "positional"

/** Compiles an election, or lists every problem with its path. */
export const compile = (
  election: Election,
  rankingPoints: RankingPoints = "borda"
): { profile: Profile; problems: [] } | { problems: Array<Problem> } => {
  const problems: Array<Problem> = []
  if (!Number.isFinite(election.budget) || election.budget < 0)
    problems.push({ path: "budget", message: `expected a budget of 0 or more, got ${election.budget}` })
  const index = new Map<string, number>()
  election.candidates.forEach((c, k) => {
    if (index.has(c.id)) problems.push({ path: `candidates[${k}].id`, message: `candidate ${c.id} is listed twice` })
    else index.set(c.id, k)
    if (!Number.isFinite(c.cost) || c.cost < 0)
      problems.push({ path: `candidates[${k}].cost`, message: `expected a cost of 0 or more, got ${c.cost}` })
  })
  const kind = election.votes[0]?._tag ?? "approval"
  const minScore = election.minScore ?? 0
  const groups = new Map<string, number>()
  const groupEntries: Array<Array<[number, number]>> = []
  const multList: Array<number> = []
  const groupOf = new Int32Array(election.votes.length)
  const stamp = new Int32Array(election.candidates.length)
  election.votes.forEach((vote, v) => {
    if (vote._tag !== kind)
      problems.push({
        path: `votes[${v}]`,
        message: `expected every vote of one kind, as the first (${kind}), got ${vote._tag}`
      })
    const entries = entriesOf(vote, index, minScore, rankingPoints, v, stamp, problems)
    entries.sort((a, b) => a[0] - b[0])
    let key = ""
    for (const [c, w] of entries) key += `${c}:${w},`
    let g = groups.get(key)
    if (g === undefined) {
      g = groupEntries.length
      groups.set(key, g)
      groupEntries.push(entries)
      multList.push(0)
    }
    multList[g] = (multList[g] ?? 0) + 1
    groupOf[v] = g
  })
  if (problems.length > 0) return { problems }

  const m = election.candidates.length
  const counts = new Int32Array(m + 1)
  for (const entries of groupEntries) for (const [c] of entries) counts[c + 1] = (counts[c + 1] ?? 0) + 1
  const start = new Int32Array(m + 1)
  for (let c = 0; c < m; c++) start[c + 1] = (start[c] ?? 0) + (counts[c + 1] ?? 0)
  const fill = start.slice(0, m)
  const group = new Int32Array(start[m] ?? 0)
  const weight = new Float64Array(start[m] ?? 0)
  const mult = Float64Array.from(multList)
  const supporters = new Float64Array(m)
  groupEntries.forEach((entries, g) => {
    for (const [c, w] of entries) {
      const at = fill[c] ?? 0
      group[at] = g
      weight[at] = w
      fill[c] = at + 1
      supporters[c] = (supporters[c] ?? 0) + (mult[g] ?? 0)
    }
  })
  const ids = election.candidates.map((c) => c.id)
  const byId = ids.map((_, k) => k).sort((a, b) => compareCodePoints(ids[a] ?? "", ids[b] ?? ""))
  const idRank = new Int32Array(m)
  byId.forEach((c, rank) => {
    idRank[c] = rank
  })
  return {
    problems: [],
    profile: {
      ids,
      costs: Float64Array.from(election.candidates, (c) => c.cost),
      budget: election.budget,
      m,
      voterCount: election.votes.length,
      kind,
      mult,
      groupOf,
      start,
      group,
      weight,
      supporters,
      idRank
    }
  }
}

/** The default satisfaction: cost for approval votes (as equalshares.net), the points otherwise (as pabutools). */
export const defaultSatisfaction = (profile: Profile): Satisfaction =>
  profile.kind === "approval" ? "cost" : "cardinality"

/**
 * Per support entry, the utility under a satisfaction, times a per-candidate multiplier (ageing).
 */
export const utilities = (
  profile: Profile,
  satisfaction: Satisfaction,
  multiplier?: Float64Array
): { u: Float64Array; total: Float64Array } => {
  const u = new Float64Array(profile.weight.length)
  const total = new Float64Array(profile.m)
  for (let c = 0; c < profile.m; c++) {
    const factor = (satisfaction === "cost" ? (profile.costs[c] ?? 0) : 1) * (multiplier?.[c] ?? 1)
    let sum = 0
    for (let k = profile.start[c] ?? 0; k < (profile.start[c + 1] ?? 0); k++) {
      const x = (profile.weight[k] ?? 0) * factor
      u[k] = x
      sum += x * (profile.mult[profile.group[k] ?? 0] ?? 0)
    }
    total[c] = sum
  }
  return { u, total }
}

/** The documented tie-break after the method's own measure: more supporters, lower cost, id in code-point order. */
export const tieBreak =
  (profile: Profile) =>
  (a: number, b: number): number =>
    (profile.supporters[b] ?? 0) - (profile.supporters[a] ?? 0) ||
    (profile.costs[a] ?? 0) - (profile.costs[b] ?? 0) ||
    (profile.idRank[a] ?? 0) - (profile.idRank[b] ?? 0)
