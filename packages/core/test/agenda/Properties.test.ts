import { Agenda } from "@grenzeloos/core"
import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"

// Fixed seeds: a failure prints the seed and the counterexample, and reruns identically.
const params = (seed: number, numRuns = 300) => ({ seed, numRuns })

// ---------------------------------------------------------------------------------------------
// An exact reference MES over bigint fractions (no tolerance), written plainly from the definition
// (Peters, Pierczyński & Skowron 2021), to check the engine's floating point with tolerance.
type Q = readonly [bigint, bigint]
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b))
const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n, d) || 1n
  return d < 0n ? [-n / g, -d / g] : [n / g, d / g]
}
const add = (a: Q, b: Q) => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1])
const sub = (a: Q, b: Q) => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1])
const mul = (a: Q, b: Q) => q(a[0] * b[0], a[1] * b[1])
const div = (a: Q, b: Q) => q(a[0] * b[1], a[1] * b[0])
const cmp = (a: Q, b: Q) => {
  const x = a[0] * b[1] - b[0] * a[1]
  return x < 0n ? -1 : x > 0n ? 1 : 0
}

interface Small {
  readonly budget: number
  readonly costs: ReadonlyArray<number>
  readonly approvals: ReadonlyArray<ReadonlyArray<number>>
}
const idOf = (c: number) => `c${c}`

const exactMes = (e: Small, sat: "cost" | "cardinality"): Array<string> => {
  const n = e.approvals.length
  const budget: Array<Q> = e.approvals.map(() => q(BigInt(e.budget), BigInt(n)))
  const supporters = e.costs.map((_, c) => e.approvals.flatMap((a, i) => (a.includes(c) ? [i] : [])))
  const u = (c: number): Q => q(BigInt(sat === "cost" ? (e.costs[c] ?? 0) : 1))
  let remaining = e.costs.map((_, c) => c).filter((c) => (e.costs[c] ?? 0) > 0 && (supporters[c]?.length ?? 0) > 0)
  const order: Array<string> = []
  for (;;) {
    let best: { c: number; rho: Q } | undefined
    const next: Array<number> = []
    for (const c of remaining) {
      const cost = q(BigInt(e.costs[c] ?? 0))
      const sup = [...(supporters[c] ?? [])].sort((a, b) => cmp(budget[a] ?? q(0n), budget[b] ?? q(0n)))
      const money = sup.reduce((s, i) => add(s, budget[i] ?? q(0n)), q(0n))
      if (cmp(money, cost) < 0) continue
      next.push(c)
      let paid = q(0n)
      let weight = q(BigInt(sup.length))
      let rho = q(0n)
      for (const i of sup) {
        rho = div(sub(cost, paid), mul(weight, u(c)))
        if (cmp(budget[i] ?? q(0n), mul(rho, u(c))) < 0) {
          paid = add(paid, budget[i] ?? q(0n))
          weight = sub(weight, q(1n))
        } else break
      }
      const better =
        best === undefined ||
        cmp(rho, best.rho) < 0 ||
        (cmp(rho, best.rho) === 0 &&
          ((supporters[c]?.length ?? 0) - (supporters[best.c]?.length ?? 0) ||
            (e.costs[best.c] ?? 0) - (e.costs[c] ?? 0) ||
            best.c - c) > 0)
      if (better) best = { c, rho }
    }
    if (best === undefined) return order
    const { c, rho } = best
    for (const i of supporters[c] ?? []) {
      const pay = mul(rho, u(c))
      budget[i] = cmp(budget[i] ?? q(0n), pay) <= 0 ? q(0n) : sub(budget[i] ?? q(0n), pay)
    }
    order.push(idOf(c))
    remaining = next.filter((x) => x !== c)
  }
}

const smallElection = (maxCandidates: number, costs: fc.Arbitrary<number>) =>
  fc.integer({ min: 1, max: maxCandidates }).chain((m) =>
    fc.record({
      budget: fc.integer({ min: 1, max: 60 }),
      costs: fc.array(costs, { minLength: m, maxLength: m }),
      approvals: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { maxLength: m }), {
        minLength: 1,
        maxLength: 12
      })
    })
  )

const toElection = (e: Small): Agenda.Election.Election => ({
  budget: e.budget,
  candidates: e.costs.map((cost, c) => ({ id: idOf(c), cost })),
  votes: e.approvals.map((a) => ({ _tag: "approval", themeIds: a.map(idOf) }))
})

describe("Equal Shares properties", () => {
  it("selects exactly what an exact bigint-fraction MES selects, in the same order (so the 1e-9 tolerance never changes an outcome here)", () => {
    fc.assert(
      fc.property(
        smallElection(7, fc.integer({ min: 1, max: 20 })),
        fc.constantFrom<"cost" | "cardinality">("cost", "cardinality"),
        (e, sat) => {
          const o = Either.getOrThrow(
            Agenda.EqualShares.select(toElection(e), { completion: "none", satisfaction: sat })
          )
          expect(o.selected.map((s) => s.id)).toStrictEqual(exactMes(e, sat))
        }
      ),
      params(20261127, 400)
    )
  })

  it("satisfies EJR on committee instances (unit costs, no completion): every ℓ-cohesive group has a member with ℓ winners", () => {
    fc.assert(
      fc.property(smallElection(6, fc.constant(1)), (e) => {
        const k = Math.min(e.budget, e.costs.length)
        const o = Either.getOrThrow(
          Agenda.EqualShares.select(
            { ...toElection(e), budget: k },
            { completion: "none", satisfaction: "cardinality" }
          )
        )
        const winners = new Set(o.selected.map((s) => Number(s.id.slice(1))))
        const n = e.approvals.length
        const m = e.costs.length
        for (let mask = 1; mask < 1 << m; mask++) {
          const together = [...Array(m).keys()].filter((c) => mask & (1 << c))
          const l = together.length
          if (l > k) continue
          const group = e.approvals.filter((a) => together.every((c) => a.includes(c)))
          if (group.length * k < l * n) continue
          const best = Math.max(...group.map((a) => a.filter((c) => winners.has(c)).length))
          expect(best, `group approving ${together} (${group.length} of ${n} voters, k = ${k})`).toBeGreaterThanOrEqual(
            l
          )
        }
      }),
      params(7, 400)
    )
  })

  it("buys a candidate whose supporters hold exactly its cost, although the float sum falls short (6 × 1/6 < 1)", () => {
    // Found by the EJR property when the tolerance was 0: 12 voters, budget 2, six approve c1.
    const e = { budget: 2, costs: [1, 1], approvals: [[1], [], [], [1], [], [], [0, 1], [], [], [1], [1], [1]] }
    const o = Either.getOrThrow(
      Agenda.EqualShares.select(toElection(e), { completion: "none", satisfaction: "cardinality" })
    )
    expect(o.selected.map((s) => s.id)).toStrictEqual(exactMes(e, "cardinality"))
    expect(o.selected.map((s) => s.id)).toStrictEqual(["c1"])
  })

  const anyVotes = (m: number) =>
    fc.oneof(
      fc
        .array(fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { maxLength: m }), { maxLength: 15 })
        .map((vs) => vs.map((a): Agenda.Election.Vote => ({ _tag: "approval", themeIds: a.map(idOf) }))),
      fc
        .array(
          fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 1, max: 5 })), {
            maxLength: m,
            selector: (t) => t[0]
          }),
          {
            maxLength: 15
          }
        )
        .map((vs) =>
          vs.map(
            (a): Agenda.Election.Vote => ({ _tag: "dots", dots: a.map(([c, dots]) => ({ themeId: idOf(c), dots })) })
          )
        ),
      fc
        .array(fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { maxLength: m }), { maxLength: 15 })
        .map((vs) => vs.map((r): Agenda.Election.Vote => ({ _tag: "ranking", ranking: r.map(idOf) })))
    )

  it("never spends more than the budget, whatever the votes, satisfaction and completion", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((m) =>
          fc.record({
            budget: fc.integer({ min: 0, max: 200 }),
            costs: fc.array(fc.integer({ min: 0, max: 80 }), { minLength: m, maxLength: m }),
            votes: anyVotes(m)
          })
        ),
        fc.constantFrom<Agenda.EqualShares.Completion>("none", "add1", "add1-utilitarian", "utilitarian"),
        fc.constantFrom<"cost" | "cardinality">("cost", "cardinality"),
        fc.boolean(),
        (e, completion, satisfaction, integral) => {
          const election = {
            budget: e.budget,
            candidates: e.costs.map((cost, c) => ({ id: idOf(c), cost })),
            votes: e.votes
          }
          const o = Either.getOrThrow(
            Agenda.EqualShares.select(election, {
              completion,
              satisfaction,
              add1: { integral, increment: integral ? 1 : 0.5 }
            })
          )
          expect(o.totalCost).toBeLessThanOrEqual(e.budget)
          expect(new Set(o.selected.map((s) => s.id)).size).toBe(o.selected.length)
          const g = Either.getOrThrow(Agenda.Greedy.select(election, { satisfaction }))
          expect(g.totalCost).toBeLessThanOrEqual(e.budget)
        }
      ),
      params(42, 300)
    )
  })
})
