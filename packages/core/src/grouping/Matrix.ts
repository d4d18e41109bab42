/**
 * Compiles a grouping request into the pairwise score matrix the search works on: soft criteria
 * (diversity of organisation and programme, shared interests, earlier rounds with decay) as
 * weighted scores, hard rules (at most one per organisation or programme, never again together,
 * must-apart, must-together) as a weight larger than all soft scores together, so the search
 * meets every hard rule it can before it looks at the soft ones.
 *
 * @since 0.1.0
 */
import type { Request } from "./Input.js"
import { defaultPolicy } from "./Input.js"

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
  readonly soft: Float64Array
  readonly hard: Int8Array
  readonly score: Float64Array
  readonly hardWeight: number
  /** The must-together pairs (their cells in `hard` keep any "apart" rule that contradicts them). */
  readonly together: ReadonlyArray<readonly [number, number]>
  /** `metAgo[i * n + j]`: rounds since the pair last met (1 = last round), 0 if never. */
  readonly metAgo: Int32Array
}

/**
 * Builds the matrices of a request.
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
  extraHistory: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>> = []
): Compiled => {
  const members = request.members
  const n = members.length
  const index = new Map<string, number>(members.map((m, i) => [m.id, i]))
  const policy = { ...defaultPolicy, ...request.policy }
  const soft = new Float64Array(n * n)
  const hard = new Int8Array(n * n)
  const metAgo = new Int32Array(n * n)
  const together: Array<readonly [number, number]> = []
  const setHard = (i: number, j: number, code: number) => {
    hard[i * n + j] = code
    hard[j * n + i] = code
  }

  const history = [...(request.history ?? []), ...extraHistory]
  const decayWeight = new Float64Array(n * n)
  history.forEach((round, at) => {
    const ago = history.length - at
    const factor = policy.history.mode === "soft" ? policy.history.weight * policy.history.decay ** (ago - 1) : 0
    for (const group of round) {
      const ids = group.map((id) => index.get(id)).filter((i): i is number => i !== undefined)
      for (let a = 0; a < ids.length; a++)
        for (let b = a + 1; b < ids.length; b++) {
          const i = ids[a] as number
          const j = ids[b] as number
          if (metAgo[i * n + j] === 0 || (metAgo[i * n + j] as number) > ago) {
            metAgo[i * n + j] = ago
            metAgo[j * n + i] = ago
          }
          decayWeight[i * n + j] = (decayWeight[i * n + j] as number) + factor
          decayWeight[j * n + i] = (decayWeight[j * n + i] as number) + factor
        }
    }
  })

  const interestSets = members.map((m) => new Set(m.interests))
  for (let i = 0; i < n; i++) {
    const mi = members[i]
    if (mi === undefined) continue
    for (let j = i + 1; j < n; j++) {
      const mj = members[j]
      if (mj === undefined) continue
      let s = 0
      if (mi.organisation === mj.organisation) {
        if (policy.organisation.mode === "soft") s -= policy.organisation.weight
        else if (policy.organisation.mode === "hard") setHard(i, j, HardCode.organisation)
      }
      if (mi.programme === mj.programme) {
        if (policy.programme.mode === "soft") s -= policy.programme.weight
        else if (policy.programme.mode === "hard") setHard(i, j, HardCode.programme)
      }
      let shared = 0
      for (const t of interestSets[j] as Set<string>) if ((interestSets[i] as Set<string>).has(t)) shared++
      s += policy.interests.weight * shared
      if (metAgo[i * n + j] !== 0) {
        if (policy.history.mode === "soft") s -= decayWeight[i * n + j] as number
        else setHard(i, j, HardCode.history)
      }
      soft[i * n + j] = s
      soft[j * n + i] = s
    }
  }
  for (const [a, b] of request.mustApart ?? []) {
    const i = index.get(a)
    const j = index.get(b)
    if (i !== undefined && j !== undefined) setHard(i, j, HardCode.mustApart)
  }
  for (const [a, b] of request.mustTogether ?? []) {
    const i = index.get(a)
    const j = index.get(b)
    if (i === undefined || j === undefined) continue
    together.push([i, j])
    if (hard[i * n + j] === HardCode.none) {
      hard[i * n + j] = HardCode.mustTogether
      hard[j * n + i] = HardCode.mustTogether
    }
  }
  let total = 0
  for (let k = 0; k < soft.length; k++) total += Math.abs(soft[k] as number)
  const hardWeight = 1 + total
  const score = new Float64Array(n * n)
  for (let k = 0; k < soft.length; k++) {
    const h = hard[k] as number
    score[k] = (soft[k] as number) + (h === 0 ? 0 : h === HardCode.mustTogether ? hardWeight : -hardWeight)
  }
  return { n, soft, hard, score, hardWeight, together, metAgo }
}
