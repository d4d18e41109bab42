import { Grouping } from "@grenzeloos/core"
import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"

// Instances with a planted solution: person i belongs to planted group i mod G; organisations and
// the previous round are "rows" (one person per planted group), must-together pairs lie inside
// planted groups and must-apart pairs across them. Every such instance is feasible, so the engine
// must return groups, and those groups must meet every hard rule.
const plantedArb = fc
  .record({
    G: fc.integer({ min: 2, max: 5 }),
    s: fc.integer({ min: 2, max: 5 }),
    together: fc.array(fc.nat(), { maxLength: 4 }),
    apart: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    order: fc.array(fc.nat(), { minLength: 25, maxLength: 25 }),
    seed: fc.integer()
  })
  .map(({ G, s, together, apart, order, seed }) => {
    const n = G * s
    const id = (i: number) => `m-${String(i).padStart(2, "0")}`
    const planted = (i: number) => i % G
    const members = Array.from({ length: n }, (_, i) => ({
      id: id(i),
      organisation: `Org ${Math.floor(i / G)}`,
      programme: `Programma ${i}`,
      interests: []
    }))
    // a fixed, seed-driven permutation of the member list so the planted structure is not the order
    const shuffled = members
      .map((m, i) => ({ m, key: (order[i % order.length] ?? 0) * 64 + i }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.m)
    const mustTogether = together
      .map((t) => t % n)
      .filter((i) => i + G < n)
      .map((i) => [id(i), id(i + G)])
    const mustApart = apart
      .map(([a, b]) => [a % n, b % n] as const)
      .filter(([a, b]) => planted(a) !== planted(b))
      .map(([a, b]) => [id(a), id(b)])
    const previous = Array.from({ length: s }, (_, row) => Array.from({ length: G }, (_, k) => id(row * G + k)))
    const decoded = Grouping.Input.decode({
      members: shuffled,
      size: { groups: G },
      policy: { organisation: { mode: "hard" }, history: { mode: "hard" } },
      history: [previous],
      mustTogether,
      mustApart,
      fixed: [{ memberId: id(0), group: 0 }]
    })
    if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
    return { request: decoded.right, seed }
  })

describe("feasible instances", () => {
  it("always get groups that meet every hard rule", () => {
    fc.assert(
      fc.property(plantedArb, ({ request, seed }) => {
        const result = Grouping.Form.form(request, { seed, iterations: 200 })
        if (Either.isLeft(result)) throw new Error(`expected groups, got ${result.left.detail}`)
        const groupOf = new Map(result.right.groups.flatMap((g) => g.memberIds.map((m) => [m, g.index] as const)))
        const byId = new Map(request.members.map((m) => [m.id as string, m]))
        for (const g of result.right.groups) {
          const orgs = g.memberIds.map((m) => byId.get(m)?.organisation)
          expect(new Set(orgs).size).toBe(orgs.length)
        }
        for (const [a, b] of request.mustTogether ?? []) expect(groupOf.get(a)).toBe(groupOf.get(b))
        for (const [a, b] of request.mustApart ?? []) expect(groupOf.get(a)).not.toBe(groupOf.get(b))
        expect(groupOf.get("m-00")).toBe(0)
      }),
      { seed: 20260401, numRuns: 150 }
    )
  })
})
