import { Grouping } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

const groupSizes = (round: Int32Array) => {
  const sizes = new Map<number, number>()
  for (const g of round) sizes.set(g, (sizes.get(g) ?? 0) + 1)
  return [...sizes.values()]
}

describe("rotations from finite geometry", () => {
  // (people, group size, rounds): the social golfer instances these shapes cover, up to the most
  // rounds a partial spread allows (9 for 8-4: no 10 disjoint lines exist in PG(4, 2)).
  const cases: ReadonlyArray<readonly [number, number, number]> = [
    [16, 4, 5], // 4-4-5, a full spread of PG(3, 2)
    [32, 4, 9], // 8-4-9
    [25, 5, 6], // 5-5-6, the affine plane of order 5
    [27, 3, 13], // 9-3-13, the parallel classes of AG(3, 3)
    [64, 4, 21], // 16-4-21
    [81, 9, 10] // 9-9-10
  ]
  for (const [n, p, rounds] of cases)
    it(`${n / p}-${p}-${rounds}: groups of ${p}, nobody meets twice`, () => {
      const built = Grouping.Geometry.rotation(n, p, rounds, { seed: 1 })
      expect(built).toHaveLength(rounds)
      for (const round of built ?? []) expect(groupSizes(round)).toEqual(Array.from({ length: n / p }, () => p))
      expect(Grouping.Rotation.repeatsOf(n, built ?? [])).toEqual({ repeats: 0, extraMeetings: 0 })
    })

  it("answers undefined where it does not apply, so the search takes over", () => {
    expect(Grouping.Geometry.rotation(32, 4, 10, { seed: 1 })).toBeUndefined() // more than a partial spread holds
    expect(Grouping.Geometry.rotation(24, 4, 3, { seed: 1 })).toBeUndefined() // 24 is no prime power
    expect(Grouping.Geometry.rotation(64, 8, 3, { seed: 1 })).toBeUndefined() // 8 = 2³: not q or q²
    expect(Grouping.Geometry.rotation(100, 4, 3, { seed: 1 })).toBeUndefined()
  })

  it("is reproducible for a seed", () => {
    expect(Grouping.Geometry.rotation(32, 4, 9, { seed: 7 })).toEqual(Grouping.Geometry.rotation(32, 4, 9, { seed: 7 }))
  })

  it("the rotation planner answers 8-4-9 with it when there is no policy, and counts the result itself", () => {
    const n = 32
    const result = Grouping.Rotation.solve(
      { size: n, rounds: 9, groupSizes: Array.from({ length: 8 }, () => 4), score: new Float64Array(n * n) },
      { seed: 3, iterations: 1 }
    )
    expect(Either.isRight(result) && result.right.repeats).toBe(0)
    expect(Either.isRight(result) && Grouping.Rotation.repeatsOf(n, result.right.rounds).repeats).toBe(0)
  })

  it("leaves rotations with policy scores to the search", () => {
    const n = 16
    const score = new Float64Array(n * n)
    score[1] = 5
    score[n] = 5
    const result = Grouping.Rotation.solve(
      { size: n, rounds: 5, groupSizes: [4, 4, 4, 4], score },
      { seed: 1, iterations: 2000 }
    )
    expect(Either.isRight(result) && result.right.iterations).toBeGreaterThan(0)
  })
})
