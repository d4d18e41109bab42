/**
 * One quarter in the life of a community, run through the use cases: what the demo shows, what
 * the end-to-end tests run against every store, and what `pnpm bench cycle` times. Each step
 * runs at a plausible moment of the quarter on a simulated clock, so a run is reproducible and
 * a second run continues the history of the first (the next quarter's groups avoid earlier
 * pairs, the poll weighs those who missed the last gathering).
 *
 * @since 0.1.0
 */
import { type Access, type Agenda, Domain, Rng, type Scheduling, Services } from "@grenzeloos/core"
import { Clock, DateTime, type Duration, Effect, Redacted, Schema } from "effect"
import * as Synthetic from "./Synthetic.js"

/**
 * Options of {@link quarter}.
 *
 * @since 0.1.0
 */
export interface Options {
  /** The generated community whose quarter is run. */
  readonly generated: Synthetic.SyntheticCommunity
  /** The seed of the simulated answers and ballots (default 2026). */
  readonly seed?: number
  /** The grouping search's budget per round in iterations (default: the engine's); reproducible. */
  readonly groupingIterations?: number
  /** Called at the start of every step, for progress. */
  readonly onStep?: (step: string) => void
}

/**
 * Everything a quarter produced, for a report.
 *
 * @since 0.1.0
 */
export interface QuarterReport {
  readonly quarter: Domain.Quarter
  readonly registered: Services.Members.Registered
  readonly intakes: { readonly planned: number; readonly unplaced: number; readonly held: number }
  readonly groups: Services.Groups.Formed
  readonly repeatedPairs: number
  /** The learning-group sessions timetabled for the quarter (three per group). */
  readonly sessions: number
  readonly themesProposed: number
  readonly ballots: number
  readonly agenda: Agenda.Prioritise.AgendaResult
  readonly gathering: Domain.Gathering
  readonly proposal: Scheduling.CandidateSlots.Proposal
  readonly decision: Scheduling.Poll.Decision & { readonly _tag: "Decided" }
  readonly pair: Scheduling.Poll.PairDecision | undefined
  readonly invitation: { readonly invited: number; readonly messages: number }
  readonly invitationEvent: Parameters<
    typeof import("@grenzeloos/core").ICalendar.Invitation.render
  >[0]["events"][number]
  readonly reminders: number
  /** When the invitations were sent (epoch milliseconds on the simulated clock). */
  readonly invitedAt: number
  readonly attendance: number
  readonly names: ReadonlyMap<string, string>
  readonly themeTitles: ReadonlyMap<string, string>
  readonly organisations: ReadonlyMap<string, string>
}

/**
 * A clock stopped at an instant (epoch milliseconds); sleeps stay real. The scenario runs each
 * step on one; `Effect.withClock(effect, Scenario.clockAt(millis))` runs anything else at a
 * moment of the quarter (the dispatcher, say).
 *
 * @example
 * ```ts
 * import { Clock, Effect } from "effect"
 * import { Scenario } from "@grenzeloos/testkit"
 *
 * const now = Effect.withClock(Clock.currentTimeMillis, Scenario.clockAt(Date.UTC(2027, 0, 1)))
 * ```
 * @since 0.1.0
 */
export const clockAt = (millis: number): Clock.Clock => ({
  [Clock.ClockTypeId]: Clock.ClockTypeId,
  unsafeCurrentTimeMillis: () => millis,
  currentTimeMillis: Effect.succeed(millis),
  unsafeCurrentTimeNanos: () => BigInt(millis) * 1_000_000n,
  currentTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
  sleep: (duration: Duration.DurationInput) => Effect.sleep(duration)
})

const DAY = 86_400_000

/** The first day of a quarter at 09:00 in Amsterdam, as epoch milliseconds. */
const quarterStart = (q: Domain.Quarter): number => {
  const { year, quarter } = Domain.quarterParts(q)
  const month = String((quarter - 1) * 3 + 1).padStart(2, "0")
  return DateTime.toEpochMillis(
    DateTime.unsafeMakeZoned(`${year}-${month}-01T09:00:00`, { timeZone: "Europe/Amsterdam" })
  )
}

const nextQuarter = (q: Domain.Quarter): Domain.Quarter => {
  const { year, quarter } = Domain.quarterParts(q)
  return Domain.Quarter.make(quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`)
}

const isoDate = (millis: number) =>
  DateTime.formatIsoDate(DateTime.unsafeMakeZoned(millis, { timeZone: "Europe/Amsterdam" }))

/**
 * Runs the next quarter of the community through the use cases: the community and its people
 * registered (idempotently), intakes planned and held for new members, the learning groups of
 * the quarter formed with the history of earlier rounds, published and their sessions
 * timetabled, themes proposed, a vote with the programme of the quarter's gathering chosen by
 * the Method of Equal Shares, candidate dates avoiding holidays, the members asked to answer the
 * poll, the poll answered and decided, invitations and reminders queued, and attendance recorded.
 * The quarter is the one after the last gathering stored (2027-Q1 for a new community).
 *
 * @example
 * ```ts
 * import { Effect, Layer } from "effect"
 * import { MemoryStore, Services } from "@grenzeloos/core"
 * import { Scenario, Synthetic } from "@grenzeloos/testkit"
 *
 * const layer = Services.UseCases.layer.pipe(
 *   Layer.provide(MemoryStore.layer),
 *   Layer.provide(Services.Ids.layer),
 *   Layer.provide(Services.Settings.layer({ organizer: { name: "Team", email: "team@example.nl" }, uidDomain: "example.nl" }))
 * )
 * const report = Effect.runPromise(
 *   Effect.provide(Scenario.quarter({ generated: Synthetic.community() }), layer)
 * )
 * ```
 * @since 0.1.0
 */
export const quarter = (
  options: Options
): Effect.Effect<QuarterReport, Services.UseCases.UseCaseError, Services.UseCases.UseCases> =>
  Effect.gen(function* () {
    const useCases = yield* Services.UseCases.UseCases
    const { generated } = options
    const seed = options.seed ?? 2026
    const step = (name: string) => Effect.sync(() => options.onStep?.(name))
    const communityId = generated.community.id
    const admin: Access.Actor = { _tag: "Administrator", communityId, administratorId: "beheer-demo" }
    const lead = generated.facilitators.find((f) => f.role === "programme-team") ?? generated.facilitators[0]
    if (lead === undefined) return yield* Effect.dieMessage("the generated community has no facilitators")
    const team: Access.Actor = { _tag: "ProgrammeTeam", communityId, facilitatorId: lead.id }
    const asMember = (memberId: Domain.MemberId): Access.Actor => ({ _tag: "Member", communityId, memberId })

    // Which quarter: the one after the last gathering (the history continues).
    const at =
      (millis: number) =>
      <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        Effect.withClock(effect, clockAt(millis))
    const earlier = yield* useCases.listGatherings(team)
    const lastQuarter = earlier.at(-1)?.quarter
    const firstRun = lastQuarter === undefined
    const q = lastQuarter === undefined ? Domain.Quarter.make("2027-Q1") : nextQuarter(lastQuarter)
    const start = quarterStart(q)

    // 1. The community and its people (an import: running it again changes nothing).
    yield* step("leden registreren")
    yield* at(start - 60 * DAY)(useCases.setUpCommunity(admin, { name: generated.community.name }))
    yield* at(start - 60 * DAY)(
      useCases.registerFacilitators(admin, {
        facilitators: generated.facilitators.map((f) => ({
          id: f.id,
          name: f.name,
          email: Redacted.value(f.email),
          role: f.role,
          preferredLanguage: f.preferredLanguage,
          ...(f.maxGroups === undefined ? {} : { maxGroups: f.maxGroups })
        }))
      })
    )
    const registered = yield* at(start - 60 * DAY)(
      useCases.registerMembers(team, {
        members: generated.members.map((m) => ({
          id: m.id,
          name: m.name,
          email: Redacted.value(m.email),
          organisation: m.organisation,
          programme: m.programme,
          // Members the generator has "in intake" start as invited here: their intake is planned below.
          ...(!firstRun ? {} : { status: m.status === "intake-planned" ? "invited" : m.status }),
          interests: m.interests,
          preferredLanguage: m.preferredLanguage,
          joinedOn: m.joinedOn,
          ...(m.availability === undefined
            ? {}
            : { availability: Schema.encodeSync(Domain.Availability)(m.availability) })
        }))
      })
    )

    // 2. Intakes for everyone invited, in weeks 6 and 5 before the quarter, by as many of the
    // programme team as it takes to offer three slots per invited member (40 slots each).
    yield* step("intakes plannen")
    const invited = generated.members.filter((m) => m.status === "invited" || m.status === "intake-planned").length
    const interviewers = generated.facilitators
      .filter((f) => f.role === "programme-team")
      .slice(0, Math.max(2, Math.ceil((3 * invited) / 40)))
    const slots = interviewers.flatMap((f) =>
      Array.from({ length: 14 }, (_, d) => start - 42 * DAY + d * DAY)
        .filter((day) => {
          const weekday = new Date(day).getUTCDay()
          return weekday !== 0 && weekday !== 6
        })
        .flatMap((day) =>
          ["10:00", "11:30", "14:00", "15:30"].map((time) => ({
            facilitatorId: f.id,
            startsAt: `${isoDate(day)}T${time}:00.000${offsetOf(day)}[Europe/Amsterdam]`,
            durationMinutes: 60
          }))
        )
    )
    const intakePlan = yield* at(start - 49 * DAY)(useCases.planIntakes(team, { slots, maxPerDay: 4 }))
    // Recorded once the last of them has taken place (the latest slot is on day 13, 15:30).
    for (const intake of intakePlan.intakes)
      yield* at(start - 28 * DAY)(
        useCases.recordIntake(team, {
          intakeId: intake.id,
          status: "held",
          interests: intake.interests,
          notes: "Vertrouwelijk: wil leren van andere departementen."
        })
      )

    // 3. The learning groups of the quarter, avoiding earlier pairs, published.
    yield* step("leergroepen vormen")
    const endsOn = isoDate(quarterStart(nextQuarter(q)) - DAY)
    const groups = yield* at(start - 28 * DAY)(
      useCases.formGroups(team, {
        name: `Leergroepen ${q}`,
        startsOn: isoDate(start),
        endsOn,
        size: { min: 5, max: 7 },
        seed,
        ...(options.groupingIterations === undefined ? {} : { iterations: options.groupingIterations })
      })
    )
    yield* at(start - 27 * DAY)(useCases.publishGroups(team, { roundId: groups.round.id }))

    // 3a. Three sessions per group over the quarter, sent to each group as one calendar series.
    yield* step("sessies plannen")
    const sessions = yield* at(start - 26 * DAY)(
      useCases.planSessions(team, {
        roundId: groups.round.id,
        sessions: 3,
        startTime: "14:00",
        durationMinutes: 150,
        weekdays: ["tuesday", "wednesday", "thursday"]
      })
    )
    const repeatedPairs = groups.result.unmet.filter((u) => u._tag === "MetBefore").length
    const firstGroup = groups.groups[0]
    const author = firstGroup?.memberIds[0]
    if (firstGroup !== undefined && author !== undefined)
      yield* at(start - 20 * DAY)(
        useCases.addCase(asMember(author), {
          groupId: firstGroup.id,
          title: "Een stuurgroep die besluiten uitstelt",
          description: "Vertrouwelijk: hoe krijg ik de stuurgroep in beweging?"
        })
      )

    // 4. Themes on the backlog (once), a vote, and the programme by Equal Shares.
    yield* step("stemronde")
    const directory = yield* at(start - 28 * DAY)(useCases.directory(team))
    const gathering = yield* at(start - 28 * DAY)(
      useCases.planGathering(team, {
        title: `Kwartaalbijeenkomst ${q}`,
        quarter: q,
        durationMinutes: 240,
        venue: { name: "Nieuwspoort", address: "Lange Poten 10, Den Haag", capacity: 80 }
      })
    )
    const backlogTitles = new Set((yield* useCases.listThemes(team, {})).map((t) => t.title))
    const active = directory.filter((m) => m.status === "active")
    let themesProposed = 0
    for (const [k, t] of generated.themes.entries()) {
      if (backlogTitles.has(t.title)) continue
      const proposer = active[k % Math.max(1, active.length)]
      yield* at(start - 30 * DAY)(
        useCases.proposeTheme(proposer === undefined ? team : asMember(proposer.id), {
          id: t.id,
          title: t.title,
          ...(t.description === undefined ? {} : { description: t.description }),
          durationMinutes: t.durationMinutes
        })
      )
      themesProposed++
    }
    const round = yield* at(start - 27 * DAY)(
      useCases.openVoting(team, {
        title: `Programma ${q}`,
        format: { _tag: "approval" },
        closesAt: DateTime.formatIso(DateTime.unsafeMake(start - 14 * DAY)),
        gatheringId: gathering.id
      })
    )
    const stored = yield* useCases.listThemes(team, {})
    const storedByTitle = new Map(stored.map((t) => [t.title, t.id]))
    const syntheticByTitle = new Map(generated.themes.map((t) => [t.title, t.id]))
    const onRound = round.themeIds.flatMap((id) => {
      const title = stored.find((t) => t.id === id)?.title
      const synthetic = title === undefined ? undefined : syntheticByTitle.get(title)
      return synthetic === undefined ? [] : [synthetic]
    })
    const toStored = new Map(
      generated.themes.flatMap((t) => {
        const id = storedByTitle.get(t.title)
        return id === undefined ? [] : [[t.id as string, id] as const]
      })
    )
    const [firstOnRound, ...restOnRound] = onRound
    const activeIds = new Set<string>(active.map((m) => m.id))
    const simulated =
      firstOnRound === undefined
        ? []
        : Synthetic.ballots(generated, new Domain.VotingRound({ ...round, themeIds: [firstOnRound, ...restOnRound] }), {
            seed: seed + Domain.quarterParts(q).quarter
          }).filter((b) => activeIds.has(b.memberId))
    let ballots = 0
    for (const b of simulated) {
      if (b.content._tag !== "approval") continue
      const themeIds = b.content.themeIds.flatMap((id) => {
        const mapped = toStored.get(id)
        return mapped === undefined ? [] : [mapped]
      })
      yield* at(start - 20 * DAY)(
        useCases.castBallot(asMember(b.memberId), {
          votingRoundId: round.id,
          content: { _tag: "approval", themeIds }
        })
      )
      ballots++
    }
    const closed = yield* at(start - 14 * DAY)(
      useCases.closeVoting(team, {
        votingRoundId: round.id,
        method: { _tag: "equal-shares", completion: "add1" },
        budgetMinutes: 180,
        rules: { maxThemes: 4 },
        gatheringId: gathering.id
      })
    )

    // 5. Candidate dates, the poll, the decision, invitations and reminders.
    yield* step("datumprikker")
    const proposed = yield* at(start - 14 * DAY)(
      useCases.proposeDates(team, {
        gatheringId: gathering.id,
        count: 6,
        weekdays: ["tuesday", "thursday"],
        startTimes: ["13:00"],
        calendar: { schoolRegions: ["middle"] }
      })
    )
    yield* at(start - 14 * DAY)(useCases.requestPollAnswers(team, { pollId: proposed.poll.id }))
    const answers = Synthetic.pollResponses(generated, proposed.poll, {
      seed: seed + Domain.quarterParts(q).quarter,
      respondedAt: DateTime.formatIso(DateTime.unsafeMake(start - 10 * DAY))
    }).filter((r) => activeIds.has(r.memberId))
    for (const r of answers)
      yield* at(start - 10 * DAY)(
        useCases.answerPoll(asMember(r.memberId), {
          pollId: proposed.poll.id,
          answers: r.answers.map((a) => ({ slotId: a.slotId, answer: a.answer }))
        })
      )
    const decided = yield* at(start - 7 * DAY)(useCases.decideDate(team, { pollId: proposed.poll.id }))
    yield* step("uitnodigingen")
    const invitation = yield* at(start - 7 * DAY)(useCases.sendInvitations(team, { gatheringId: gathering.id }))
    const reminders = yield* at(start - 7 * DAY)(useCases.sendReminders(team, { gatheringId: gathering.id }))

    // 6. After the gathering: who came (those who said yes, and some of the if-need-be's).
    yield* step("aanwezigheid")
    const rng = Rng.make(seed + 7)
    const attended = [
      ...decided.decision.chosen.yes.filter(() => rng.next() < 0.9),
      ...decided.decision.chosen.ifNeedBe.filter(() => rng.next() < 0.5)
    ]
    const held = DateTime.toEpochMillis(decided.gathering.startsAt ?? DateTime.unsafeMake(start)) + DAY
    const afterwards = yield* at(held)(useCases.recordAttendance(team, { gatheringId: gathering.id, attended }))

    const names = new Map<string, string>([
      ...directory.map((m) => [m.id as string, m.name] as const),
      ...generated.facilitators.map((f) => [f.id as string, f.name] as const)
    ])
    const finalBacklog = yield* useCases.listThemes(team, {})
    return {
      quarter: q,
      registered,
      intakes: {
        planned: intakePlan.intakes.length,
        unplaced: intakePlan.unplaced.length,
        held: intakePlan.intakes.length
      },
      groups,
      repeatedPairs,
      sessions: sessions.sessions,
      themesProposed,
      ballots,
      agenda: closed.result,
      gathering: afterwards,
      proposal: proposed.proposal,
      decision: decided.decision,
      pair: decided.pair,
      invitation: { invited: invitation.invited, messages: invitation.messages },
      invitationEvent: invitation.event,
      reminders: reminders.queued,
      invitedAt: start - 7 * DAY,
      attendance: afterwards.attendance.length,
      names,
      themeTitles: new Map(finalBacklog.map((t) => [t.id as string, t.title])),
      organisations: new Map(directory.map((m) => [m.id as string, m.organisation]))
    } satisfies QuarterReport
  })

const offsetOf = (millis: number): string => {
  const zoned = DateTime.unsafeMakeZoned(millis, { timeZone: "Europe/Amsterdam" })
  const offset = DateTime.zonedOffsetIso(zoned)
  return offset
}
