/**
 * Improves the grouping of a large community block by block, for when the whole n × n score matrix
 * cannot be built within the time limit (decision 0143). A block is a few whole groups with their
 * members (about 300 people): its matrix is built on its own (a block of 300 costs what 1/44 of a
 * 2,000-member matrix costs) and {@link Search.solve} improves it from the grouping it has, which
 * it never makes worse. Since every pair that counts is inside a group, and every group inside one
 * block, a block's score is exact; members only move between the groups of their block. Each round
 * deals the groups into other blocks at random, so people can move further from one round to the
 * next. The idea is the decomposition of large instances into subproblems solved with the same
 * local search, as in variable neighbourhood decomposition search (Hansen, Mladenović & Pérez-Brito
 * 2001, "Variable neighborhood decomposition search", Journal of Heuristics 7(4)).
 *
 * @internal
 */
import * as Rng from "../../random/Rng.js"
import type { Request } from "../Input.js"
import * as Matrix from "../Matrix.js"
import * as Search from "../Search.js"
import * as Wishes from "../Wishes.js"

/** About how many members a block has. */
export const blockMembers = 300

/**
 * The least time a block gets: below it, the first descent of a 300-member block from the dealt
 * grouping does not finish. The rounds take half of the time left each while that gives every
 * block at least this much; then one round takes all of it, and when even that is too little, the
 * blocks reached get this much each and the others stay as they are (decision 0146).
 */
export const minBlockMs = 20

/** What {@link improve} found: the grouping, the search iterations and the blocks searched. */
export interface Improved {
  readonly assignment: Int32Array
  readonly iterations: number
  /** The blocks whose search ran (a block whose matrix was not ready in its time is skipped). */
  readonly searched: number
}

/** When to stop and how: the clock, the deadline on it and the seed. */
export interface Budget {
  readonly clock: () => number
  readonly deadline: number
  readonly seed: number
}

/**
 * Improves `start` (a grouping within the sizes, with fixed members in their group) block by block
 * until the deadline. Every round takes half of the time left, shared equally by its blocks, or all
 * of it when half would give a block less than {@link minBlockMs}; the rounds end at the deadline
 * or when a round could search no block (its matrix not ready in the block's time).
 */
export const improve = (
  request: Request,
  shape: { readonly minSizes: ReadonlyArray<number>; readonly maxSizes: ReadonlyArray<number> },
  start: Int32Array,
  fixed: Int32Array,
  { clock, deadline, seed }: Budget
): Improved => {
  const n = request.members.length
  const G = shape.minSizes.length
  const assignment = Int32Array.from(start)
  let iterations = 0
  let searched = 0
  if (G < 2 || n < 2) return { assignment, iterations, searched }
  const pastOf = earlierGroups(request)
  const perBlock = Math.max(2, Math.floor(blockMembers / (n / G)))
  const B = Math.max(1, Math.ceil(G / perBlock))
  const rng = Rng.make(seed)
  const local = new Int32Array(G)
  for (let round = 0; clock() < deadline; round++) {
    const order = Rng.shuffle(
      rng,
      Array.from({ length: G }, (_, g) => g)
    )
    // the members of each group, as the grouping stands at the start of the round
    const membersOf: Array<Array<number>> = Array.from({ length: G }, () => [])
    for (let i = 0; i < n; i++) membersOf[assignment[i] as number]?.push(i)
    const before = searched
    for (let k = 0; k < B; k++) {
      const now = clock()
      if (now >= deadline) break
      // half of the time left shared by the round's blocks, or all of it when that gives a block
      // less than minBlockMs; and never less than minBlockMs (or what is left), so that the blocks
      // searched finish their descents and those not reached stay as they are (decision
      // 0146: 18 blocks of 3–8 ms each at 5,000 members often improved none)
      const left = deadline - now
      const half = left / (B - k + B)
      const share = half >= minBlockMs ? half : left / (B - k)
      const blockDeadline = now + Math.min(left, Math.max(minBlockMs, share))
      const groups = order.slice(Math.floor((k * G) / B), Math.floor(((k + 1) * G) / B))
      if (groups.length < 2) continue
      groups.forEach((g, x) => {
        local[g] = x
      })
      const members = groups.flatMap((g) => membersOf[g] ?? [])
      const sub: Request = {
        ...request,
        members: members.map((i) => request.members[i] as Request["members"][number]),
        history: pastOf(members)
      }
      // the matrix may take 60 % of the block's time; a block whose matrix is not ready is skipped.
      // No probe: a block's matrix is small, and a probe of a few rows on a coarse clock (a CPU
      // clock read once per millisecond) judged it 0 or 12 ms, skipping blocks that fitted.
      const built = Matrix.build(sub, [], { clock, deadline: now + 0.6 * (blockDeadline - now), probe: false })
      if (!built.complete) continue
      const compiled = Wishes.adjust(built, sub)
      const solved = Search.solve(
        {
          size: members.length,
          score: compiled.score,
          minSizes: groups.map((g) => shape.minSizes[g] as number),
          maxSizes: groups.map((g) => shape.maxSizes[g] as number),
          fixed: members.map((i) => ((fixed[i] as number) >= 0 ? (local[fixed[i] as number] as number) : -1)),
          start: members.map((i) => local[assignment[i] as number] as number)
        },
        { seed: seed + 7919 * (round * B + k + 1), timeLimitMs: Math.max(0, blockDeadline - clock()), clock }
      )
      if (solved._tag === "Left") continue
      searched++
      iterations += solved.right.iterations
      members.forEach((i, x) => {
        assignment[i] = groups[solved.right.assignment[x] as number] as number
      })
    }
    // no block could be searched (too few groups, or no matrix ready in time): another round would not either
    if (searched === before) break
  }
  return { assignment, iterations, searched }
}

/**
 * The earlier rounds as a block's matrix needs them: only the groups of its members, each with
 * only those members. A block's build then reads its own members' rounds instead of the whole
 * community's history (833 groups at 5,000 members, read again for every block; decision 0146).
 * A member listed twice keeps both places, so the matrix is the one the whole history would give.
 */
export const earlierGroups = (
  request: Request
): ((members: ReadonlyArray<number>) => NonNullable<Request["history"]>) => {
  const rounds = request.history ?? []
  const n = request.members.length
  const index = new Map<string, number>()
  for (let i = 0; i < n; i++) index.set((request.members[i] as Request["members"][number]).id, i)
  // per member, the earlier groups they were in, as pairs (round, group number)
  const placesOf: Array<Array<number>> = Array.from({ length: n }, () => [])
  rounds.forEach((round, at) => {
    round.forEach((group, k) => {
      for (const id of group) {
        const i = index.get(id)
        if (i !== undefined) placesOf[i]?.push(at, k)
      }
    })
  })
  return (members) => {
    if (rounds.length === 0) return rounds
    const byRound = rounds.map(() => new Map<number, Array<Request["members"][number]["id"]>>())
    for (const i of members) {
      const places = placesOf[i] as Array<number>
      const id = (request.members[i] as Request["members"][number]).id
      for (let x = 0; x < places.length; x += 2) {
        const groups = byRound[places[x] as number] as Map<number, Array<Request["members"][number]["id"]>>
        const k = places[x + 1] as number
        const list = groups.get(k)
        if (list === undefined) groups.set(k, [id])
        else list.push(id)
      }
    }
    return byRound.map((groups) => [...groups.values()])
  }
}
