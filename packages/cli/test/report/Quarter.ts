// One real quarter of the synthetic community, run through the engines, as input for the report.
import { Agenda, Domain, Grouping, Scheduling } from "@grenzeloos/core"
import { Synthetic } from "@grenzeloos/testkit"
import { DateTime, Either, Schema } from "effect"
import type * as Report from "../../src/report/Report.js"

const orThrow = <A, E>(result: Either.Either<A, E>): A => {
  if (Either.isLeft(result)) throw new Error(String(result.left))
  return result.right
}

export const quarter = (seed = 2026, size = 40): Report.ReportInput => {
  const generated = Synthetic.community({ seed, members: size })
  const { members, facilitators, themes, community } = generated
  const active = members.filter((m) => m.status === "active")
  const grouping = orThrow(
    Grouping.Form.form(
      {
        members: active.map(Grouping.Input.fromMember),
        size: { min: 5, max: 7 },
        policy: Grouping.Input.defaultPolicy,
        facilitators: facilitators.map((f) => ({ id: f.id, name: f.name, maxGroups: 3 }))
      },
      { seed, iterations: 200, language: "nl" }
    )
  )
  const [first, ...rest] = themes.map((t) => t.id)
  if (first === undefined) throw new Error("no themes")
  const round = Schema.decodeUnknownSync(Domain.VotingRound)({
    id: "v-2027-Q1",
    communityId: community.id,
    title: "Programma 2027-Q1",
    themeIds: [first, ...rest],
    format: { _tag: "approval" },
    status: "closed",
    opensAt: "2026-11-02T08:00:00.000Z",
    closesAt: "2026-11-16T17:00:00.000Z"
  })
  const ballots = Synthetic.ballots(generated, round, { seed })
  const agenda = orThrow(
    Agenda.Prioritise.prioritise({
      ...Agenda.Input.fromDomain({ round, themes, ballots }),
      budget: { _tag: "minutes", minutes: 180 },
      method: { _tag: "equal-shares" },
      rules: { maxThemes: 4 },
      language: "nl"
    })
  )
  const proposal = orThrow(
    Scheduling.CandidateSlots.propose({
      quarter: Domain.Quarter.make("2027-Q1"),
      count: 5,
      weekdays: ["tuesday", "thursday"],
      startTimes: [Scheduling.LocalTime.TimeOfDay.make("13:00")],
      durationMinutes: 240
    })
  )
  const poll = Schema.decodeUnknownSync(Domain.AvailabilityPoll)({
    id: "p-2027-Q1",
    communityId: community.id,
    title: "Datum 2027-Q1",
    slots: proposal.slots.map((s) => ({
      id: s.id,
      startsAt: DateTime.formatIsoZoned(s.startsAt),
      durationMinutes: s.durationMinutes
    })),
    requiredMemberIds: [],
    status: "open"
  })
  const responses = Synthetic.pollResponses(generated, poll, { seed, respondedAt: "2026-12-01T09:00:00.000Z" })
  const decision = orThrow(Scheduling.Poll.decide({ poll, invitees: active.map((m) => m.id), responses }))
  return {
    community: { name: community.name },
    generatedAt: DateTime.unsafeMake("2026-12-02T10:00:00Z"),
    people: [
      ...members.map((m) => ({ id: m.id, name: m.name, organisation: m.organisation, programme: m.programme })),
      ...facilitators.map((f) => ({ id: f.id, name: f.name }))
    ],
    groups: { title: "Leergroepen 2027", grouping },
    agenda: { title: "Programma kwartaalbijeenkomst 2027-Q1", result: agenda, themes },
    meeting: { title: "Datum kwartaalbijeenkomst 2027-Q1", decision, durationMinutes: 240 }
  }
}
