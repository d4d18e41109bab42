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

/** The index of a candidate id on a vote: -1 if unknown, -2 if already on this vote (marks it seen). */
const lookup = (index: ReadonlyMap<string, number>, stamp: Int32Array, mark: number, id: string): number => {
  const c = index.get(id)
  if (c === undefined) return -1
  if (stamp[c] === mark) return -2
  stamp[c] = mark
  return c
}

/** Scratch space for one vote: candidate indices and weights, reused for every vote. */
interface Scratch {
  readonly cands: Int32Array
  readonly weights: Float64Array
}

/**
 * Writes the base utilities of one vote into `scratch` as (candidate, weight > 0) pairs and returns
 * their number. `stamp` marks the candidates already seen on this vote (with `v + 1`, unique per
 * vote) so that repeats are found without a set per vote; paths are only written for problems.
 */
const entriesOf = (
  vote: Vote,
  index: ReadonlyMap<string, number>,
  minScore: number,
  rankingPoints: RankingPoints,
  v: number,
  stamp: Int32Array,
  scratch: Scratch,
  problems: Array<Problem>
): number => {
  let n = 0
  const mark = v + 1
  const { cands, weights } = scratch
  const known = (id: string, field: string, k: number, suffix: string): number => {
    const c = lookup(index, stamp, mark, id)
    if (c < 0)
      problems.push({
        path: `votes[${v}].${field}[${k}]${suffix}`,
        message: `candidate ${id} ${c === -1 ? "is not in this election" : "appears twice on the vote"}`
      })
    return c
  }
  const add = (c: number, w: number) => {
    cands[n] = c
    weights[n] = w
    n++
  }
  switch (vote._tag) {
    case "approval": {
      // The common case, kept free of closures: most elections are approval elections.
      const ids = vote.themeIds
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as string
        const c = lookup(index, stamp, mark, id)
        if (c >= 0) {
          cands[n] = c
          weights[n] = 1
          n++
        } else known(id, "themeIds", k, "")
      }
      break
    }
    case "dots":
      for (let k = 0; k < vote.dots.length; k++) {
        const d = vote.dots[k] as Extract<Vote, { _tag: "dots" }>["dots"][number]
        const c = known(d.themeId, "dots", k, ".themeId")
        if (!Number.isFinite(d.dots) || d.dots < 0)
          problems.push({
            path: `votes[${v}].dots[${k}].dots`,
            message: `expected a number of dots of 0 or more, got ${d.dots}`
          })
        else if (c >= 0 && d.dots > 0) add(c, d.dots)
      }
      break
    case "scores":
      for (let k = 0; k < vote.scores.length; k++) {
        const sc = vote.scores[k] as Extract<Vote, { _tag: "scores" }>["scores"][number]
        const c = known(sc.themeId, "scores", k, ".themeId")
        if (!Number.isFinite(sc.score) || sc.score < minScore)
          problems.push({
            path: `votes[${v}].scores[${k}].score`,
            message: `expected a score of ${minScore} or more, got ${sc.score}`
          })
        else if (c >= 0 && sc.score > minScore) add(c, sc.score - minScore)
      }
      break
    case "ranking": {
      // "borda": pabutools' Additive_Borda_Sat, a ballot of length L gives L - 1 - position;
      // "positional": L - position, the `score` column of ordinal Pabulib files (3/2/1 for 3 ranked).
      const top = rankingPoints === "borda" ? vote.ranking.length - 1 : vote.ranking.length
      for (let k = 0; k < vote.ranking.length; k++) {
        const c = known(vote.ranking[k] as string, "ranking", k, "")
        if (c >= 0 && top - k > 0) add(c, top - k)
      }
      break
    }
  }
  // Sort the pairs by candidate (insertion sort: a vote has few entries).
  for (let i = 1; i < n; i++) {
    const c = cands[i] as number
    const w = weights[i] as number
    let j = i - 1
    while (j >= 0 && (cands[j] as number) > c) {
      cands[j + 1] = cands[j] as number
      weights[j + 1] = weights[j] as number
      j--
    }
    cands[j + 1] = c
    weights[j + 1] = w
  }
  return n
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
  // Identical votes form one group. Groups are found by a hash of the sorted pairs and compared
  // exactly within a bucket, so no string key is built per vote.
  const m = election.candidates.length
  const buckets = new Map<number, number>()
  const nextInBucket: Array<number> = []
  const flatC: Array<number> = []
  const flatW: Array<number> = []
  const groupAt: Array<number> = [0]
  const multList: Array<number> = []
  const groupOf = new Int32Array(election.votes.length)
  const stamp = new Int32Array(m)
  const scratch: Scratch = { cands: new Int32Array(m), weights: new Float64Array(m) }
  const sameAs = (g: number, n: number): boolean => {
    const from = groupAt[g] as number
    if ((groupAt[g + 1] as number) - from !== n) return false
    for (let i = 0; i < n; i++)
      if (flatC[from + i] !== scratch.cands[i] || flatW[from + i] !== scratch.weights[i]) return false
    return true
  }
  for (let v = 0; v < election.votes.length; v++) {
    const vote = election.votes[v] as Vote
    if (vote._tag !== kind)
      problems.push({
        path: `votes[${v}]`,
        message: `expected every vote of one kind, as the first (${kind}), got ${vote._tag}`
      })
    const n = entriesOf(vote, index, minScore, rankingPoints, v, stamp, scratch, problems)
    let hash = (0x811c9dc5 ^ n) | 0
    for (let i = 0; i < n; i++) {
      hash = Math.imul(hash ^ (scratch.cands[i] as number), 0x01000193)
      hash = Math.imul(hash ^ ((scratch.weights[i] as number) * 1000003), 0x01000193)
    }
    hash &= 0x3fffffff // a small integer key keeps the map fast
    let g = buckets.get(hash)
    while (g !== undefined && g >= 0 && !sameAs(g, n)) g = nextInBucket[g]
    if (g === undefined || g < 0) {
      g = multList.length
      for (let i = 0; i < n; i++) {
        flatC.push(scratch.cands[i] as number)
        flatW.push(scratch.weights[i] as number)
      }
      groupAt.push(flatC.length)
      multList.push(0)
      nextInBucket.push(buckets.get(hash) ?? -1)
      buckets.set(hash, g)
    }
    multList[g] = (multList[g] as number) + 1
    groupOf[v] = g
  }
  if (problems.length > 0) return { problems }

  const counts = new Int32Array(m + 1)
  for (const c of flatC) counts[c + 1] = (counts[c + 1] as number) + 1
  const start = new Int32Array(m + 1)
  for (let c = 0; c < m; c++) start[c + 1] = (start[c] as number) + (counts[c + 1] as number)
  const fill = start.slice(0, m)
  const group = new Int32Array(start[m] as number)
  const weight = new Float64Array(start[m] as number)
  const mult = Float64Array.from(multList)
  const supporters = new Float64Array(m)
  for (let g = 0; g < multList.length; g++)
    for (let i = groupAt[g] as number; i < (groupAt[g + 1] as number); i++) {
      const c = flatC[i] as number
      const at = fill[c] as number
      group[at] = g
      weight[at] = flatW[i] as number
      fill[c] = at + 1
      supporters[c] = (supporters[c] as number) + (mult[g] as number)
    }
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

/**
 * Splits the ballot groups of a profile so that voters in one group also share `key` (their carried
 * balance): the carried methods give each voter their own money or load, and merged voters must
 * start equal. Voters with the same ballot and the same key still share a group.
 */
export const splitBy = (profile: Profile, key: ArrayLike<number>): Profile => {
  const oldGroups = profile.mult.length
  // Per old group, the new groups made from it with their keys (few keys per group in practice).
  const made: Array<Array<{ key: number; group: number }>> = Array.from({ length: oldGroups }, () => [])
  const multList: Array<number> = []
  const groupOf = new Int32Array(profile.groupOf.length)
  for (let v = 0; v < profile.groupOf.length; v++) {
    const g = profile.groupOf[v] as number
    const k = key[v] ?? 0
    const list = made[g] as Array<{ key: number; group: number }>
    let found = -1
    for (const entry of list)
      if (entry.key === k) {
        found = entry.group
        break
      }
    if (found < 0) {
      found = multList.length
      multList.push(0)
      list.push({ key: k, group: found })
    }
    multList[found] = (multList[found] as number) + 1
    groupOf[v] = found
  }
  if (multList.length === oldGroups) {
    // Nothing split: only the numbering may differ, so keep the old profile's arrays.
    let same = true
    for (let g = 0; g < oldGroups && same; g++) if ((made[g] as Array<{ group: number }>)[0]?.group !== g) same = false
    if (same) return profile
  }
  const entries = profile.start[profile.m] as number
  let size = 0
  for (let k = 0; k < entries; k++) size += (made[profile.group[k] as number] as Array<unknown>).length
  const start = new Int32Array(profile.m + 1)
  const group = new Int32Array(size)
  const weight = new Float64Array(size)
  let at = 0
  for (let c = 0; c < profile.m; c++) {
    start[c] = at
    for (let k = profile.start[c] as number; k < (profile.start[c + 1] as number); k++)
      for (const entry of made[profile.group[k] as number] as Array<{ group: number }>) {
        group[at] = entry.group
        weight[at] = profile.weight[k] as number
        at++
      }
  }
  start[profile.m] = at
  return { ...profile, mult: Float64Array.from(multList), groupOf, start, group, weight }
}
