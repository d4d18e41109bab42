import { Domain, Scheduling, Texts } from "@grenzeloos/core"
import { DateTime, Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"

const { Intakes } = Scheduling
const amsterdam = { timeZone: "Europe/Amsterdam" } as const
const fac = (i: number) => Domain.FacilitatorId.make(`f-${i}`)
const mem = (i: number) => Domain.MemberId.make(`m-${i}`)

/** Slot j: facilitator j % f, day 2027-01-11 + floor(j / 4) (Mon…), hour 9 + 2 * (j % 4) local. */
const slotAt = (j: number, facilitators: number, preference?: "preferred" | "possible"): Scheduling.Intakes.Slot => ({
  id: Domain.SlotId.make(`s-${j}`),
  facilitatorId: fac(j % facilitators),
  startsAt: DateTime.unsafeMakeZoned(Date.UTC(2027, 0, 11 + Math.floor(j / 4), 8 + 2 * (j % 4)), amsterdam),
  durationMinutes: 60,
  ...(preference === undefined ? {} : { preference })
})

describe("Intakes.plan", () => {
  it("places everyone optimally where greedy would not", () => {
    // m-0 can take s-0 or s-1 (prefers f-0: s-0); m-1 can only take s-0. Greedy in member order
    // gives m-0 s-0 and leaves m-1 out; the optimum places both.
    const slots = [slotAt(0, 2), slotAt(1, 2)]
    const plan = Either.getOrThrow(
      Intakes.plan({
        members: [
          { id: mem(0), preferredFacilitatorIds: [fac(0)] },
          { id: mem(1), unavailableSlotIds: [slots[1]!.id] }
        ],
        slots,
        facilitators: [
          { id: fac(0), maxPerDay: 4 },
          { id: fac(1), maxPerDay: 4 }
        ]
      })
    )
    expect(plan.assignments.map((a) => `${a.memberId}:${a.slotId}`).sort()).toEqual(["m-0:s-1", "m-1:s-0"])
    expect(plan.totalCost).toBe(3)
    expect(plan.unplaced).toEqual([])
  })

  it("respects each facilitator's maximum per day and says who could not be placed and why", () => {
    const slots = [0, 1, 2].map((j) => slotAt(j, 1)) // all f-0, the same Monday
    const plan = Either.getOrThrow(
      Intakes.plan({
        members: [
          { id: mem(0) },
          { id: mem(1) },
          { id: mem(2) },
          { id: mem(3), availability: { weekdays: ["friday"], partsOfDay: [], unavailableOn: [] } }
        ],
        slots,
        facilitators: [{ id: fac(0), maxPerDay: 2 }]
      })
    )
    expect(plan.assignments).toHaveLength(2)
    expect(plan.unplaced.map((u) => [u.memberId, u.reason])).toEqual([
      ["m-2", "taken"],
      ["m-3", "no-fitting-slot"]
    ])
    expect(plan.unplaced[0] && Texts.en.reason(plan.unplaced[0].explanation)).toContain("f-0 on 2027-01-11 (at most 2)")
  })

  it("rejects overlapping slots of one facilitator and unknown facilitators, with paths", () => {
    const overlapping = { ...slotAt(0, 1), id: Domain.SlotId.make("s-dup") }
    const result = Intakes.plan({
      members: [{ id: mem(0) }],
      slots: [slotAt(0, 1), overlapping, { ...slotAt(1, 1), facilitatorId: fac(9) }],
      facilitators: [{ id: fac(0), maxPerDay: 1 }]
    })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left.problems.map((p) => p.path)).toEqual(["slots[2].facilitatorId", "slots[1].startsAt"])
      expect(result.left.problems[1]?.message).toContain("overlaps slot s-0")
    }
  })

  const instance = fc
    .record({
      members: fc.integer({ min: 1, max: 5 }),
      slots: fc.integer({ min: 1, max: 6 }),
      facilitators: fc.integer({ min: 1, max: 3 }),
      caps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
      unavailable: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
      preferred: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
      possible: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })
    })
    .map((r): Scheduling.Intakes.Input => {
      const slots = Array.from({ length: r.slots }, (_, j) =>
        slotAt(j, r.facilitators, r.possible[j] ? "possible" : "preferred")
      )
      return {
        members: Array.from({ length: r.members }, (_, i) => ({
          id: mem(i),
          unavailableSlotIds: slots.filter((_, j) => r.unavailable[i * 6 + j]).map((s) => s.id),
          preferredFacilitatorIds: [fac(r.preferred[i] as number)]
        })),
        slots,
        facilitators: Array.from({ length: r.facilitators }, (_, f) => ({ id: fac(f), maxPerDay: r.caps[f] as number }))
      }
    })

  /** Every assignment (member → slot or nobody) checked by enumeration: most placed, then least cost. */
  const bruteForce = (input: Scheduling.Intakes.Input) => {
    const matrix = Intakes.costMatrix(input)
    const caps = new Map(input.facilitators.map((f) => [f.id as string, f.maxPerDay]))
    const dayOf = (j: number) => {
      const s = input.slots[j]!
      return `${s.facilitatorId} ${DateTime.formatIsoDateUtc(s.startsAt)}`
    }
    let best = { placed: -1, cost: Number.POSITIVE_INFINITY }
    const used = new Set<number>()
    const load = new Map<string, number>()
    const go = (i: number, placed: number, cost: number) => {
      if (i === input.members.length) {
        if (placed > best.placed || (placed === best.placed && cost < best.cost)) best = { placed, cost }
        return
      }
      go(i + 1, placed, cost)
      matrix[i]!.forEach((c, j) => {
        if (c < 0 || used.has(j)) return
        const key = dayOf(j)
        const l = load.get(key) ?? 0
        if (l >= (caps.get(input.slots[j]!.facilitatorId) ?? 0)) return
        used.add(j)
        load.set(key, l + 1)
        go(i + 1, placed + 1, cost + c)
        used.delete(j)
        load.set(key, l)
      })
    }
    go(0, 0, 0)
    return best
  }

  it("equals the brute-force optimum on small instances and stays within availability and caps (property)", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = Either.getOrThrow(Intakes.plan(input))
        const best = bruteForce(input)
        expect(plan.assignments.length).toBe(best.placed)
        expect(plan.totalCost).toBe(best.cost)
        const matrix = Intakes.costMatrix(input)
        const slotIndex = new Map(input.slots.map((s, j) => [s.id as string, j]))
        const memberIndex = new Map(input.members.map((m, i) => [m.id as string, i]))
        const perDay = new Map<string, number>()
        const seenSlots = new Set<string>()
        let cost = 0
        for (const a of plan.assignments) {
          const c = matrix[memberIndex.get(a.memberId)!]![slotIndex.get(a.slotId)!]!
          expect(c).toBeGreaterThanOrEqual(0) // within both sides' availability
          expect(a.cost).toBe(c)
          cost += c
          expect(seenSlots.has(a.slotId)).toBe(false)
          seenSlots.add(a.slotId)
          const key = `${a.facilitatorId} ${DateTime.formatIsoDateUtc(a.startsAt)}`
          perDay.set(key, (perDay.get(key) ?? 0) + 1)
        }
        expect(cost).toBe(plan.totalCost)
        for (const [key, n] of perDay) {
          const f = input.facilitators.find((x) => key.startsWith(`${x.id} `))!
          expect(n).toBeLessThanOrEqual(f.maxPerDay)
        }
        expect(plan.assignments.length + plan.unplaced.length).toBe(input.members.length)
        return true
      }),
      { seed: 5545, numRuns: 300 }
    )
  })
})
