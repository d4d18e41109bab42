import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Agenda } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

// Real elections and reference outcomes live next to the repository (never copied into it).
const BENCH = join(dirname(fileURLToPath(import.meta.url)), "../../../../../shared/bench-data")
const hasData = existsSync(join(BENCH, "pabulib"))
if (!hasData)
  console.warn(
    "[agenda] ../shared/bench-data/pabulib is not beside the checkout: the reference outcomes on real elections are SKIPPED"
  )

const election = (file: string): Agenda.Election.Election => {
  const parsed = Either.flatMap(
    Agenda.Pabulib.parse(readFileSync(join(BENCH, file), "utf8")),
    Agenda.Pabulib.toElection
  )
  if (Either.isLeft(parsed)) throw new Error(parsed.left.message)
  return parsed.right
}

const mes = (e: Agenda.Election.Election, options: Agenda.EqualShares.Options) => {
  const outcome = Agenda.EqualShares.select(e, options)
  if (Either.isLeft(outcome)) throw new Error(outcome.left.message)
  return outcome.right
}
const ids = (o: Agenda.EqualShares.Outcome) => o.selected.map((s) => s.id)
const list = (s: string) => s.split(",").map((x) => x.trim())

describe.skipIf(!hasData)(
  "Equal Shares on real Pabulib elections (reference outcomes of equalshares.net and pabutools)",
  () => {
    const wieliczka = hasData ? election("pabulib/poland_wieliczka_2023_green-budget.pb") : undefined
    const amsterdam = hasData ? election("pabulib/netherlands_amsterdam_2022_west.sub412.pb") : undefined
    const bielany = hasData ? election("pabulib/poland_warszawa_2021_bielany.sub409.pb") : undefined

    it("Wieliczka 2023 without completion: the 21 winners of the JS tool and pabutools, in the JS order", () => {
      const o = mes(wieliczka!, { completion: "none" })
      expect(ids(o)).toStrictEqual(
        list("24, 41, 74, 39, 58, 25, 20, 43, 60, 17, 29, 70, 26, 71, 62, 88, 34, 36, 56, 66, 69")
      )
      expect(o.totalCost).toBe(450548)
      expect(o.sharePerVoter).toBeCloseTo(151.8372, 4)
    })

    it("Wieliczka 2023 with Add1 (integral, first exhaustive): 31 winners at 302 per voter", () => {
      const o = mes(wieliczka!, { completion: "add1" })
      expect(ids(o)).toStrictEqual(
        list(
          "24, 41, 40, 74, 19, 6, 58, 32, 25, 20, 60, 43, 29, 17, 39, 42, 26, 70, 34, 71, 62, 88, 61, 9, 7, 36, 56, 33, 66, 67, 69"
        )
      )
      expect(o.totalCost).toBe(984579)
      expect(o.sharePerVoter).toBe(302)
      expect(ids(mes(wieliczka!, { completion: "add1-utilitarian" }))).toStrictEqual(ids(o))
    })

    it("Wieliczka 2023 with utilitarian completion: 29 winners, 991,347", () => {
      const o = mes(wieliczka!, { completion: "utilitarian" })
      expect(ids(o)).toStrictEqual(
        list(
          "24, 41, 74, 39, 58, 25, 20, 43, 60, 17, 29, 70, 26, 71, 62, 88, 34, 36, 56, 66, 69, 40, 19, 6, 21, 32, 42, 16, 33"
        )
      )
      expect(o.totalCost).toBe(991347)
    })

    it("Wieliczka 2023 official result: Add1 run on while within the budget gives the 30 projects of 995,079", () => {
      const o = mes(wieliczka!, { completion: "add1", add1: { stop: "budget" } })
      const official =
        "24, 41, 40, 74, 19, 6, 32, 39, 58, 42, 25, 43, 20, 60, 29, 33, 17, 70, 34, 9, 26, 71, 88, 36, 62, 61, 7, 46, 56, 69"
      expect([...ids(o)].sort()).toStrictEqual(list(official).sort())
      expect(o.totalCost).toBe(995079)
      expect(o.sharePerVoter).toBeGreaterThanOrEqual(306)
      expect(o.sharePerVoter).toBeLessThanOrEqual(315)
    })

    it("Amsterdam West 2022 (subsample): none, utilitarian and add1 as the JS tool with maxVotes, minCost", () => {
      expect(ids(mes(amsterdam!, { completion: "none" }))).toStrictEqual(
        list(
          "44485, 44499, 44501, 44464, 44484, 44510, 44521, 44496, 44516, 44493, 44495, 44474, 44512, 44494, 44467, 44491, 44519, 44497, 44505, 44520, 44517, 44504, 44506, 44489, 44473, 44463"
        )
      )
      // The JS utilitarian case broke ties by maxCost; only the tie 44496/44516 (same votes, same ρ) differs in order.
      const utilitarian = mes(amsterdam!, { completion: "utilitarian" })
      expect([...ids(utilitarian)].sort()).toStrictEqual(
        list(
          "44485, 44499, 44501, 44464, 44484, 44510, 44521, 44516, 44496, 44493, 44495, 44474, 44512, 44494, 44467, 44491, 44519, 44497, 44505, 44520, 44517, 44504, 44506, 44489, 44473, 44463, 44488, 44515, 44466"
        ).sort()
      )
      expect(utilitarian.totalCost).toBe(295223)
      const add1 = mes(amsterdam!, { completion: "add1" })
      expect(ids(add1)).toStrictEqual(
        list(
          "44485, 44499, 44501, 44464, 44484, 44510, 44521, 44496, 44516, 44493, 44494, 44495, 44474, 44512, 44467, 44491, 44519, 44488, 44497, 44517, 44505, 44504, 44509, 44520, 44506, 44466, 44489, 44462, 44508, 44463, 44473"
        )
      )
      expect([add1.totalCost, add1.sharePerVoter]).toStrictEqual([299868, 928])
    })

    it("Amsterdam: the tie between 44496 and 44516 is reported and broken by the documented order", () => {
      const o = mes(amsterdam!, { completion: "none" })
      const step = o.selected.find((s) => s.id === "44496")
      expect(step?.tiedWith).toContain("44516")
    })

    it("Warszawa Bielany 2021 (subsample): none, utilitarian, add1 and add1-utilitarian with increment 1000", () => {
      const none =
        "104, 812, 1613, 620, 417, 1095, 2021, 1893, 373, 2001, 173, 1082, 1488, 1395, 1860, 1155, 1047, 1017, 1823, 1404, 568, 1098, 709, 827, 426, 1979, 494, 848, 668, 1655, 1507, 833, 845, 699, 128, 2125, 698, 1758, 1195, 838, 2087, 1362, 828, 994, 289, 1053, 1870, 1861, 701, 1651, 1757, 1031, 1892, 642, 1094, 779, 371"
      expect(ids(mes(bielany!, { completion: "none" }))).toStrictEqual(list(none))
      expect(ids(mes(bielany!, { completion: "utilitarian" }))).toStrictEqual(list(`${none}, 1064, 181, 607, 1571`))
      const add1 =
        "104, 812, 1613, 620, 417, 1095, 2021, 1064, 373, 1893, 2001, 173, 1488, 1082, 1047, 1395, 1860, 1017, 1883, 568, 1979, 1155, 1098, 827, 709, 79, 1823, 494, 668, 426, 1870, 848, 1195, 1507, 2125, 1861, 833, 1556, 1758, 289, 128, 828, 698, 699, 1501, 845, 838, 779, 642, 994, 701, 371, 1053, 1651, 1757, 1094, 2087, 1171, 702, 1031, 1892, 1571"
      const o = mes(bielany!, { completion: "add1", add1: { increment: 1000 } })
      expect(ids(o)).toStrictEqual(list(add1))
      expect([o.totalCost, o.sharePerVoter]).toStrictEqual([4081270, 13566])
      const u = mes(bielany!, { completion: "add1-utilitarian", add1: { increment: 1000 } })
      expect(ids(u)).toStrictEqual(list(`${add1}, 607, 1404, 1267, 1023`))
      expect(u.totalCost).toBe(4321670)
    })

    it("synthetic cumulative and ordinal elections: the pabutools winners (cardinal and Borda satisfaction)", () => {
      const cumulative = mes(election("pabulib/synthetic/synthetic_cumulative.pb"), { completion: "none" })
      expect([...ids(cumulative)].sort()).toStrictEqual(["p10", "p2", "p5", "p7"])
      const ordinal = mes(election("pabulib/synthetic/synthetic_ordinal.pb"), { completion: "none" })
      expect([...ids(ordinal)].sort()).toStrictEqual(["p1", "p3", "p4", "p6", "p9"])
    })

    it("Marysin Północny 2017: MES {1094, 536, 1078} and Add1 at 454 per voter (own checks in EXPECTED.md)", () => {
      const e = election("pabulib/poland_warszawa_2017_marysin-polnocny.pb")
      expect(ids(mes(e, { completion: "none" }))).toStrictEqual(["1094", "536", "1078"])
      const add1 = mes(e, { completion: "add1" })
      expect([...ids(add1)].sort()).toStrictEqual(["1078", "1094", "1600", "2562", "536"])
      expect([add1.totalCost, add1.sharePerVoter]).toStrictEqual([99360, 454])
    })
  }
)

// abcvoting (Lackner et al.) committee instances: approval, unit costs, committee size = budget.
const abc = (file: string) => {
  const text = readFileSync(join(BENCH, "abcvoting", file), "utf8")
  const profile = JSON.parse((/profile: (\[[\s\S]*?\]\])\n/.exec(text)?.[1] ?? "[]").replace(/\s+/g, "")) as Array<
    Array<number>
  >
  const k = Number(/committeesize: (\d+)/.exec(text)?.[1])
  const m = Number(/num_cand: (\d+)/.exec(text)?.[1])
  const result = (rule: string) =>
    JSON.parse(new RegExp(`rule_id: ${rule}\\n  result: (\\[\\[[^\\n]*\\]\\])`).exec(text)?.[1] ?? "null") as Array<
      Array<number>
    >
  const e: Agenda.Election.Election = {
    budget: k,
    candidates: Array.from({ length: m }, (_, c) => ({ id: String(c), cost: 1 })),
    votes: profile.map((p) => ({ _tag: "approval", themeIds: p.map(String) }))
  }
  return { e, n: profile.length, result }
}

describe.skipIf(!hasData)("Equal Shares on abcvoting reference instances", () => {
  for (const file of ["instanceM0018.abc.yaml", "instanceM0015.abc.yaml", "instanceL0059.abc.yaml"]) {
    it(`${file}: increment completion and AV (utilitarian) completion give abcvoting's committees`, () => {
      const { e, n, result } = abc(file)
      const committee = (o: Agenda.EqualShares.Outcome) => ids(o).map(Number).sort()
      const increment = mes(e, { completion: "add1", add1: { integral: false, increment: 1 / (1000 * n) } })
      expect(result("equal-shares-with-increment-completion")).toContainEqual(committee(increment))
      expect(result("equal-shares-with-av-completion")).toContainEqual(committee(mes(e, { completion: "utilitarian" })))
    })
  }
})

describe("Equal Shares: worked examples and tie-breaking", () => {
  const approval = (...sets: Array<Array<string>>) => sets.map((themeIds) => ({ _tag: "approval" as const, themeIds }))

  it("a group of 2 of 3 voters gets about two thirds of the budget, the other voter one third", () => {
    // Peters & Skowron's motivating example: greedy would give the majority everything.
    const e = {
      budget: 3,
      candidates: ["a1", "a2", "a3", "b1"].map((id) => ({ id, cost: 1 })),
      votes: approval(["a1", "a2", "a3"], ["a1", "a2", "a3"], ["b1"])
    }
    const o = mes(e, { completion: "none" })
    expect([...ids(o)].sort()).toStrictEqual(["a1", "a2", "b1"])
    const greedy = Agenda.Greedy.select(e)
    expect(Either.getOrThrow(greedy).selected.map((s) => s.id)).toStrictEqual(["a1", "a2", "a3"])
  })

  it("51 % for ten red projects and 49 % for ten blue, money for ten: five of each (equalshares.net, Wikipedia)", () => {
    const red = Array.from({ length: 10 }, (_, k) => `red-${k}`)
    const blue = Array.from({ length: 10 }, (_, k) => `blue-${k}`)
    const e = {
      budget: 10,
      candidates: [...red, ...blue].map((id) => ({ id, cost: 1 })),
      votes: [...Array.from({ length: 51 }, () => red), ...Array.from({ length: 49 }, () => blue)].map((themeIds) => ({
        _tag: "approval" as const,
        themeIds
      }))
    }
    const count = (o: Agenda.EqualShares.Outcome, prefix: string) => ids(o).filter((id) => id.startsWith(prefix)).length
    const plain = mes(e, { completion: "none" })
    expect([count(plain, "red"), count(plain, "blue")]).toStrictEqual([5, 4])
    const completed = mes(e, { completion: "add1", add1: { integral: false, increment: 0.001 } })
    expect([count(completed, "red"), count(completed, "blue")]).toStrictEqual([5, 5])
    expect(Either.getOrThrow(Agenda.Greedy.select(e)).selected.every((s) => s.id.startsWith("red"))).toBe(true)
  })

  it("with unequal costs, a supporter pays ρ·u or everything left, never more than the equal share", () => {
    const e = {
      budget: 90,
      candidates: [
        { id: "big", cost: 60 },
        { id: "small", cost: 20 }
      ],
      votes: approval(["big", "small"], ["big"], ["small"])
    }
    const o = mes(e, { completion: "none" })
    // Each voter has 30. Both have two supporters, so ρ ties (1/2 per unit of cost) and the cheaper
    // goes first: small costs 20, 10 from each supporter. Then big's supporters hold 20 + 30 < 60.
    expect(ids(o)).toStrictEqual(["small"])
    expect(o.selected[0]?.maxPayment).toBe(10)
    expect(o.selected[0]?.exhausted).toBe(0)
    expect(o.selected[0]?.tiedWith).toStrictEqual(["big"])
    expect(o.rejected.get("big")).toStrictEqual({ _tag: "Unaffordable", step: 1, money: 50 })
    expect(o.leftPerVoter).toStrictEqual([20, 30, 20])
  })

  it("ties on ρ: more supporters first, then lower cost, then the id in code-point order", () => {
    // Cardinality satisfaction: ρ = cost / supporters, so 2/2 and 3/3 tie; the one with 3 supporters wins.
    const bySupporters = mes(
      {
        budget: 100,
        candidates: [
          { id: "two", cost: 2 },
          { id: "three", cost: 3 }
        ],
        votes: approval(["two", "three"], ["two", "three"], ["three"])
      },
      { completion: "none", satisfaction: "cardinality" }
    )
    expect(ids(bySupporters)).toStrictEqual(["three", "two"])
    expect(bySupporters.selected[0]?.tiedWith).toStrictEqual(["two"])
    // Cost satisfaction: ρ = 1 / supporters; equal supporters, so the cheaper goes first.
    const byCost = mes(
      {
        budget: 100,
        candidates: [
          { id: "dear", cost: 30 },
          { id: "cheap", cost: 10 }
        ],
        votes: approval(["dear", "cheap"], ["dear", "cheap"])
      },
      { completion: "none" }
    )
    expect(ids(byCost)).toStrictEqual(["cheap", "dear"])
    // Same everything: code points decide. U+FF61 is below U+1F600, though its UTF-16 unit is above.
    const byId = mes(
      {
        budget: 100,
        candidates: [
          { id: "\u{1F600}", cost: 5 },
          { id: "\uFF61", cost: 5 }
        ],
        votes: approval(["\u{1F600}", "\uFF61"])
      },
      { completion: "none" }
    )
    expect(ids(byId)).toStrictEqual(["\uFF61", "\u{1F600}"])
  })

  it("Add1 stops when every supported candidate is in, instead of raising shares for ever", () => {
    const o = mes(
      { budget: 1000, candidates: [{ id: "a", cost: 1 }], votes: approval(["a"], ["a"]) },
      { completion: "add1", add1: { integral: false, increment: 0.001 } }
    )
    expect(ids(o)).toStrictEqual(["a"])
  })

  it("lists every problem of an election with its path", () => {
    const result = Agenda.EqualShares.select({
      budget: -1,
      candidates: [
        { id: "a", cost: 1 },
        { id: "a", cost: Number.NaN }
      ],
      votes: [
        { _tag: "approval", themeIds: ["a", "zz"] },
        { _tag: "dots", dots: [{ themeId: "a", dots: 1 }] }
      ]
    })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result))
      expect(result.left.problems.map((p) => p.path)).toStrictEqual([
        "budget",
        "candidates[1].id",
        "candidates[1].cost",
        "votes[0].themeIds[1]",
        "votes[1]"
      ])
  })
})
