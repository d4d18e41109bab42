/**
 * `grenzeloos meeting plan | candidates | decide | move | cancel`: a gathering's life from its
 * plan to its date, and a change of date or place, or a cancellation, sent to every invitee.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import { Texts as CoreTexts, Domain } from "@grenzeloos/core"
import { Effect, Option, Schema } from "effect"
import * as Environment from "../Environment.js"
import { NothingToDo } from "../Errors.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import * as Naming from "../texts/Naming.js"
import {
  CandidateChoices,
  common,
  dateOption,
  field,
  type Group,
  listOption,
  schoolRegions,
  weekdays,
  withUseCases,
  zoneOf
} from "./Shared.js"

const gatheringOption = Options.text("gathering").pipe(
  Options.withDescription("De bijeenkomst, zoals meeting plan haar noemde. / The gathering.")
)

const location = Options.text("location").pipe(
  Options.withDescription('Waar de bijeenkomst is, bijv. "Beatrixgebouw, Utrecht". / Where it takes place.'),
  Options.optional
)

const meetingPlan = Command.make(
  "plan",
  {
    ...common,
    quarter: Options.text("quarter").pipe(Options.withDescription("Het kwartaal, bijv. 2027-Q1.")),
    title: Options.text("title").pipe(
      Options.withDescription(
        "De titel van de bijeenkomst (standaard: Kwartaalbijeenkomst <kwartaal>; met --lang en: Quarterly gathering <quarter>)."
      ),
      Options.optional
    ),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("De duur van de bijeenkomst."),
      Options.withDefault(240)
    ),
    location,
    capacity: Options.integer("capacity").pipe(
      Options.withDescription("Hoeveel mensen de zaal hoogstens houdt."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).planningGathering, (uc) =>
      Effect.gen(function* () {
        const gathering = yield* uc.planGathering(Environment.team(c), {
          title: Option.getOrElse(c.title, () => Texts.of(c.lang).gatheringTitle(c.quarter)),
          quarter: c.quarter,
          durationMinutes: c.minutes,
          ...Option.match(c.location, {
            onNone: () => ({}),
            onSome: (name) => ({ venue: { name, ...field("capacity", c.capacity) } })
          })
        })
        yield* Output.result(
          c.json,
          [
            Texts.of(c.lang).gatheringPlanned(
              gathering.title,
              gathering.quarter,
              gathering.durationMinutes,
              gathering.venue?.name,
              Texts.of(c.lang).gatheringStatus(gathering.status)
            ),
            Texts.of(c.lang).proposeWith(gathering.id)
          ],
          { id: gathering.id, status: gathering.status, gathering }
        )
      })
    )
).pipe(Command.withDescription("Plant de bijeenkomst van een kwartaal. / Plans the gathering of a quarter."))

const meetingCandidates = Command.make(
  "candidates",
  {
    ...common,
    gathering: gatheringOption.pipe(Options.optional),
    quarter: Options.text("quarter").pipe(
      Options.withDescription("Zonder --gathering: plan eerst de bijeenkomst van dit kwartaal, bijv. 2027-Q1."),
      Options.optional
    ),
    title: Options.text("title").pipe(
      Options.withDescription(
        "Met --quarter: de titel van de bijeenkomst (standaard: Kwartaalbijeenkomst <kwartaal>; met --lang en: Quarterly gathering <quarter>)."
      ),
      Options.optional
    ),
    count: Options.integer("count").pipe(
      Options.withDescription("Hoeveel datums voorstellen."),
      Options.withDefault(6)
    ),
    weekdays: listOption("weekdays", "De weekdagen, bijv. dinsdag,donderdag.").pipe(
      Options.withDefault(["tuesday", "thursday"])
    ),
    times: listOption("times", "De begintijden, bijv. 13:00.").pipe(Options.withDefault(["13:00"])),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("Met --quarter: de duur van de bijeenkomst."),
      Options.withDefault(240)
    ),
    regions: listOption(
      "school-regions",
      "Vermijd de schoolvakanties van deze regio's: noord,midden,zuid (of north,middle,south)."
    ).pipe(Options.optional)
  },
  (c) =>
    Effect.gen(function* () {
      const choices = yield* Effect.map(
        Domain.decode(CandidateChoices, { subject: "meeting candidates" })({
          weekdays: weekdays(c.weekdays),
          startTimes: c.times,
          ...Option.match(c.regions, {
            onNone: () => ({}),
            onSome: (regions) => ({ calendar: { schoolRegions: schoolRegions(regions) } })
          })
        }),
        Schema.encodeSync(CandidateChoices)
      )
      return yield* withUseCases(c, Texts.of(c.lang).proposingDates, (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          // Without --gathering, the gathering of --quarter is planned first (as before `meeting plan`).
          const gatheringId = Option.isSome(c.gathering)
            ? c.gathering.value
            : Option.isSome(c.quarter)
              ? (yield* uc.planGathering(team, {
                  title: Option.getOrElse(c.title, () =>
                    Texts.of(c.lang).gatheringTitle(Option.getOrElse(c.quarter, () => ""))
                  ),
                  quarter: c.quarter.value,
                  durationMinutes: c.minutes
                })).id
              : yield* new NothingToDo({
                  reason: Texts.of(c.lang).noGathering,
                  hint: Texts.of(c.lang).noGatheringHint
                })
          const { poll, proposal } = yield* uc.proposeDates(team, {
            gatheringId,
            count: c.count,
            ...choices
          })
          const zone = yield* zoneOf(uc, team)
          yield* Output.result(
            c.json,
            [
              Texts.of(c.lang).pollOpen(poll.title, poll.id, poll.slots.length),
              ...poll.slots.map((s) => `  ${Output.when(s.startsAt, zone, c.lang)}  (${s.id})`),
              Texts.of(c.lang).daysExcluded(proposal.excluded.length),
              Texts.of(c.lang).askWith(poll.id)
            ],
            { id: poll.id, status: poll.status, gatheringId, poll, proposal }
          )
        })
      )
    })
).pipe(Command.withDescription("Stelt datums voor en opent de datumprikker. / Proposes dates and opens the poll."))

const meetingDecide = Command.make(
  "decide",
  {
    ...common,
    poll: Options.text("poll").pipe(Options.withDescription("De datumprikker, zoals meeting candidates hem noemde.")),
    capacity: Options.integer("capacity").pipe(
      Options.withDescription("Hoeveel mensen de zaal hoogstens houdt."),
      Options.optional
    ),
    force: Options.boolean("force").pipe(
      Options.withDescription("Beslis ook als nog niemand antwoordde (de eerste datum wordt dan genomen).")
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).deciding, (uc) =>
      Effect.gen(function* () {
        const team = Environment.team(c)
        const decided = yield* uc.decideDate(team, {
          pollId: c.poll,
          ...field("capacity", c.capacity),
          ...(c.force ? { force: true } : {})
        })
        const zone = yield* zoneOf(uc, team)
        const d = decided.decision
        const total = decided.answered.length + decided.notAnswered.length
        // The explanation names members and dates, not their ids.
        const [directory, polls] = yield* Effect.all([uc.directory(team), uc.listPolls(team, {})])
        const people = new Map<string, string>(directory.map((m) => [m.id, m.name]))
        const slots = new Map<string, string>(
          (polls.find((p) => p.id === c.poll)?.slots ?? []).map((s) => [s.id, Output.when(s.startsAt, zone, c.lang)])
        )
        const naming = { person: (id: string) => people.get(id), slot: (id: string) => slots.get(id) }
        const texts = Texts.of(c.lang)
        // The core's reason opens with the chosen date and its counts ("Gekozen: …"), so it is the
        // first line. Who counted more is said here instead of in the core's general sentence,
        // with who and by how much, and only when someone did.
        const explanation =
          d.explanation._tag === "SlotChosen" ? { ...d.explanation, withHistory: false } : d.explanation
        const heavier = d.fairness.members.filter((m) => m.weight > 1)
        yield* Output.result(
          c.json,
          [
            CoreTexts.of(c.lang).reason(explanation, naming),
            ...(heavier.length === 0
              ? []
              : [
                  texts.weighed(
                    Naming.list(
                      heavier.map((m) => m.memberId),
                      naming
                    ),
                    Math.max(...heavier.map((m) => m.weight))
                  )
                ]),
            texts.answeredOf(decided.answered.length, total, decided.notAnswered.length),
            texts.closeAndInvite(decided.gathering.id)
          ],
          { id: decided.gathering.id, status: decided.gathering.status, ...decided }
        )
      })
    )
).pipe(Command.withDescription("Kiest de datum uit de datumprikker. / Decides the date from the poll."))

const meetingMove = Command.make(
  "move",
  {
    ...common,
    gathering: gatheringOption,
    date: dateOption("date", "De nieuwe datum, bijv. 2027-03-16.").pipe(Options.optional),
    start: Options.text("start").pipe(Options.withDescription("De nieuwe begintijd, bijv. 13:30."), Options.optional),
    minutes: Options.integer("minutes").pipe(Options.withDescription("Een nieuwe duur."), Options.optional),
    location,
    note: Options.text("note").pipe(
      Options.withDescription("Een regel voor de genodigden over waarom het verandert."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).movingGathering, (uc) =>
      Effect.gen(function* () {
        const team = Environment.team(c)
        const moved = yield* uc.moveGathering(team, {
          gatheringId: c.gathering,
          ...field("date", c.date),
          ...field("start", c.start),
          ...field("durationMinutes", c.minutes),
          ...field("location", c.location),
          ...field("note", c.note)
        })
        const zone = yield* zoneOf(uc, team)
        const g = moved.gathering
        const when = g.startsAt === undefined ? "" : Output.when(g.startsAt, zone, c.lang)
        yield* Output.result(
          c.json,
          Texts.of(c.lang).gatheringMoved(g.title, when, g.venue?.name, moved.updated, g.sequence),
          { id: g.id, status: g.status, ...moved }
        )
      })
    )
).pipe(
  Command.withDescription(
    "Verplaatst de bijeenkomst (datum, tijd of plaats) en stuurt elke genodigde de wijziging. / Moves the gathering."
  )
)

const meetingCancel = Command.make(
  "cancel",
  {
    ...common,
    gathering: gatheringOption,
    reason: Options.text("reason").pipe(
      Options.withDescription("Waarom de bijeenkomst niet doorgaat (staat in het bericht)."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).cancellingGathering, (uc) =>
      Effect.gen(function* () {
        const cancelled = yield* uc.cancelGathering(Environment.team(c), {
          gatheringId: c.gathering,
          ...field("reason", c.reason)
        })
        yield* Output.result(
          c.json,
          Texts.of(c.lang).gatheringCancelled(cancelled.gathering.title, cancelled.notified, cancelled.withdrawn),
          { id: cancelled.gathering.id, status: cancelled.gathering.status, ...cancelled }
        )
      })
    )
).pipe(
  Command.withDescription(
    "Last de bijeenkomst af: elke genodigde krijgt de afzegging in de agenda. / Cancels the gathering."
  )
)

export const command: Group<"meeting"> = Command.make("meeting").pipe(
  Command.withDescription("De bijeenkomst: plannen, datum, verplaatsen, aflassen. / The gathering."),
  Command.withSubcommands([meetingPlan, meetingCandidates, meetingDecide, meetingMove, meetingCancel])
)
