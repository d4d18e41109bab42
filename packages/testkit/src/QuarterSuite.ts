/**
 * The end-to-end suite of the use cases: a full quarter, and a second one that continues the
 * history, run against a store, with the access rules, export, erasure, the Woo export and the
 * audit log checked on the records the quarter left behind.
 *
 * @since 0.1.0
 */
import { layer } from "@effect/vitest"
import { type Access, Domain, Repository, Services, Store } from "@grenzeloos/core"
import { DateTime, Effect, Either, Layer, Logger, LogLevel, Redacted } from "effect"
import { describe, expect } from "vitest"
import * as Scenario from "./Scenario.js"
import * as Synthetic from "./Synthetic.js"

/**
 * Options of {@link quarterSuite}.
 *
 * @since 0.1.0
 */
export interface QuarterSuiteOptions<R> {
  /**
   * Everything the store holds, as text, read around the adapter (straight from its tables or
   * files): the erasure test searches it for the forgotten member's name and address. Without
   * it, only what the Store port returns is searched.
   */
  readonly rawDump?: Effect.Effect<string, unknown, R>
  /**
   * The store's files, byte for byte, read after the erasure has committed (SQLite: the database,
   * its `-wal` and `-shm`; PostgreSQL: the relation files of the store's tables and indexes): the
   * erasure test searches them for the forgotten member's name and address, so what a database
   * keeps in free pages, old row versions or its write-ahead log counts too.
   */
  readonly rawFiles?: Effect.Effect<ReadonlyArray<RawFile>, unknown, R>
  /** Members of the synthetic community (default 100). */
  readonly members?: number
  /** Timeout of each test in milliseconds (default 120 000). */
  readonly timeoutMs?: number
}

/**
 * One file of a store, as {@link QuarterSuiteOptions.rawFiles} returns it.
 *
 * @since 0.2.0
 */
export interface RawFile {
  /** Where it is, for the message (e.g. the path). */
  readonly name: string
  readonly bytes: Uint8Array
}

/** How often `text` (UTF-8) occurs in `bytes`, ignoring ASCII case when `caseless`. */
const occurrences = (bytes: Uint8Array, text: string, caseless: boolean): number => {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const needle = Buffer.from(caseless ? text.toLowerCase() : text, "utf8")
  const lowered = caseless ? Buffer.from(haystack.toString("latin1").toLowerCase(), "latin1") : haystack
  let count = 0
  for (let at = lowered.indexOf(needle); at !== -1; at = lowered.indexOf(needle, at + 1)) count++
  return count
}

const settings = Services.Settings.layer({
  organizer: { name: "Programmateam Grenzeloos", email: "programmateam@grenzeloos.example" },
  uidDomain: "grenzeloos.example"
})

/** Everything the Store port returns for a community: every kind, the outbox and the audit log. */
const dumpThroughPort = (communityId: string) =>
  Effect.gen(function* () {
    const store = (yield* Store.Store).forCommunity(communityId)
    const parts: Array<unknown> = []
    for (const kind of Repository.kinds) parts.push(yield* store.findAll(kind.kind))
    parts.push(yield* Store.everyPage(store.outbox))
    parts.push(yield* Store.everyPage(store.audit))
    return JSON.stringify(parts)
  })

/**
 * Registers vitest tests that run the community's quarter through the use cases on the store
 * the layer provides: every first-party store runs it in CI, and an adapter author can too.
 *
 * @example
 * ```ts
 * import { MemoryStore } from "@grenzeloos/core"
 * import { quarterSuite } from "@grenzeloos/testkit/vitest"
 *
 * quarterSuite("memory", () => MemoryStore.layer)
 * ```
 * @since 0.1.0
 */
export const quarterSuite = <E, R = never>(
  name: string,
  makeLayer: () => Layer.Layer<Store.Store | R, E>,
  options: QuarterSuiteOptions<R> = {}
): void => {
  const timeout = options.timeoutMs ?? 120_000
  const members = options.members ?? 100
  const communityId = `e2e-${globalThis.crypto.randomUUID().slice(0, 8)}`
  const generated = Synthetic.community({ members, communityId, facilitators: Math.max(5, Math.ceil(members / 20)) })
  const base = makeLayer()
  const full = Layer.mergeAll(
    Services.UseCases.layer.pipe(Layer.provide(Layer.mergeAll(base, Services.Ids.layer, settings))),
    base
  )
  const cid = Domain.CommunityId.make(communityId)
  const team: Access.Actor = {
    _tag: "ProgrammeTeam",
    communityId: cid,
    facilitatorId:
      (generated.facilitators.find((f) => f.role === "programme-team") ?? generated.facilitators[0])?.id ??
      Domain.FacilitatorId.make("f-01")
  }
  const admin: Access.Actor = { _tag: "Administrator", communityId: cid, administratorId: "beheer-e2e" }
  const reports: Array<Scenario.QuarterReport> = []
  const logs: Array<string> = []
  const capture = Logger.replace(
    Logger.defaultLogger,
    Logger.make(({ message, annotations, cause }) => {
      logs.push(JSON.stringify({ message, annotations: [...annotations], cause: String(cause) }))
    })
  )
  const run = <A, E2>(effect: Effect.Effect<A, E2, Services.UseCases.UseCases | Store.Store | R>) =>
    effect.pipe(Logger.withMinimumLogLevel(LogLevel.All), Effect.provide(capture))

  describe(`${name}: a quarter through the use cases`, () => {
    layer(full, { excludeTestServices: true, timeout })("end to end", (it) => {
      it.effect(
        "runs a full quarter: intakes, groups, vote, programme, dates, invitations, attendance",
        () =>
          run(
            Effect.gen(function* () {
              const report = yield* Scenario.quarter({ generated, groupingIterations: 300 })
              reports.push(report)
              const active = generated.members.filter((m) => m.status !== "paused")
              expect(report.quarter).toBe("2027-Q1")
              expect(report.registered.created).toHaveLength(generated.members.length)
              expect(report.intakes.unplaced).toBe(0)
              // Every active member in exactly one group of 5 to 7.
              const grouped = report.groups.groups.flatMap((g) => g.memberIds)
              expect(new Set(grouped).size).toBe(grouped.length)
              expect(grouped).toHaveLength(active.length)
              for (const g of report.groups.groups) {
                expect(g.memberIds.length).toBeGreaterThanOrEqual(5)
                expect(g.memberIds.length).toBeLessThanOrEqual(7)
              }
              const minutes = report.agenda.programme.reduce((n, t) => n + t.durationMinutes, 0)
              expect(minutes).toBeLessThanOrEqual(180)
              expect(report.gathering.programme.map((p) => p.themeId)).toEqual(
                report.agenda.programme.map((t) => t.themeId)
              )
              expect(report.gathering.status).toBe("held")
              expect(report.invitation.invited).toBe(active.length)
              // Who was invited is stored on the gathering, once each; everyone there was invited.
              expect(new Set(report.gathering.invitees).size).toBe(report.invitation.invited)
              expect(report.gathering.invitees).toHaveLength(report.invitation.invited)
              const invitees = new Set<string>(report.gathering.invitees)
              expect(report.gathering.attendance.filter((id) => !invitees.has(id))).toEqual([])
              expect(report.reminders).toBe(2 * active.length)
              expect(report.sessions).toBe(3 * report.groups.groups.length)
            })
          ),
        timeout
      )

      it.effect(
        "a second quarter continues the history: nobody re-imported, earlier pairs kept apart",
        () =>
          run(
            Effect.gen(function* () {
              const report = yield* Scenario.quarter({ generated, groupingIterations: 300 })
              reports.push(report)
              expect(report.quarter).toBe("2027-Q2")
              expect(report.registered.created).toHaveLength(0)
              expect(report.registered.updated).toHaveLength(0)
              expect(report.themesProposed).toBe(0)
              const first = reports[0]
              if (first === undefined) throw new Error("the first quarter did not run")
              const pairs = (groups: ReadonlyArray<{ readonly memberIds: ReadonlyArray<string> }>) =>
                new Set(
                  groups.flatMap((g) =>
                    g.memberIds.flatMap((a, i) => g.memberIds.slice(i + 1).map((b) => [a, b].sort().join("|")))
                  )
                )
              const before = pairs(first.groups.groups)
              const repeated = [...pairs(report.groups.groups)].filter((p) => before.has(p))
              expect(repeated).toEqual([])
              const useCases = yield* Services.UseCases.UseCases
              const gatherings = yield* useCases.listGatherings(team)
              expect(gatherings.map((g) => g.quarter)).toEqual(["2027-Q1", "2027-Q2"])
            })
          ),
        timeout
      )

      it.effect(
        "cases are for the group only, and a denial names the right and nothing else",
        () =>
          run(
            Effect.gen(function* () {
              const useCases = yield* Services.UseCases.UseCases
              const report = reports[1]
              // A group the team actor does not facilitate: a group's facilitator reads its cases
              // (the read policy), and which facilitator gets which group depends on the store's
              // read order, so taking the first group made this test pass or fail by adapter.
              const groups = report?.groups.groups ?? []
              const teamFacilitator = team._tag === "ProgrammeTeam" ? team.facilitatorId : undefined
              const mine = groups.find((g) => g.facilitatorId !== teamFacilitator)
              const other = groups.find((g) => g !== mine)
              const author = mine?.memberIds[0]
              const peer = mine?.memberIds[1]
              const outsider = other?.memberIds[0]
              if (mine === undefined || author === undefined || peer === undefined || outsider === undefined)
                throw new Error("the quarter formed fewer than two groups")
              const member = (memberId: Domain.MemberId): Access.Actor => ({
                _tag: "Member",
                communityId: cid,
                memberId
              })
              yield* useCases.addCase(member(author), {
                groupId: mine.id,
                title: "Geheime casus",
                description: "Alleen voor de groep."
              })
              const read = yield* useCases.listCases(member(peer), { groupId: mine.id })
              expect(read.map((c) => c.title)).toContain("Geheime casus")
              for (const actor of [member(outsider), team, admin]) {
                const denied = yield* Effect.either(useCases.listCases(actor, { groupId: mine.id }))
                expect(Either.isLeft(denied) && denied.left._tag).toBe("NotAllowed")
                if (Either.isLeft(denied)) {
                  expect(denied.left.message).not.toContain(mine.id)
                  expect(denied.left.message).not.toContain("Geheime")
                }
              }
              const elsewhere: Access.Actor = { ...team, communityId: Domain.CommunityId.make(`${communityId}-other`) }
              const foreign = yield* Effect.either(useCases.listCases(elsewhere, { groupId: mine.id }))
              // Another community's store does not have the group: the actor cannot even see it exists.
              expect(Either.isLeft(foreign)).toBe(true)
              const members = yield* useCases.directory(elsewhere)
              expect(members).toEqual([])
            })
          ),
        timeout
      )

      it.effect(
        "a member's export holds everything stored about them",
        () =>
          run(
            Effect.gen(function* () {
              const useCases = yield* Services.UseCases.UseCases
              const subject = generated.members.find((m) => m.status === "intake-planned") ?? generated.members[0]
              if (subject === undefined) throw new Error("no members")
              const data = yield* useCases.exportMember(
                { _tag: "Member", communityId: cid, memberId: subject.id },
                { memberId: subject.id }
              )
              const text = JSON.stringify(data)
              expect(text).toContain(Redacted.value(subject.email))
              expect(data.intakes.length).toBeGreaterThan(0)
              expect(data.learningGroups.length).toBe(2)
              expect(data.messages.length).toBeGreaterThan(0)
              const voter = reports[1]?.decision.chosen.yes[0]
              if (voter === undefined) throw new Error("nobody could come to the chosen date")
              const voterData = yield* useCases.exportMember(team, { memberId: voter })
              expect(voterData.pollAnswers.length).toBe(2)
              const other = generated.members.find((m) => m.id !== subject.id)
              if (other !== undefined) expect(text).not.toContain(Redacted.value(other.email))
            })
          ),
        timeout
      )

      it.effect(
        "a gathering's whole life: poll requests and answers, a vote for it, invitations, a move and a cancellation, sessions, and the stored grouping and programme read back",
        () =>
          run(
            Effect.gen(function* () {
              const useCases = yield* Services.UseCases.UseCases
              const store = (yield* Store.Store).forCommunity(communityId)
              const at =
                (iso: string) =>
                <A, E2, R2>(effect: Effect.Effect<A, E2, R2>) =>
                  Effect.withClock(effect, Scenario.clockAt(Date.parse(iso)))
              const report = reports[1]
              if (report === undefined) throw new Error("the second quarter did not run")
              const voters = report.groups.groups.flatMap((g) => g.memberIds).slice(0, 12)
              const [first, ...others] = voters
              if (first === undefined) throw new Error("nobody is in a group")
              const pending = (subjectId: string) =>
                Effect.map(
                  Store.everyPage((page) => store.outbox({ ...page, status: "pending" })),
                  (entries) =>
                    entries.filter(
                      (m) => (m.payload as { event?: { subject?: { id?: string } } }).event?.subject?.id === subjectId
                    )
                )

              // The backlog: a duplicate title is refused, a theme edited, another withdrawn.
              const kept = yield* at("2027-06-01T09:00:00Z")(
                useCases.proposeTheme(team, {
                  title: "Samen leren over de grenzen van je programma",
                  durationMinutes: 60
                })
              )
              const twin = yield* Effect.either(
                at("2027-06-01T09:00:00Z")(
                  useCases.proposeTheme(team, {
                    title: "samen leren over de grenzen van je programma",
                    durationMinutes: 30
                  })
                )
              )
              expect(Either.isLeft(twin) && twin.left._tag).toBe("InvalidState")
              yield* at("2027-06-01T09:00:00Z")(useCases.editTheme(team, { themeId: kept.id, durationMinutes: 45 }))
              const dropped = yield* at("2027-06-01T09:00:00Z")(
                useCases.proposeTheme(team, { title: "Een thema dat wordt ingetrokken", durationMinutes: 60 })
              )
              expect(
                (yield* at("2027-06-01T09:00:00Z")(useCases.withdrawTheme(team, { themeId: dropped.id }))).status
              ).toBe("archived")

              // The gathering of the third quarter: its poll asked for, answered for members, decided.
              const gathering = yield* at("2027-06-01T09:00:00Z")(
                useCases.planGathering(team, {
                  title: "Kwartaalbijeenkomst 2027-Q3",
                  quarter: "2027-Q3",
                  durationMinutes: 240,
                  venue: { name: "Nieuwspoort", address: "Lange Poten 10, Den Haag" }
                })
              )
              const { poll } = yield* at("2027-06-01T09:00:00Z")(
                useCases.proposeDates(team, {
                  gatheringId: gathering.id,
                  count: 4,
                  weekdays: ["tuesday", "thursday"],
                  startTimes: ["13:00"]
                })
              )
              const asked = yield* at("2027-06-01T09:00:00Z")(useCases.requestPollAnswers(team, { pollId: poll.id }))
              expect(asked.asked).toBeGreaterThan(voters.length)
              yield* at("2027-06-05T09:00:00Z")(
                useCases.recordPollAnswers(team, {
                  pollId: poll.id,
                  responses: voters.map((memberId) => ({
                    memberId,
                    answers: [{ slotId: poll.slots[0].id, answer: "yes" as const }]
                  }))
                })
              )
              const decided = yield* at("2027-06-08T09:00:00Z")(useCases.decideDate(team, { pollId: poll.id }))
              expect(decided.answered).toHaveLength(voters.length)
              expect(decided.gathering.status).toBe("date-decided")

              // A vote for the gathering, recorded from a sheet, one ballot withdrawn, closed for it.
              const backlog = (yield* useCases.listThemes(team, { status: "backlog" })).map((t) => t.id)
              const round = yield* at("2027-06-08T09:00:00Z")(
                useCases.openVoting(team, {
                  title: "Programma 2027-Q3",
                  format: { _tag: "approval" },
                  closesAt: "2027-06-20T17:00:00.000Z"
                })
              )
              yield* at("2027-06-10T09:00:00Z")(
                useCases.recordBallots(team, {
                  votingRoundId: round.id,
                  ballots: voters.map((memberId) => ({
                    memberId,
                    content: { _tag: "approval" as const, themeIds: [kept.id] }
                  }))
                })
              )
              yield* at("2027-06-11T09:00:00Z")(
                useCases.withdrawBallot(team, { votingRoundId: round.id, memberId: first })
              )
              const closed = yield* at("2027-06-12T09:00:00Z")(
                useCases.closeVoting(team, {
                  votingRoundId: round.id,
                  gatheringId: gathering.id,
                  method: { _tag: "equal-shares" },
                  budgetMinutes: 120
                })
              )
              expect(closed.gathering?.programme.map((p) => p.themeId)).toContain(kept.id)
              const sent = yield* at("2027-06-12T09:00:00Z")(
                useCases.sendInvitations(team, { gatheringId: gathering.id })
              )
              expect(sent.event.description).toContain("Samen leren over de grenzen")
              expect(sent.event.location).toContain("Nieuwspoort")
              yield* at("2027-06-12T09:00:00Z")(useCases.sendReminders(team, { gatheringId: gathering.id }))
              const programme = yield* useCases.getProgramme(team, { gatheringId: gathering.id })
              expect(programme.vote?.votingRoundId).toBe(round.id)
              expect(programme.vote?.result.ballots).toBe(voters.length - 1)

              // After the invitations, a second vote does not replace the programme silently.
              const again = yield* at("2027-06-13T09:00:00Z")(
                useCases.openVoting(team, {
                  title: "Herstemming 2027-Q3",
                  format: { _tag: "approval" },
                  closesAt: "2027-06-20T17:00:00.000Z",
                  gatheringId: gathering.id
                })
              )
              const refused = yield* Effect.either(
                at("2027-06-14T09:00:00Z")(
                  useCases.closeVoting(team, {
                    votingRoundId: again.id,
                    method: { _tag: "greedy" },
                    budgetMinutes: 120
                  })
                )
              )
              expect(Either.isLeft(refused) && refused.left._tag).toBe("InvalidState")
              const extra = backlog.find((id) => !closed.gathering?.programme.some((p) => p.themeId === id))
              if (extra !== undefined) {
                const changed = yield* at("2027-06-14T09:00:00Z")(
                  useCases.changeProgramme(team, {
                    gatheringId: gathering.id,
                    themes: [{ themeId: kept.id }, { themeId: extra }]
                  })
                )
                expect(changed.updated).toBeGreaterThan(0)
              }

              // The move keeps the UID and raises SEQUENCE; the cancellation withdraws what waits.
              const startsAt = decided.gathering.startsAt
              if (startsAt === undefined) throw new Error("the decided gathering has no start")
              const later = DateTime.formatIsoDate(DateTime.add(startsAt, { days: 7 }))
              const moved = yield* at("2027-06-15T09:00:00Z")(
                useCases.moveGathering(team, { gatheringId: gathering.id, date: later, start: "14:00" })
              )
              expect(moved.gathering.sequence).toBe(extra === undefined ? 1 : 2)
              expect(moved.withdrawn).toBeGreaterThan(0)
              const cancelled = yield* at("2027-06-16T09:00:00Z")(
                useCases.cancelGathering(team, { gatheringId: gathering.id, reason: "Te weinig aanmeldingen." })
              )
              expect(cancelled.gathering.status).toBe("cancelled")
              expect(cancelled.gathering.sequence).toBe(moved.gathering.sequence + 1)
              const left = yield* pending(gathering.id)
              expect(left.length).toBeGreaterThan(0)
              for (const m of left)
                expect((m.payload as { event: { type: string } }).event.type).toBe("gathering.cancelled")
              expect((yield* useCases.listThemes(team, {})).find((t) => t.id === kept.id)?.status).toBe("backlog")

              // Sessions planned again are an update of each group's series; the grouping reads back.
              const replanned = yield* at("2027-04-02T09:00:00Z")(
                useCases.planSessions(team, {
                  roundId: report.groups.round.id,
                  sessions: 2,
                  startTime: "10:00",
                  durationMinutes: 120,
                  invite: false
                })
              )
              expect(replanned.groups.every((g) => g.sessions?.length === 2 && g.sessionsSequence === 1)).toBe(true)
              const grouping = yield* useCases.getGrouping(team, { roundId: report.groups.round.id })
              expect(grouping.groups.map((g) => g.name)).toEqual(
                [...report.groups.groups.map((g) => g.name)].sort((a, b) => a.localeCompare(b, "nl", { numeric: true }))
              )
              expect(grouping.groups.flatMap((g) => g.members).every((m) => m.explanation !== null)).toBe(true)
              const q2 = (yield* useCases.listGatherings(team)).find((g) => g.quarter === "2027-Q2")
              if (q2 === undefined) throw new Error("no gathering in 2027-Q2")
              expect((yield* useCases.closeGathering(team, { gatheringId: q2.id })).status).toBe("closed")
              expect(others.length).toBeGreaterThan(0)
            })
          ),
        timeout
      )

      it.effect(
        "a Woo export redacts personal data field by field, with the ground and an inventory",
        () =>
          run(
            Effect.gen(function* () {
              const useCases = yield* Services.UseCases.UseCases
              const woo = yield* useCases.exportForWoo(admin, {
                from: "2026-01-01T00:00:00.000Z",
                to: "2027-12-31T23:59:59.000Z"
              })
              const kinds = new Set(woo.inventory.map((r) => r.kind))
              expect([...kinds].sort()).toEqual(["availability-poll", "gathering", "round", "voting-round"])
              expect(woo.inventory.every((r) => r.redactions === 0 || r.grounds.includes("5.1.2e"))).toBe(true)
              const text = JSON.stringify(woo)
              for (const m of generated.members) {
                expect(text).not.toContain(m.name)
                expect(text).not.toContain(Redacted.value(m.email))
              }
              expect(text).toContain('"ground":"5.1.2e"')
            })
          ),
        timeout
      )

      it.effect(
        "forgetting a member leaves no trace of their name or address, and the history adds up",
        () =>
          run(
            Effect.gen(function* () {
              const useCases = yield* Services.UseCases.UseCases
              const report = reports[1]
              const subject = generated.members.find(
                (m) => m.status === "active" && report?.gathering.attendance.includes(m.id)
              )
              if (subject === undefined || report === undefined) throw new Error("nobody attended")
              const groupsBefore = yield* useCases.listGroups(team, { roundId: report.groups.round.id })
              const gatheringsBefore = yield* useCases.listGatherings(team)
              // The member's export names the gatherings they were invited to.
              const exported = (yield* useCases.exportMember(admin, { memberId: subject.id })).gatherings
              expect(exported.find((g) => g.id === report.gathering.id)).toMatchObject({
                invited: true,
                attended: true
              })
              yield* useCases.forgetMember(admin, { memberId: subject.id })
              const groupsAfter = yield* useCases.listGroups(team, { roundId: report.groups.round.id })
              const gatheringsAfter = yield* useCases.listGatherings(team)
              expect(groupsAfter.map((g) => g.memberIds)).toEqual(groupsBefore.map((g) => g.memberIds))
              expect(gatheringsAfter.map((g) => g.attendance.length)).toEqual(
                gatheringsBefore.map((g) => g.attendance.length)
              )
              // Who was invited stays as it was (pseudonymous ids): the report's "invited" adds up.
              expect(gatheringsAfter.map((g) => g.invitees)).toEqual(gatheringsBefore.map((g) => g.invitees))
              const dumps = [yield* dumpThroughPort(communityId)]
              if (options.rawDump !== undefined) dumps.push(yield* Effect.orDie(options.rawDump))
              const email = Redacted.value(subject.email).toLowerCase()
              dumps.forEach((dump, k) => {
                const where = k === 0 ? "what the Store port returns" : "the raw dump of the store"
                expect(dump.length, `${where} is nearly empty`).toBeGreaterThan(1000)
                expect(dump.includes(subject.name), `${where} still holds the forgotten name "${subject.name}"`).toBe(
                  false
                )
                expect(dump.toLowerCase().includes(email), `${where} still holds the forgotten address`).toBe(false)
              })
              const other = generated.members.find((m) => m.status === "active" && m.id !== subject.id)
              if (other !== undefined)
                expect(dumps[0]?.includes(other.name), "the dump misses other members").toBe(true)
              if (options.rawFiles !== undefined) {
                const files = yield* Effect.orDie(options.rawFiles)
                const total = files.reduce((n, f) => n + f.bytes.byteLength, 0)
                expect(total, "the store's files are nearly empty (were the right files read?)").toBeGreaterThan(1000)
                const left = files.flatMap((f) => {
                  const names = occurrences(f.bytes, subject.name, false)
                  const addresses = occurrences(f.bytes, email, true)
                  return names + addresses === 0 ? [] : [`${f.name}: the name ${names}×, the address ${addresses}×`]
                })
                expect(
                  left,
                  `the store's files still hold the forgotten member's bytes (free pages, old row versions or the write-ahead log)`
                ).toEqual([])
                if (other !== undefined)
                  expect(
                    files.some((f) => occurrences(f.bytes, other.name, false) > 0),
                    "the store's files miss other members (were the right files read?)"
                  ).toBe(true)
              }
            })
          ),
        timeout
      )

      it.effect(
        "no ghost ballots: unregistered, departed and erased members cannot vote, answer or propose",
        () =>
          run(
            Effect.gen(function* () {
              const useCases = yield* Services.UseCases.UseCases
              const directory = yield* useCases.directory(team)
              const departed = directory.find((m) => m.status === "active")
              if (departed === undefined) throw new Error("no active member")
              yield* useCases.endMember(team, { memberId: departed.id })
              const forgotten = directory.find((m) => m.name === "Vergeten lid")
              // The member is checked before the round or poll is looked up, so any id shows it.
              const polls = yield* useCases.listPolls(team, {})
              const cases = [
                ["m-nobody-here", "unregistered"],
                [departed.id, "left"],
                ...(forgotten === undefined ? [] : [[forgotten.id, "erased"] as const])
              ] as const
              for (const [memberId, state] of cases) {
                const actor: Access.Actor = {
                  _tag: "Member",
                  communityId: cid,
                  memberId: Domain.MemberId.make(memberId)
                }
                const attempts: ReadonlyArray<Effect.Effect<unknown, { readonly _tag: string }>> = [
                  useCases.proposeTheme(actor, { title: "Spookthema", durationMinutes: 30 }),
                  useCases.castBallot(actor, {
                    votingRoundId: "vote-any",
                    content: { _tag: "approval", themeIds: [] }
                  }),
                  ...polls.map((p) => useCases.answerPoll(actor, { pollId: p.id, answers: [] }))
                ]
                for (const attempt of attempts) {
                  const failure = yield* Effect.flip(attempt)
                  const seen =
                    failure._tag === "MemberCannotAct"
                      ? `${failure._tag} ${(failure as { state?: string }).state}`
                      : failure._tag
                  expect(seen, `member ${memberId} (${state})`).toBe(`MemberCannotAct ${state}`)
                }
              }
            })
          ),
        timeout
      )

      it.effect(
        "the audit log records action, object, result, pseudonymous actor and time; logs hold no addresses or notes",
        () =>
          run(
            Effect.gen(function* () {
              const useCases = yield* Services.UseCases.UseCases
              const entries = []
              let cursor: string | undefined
              do {
                const page = yield* useCases.auditLog(admin, {
                  limit: 1000,
                  ...(cursor === undefined ? {} : { cursor })
                })
                entries.push(...page.entries)
                cursor = page.cursor ?? undefined
              } while (cursor !== undefined)
              const actions = new Set(entries.map((e) => e.action))
              for (const action of [
                "community.setUp",
                "member.register",
                "intake.plan",
                "intake.record",
                "group.form",
                "group.publish",
                "voting.open",
                "ballot.cast",
                "voting.close",
                "gathering.plan",
                "poll.respond",
                "gathering.invite",
                "gathering.remind",
                "attendance.record",
                "member.forget",
                "theme.edit",
                "theme.withdraw",
                "poll.request",
                "poll.record",
                "ballot.record",
                "ballot.withdraw",
                "programme.change",
                "gathering.move",
                "gathering.cancel",
                "gathering.close",
                "sessions.plan"
              ])
                expect(actions).toContain(action)
              for (const e of entries) {
                expect(e.actor).toMatch(/^(member|facilitator|programme-team|administrator):[A-Za-z0-9_.:~-]+$/)
                expect(["ok", "denied"]).toContain(e.result)
                expect(Number.isNaN(Date.parse(e.at))).toBe(false)
              }
              expect(entries.some((e) => e.result === "denied")).toBe(true)
              const text = JSON.stringify(entries) + logs.join("\n")
              for (const m of generated.members)
                expect(
                  text.includes(Redacted.value(m.email)),
                  `the audit log or logs hold the address of ${m.id}`
                ).toBe(false)
              expect(text.includes("Vertrouwelijk"), "the audit log or logs hold confidential notes").toBe(false)
            })
          ),
        timeout
      )
    })
  })
}
