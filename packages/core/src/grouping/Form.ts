/**
 * Forms the learning groups of a round, or plans several rounds at once: checks that the hard
 * constraints can be met (or returns a {@link GroupingInfeasible} naming the rule and the people),
 * compiles the policy into a score matrix ({@link Matrix.build}), runs the search
 * ({@link Search.solve} for one round, {@link Rotation.solve} for a rotation), assigns
 * facilitators, and reports the objective per group and criterion, the soft constraints that were
 * not met and a short explanation per member.
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import type { Language } from "../domain/Language.js"
import * as Facilitators from "./Facilitators.js"
import { GroupingInfeasible } from "./Infeasible.js"
import type { Request, UnmetWish } from "./Input.js"
import { defaultPolicy } from "./Input.js"
import * as Matrix from "./Matrix.js"
import * as Rotation from "./Rotation.js"
import * as Search from "./Search.js"
import * as Texts from "./Texts.js"
import * as Wishes from "./Wishes.js"

/**
 * Options: the seed, the budget (see {@link Search.Budget}) and the language of texts.
 *
 * @since 0.1.0
 */
export interface Options extends Search.Budget {
  readonly seed: number
  /** Dutch (`"nl"`, the default) or English. */
  readonly language?: Language
}

/**
 * The contribution of each criterion (positive is good): diversity of organisation and programme
 * (minus the weights of pairs who share one), shared interests, earlier rounds (minus the decayed
 * weights of pairs who met before).
 *
 * @since 0.1.0
 */
export interface Criteria {
  readonly organisation: number
  readonly programme: number
  readonly interests: number
  readonly history: number
}

/**
 * A soft constraint that was not met in a group.
 *
 * @since 0.1.0
 */
export type Unmet =
  | {
      readonly _tag: "SameOrganisation" | "SameProgramme"
      readonly group: number
      readonly memberIds: readonly [string, string]
      readonly value: string
      readonly text: string
    }
  | {
      readonly _tag: "MetBefore"
      readonly group: number
      readonly memberIds: readonly [string, string]
      readonly roundsAgo: number
      readonly text: string
    }

/**
 * One group: its members, its facilitator, its score and the score per criterion.
 *
 * @since 0.1.0
 */
export interface Group {
  readonly index: number
  readonly memberIds: ReadonlyArray<string>
  readonly facilitatorId: string | undefined
  readonly score: number
  readonly criteria: Criteria
}

/**
 * The groups of a round with the objective (the sum of the group scores), its breakdown per
 * criterion, the unmet soft constraints and one explanation per member.
 *
 * @since 0.1.0
 */
export interface Grouping {
  readonly groups: ReadonlyArray<Group>
  readonly objective: number
  readonly criteria: Criteria
  readonly unmet: ReadonlyArray<Unmet>
  readonly explanations: ReadonlyArray<{ readonly memberId: string; readonly group: number; readonly text: string }>
  /** The search iterations used. */
  readonly iterations: number
  /** The wishes this round did not meet, to pass as `lostOut` to the next round (set by {@link form}). */
  readonly wishesUnmet?: ReadonlyArray<UnmetWish>
}

/**
 * A rotation: the groupings of the planned rounds and the pairs that meet more than once in them.
 *
 * @since 0.1.0
 */
export interface Plan {
  readonly rounds: ReadonlyArray<Grouping>
  readonly repeatedPairs: ReadonlyArray<{ readonly memberIds: readonly [string, string]; readonly times: number }>
  readonly iterations: number
}

/**
 * The group sizes a request allows: for every group, its smallest and largest size.
 *
 * @since 0.1.0
 */
export interface Shape {
  readonly minSizes: ReadonlyArray<number>
  readonly maxSizes: ReadonlyArray<number>
}

const fail = (
  language: Language,
  constraint: GroupingInfeasible["constraint"],
  reason: Texts.Reason,
  memberIds: ReadonlyArray<string>,
  facilitatorIds: ReadonlyArray<string> = []
) =>
  Either.left(
    new GroupingInfeasible({ constraint, memberIds, facilitatorIds, detail: Texts.infeasible(language, reason) })
  )

/**
 * The group shape of a request: how many groups and the size bounds of each (as even as possible
 * within the bounds), or why there is none.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * Grouping.Form.shape(request, "nl")
 * ```
 * @since 0.1.0
 */
export const shape = (request: Request, language: Language = "nl"): Either.Either<Shape, GroupingInfeasible> => {
  const n = request.members.length
  const ids = request.members.map((m) => m.id)
  if (request.size.groups !== undefined) {
    const G = request.size.groups
    if (G > n) return fail(language, "sizes", { _tag: "TooManyGroups", members: n, groups: G }, ids)
    const lo = Math.floor(n / G)
    const hi = Math.ceil(n / G)
    return Either.right({ minSizes: new Array(G).fill(lo), maxSizes: new Array(G).fill(hi) })
  }
  const min = request.size.min ?? 1
  const max = request.size.max ?? Math.max(1, n)
  const G = Math.max(1, Math.ceil(n / max))
  if (n === 0 || G * min > n) return fail(language, "sizes", { _tag: "Sizes", members: n, min, max }, ids)
  const lo = Math.max(min, Math.floor(n / G))
  const hi = Math.min(max, Math.ceil(n / G))
  return Either.right({ minSizes: new Array(G).fill(lo), maxSizes: new Array(G).fill(hi) })
}

const ruleOf = (code: number): Texts.HardRule =>
  code === Matrix.HardCode.organisation
    ? "organisation"
    : code === Matrix.HardCode.programme
      ? "programme"
      : code === Matrix.HardCode.history
        ? "history"
        : code === Matrix.HardCode.mustTogether
          ? "must-together"
          : "must-apart"

const nameOf = (request: Request) => {
  const names = new Map(request.members.map((m) => [m.id as string, m.name ?? m.id]))
  return (id: string) => names.get(id) ?? id
}

/** Checks what can be seen before searching; returns the fixed group per member. */
const precheck = (
  request: Request,
  compiled: Matrix.Compiled,
  shape: Shape,
  language: Language,
  useFixed: boolean
): Either.Either<Int32Array, GroupingInfeasible> => {
  const { n, hard } = compiled
  const G = shape.minSizes.length
  const members = request.members
  const name = nameOf(request)
  const maxSize = Math.max(...shape.maxSizes)
  const policy = { ...defaultPolicy, ...request.policy }
  for (const rule of ["organisation", "programme"] as const) {
    if (policy[rule].mode !== "hard") continue
    const byValue = new Map<string, Array<string>>()
    for (const m of members) byValue.set(m[rule], [...(byValue.get(m[rule]) ?? []), m.id])
    for (const [value, ids] of byValue)
      if (ids.length > G)
        return fail(language, rule, { _tag: "TooManyOfOne", rule, value, count: ids.length, groups: G }, ids)
  }
  // must-together components
  const parent = Int32Array.from({ length: n }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  for (const [i, j] of compiled.together) parent[find(i)] = find(j)
  const components = new Map<number, Array<number>>()
  for (let i = 0; i < n; i++) components.set(find(i), [...(components.get(find(i)) ?? []), i])
  for (const component of components.values()) {
    if (component.length < 2) continue
    const ids = component.map((i) => members[i]?.id ?? "")
    if (component.length > maxSize)
      return fail(language, "must-together", { _tag: "TogetherTooLarge", count: component.length, max: maxSize }, ids)
    for (const i of component)
      for (const j of component) {
        const code = hard[i * n + j] as number
        if (i < j && code !== 0 && code !== Matrix.HardCode.mustTogether) {
          const pair = [members[i]?.id ?? "", members[j]?.id ?? ""]
          return fail(
            language,
            "must-together",
            { _tag: "TogetherButApart", names: pair.map(name), rule: ruleOf(code) },
            pair
          )
        }
      }
  }
  const fixed = new Int32Array(n).fill(-1)
  if (!useFixed) return Either.right(fixed)
  const index = new Map(members.map((m, i) => [m.id as string, i]))
  for (const f of request.fixed ?? []) {
    const i = index.get(f.memberId)
    if (i === undefined) continue
    if (f.group >= G)
      return fail(
        language,
        "fixed",
        { _tag: "FixedGroupMissing", names: [name(f.memberId)], group: f.group, groups: G },
        [f.memberId]
      )
    fixed[i] = f.group
  }
  // a fixed member pulls its whole must-together component into its group
  for (const component of components.values()) {
    const groups = [...new Set(component.map((i) => fixed[i] as number).filter((g) => g >= 0))]
    if (groups.length > 1) {
      const ids = component.filter((i) => (fixed[i] as number) >= 0).map((i) => members[i]?.id ?? "")
      return fail(language, "fixed", { _tag: "FixedApart", names: ids.map(name) }, ids)
    }
    if (groups.length === 1) for (const i of component) fixed[i] = groups[0] as number
  }
  for (let g = 0; g < G; g++) {
    const inG: Array<number> = []
    for (let i = 0; i < n; i++) if (fixed[i] === g) inG.push(i)
    const ids = inG.map((i) => members[i]?.id ?? "")
    if (inG.length > (shape.maxSizes[g] as number))
      return fail(
        language,
        "fixed",
        { _tag: "FixedTooMany", group: g, count: inG.length, max: shape.maxSizes[g] as number },
        ids
      )
    for (const i of inG)
      for (const j of inG) {
        const code = hard[i * n + j] as number
        if (i < j && code !== 0 && code !== Matrix.HardCode.mustTogether) {
          const pair = [members[i]?.id ?? "", members[j]?.id ?? ""]
          return fail(language, ruleOf(code), { _tag: "NotFound", rule: ruleOf(code), names: pair.map(name) }, pair)
        }
      }
  }
  const capacity = (request.facilitators ?? []).reduce((sum, f) => sum + Math.min(f.maxGroups, G), 0)
  if (request.facilitators !== undefined && capacity < G)
    return fail(
      language,
      "facilitators",
      { _tag: "FacilitatorCapacity", capacity, groups: G },
      [],
      request.facilitators.map((f) => f.id)
    )
  return Either.right(fixed)
}

/** The hard rules broken by an assignment, as the first broken pair. */
const brokenHard = (
  compiled: Matrix.Compiled,
  assignment: ArrayLike<number>
): readonly [number, number, number] | undefined => {
  const { n, hard } = compiled
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const code = hard[i * n + j] as number
      if (code === 0) continue
      const together = assignment[i] === assignment[j]
      if (code === Matrix.HardCode.mustTogether ? !together : together) return [i, j, code]
    }
  return undefined
}

const describe = (
  request: Request,
  compiled: Matrix.Compiled,
  assignment: ArrayLike<number>,
  G: number,
  facilitatorOf: ReadonlyArray<number> | undefined,
  language: Language,
  iterations: number,
  history: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>> = request.history ?? []
): Grouping => {
  const { n, metAgo } = compiled
  const members = request.members
  const name = nameOf(request)
  const policy = { ...defaultPolicy, ...request.policy }
  const decay = (ago: number) =>
    policy.history.mode === "soft" ? policy.history.weight * policy.history.decay ** (ago - 1) : 0
  const groupsOf: Array<Array<number>> = Array.from({ length: G }, () => [])
  for (let i = 0; i < n; i++) groupsOf[assignment[i] as number]?.push(i)
  const unmet: Array<Unmet> = []
  const groups = groupsOf.map((idx, g): Group => {
    let organisation = 0
    let programme = 0
    let interests = 0
    let past = 0
    for (let a = 0; a < idx.length; a++)
      for (let b = a + 1; b < idx.length; b++) {
        const i = idx[a] as number
        const j = idx[b] as number
        const mi = members[i]
        const mj = members[j]
        if (mi === undefined || mj === undefined) continue
        const pair = [mi.id, mj.id] as const
        if (mi.organisation === mj.organisation && policy.organisation.mode === "soft") {
          organisation -= policy.organisation.weight
          unmet.push({
            _tag: "SameOrganisation",
            group: g,
            memberIds: pair,
            value: mi.organisation,
            text: Texts.unmet(language, { _tag: "SameOrganisation", value: mi.organisation, names: pair.map(name) })
          })
        }
        if (mi.programme === mj.programme && policy.programme.mode === "soft") {
          programme -= policy.programme.weight
          unmet.push({
            _tag: "SameProgramme",
            group: g,
            memberIds: pair,
            value: mi.programme,
            text: Texts.unmet(language, { _tag: "SameProgramme", value: mi.programme, names: pair.map(name) })
          })
        }
        interests += policy.interests.weight * mi.interests.filter((t) => new Set(mj.interests).has(t)).length
        const ago = metAgo[i * n + j] as number
        if (ago > 0 && policy.history.mode === "soft") {
          history.forEach((round, at) => {
            const roundAgo = history.length - at
            if (round.some((grp) => grp.includes(mi.id) && grp.includes(mj.id))) past -= decay(roundAgo)
          })
          unmet.push({
            _tag: "MetBefore",
            group: g,
            memberIds: pair,
            roundsAgo: ago,
            text: Texts.unmet(language, { _tag: "MetBefore", roundsAgo: ago, names: pair.map(name) })
          })
        }
      }
    const criteria = { organisation, programme, interests: interests, history: past }
    const f = facilitatorOf?.[g]
    return {
      index: g,
      memberIds: idx.map((i) => members[i]?.id ?? ""),
      facilitatorId: f === undefined ? undefined : request.facilitators?.[f]?.id,
      score: organisation + programme + interests + past,
      criteria
    }
  })
  const sum = (key: keyof Criteria) => groups.reduce((s, g) => s + g.criteria[key], 0)
  const explanations = members.map((m, i) => {
    const g = assignment[i] as number
    const others = (groupsOf[g] ?? []).filter((j) => j !== i)
    let bestInterest: string | undefined
    let bestCount = 0
    for (const t of m.interests) {
      const c = others.filter((j) => members[j]?.interests.includes(t)).length
      if (c > bestCount) {
        bestCount = c
        bestInterest = t
      }
    }
    const orgs = new Set([m.organisation, ...others.map((j) => members[j]?.organisation ?? "")]).size
    const before = others.filter((j) => (metAgo[i * n + j] as number) > 0).map((j) => name(members[j]?.id ?? ""))
    return {
      memberId: m.id,
      group: g,
      text: Texts.sentence([
        Texts.sharedInterest(language, bestCount, bestInterest),
        Texts.organisations(language, orgs),
        Texts.metBefore(language, before)
      ])
    }
  })
  const criteria = {
    organisation: sum("organisation"),
    programme: sum("programme"),
    interests: sum("interests"),
    history: sum("history")
  }
  return {
    groups,
    objective: groups.reduce((s, g) => s + g.score, 0),
    criteria,
    unmet,
    explanations,
    iterations
  }
}

const facilitate = (
  request: Request,
  assignment: ArrayLike<number>,
  G: number,
  language: Language
): Either.Either<ReadonlyArray<number> | undefined, GroupingInfeasible> => {
  const facilitators = request.facilitators
  if (facilitators === undefined || facilitators.length === 0) return Either.right(undefined)
  const index = new Map(request.members.map((m, i) => [m.id as string, i]))
  const conflictGroups = facilitators.map(
    (f) => new Set((f.conflicts ?? []).map((id) => assignment[index.get(id) ?? -1]).filter((g) => g !== undefined))
  )
  const result = Facilitators.assign(
    G,
    facilitators.map((f) => f.maxGroups),
    (f, g) => !(conflictGroups[f] as Set<number>).has(g)
  )
  if (result._tag === "Assigned") return Either.right(result.facilitatorOf)
  const g = result.groups[0] ?? 0
  const ids = request.members.filter((_, i) => assignment[i] === g).map((m) => m.id as string)
  const name = nameOf(request)
  return fail(
    language,
    "facilitators",
    { _tag: "FacilitatorConflicts", names: ids.map(name) },
    ids,
    facilitators.map((f) => f.id)
  )
}

/**
 * Forms the groups of one round. The same request, seed and iteration budget give the same
 * groups; `timeLimitMs` limits the whole call (compiling the policy included).
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * const request = Grouping.Input.decode({
 *   members: [
 *     { id: "m-1", organisation: "BZK", programme: "Binnenhof", interests: ["ego's"] },
 *     { id: "m-2", organisation: "LVVN", programme: "Stikstof", interests: ["ego's"] },
 *     { id: "m-3", organisation: "BZK", programme: "Woo", interests: [] },
 *     { id: "m-4", organisation: "JenV", programme: "Oekraïne", interests: [] }
 *   ],
 *   size: { groups: 2 },
 *   policy: { organisation: { mode: "hard" } }
 * })
 * if (Either.isRight(request)) {
 *   const result = Grouping.Form.form(request.right, { seed: 1, iterations: 100 })
 *   if (Either.isRight(result)) for (const g of result.right.groups) console.log(g.memberIds)
 * }
 * ```
 * @since 0.1.0
 */
export const form = (request: Request, options: Options): Either.Either<Grouping, GroupingInfeasible> => {
  const language = options.language ?? "nl"
  const clock = options.clock ?? (() => globalThis.performance.now())
  const started = options.timeLimitMs === undefined ? 0 : clock()
  return Either.gen(function* () {
    const sizes = yield* shape(request, language)
    const compiled = Wishes.adjust(Matrix.build(request), request)
    const fixed = yield* precheck(request, compiled, sizes, language, true)
    // the time limit covers the whole call: what compiling took is not left to the search
    const budget =
      options.timeLimitMs === undefined
        ? options
        : { ...options, timeLimitMs: Math.max(0, options.timeLimitMs - (clock() - started)) }
    const solved = Search.solve(
      {
        size: compiled.n,
        score: compiled.score,
        minSizes: sizes.minSizes,
        maxSizes: sizes.maxSizes,
        fixed: Array.from(fixed)
      },
      budget
    )
    if (Either.isLeft(solved)) {
      const ids = request.members.map((m) => m.id)
      const min = Math.min(...sizes.minSizes)
      const max = Math.max(...sizes.maxSizes)
      return yield* fail(language, "sizes", { _tag: "Sizes", members: ids.length, min, max }, ids)
    }
    const { assignment, iterations } = solved.right
    const broken = brokenHard(compiled, assignment)
    if (broken !== undefined) {
      const [i, j, code] = broken
      const pair = [request.members[i]?.id ?? "", request.members[j]?.id ?? ""]
      const rule = ruleOf(code)
      return yield* fail(language, rule, { _tag: "NotFound", rule, names: pair.map(nameOf(request)) }, pair)
    }
    const G = sizes.minSizes.length
    const facilitatorOf = yield* facilitate(request, assignment, G, language)
    return Wishes.complete(
      describe(request, compiled, assignment, G, facilitatorOf, language, iterations),
      request,
      language
    )
  })
}

/**
 * Plans `rounds` rounds at once (a rotation) with as few repeated pairs as possible, each round
 * also scored by the policy. Group sizes are as even as possible; `fixed` places are not used by
 * a plan, since fixing members to one group in every round contradicts rotating (use
 * {@link form} per round to fix members).
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * const plan = Grouping.Form.plan(request, 3, { seed: 1, iterations: 5000 })
 * if (Either.isRight(plan)) console.log(plan.right.repeatedPairs.length)
 * ```
 * @since 0.1.0
 */
export const plan = (request: Request, rounds: number, options: Options): Either.Either<Plan, GroupingInfeasible> => {
  const language = options.language ?? "nl"
  return Either.gen(function* () {
    const sizes = yield* shape(request, language)
    const compiled = Matrix.build(request)
    yield* precheck(request, compiled, sizes, language, false)
    const n = compiled.n
    const G = sizes.minSizes.length
    const groupSizes = Array.from({ length: G }, (_, g) => Math.floor(n / G) + (g < n % G ? 1 : 0))
    const policy = { ...defaultPolicy, ...request.policy }
    const repeatWeight = policy.history.mode === "soft" ? Math.max(policy.history.weight, 1) : compiled.hardWeight
    const solved = Rotation.solve(
      { size: n, rounds: Math.max(0, Math.floor(rounds)), groupSizes, score: compiled.score, repeatWeight },
      options
    )
    if (Either.isLeft(solved)) {
      const ids = request.members.map((m) => m.id)
      return yield* fail(language, "sizes", { _tag: "TooManyGroups", members: n, groups: G }, ids)
    }
    const planned: Array<Grouping> = []
    const extra: Array<ReadonlyArray<ReadonlyArray<string>>> = []
    for (const assignment of solved.right.rounds) {
      const compiledRound = Matrix.build(request, extra)
      const broken = brokenHard(compiled, assignment)
      if (broken !== undefined) {
        const [i, j, code] = broken
        const pair = [request.members[i]?.id ?? "", request.members[j]?.id ?? ""]
        const rule = ruleOf(code)
        return yield* fail(language, rule, { _tag: "NotFound", rule, names: pair.map(nameOf(request)) }, pair)
      }
      const facilitatorOf = yield* facilitate(request, assignment, G, language)
      const history = [...(request.history ?? []), ...extra]
      planned.push(
        describe(request, compiledRound, assignment, G, facilitatorOf, language, solved.right.iterations, history)
      )
      const groups: Array<Array<string>> = Array.from({ length: G }, () => [])
      assignment.forEach((g, i) => {
        groups[g]?.push(request.members[i]?.id ?? "")
      })
      extra.push(groups)
    }
    const repeatedPairs: Array<{ memberIds: readonly [string, string]; times: number }> = []
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        let times = 0
        for (const round of solved.right.rounds) if (round[i] === round[j]) times++
        if (times > 1)
          repeatedPairs.push({ memberIds: [request.members[i]?.id ?? "", request.members[j]?.id ?? ""], times })
      }
    return { rounds: planned, repeatedPairs, iterations: solved.right.iterations }
  })
}
