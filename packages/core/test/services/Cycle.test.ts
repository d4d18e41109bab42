import { describe, expect, it } from "@effect/vitest"
import { type Access, Domain, MemoryStore, Services, Store, Texts } from "@grenzeloos/core"
import { DateTime, Effect, Either, Layer, Schema, TestClock } from "effect"

const settings = Services.Settings.layer({
  organizer: { name: "Programmateam", email: "programmateam@example.nl" },
  uidDomain: "example.nl"
})
const layer = Layer.provideMerge(
  Services.UseCases.layer,
  Layer.mergeAll(MemoryStore.layer, Services.Ids.layerSequential(), settings)
)

const communityId = "rijk"
const admin = { _tag: "Administrator", communityId, administratorId: "beheer-1" } as const
const team = { _tag: "ProgrammeTeam", communityId, facilitatorId: "f-01" } as const
const member = (memberId: string): Access.Actor =>
  ({ _tag: "Member", communityId, memberId }) as unknown as Access.Actor

const people = [
  { id: "m-001", name: "IJsbrand de Vries", email: "ijsbrand@example.nl", organisation: "BZK", programme: "A" },
  {
    id: "m-002",
    name: "Aïcha El Idrissi",
    email: "aicha@example.nl",
    organisation: "IenW",
    programme: "B",
    preferredLanguage: "en" as const
  },
  { id: "m-003", name: "Jan van 't Hoff", email: "jan@example.nl", organisation: "EZK", programme: "C" }
]

const JAN_4 = Date.UTC(2027, 0, 4, 9)

const setUp = (timeZone = "Europe/Amsterdam") =>
  Effect.gen(function* () {
    const useCases = yield* Services.UseCases.UseCases
    yield* TestClock.setTime(JAN_4)
    yield* useCases.setUpCommunity(admin, { name: "Programmadirecteuren Rijk", timeZone })
    yield* useCases.registerMembers(team, { members: people.map((p) => ({ ...p, status: "active" as const })) })
    return useCases
  })

const failureOf = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.either(effect), (result) => (Either.isLeft(result) ? result.left : undefined))

/** Every message in the outbox, with the parts of its payload the tests read. */
const outbox = Effect.gen(function* () {
  const store = (yield* Store.Store).forCommunity(communityId)
  const page = yield* store.outbox({ limit: 1000 })
  return page.items.map((m) => {
    const payload = m.payload as {
      readonly subject: string
      readonly event: {
        readonly type: string
        readonly subject: { readonly id: string }
        readonly data: Record<string, unknown>
      }
      readonly attachments: ReadonlyArray<{ readonly content: string }>
      readonly language: string
    }
    // Calendar lines are folded at 75 octets: unfold them so a long text reads whole.
    const ics = payload.attachments[0]?.content.replace(/\r\n[ \t]/g, "")
    return { id: m.id, status: m.status, availableAt: m.availableAt, ...payload, ics }
  })
})

/** A gathering of three hours, planned for the spring unless another title or quarter is given. */
const planned = (
  useCases: Services.UseCases.UseCasesService,
  { title = "Kwartaalbijeenkomst voorjaar", quarter = "2027-Q2", venue = false } = {}
) =>
  useCases.planGathering(team, {
    title,
    quarter,
    durationMinutes: 180,
    ...(venue ? { venue: { name: "Nieuwspoort", address: "Lange Poten 10, Den Haag" } } : {})
  })

/** A planned gathering with its poll open: `count` dates on `weekdays` at 13:00 (3, Tuesdays and Thursdays). */
const polling = (
  useCases: Services.UseCases.UseCasesService,
  {
    title = "Kwartaalbijeenkomst voorjaar",
    venue = false,
    count = 3,
    weekdays = ["tuesday", "thursday"] as readonly [Domain.Weekday, ...Array<Domain.Weekday>]
  }: {
    readonly title?: string
    readonly venue?: boolean
    readonly count?: number
    readonly weekdays?: readonly [Domain.Weekday, ...Array<Domain.Weekday>]
  } = {}
) =>
  Effect.gen(function* () {
    const gathering = yield* planned(useCases, { title, venue })
    const { poll } = yield* useCases.proposeDates(team, {
      gatheringId: gathering.id,
      count,
      weekdays,
      startTimes: ["13:00"]
    })
    return { gathering, poll }
  })

/** A gathering through its poll to a decided date: planned, dates proposed, answered, decided. */
const decided = (useCases: Services.UseCases.UseCasesService, venue = true) =>
  Effect.gen(function* () {
    const { gathering, poll } = yield* polling(useCases, { venue })
    yield* useCases.recordPollAnswers(team, {
      pollId: poll.id,
      responses: people.map((p) => ({
        memberId: p.id,
        answers: [{ slotId: poll.slots[0].id, answer: "yes" as const }]
      }))
    })
    yield* useCases.decideDate(team, { pollId: poll.id })
    return { gathering, poll }
  })

describe("a gathering's life cycle", () => {
  it.effect("every step checks the state, and a refusal names the state and what can be done now", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const gathering = yield* planned(useCases)
      expect(gathering.status).toBe("planned")
      const early = yield* failureOf(useCases.sendInvitations(team, { gatheringId: gathering.id }))
      expect(early?._tag).toBe("GatheringStateError")
      if (early?._tag === "GatheringStateError") {
        expect(early.message).toContain('gathering "Kwartaalbijeenkomst voorjaar" is planned')
        expect(early.message).toContain("What can be done now: proposeDates")
        expect(early.text("nl")).toContain("is gepland")
      }
      const cancelled = yield* useCases.cancelGathering(team, { gatheringId: gathering.id })
      expect(cancelled.gathering.status).toBe("cancelled")
      const again = yield* failureOf(
        useCases.proposeDates(team, {
          gatheringId: gathering.id,
          count: 3,
          weekdays: ["tuesday"],
          startTimes: ["13:00"]
        })
      )
      expect(again?._tag === "GatheringStateError" && again.possible).toEqual([])
    }).pipe(Effect.provide(layer))
  )

  it.effect("records stored before the life cycle decode: planning as planned, scheduled as date-decided", () =>
    Effect.sync(() => {
      const stored = {
        id: "g-1",
        communityId: "rijk",
        title: "Oud",
        quarter: "2026-Q4",
        durationMinutes: 180,
        programme: [],
        rsvps: [],
        attendance: [],
        sequence: 0
      }
      expect(Schema.decodeUnknownSync(Domain.Gathering)({ ...stored, status: "planning" }).status).toBe("planned")
      // Stored before invitees were: read as nobody recorded.
      expect(Schema.decodeUnknownSync(Domain.Gathering)({ ...stored, status: "planned" }).invitees).toEqual([])
      const scheduled = Schema.decodeUnknownSync(Domain.Gathering)({
        ...stored,
        status: "scheduled",
        startsAt: "2026-11-12T13:00:00.000+01:00[Europe/Amsterdam]"
      })
      expect(scheduled.status).toBe("date-decided")
      expect(Schema.encodeSync(Domain.Gathering)(scheduled).status).toBe("date-decided")
      expect(() => Schema.decodeUnknownSync(Domain.Gathering)({ ...stored, status: "gepland" })).toThrow(
        'expected one of "planned", "polling", "date-decided", "invited", "held", "closed", "cancelled", got "gepland"'
      )
    })
  )

  it.effect("a poll nobody answered is not decided unless forced; non-respondents are reported", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const { poll } = yield* polling(useCases)
      const empty = yield* failureOf(useCases.decideDate(team, { pollId: poll.id }))
      expect(empty?._tag === "InvalidState" && empty.message).toContain("has no answers yet (0 of 3 members answered)")
      const second = poll.slots[1]
      if (second === undefined) throw new Error("the poll has one slot")
      yield* useCases.answerPoll(member("m-001"), { pollId: poll.id, answers: [{ slotId: second.id, answer: "yes" }] })
      const result = yield* useCases.decideDate(team, { pollId: poll.id })
      expect(result.answered).toEqual(["m-001"])
      expect(result.notAnswered).toEqual(["m-002", "m-003"])
      expect(result.decision.chosen.slotId).toBe(second.id)
      expect(Texts.nl.reason(result.decision.explanation)).toContain("niet geantwoord: m-002, m-003")
      expect(result.gathering.status).toBe("date-decided")
    }).pipe(Effect.provide(layer))
  )

  it.effect("deciding the date takes the requests to answer the poll still waiting out of the outbox", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const { poll } = yield* polling(useCases)
      yield* useCases.requestPollAnswers(team, { pollId: poll.id })
      expect((yield* outbox).filter((m) => m.event.type === "poll.requested")).toHaveLength(3)
      yield* useCases.answerPoll(member("m-001"), {
        pollId: poll.id,
        answers: [{ slotId: poll.slots[0].id, answer: "yes" }]
      })
      yield* useCases.decideDate(team, { pollId: poll.id })
      expect((yield* outbox).filter((m) => m.event.type === "poll.requested")).toEqual([])
    }).pipe(Effect.provide(layer))
  )

  it.effect("deciding with force takes the first candidate date and says nobody answered", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const { poll } = yield* polling(useCases, { title: "Voorjaar", count: 2, weekdays: ["tuesday"] })
      const result = yield* useCases.decideDate(team, { pollId: poll.id, force: true })
      expect(result.answered).toEqual([])
      expect(result.notAnswered).toHaveLength(3)
      expect(result.gathering.startsAt?.epochMillis).toBe(poll.slots[0].startsAt.epochMillis)
    }).pipe(Effect.provide(layer))
  )

  it.effect("times are in the community's stored zone, not Amsterdam's", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp("Europe/London")
      const { gathering } = yield* decided(useCases)
      const [stored] = yield* useCases.listGatherings(team)
      expect(stored?.startsAt?.zone).toMatchObject({ id: "Europe/London" })
      expect(stored?.startsAt === undefined ? "" : DateTime.formatIsoZoned(stored.startsAt)).toContain("T13:00")
      yield* useCases.sendInvitations(team, { gatheringId: gathering.id })
      const invitation = (yield* outbox).find((m) => m.event.type === "gathering.invited")
      expect(invitation?.ics).toContain("TZID=Europe/London")
      expect(invitation?.ics).not.toContain("Europe/Amsterdam")
    }).pipe(Effect.provide(layer))
  )

  it.effect(
    "the gathering stores who was invited: a move reaches them, not a member who joined since, and a member who left still counts as invited",
    () =>
      Effect.gen(function* () {
        const useCases = yield* setUp()
        const { gathering } = yield* decided(useCases)
        yield* useCases.sendInvitations(team, { gatheringId: gathering.id })
        const [invited] = yield* useCases.listGatherings(team)
        expect(invited?.invitees).toEqual(["m-001", "m-002", "m-003"])
        yield* useCases.registerMembers(team, {
          members: [
            {
              id: "m-004",
              name: "Sanne Bakker",
              email: "sanne@example.nl",
              organisation: "VWS",
              programme: "D",
              status: "active"
            }
          ]
        })
        yield* useCases.endMember(team, { memberId: "m-003" })
        const moved = yield* useCases.moveGathering(team, { gatheringId: gathering.id, date: "2027-06-17" })
        // m-003 left and m-004 never had the invitation: only m-001 and m-002 hear of the move.
        expect(moved.updated).toBe(2)
        const updates = (yield* outbox).filter((m) => m.event.type === "gathering.changed")
        expect(updates.map((m) => m.event.data.memberId).sort()).toEqual(["m-001", "m-002"])
        // Each says when it was before, in the member's language.
        const textOf = (memberId: string) =>
          (updates.find((m) => m.event.data.memberId === memberId) as unknown as { readonly text: string }).text
        expect(textOf("m-001")).toContain("Wanneer: donderdag 17 juni 2027 om 13:00")
        expect(textOf("m-001")).toContain("\n\nEerder: donderdag 15 april 2027 om 13:00\n\n")
        expect(textOf("m-002")).toContain("\n\nPreviously: Thursday, 15 April 2027 at 13:00\n\n")
        // Inviting again reaches the newcomer, and the stored invitees keep m-003.
        yield* useCases.sendInvitations(team, { gatheringId: gathering.id })
        const [after] = yield* useCases.listGatherings(team)
        expect(after?.invitees).toEqual(["m-001", "m-002", "m-003", "m-004"])
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "requestPollAnswers asks every active member in their language, and asks again only those who did not answer",
    () =>
      Effect.gen(function* () {
        const useCases = yield* setUp()
        const { poll } = yield* polling(useCases, { title: "Voorjaar", count: 2, weekdays: ["tuesday"] })
        const first = yield* useCases.requestPollAnswers(team, { pollId: poll.id })
        expect(first).toMatchObject({ asked: 3, alreadyAnswered: 0 })
        const requests = (yield* outbox).filter((m) => m.event.type === "poll.requested")
        expect(requests.map((m) => m.subject).sort()).toEqual([
          "Wanneer kun je? Voorjaar",
          "Wanneer kun je? Voorjaar",
          "When can you come? Voorjaar"
        ])
        // m-001 answers: their waiting request is withdrawn; asking again reminds only the others.
        yield* useCases.recordPollAnswers(team, {
          pollId: poll.id,
          responses: [{ memberId: "m-001", answers: [{ slotId: poll.slots[0].id, answer: "if-need-be" }] }]
        })
        const second = yield* useCases.requestPollAnswers(team, { pollId: poll.id })
        expect(second).toMatchObject({ asked: 2, alreadyAnswered: 1 })
        const after = (yield* outbox).filter((m) => m.event.type === "poll.requested")
        expect(after.filter((m) => m.event.data.memberId === "m-001")).toEqual([])
        expect(after.filter((m) => m.subject.startsWith("Herinnering"))).toHaveLength(1)
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "move: same UID, SEQUENCE 1 to every invitee, waiting reminders moved with it; cancel: METHOD:CANCEL, SEQUENCE 2, nothing left to send",
    () =>
      Effect.gen(function* () {
        const useCases = yield* setUp()
        const { gathering } = yield* decided(useCases)
        yield* useCases.sendInvitations(team, { gatheringId: gathering.id })
        // Sending again is harmless: nobody gets a second invitation, nothing fails.
        expect((yield* useCases.sendInvitations(team, { gatheringId: gathering.id })).invited).toBe(0)
        yield* useCases.sendReminders(team, { gatheringId: gathering.id, daysBefore: [7, 1] })
        const [before] = yield* useCases.listGatherings(team)
        const moved = yield* useCases.moveGathering(team, {
          gatheringId: gathering.id,
          date: "2027-06-17",
          start: "14:30",
          location: "Rijksoverheidsgebouw De Knoop, Utrecht"
        })
        expect(moved.gathering.sequence).toBe(1)
        expect(moved.updated).toBe(3)
        expect(DateTime.formatIsoZoned(moved.gathering.startsAt ?? before!.startsAt!)).toBe(
          "2027-06-17T14:30:00.000+02:00[Europe/Amsterdam]"
        )
        let messages = yield* outbox
        const uid = `UID:${gathering.id}@example.nl`
        const updates = messages.filter((m) => m.event.type === "gathering.changed")
        expect(updates).toHaveLength(3)
        for (const update of updates) {
          expect(update.ics).toContain(uid)
          expect(update.ics).toContain("SEQUENCE:1")
          expect(update.ics).toContain("LOCATION:Rijksoverheidsgebouw De Knoop\\, Utrecht")
        }
        const reminders = messages.filter((m) => m.event.type === "gathering.reminded")
        expect(reminders).toHaveLength(6)
        expect(reminders.every((m) => m.event.data.sequence === 1)).toBe(true)
        const start = Date.parse("2027-06-17T12:30:00Z")
        expect(new Set(reminders.map((m) => m.availableAt))).toEqual(
          new Set([start - 7 * 86_400_000, start - 86_400_000])
        )
        expect(messages.filter((m) => m.event.type === "gathering.invited")).toEqual([])

        const cancelled = yield* useCases.cancelGathering(team, {
          gatheringId: gathering.id,
          reason: "Te weinig aanmeldingen."
        })
        expect(cancelled.gathering).toMatchObject({ status: "cancelled", sequence: 2 })
        messages = yield* outbox
        const cancellations = messages.filter((m) => m.event.type === "gathering.cancelled")
        expect(cancellations).toHaveLength(3)
        for (const c of cancellations) {
          expect(c.ics).toContain("METHOD:CANCEL")
          expect(c.ics).toContain(uid)
          expect(c.ics).toContain("SEQUENCE:2")
        }
        // Nothing else about the gathering is left to send: reminders and updates were withdrawn.
        expect(
          messages.filter((m) => m.event.subject.id === gathering.id && m.event.type !== "gathering.cancelled")
        ).toEqual([])
        const late = yield* failureOf(useCases.sendReminders(team, { gatheringId: gathering.id }))
        expect(late?._tag === "GatheringStateError" && late.state).toBe("cancelled")
      }).pipe(Effect.provide(layer))
  )

  it.effect("nothing is sent for a gathering in the past; a move to the past is refused", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const { gathering } = yield* decided(useCases)
      const [g] = yield* useCases.listGatherings(team)
      const past = yield* failureOf(useCases.moveGathering(team, { gatheringId: gathering.id, date: "2027-01-01" }))
      expect(past?._tag === "InvalidState" && past.message).toContain("is in the past")
      yield* useCases.sendInvitations(team, { gatheringId: gathering.id })
      // Ten days before: the 14-day reminder's day has passed, so only the 7- and 1-day ones are queued.
      yield* TestClock.setTime((g?.startsAt?.epochMillis ?? 0) - 10 * 86_400_000)
      const queued = yield* useCases.sendReminders(team, { gatheringId: gathering.id, daysBefore: [14, 7, 1] })
      expect(queued.queued).toBe(6)
      yield* TestClock.setTime((g?.startsAt?.epochMillis ?? 0) + 3_600_000)
      const after = yield* failureOf(useCases.sendReminders(team, { gatheringId: gathering.id }))
      expect(after?._tag === "GatheringStateError" && after.message).toContain("has already started")
      const cancel = yield* failureOf(useCases.cancelGathering(team, { gatheringId: gathering.id }))
      expect(cancel?._tag === "GatheringStateError" && cancel.message).toContain("has already started")
      const held = yield* useCases.recordAttendance(team, { gatheringId: gathering.id, attended: ["m-001"] })
      expect(held.status).toBe("held")
      expect((yield* useCases.closeGathering(team, { gatheringId: gathering.id })).status).toBe("closed")
    }).pipe(Effect.provide(layer))
  )
})

describe("the programme comes from a closed vote for a named gathering", () => {
  it.effect("a vote nobody voted in is not closed unless forced: no programme from no votes", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const theme = yield* useCases.proposeTheme(team, { title: "Omgaan met sabotage", durationMinutes: 60 })
      const round = yield* useCases.openVoting(team, {
        title: "Programma voorjaar",
        format: { _tag: "approval" },
        closesAt: "2027-03-01T17:00:00.000Z",
        themeIds: [theme.id]
      })
      const close = (force: boolean) =>
        useCases.closeVoting(team, {
          votingRoundId: round.id,
          method: { _tag: "equal-shares" },
          budgetMinutes: 60,
          ...(force ? { force } : {})
        })
      const refused = yield* failureOf(close(false))
      expect(refused?._tag).toBe("InvalidState")
      if (refused?._tag === "InvalidState") {
        expect(refused.message).toContain("has no ballots (0 of 3 active members voted)")
        expect(refused.nl?.problem).toBe("heeft geen stemmen (0 van 3 actieve leden stemden)")
      }
      expect((yield* close(true)).round.status).toBe("closed")
    }).pipe(Effect.provide(layer))
  )

  const vote = (useCases: Services.UseCases.UseCasesService, themeIds: ReadonlyArray<string>, title: string) =>
    Effect.gen(function* () {
      const round = yield* useCases.openVoting(team, {
        title,
        format: { _tag: "approval" },
        closesAt: "2027-03-01T17:00:00.000Z",
        themeIds: themeIds as [string, ...Array<string>]
      })
      yield* useCases.recordBallots(team, {
        votingRoundId: round.id,
        ballots: people.map((p) => ({
          memberId: p.id,
          content: { _tag: "approval" as const, themeIds: [themeIds[0] ?? ""] }
        }))
      })
      return round
    })

  it.effect(
    "the invitation carries the programme and the location; a second vote after the invitations is refused, then sent as an update, and the dropped theme returns to the backlog",
    () =>
      Effect.gen(function* () {
        const useCases = yield* setUp()
        const sabotage = yield* useCases.proposeTheme(team, { title: "Omgaan met sabotage", durationMinutes: 60 })
        const woo = yield* useCases.proposeTheme(team, {
          title: "Worstelen met de Wet open overheid (Woo)",
          durationMinutes: 60
        })
        const { gathering } = yield* decided(useCases)
        const first = yield* vote(useCases, [sabotage.id, woo.id], "Programma voorjaar")
        const closed = yield* useCases.closeVoting(team, {
          votingRoundId: first.id,
          gatheringId: gathering.id,
          method: { _tag: "equal-shares" },
          budgetMinutes: 60
        })
        expect(closed.gathering?.programme.map((p) => p.themeId)).toEqual([sabotage.id])
        expect(closed.round.result?.gatheringId).toBe(gathering.id)
        yield* useCases.sendInvitations(team, { gatheringId: gathering.id })
        const invitation = (yield* outbox).find((m) => m.event.type === "gathering.invited")
        expect(invitation?.ics).toContain("Omgaan met sabotage")
        expect(invitation?.ics).toContain("LOCATION:Nieuwspoort\\, Lange Poten 10\\, Den Haag")

        const second = yield* vote(useCases, [woo.id], "Herstemming")
        const refused = yield* failureOf(
          useCases.closeVoting(team, {
            votingRoundId: second.id,
            gatheringId: gathering.id,
            method: { _tag: "equal-shares" },
            budgetMinutes: 60
          })
        )
        expect(refused?._tag === "InvalidState" && refused.message).toContain("is invited")
        expect((yield* useCases.getProgramme(team, { gatheringId: gathering.id })).items.map((i) => i.title)).toEqual([
          "Omgaan met sabotage"
        ])
        const updated = yield* useCases.closeVoting(team, {
          votingRoundId: second.id,
          gatheringId: gathering.id,
          method: { _tag: "equal-shares" },
          budgetMinutes: 60,
          updateInvitees: true
        })
        expect(updated.dropped).toEqual([sabotage.id])
        expect(updated.updated).toBe(3)
        const changes = (yield* outbox).filter((m) => m.event.type === "gathering.changed")
        expect(changes).toHaveLength(3)
        expect(changes[0]?.ics).toContain("SEQUENCE:1")
        expect(changes[0]?.ics).toContain("Worstelen met de Wet open overheid (Woo)")
        const themes = yield* useCases.listThemes(team, {})
        expect(themes.find((t) => t.id === sabotage.id)?.status).toBe("backlog")
        expect(themes.find((t) => t.id === woo.id)?.status).toBe("scheduled")
        const programme = yield* useCases.getProgramme(member("m-002"), { gatheringId: gathering.id })
        expect(programme.items.map((i) => i.title)).toEqual(["Worstelen met de Wet open overheid (Woo)"])
        expect(programme.vote?.votingRoundId).toBe(second.id)
        expect(programme.vote?.result?.fairness.voters).toBe(3)
        expect(programme.vote?.outcomes[0]?.explanation.length).toBeGreaterThan(0)
      }).pipe(Effect.provide(layer))
  )

  it.effect("changeProgramme puts themes in order and takes a dropped one back to the backlog", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const a = yield* useCases.proposeTheme(team, { title: "Hoe organiseer je focus?", durationMinutes: 45 })
      const b = yield* useCases.proposeTheme(team, { title: "Omgaan met eenzaamheid", durationMinutes: 45 })
      const { gathering } = yield* decided(useCases)
      yield* useCases.changeProgramme(team, {
        gatheringId: gathering.id,
        themes: [{ themeId: a.id }, { themeId: b.id, minutes: 30 }]
      })
      const result = yield* useCases.changeProgramme(team, { gatheringId: gathering.id, themes: [{ themeId: b.id }] })
      expect(result).toMatchObject({ dropped: [a.id], added: [], updated: 0 })
      expect(result.gathering.programme).toEqual([{ themeId: b.id, durationMinutes: 45 }])
      expect((yield* useCases.listThemes(team, { status: "backlog" })).map((t) => t.id)).toEqual([a.id])
      const withdrawn = yield* failureOf(useCases.withdrawTheme(team, { themeId: b.id }))
      expect(withdrawn?._tag === "InvalidState" && withdrawn.hint).toContain("changeProgramme")
    }).pipe(Effect.provide(layer))
  )
})

describe("the backlog and the ballots", () => {
  it.effect("recording a spreadsheet's ballots withdraws the vote request still waiting for those members", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const t = yield* useCases.proposeTheme(team, { title: "Het belang van lichtvoetigheid", durationMinutes: 45 })
      const round = yield* useCases.openVoting(team, {
        title: "Programma",
        format: { _tag: "approval" },
        closesAt: "2027-03-01T17:00:00.000Z"
      })
      expect((yield* outbox).filter((m) => m.event.type === "vote.requested")).toHaveLength(3)
      const recorded = yield* useCases.recordBallots(team, {
        votingRoundId: round.id,
        ballots: ["m-001", "m-003"].map((memberId) => ({
          memberId,
          content: { _tag: "approval" as const, themeIds: [t.id] }
        }))
      })
      expect(recorded).toMatchObject({ recorded: 2, requestsWithdrawn: 2 })
      const left = (yield* outbox).filter((m) => m.event.type === "vote.requested")
      expect(left.map((m) => m.event.data.memberId)).toEqual(["m-002"])
      // A ballot can be withdrawn by its member or the team while the round is open.
      yield* useCases.withdrawBallot(member("m-001"), { votingRoundId: round.id })
      expect(yield* useCases.myBallot(member("m-001"), { votingRoundId: round.id })).toMatchObject({ _tag: "None" })
      const other = yield* failureOf(
        useCases.withdrawBallot(member("m-002"), { votingRoundId: round.id, memberId: "m-003" })
      )
      expect(other?._tag).toBe("NotAllowed")
      yield* useCases.withdrawBallot(team, { votingRoundId: round.id, memberId: "m-003" })
      const gone = yield* failureOf(useCases.withdrawBallot(team, { votingRoundId: round.id, memberId: "m-003" }))
      expect(gone?._tag).toBe("NotFound")
    }).pipe(Effect.provide(layer))
  )

  it.effect(
    "closing a vote takes the requests to vote still waiting out of the outbox: no 'Stem mee' after the close",
    () =>
      Effect.gen(function* () {
        const useCases = yield* setUp()
        const t = yield* useCases.proposeTheme(team, { title: "Omgaan met sabotage", durationMinutes: 60 })
        const round = yield* useCases.openVoting(team, {
          title: "Programma",
          format: { _tag: "approval" },
          closesAt: "2027-03-01T17:00:00.000Z"
        })
        yield* useCases.recordBallots(team, {
          votingRoundId: round.id,
          ballots: [{ memberId: "m-001", content: { _tag: "approval" as const, themeIds: [t.id] } }]
        })
        expect((yield* outbox).filter((m) => m.event.type === "vote.requested")).toHaveLength(2)
        yield* useCases.closeVoting(team, {
          votingRoundId: round.id,
          method: { _tag: "greedy" },
          budgetMinutes: 60
        })
        expect((yield* outbox).filter((m) => m.event.type === "vote.requested")).toEqual([])
      }).pipe(Effect.provide(layer))
  )

  it.effect(
    "a duplicate theme title is refused with the theme that has it; edits and withdrawals follow the proposer",
    () =>
      Effect.gen(function* () {
        const useCases = yield* setUp()
        const theme = yield* useCases.proposeTheme(member("m-001"), {
          title: "Omgaan met sabotage",
          durationMinutes: 60
        })
        const twin = yield* failureOf(
          useCases.proposeTheme(member("m-002"), { title: "omgaan  met Sabotage", durationMinutes: 30 })
        )
        expect(twin?.message).toContain(`already on the agenda as theme ${theme.id}`)
        const edited = yield* useCases.editTheme(member("m-001"), { themeId: theme.id, durationMinutes: 45 })
        expect(edited.durationMinutes).toBe(45)
        const notTheirs = yield* failureOf(useCases.editTheme(member("m-002"), { themeId: theme.id, title: "Anders" }))
        expect(notTheirs?._tag).toBe("NotAllowed")
        const withdrawn = yield* useCases.withdrawTheme(team, { themeId: theme.id })
        expect(withdrawn.status).toBe("archived")
        // Once withdrawn, the title may be proposed again.
        yield* useCases.proposeTheme(member("m-002"), { title: "Omgaan met sabotage", durationMinutes: 30 })
      }).pipe(Effect.provide(layer))
  )
})

describe("groups, intakes and sessions", () => {
  it.effect("forming groups under a round name that exists is refused instead of making a second round", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const form = { name: "Leergroepen 2027", startsOn: "2027-02-01", endsOn: "2027-06-30", size: { min: 1, max: 3 } }
      const formed = yield* useCases.formGroups(team, form)
      const twice = yield* failureOf(useCases.formGroups(team, form))
      expect(twice?._tag === "InvalidState" && twice.message).toContain(`already the name of round ${formed.round.id}`)
      expect(yield* useCases.listRounds(team)).toHaveLength(1)
      // Forming the same round again by its id still works.
      yield* useCases.formGroups(team, { ...form, roundId: formed.round.id })
    }).pipe(Effect.provide(layer))
  )

  it.effect("a community whose members are all invited hears that members become active after their intake", () =>
    Effect.gen(function* () {
      const useCases = yield* Services.UseCases.UseCases
      yield* TestClock.setTime(JAN_4)
      yield* useCases.setUpCommunity(admin, { name: "Nieuw" })
      yield* useCases.registerMembers(team, { members: people.map((p) => ({ ...p, status: "invited" as const })) })
      const error = yield* failureOf(
        useCases.formGroups(team, {
          name: "Eerste ronde",
          startsOn: "2027-02-01",
          endsOn: "2027-06-30",
          size: { min: 5, max: 7 }
        })
      )
      expect(error?._tag === "InvalidState" && error.message).toContain("new members become active after their intake")
      expect(error?.message).not.toContain("0 leden")
    }).pipe(Effect.provide(layer))
  )

  it.effect("an intake in the future cannot be recorded as held", () =>
    Effect.gen(function* () {
      const useCases = yield* Services.UseCases.UseCases
      yield* TestClock.setTime(JAN_4)
      yield* useCases.setUpCommunity(admin, { name: "Nieuw" })
      yield* useCases.registerFacilitators(admin, {
        facilitators: [{ id: "f-01", name: "Fatima el Amrani", email: "fatima@example.nl", role: "programme-team" }]
      })
      yield* useCases.registerMembers(team, { members: [{ ...people[0]!, status: "invited" as const }] })
      const plan = yield* useCases.planIntakes(team, {
        slots: [
          { facilitatorId: "f-01", startsAt: "2027-01-12T10:00:00.000+01:00[Europe/Amsterdam]", durationMinutes: 60 }
        ]
      })
      const intake = plan.intakes[0]
      if (intake === undefined) throw new Error("no intake planned")
      const early = yield* failureOf(useCases.recordIntake(team, { intakeId: intake.id, status: "held" }))
      expect(early?._tag === "InvalidState" && early.message).toContain("still to come")
      yield* TestClock.setTime(Date.UTC(2027, 0, 12, 11))
      expect((yield* useCases.recordIntake(team, { intakeId: intake.id, status: "held" })).status).toBe("held")
    }).pipe(Effect.provide(layer))
  )

  it.effect(
    "a stored grouping reads back with each member's explanation; sessions are timetabled and sent as a series",
    () =>
      Effect.gen(function* () {
        const useCases = yield* setUp()
        const formed = yield* useCases.formGroups(team, {
          name: "Leergroepen 2027",
          startsOn: "2027-02-01",
          endsOn: "2027-06-30",
          size: { min: 1, max: 3 }
        })
        const grouping = yield* useCases.getGrouping(team, { roundId: formed.round.id, language: "en" })
        const members = grouping.groups.flatMap((g) => g.members)
        expect(members.map((m) => m.name).sort()).toEqual(people.map((p) => p.name).sort())
        expect(members.every((m) => m.explanation?.includes("organisation"))).toBe(true)
        const mine = yield* useCases.getGrouping(member("m-001"), { roundId: formed.round.id })
        expect(mine.groups.every((g) => g.members.some((m) => m.id === "m-001"))).toBe(true)
        expect(mine.groups[0]?.members[0]?.explanation).toContain("organisatie")

        const planned = yield* useCases.planSessions(team, {
          roundId: formed.round.id,
          sessions: 4,
          startTime: "14:00",
          durationMinutes: 150,
          location: "Het Ministerie van BZK"
        })
        expect(planned.sessions).toBe(4 * formed.groups.length)
        expect(planned.groups.every((g) => g.sessions?.length === 4 && g.sessionsSequence === 0)).toBe(true)
        const series = (yield* outbox).filter((m) => m.event.type === "sessions.invited")
        expect(series).toHaveLength(3)
        expect(series[0]?.ics).toContain("RDATE;TZID=Europe/Amsterdam:")
        expect(series[0]?.ics).toContain("SEQUENCE:0")
        const again = yield* useCases.planSessions(team, {
          roundId: formed.round.id,
          sessions: 3,
          startTime: "10:00",
          durationMinutes: 120
        })
        expect(again.groups.every((g) => g.sessionsSequence === 1)).toBe(true)
        expect(
          (yield* outbox).filter((m) => m.event.type === "sessions.invited" && m.ics?.includes("SEQUENCE:1"))
        ).toHaveLength(3)
      }).pipe(Effect.provide(layer))
  )
})

describe("a quarter without a suitable day", () => {
  it.effect("is refused in Dutch without the engine's English reason inside", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const gathering = yield* planned(useCases, { title: "Kwartaalbijeenkomst zomer", quarter: "2027-Q3" })
      const refused = yield* failureOf(
        useCases.proposeDates(team, {
          gatheringId: gathering.id,
          count: 3,
          weekdays: ["tuesday"],
          startTimes: ["13:00"],
          previousGatheringOn: "2027-09-30",
          minDaysSincePrevious: 200
        })
      )
      expect(refused?._tag).toBe("InvalidState")
      if (refused?._tag !== "InvalidState") return
      const dutch = Texts.nl.refusal(refused)
      expect(dutch).toContain("heeft geen geschikte dag (0 van de 3 momenten")
      expect(dutch).not.toMatch(/\b(only|slots|eligible|start times)\b/)
      expect(refused.message).toContain("only 0 of 3 slots")
    }).pipe(Effect.provide(layer))
  )
})

describe("poll answers for someone who is not a member", () => {
  it.effect("are refused with each problem in Dutch for a Dutch reader", () =>
    Effect.gen(function* () {
      const useCases = yield* setUp()
      const { poll } = yield* polling(useCases, { count: 2, weekdays: ["tuesday"] })
      const refused = yield* failureOf(
        useCases.recordPollAnswers(team, {
          pollId: poll.id,
          responses: [{ memberId: "m-404", answers: [{ slotId: "s-unknown", answer: "yes" }] }]
        })
      )
      if (refused?._tag !== "InvalidState") throw new Error(`expected InvalidState, got ${refused?._tag}`)
      const dutch = Texts.nl.refusal(refused)
      expect(dutch).toContain("responses[0].memberId: er is geen lid m-404")
      expect(dutch).toContain("responses[0].answers[0].slotId: s-unknown is geen moment van deze datumprikker")
      expect(dutch).not.toMatch(/there is no member|is not a slot/)
      expect(refused.message).toContain("responses[0].memberId: there is no member m-404")
    }).pipe(Effect.provide(layer))
  )
})
