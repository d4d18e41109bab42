import { Agenda } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

// Add1 is declared once (EqualShares.Add1) with its defaults in one table (add1Defaults): these
// tests fail when an entry point starts using a default of its own again (decision 0112).
const approve = (memberId: string, ...themeIds: Array<string>): Agenda.Input.BallotInput => ({
  memberId,
  content: { _tag: "approval", themeIds }
})
const themes = [
  { id: "a1", durationMinutes: 50 },
  { id: "a2", durationMinutes: 40 },
  { id: "b1", durationMinutes: 70 },
  { id: "b2", durationMinutes: 25 },
  { id: "c1", durationMinutes: 35 }
]
const ballots = [
  ...["m1", "m2", "m3", "m4", "m5"].map((m) => approve(m, "a1", "a2", "c1")),
  ...["m6", "m7", "m8"].map((m) => approve(m, "b1", "b2")),
  approve("m9", "c1", "b2")
]
const input = (add1?: Agenda.EqualShares.Add1): Agenda.Input.AgendaInput => ({
  round: { themeIds: themes.map((t) => t.id), format: { _tag: "approval" } },
  themes,
  ballots,
  budget: { _tag: "minutes", minutes: 130 },
  method: { _tag: "equal-shares", ...(add1 === undefined ? {} : { add1 }) }
})

describe("EqualShares.add1Defaults: one table of defaults for every entry point", () => {
  it("the agenda's Equal Shares without add1 runs as with add1Defaults.agenda of the plain share", () => {
    const plain = 130 / ballots.length
    const implicit = Either.getOrThrow(Agenda.Prioritise.prioritise(input()))
    const explicit = Either.getOrThrow(
      Agenda.Prioritise.prioritise(input(Agenda.EqualShares.add1Defaults.agenda(plain)))
    )
    expect(explicit).toStrictEqual(implicit)
  })

  it("select without add1 runs as with add1Defaults.election", () => {
    const election: Agenda.Election.Election = {
      budget: 130,
      candidates: themes.map((t) => ({ id: t.id, cost: t.durationMinutes })),
      votes: ballots.map((b) => b.content),
      minScore: 0
    }
    const implicit = Either.getOrThrow(Agenda.EqualShares.select(election, { completion: "add1" }))
    const explicit = Either.getOrThrow(
      Agenda.EqualShares.select(election, { completion: "add1", add1: Agenda.EqualShares.add1Defaults.election })
    )
    expect(explicit).toStrictEqual(implicit)
    expect(Agenda.EqualShares.add1Defaults.election).toStrictEqual({ increment: 1, integral: true, stop: "exhaustive" })
    expect(Agenda.EqualShares.add1Defaults.agenda(120)).toStrictEqual({
      increment: 1.2,
      integral: false,
      stop: "exhaustive"
    })
  })
})
