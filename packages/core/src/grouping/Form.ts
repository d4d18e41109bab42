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
import * as Blocks from "./internal/blocks.js"
import { describe } from "./internal/describe.js"
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
  /**
   * True when the time limit ran out before the search reached a local optimum (large communities
   * with a short limit): the groups respect the sizes and hard rules, but were not fully improved.
   */
  readonly cutShort?: boolean
  /** When `cutShort`, a sentence saying so, in the request's language. */
  readonly note?: string
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

/**
 * What {@link precheck} checks besides the request: the language of a refusal, and whether the
 * request's fixed places count (`"keep"`, one grouping) or not (`"ignore"`, a rotation, where
 * fixing a member to one group in every round contradicts rotating).
 */
interface PrecheckOptions {
  readonly language: Language
  readonly fixedPlaces: "keep" | "ignore"
}

/** Checks what can be seen before searching; returns the fixed group per member (-1: none). */
const precheck = (
  request: Request,
  compiled: Matrix.Compiled,
  shape: Shape,
  { language, fixedPlaces }: PrecheckOptions
): Either.Either<Int32Array, GroupingInfeasible> => {
  const { n, hardOf } = compiled
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
  const parent = new Int32Array(n)
  for (let i = 0; i < n; i++) parent[i] = i
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  for (const [i, j] of compiled.together) parent[find(i)] = find(j)
  const components = new Map<number, Array<number>>()
  for (const [i] of compiled.together) {
    const root = find(i)
    if (!components.has(root)) components.set(root, [])
  }
  for (let i = 0; i < n; i++) components.get(find(i))?.push(i)
  for (const component of components.values()) {
    if (component.length < 2) continue
    const ids = component.map((i) => members[i]?.id ?? "")
    if (component.length > maxSize)
      return fail(language, "must-together", { _tag: "TogetherTooLarge", count: component.length, max: maxSize }, ids)
    for (const i of component)
      for (const j of component) {
        const code = i < j ? hardOf(i, j) : 0
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
  if (fixedPlaces === "ignore") return Either.right(fixed)
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
  const fixedIn: Array<Array<number>> = Array.from({ length: G }, () => [])
  for (let i = 0; i < n; i++) if ((fixed[i] as number) >= 0) fixedIn[fixed[i] as number]?.push(i)
  for (let g = 0; g < G; g++) {
    const inG = fixedIn[g] as Array<number>
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
        const code = i < j ? hardOf(i, j) : 0
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

/**
 * The hard rules broken by an assignment, as the first broken pair: the pairs inside each group
 * (O(n · group size), so large communities are checked quickly) and the must-together pairs.
 */
const brokenHard = (
  compiled: Matrix.Compiled,
  assignment: ArrayLike<number>
): readonly [number, number, number] | undefined => {
  const { n, hardOf } = compiled
  const groupsOf = new Map<number, Array<number>>()
  for (let i = 0; i < n; i++) {
    const g = assignment[i] as number
    const list = groupsOf.get(g)
    if (list === undefined) groupsOf.set(g, [i])
    else list.push(i)
  }
  let first: readonly [number, number, number] | undefined
  const keep = (i: number, j: number, code: number) => {
    const a = Math.min(i, j)
    const b = Math.max(i, j)
    if (first === undefined || a < first[0] || (a === first[0] && b < first[1])) first = [a, b, code]
  }
  for (const list of groupsOf.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const code = hardOf(list[x] as number, list[y] as number)
        if (code !== 0 && code !== Matrix.HardCode.mustTogether) keep(list[x] as number, list[y] as number, code)
      }
  for (const [i, j] of compiled.together)
    if (assignment[i] !== assignment[j] && hardOf(i, j) === Matrix.HardCode.mustTogether)
      keep(i, j, Matrix.HardCode.mustTogether)
  return first
}

/** The refusal for a hard rule that a found assignment breaks, naming the pair. */
const brokenRule = (request: Request, [i, j, code]: readonly [number, number, number], language: Language) => {
  const pair = [request.members[i]?.id ?? "", request.members[j]?.id ?? ""]
  const rule = ruleOf(code)
  return fail(language, rule, { _tag: "NotFound", rule, names: pair.map(nameOf(request)) }, pair)
}

/**
 * A grouping without the score matrix, for when the time limit ran out while it was built: fixed
 * members first, must-together members with their partner, then everyone else sorted by
 * organisation and programme and dealt round the groups with room (so colleagues land apart).
 */
const dealt = (request: Request, compiled: Matrix.Compiled, shape: Shape, fixed: Int32Array): Int32Array => {
  const n = compiled.n
  const G = shape.minSizes.length
  const assignment = new Int32Array(n).fill(-1)
  const count = new Int32Array(G)
  for (let i = 0; i < n; i++)
    if ((fixed[i] as number) >= 0) {
      assignment[i] = fixed[i] as number
      count[fixed[i] as number] = (count[fixed[i] as number] as number) + 1
    }
  for (const [i, j] of compiled.together) {
    const a = assignment[i] as number
    const b = assignment[j] as number
    if (a >= 0 && b < 0 && (count[a] as number) < (shape.maxSizes[a] as number)) {
      assignment[j] = a
      count[a] = (count[a] as number) + 1
    } else if (b >= 0 && a < 0 && (count[b] as number) < (shape.maxSizes[b] as number)) {
      assignment[i] = b
      count[b] = (count[b] as number) + 1
    } else if (a < 0 && b < 0) {
      let g = 0
      for (let h = 1; h < G; h++)
        if ((shape.maxSizes[h] as number) - (count[h] as number) > (shape.maxSizes[g] as number) - (count[g] as number))
          g = h
      if ((shape.maxSizes[g] as number) - (count[g] as number) >= 2) {
        assignment[i] = g
        assignment[j] = g
        count[g] = (count[g] as number) + 2
      }
    }
  }
  const members = request.members
  const rest: Array<number> = []
  for (let i = 0; i < n; i++) if ((assignment[i] as number) < 0) rest.push(i)
  rest.sort((a, b) => {
    const x = members[a]
    const y = members[b]
    if (x === undefined || y === undefined) return a - b
    return x.organisation < y.organisation
      ? -1
      : x.organisation > y.organisation
        ? 1
        : x.programme < y.programme
          ? -1
          : x.programme > y.programme
            ? 1
            : a - b
  })
  // first the groups below their minimum, then round the groups with room
  let g = 0
  let deficit = 0
  for (let h = 0; h < G; h++) deficit += Math.max(0, (shape.minSizes[h] as number) - (count[h] as number))
  for (let t = 0; t < rest.length; t++) {
    const left = rest.length - t
    for (let tries = 0; tries < G; tries++, g = (g + 1) % G) {
      const c = count[g] as number
      if (c >= (shape.maxSizes[g] as number)) continue
      if (c >= (shape.minSizes[g] as number) && left <= deficit) continue
      break
    }
    if ((count[g] as number) < (shape.minSizes[g] as number)) deficit--
    assignment[rest[t] as number] = g
    count[g] = (count[g] as number) + 1
    g = (g + 1) % G
  }
  return assignment
}

const facilitate = (
  request: Request,
  assignment: ArrayLike<number>,
  G: number,
  language: Language
): Either.Either<ReadonlyArray<number> | undefined, GroupingInfeasible> => {
  const facilitators = request.facilitators
  if (facilitators === undefined || facilitators.length === 0) return Either.right(undefined)
  // the index of each member someone has a conflict with (-1: not a member); the other members
  // are not looked up, so a large community costs one pass over its ids
  const index = new Map<string, number>()
  for (const f of facilitators) for (const id of f.conflicts ?? []) index.set(id, -1)
  if (index.size > 0)
    request.members.forEach((m, i) => {
      if (index.has(m.id)) index.set(m.id, i)
    })
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

// What everything after the search costs per member (the fallback a search cut short may need,
// checking the hard rules, the facilitators, the description), learned from the calls before on the
// same clock (each clock function has its own estimate: a caller's clock may count CPU time or
// anything else): the reserve a time limit keeps for it, so that a large community does not overrun
// its limit while its result is described (decision 0130). Describing is one pass over typed arrays
// (decision 0146): a clock's first call assumes 5 µs per member, and each call of at least 500
// members moves the estimate a quarter of the way to what it saw, up or down, so one call paused by
// the collector or a busy machine does not take the search's time for long (smaller calls are
// mostly fixed costs, and their reserve is the 5 % floor). It changes how long the search runs,
// never what a given number of iterations finds.
const defaultClock = (): number => globalThis.performance.now()
const perMemberByClock = new WeakMap<() => number, number>()
const firstPerMemberMs = 0.005
const describeCost = {
  of: (clock: () => number, members: number): number =>
    1.25 * (perMemberByClock.get(clock) ?? firstPerMemberMs) * members,
  learn: (clock: () => number, members: number, ms: number): void => {
    if (members < 500 || !(ms >= 0)) return
    const before = perMemberByClock.get(clock) ?? firstPerMemberMs
    perMemberByClock.set(clock, before + 0.25 * (ms / members - before))
  }
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
  const clock = options.clock ?? defaultClock
  const limit = options.timeLimitMs
  const started = limit === undefined ? 0 : clock()
  // with a time limit, part of it is kept for checking and describing the result: 5 % (decision
  // 0017), or what describing this many members took before on this clock, if more (decision
  // 0130); the matrix may take at most 40 % of the rest (a larger one is built block by block,
  // decision 0143; a share of 60 % was worse at 1,000 members, decision 0146)
  const reserve =
    limit === undefined
      ? 0
      : Math.min(0.6 * limit, Math.max(0.05 * limit, describeCost.of(clock, request.members.length)))
  const buildBudget = limit === undefined ? undefined : { clock, deadline: started + 0.4 * (limit - reserve) }
  return Either.gen(function* () {
    const sizes = yield* shape(request, language)
    const built = Matrix.build(request, [], buildBudget)
    // remembered wishes adjust a finished matrix; without one the members are dealt (see below)
    const compiled = built.complete ? Wishes.adjust(built, request) : built
    const fixed = yield* precheck(request, compiled, sizes, { language, fixedPlaces: "keep" })
    let assignment: Int32Array
    let iterations = 0
    let cutShort = false
    // when the search ends: what follows (the fallback a search cut short may need, the check of
    // the hard rules, the facilitators and the description) is what the reserve must cover
    let searched = 0
    if (!compiled.complete) {
      // the whole matrix would not be ready in time: the dealt grouping, improved block by block
      // with the time left (decision 0143)
      const start = dealt(request, compiled, sizes, fixed)
      assignment = start
      if (limit !== undefined) {
        const improved = Blocks.improve(request, sizes, start, fixed, {
          clock,
          deadline: started + limit - reserve,
          seed: options.seed
        })
        assignment = improved.assignment
        iterations = improved.iterations
      }
      searched = limit === undefined ? 0 : clock()
      cutShort = true
    } else {
      // the time limit covers the whole call: what compiling took is not left to the search
      const budget =
        limit === undefined
          ? options
          : { ...options, clock, timeLimitMs: Math.max(0, limit - reserve - (clock() - started)) }
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
      searched = limit === undefined ? 0 : clock()
      assignment = solved.right.assignment
      iterations = solved.right.iterations
      cutShort = solved.right.cutShort
      // a search cut short may not have reached the hard rules yet: then the dealt grouping, which
      // keeps fixed places and must-together pairs and puts colleagues apart, if it meets them
      if (cutShort && brokenHard(compiled, assignment) !== undefined) {
        const fallback = dealt(request, compiled, sizes, fixed)
        if (brokenHard(compiled, fallback) === undefined) assignment = fallback
      }
    }
    const broken = brokenHard(compiled, assignment)
    if (broken !== undefined) {
      return yield* brokenRule(request, broken, language)
    }
    const G = sizes.minSizes.length
    const facilitatorOf = yield* facilitate(request, assignment, G, language)
    const grouping = Wishes.complete(
      describe(request, { compiled, assignment, groupCount: G, facilitatorOf, language, iterations }),
      request,
      language
    )
    if (limit !== undefined) describeCost.learn(clock, request.members.length, clock() - searched)
    return cutShort ? { ...grouping, cutShort, note: Texts.cutShort(language, limit ?? 0) } : grouping
  })
}

/**
 * Forms the groups of `rounds` rounds at once (a rotation) with as few repeated pairs as possible, each round
 * also scored by the policy. Group sizes are as even as possible; `fixed` places are not used by
 * a rotation, since fixing members to one group in every round contradicts rotating (use
 * {@link form} per round to fix members).
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * const rotation = Grouping.Form.formRotation(request, 3, { seed: 1, iterations: 5000 })
 * if (Either.isRight(rotation)) console.log(rotation.right.repeatedPairs.length)
 * ```
 * @since 0.2.0
 */
export const formRotation = (
  request: Request,
  rounds: number,
  options: Options
): Either.Either<Plan, GroupingInfeasible> => {
  const language = options.language ?? "nl"
  return Either.gen(function* () {
    const sizes = yield* shape(request, language)
    const compiled = Matrix.build(request)
    yield* precheck(request, compiled, sizes, { language, fixedPlaces: "ignore" })
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
        return yield* brokenRule(request, broken, language)
      }
      const facilitatorOf = yield* facilitate(request, assignment, G, language)
      const history = [...(request.history ?? []), ...extra]
      planned.push(
        describe(request, {
          compiled: compiledRound,
          assignment,
          groupCount: G,
          facilitatorOf,
          language,
          iterations: solved.right.iterations,
          history
        })
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

/**
 * The former name of {@link formRotation}: "plan" also names the use cases that put intakes,
 * gatherings and sessions on the calendar (decision 0115).
 *
 * @deprecated Use {@link formRotation}; `plan` stays for the 0.2 line.
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * const rotation = Grouping.Form.plan(request, 3, { seed: 1 })
 * ```
 * @since 0.1.0
 */
export const plan: (request: Request, rounds: number, options: Options) => Either.Either<Plan, GroupingInfeasible> =
  formRotation
