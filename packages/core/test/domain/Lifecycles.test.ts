import { Domain, Texts } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

const { STEPS, allow } = Domain.Lifecycles

// Every state of every kind, so the table is checked against the states it leaves out too.
const STATES: { readonly [K in Domain.Lifecycles.RecordKind]: ReadonlyArray<Domain.Lifecycles.RecordStates[K]> } = {
  "availability-poll": Domain.PollStatus.literals,
  "voting-round": Domain.VotingRoundStatus.literals,
  theme: Domain.ThemeStatus.literals,
  round: Domain.RoundStatus.literals,
  intake: Domain.IntakeStatus.literals
}

describe("Lifecycles.allow", () => {
  it("allows a step from exactly the states its row names, and refuses it from every other", () => {
    for (const step of Object.keys(STEPS) as Array<Domain.Lifecycles.RecordStep>) {
      const row = STEPS[step]
      for (const status of STATES[row.kind]) {
        const result = allow(step, { id: "x-1", title: "Iets", status } as never)
        expect([step, status, Either.isRight(result)]).toEqual([
          step,
          status,
          (row.from as ReadonlyArray<string>).includes(status)
        ])
        if (Either.isLeft(result))
          expect(result.left).toEqual({ _tag: "StateConflict", step, id: "x-1", title: "Iets", state: status })
      }
    }
  })

  it("words every refusal in Dutch and in English, naming the record and what can be done instead", () => {
    for (const step of Object.keys(STEPS) as Array<Domain.Lifecycles.RecordStep>) {
      const refused = STATES[STEPS[step].kind].find((s) => !(STEPS[step].from as ReadonlyArray<string>).includes(s))
      if (refused === undefined) throw new Error(`${step} is allowed from every state`)
      const conflict = {
        _tag: "StateConflict",
        step,
        id: "x-1",
        title: "Iets",
        state: refused
      } as Domain.Lifecycles.StateConflict
      const nl = Texts.nl.conflict(conflict)
      const en = Texts.en.conflict(conflict)
      expect(nl.subject).toContain("x-1")
      expect(en.subject).toContain("x-1")
      expect(nl.hint).not.toBe(en.hint)
      expect(nl.problem.length * en.problem.length * nl.hint.length * en.hint.length).toBeGreaterThan(0)
    }
  })

  it("refuses a theme on a programme with the way back to the backlog", () => {
    const refused = allow("withdrawTheme", { id: "t-1", title: "Ouderschap", status: "scheduled" })
    if (Either.isRight(refused)) throw new Error("a scheduled theme was withdrawn")
    expect(Texts.en.conflict(refused.left)).toEqual({
      subject: 'theme "Ouderschap" (t-1)',
      problem: "is on a gathering's programme",
      hint: "take it off the programme first (changeProgramme); it then returns to the backlog"
    })
    expect(Texts.nl.conflict(refused.left).problem).toBe("staat op het programma van een bijeenkomst")
  })

  it("names a theme's, round's or intake's state in Dutch words to a Dutch reader", () => {
    const nl = (conflict: Domain.Lifecycles.StateConflict) => Texts.nl.conflict(conflict).problem
    expect(nl({ _tag: "StateConflict", step: "editTheme", id: "t-1", title: "Ouderschap", state: "discussed" })).toBe(
      "is al besproken en staat niet op de voorraadagenda"
    )
    expect(nl({ _tag: "StateConflict", step: "publishRound", id: "r-1", title: "Ronde 2027", state: "active" })).toBe(
      "is al gepubliceerd en loopt"
    )
    expect(nl({ _tag: "StateConflict", step: "recordIntake", id: "i-1", title: "i-1", state: "cancelled" })).toBe(
      "is al geannuleerd"
    )
  })
})
