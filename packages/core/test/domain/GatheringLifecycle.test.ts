import { Domain, Texts } from "@grenzeloos/core"
import { DateTime, Either } from "effect"
import { describe, expect, it } from "vitest"

const { transition, nextSteps } = Domain.GatheringLifecycle
const startsAt = DateTime.unsafeMake("2027-03-16T12:00:00Z")
const before = DateTime.toEpochMillis(startsAt) - 3_600_000
const after = DateTime.toEpochMillis(startsAt) + 3_600_000
const invited = { id: "g-1", title: "Kwartaalbijeenkomst 2027-Q1", status: "invited" as const, startsAt }

describe("GatheringLifecycle.transition", () => {
  it("refuses to move, cancel, invite or remind for a gathering that has started, naming what can be done", () => {
    for (const step of ["moveGathering", "cancelGathering", "sendInvitations", "sendReminders"] as const) {
      expect(Either.isRight(transition(invited, step, before))).toBe(true)
      const refused = transition(invited, step, after)
      if (Either.isRight(refused)) throw new Error(`${step} was allowed after the start`)
      expect(refused.left.timing).toBe("started")
      expect(refused.left.possible).toEqual(["changeProgramme", "recordRsvp", "recordAttendance"])
      expect(Texts.nl.refusal(refused.left)).toContain('bijeenkomst "Kwartaalbijeenkomst 2027-Q1" is al begonnen')
      expect(refused.left.message).toContain("has already started")
    }
  })

  it("records attendance only once the gathering has started", () => {
    const early = transition(invited, "recordAttendance", before)
    if (Either.isRight(early)) throw new Error("attendance was allowed before the start")
    expect(early.left.timing).toBe("not-started")
    expect(early.left.message).toContain("has not taken place yet")
    expect(transition(invited, "recordAttendance", after)).toEqual(Either.right("held"))
  })

  it("checks the state before the moment, and the moment only when it is given", () => {
    const planned = { ...invited, status: "planned" as const }
    const refused = transition(planned, "moveGathering", after)
    if (Either.isRight(refused)) throw new Error("a planned gathering was moved")
    expect(refused.left.timing).toBeUndefined()
    expect(transition(invited, "moveGathering")).toEqual(Either.right("invited"))
    expect(nextSteps("invited").length).toBeGreaterThan(nextSteps("invited", true).length)
  })
})
