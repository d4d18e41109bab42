import { Agenda, Domain, Scheduling } from "@grenzeloos/core"
import { DateTime, Either } from "effect"
import { describe, expect, it } from "vitest"
import * as Report from "../../src/report/Report.js"

const people = [
  { id: "m-001", name: "Anna de Wit" },
  { id: "m-002", name: "Bram Smit" },
  { id: "m-003", name: "Cem Kaya" }
]

// Two carried votes in which Anna and Bram's theme wins and Cem's loses, from the engine itself.
const records = (() => {
  let carried: ReadonlyArray<Agenda.Carried.MemberRecord> = []
  const all: Array<Agenda.Carried.MemberRecord> = []
  for (const k of [1, 2]) {
    const result = Either.getOrThrow(
      Agenda.Prioritise.prioritise({
        round: { id: `v-${k}`, themeIds: ["a", "b"], format: { _tag: "approval" } },
        themes: [
          { id: "a", durationMinutes: 60 },
          { id: "b", durationMinutes: 60 }
        ],
        ballots: [
          { memberId: "m-001", content: { _tag: "approval", themeIds: ["a"] } },
          { memberId: "m-002", content: { _tag: "approval", themeIds: ["a"] } },
          { memberId: "m-003", content: { _tag: "approval", themeIds: ["b"] } }
        ],
        budget: { _tag: "minutes", minutes: 60 },
        method: { _tag: "perpetual-phragmen" },
        ...(carried.length > 0 ? { carried } : {})
      })
    )
    carried = result.carried?.records ?? []
    all.push(...carried)
  }
  return all
})()

const member = (k: number) => Domain.MemberId.make(`m-00${k}`)
const decision = Either.getOrThrow(
  Scheduling.Poll.decide({
    poll: {
      slots: [{ id: Domain.SlotId.make("s1"), startsAt: DateTime.unsafeMake("2027-03-09T12:00:00Z") }],
      requiredMemberIds: []
    },
    invitees: [member(1), member(2), member(3)],
    responses: [1, 2].map((k) => ({
      memberId: member(k),
      answers: [{ slotId: Domain.SlotId.make("s1"), answer: "yes" as const }]
    })),
    attendanceOverYear: [
      { memberId: member(1), attended: 3, gatherings: 3 },
      { memberId: member(2), attended: 3, gatherings: 3 },
      { memberId: member(3), attended: 1, gatherings: 3 }
    ]
  })
)

describe("the report's fairness over the year", () => {
  const base = { community: { name: "Rijk" }, generatedAt: DateTime.unsafeMake(0), people }

  it("names nobody as lowest when every member can come to every gathering", () => {
    const everyone = Either.getOrThrow(
      Scheduling.Poll.decide({
        poll: {
          slots: [{ id: Domain.SlotId.make("s1"), startsAt: DateTime.unsafeMake("2027-03-09T12:00:00Z") }],
          requiredMemberIds: []
        },
        invitees: [member(1), member(2)],
        responses: [1, 2].map((k) => ({
          memberId: member(k),
          answers: [{ slotId: Domain.SlotId.make("s1"), answer: "yes" as const }]
        }))
      })
    )
    if (everyone._tag !== "Decided") throw new Error("expected a decision")
    const page = Report.render({ ...base, fairness: { records: [], attendance: everyone.fairness } })
    expect(page).toContain("kan ieder lid bij minstens 100\u00a0%")
    expect(page).not.toContain("Het laagst")
  })

  it("says who counted more, and why, only when someone did", () => {
    if (decision._tag !== "Decided") throw new Error("expected a decision")
    // Cem could come to 1 of the year's 3 gatherings: he weighs 1 + (1 − 1/3) ≈ 1.67; the others 1.
    const page = Report.render({ ...base, fairness: { attendance: decision.fairness } })
    expect(page).toContain(
      "Wie de vorige bijeenkomst miste of bij minder bijeenkomsten van het afgelopen jaar kon zijn, telde zwaarder mee, tot 1,67 keer: Cem Kaya."
    )
    const first = Either.getOrThrow(
      Scheduling.Poll.decide({
        poll: {
          slots: [{ id: Domain.SlotId.make("s1"), startsAt: DateTime.unsafeMake("2027-03-09T12:00:00Z") }],
          requiredMemberIds: []
        },
        invitees: [member(1), member(2)],
        responses: [{ memberId: member(1), answers: [{ slotId: Domain.SlotId.make("s1"), answer: "yes" as const }] }],
        // The first gathering of the year: a history without earlier gatherings.
        attendanceOverYear: [
          { memberId: member(1), attended: 0, gatherings: 0 },
          { memberId: member(2), attended: 0, gatherings: 0 }
        ]
      })
    )
    if (first._tag !== "Decided") throw new Error("expected a decision")
    expect(Report.render({ ...base, fairness: { attendance: first.fairness } })).not.toContain("zwaarder")
  })

  it("is left out when there is nothing to show", () => {
    expect(Report.render(base)).not.toContain("Eerlijkheid over het jaar")
  })

  it("shows per member, by name and lowest first, their part of the fair share, with the attendance spread and the simulation", () => {
    if (decision._tag !== "Decided") throw new Error("expected a decision")
    const page = Report.render({
      ...base,
      fairness: {
        records,
        attendance: decision.fairness,
        simulation: [
          {
            scenario: "minority-15",
            method: "perpetual-phragmen",
            carried: true,
            minorityShare: 0.178,
            windowCoverage: 0.94,
            gini: 0.113,
            totalSatisfaction: 95000
          }
        ]
      }
    })
    expect(page).toContain('<a href="#eerlijkheid-jaar">Eerlijkheid over het jaar</a>')
    expect(page).toContain("Het programma over 2 stemrondes")
    const cem = page.indexOf('<th scope="row">Cem Kaya</th>')
    const anna = page.indexOf('<th scope="row">Anna de Wit</th>')
    expect(cem).toBeGreaterThan(0)
    expect(cem).toBeLessThan(anna)
    // Cem got 0 of 40 minutes over the two votes and carries 0.75 × (15 + 20) = 26.25.
    expect(page.slice(cem, anna)).toContain("0\u00a0%")
    expect(page.slice(cem, anna)).toContain("26,3 min")
    // m-003 did not answer: unknown, not unable (decision 0093), so their share stays 1 of 3.
    expect(page).toContain("kan ieder lid bij minstens 33\u00a0% van de bijeenkomsten van het jaar zijn")
    expect(page).toContain("Van 1 lid weten we het niet (geen antwoord)")
    expect(page).toContain("Het laagst: Cem Kaya.")
    expect(page).toContain('<th scope="row">15\u00a0%</th><td>perpetual-phragmen</td><td>ja</td>')
    expect(page).not.toContain("m-003")
  })
})
