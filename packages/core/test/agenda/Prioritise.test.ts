import { Agenda, Domain } from "@grenzeloos/core"
import { Either, FastCheck as fc, Schema } from "effect"
import { describe, expect, it } from "vitest"

const approve = (memberId: string, ...themeIds: Array<string>): Agenda.Input.BallotInput => ({
  memberId,
  content: { _tag: "approval", themeIds }
})
const hour = (...ids: Array<string>) => ids.map((id) => ({ id, durationMinutes: 60 }))

const run = (input: Agenda.Input.AgendaInput) => Either.getOrThrow(Agenda.Prioritise.prioritise(input))
const programmeOf = (result: Agenda.Prioritise.AgendaResult) => result.programme.map((t) => t.themeId)
const failure = (input: Agenda.Input.AgendaInput) => {
  const result = Agenda.Prioritise.prioritise(input)
  if (Either.isRight(result)) throw new Error("expected no programme")
  return result.left
}

// 6 members want the a-themes, 4 the b-themes; the meeting has room for three one-hour themes.
const split: Agenda.Input.AgendaInput = {
  round: { themeIds: ["a1", "a2", "a3", "b1", "b2"], format: { _tag: "approval" } },
  themes: hour("a1", "a2", "a3", "b1", "b2"),
  ballots: [
    ...["m1", "m2", "m3", "m4", "m5", "m6"].map((m) => approve(m, "a1", "a2", "a3")),
    ...["m7", "m8", "m9", "m10"].map((m) => approve(m, "b1", "b2"))
  ],
  budget: { _tag: "minutes", minutes: 180 },
  method: { _tag: "greedy" }
}

describe("prioritise: methods and fairness per member", () => {
  it("greedy gives the majority everything; Equal Shares gives the minority its share", () => {
    const greedy = run(split)
    expect(programmeOf(greedy)).toStrictEqual(["a1", "a2", "a3"])
    expect(greedy.fairness.shareWithAtLeastOne).toBe(0.6)
    const mes = run({ ...split, method: { _tag: "equal-shares" } })
    expect(programmeOf(mes)).toStrictEqual(["a1", "a2", "b1"])
    expect(mes.fairness.shareWithAtLeastOne).toBe(1)
    expect(mes.fairness.members.find((m) => m.memberId === "m7")).toStrictEqual({
      memberId: "m7",
      supported: 2,
      inProgramme: 1
    })
    expect(mes.used).toBe(180)
    expect(mes.backlog.map((t) => [t.themeId, t.place, t.inProgramme])).toStrictEqual([
      ["a1", 1, true],
      ["a2", 2, true],
      ["b1", 3, true],
      ["a3", 4, false],
      ["b2", 5, false]
    ])
  })

  it("explains each theme in Dutch by default and in English on request, from the same reason", () => {
    const nl = run({ ...split, method: { _tag: "equal-shares", completion: "none" } })
    const en = run({ ...split, method: { _tag: "equal-shares", completion: "none" }, language: "en" })
    expect(nl.backlog[0]?.reason).toStrictEqual(en.backlog[0]?.reason)
    expect(en.backlog[0]?.explanation).toBe(
      "Chosen at step 1 of the Method of Equal Shares: 6 members paid for it, each at most 10 minutes of an equal share of 18 minutes. It tied with a2, a3; more supporters, then the shorter duration, then the id decided."
    )
    expect(nl.backlog[0]?.explanation).toMatch(
      /^Gekozen in stap 1 van de methode van gelijke delen: 6 leden betaalden mee/
    )
    expect(en.summary).toBe(
      "By the Method of Equal Shares the programme has 2 themes (120 minutes of 180 minutes). 10 of the 10 members who voted (100%) see at least one theme they supported."
    )
    const last = en.backlog.at(-1)
    expect(last?.inProgramme).toBe(false)
    expect(last?.explanation).toMatch(
      /^At step \d+ the members who supported it had .* left of their equal shares together; it needs 60 minutes\.$/
    )
  })

  it("fills in order and skips what no longer fits (dots), and a slot budget counts themes", () => {
    const input: Agenda.Input.AgendaInput = {
      round: { themeIds: ["long", "mid", "short"], format: { _tag: "dots", dotsPerMember: 5 } },
      themes: [
        { id: "long", durationMinutes: 120 },
        { id: "mid", durationMinutes: 90 },
        { id: "short", durationMinutes: 30 }
      ],
      ballots: [
        { memberId: "m1", content: { _tag: "dots", dots: [{ themeId: "long", dots: 5 }] } },
        {
          memberId: "m2",
          content: {
            _tag: "dots",
            dots: [
              { themeId: "mid", dots: 4 },
              { themeId: "short", dots: 1 }
            ]
          }
        }
      ],
      budget: { _tag: "minutes", minutes: 180 },
      method: { _tag: "dots" }
    }
    const result = run(input)
    expect(programmeOf(result)).toStrictEqual(["long", "short"])
    expect(result.backlog.find((t) => t.themeId === "mid")?.reason).toStrictEqual({
      _tag: "DoesNotFit",
      needed: 90,
      remaining: 60
    })
    expect(programmeOf(run({ ...input, budget: { _tag: "slots", slots: 2 } }))).toStrictEqual(["long", "mid"])
  })

  it("score counts an unscored theme as the minimum", () => {
    const result = run({
      round: { themeIds: ["x", "y"], format: { _tag: "scores", minScore: 1, maxScore: 5 } },
      themes: hour("x", "y"),
      ballots: [
        { memberId: "m1", content: { _tag: "scores", scores: [{ themeId: "x", score: 5 }] } },
        {
          memberId: "m2",
          content: {
            _tag: "scores",
            scores: [
              { themeId: "x", score: 1 },
              { themeId: "y", score: 4 }
            ]
          }
        }
      ],
      budget: { _tag: "minutes", minutes: 60 },
      method: { _tag: "score" }
    })
    expect(result.backlog.map((t) => [t.themeId, t.support])).toStrictEqual([
      ["x", 4],
      ["y", 3]
    ])
  })
})

describe("prioritise: standing rules", () => {
  it("pins go first and take their time; too many pins is a named infeasibility, not an exception", () => {
    const result = run({ ...split, rules: { pinned: ["b2"] } })
    expect(programmeOf(result)).toStrictEqual(["b2", "a1", "a2"])
    expect(result.programme[0]?.reason).toStrictEqual({ _tag: "Pinned", coolingOffOverridden: false })
    const over = failure({ ...split, rules: { pinned: ["a1", "a2", "a3", "b1"] } })
    expect(over).toMatchObject({
      _tag: "AgendaInfeasible",
      constraint: "pinned-over-budget",
      themeIds: ["a1", "a2", "a3", "b1"]
    })
    expect(failure({ ...split, rules: { pinned: ["a1", "b1"], maxThemes: 1 } })).toMatchObject({
      constraint: "pinned-over-max"
    })
  })

  it("cooling-off sets aside themes discussed at one of the last K meetings, unless pinned", () => {
    const themes = [
      { id: "a1", durationMinutes: 60, lastDiscussedMeetingsAgo: 1 },
      { id: "a2", durationMinutes: 60, lastDiscussedMeetingsAgo: 3 },
      ...hour("a3", "b1", "b2")
    ]
    const cooled = run({ ...split, themes, rules: { coolingOff: { meetings: 2 } } })
    expect(programmeOf(cooled)).toStrictEqual(["a2", "a3", "b1"])
    expect(cooled.backlog.at(-1)).toMatchObject({
      themeId: "a1",
      inProgramme: false,
      reason: { _tag: "CoolingOff", meetingsAgo: 1, meetings: 2 },
      explanation: "Rust even: besproken op de vorige bijeenkomst, en thema's rusten 2 bijeenkomsten."
    })
    const pinned = run({ ...split, themes, rules: { coolingOff: { meetings: 2 }, pinned: ["a1"] } })
    expect(pinned.programme[0]?.reason).toStrictEqual({ _tag: "Pinned", coolingOffOverridden: true })
  })

  it("ageing lets the theme that waited longer win a tie, capped at the maximum", () => {
    const themes = [
      { id: "a1", durationMinutes: 60 },
      { id: "a2", durationMinutes: 60, waitingMeetings: 3 },
      ...hour("a3", "b1", "b2")
    ]
    const result = run({
      ...split,
      themes,
      budget: { _tag: "minutes", minutes: 60 },
      rules: { ageing: { percentPerMeeting: 10, maxPercent: 25 } }
    })
    expect(programmeOf(result)).toStrictEqual(["a2"])
    expect(result.programme[0]).toMatchObject({ support: 7.5, ageingPercent: 25 })
    expect(result.programme[0]?.explanation).toMatch(/Het wacht al 3 bijeenkomsten: steun \+25 %\.$/)
    const mes = run({
      ...split,
      themes,
      method: { _tag: "equal-shares" },
      rules: { ageing: { percentPerMeeting: 10 } }
    })
    expect(programmeOf(mes)[0]).toBe("a2")
  })

  it("never exceeds the maximum number of themes, and explains why the rest is out", () => {
    const result = run({ ...split, rules: { maxThemes: 2 } })
    expect(programmeOf(result)).toStrictEqual(["a1", "a2"])
    expect(result.backlog[2]?.reason).toStrictEqual({ _tag: "MaxThemes", maxThemes: 2 })
  })

  it("keeps room for the minimum number of themes, or names the themes when it cannot", () => {
    const input: Agenda.Input.AgendaInput = {
      round: { themeIds: ["long", "s1", "s2"], format: { _tag: "approval" } },
      themes: [
        { id: "long", durationMinutes: 100 },
        { id: "s1", durationMinutes: 30 },
        { id: "s2", durationMinutes: 40 }
      ],
      ballots: [approve("m1", "long", "s1"), approve("m2", "long"), approve("m3", "s2")],
      budget: { _tag: "minutes", minutes: 120 },
      method: { _tag: "greedy" },
      rules: { minThemes: 2 }
    }
    const result = run(input)
    expect(programmeOf(result)).toStrictEqual(["s1", "s2"])
    expect(result.backlog.find((t) => t.themeId === "long")?.reason).toStrictEqual({
      _tag: "ReservedForMinimum",
      minThemes: 2
    })
    expect(failure({ ...input, rules: { minThemes: 3 } })).toMatchObject({
      _tag: "AgendaInfeasible",
      constraint: "min-themes",
      themeIds: ["s1", "s2", "long"]
    })
    // A theme nobody supports only goes in to reach the minimum.
    const filled = run({
      ...input,
      ballots: [approve("m1", "long")],
      budget: { _tag: "minutes", minutes: 200 },
      rules: { minThemes: 2 }
    })
    expect(programmeOf(filled)).toStrictEqual(["long", "s1"])
    expect(filled.programme[1]?.reason).toStrictEqual({ _tag: "AddedForMinimum", minThemes: 2 })
  })
})

describe("prioritise from domain records", () => {
  it("derives waiting time and the last discussion from the past gatherings", () => {
    const round = Schema.decodeUnknownSync(Domain.VotingRound)({
      id: "v-2027-q1",
      communityId: "rijk",
      title: "Programma voorjaarsbijeenkomst",
      themeIds: ["t-woo", "t-sabotage"],
      format: { _tag: "approval" },
      status: "closed",
      opensAt: "2027-01-04T08:00:00.000Z",
      closesAt: "2027-01-18T17:00:00.000Z"
    })
    const theme = (id: string, proposedOn: string, discussedAt: Array<string>) =>
      Schema.decodeUnknownSync(Domain.Theme)({
        id,
        communityId: "rijk",
        title: id,
        durationMinutes: 60,
        status: "backlog",
        proposedBy: { _tag: "Member", memberId: "m-001" },
        proposedOn,
        discussedAt
      })
    const ballot = (id: string, memberId: string, castAt: string, themeIds: Array<string>) =>
      Schema.decodeUnknownSync(Domain.Ballot)({
        id,
        communityId: "rijk",
        votingRoundId: "v-2027-q1",
        memberId,
        castAt,
        content: { _tag: "approval", themeIds }
      })
    const input = Agenda.Input.fromDomain({
      round,
      themes: [
        theme("t-woo", "2026-01-10", []),
        theme("t-sabotage", "2025-12-01", ["q-2026-4"]),
        theme("t-other", "2026-01-01", [])
      ],
      ballots: [
        ballot("b-1", "m-001", "2027-01-05T10:00:00.000Z", ["t-sabotage"]),
        ballot("b-2", "m-001", "2027-01-06T10:00:00.000Z", ["t-woo"])
      ],
      pastGatherings: [
        { id: "q-2026-4", heldOn: "2026-12-10" },
        { id: "q-2026-2", heldOn: "2026-06-10" },
        { id: "q-2026-3", heldOn: "2026-09-10" },
        { id: "q-2026-1", heldOn: "2026-03-10" }
      ]
    })
    expect(input.themes).toStrictEqual([
      { id: "t-woo", durationMinutes: 60, title: "t-woo", waitingMeetings: 4 },
      { id: "t-sabotage", durationMinutes: 60, title: "t-sabotage", waitingMeetings: 0, lastDiscussedMeetingsAgo: 1 }
    ])
    const result = run({
      ...input,
      budget: { _tag: "minutes", minutes: 120 },
      method: { _tag: "greedy" },
      rules: { coolingOff: { meetings: 1 } }
    })
    expect(programmeOf(result)).toStrictEqual(["t-woo"])
    expect(result.replacedBallots).toStrictEqual([{ memberId: "m-001", index: 0, replacedBy: 1 }])
  })
})

// Random agenda inputs for the properties.
const agendaInput = fc.integer({ min: 1, max: 8 }).chain((m) => {
  const ids = Array.from({ length: m }, (_, k) => `t${k}`)
  return fc.record({
    durations: fc.array(fc.integer({ min: 10, max: 120 }), { minLength: m, maxLength: m }),
    approvals: fc.array(fc.subarray(ids), { maxLength: 12 }),
    minutes: fc.integer({ min: 120, max: 400 }),
    method: fc.constantFrom<Agenda.Input.Method>(
      { _tag: "greedy" },
      { _tag: "equal-shares" },
      { _tag: "equal-shares", completion: "utilitarian" },
      { _tag: "equal-shares", completion: "none", satisfaction: "cardinality" }
    ),
    pinned: fc.subarray(ids, { maxLength: Math.min(2, m) }),
    minThemes: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    maxThemes: fc.option(fc.integer({ min: 3, max: 6 }), { nil: undefined }),
    waiting: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }),
    ids: fc.constant(ids)
  })
})

type Raw = typeof agendaInput extends fc.Arbitrary<infer A> ? A : never

const toInput = (r: Raw) =>
  ({
    round: { themeIds: r.ids, format: { _tag: "approval" } },
    themes: r.ids.map((id, k) => ({
      id,
      durationMinutes: Math.min(r.durations[k] ?? 60, r.minutes),
      waitingMeetings: r.waiting[k] ?? 0
    })),
    ballots: r.approvals.map((themeIds, k) => approve(`m${k}`, ...themeIds)),
    budget: { _tag: "minutes", minutes: r.minutes },
    method: r.method,
    rules: {
      pinned: r.pinned,
      ageing: { percentPerMeeting: 10 },
      ...(r.minThemes === undefined ? {} : { minThemes: r.minThemes }),
      ...(r.maxThemes === undefined ? {} : { maxThemes: r.maxThemes })
    }
  }) satisfies Agenda.Input.AgendaInput

describe("prioritise properties", () => {
  it("the programme never exceeds the budget, keeps the pins and respects min and max themes", () => {
    fc.assert(
      fc.property(agendaInput, (r) => {
        const input = toInput(r)
        const result = Agenda.Prioritise.prioritise(input)
        if (Either.isLeft(result)) {
          expect(result.left._tag).toBe("AgendaInfeasible")
          return
        }
        const { programme, used, backlog } = result.right
        expect(used).toBe(programme.reduce((s, t) => s + t.durationMinutes, 0))
        expect(used).toBeLessThanOrEqual(r.minutes)
        for (const id of r.pinned) expect(programme.map((t) => t.themeId)).toContain(id)
        if (r.maxThemes !== undefined) expect(programme.length).toBeLessThanOrEqual(r.maxThemes)
        if (r.minThemes !== undefined) expect(programme.length).toBeGreaterThanOrEqual(r.minThemes)
        expect(backlog.map((t) => t.themeId).sort()).toStrictEqual([...r.ids].sort())
        for (const t of backlog) expect(Agenda.Explanation.isIn(t.reason)).toBe(t.inProgramme)
      }),
      { seed: 11, numRuns: 300 }
    )
  })

  it("greedy is monotone: a ballot approving only programme themes never removes one of them", () => {
    fc.assert(
      fc.property(agendaInput, fc.array(fc.nat(), { maxLength: 4 }), (r, picks) => {
        const input = { ...toInput(r), method: { _tag: "greedy" } as const, rules: {} }
        const before = programmeOf(run(input))
        const extra = [
          ...new Set(picks.map((p) => before[p % Math.max(1, before.length)]).filter((id) => id !== undefined))
        ]
        const after = programmeOf(run({ ...input, ballots: [...input.ballots, approve("new-member", ...extra)] }))
        for (const id of extra) expect(after).toContain(id)
        for (const id of before) expect(after).toContain(id)
      }),
      { seed: 12, numRuns: 300 }
    )
  })

  it("is deterministic: the same input gives the same result", () => {
    fc.assert(
      fc.property(agendaInput, (r) => {
        const input = toInput(r)
        expect(Agenda.Prioritise.prioritise(input)).toStrictEqual(Agenda.Prioritise.prioritise(input))
      }),
      { seed: 13, numRuns: 100 }
    )
  })
})
