import { describe, expect, it } from "@effect/vitest"
import { type Access, MemoryStore, Services } from "@grenzeloos/core"
import { Effect, Either, Layer, TestClock } from "effect"

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

const people = [
  {
    id: "m-001",
    name: "IJsbrand de Vries",
    email: "ijsbrand@example.nl",
    organisation: "BZK",
    programme: "Digitale overheid"
  },
  { id: "m-002", name: "Aïcha El Idrissi", email: "aicha@example.nl", organisation: "IenW", programme: "Afsluitdijk" },
  { id: "m-003", name: "Jan van 't Hoff", email: "jan@example.nl", organisation: "EZK", programme: "Energie" }
] as const

const setUp = Effect.gen(function* () {
  const useCases = yield* Services.UseCases.UseCases
  yield* TestClock.setTime(Date.UTC(2027, 0, 4, 9))
  yield* useCases.setUpCommunity(admin, { name: "Programmadirecteuren Rijk" })
  yield* useCases.registerMembers(team, { members: people.map((p) => ({ ...p, status: "active" as const })) })
  return useCases
})

const failureOf = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.either(effect), (result) => (Either.isLeft(result) ? result.left : undefined))

describe("use cases: what bad input and bad timing get", () => {
  it.effect("an import reports every bad row with its path, and nothing is stored", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp
      const error = yield* failureOf(
        useCases.registerMembers(team, {
          members: [
            { name: "Nieuw Lid", email: "nieuw@example.nl", organisation: "BZK", programme: "P" },
            { name: "Tweede", email: "jan@", organisation: "BZK", programme: "P", emial: "x" } as never,
            { name: "Derde", email: "NIEUW@example.nl", organisation: "BZK", programme: "P" }
          ]
        })
      )
      expect(error?._tag).toBe("DecodeError")
      const paths = error?._tag === "DecodeError" ? error.problems.map((p) => p.path) : []
      expect(paths).toEqual(expect.arrayContaining(["members[1].email", "members[1].emial"]))
      const duplicate = yield* failureOf(
        useCases.registerMembers(team, {
          members: [
            { name: "Nieuw Lid", email: "nieuw@example.nl", organisation: "BZK", programme: "P" },
            { name: "Derde", email: "NIEUW@example.nl", organisation: "BZK", programme: "P" }
          ]
        })
      )
      expect(duplicate?._tag === "DecodeError" && duplicate.problems).toEqual([
        { path: "members[1].email", message: "is the same address as members[0].email" }
      ])
      expect((yield* useCases.directory(team)).map((m) => m.id)).toEqual(["m-002", "m-001", "m-003"])
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("importing the same people again changes nothing; a changed field updates one", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp
      const again = yield* useCases.registerMembers(team, { members: people.map((p) => ({ ...p })) })
      expect(again).toEqual({ created: [], updated: [], unchanged: ["m-001", "m-002", "m-003"] })
      const { id: _id, ...withoutId } = people[0]
      const moved = yield* useCases.registerMembers(team, {
        members: [{ ...withoutId, email: "IJSBRAND@example.nl", organisation: "Financiën" }]
      })
      expect(moved).toEqual({ created: [], updated: ["m-001"], unchanged: [] })
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("a member cannot register members; the denial names the right and is audited", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp
      const denied = yield* failureOf(useCases.registerMembers(member("m-001"), { members: [] }))
      expect(denied?._tag === "NotAllowed" && denied.message).toBe(
        "not allowed to member.register: this needs programme team or administrator"
      )
      const log = yield* useCases.auditLog(admin, {})
      expect(log.entries.at(-1)).toMatchObject({ actor: "member:m-001", action: "member.register", result: "denied" })
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("a malformed actor is an input error at path actor", () =>
    Effect.gen(function* () {
      const useCases = yield* Services.UseCases.UseCases
      const error = yield* failureOf(useCases.directory({ _tag: "Member", communityId: "rijk" }))
      expect(error?._tag === "DecodeError" && error.problems.map((p) => p.path)).toEqual(["actor.memberId"])
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("votes: only while open, only on the round's themes, one ballot per member", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp
      const woo = yield* useCases.proposeTheme(member("m-001"), { title: "Worstelen met de Woo", durationMinutes: 45 })
      const focus = yield* useCases.proposeTheme(member("m-002"), { title: "Focus", durationMinutes: 60 })
      const round = yield* useCases.openVoting(team, {
        title: "Programma voorjaar",
        format: { _tag: "approval" },
        closesAt: "2027-01-18T17:00:00.000Z"
      })
      expect(round.themeIds).toEqual([woo.id, focus.id])
      const offRound = yield* failureOf(
        useCases.castBallot(member("m-003"), {
          votingRoundId: round.id,
          content: { _tag: "approval", themeIds: ["theme-9999"] }
        })
      )
      expect(offRound?._tag).toBe("AgendaInputError")
      expect(offRound?.message).toContain("theme-9999")
      const wrongFormat = yield* failureOf(
        useCases.castBallot(member("m-003"), {
          votingRoundId: round.id,
          content: { _tag: "ranking", ranking: [woo.id] }
        })
      )
      expect(wrongFormat?._tag).toBe("AgendaInputError")
      yield* useCases.castBallot(member("m-003"), {
        votingRoundId: round.id,
        content: { _tag: "approval", themeIds: [woo.id] }
      })
      const second = yield* useCases.castBallot(member("m-003"), {
        votingRoundId: round.id,
        content: { _tag: "approval", themeIds: [focus.id] }
      })
      const mine = yield* useCases.myBallot(member("m-003"), { votingRoundId: round.id })
      expect(mine._tag === "Some" && mine.value.content).toEqual(second.content)
      const closed = yield* useCases.closeVoting(team, {
        votingRoundId: round.id,
        method: { _tag: "greedy" },
        budgetMinutes: 60
      })
      expect(closed.result.programme.map((t) => t.themeId)).toEqual([focus.id])
      const late = yield* failureOf(
        useCases.castBallot(member("m-001"), {
          votingRoundId: round.id,
          content: { _tag: "approval", themeIds: [woo.id] }
        })
      )
      expect(late?._tag === "InvalidState" && late.message).toBe(
        `voting round ${round.id} is closed: ballots can be cast while a round is open`
      )
      const unknown = yield* failureOf(
        useCases.closeVoting(team, { votingRoundId: "vote-x", method: { _tag: "greedy" }, budgetMinutes: 60 })
      )
      expect(unknown?.message).toBe("votingRoundId: there is no voting-round vote-x in this community")
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("cases: a group's members read them; the team, administrators and outsiders cannot", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp
      const formed = yield* useCases.formGroups(team, {
        name: "Leergroepen 2027",
        startsOn: "2027-01-01",
        endsOn: "2027-12-31",
        size: { groups: 1 },
        iterations: 10
      })
      const [group] = formed.groups
      if (group === undefined) throw new Error("no group")
      yield* useCases.addCase(member("m-001"), { groupId: group.id, title: "Sabotage", description: "Vertrouwelijk." })
      expect((yield* useCases.listCases(member("m-002"), { groupId: group.id })).map((c) => c.title)).toEqual([
        "Sabotage"
      ])
      for (const actor of [team, admin]) {
        const denied = yield* failureOf(useCases.listCases(actor, { groupId: group.id }))
        expect(denied?._tag).toBe("NotAllowed")
      }
      // An unknown group is denied the same way: the answer does not reveal what exists.
      const unknown = yield* failureOf(useCases.listCases(member("m-001"), { groupId: "group-9999" }))
      expect(unknown?.message).toBe("not allowed to case.read: this needs membership of the learning group")
    }).pipe(Effect.provide(useCasesLayer))
  )

  it.effect("an RSVP by the team must name the member", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp
      const gathering = yield* useCases.planGathering(team, {
        title: "Kwartaal",
        quarter: "2027-Q1",
        durationMinutes: 240
      })
      const error = yield* failureOf(useCases.recordRsvp(team, { gatheringId: gathering.id, response: "yes" }))
      expect(error?._tag === "DecodeError" && error.problems).toEqual([
        { path: "memberId", message: "is required when the programme team records an RSVP for a member" }
      ])
      const again = yield* useCases.planGathering(team, { title: "Kwartaal", quarter: "2027-Q1", durationMinutes: 240 })
      expect(again.id).toBe(gathering.id)
    }).pipe(Effect.provide(useCasesLayer))
  )
})

describe("use cases: what everyone in the community may read", () => {
  it.effect("the community, its facilitators (without addresses), rounds and polls", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp
      yield* useCases.registerFacilitators(admin, {
        facilitators: [{ id: "f-01", name: "Anouk Bakker", email: "anouk@example.nl", role: "programme-team" }]
      })
      const ann = member("m-001")
      expect((yield* useCases.getCommunity(ann)).name).toBe("Programmadirecteuren Rijk")
      const facilitators = yield* useCases.listFacilitators(ann)
      expect(facilitators).toEqual([{ id: "f-01", name: "Anouk Bakker", role: "programme-team", maxGroups: undefined }])
      expect(JSON.stringify(facilitators)).not.toContain("@")
      const formed = yield* useCases.formGroups(team, {
        name: "Leergroepen 2027",
        startsOn: "2027-01-01",
        endsOn: "2027-12-31",
        size: { groups: 1 },
        iterations: 10
      })
      expect((yield* useCases.listRounds(ann)).map((r) => r.id)).toEqual([formed.round.id])
      const gathering = yield* useCases.planGathering(team, {
        title: "Kwartaal",
        quarter: "2027-Q1",
        durationMinutes: 240
      })
      const { poll } = yield* useCases.proposeDates(team, {
        gatheringId: gathering.id,
        count: 3,
        weekdays: ["tuesday"],
        startTimes: ["13:00"]
      })
      expect((yield* useCases.listPolls(ann, { gatheringId: gathering.id })).map((p) => p.id)).toEqual([poll.id])
      expect(yield* useCases.listPolls(ann, { gatheringId: "gathering-other" })).toEqual([])
    }).pipe(Effect.provide(useCasesLayer))
  )
})

describe("use cases: progress", () => {
  it.effect("forming groups reports its progress to a Progress service around the call, ending at 1", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp
      const shares: Array<number> = []
      yield* useCases
        .formGroups(team, {
          name: "Leergroepen 2027",
          startsOn: "2027-01-01",
          endsOn: "2027-12-31",
          size: { groups: 1 },
          timeLimitMs: 150
        })
        .pipe(
          Effect.provideService(Services.Progress.Progress, {
            report: (task, share) => {
              expect(task).toBe("grouping")
              shares.push(share)
            }
          })
        )
      expect(shares.length).toBeGreaterThan(1)
      expect(shares.at(-1)).toBe(1)
      expect([...shares].sort((a, b) => a - b)).toEqual(shares)
    }).pipe(Effect.provide(useCasesLayer))
  )
})

describe("the Promise facade", () => {
  it("resolves with results and rejects with the typed error", async () => {
    const client = Services.UseCases.client(requirements)
    try {
      const community = await client.setUpCommunity(admin, { name: "Programmadirecteuren Rijk" })
      expect(community.id).toBe("rijk")
      const error = await client.setUpCommunity(team, { name: "Anders" }).then(
        () => undefined,
        (e: unknown) => e
      )
      expect(error).toMatchObject({ _tag: "NotAllowed", missing: "administrator" })
      const invalid = await client.proposeTheme(member("m-001"), { title: "", durationMinutes: -5 }).then(
        () => undefined,
        (e: unknown) => e
      )
      expect(invalid).toMatchObject({ _tag: "DecodeError" })
    } finally {
      await client.dispose()
    }
  })
})
