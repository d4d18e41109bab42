import { Agenda } from "@grenzeloos/core"
import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"

// Fixed seeds: a failure prints the seed and the counterexample, and reruns identically.
const params = (seed: number, numRuns = 150) => ({ seed, numRuns })

const run = (input: Agenda.Input.AgendaInput) => Either.getOrThrow(Agenda.Prioritise.prioritise(input))
const programmeOf = (result: Agenda.Prioritise.AgendaResult) => result.programme.map((t) => t.themeId)

const carriedMethods: ReadonlyArray<
  Extract<Agenda.Input.Method, { readonly _tag: "perpetual-phragmen" | "equal-shares-carried" }>
> = [{ _tag: "perpetual-phragmen" }, { _tag: "equal-shares-carried" }]

/**
 * One meeting of a party-list community: every group approves only its own themes, and each group
 * proposes `perMeeting` fresh themes of 60 minutes; the meeting holds `perMeeting` themes.
 */
const partyMeeting = (
  sizes: ReadonlyArray<number>,
  perMeeting: number,
  meeting: number,
  method: Agenda.Input.Method,
  carried: ReadonlyArray<Agenda.Carried.MemberRecord>
): Agenda.Input.AgendaInput => {
  const themesOf = (g: number) => Array.from({ length: perMeeting }, (_, k) => `g${g}-m${meeting}-t${k}`)
  const themes = sizes.flatMap((_, g) => themesOf(g).map((id) => ({ id, durationMinutes: 60 })))
  return {
    round: { themeIds: themes.map((t) => t.id), format: { _tag: "approval" } },
    themes,
    ballots: sizes.flatMap((size, g) =>
      Array.from({ length: size }, (_, i) => ({
        memberId: `g${g}-${i}`,
        content: { _tag: "approval" as const, themeIds: themesOf(g) }
      }))
    ),
    budget: { _tag: "minutes", minutes: 60 * perMeeting },
    method,
    ...(carried.length > 0 ? { carried } : {})
  }
}

/** Runs `meetings` votes, carrying the records; returns the themes each group got in total. */
const seasons = (
  sizes: ReadonlyArray<number>,
  perMeeting: number,
  meetings: number,
  method: Agenda.Input.Method
): Array<number> => {
  let carried: ReadonlyArray<Agenda.Carried.MemberRecord> = []
  const won = sizes.map(() => 0)
  for (let k = 0; k < meetings; k++) {
    const result = run(partyMeeting(sizes, perMeeting, k, method, carried))
    carried = result.carried?.records ?? []
    for (const id of programmeOf(result)) {
      const g = Number(id.slice(1, id.indexOf("-")))
      won[g] = (won[g] ?? 0) + 1
    }
  }
  return won
}

describe("carried methods: a minority that loses one meeting wins the next", () => {
  // Two members want a1 and a2, one wants b1; one hour a meeting.
  const meeting = (k: number, method: Agenda.Input.Method, carried?: ReadonlyArray<Agenda.Carried.MemberRecord>) => {
    const [a, b] = [`a${k}`, `b${k}`]
    return {
      round: { id: `v-${k}`, themeIds: [a, b], format: { _tag: "approval" as const } },
      themes: [
        { id: a, durationMinutes: 60 },
        { id: b, durationMinutes: 60 }
      ],
      ballots: [
        { memberId: "anna", content: { _tag: "approval" as const, themeIds: [a] } },
        { memberId: "bram", content: { _tag: "approval" as const, themeIds: [a] } },
        { memberId: "cem", content: { _tag: "approval" as const, themeIds: [b] } }
      ],
      budget: { _tag: "minutes" as const, minutes: 60 },
      method,
      ...(carried === undefined ? {} : { carried }),
      language: "en" as const
    }
  }

  for (const method of carriedMethods)
    it(`${method._tag}: the majority wins twice, then the member who lost, and the explanation says why`, () => {
      const first = run(meeting(1, method))
      expect(programmeOf(first)).toStrictEqual(["a1"])
      const records = first.carried?.records ?? []
      const cem = records.find((r) => r.memberId === "cem")
      expect(cem).toMatchObject({ meeting: 1, votingRoundId: "v-1", fairShareMinutes: 20, gotMinutes: 0 })
      expect(cem?.balanceMinutes).toBeCloseTo(0.75 * 20)
      expect(records.find((r) => r.memberId === "anna")?.balanceMinutes).toBeCloseTo(0.75 * (20 - 30))

      // Meeting 2: anna and bram's new load (60 + 2 × 7.5) / 2 = 37.5 is still below cem's 60 − 15 = 45.
      const second = run(meeting(2, method, records))
      expect(programmeOf(second)).toStrictEqual(["a2"])
      // Meeting 3: 43.125 against 60 − 26.25 = 33.75: cem's theme.
      const history = [...records, ...(second.carried?.records ?? [])]
      const third = run(meeting(3, method, history))
      expect(programmeOf(third)).toStrictEqual(["b3"])
      expect(third.carried?.members.find((m) => m.memberId === "cem")?.explanation).toBe(
        "Over the last 2 meetings your themes got 0 minutes of the programme: 0% of your fair share (0 of 40 minutes, shared with those who supported the same themes). So your vote weighs more this time: 46.25 minutes instead of 20 minutes."
      )
      const nl = run({ ...meeting(3, method, history), language: "nl" })
      expect(nl.carried?.members.find((m) => m.memberId === "anna")?.explanation).toBe(
        "Over de laatste 2 bijeenkomsten kregen uw thema's 120 minuten op het programma: 150 % van uw eerlijke deel (60 van 40 minuten, gedeeld met wie dezelfde thema's steunde). Daarom weegt uw stem deze keer minder: 6,88 minuten in plaats van 20 minuten."
      )
      expect(third.carried?.records.find((r) => r.memberId === "cem")).toMatchObject({
        meeting: 3,
        carriedInMinutes: 26.25,
        supportedMinutes: 60
      })
      expect(third.carried?.records.find((r) => r.memberId === "cem")?.gotMinutes).toBeCloseTo(60, 6)
    })

  it("without carried records the first vote explains that it is the first", () => {
    const first = run(meeting(1, { _tag: "perpetual-phragmen" }))
    expect(first.carried?.members[0]?.explanation).toBe(
      "This is your first vote that counts across meetings: your vote weighs the usual 20 minutes."
    )
  })

  it("a member who does not vote keeps their balance, decayed", () => {
    const first = run(meeting(1, { _tag: "perpetual-phragmen", decay: 0.5 }))
    const input = meeting(2, { _tag: "perpetual-phragmen", decay: 0.5 }, first.carried?.records ?? [])
    const second = run({ ...input, ballots: input.ballots.filter((b) => b.memberId !== "cem") })
    const history = [...(first.carried?.records ?? []), ...(second.carried?.records ?? [])]
    const third = run(meeting(3, { _tag: "perpetual-phragmen", decay: 0.5 }, history))
    expect(third.carried?.members.find((m) => m.memberId === "cem")?.explanation).toBe(
      "Over the last 2 meetings your themes got 0 minutes of the programme: 0% of your fair share (0 of 20 minutes, shared with those who supported the same themes). So your vote weighs more this time: 25 minutes instead of 20 minutes."
    )
    const absent = Agenda.Carried.weight(
      "cem",
      (second.carried?.records ?? []).filter((r) => r.memberId === "cem"),
      20
    )
    expect(Agenda.Texts.carried("en", absent)).toBe(
      "At the last meeting you did not vote. Your vote weighs more this time: 25 minutes instead of 20 minutes."
    )
    expect(second.carried?.records.find((r) => r.memberId === "cem")).toMatchObject({
      voted: false,
      fairShareMinutes: 0,
      carriedInMinutes: 10,
      gotMinutes: 0,
      balanceMinutes: 5
    })
  })

  it("a decay outside 0..1 and a broken record are input problems with their paths", () => {
    const bad = Agenda.Prioritise.prioritise({
      ...meeting(1, { _tag: "equal-shares-carried", decay: 1.5 }),
      carried: [
        {
          memberId: "cem",
          meeting: 0,
          method: "equal-shares-carried",
          decay: 0.75,
          voted: true,
          fairShareMinutes: 20,
          carriedInMinutes: 0,
          owedMinutes: 20,
          gotMinutes: 0,
          supportedMinutes: 0,
          balanceMinutes: Number.NaN
        }
      ]
    })
    if (Either.isRight(bad) || bad.left._tag !== "AgendaInputError") throw new Error("expected input problems")
    expect(bad.left.problems.map((p) => p.path)).toStrictEqual([
      "method.decay",
      "carried[0].meeting",
      "carried[0].balanceMinutes"
    ])
  })
})

describe("carried methods: properties", () => {
  const community = fc.record({
    sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 4 }),
    perMeeting: fc.integer({ min: 1, max: 3 }),
    meetings: fc.integer({ min: 2, max: 8 })
  })

  it("perpetual Phragmén without decay gives every cohesive group its lower quota over the meetings (D'Hondt over all seats)", () => {
    fc.assert(
      fc.property(community, ({ sizes, perMeeting, meetings }) => {
        const won = seasons(sizes, perMeeting, meetings, { _tag: "perpetual-phragmen", decay: 1 })
        const n = sizes.reduce((s, x) => s + x, 0)
        sizes.forEach((size, g) => {
          expect(won[g]).toBeGreaterThanOrEqual(Math.floor((perMeeting * meetings * size) / n))
        })
      }),
      params(1801)
    )
  })

  it("Equal Shares with carried budgets and no decay gives every cohesive group its lower quota less one theme", () => {
    fc.assert(
      fc.property(community, ({ sizes, perMeeting, meetings }) => {
        const won = seasons(sizes, perMeeting, meetings, { _tag: "equal-shares-carried", decay: 1 })
        const n = sizes.reduce((s, x) => s + x, 0)
        sizes.forEach((size, g) => {
          expect(won[g]).toBeGreaterThanOrEqual(Math.floor((perMeeting * meetings * size) / n) - 1)
        })
      }),
      params(1802)
    )
  })

  it("with decay 0 nothing is carried: every vote is the method without history", () => {
    fc.assert(
      fc.property(community, fc.constantFrom(...carriedMethods), ({ sizes, perMeeting }, method) => {
        const first = run(partyMeeting(sizes, perMeeting, 0, { ...method, decay: 0 }, []))
        const records = first.carried?.records ?? []
        expect(records.every((r) => r.balanceMinutes === 0)).toBe(true)
        const withHistory = run(partyMeeting(sizes, perMeeting, 1, { ...method, decay: 0 }, records))
        const without = run(partyMeeting(sizes, perMeeting, 1, { ...method, decay: 0 }, []))
        expect(programmeOf(withHistory)).toStrictEqual(programmeOf(without))
      }),
      params(1803, 60)
    )
  })

  it("the records account for every minute: owed = share + carried in, balance = decay × (owed − got), and what was charged is the programme", () => {
    const ballots = fc.array(fc.subarray(["t1", "t2", "t3", "t4", "t5"], { minLength: 1 }), {
      minLength: 1,
      maxLength: 12
    })
    const balance = fc.double({ min: -30, max: 30, noNaN: true })
    fc.assert(
      fc.property(
        ballots,
        fc.array(balance, { minLength: 12, maxLength: 12 }),
        fc.constantFrom(...carriedMethods),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (approvals, balances, method, decay) => {
          const themes = ["t1", "t2", "t3", "t4", "t5"].map((id, k) => ({ id, durationMinutes: 45 + 15 * (k % 4) }))
          const previous: Array<Agenda.Carried.MemberRecord> = balances.map((b, k) => ({
            memberId: `m${k}`,
            meeting: 1,
            method: method._tag as Agenda.Carried.CarriedMethod,
            decay,
            voted: true,
            fairShareMinutes: 10,
            carriedInMinutes: 0,
            owedMinutes: 10,
            gotMinutes: 10 - b / Math.max(decay, 1e-9),
            supportedMinutes: 0,
            balanceMinutes: b
          }))
          const result = run({
            round: { themeIds: themes.map((t) => t.id), format: { _tag: "approval" } },
            themes,
            ballots: approvals.map((themeIds, k) => ({ memberId: `m${k}`, content: { _tag: "approval", themeIds } })),
            budget: { _tag: "minutes", minutes: 120 },
            method: { ...method, decay },
            carried: previous
          })
          const records = result.carried?.records ?? []
          expect(records.length).toBe(12)
          expect(new Set(records.map((r) => r.meeting))).toStrictEqual(new Set([2]))
          for (const r of records) {
            expect(r.carriedInMinutes).toBe(balances[Number(r.memberId.slice(1))])
            expect(r.owedMinutes).toBeCloseTo(r.fairShareMinutes + r.carriedInMinutes, 9)
            expect(r.balanceMinutes).toBeCloseTo(decay * (r.owedMinutes - r.gotMinutes), 9)
          }
          const voters = records.filter((r) => r.voted)
          expect(voters.length).toBe(approvals.length)
          const charged = voters.reduce((s, r) => s + r.gotMinutes, 0)
          const programme = result.programme.reduce((s, t) => s + t.durationMinutes, 0)
          // Every programmed theme was bought by the method (none was pinned or added for a minimum).
          expect(charged).toBeCloseTo(programme, 6)
          expect(voters.reduce((s, r) => s + r.fairShareMinutes, 0)).toBeCloseTo(120, 9)
        }
      ),
      params(1804)
    )
  })

  it("Equal Shares with carried budgets and no history equals plain Equal Shares without completion", () => {
    const election = fc.record({
      approvals: fc.array(fc.subarray(["t1", "t2", "t3", "t4"], { minLength: 1 }), { minLength: 1, maxLength: 10 }),
      budget: fc.integer({ min: 45, max: 240 })
    })
    fc.assert(
      fc.property(election, ({ approvals, budget }) => {
        const e = {
          budget,
          candidates: ["t1", "t2", "t3", "t4"].map((id, k) => ({ id, cost: 30 + 15 * k })),
          votes: approvals.map((themeIds) => ({ _tag: "approval" as const, themeIds }))
        }
        const plain = Either.getOrThrow(Agenda.EqualShares.select(e, { completion: "none" }))
        const carried = Either.getOrThrow(
          Agenda.EqualShares.select(e, { completion: "none", carried: approvals.map(() => 0) })
        )
        expect(carried.selected.map((s) => s.id)).toStrictEqual(plain.selected.map((s) => s.id))
      }),
      params(1805)
    )
  })
})

describe("Phragmen.select", () => {
  it("buys what the supporters with the lowest loads can share, within the budget", () => {
    const election = {
      budget: 60,
      candidates: [
        { id: "t-woo", cost: 60 },
        { id: "t-ai", cost: 60 }
      ],
      votes: [
        { _tag: "approval" as const, themeIds: ["t-woo"] },
        { _tag: "approval" as const, themeIds: ["t-woo"] },
        { _tag: "approval" as const, themeIds: ["t-ai"] }
      ]
    }
    const fresh = Either.getOrThrow(Agenda.Phragmen.select(election))
    expect(fresh.selected.map((s) => s.id)).toStrictEqual(["t-woo"])
    expect(fresh.loadsAfter).toStrictEqual([30, 30, 0])
    expect(fresh.doesNotFit.get("t-ai")).toBe(0)
    const owed = Either.getOrThrow(Agenda.Phragmen.select(election, { loads: [0, 0, -60] }))
    expect(owed.selected.map((s) => s.id)).toStrictEqual(["t-ai"])
    expect(Either.isLeft(Agenda.Phragmen.select(election, { loads: [0] }))).toBe(true)
  })
})
