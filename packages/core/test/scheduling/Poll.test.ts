import { Domain, Scheduling, Texts } from "@grenzeloos/core"
import { DateTime, Either, FastCheck as fc, Schema } from "effect"
import { describe, expect, it } from "vitest"

const { Poll } = Scheduling
type Answer = "yes" | "if-need-be" | "no"
const member = (i: number) => Domain.MemberId.make(`m-${String(i).padStart(3, "0")}`)
const slotId = (k: number) => Domain.SlotId.make(`s${k}`)
const start = (k: number) => DateTime.unsafeMake(Date.UTC(2027, 2, 1 + k, 12))

/** A poll from a matrix of answers (rows: members, columns: slots; undefined = no answer). */
const pollOf = (
  answers: ReadonlyArray<ReadonlyArray<Answer | undefined>>,
  slots: number,
  extra: Partial<Scheduling.Poll.Input> = {}
): Scheduling.Poll.Input => ({
  poll: {
    id: "p-test",
    slots: Array.from({ length: slots }, (_, k) => ({ id: slotId(k), startsAt: start(k) })),
    requiredMemberIds: []
  },
  invitees: answers.map((_, i) => member(i)),
  responses: answers.map((row, i) => ({
    memberId: member(i),
    answers: row.flatMap((a, k) => (a === undefined ? [] : [{ slotId: slotId(k), answer: a }]))
  })),
  ...extra
})

describe("Poll.decide", () => {
  it("counts a member who did not answer the chosen date as unknown in the year's figure, not as unable (decision 0093)", () => {
    // m0 and m1 can come to s0; m2 never answered. Before, m2 counted as unable: "at least 0 %".
    const decided = Either.getOrThrow(Poll.decide(pollOf([["yes"], ["if-need-be"], [undefined]], 1)))
    if (decided._tag !== "Decided") throw new Error("expected a decision")
    expect(decided.fairness.minimumShare).toBe(1)
    expect(decided.fairness.unknown).toBe(1)
    expect(decided.fairness.lowest).toEqual([member(0), member(1)])
    expect(Texts.nl.reason(decided.explanation)).toContain("minstens 100 %")
    // Nobody is named as "lowest" when everyone can come to every gathering.
    expect(Texts.nl.reason(decided.explanation)).not.toContain("het laagst")
    expect(Texts.nl.reason(decided.explanation)).toContain(
      "Wie niet antwoordde (1 lid), telt voor deze datum niet mee."
    )
    // With a year behind them, a non-respondent keeps their earlier share.
    const history = [{ memberId: member(2), attended: 1, gatherings: 2 }]
    const withYear = Either.getOrThrow(
      Poll.decide(pollOf([["yes"], ["if-need-be"], [undefined]], 1, { attendanceOverYear: history }))
    )
    if (withYear._tag !== "Decided") throw new Error("expected a decision")
    expect(withYear.fairness.minimumShare).toBe(0.5)
    expect(withYear.fairness.lowest).toEqual([member(2)])
  })

  it("says members who could not come before counted more only when someone did (not for a history where all came)", () => {
    const answers: Array<Array<Answer>> = [["yes"], ["yes"]]
    const allCame = [
      { memberId: member(0), attended: 2, gatherings: 2 },
      { memberId: member(1), attended: 2, gatherings: 2 }
    ]
    const even = Either.getOrThrow(Poll.decide(pollOf(answers, 1, { attendanceOverYear: allCame })))
    if (even._tag !== "Decided" || even.explanation._tag !== "SlotChosen") throw new Error("expected a decision")
    expect(even.explanation.withHistory).toBe(false)
    expect(Texts.nl.reason(even.explanation)).not.toContain("telde zwaarder mee")
    const oneMissed = [allCame[0] as (typeof allCame)[number], { memberId: member(1), attended: 1, gatherings: 2 }]
    const weighed = Either.getOrThrow(Poll.decide(pollOf(answers, 1, { attendanceOverYear: oneMissed })))
    if (weighed._tag !== "Decided" || weighed.explanation._tag !== "SlotChosen") throw new Error("expected a decision")
    expect(weighed.explanation.withHistory).toBe(true)
    expect(Texts.en.reason(weighed.explanation)).toContain("Members who could not come before counted more")
  })

  it("names people and dates where the reader passes their names, and falls back to ids", () => {
    const decided = Either.getOrThrow(
      Poll.decide(
        pollOf(
          [
            ["yes", "no"],
            ["no", "yes"],
            ["yes", undefined]
          ],
          2
        )
      )
    )
    if (decided._tag !== "Decided") throw new Error("expected a decision")
    const naming = {
      person: (id: string) => ({ [member(0)]: "Anna de Vries", [member(1)]: "Bram Jansen" })[id],
      slot: (id: string) => (id === slotId(0) ? "dinsdag 9 maart 14:00" : undefined)
    }
    const text = Texts.nl.reason(decided.explanation, naming)
    expect(text).toContain("dinsdag 9 maart 14:00: 2 ja")
    expect(text).toContain("kunnen niet: Bram Jansen")
    expect(text).toContain(`${slotId(1)}: 1 ja`)
    expect(text).not.toContain(member(1))
    expect(Texts.nl.reason(decided.explanation)).toContain(`kunnen niet: ${member(1)}`)
  })

  it("prefers more people who can come, then more yes, and explains with the runner-up", () => {
    const input = pollOf(
      [
        ["yes", "if-need-be", "no"],
        ["no", "if-need-be", "yes"],
        ["yes", "yes", "no"],
        [undefined, "no", "yes"]
      ],
      3
    )
    const decision = Either.getOrThrow(Poll.decide(input))
    if (decision._tag !== "Decided") throw new Error("expected a decision")
    expect(decision.chosen.slotId).toBe("s1") // 3 can come (1 yes) against 2 + 2
    expect(decision.runnerUp?.slotId).toBe("s0") // 2 can come, 2 yes; s2 too, but later
    expect(decision.chosen.no).toEqual(["m-003"])
    expect(decision.runnerUp?.noAnswer).toEqual(["m-003"])
    expect(Texts.en.reason(decision.explanation)).toContain("Runner-up: s0")
    expect(Texts.en.reason(decision.explanation)).toContain("cannot come: m-003")
    expect(Texts.nl.reason(decision.explanation)).toContain("Tweede keus: s0")
  })

  it("reports a member who did not answer as unknown, not as someone who cannot come", () => {
    // m-003 left s0 open: the runner-up's line must not count them among those who cannot.
    const decision = Either.getOrThrow(
      Poll.decide(
        pollOf(
          [
            ["yes", "if-need-be", "no"],
            ["no", "if-need-be", "yes"],
            ["yes", "yes", "no"],
            [undefined, "no", "yes"]
          ],
          3
        )
      )
    )
    if (decision._tag !== "Decided") throw new Error("expected a decision")
    expect(Texts.en.reason(decision.explanation)).toContain(
      "s0: 2 yes, 0 if need be; cannot come: m-001; no answer: m-003"
    )
    expect(Texts.nl.reason(decision.explanation)).toContain(
      "s0: 2 ja, 0 als het moet; kunnen niet: m-001; niet geantwoord: m-003"
    )
  })

  it("never picks a slot a required person cannot make, and says who is missing when none works", () => {
    const answers: Array<Array<Answer>> = [
      ["no", "yes"],
      ["yes", "no"],
      ["yes", "no"]
    ]
    const required = pollOf(answers, 2)
    const withRequired = { ...required, poll: { ...required.poll, requiredMemberIds: [member(0)] } }
    const decision = Either.getOrThrow(Poll.decide(withRequired))
    expect(decision._tag === "Decided" && decision.chosen.slotId).toBe("s1")
    const impossible = { ...required, poll: { ...required.poll, requiredMemberIds: [member(0), member(1)] } }
    const none = Either.getOrThrow(Poll.decide(impossible))
    expect(none._tag).toBe("NoFeasibleSlot")
    expect(Texts.en.reason(none.explanation)).toContain("s0: m-000")
    expect(Texts.en.reason(none.explanation)).toContain("s1: m-001")
  })

  it("weighs members who missed the last meeting more, so the same people do not always lose", () => {
    const answers: Array<Array<Answer>> = [
      ["yes", "no"],
      ["yes", "no"],
      ["no", "yes"]
    ]
    const plain = Either.getOrThrow(Poll.decide(pollOf(answers, 2)))
    expect(plain._tag === "Decided" && plain.chosen.slotId).toBe("s0")
    const missed = Poll.missedLastGathering({ attendance: [member(0), member(1)] }, [member(0), member(1), member(2)])
    expect(missed).toEqual([member(2)])
    const fair = Either.getOrThrow(
      Poll.decide(pollOf(answers, 2, { missedLastGathering: missed, missedLastWeight: 3 }))
    )
    expect(fair._tag === "Decided" && fair.chosen.slotId).toBe("s1")
  })

  it("weighs members by their share of the year's gatherings, bounded, and reports the fairness figure", () => {
    // m0 and m1 prefer s0; m2 only s1 and could come to none of the 3 earlier gatherings.
    const answers: Array<Array<Answer>> = [
      ["yes", "no"],
      ["yes", "no"],
      ["no", "yes"]
    ]
    const history = Poll.attendanceOverYear(
      [{ attendance: [member(0), member(1)] }, { attendance: [member(0), member(1)] }, { attendance: [member(0)] }],
      [member(0), member(1), member(2)]
    )
    expect(history).toEqual([
      { memberId: member(0), attended: 3, gatherings: 3 },
      { memberId: member(1), attended: 2, gatherings: 3 },
      { memberId: member(2), attended: 0, gatherings: 3 }
    ])
    // A gathering held before a member joined does not count for them.
    expect(
      Poll.attendanceOverYear(
        [
          { attendance: [member(0)], heldOn: "2027-03-09" },
          { attendance: [member(0), member(1)], heldOn: "2027-06-08" }
        ],
        [member(0), member(1)],
        (id) => (id === member(1) ? "2027-05-01" : undefined)
      )
    ).toEqual([
      { memberId: member(0), attended: 2, gatherings: 2 },
      { memberId: member(1), attended: 1, gatherings: 1 }
    ])
    const plain = Either.getOrThrow(Poll.decide(pollOf(answers, 2)))
    if (plain._tag !== "Decided") throw new Error("expected a decision")
    expect(plain.chosen.slotId).toBe("s0")
    // With the default year weight of 1, m2 weighs 2 and m1 1.33: s0 still wins (2.33 against 2).
    const year = Either.getOrThrow(Poll.decide(pollOf(answers, 2, { attendanceOverYear: history })))
    if (year._tag !== "Decided") throw new Error("expected a decision")
    expect(year.chosen.slotId).toBe("s0")
    expect(year.chosen.attendanceScore).toBe(2.33)
    expect(year.fairness.minimumShare).toBe(0)
    expect(year.fairness.lowest).toEqual([member(2)])
    expect(year.fairness.members.map((m) => m.weight)).toEqual([1, 1.33, 2])
    // A year weight of 3 lets m2 (weight 4) outweigh the two others (1 + 2): s1, and nobody is left at 0.
    const heavier = Either.getOrThrow(Poll.decide(pollOf(answers, 2, { attendanceOverYear: history, yearWeight: 3 })))
    if (heavier._tag !== "Decided") throw new Error("expected a decision")
    expect(heavier.chosen.slotId).toBe("s1")
    expect(heavier.fairness.minimumShare).toBe(0.25)
    expect(heavier.fairness.lowest).toEqual([member(2)])
    expect(heavier.fairness.meanShare).toBeCloseTo((0.75 + 0.5 + 0.25) / 3, 12)
    expect(heavier.fairness.maxWeight).toBe(5)
    expect(Texts.en.reason(heavier.explanation)).toContain(
      "Over the year, with this date every member can come to at least 25% of the gatherings (mean 50%, spread 20 points; lowest: m-002). Members who could not come before counted more, at most 5 times."
    )
    expect(Texts.nl.reason(heavier.explanation)).toContain("minstens 25 % van de bijeenkomsten")
  })

  it("rejects a year weight out of bounds and impossible histories, with paths", () => {
    const result = Poll.decide(
      pollOf([["yes"]], 1, {
        yearWeight: 5,
        attendanceOverYear: [
          { memberId: member(0), attended: 4, gatherings: 3 },
          { memberId: Domain.MemberId.make("ghost"), attended: 0, gatherings: 1 }
        ]
      })
    )
    if (Either.isRight(result)) throw new Error("expected input problems")
    expect(result.left.problems.map((p) => p.path)).toEqual([
      "yearWeight",
      "attendanceOverYear[0].attended",
      "attendanceOverYear[1].memberId"
    ])
  })

  it("caps attendance at the venue's capacity", () => {
    const answers: Array<Array<Answer>> = [
      ["yes", "yes"],
      ["yes", "if-need-be"],
      ["yes", "no"],
      ["yes", "no"]
    ]
    const decision = Either.getOrThrow(Poll.decide(pollOf(answers, 2, { capacity: 2 })))
    if (decision._tag !== "Decided") throw new Error("expected a decision")
    // Both slots fill the venue; s0 has two "yes" admitted, s1 one yes and one if-need-be.
    expect(decision.chosen.slotId).toBe("s0")
    expect(decision.chosen.turnedAway).toBe(2)
    expect(decision.chosen.attendanceScore).toBe(2)
  })

  it("rejects answers from people not in the poll and unknown slots, with paths", () => {
    const input = pollOf([["yes", "no"]], 2)
    const bad: Scheduling.Poll.Input = {
      ...input,
      responses: [
        ...input.responses,
        { memberId: Domain.MemberId.make("stranger"), answers: [{ slotId: slotId(0), answer: "yes" }] },
        { memberId: member(0), answers: [] }
      ],
      poll: { ...input.poll, requiredMemberIds: [Domain.MemberId.make("ghost")] }
    }
    const result = Poll.decide({
      ...bad,
      responses: [
        ...bad.responses,
        { memberId: member(0), answers: [{ slotId: Domain.SlotId.make("s9"), answer: "yes" }] }
      ]
    })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left.problems.map((p) => p.path)).toEqual([
        "responses[1].memberId",
        "responses[2].memberId",
        "responses[3].memberId",
        "poll.requiredMemberIds[0]"
      ])
      expect(result.left.problems[0]?.message).toBe("member stranger answered but is not invited to this poll")
      expect(result.left.message).toContain("availability poll p-test")
    }
  })

  // A reference implementation of the documented ordering, written from the definition.
  const referenceKey = (input: Scheduling.Poll.Input, k: number): [number, number, number] => {
    const w = input.missedLastWeight ?? 2
    const missed = new Set<string>(input.missedLastGathering ?? [])
    // The year's weight, in hundredths as the engine documents (decision 0028).
    const year = (m: string) => {
      const h = input.attendanceOverYear?.find((x) => x.memberId === m)
      return h === undefined || h.gatherings === 0
        ? 0
        : Math.round(100 * (input.yearWeight ?? 1) * (1 - h.attended / h.gatherings))
    }
    const answerOf = (m: string) =>
      input.responses.find((r) => r.memberId === m)?.answers.find((a) => a.slotId === slotId(k))?.answer ?? "no"
    const coming = input.invitees
      .filter((m) => answerOf(m) !== "no")
      .map((m) => ({ weight: (missed.has(m) ? 100 * w : 100) + year(m), yes: answerOf(m) === "yes" }))
      .sort((a, b) => b.weight - a.weight || Number(b.yes) - Number(a.yes))
      .slice(0, input.capacity ?? Number.POSITIVE_INFINITY)
    const feasible = input.poll.requiredMemberIds.every((m) => answerOf(m) !== "no")
    return [
      feasible ? 1 : 0,
      coming.reduce((s, c) => s + c.weight, 0) / 100,
      coming.reduce((s, c) => s + (c.yes ? c.weight : 0), 0) / 100
    ]
  }

  const arbitraryPoll = fc
    .record({
      members: fc.integer({ min: 1, max: 12 }),
      slots: fc.integer({ min: 1, max: 6 }),
      seedAnswers: fc.array(fc.constantFrom<Answer | undefined>("yes", "if-need-be", "no", undefined), {
        minLength: 72,
        maxLength: 72
      }),
      required: fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 2 }),
      missed: fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 4 }),
      capacity: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
      weight: fc.integer({ min: 1, max: 4 }),
      history: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 6 }), fc.nat(6)), {
        maxLength: 6
      }),
      yearWeight: fc.option(fc.double({ min: 0, max: 4, noNaN: true }), { nil: undefined })
    })
    .map(({ members, slots, seedAnswers, required, missed, capacity, weight, history, yearWeight }) => {
      const answers = Array.from({ length: members }, (_, i) =>
        Array.from({ length: slots }, (_, k) => seedAnswers[i * 6 + k])
      )
      const input = pollOf(answers, slots, {
        missedLastGathering: [...new Set(missed.filter((m) => m < members))].map(member),
        missedLastWeight: weight,
        ...(capacity === undefined ? {} : { capacity }),
        attendanceOverYear: [...new Map(history.filter(([m]) => m < members).map((h) => [h[0], h])).values()].map(
          ([m, gatherings, attended]) => ({ memberId: member(m), gatherings, attended: Math.min(attended, gatherings) })
        ),
        ...(yearWeight === undefined ? {} : { yearWeight })
      })
      return {
        ...input,
        poll: { ...input.poll, requiredMemberIds: [...new Set(required.filter((m) => m < members))].map(member) }
      }
    })

  it("never lets another slot beat the chosen one on the documented ordering (property)", () => {
    fc.assert(
      fc.property(arbitraryPoll, (input) => {
        const decision = Either.getOrThrow(Poll.decide(input))
        const keys = input.poll.slots.map((_, k) => referenceKey(input, k))
        const best = keys.reduce((a, b) =>
          b[0] > a[0] || (b[0] === a[0] && (b[1] > a[1] || (b[1] === a[1] && b[2] > a[2]))) ? b : a
        )
        if (decision._tag === "NoFeasibleSlot") return best[0] === 0
        const chosen = keys[decision.chosen.index] as [number, number, number]
        expect(chosen).toEqual(best)
        expect(decision.chosen.feasible).toBe(true)
        // Ties go to the earliest slot.
        const firstBest = keys.findIndex((k) => k[0] === best[0] && k[1] === best[1] && k[2] === best[2])
        expect(decision.chosen.index).toBe(firstBest)
        return true
      }),
      { seed: 20270311, numRuns: 300 }
    )
  })
})

describe("Poll with domain records", () => {
  it("takes a decoded AvailabilityPoll and its PollResponses as they are", () => {
    const poll = Schema.decodeUnknownSync(Domain.AvailabilityPoll)({
      id: "p-2027-q1",
      communityId: "rijk",
      title: "Datum voorjaarsbijeenkomst",
      slots: [
        { id: "s1", startsAt: "2027-03-09T13:00:00.000+01:00[Europe/Amsterdam]", durationMinutes: 240 },
        { id: "s2", startsAt: "2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]", durationMinutes: 240 }
      ],
      requiredMemberIds: ["m-001"],
      status: "open"
    })
    const responses = ["m-001", "m-002"].map((memberId, i) =>
      Schema.decodeUnknownSync(Domain.PollResponse)({
        id: `pr-${i}`,
        communityId: "rijk",
        pollId: "p-2027-q1",
        memberId,
        answers: [
          { slotId: "s1", answer: i === 0 ? "if-need-be" : "no" },
          { slotId: "s2", answer: "yes" }
        ],
        respondedAt: "2027-01-10T08:00:00.000Z"
      })
    )
    const invitees = [Domain.MemberId.make("m-001"), Domain.MemberId.make("m-002")]
    const decision = Either.getOrThrow(Poll.decide({ poll, responses, invitees }))
    expect(decision._tag === "Decided" && decision.chosen.slotId).toBe("s2")
  })
})

describe("Poll.bestPair", () => {
  it("finds the two dates that together reach the most members (property: equals brute force)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.constantFrom<Answer>("yes", "if-need-be", "no"), { minLength: 60, maxLength: 60 }),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        (slots, flat, capacity) => {
          const answers = Array.from({ length: 10 }, (_, i) =>
            Array.from({ length: slots }, (_, k) => flat[i * 6 + k] as Answer)
          )
          const input = pollOf(answers, slots, capacity === undefined ? {} : { capacity })
          const pair = Either.getOrThrow(Poll.bestPair(input))
          if (pair._tag !== "Pair") throw new Error("expected a pair")
          const cap = capacity ?? Number.POSITIVE_INFINITY
          const reach = (a: number, b: number) => {
            const can = (i: number, k: number) => (answers[i]?.[k] ?? "no") !== "no"
            let onlyA = 0
            let onlyB = 0
            let both = 0
            for (let i = 0; i < 10; i++) {
              if (can(i, a) && can(i, b)) both++
              else if (can(i, a)) onlyA++
              else if (can(i, b)) onlyB++
            }
            // Maximum admissions: brute force over how many flexible people go to the first meeting.
            let best = 0
            for (let x = 0; x <= both; x++)
              best = Math.max(best, Math.min(onlyA + x, cap) + Math.min(onlyB + both - x, cap))
            return best
          }
          let best = 0
          for (let a = 0; a < slots; a++) for (let b = a + 1; b < slots; b++) best = Math.max(best, reach(a, b))
          expect(pair.reached).toBe(best)
          expect(reach(pair.first.index, pair.second.index)).toBe(best)
          expect(pair.onlyFirst.length + pair.onlySecond.length + pair.both.length + pair.neither.length).toBe(10)
          return true
        }
      ),
      { seed: 42, numRuns: 200 }
    )
  })

  it("says so when fewer than two dates suit the required people", () => {
    const input = pollOf([["yes", "no", "no"]], 3)
    const pair = Either.getOrThrow(Poll.bestPair({ ...input, poll: { ...input.poll, requiredMemberIds: [member(0)] } }))
    expect(pair._tag).toBe("NoFeasiblePair")
  })
})
