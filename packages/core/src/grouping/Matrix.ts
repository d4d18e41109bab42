/**
 * Compiles a grouping request into the pairwise score matrix the search works on: soft criteria
 * (diversity of organisation and programme, shared interests, earlier rounds with decay) as
 * weighted scores, hard rules (at most one per organisation or programme, never again together,
 * must-apart, must-together) as a weight larger than all soft scores together, so the search
 * meets every hard rule it can before it looks at the soft ones.
 *
 * The matrix is built row by row from integer codes (organisations and programmes as numbers,
 * interests as bit sets, earlier rounds as a sparse correction), and stops at a deadline when one
 * is given, so a call with a time limit never waits for the whole O(n²) build (decision 0017).
 *
 * @since 0.1.0
 */
import type { Request } from "./Input.js"
import { defaultPolicy } from "./Input.js"
import { codes } from "./internal/codes.js"

/**
 * Hard rule codes in {@link Compiled.hard}: 0 none, 1 organisation, 2 programme, 3 history,
 * 4 must-apart (all "apart"), 5 must-together.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * // Which pairs of a request are kept apart because they share an organisation.
 * declare const request: Grouping.Input.Request
 * const compiled = Grouping.Matrix.build(request)
 * const apart: Array<[number, number]> = []
 * for (let i = 0; i < compiled.n; i++)
 *   for (let j = i + 1; j < compiled.n; j++)
 *     if (compiled.hard[i * compiled.n + j] === Grouping.Matrix.HardCode.organisation) apart.push([i, j])
 * ```
 * @since 0.1.0
 */
export const HardCode = { none: 0, organisation: 1, programme: 2, history: 3, mustApart: 4, mustTogether: 5 } as const

/**
 * The compiled request: `soft[i * n + j]` the soft score of a pair, `hard[i * n + j]` its hard
 * rule code, `score` the matrix the search maximises, `hardWeight` the weight of one hard rule.
 *
 * @since 0.1.0
 */
export interface Compiled {
  readonly n: number
  /** The soft scores, computed from `score` and `hard` when first read. */
  readonly soft: Float64Array
  readonly hard: Int8Array
  readonly score: Float64Array
  readonly hardWeight: number
  /** The must-together pairs (their cells in `hard` keep any "apart" rule that contradicts them). */
  readonly together: ReadonlyArray<readonly [number, number]>
  /**
   * `metAgo[i * n + j]`: rounds since the pair last met (1 = last round), 0 if never; made when
   * first read (n² numbers): {@link agoOf} answers the same for one pair without it.
   */
  readonly metAgo: Int32Array
  /** Rounds since `i` and `j` last met (1 = last round), 0 if never. */
  readonly agoOf: (i: number, j: number) => number
  /**
   * False when the build stopped at its deadline: then only the first `rows` rows of `score` and
   * `hard` are filled (and both are empty when the build saw from its first rows that it could not
   * finish in time); {@link hardOf} still answers for every pair.
   */
  readonly complete: boolean
  /** The rows of `score` and `hard` that are filled (`n` when complete). */
  readonly rows: number
  /** The hard rule code of a pair, computed from the request (also when the build is incomplete). */
  readonly hardOf: (i: number, j: number) => number
}

/**
 * When {@link build} must stop: a deadline on a clock (milliseconds, as `performance.now`).
 *
 * @since 0.1.0
 */
export interface BuildBudget {
  readonly deadline: number
  readonly clock: () => number
  /**
   * Whether to time a few rows first and not build at all when the whole would not be ready in
   * time (the default); without it the build starts at once and stops at the deadline.
   */
  readonly probe?: boolean
}

const pairCount = (counts: Map<number, number> | Array<number>): number => {
  let total = 0
  for (const c of counts.values()) total += c * (c - 1)
  return total
}

const popcount = (x: number): number => {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number
}

/**
 * Builds the matrices of a request. With a `budget`, the build stops at its deadline and says so
 * (`complete: false`).
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * const { score } = Grouping.Matrix.build(request)
 * ```
 * @since 0.1.0
 */
export const build = (
  request: Request,
  extraHistory: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>> = [],
  budget?: BuildBudget
): Compiled => {
  const members = request.members
  const n = members.length
  const index = new Map<string, number>(members.map((m, i) => [m.id, i]))
  const policy = { ...defaultPolicy, ...request.policy }
  // rounds since a pair last met, by `min · n + max` (sparse: only pairs that met)
  const ago = new Map<number, number>()
  const together: Array<readonly [number, number]> = []

  // earlier rounds: a sparse list of pairs with the rounds since they last met and their decay
  const history = [...(request.history ?? []), ...extraHistory]
  const decayOf = new Map<number, number>()
  history.forEach((round, at) => {
    const roundsAgo = history.length - at
    const factor = policy.history.mode === "soft" ? policy.history.weight * policy.history.decay ** (roundsAgo - 1) : 0
    for (const group of round) {
      const ids = group.map((id) => index.get(id)).filter((i): i is number => i !== undefined)
      for (let a = 0; a < ids.length; a++)
        for (let b = a + 1; b < ids.length; b++) {
          const i = Math.min(ids[a] as number, ids[b] as number)
          const j = Math.max(ids[a] as number, ids[b] as number)
          if (i === j) continue
          const before = ago.get(i * n + j)
          if (before === undefined || before > roundsAgo) ago.set(i * n + j, roundsAgo)
          decayOf.set(i * n + j, (decayOf.get(i * n + j) ?? 0) + factor)
        }
    }
  })

  const org = codes(members.map((m) => m.organisation)).of
  const prog = codes(members.map((m) => m.programme)).of
  const interestIndex = new Map<string, number>()
  for (const m of members)
    for (const t of m.interests) if (!interestIndex.has(t)) interestIndex.set(t, interestIndex.size)
  const words = Math.max(1, Math.ceil(interestIndex.size / 32))
  const bits = new Uint32Array(n * words)
  members.forEach((m, i) => {
    for (const t of new Set(m.interests)) {
      const b = interestIndex.get(t) as number
      bits[i * words + (b >>> 5)] = (bits[i * words + (b >>> 5)] as number) | (1 << (b & 31))
    }
  })

  const orgMode = policy.organisation.mode
  const progMode = policy.programme.mode
  const historyHard = policy.history.mode === "hard"
  const wOrg = orgMode === "soft" ? policy.organisation.weight : 0
  const wProg = progMode === "soft" ? policy.programme.weight : 0
  const wInt = policy.interests.weight

  // The hard weight: 1 + a bound on Σ|soft| over ordered pairs, from counts (no O(n²) pass), so
  // one broken hard rule still outweighs every soft score together (decision 0010).
  const count = (code: Int32Array) => {
    const m = new Map<number, number>()
    for (const c of code) m.set(c, (m.get(c) ?? 0) + 1)
    return m
  }
  const perInterest = new Array<number>(interestIndex.size).fill(0)
  for (const m of members)
    for (const t of new Set(m.interests)) {
      const b = interestIndex.get(t) as number
      perInterest[b] = (perInterest[b] as number) + 1
    }
  let bound = Math.abs(wOrg) * pairCount(count(org)) + Math.abs(wProg) * pairCount(count(prog))
  bound += Math.abs(wInt) * pairCount(perInterest)
  for (const d of decayOf.values()) bound += 2 * Math.abs(d)
  const hardWeight = 1 + bound

  const apartPairs = new Set<number>()
  const togetherPairs = new Set<number>()
  for (const [a, b] of request.mustApart ?? []) {
    const i = index.get(a)
    const j = index.get(b)
    if (i !== undefined && j !== undefined && i !== j) apartPairs.add(Math.min(i, j) * n + Math.max(i, j))
  }
  for (const [a, b] of request.mustTogether ?? []) {
    const i = index.get(a)
    const j = index.get(b)
    if (i === undefined || j === undefined) continue
    together.push([i, j])
    if (i !== j) togetherPairs.add(Math.min(i, j) * n + Math.max(i, j))
  }

  // the hard rule of a pair from the request (the cells of `hard` hold the same codes)
  const hardOf = (i0: number, j0: number): number => {
    if (i0 === j0) return HardCode.none
    const i = Math.min(i0, j0)
    const j = Math.max(i0, j0)
    const key = i * n + j
    let code: number = HardCode.none
    if (org[i] === org[j] && orgMode === "hard") code = HardCode.organisation
    if (prog[i] === prog[j] && progMode === "hard") code = HardCode.programme
    if (historyHard && ago.has(key)) code = HardCode.history
    if (apartPairs.has(key)) code = HardCode.mustApart
    if (code === HardCode.none && togetherPairs.has(key)) code = HardCode.mustTogether
    return code
  }

  // one row, computed whole (sequential writes) into `out` / `codes` from `at`
  const fillRow = (i: number, out: Float64Array, codesOut: Int8Array, at: number): void => {
    const oi = org[i] as number
    const pi = prog[i] as number
    const bi = i * words
    for (let j = 0; j < n; j++) {
      if (j === i) {
        out[at + j] = 0
        codesOut[at + j] = 0
        continue
      }
      let v = 0
      let h = 0
      if (org[j] === oi) {
        v -= wOrg
        if (orgMode === "hard") h = HardCode.organisation
      }
      if (prog[j] === pi) {
        v -= wProg
        if (progMode === "hard") h = HardCode.programme
      }
      if (wInt !== 0) {
        const bj = j * words
        let shared = 0
        for (let w = 0; w < words; w++) {
          const x = (bits[bi + w] as number) & (bits[bj + w] as number)
          if (x !== 0) shared += popcount(x)
        }
        v += wInt * shared
      }
      out[at + j] = h === 0 ? v : v - hardWeight
      codesOut[at + j] = h
    }
  }
  // With a deadline, a few rows are timed first: when the whole matrix would not be ready in
  // time, it is not built at all (the caller then groups without it), so a large community never
  // waits for memory it cannot fill.
  const rowsPerCheck = Math.max(1, Math.floor(20_000 / Math.max(1, n)))
  let affordable = true
  // The probe runs until the clock has moved by 1 ms or an eighth of the rows are done: a clock
  // read at coarse steps (a CPU clock read once per millisecond) showed a probe of 20 000 cells
  // as taking 0 or 1 ms, so a build that could not finish was started, or one that could was not.
  if (budget !== undefined && budget.probe !== false && n > 0) {
    const scratch = new Float64Array(n)
    const scratchCodes = new Int8Array(n)
    const probeStart = budget.clock()
    const most = Math.max(1, Math.ceil(n / 8))
    let probeRows = 0
    let elapsed = 0
    while (probeRows < most && elapsed < 1) {
      for (let r = 0; r < rowsPerCheck && probeRows < most; r++, probeRows++)
        fillRow(probeRows, scratch, scratchCodes, 0)
      elapsed = budget.clock() - probeStart
    }
    const perRow = elapsed / probeRows
    affordable = budget.clock() + perRow * (n - probeRows) * 1.5 < budget.deadline
  }
  const score = affordable ? new Float64Array(n * n) : new Float64Array(0)
  const hard = affordable ? new Int8Array(n * n) : new Int8Array(0)
  let rows = 0
  if (affordable)
    for (let i = 0; i < n; i++) {
      if (budget !== undefined && i % rowsPerCheck === 0 && budget.clock() >= budget.deadline) break
      fillRow(i, score, hard, i * n)
      rows++
    }
  // the sparse corrections: earlier rounds, must-apart, must-together
  const correct = (i: number, j: number, code: number, delta: number) => {
    for (let side = 0; side < 2; side++) {
      const a = side === 0 ? i : j
      const b = side === 0 ? j : i
      if (a >= rows) continue
      const cell = a * n + b
      const before = hard[cell] as number
      const softValue =
        (score[cell] as number) + (before === 0 ? 0 : before === HardCode.mustTogether ? -hardWeight : hardWeight)
      hard[cell] = code
      score[cell] = softValue + delta + (code === 0 ? 0 : code === HardCode.mustTogether ? hardWeight : -hardWeight)
    }
  }
  for (const [key, decay] of decayOf) {
    const i = Math.floor(key / n)
    const j = key % n
    correct(i, j, hardOf(i, j), policy.history.mode === "soft" ? -decay : 0)
  }
  for (const key of apartPairs) correct(Math.floor(key / n), key % n, hardOf(Math.floor(key / n), key % n), 0)
  for (const key of togetherPairs) correct(Math.floor(key / n), key % n, hardOf(Math.floor(key / n), key % n), 0)

  let soft: Float64Array | undefined
  let metAgo: Int32Array | undefined
  const agoOf = (i: number, j: number): number => (i === j ? 0 : (ago.get(Math.min(i, j) * n + Math.max(i, j)) ?? 0))
  return {
    n,
    get soft(): Float64Array {
      if (soft === undefined) {
        soft = new Float64Array(n * n)
        for (let k = 0; k < rows * n; k++) {
          const h = hard[k] as number
          soft[k] = (score[k] as number) + (h === 0 ? 0 : h === HardCode.mustTogether ? -hardWeight : hardWeight)
        }
      }
      return soft
    },
    hard,
    score,
    hardWeight,
    together,
    get metAgo(): Int32Array {
      if (metAgo === undefined) {
        metAgo = new Int32Array(n * n)
        for (const [key, rounds] of ago) {
          const i = Math.floor(key / n)
          const j = key % n
          metAgo[i * n + j] = rounds
          metAgo[j * n + i] = rounds
        }
      }
      return metAgo
    },
    agoOf,
    complete: rows === n,
    rows,
    hardOf
  }
}
