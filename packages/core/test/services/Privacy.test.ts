import { describe, expect, it } from "@effect/vitest"
import { type Access, MemoryStore, Services } from "@grenzeloos/core"
import { Effect, Either, Layer, Redacted, TestClock } from "effect"
import { naturalKey } from "../../src/services/Acting.js"

const settings = Services.Settings.layer({
  organizer: { name: "Programmateam", email: "programmateam@example.nl" },
  uidDomain: "example.nl"
})
const requirements = Layer.mergeAll(MemoryStore.layer, Services.Ids.layerSequential(), settings)
const useCasesLayer = Services.UseCases.layer.pipe(Layer.provide(requirements))

const communityId = "rijk"
const admin = { _tag: "Administrator", communityId, administratorId: "beheer-1" } as const
const team = { _tag: "ProgrammeTeam", communityId, facilitatorId: "f-01" } as const
const member = (memberId: string): Access.Actor =>
  ({ _tag: "Member", communityId, memberId }) as unknown as Access.Actor

const failureOf = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.either(effect), (result) => (Either.isLeft(result) ? result.left : undefined))

const people = [
  { id: "m-001", name: "IJsbrand de Vries", email: "ijsbrand@example.nl", organisation: "BZK", programme: "P1" },
  { id: "m-002", name: "Aïcha El Idrissi", email: "aicha@example.nl", organisation: "IenW", programme: "P2" },
  { id: "m-003", name: "Jan van 't Hoff", email: "jan@example.nl", organisation: "EZK", programme: "P3" }
] as const

const NOTES = "Wil vooral leren van andere departementen."
const CASE = "Vertrouwelijk: de DG wil het programma stilleggen."

/**
 * A community with a programme-team member (f-01, facilitating no group) and a guest facilitator
 * (f-02, facilitating the one group); m-001 had an intake with notes, wrote a case, voted and
 * answered a poll.
 */
const quarter = (options: { readonly pollAnswers?: "private" | "open" } = {}) =>
  Effect.gen(function* () {
    const useCases = yield* Services.UseCases.UseCases
    yield* TestClock.setTime(Date.UTC(2027, 0, 4, 9))
    yield* useCases.setUpCommunity(admin, { name: "Programmadirecteuren Rijk", ...options })
    yield* useCases.registerFacilitators(admin, {
      facilitators: [
        { id: "f-01", name: "Anouk Bakker", email: "anouk@example.nl", role: "programme-team", maxGroups: 0 },
        { id: "f-02", name: "Joost Kramer", email: "joost@example.nl", role: "guest", maxGroups: 1 }
      ]
    })
    yield* useCases.registerMembers(team, {
      members: [
        { ...people[0], status: "invited" as const },
        ...people.slice(1).map((p) => ({ ...p, status: "active" as const }))
      ]
    })
    const plan = yield* useCases.planIntakes(team, {
      slots: [{ facilitatorId: "f-01", startsAt: "2027-01-12T10:00:00+01:00[Europe/Amsterdam]", durationMinutes: 60 }]
    })
    const intake = plan.intakes[0]
    if (intake === undefined) throw new Error("no intake planned")
    yield* TestClock.setTime(Date.UTC(2027, 0, 13, 9))
    yield* useCases.recordIntake(team, { intakeId: intake.id, status: "held", interests: ["sabotage"], notes: NOTES })
    const formed = yield* useCases.formGroups(team, {
      name: "Leergroepen 2027",
      startsOn: "2027-01-01",
      endsOn: "2027-12-31",
      size: { groups: 1 },
      iterations: 10
    })
    const group = formed.groups[0]
    if (group === undefined) throw new Error("no group")
    yield* useCases.addCase(member("m-001"), { groupId: group.id, title: "Stilleggen", description: CASE })
    const theme = yield* useCases.proposeTheme(member("m-002"), { title: "Worstelen met de Woo", durationMinutes: 45 })
    const round = yield* useCases.openVoting(team, {
      title: "Programma voorjaar",
      format: { _tag: "approval" },
      closesAt: "2027-01-18T17:00:00.000Z"
    })
    yield* useCases.castBallot(member("m-001"), {
      votingRoundId: round.id,
      content: { _tag: "approval", themeIds: [theme.id] }
    })
    const gathering = yield* useCases.planGathering(team, {
      title: "Kwartaal",
      quarter: "2027-Q1",
      durationMinutes: 240
    })
    const { poll } = yield* useCases.proposeDates(team, {
      gatheringId: gathering.id,
      count: 2,
      weekdays: ["tuesday"],
      startTimes: ["13:00"]
    })
    const [first, second] = poll.slots
    if (first === undefined || second === undefined) throw new Error("no slots")
    yield* useCases.answerPoll(member("m-001"), {
      pollId: poll.id,
      answers: [
        { slotId: first.id, answer: "yes" },
        { slotId: second.id, answer: "no" }
      ]
    })
    yield* useCases.answerPoll(member("m-002"), { pollId: poll.id, answers: [{ slotId: first.id, answer: "yes" }] })
    return { useCases, group, round, theme, poll, intake, gathering }
  })

const withheld = (field: string) => ({ withheld: true, field, reason: expect.any(String) })

describe("exportMember follows the read policy (finding 1)", () => {
  it.effect("the member gets everything about them, notes and case text included", () =>
    Effect.gen(function* () {
      const { useCases } = yield* quarter()
      const data = yield* useCases.exportMember(member("m-001"), { memberId: "m-001" })
      expect(data.member.email).toBe("ijsbrand@example.nl")
      expect(data.intakes[0]).toMatchObject({ notes: NOTES })
      expect(data.casesWritten[0]?.text).toEqual({ title: "Stilleggen", description: CASE })
      expect(data.ballots[0]?.content).toMatchObject({ _tag: "approval" })
      expect(data.pollAnswers[0]?.answers).toHaveLength(2)
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("the programme team sees the notes, not the case text or the ballot", () =>
    Effect.gen(function* () {
      const { useCases } = yield* quarter()
      const data = yield* useCases.exportMember(team, { memberId: "m-001" })
      const text = JSON.stringify(data)
      expect(text).not.toContain(CASE)
      expect(text).not.toContain("Stilleggen")
      expect(data.intakes[0]).toMatchObject({ notes: NOTES })
      expect(data.casesWritten[0]?.text).toEqual(withheld("case-text"))
      expect(data.ballots[0]?.content).toEqual(withheld("ballot"))
      expect(data.pollAnswers[0]?.answers).toHaveLength(2)
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("an administrator sees no notes, case texts, ballots or poll answers", () =>
    Effect.gen(function* () {
      const { useCases } = yield* quarter()
      const data = yield* useCases.exportMember(admin, { memberId: "m-001" })
      const text = JSON.stringify(data)
      expect(text).not.toContain(NOTES)
      expect(text).not.toContain(CASE)
      expect(data.member.email).toBe("ijsbrand@example.nl")
      expect(data.intakes[0]).toMatchObject({ notes: withheld("intake-notes") })
      expect(data.casesWritten[0]?.text).toEqual(withheld("case-text"))
      expect(data.ballots[0]?.content).toEqual(withheld("ballot"))
      expect(data.pollAnswers[0]?.answers).toEqual(withheld("poll-answers"))
    }).pipe(Effect.provide(useCasesLayer))
  )
})

describe("pollStanding shows others' answers only as the policy allows (finding 6)", () => {
  it.effect("a member sees counts and their own answer; the team sees who", () =>
    Effect.gen(function* () {
      const { useCases, poll } = yield* quarter()
      const slot = poll.slots[0]?.id
      const byMember = yield* useCases.pollStanding(member("m-003"), { pollId: poll.id })
      const seen = byMember.ranking.find((s) => s.slotId === slot)
      expect(seen?.counts.yes).toBe(2)
      expect(seen?.yes).toEqual([])
      expect(JSON.stringify(byMember)).not.toMatch(/m-001|m-002/)
      const own = yield* useCases.pollStanding(member("m-001"), { pollId: poll.id })
      expect(own.ranking.find((s) => s.slotId === slot)?.yes).toEqual(["m-001"])
      const byTeam = yield* useCases.pollStanding(team, { pollId: poll.id })
      expect([...(byTeam.ranking.find((s) => s.slotId === slot)?.yes ?? [])].sort()).toEqual(["m-001", "m-002"])
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("in a community with open polls every member sees who answered what", () =>
    Effect.gen(function* () {
      const { useCases, poll } = yield* quarter({ pollAnswers: "open" })
      const slot = poll.slots[0]?.id
      const byMember = yield* useCases.pollStanding(member("m-003"), { pollId: poll.id })
      expect([...(byMember.ranking.find((s) => s.slotId === slot)?.yes ?? [])].sort()).toEqual(["m-001", "m-002"])
    }).pipe(Effect.provide(useCasesLayer))
  )
})

describe("only active members act: no ghost ballots (finding 4)", () => {
  it.effect("unregistered, paused, departed and erased members get an error naming their state", () =>
    Effect.gen(function* () {
      const { useCases, round, theme, poll } = yield* quarter()
      yield* useCases.pauseMember(member("m-002"), { memberId: "m-002" })
      yield* useCases.endMember(member("m-003"), { memberId: "m-003" })
      yield* useCases.forgetMember(admin, { memberId: "m-001" })
      const ballot = { votingRoundId: round.id, content: { _tag: "approval" as const, themeIds: [theme.id] } }
      const slot = poll.slots[0]?.id ?? ""
      for (const [who, state] of [
        ["m-999", "unregistered"],
        ["m-002", "paused"],
        ["m-003", "left"],
        ["m-001", "erased"]
      ] as const) {
        const cast = yield* failureOf(useCases.castBallot(member(who), ballot))
        expect(cast).toMatchObject({ _tag: "MemberCannotAct", memberId: who, state, action: "ballot.cast" })
        const answer = yield* failureOf(
          useCases.answerPoll(member(who), { pollId: poll.id, answers: [{ slotId: slot, answer: "yes" }] })
        )
        expect(answer).toMatchObject({ _tag: "MemberCannotAct", state })
        const proposed = yield* failureOf(useCases.proposeTheme(member(who), { title: "Spook", durationMinutes: 30 }))
        expect(proposed).toMatchObject({ _tag: "MemberCannotAct", state })
      }
      const cast = yield* failureOf(useCases.castBallot(member("m-003"), ballot))
      expect(cast?.message).toBe("member m-003 cannot ballot.cast: the member has left the community")
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("closeVoting counts only the ballots of members active at the close", () =>
    Effect.gen(function* () {
      const { useCases, round, theme } = yield* quarter()
      const other = yield* useCases.proposeTheme(member("m-003"), { title: "Ego's managen", durationMinutes: 45 })
      const second = yield* useCases.openVoting(team, {
        title: "Programma zomer",
        format: { _tag: "approval" },
        closesAt: "2027-01-20T17:00:00.000Z",
        themeIds: [theme.id, other.id]
      })
      yield* useCases.castBallot(member("m-002"), {
        votingRoundId: second.id,
        content: { _tag: "approval", themeIds: [other.id] }
      })
      yield* useCases.castBallot(member("m-003"), {
        votingRoundId: second.id,
        content: { _tag: "approval", themeIds: [other.id] }
      })
      yield* useCases.castBallot(member("m-001"), {
        votingRoundId: second.id,
        content: { _tag: "approval", themeIds: [theme.id] }
      })
      // Two of the three leave before the close: only m-001's ballot counts.
      yield* useCases.endMember(member("m-002"), { memberId: "m-002" })
      yield* useCases.forgetMember(admin, { memberId: "m-003" })
      const closed = yield* useCases.closeVoting(team, {
        votingRoundId: second.id,
        method: { _tag: "greedy" },
        budgetMinutes: 45
      })
      expect(closed.result.programme.map((t) => t.themeId)).toEqual([theme.id])
      const log = yield* useCases.auditLog(admin, {})
      expect(log.entries.some((e) => e.action === "voting.close")).toBe(true)
      expect(round.id).not.toBe(second.id)
    }).pipe(Effect.provide(useCasesLayer))
  )
})

describe("ballot keys cannot collide, and a ballot is read only by its owner (finding 5)", () => {
  it.effect("member m-2 cannot read member x:m-2's ballot", () =>
    Effect.gen(function* () {
      const useCases = yield* Services.UseCases.UseCases
      yield* TestClock.setTime(Date.UTC(2027, 0, 4, 9))
      yield* useCases.setUpCommunity(admin, { name: "Rijk" })
      yield* useCases.registerMembers(team, {
        members: [
          { id: "m-2", name: "Een", email: "een@example.nl", organisation: "A", programme: "P", status: "active" },
          { id: "x:m-2", name: "Twee", email: "twee@example.nl", organisation: "B", programme: "P", status: "active" }
        ]
      })
      const theme = yield* useCases.proposeTheme(member("m-2"), { title: "Thema", durationMinutes: 30 })
      const round = yield* useCases.openVoting(team, {
        title: "Stemming",
        format: { _tag: "approval" },
        closesAt: "2027-01-18T17:00:00.000Z"
      })
      yield* useCases.castBallot(member("x:m-2"), {
        votingRoundId: round.id,
        content: { _tag: "approval", themeIds: [theme.id] }
      })
      // The old key was round + ":" + member: m-2 asking for round "<id>:x" read x:m-2's ballot.
      const probe = yield* useCases.myBallot(member("m-2"), { votingRoundId: `${round.id}:x` })
      expect(probe._tag).toBe("None")
      const mine = yield* useCases.myBallot(member("m-2"), { votingRoundId: round.id })
      expect(mine._tag).toBe("None")
      const theirs = yield* useCases.myBallot(member("x:m-2"), { votingRoundId: round.id })
      expect(theirs._tag === "Some" && theirs.value.memberId).toBe("x:m-2")
      // And their ballots are two records, not one overwriting the other.
      yield* useCases.castBallot(member("m-2"), {
        votingRoundId: round.id,
        content: { _tag: "approval", themeIds: [] }
      })
      const again = yield* useCases.myBallot(member("x:m-2"), { votingRoundId: round.id })
      expect(again._tag === "Some" && again.value.content).toEqual({ _tag: "approval", themeIds: [theme.id] })
    }).pipe(Effect.provide(useCasesLayer))
  )

  it("keys of different member and round ids never coincide", () => {
    const parts: ReadonlyArray<readonly [string, string]> = [
      ["r", "x:m-2"],
      ["r:x", "m-2"],
      ["r", "a~b"],
      ["r", "a~~b"],
      ["r~c", "b"],
      ["r", "~cb"]
    ]
    const keys = parts.map(([a, b]) => naturalKey(a, b))
    expect(new Set(keys).size).toBe(parts.length)
    // Ids without ":" or "~" keep the key they had, so ballots stored before stay where they are.
    expect(naturalKey("vote-0001", "m-001")).toBe("vote-0001:m-001")
  })
})

describe("small leaks (finding 6)", () => {
  it.effect("recordIntake answers an absent intake and someone else's intake the same way", () =>
    Effect.gen(function* () {
      const { useCases, intake } = yield* quarter()
      const absent = yield* failureOf(
        useCases.recordIntake(member("m-002"), { intakeId: "intake-9999", status: "held" })
      )
      const existing = yield* failureOf(useCases.recordIntake(member("m-002"), { intakeId: intake.id, status: "held" }))
      expect(absent).toMatchObject({ _tag: "NotAllowed", missing: "programme team" })
      expect(existing).toMatchObject({ _tag: "NotAllowed", missing: "programme team" })
      expect(absent?.message).toBe(existing?.message)
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("a ProgrammeTeam actor must be a stored facilitator of the programme team", () =>
    Effect.gen(function* () {
      const { useCases } = yield* quarter()
      const unknown = { _tag: "ProgrammeTeam", communityId, facilitatorId: "f-99" } as const
      const guest = { _tag: "ProgrammeTeam", communityId, facilitatorId: "f-02" } as const
      for (const actor of [unknown, guest]) {
        const denied = yield* failureOf(useCases.exportMember(actor, { memberId: "m-001" }))
        expect(denied).toMatchObject({ _tag: "NotAllowed", missing: "programme team" })
      }
      const unknownGuest = { _tag: "Facilitator", communityId, facilitatorId: "f-99" } as const
      const proposed = yield* failureOf(useCases.proposeTheme(unknownGuest, { title: "Spook", durationMinutes: 30 }))
      expect(proposed).toMatchObject({ _tag: "NotAllowed", missing: "a registered facilitator" })
      const log = yield* useCases.auditLog(admin, {})
      expect(log.entries.filter((e) => e.result === "denied").map((e) => e.actor)).toEqual(
        expect.arrayContaining(["programme-team:f-99", "programme-team:f-02", "facilitator:f-99"])
      )
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("erasure finds the name in others' free text and reports ids made from it", () =>
    Effect.gen(function* () {
      const { useCases, group, gathering } = yield* quarter()
      yield* useCases.addCase(member("m-002"), {
        groupId: group.id,
        title: "Samen met IJsbrand",
        description: "Ik sprak ijsbrand de vries (BZK) en later De Vries nog eens; Ijsbrand Vries ook."
      })
      yield* useCases.proposeTheme(member("m-002"), {
        id: "theme-ijsbrand-de-vries",
        title: "Wat IJsbrand de Vries leerde",
        description: "Naar een idee van de heer De Vries.",
        durationMinutes: 30
      })
      const forgotten = yield* useCases.forgetMember(admin, { memberId: "m-001" })
      expect(forgotten.nameRewritten).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: "case", field: "description" }),
          expect.objectContaining({ kind: "theme", field: "title" }),
          expect.objectContaining({ kind: "theme", field: "description" })
        ])
      )
      expect(forgotten.notRewritten).toEqual([{ kind: "theme", id: "theme-ijsbrand-de-vries", field: "id" }])
      const cases = yield* useCases.listCases(member("m-002"), { groupId: group.id })
      const mine = cases.find((c) => c.authorId === "m-002")
      const description = mine === undefined ? "" : Redacted.value(mine.description)
      expect(mine?.title).toBe("Samen met IJsbrand")
      const themes = yield* useCases.listThemes(member("m-002"), {})
      const text = JSON.stringify(themes)
      expect(text).not.toMatch(/de vries/i)
      expect(text).toContain("[naam verwijderd]")
      expect(description).toBe(
        "Ik sprak [naam verwijderd] (BZK) en later [naam verwijderd] nog eens; [naam verwijderd] ook."
      )
      expect(gathering.title).toBe("Kwartaal")
    }).pipe(Effect.provide(useCasesLayer))
  )
})
