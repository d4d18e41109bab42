/**
 * Wishes across rounds: a member may ask to be grouped with a colleague, and every member wishes
 * to share an interest with someone in their group. A wish that was not met is remembered as data
 * ({@link Input.UnmetWish}, returned with the groups), and passed to the next round as `lostOut`: that
 * round weighs the wishes of those members more (their shared interests and requested colleagues
 * count `1 + boost` times), and their explanation says so. This is the policy and score side only:
 * it adjusts the compiled score matrix before the search and keeps the hard rules dominant, in the
 * spirit of Good-Enough Golfers' and anticlust's weighted history (decision record 0029).
 *
 * @since 0.2.0
 */
import type { Language } from "../domain/Language.js"
import { defaultPolicy, type Request, type UnmetWish } from "./Input.js"
import * as Interests from "./internal/interests.js"
import type { Compiled } from "./Matrix.js"
import * as Texts from "./Texts.js"

/**
 * Adds the wishes to a compiled request: per pair, the requested-colleague weight and, for members
 * who lost out last round, `boost` times their shared-interest score and wishes again. The weight of
 * a hard rule is raised to stay above all soft scores together, so no wish can break a hard rule.
 * Returns the compiled request unchanged when there are no wishes and nobody lost out.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * const compiled = Grouping.Wishes.adjust(Grouping.Matrix.build(request), request)
 * ```
 * @since 0.2.0
 */
export const adjust = (compiled: Compiled, request: Request): Compiled => {
  const wishes = request.wishes ?? []
  const lostOut = request.lostOut ?? []
  if (wishes.length === 0 && lostOut.length === 0) return compiled
  const { n } = compiled
  const members = request.members
  const index = new Map<string, number>(members.map((m, i) => [m.id, i]))
  const policy = { ...defaultPolicy, ...request.policy }
  const { weight, boost } = policy.wishes
  const interestWeight = policy.interests.weight
  const lost = new Uint8Array(n)
  for (const w of lostOut) {
    const i = index.get(w.memberId)
    if (i !== undefined) lost[i] = 1
  }
  const bonus = new Float64Array(n * n)
  const add = (i: number, j: number, x: number) => {
    bonus[i * n + j] = (bonus[i * n + j] as number) + x
    bonus[j * n + i] = (bonus[j * n + i] as number) + x
  }
  for (const w of wishes) {
    const i = index.get(w.memberId)
    const j = index.get(w.colleagueId)
    if (i !== undefined && j !== undefined && i !== j) add(i, j, weight * (1 + boost * (lost[i] as number)))
  }
  const interests = members.map((m) => new Set(m.interests))
  for (let i = 0; i < n; i++) {
    if (lost[i] !== 1) continue
    for (let j = 0; j < n; j++) {
      if (j === i) continue
      let shared = 0
      for (const t of interests[j] as Set<string>) if ((interests[i] as Set<string>).has(t)) shared++
      if (shared > 0) add(i, j, boost * interestWeight * shared)
    }
  }
  const soft = new Float64Array(n * n)
  let total = 0
  for (let k = 0; k < soft.length; k++) {
    soft[k] = (compiled.soft[k] as number) + (bonus[k] as number)
    total += Math.abs(soft[k] as number)
  }
  // The sign of each cell's hard part (−1 apart, +1 together, 0 none) from the compiled matrices,
  // so the hard weight can be raised without restating the rules.
  const hardWeight = Math.max(compiled.hardWeight, 1 + total)
  const score = new Float64Array(n * n)
  for (let k = 0; k < soft.length; k++) {
    const sign = Math.round(((compiled.score[k] as number) - (compiled.soft[k] as number)) / compiled.hardWeight)
    score[k] = (soft[k] as number) + sign * hardWeight
  }
  return { ...compiled, soft, score, hardWeight }
}

/**
 * The wishes a grouping did not meet, to remember for the next round (pass them as `lostOut`).
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * declare const groups: ReadonlyArray<ReadonlyArray<string>>
 * const remember = Grouping.Wishes.unmet(request, groups)
 * ```
 * @since 0.2.0
 */
export const unmet = (request: Request, groups: ReadonlyArray<ReadonlyArray<string>>): Array<UnmetWish> => {
  const members = request.members
  const n = members.length
  const groupOf = new Map<string, number>()
  groups.forEach((g, k) => {
    for (const id of g) groupOf.set(id, k)
  })
  // per group, how many of its members hold each interest (as codes, decision 0146): a member
  // shares an interest when one of theirs is held by someone else in the group
  const index = new Map<string, number>()
  for (let i = 0; i < n; i++) index.set((members[i] as Request["members"][number]).id, i)
  const { start, codes, names } = Interests.encode(members)
  const held = new Int32Array(names.length)
  const countedIn = new Int32Array(n).fill(-1)
  const inGroup: Array<number> = []
  const shares = new Uint8Array(n)
  groups.forEach((g, k) => {
    inGroup.length = 0
    for (const id of g) {
      const i = index.get(id)
      if (i === undefined || countedIn[i] === k) continue
      countedIn[i] = k
      inGroup.push(i)
      for (let x = start[i] as number; x < (start[i + 1] as number); x++)
        held[codes[x] as number] = (held[codes[x] as number] as number) + 1
    }
    for (const i of inGroup) {
      if (groupOf.get((members[i] as Request["members"][number]).id) !== k) continue
      for (let x = start[i] as number; x < (start[i + 1] as number); x++)
        if ((held[codes[x] as number] as number) > 1) shares[i] = 1
    }
    for (const i of inGroup)
      for (let x = start[i] as number; x < (start[i + 1] as number); x++) held[codes[x] as number] = 0
  })
  const result: Array<UnmetWish> = []
  for (let i = 0; i < n; i++) {
    const m = members[i] as Request["members"][number]
    if (m.interests.length > 0 && shares[i] === 0) result.push({ _tag: "InterestNotShared", memberId: m.id })
  }
  for (const w of request.wishes ?? [])
    if (groupOf.get(w.memberId) !== groupOf.get(w.colleagueId))
      result.push({ _tag: "ColleagueNotPlaced", memberId: w.memberId, colleagueId: w.colleagueId })
  return result
}

/**
 * The sentence parts about wishes for each member: that they went first after losing out, and
 * which requested colleagues are or are not in their group. Empty for a member without either.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * declare const groups: ReadonlyArray<ReadonlyArray<string>>
 * const parts = Grouping.Wishes.explain(request, groups, "en")
 * ```
 * @since 0.2.0
 */
export const explain = (
  request: Request,
  groups: ReadonlyArray<ReadonlyArray<string>>,
  language: Language
): Map<string, Array<string>> => {
  const parts = new Map<string, Array<string>>()
  if ((request.lostOut ?? []).length === 0 && (request.wishes ?? []).length === 0) return parts
  const names = new Map(request.members.map((m) => [m.id as string, m.name ?? m.id]))
  const name = (id: string) => names.get(id) ?? id
  const groupOf = new Map<string, number>()
  groups.forEach((g, k) => {
    for (const id of g) groupOf.set(id, k)
  })
  const push = (id: string, text: string) => parts.set(id, [...(parts.get(id) ?? []), text])
  const lostBy = new Map<string, Array<Texts.LostOut>>()
  for (const w of request.lostOut ?? [])
    lostBy.set(w.memberId, [
      ...(lostBy.get(w.memberId) ?? []),
      w._tag === "InterestNotShared" ? w : { _tag: "ColleagueNotPlaced", colleague: name(w.colleagueId) }
    ])
  for (const [id, lost] of lostBy) push(id, Texts.lostOut(language, lost))
  const asked = new Map<string, { placed: Array<string>; missed: Array<string> }>()
  for (const w of request.wishes ?? []) {
    const entry = asked.get(w.memberId) ?? { placed: [], missed: [] }
    ;(groupOf.get(w.memberId) === groupOf.get(w.colleagueId) ? entry.placed : entry.missed).push(name(w.colleagueId))
    asked.set(w.memberId, entry)
  }
  for (const [id, { placed, missed }] of asked) push(id, Texts.colleagues(language, placed, missed))
  return parts
}

/**
 * A grouping with its wishes accounted for: the unmet wishes to remember, and each member's
 * explanation completed with the parts about their wishes.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * declare const grouping: Grouping.Form.Grouping
 * const completed = Grouping.Wishes.complete(grouping, request, "nl")
 * ```
 * @since 0.2.0
 */
export const complete = <G extends Grouped>(grouping: G, request: Request, language: Language): G => {
  const groups = grouping.groups.map((g) => g.memberIds)
  const parts = explain(request, groups, language)
  return {
    ...grouping,
    wishesUnmet: unmet(request, groups),
    explanations:
      parts.size === 0
        ? grouping.explanations
        : grouping.explanations.map((e) => {
            const extra = parts.get(e.memberId)
            return extra === undefined ? e : { ...e, text: Texts.sentence([e.text, ...extra]) }
          })
  }
}

/** What {@link complete} reads and writes of a grouping. @inline */
interface Grouped {
  readonly groups: ReadonlyArray<{ readonly memberIds: ReadonlyArray<string> }>
  readonly explanations: ReadonlyArray<{ readonly memberId: string; readonly group: number; readonly text: string }>
  readonly wishesUnmet?: ReadonlyArray<UnmetWish>
}
