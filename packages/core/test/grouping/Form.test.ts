import { Grouping } from "@grenzeloos/core"
import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"

const ORGS = ["BZK", "LVVN", "JenV", "VWS", "IenW", "Financiën", "OCW", "EZ"]
const PROGRAMMES = ["Binnenhof", "Stikstof", "Oekraïne", "Woo", "Covid"]
const THEMES = ["omgaan met sabotage", "het managen van ego's", "worstelen met de Woo", "sturen op waarde"]

const decode = (input: unknown): Grouping.Input.Request => {
  const result = Grouping.Input.decode(input)
  if (Either.isLeft(result)) throw new Error(result.left.message)
  return result.right
}

const memberArb = (index: number, orgCount: number) =>
  fc
    .record({
      organisation: fc.constantFrom(...ORGS.slice(0, orgCount)),
      programme: fc.constantFrom(...PROGRAMMES),
      interests: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 3 })
    })
    .map((m) => ({ id: `m-${index}`, name: `Lid ${index}`, ...m }))

// Small communities with a size rule, a policy (hard or soft diversity), an earlier round, pairs and
// facilitators that suffice.
const requestArb = fc
  .record({
    n: fc.integer({ min: 6, max: 24 }),
    orgCount: fc.integer({ min: 3, max: 8 }),
    min: fc.integer({ min: 2, max: 4 }),
    width: fc.integer({ min: 0, max: 2 }),
    orgMode: fc.constantFrom("hard", "soft", "off"),
    historyMode: fc.constantFrom("hard", "soft"),
    seed: fc.integer()
  })
  .chain((r) =>
    fc
      .tuple(
        fc.tuple(...Array.from({ length: r.n }, (_, i) => memberArb(i, r.orgCount))),
        fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat())
      )
      .map(([members, [a, b, c, d]]) => ({ ...r, members, pairs: [a % r.n, b % r.n, c % r.n, d % r.n] }))
  )
  .map((r) => {
    const ids = r.members.map((m) => m.id)
    const [a, b, c, d] = r.pairs as [number, number, number, number]
    const previous = [ids.filter((_, i) => i % 2 === 0).slice(0, 2), ids.filter((_, i) => i % 2 === 1).slice(0, 2)]
    const input = {
      members: r.members,
      size: { min: r.min, max: r.min + r.width },
      policy: {
        organisation: r.orgMode === "soft" ? { mode: "soft", weight: 10 } : { mode: r.orgMode },
        history: r.historyMode === "soft" ? { mode: "soft", weight: 20, decay: 0.5 } : { mode: "hard" }
      },
      history: [previous],
      ...(a !== b ? { mustApart: [[ids[a], ids[b]]] } : {}),
      ...(c !== d ? { mustTogether: [[ids[c], ids[d]]] } : {}),
      facilitators: [
        { id: "f-1", maxGroups: 6, conflicts: [ids[0]] },
        { id: "f-2", maxGroups: 6 }
      ]
    }
    return { request: decode(input), seed: r.seed }
  })

const policyScore = (request: Grouping.Input.Request, groups: ReadonlyArray<ReadonlyArray<string>>): number => {
  // Independent of Matrix: walk the groups and apply the policy's soft weights literally.
  const byId = new Map(request.members.map((m) => [m.id as string, m]))
  const policy = { ...Grouping.Input.defaultPolicy, ...request.policy }
  const history = request.history ?? []
  let total = 0
  for (const group of groups)
    for (const x of group)
      for (const y of group) {
        if (x >= y) continue
        const a = byId.get(x)
        const b = byId.get(y)
        if (a === undefined || b === undefined) continue
        if (policy.organisation.mode === "soft" && a.organisation === b.organisation)
          total -= policy.organisation.weight
        if (policy.programme.mode === "soft" && a.programme === b.programme) total -= policy.programme.weight
        total += policy.interests.weight * a.interests.filter((t) => b.interests.includes(t)).length
        const rule = policy.history
        if (rule.mode === "soft")
          history.forEach((round, k) => {
            if (round.some((g) => g.includes(a.id) && g.includes(b.id)))
              total -= rule.weight * rule.decay ** (history.length - 1 - k)
          })
      }
  return total
}

describe("Form.form", () => {
  it("puts every member in exactly one group of allowed size; hard rules hold whenever it succeeds", () => {
    let formed = 0
    fc.assert(
      fc.property(requestArb, ({ request, seed }) => {
        const result = Grouping.Form.form(request, { seed, iterations: 40 })
        if (Either.isLeft(result)) {
          // infeasibility is a value naming a rule and the people it concerns
          expect(result.left.detail.length).toBeGreaterThan(0)
          return
        }
        formed++
        const seen = result.right.groups.flatMap((g) => g.memberIds)
        expect([...seen].sort()).toEqual(request.members.map((m) => m.id as string).sort())
        const size = request.size as { min: number; max: number }
        for (const g of result.right.groups) {
          expect(g.memberIds.length).toBeGreaterThanOrEqual(size.min)
          expect(g.memberIds.length).toBeLessThanOrEqual(size.max)
        }
        const groupOf = new Map(result.right.groups.flatMap((g) => g.memberIds.map((id) => [id, g.index] as const)))
        for (const [x, y] of request.mustApart ?? []) expect(groupOf.get(x)).not.toBe(groupOf.get(y))
        for (const [x, y] of request.mustTogether ?? []) expect(groupOf.get(x)).toBe(groupOf.get(y))
        const policy = request.policy
        if (policy?.organisation?.mode === "hard")
          for (const g of result.right.groups) {
            const orgs = g.memberIds.map((id) => request.members.find((m) => m.id === id)?.organisation)
            expect(new Set(orgs).size).toBe(orgs.length)
          }
        if (policy?.history?.mode === "hard")
          for (const round of request.history ?? [])
            for (const old of round)
              for (const x of old) for (const y of old) if (x !== y) expect(groupOf.get(x)).not.toBe(groupOf.get(y))
        for (const g of result.right.groups) {
          expect(g.facilitatorId).toBeDefined()
          if (g.facilitatorId === "f-1") expect(g.memberIds).not.toContain(request.members[0]?.id)
        }
      }),
      { seed: 20260201, numRuns: 120 }
    )
    expect(formed).toBeGreaterThan(40)
  })

  it("reports an objective and a breakdown that an independent recomputation confirms", () => {
    fc.assert(
      fc.property(requestArb, ({ request, seed }) => {
        const result = Grouping.Form.form(request, { seed, iterations: 30 })
        if (Either.isLeft(result)) return
        const groups = result.right.groups.map((g) => g.memberIds)
        expect(result.right.objective).toBeCloseTo(policyScore(request, groups), 6)
        const { organisation, programme, interests, history } = result.right.criteria
        expect(organisation + programme + interests + history).toBeCloseTo(result.right.objective, 6)
        for (const g of result.right.groups) expect(g.score).toBeCloseTo(policyScore(request, [g.memberIds]), 6)
      }),
      { seed: 20260202, numRuns: 80 }
    )
  })

  it("gives the same groups for the same seed and iteration budget", () => {
    fc.assert(
      fc.property(requestArb, ({ request, seed }) => {
        const a = Grouping.Form.form(request, { seed, iterations: 20 })
        const b = Grouping.Form.form(request, { seed, iterations: 20 })
        expect(b).toEqual(a)
      }),
      { seed: 20260203, numRuns: 40 }
    )
  })

  it("handles head counts that do not divide evenly without tiny groups", () => {
    const members = Array.from({ length: 23 }, (_, i) => ({
      id: `m-${i}`,
      organisation: ORGS[i % ORGS.length],
      programme: PROGRAMMES[i % PROGRAMMES.length],
      interests: []
    }))
    const result = Grouping.Form.form(decode({ members, size: { min: 5, max: 7 } }), { seed: 1, iterations: 50 })
    if (Either.isLeft(result)) throw new Error(result.left.message)
    expect(result.right.groups.map((g) => g.memberIds.length).sort()).toEqual([5, 6, 6, 6])
  })

  it("explains each member's group in Dutch by default and in English on request", () => {
    const request = decode({
      members: [
        { id: "a", name: "Anna", organisation: "BZK", programme: "Binnenhof", interests: ["omgaan met sabotage"] },
        { id: "b", name: "Bas", organisation: "LVVN", programme: "Stikstof", interests: ["omgaan met sabotage"] },
        { id: "c", name: "Cor", organisation: "JenV", programme: "Woo", interests: ["omgaan met sabotage"] },
        { id: "d", name: "Dina", organisation: "VWS", programme: "Covid", interests: [] }
      ],
      size: { groups: 1 },
      history: [
        [
          ["a", "d"],
          ["b", "c"]
        ]
      ]
    })
    const nl = Grouping.Form.form(request, { seed: 1, iterations: 5 })
    const en = Grouping.Form.form(request, { seed: 1, iterations: 5, language: "en" })
    if (Either.isLeft(nl) || Either.isLeft(en)) throw new Error("expected groups")
    expect(nl.right.explanations[0]?.text).toBe(
      "met 2 mensen die 'omgaan met sabotage' delen; 4 organisaties; opnieuw met Dina, met wie je eerder in een groep zat"
    )
    expect(en.right.explanations[1]?.text).toBe(
      "with 2 people who share 'omgaan met sabotage'; 4 organisations; again with Cor, whom you were grouped with before"
    )
    expect(en.right.explanations[3]?.text).toBe(
      "no one shares one of your interests; 4 organisations; again with Anna, whom you were grouped with before"
    )
    expect(en.right.unmet.map((u) => u.text)).toEqual([
      "Anna and Dina were already grouped together last round",
      "Bas and Cor were already grouped together last round"
    ])
  })
})

describe("infeasibility and bad input (known answers)", () => {
  const ministry = (count: number, others: number) => [
    ...Array.from({ length: count }, (_, i) => ({
      id: `bzk-${i}`,
      organisation: "BZK",
      programme: `P${i}`,
      interests: []
    })),
    ...Array.from({ length: others }, (_, i) => ({
      id: `x-${i}`,
      organisation: `Org ${i}`,
      programme: `Q${i}`,
      interests: []
    }))
  ]

  it("names the organisation rule and all its members when one ministry outnumbers the groups", () => {
    const request = decode({
      members: ministry(5, 15),
      size: { groups: 4 },
      policy: { organisation: { mode: "hard" } }
    })
    const result = Grouping.Form.form(request, { seed: 1, iterations: 10 })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isRight(result)) return
    expect(result.left.constraint).toBe("organisation")
    expect(result.left.memberIds).toEqual(["bzk-0", "bzk-1", "bzk-2", "bzk-3", "bzk-4"])
    expect(result.left.detail).toBe("5 leden van BZK en maar 4 groepen, terwijl er hoogstens één per groep mag")
    const en = Grouping.Form.form(request, { seed: 1, iterations: 10, language: "en" })
    expect(Either.isLeft(en) && en.left.detail).toBe("5 members of BZK but only 4 groups, with at most one per group")
  })

  it("says when no partition meets the size bounds", () => {
    const result = Grouping.Form.form(decode({ members: ministry(0, 8), size: { min: 5, max: 7 } }), { seed: 1 })
    expect(Either.isLeft(result) && [result.left.constraint, result.left.detail]).toEqual([
      "sizes",
      "8 leden passen niet in groepen van 5 tot 7"
    ])
  })

  it("names the pair that must be together and apart", () => {
    const request = decode({
      members: ministry(0, 6),
      size: { groups: 2 },
      mustTogether: [["x-0", "x-1"]],
      mustApart: [["x-1", "x-0"]]
    })
    const result = Grouping.Form.form(request, { seed: 1, language: "en" })
    expect(Either.isLeft(result) && [result.left.constraint, result.left.memberIds, result.left.detail]).toEqual([
      "must-together",
      ["x-0", "x-1"],
      "x-0 and x-1 must be together, but also apart (must be apart)"
    ])
  })

  it("names the facilitators when they cannot cover the groups", () => {
    const request = decode({
      members: ministry(0, 12),
      size: { groups: 3 },
      facilitators: [{ id: "f-1", maxGroups: 2 }]
    })
    const result = Grouping.Form.form(request, { seed: 1, language: "en" })
    expect(Either.isLeft(result) && [result.left.constraint, result.left.facilitatorIds, result.left.detail]).toEqual([
      "facilitators",
      ["f-1"],
      "the facilitators can lead 2 groups together, there are 3; add facilitators, let facilitators lead more groups or make the groups larger so that fewer are needed"
    ])
  })

  it("reports unknown members, negative sizes and bad bounds with their paths", () => {
    const result = Grouping.Input.decode({
      members: ministry(0, 3),
      size: { min: -5, max: 7 },
      mustTogether: [["x-0", "nobody"]]
    })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isRight(result)) return
    const paths = result.left.problems.map((p) => p.path)
    expect(paths).toContain("size.min")
    const bounds = Grouping.Input.decode({ members: ministry(0, 3), size: { min: 7, max: 5 } })
    expect(Either.isLeft(bounds) && bounds.left.problems).toEqual([
      { path: "size.max", message: "expected a maximum of at least 7 (the minimum), got 5" }
    ])
    const unknown = Grouping.Input.decode({
      members: ministry(0, 3),
      size: { groups: 1 },
      mustApart: [["x-0", "nobody"]]
    })
    expect(Either.isLeft(unknown) && unknown.left.problems).toEqual([
      { path: "mustApart[0][1]", message: "unknown member nobody: not among the members of this round" }
    ])
  })
})

describe("Form.plan", () => {
  it("plans rounds without repeated pairs when that is possible, explaining earlier planned rounds", () => {
    const members = Array.from({ length: 16 }, (_, i) => ({
      id: `m-${String(i).padStart(2, "0")}`,
      organisation: ORGS[i % 8],
      programme: PROGRAMMES[i % 5],
      interests: []
    }))
    const result = Grouping.Form.plan(decode({ members, size: { groups: 4 } }), 5, { seed: 3, iterations: 20_000 })
    if (Either.isLeft(result)) throw new Error(result.left.message)
    expect(result.right.rounds).toHaveLength(5)
    expect(result.right.repeatedPairs).toEqual([])
    for (const round of result.right.rounds) expect(round.groups.map((g) => g.memberIds.length)).toEqual([4, 4, 4, 4])
    expect(result.right.rounds[1]?.explanations[0]?.text).toContain("niemand met wie je eerder in een groep zat")
  })
})
