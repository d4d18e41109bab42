import { describe, expect, it } from "@effect/vitest"
import { type Access, MemoryStore, Repository, Services, Store } from "@grenzeloos/core"
import { Effect, Layer, TestClock } from "effect"

const settings = Services.Settings.layer({
  organizer: { name: "Programmateam", email: "programmateam@example.nl" },
  uidDomain: "example.nl"
})
const requirements = Layer.mergeAll(MemoryStore.layer, Services.Ids.layerSequential(), settings)
const layer = Layer.merge(Services.UseCases.layer.pipe(Layer.provide(requirements)), requirements)

const communityId = "rijk"
const admin = { _tag: "Administrator", communityId, administratorId: "beheer-1" } as const
const team = { _tag: "ProgrammeTeam", communityId, facilitatorId: "f-01" } as const
const member = (memberId: string): Access.Actor =>
  ({ _tag: "Member", communityId, memberId }) as unknown as Access.Actor
const people = [
  { id: "m-001", name: "Anna de Wit", email: "anna@example.nl", organisation: "BZK", programme: "Woo" },
  { id: "m-002", name: "Bram Smit", email: "bram@example.nl", organisation: "IenW", programme: "Dijken" },
  { id: "m-003", name: "Cem Kaya", email: "cem@example.nl", organisation: "EZK", programme: "Energie" }
] as const

describe("closing a vote with a carried method", () => {
  it.effect("stores a fairness record per member and starts the next vote from it", () =>
    Effect.gen(function* () {
      const useCases = yield* Services.UseCases.UseCases
      yield* TestClock.setTime(Date.UTC(2027, 0, 4, 9))
      yield* useCases.setUpCommunity(admin, { name: "Programmadirecteuren Rijk" })
      yield* useCases.registerMembers(team, {
        members: people.map((p) => ({ ...p, status: "active" as const }))
      })
      const woo = yield* useCases.proposeTheme(member("m-001"), { title: "Worstelen met de Woo", durationMinutes: 60 })
      const energy = yield* useCases.proposeTheme(member("m-003"), { title: "Netcongestie", durationMinutes: 60 })
      const vote = Effect.fn(function* (k: number) {
        const round = yield* useCases.openVoting(team, {
          title: `Ronde ${k}`,
          format: { _tag: "approval" },
          closesAt: `2027-0${k + 1}-18T17:00:00.000Z`
        })
        for (const [id, theme] of [
          ["m-001", woo.id],
          ["m-002", woo.id],
          ["m-003", energy.id]
        ] as const)
          yield* useCases.castBallot(member(id), {
            votingRoundId: round.id,
            content: { _tag: "approval", themeIds: [theme] }
          })
        return yield* useCases.closeVoting(team, {
          votingRoundId: round.id,
          method: { _tag: "perpetual-phragmen" },
          budgetMinutes: 60
        })
      })
      const first = yield* vote(1)
      expect(first.result.programme.map((t) => t.themeId)).toEqual([woo.id])
      const stored = yield* Effect.flatMap(Store.forCommunity(communityId), (store) =>
        Repository.all(store, Repository.FairnessRecords)
      )
      expect(stored.map((r) => [r.value.memberId, r.value.meeting, r.value.balanceMinutes])).toEqual([
        ["m-001", 1, -7.5],
        ["m-002", 1, -7.5],
        ["m-003", 1, 15]
      ])
      const second = yield* vote(2)
      expect(second.result.programme.map((t) => t.themeId)).toEqual([woo.id])
      expect(second.result.carried?.records.find((r) => r.memberId === "m-003")?.carriedInMinutes).toBe(15)
      // The third vote reads the stored records of both earlier votes: Cem's theme, and why.
      const third = yield* vote(3)
      expect(third.result.programme.map((t) => t.themeId)).toEqual([energy.id])
      expect(third.result.carried?.members.find((m) => m.memberId === "m-003")?.explanation).toBe(
        "Over de laatste 2 bijeenkomsten kregen uw thema's 0 minuten op het programma: 0 % van uw eerlijke deel (0 van 40 minuten, gedeeld met wie dezelfde thema's steunde). Daarom weegt uw stem deze keer zwaarder: 46,25 minuten in plaats van 20 minuten."
      )
      // The member's export (AVG art. 15) holds their account of every carried vote; the
      // programme team reads it too, an administrator sees that it exists and whom to ask.
      const own = yield* useCases.exportMember(member("m-003"), { memberId: "m-003" })
      expect(own.fairnessRecords.map((r) => [r.meeting, r.account])).toEqual([
        [1, expect.objectContaining({ method: "perpetual-phragmen", gotMinutes: 0, balanceMinutes: 15 })],
        [2, expect.objectContaining({ carriedInMinutes: 15 })],
        [3, expect.objectContaining({ supportedMinutes: 60 })]
      ])
      const byTeam = yield* useCases.exportMember(team, { memberId: "m-003" })
      expect(byTeam.fairnessRecords.map((r) => r.account)).toEqual(own.fairnessRecords.map((r) => r.account))
      const byAdmin = yield* useCases.exportMember(admin, { memberId: "m-003" })
      expect(byAdmin.fairnessRecords.map((r) => r.account)).toEqual(
        Array.from({ length: 3 }, () => Services.ReadPolicy.withheld("fairness-records"))
      )
      const other = yield* useCases.exportMember(member("m-001"), { memberId: "m-001" })
      expect(other.fairnessRecords.map((r) => r.votingRoundId)).toEqual(own.fairnessRecords.map((r) => r.votingRoundId))
      expect(JSON.stringify(other)).not.toContain('"memberId":"m-003"')
      // The programme team reads every record back, with names, for the report.
      const year = yield* useCases.getFairness(team)
      expect(year.map((r) => [r.meeting, r.name, r.gotMinutes > 0])).toEqual([
        [1, "Anna de Wit", true],
        [1, "Bram Smit", true],
        [1, "Cem Kaya", false],
        [2, "Anna de Wit", true],
        [2, "Bram Smit", true],
        [2, "Cem Kaya", false],
        [3, "Anna de Wit", false],
        [3, "Bram Smit", false],
        [3, "Cem Kaya", true]
      ])
      const refused = yield* Effect.flip(useCases.getFairness(member("m-003")))
      expect(refused).toMatchObject({ _tag: "NotAllowed", missing: "programme team" })
    }).pipe(Effect.provide(layer))
  )
})
