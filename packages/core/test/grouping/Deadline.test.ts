import { Grouping } from "@grenzeloos/core"
import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as Blocks from "../../src/grouping/internal/blocks.js"

// A clock that advances `step` ms at every read, and counts its reads.
const steppingClock = (step: number) => {
  let now = 0
  let reads = 0
  return {
    clock: () => {
      reads++
      now += step
      return now
    },
    reads: () => reads
  }
}

// A random symmetric score matrix on n people.
const randomProblem = (n: number, G: number): Grouping.Search.Problem => {
  let x = 12345
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return (x >>> 8) / 2 ** 24
  }
  const score = new Float64Array(n * n)
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const v = Math.round(next() * 100)
      score[i * n + j] = v
      score[j * n + i] = v
    }
  const size = n / G
  return { size: n, score, minSizes: new Array(G).fill(size), maxSizes: new Array(G).fill(size) }
}

const sizesOf = (assignment: ArrayLike<number>, G: number) => {
  const counts = new Array<number>(G).fill(0)
  for (let i = 0; i < assignment.length; i++)
    counts[assignment[i] as number] = (counts[assignment[i] as number] ?? 0) + 1
  return counts
}

describe("deadlines in the search", () => {
  it("stops inside the first descent when the time is up, and says the result was cut short", () => {
    // every clock read costs 1 ms of a 5 ms limit: the greedy start and the first descent must
    // look at the clock themselves (before, they ran to the end and the result was never cut short)
    const problem = randomProblem(400, 20)
    const { clock, reads } = steppingClock(1)
    const result = Grouping.Search.solve(problem, { seed: 1, timeLimitMs: 5, clock })
    expect(Either.isRight(result)).toBe(true)
    if (Either.isLeft(result)) return
    expect(result.right.cutShort).toBe(true)
    expect(reads()).toBeLessThan(20)
    expect(sizesOf(result.right.assignment, 20)).toEqual(new Array(20).fill(20))
    expect(result.right.objective).toBeCloseTo(
      Grouping.Search.objectiveOf(problem.score, 400, result.right.assignment),
      6
    )
  })

  it("is not cut short when the budget allows a whole descent", () => {
    const problem = randomProblem(60, 6)
    const result = Grouping.Search.solve(problem, { seed: 1, iterations: 40 })
    expect(Either.isRight(result) && result.right.cutShort).toBe(false)
  })
})

const community = (n: number): Grouping.Input.Request => {
  const orgs = ["BZK", "LVVN", "JenV", "VWS", "IenW", "Financiën", "OCW", "EZ", "AZ", "Defensie"]
  const members = Array.from({ length: n }, (_, i) => ({
    id: `m-${i}`,
    name: `Lid ${i}`,
    organisation: orgs[i % orgs.length] as string,
    programme: `P${i % 7}`,
    interests: [`t${i % 5}`, `t${(i * 3) % 11}`]
  }))
  const ids = members.map((m) => m.id)
  const result = Grouping.Input.decode({
    members,
    size: { min: 5, max: 7 },
    policy: { organisation: { mode: "hard" }, programme: { mode: "soft", weight: 5 }, interests: { weight: 3 } },
    history: [[ids.slice(0, 6), ids.slice(6, 12)]],
    mustApart: [[ids[0], ids[10]]],
    mustTogether: [[ids[1], ids[2]]]
  })
  if (Either.isLeft(result)) throw new Error(result.left.message)
  return result.right
}

describe("deadlines in Form.form", () => {
  it("groups without the matrix when the time is up before it is built, with a note", () => {
    const request = community(300)
    const { clock } = steppingClock(50)
    const result = Grouping.Form.form(request, { seed: 1, timeLimitMs: 100, clock, language: "en" })
    expect(Either.isRight(result)).toBe(true)
    if (Either.isLeft(result)) return
    expect(result.right.cutShort).toBe(true)
    expect(result.right.note).toContain("Cut short at the time limit of 100 ms")
    const byId = new Map(request.members.map((m) => [m.id as string, m]))
    for (const group of result.right.groups) {
      expect(group.memberIds.length).toBeGreaterThanOrEqual(5)
      expect(group.memberIds.length).toBeLessThanOrEqual(7)
      const orgs = group.memberIds.map((id) => byId.get(id)?.organisation)
      expect(new Set(orgs).size).toBe(orgs.length)
    }
    const groupOf = new Map(result.right.groups.flatMap((g) => g.memberIds.map((id) => [id, g.index] as const)))
    expect(groupOf.get("m-1")).toBe(groupOf.get("m-2"))
    expect(groupOf.get("m-0")).not.toBe(groupOf.get("m-10"))
  })

  it("still meets the hard rules when the search is cut short before it reached them", () => {
    // the matrix is ready in time, but the search stops in its greedy start: before, the
    // half-built grouping broke "one per organisation" and the call answered GroupingInfeasible;
    // now it falls back to the dealt grouping
    const request = community(300)
    // time stands still while the matrix is built, then jumps past the limit during the greedy start
    let reads = 0
    let built = 0
    const clock = () => {
      reads++
      if (built === 0 && reads > 12) built = reads
      return built === 0 ? 0 : 1000
    }
    const result = Grouping.Form.form(request, { seed: 1, timeLimitMs: 100, clock })
    expect(Either.isRight(result)).toBe(true)
    if (Either.isLeft(result)) return
    expect(result.right.cutShort).toBe(true)
    const byId = new Map(request.members.map((m) => [m.id as string, m]))
    for (const group of result.right.groups) {
      const orgs = group.memberIds.map((id) => byId.get(id)?.organisation)
      expect(new Set(orgs).size).toBe(orgs.length)
    }
  })

  it("has no note when the search had its time", () => {
    const result = Grouping.Form.form(community(40), { seed: 1, iterations: 30 })
    expect(Either.isRight(result) && result.right.cutShort).toBe(undefined)
  })
})

describe("Matrix.build with a deadline", () => {
  it("stops at the deadline, and its hard rules still answer for every pair", () => {
    const request = community(60)
    const whole = Grouping.Matrix.build(request)
    expect(whole.complete).toBe(true)
    const cut = Grouping.Matrix.build(request, [], { clock: () => 1, deadline: 0 })
    expect(cut.complete).toBe(false)
    expect(cut.rows).toBe(0)
    for (let i = 0; i < 60; i++)
      for (let j = 0; j < 60; j++) {
        expect(whole.hardOf(i, j)).toBe(whole.hard[i * 60 + j])
        expect(cut.hardOf(i, j)).toBe(whole.hard[i * 60 + j])
        expect(whole.agoOf(i, j)).toBe(whole.metAgo[i * 60 + j])
      }
    // soft + the hard weight of the rule is the score of every pair
    for (let k = 0; k < 3600; k++) {
      const h = whole.hard[k] as number
      const w = h === 0 ? 0 : h === Grouping.Matrix.HardCode.mustTogether ? whole.hardWeight : -whole.hardWeight
      expect(whole.score[k]).toBeCloseTo((whole.soft[k] as number) + w, 9)
    }
  })
})

describe("large communities with a short limit (decision 0143)", () => {
  // 1,200 members: with a clock that moves 1 ms per read, the probe of the whole matrix (16 rows
  // per read) predicts 112 ms, more than the build may take of a 150 ms limit
  const request = community(1200)
  const byId = new Map(request.members.map((m) => [m.id as string, m]))

  it("improves the dealt grouping block by block instead of returning it as it was dealt", () => {
    // with no time at all the call returns the dealt grouping, with no search
    const dealt = Grouping.Form.form(request, { seed: 1, timeLimitMs: 1, clock: steppingClock(1).clock })
    expect(Either.isRight(dealt)).toBe(true)
    if (Either.isLeft(dealt)) return
    expect(dealt.right.iterations).toBe(0)
    const { clock, reads } = steppingClock(1)
    const result = Grouping.Form.form(request, { seed: 1, timeLimitMs: 150, clock, language: "en" })
    expect(Either.isRight(result)).toBe(true)
    if (Either.isLeft(result)) return
    // before, the whole matrix was not built and the dealt grouping came back untouched, with
    // 0 iterations and the dealt objective, whatever the seed and the time left
    expect(result.right.iterations).toBeGreaterThan(0)
    expect(result.right.objective).toBeGreaterThan(dealt.right.objective)
    expect(result.right.cutShort).toBe(true)
    expect(result.right.note).toContain("Cut short at the time limit of 150 ms")
    // the clock read once per step: the call ended within 10 % of its limit
    expect(reads()).toBeLessThanOrEqual(165)
    // sizes, one per organisation (hard), the must-together and must-apart pairs
    const groupOf = new Map<string, number>()
    for (const group of result.right.groups) {
      expect(group.memberIds.length).toBeGreaterThanOrEqual(5)
      expect(group.memberIds.length).toBeLessThanOrEqual(7)
      const orgs = group.memberIds.map((id) => byId.get(id)?.organisation)
      expect(new Set(orgs).size).toBe(orgs.length)
      for (const id of group.memberIds) groupOf.set(id, group.index)
    }
    expect(groupOf.size).toBe(1200)
    expect(groupOf.get("m-1")).toBe(groupOf.get("m-2"))
    expect(groupOf.get("m-0")).not.toBe(groupOf.get("m-10"))
  })
})

describe("Search.solve from a given start", () => {
  it("never returns worse than the start, and refuses a start outside the sizes", () => {
    const problem = randomProblem(60, 6)
    const start = Array.from({ length: 60 }, (_, i) => i % 6)
    const startObjective = Grouping.Search.objectiveOf(problem.score, 60, start)
    const result = Grouping.Search.solve({ ...problem, start }, { seed: 3, iterations: 1 })
    expect(Either.isRight(result)).toBe(true)
    if (Either.isLeft(result)) return
    expect(result.right.objective).toBeGreaterThan(startObjective)
    expect(sizesOf(result.right.assignment, 6)).toEqual(new Array(6).fill(10))
    const lopsided = Grouping.Search.solve({ ...problem, start: start.map((g, i) => (i < 11 ? 0 : g)) }, { seed: 3 })
    expect(Either.isLeft(lopsided) && lopsided.left.message).toContain("which takes 10–10")
  })
})

describe("a block's earlier rounds (decision 0146)", () => {
  // A block's matrix is built from its members' own earlier groups, not the whole history; it must
  // be the matrix the whole history gives, also when a round lists someone twice or a stranger.
  it("give the block the matrix the whole history gives (property)", () => {
    const arb = fc.record({
      n: fc.integer({ min: 2, max: 14 }),
      rounds: fc.array(fc.array(fc.array(fc.nat(15), { maxLength: 5 }), { maxLength: 4 }), { maxLength: 3 }),
      block: fc.array(fc.nat(13), { minLength: 1, maxLength: 10 })
    })
    fc.assert(
      fc.property(arb, ({ n, rounds, block }) => {
        const request = Either.getOrThrow(
          Grouping.Input.decode({
            members: Array.from({ length: n }, (_, i) => ({
              id: `m-${i}`,
              organisation: `o-${i % 3}`,
              programme: `p-${i % 2}`,
              interests: i % 2 === 0 ? ["a"] : ["a", "b"]
            })),
            size: { groups: 1 },
            policy: { history: { mode: "soft", weight: 7, decay: 0.3 } },
            history: rounds.map((round) => round.map((group) => group.map((k) => `m-${k}`)))
          })
        )
        const members = [...new Set(block.filter((i) => i < n))]
        const pick = { ...request, members: members.map((i) => request.members[i] as (typeof request.members)[number]) }
        const whole = Grouping.Matrix.build(pick)
        const own = Grouping.Matrix.build({ ...pick, history: Blocks.earlierGroups(request)(members) })
        expect(Array.from(own.score)).toEqual(Array.from(whole.score))
        expect(Array.from(own.metAgo)).toEqual(Array.from(whole.metAgo))
      }),
      { seed: 146, numRuns: 300 }
    )
  })
})
