/**
 * `grenzeloos meeting plan | candidates | decide | move | cancel`: a gathering's life from plan to date.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import { Domain } from "@grenzeloos/core"
import { Effect, Either, Option, Schema } from "effect"
import * as Environment from "../Environment.js"
import { NothingToDo } from "../Errors.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { CandidateChoices, common, type Group, listOption, weekdays, withUseCases } from "./Shared.js"

const meetingCandidates = Command.make(
  "candidates",
  {
    ...common,
    quarter: Options.text("quarter").pipe(Options.withDescription("Het kwartaal, bijv. 2027-Q1.")),
    title: Options.text("title").pipe(
      Options.withDescription("De titel van de bijeenkomst (standaard: Kwartaalbijeenkomst <kwartaal>)."),
      Options.optional
    ),
    count: Options.integer("count").pipe(
      Options.withDescription("Hoeveel datums voorstellen."),
      Options.withDefault(6)
    ),
    weekdays: listOption("weekdays", "De weekdagen, bijv. tuesday,thursday.").pipe(
      Options.withDefault(["tuesday", "thursday"])
    ),
    times: listOption("times", "De begintijden, bijv. 13:00.").pipe(Options.withDefault(["13:00"])),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("De duur van de bijeenkomst."),
      Options.withDefault(240)
    ),
    regions: listOption("school-regions", "Vermijd de schoolvakanties van deze regio's: north,middle,south.").pipe(
      Options.optional
    )
  },
  (c) =>
    Effect.gen(function* () {
      const choices = yield* Either.match(
        Domain.decode(CandidateChoices, { subject: "meeting candidates" })({
          weekdays: weekdays(c.weekdays),
          startTimes: c.times,
          ...Option.match(c.regions, {
            onNone: () => ({}),
            onSome: (schoolRegions) => ({ calendar: { schoolRegions } })
          })
        }),
        { onLeft: Effect.fail, onRight: (decoded) => Effect.succeed(Schema.encodeSync(CandidateChoices)(decoded)) }
      )
      return yield* withUseCases(c, Texts.of(c.lang).proposingDates, (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const gathering = yield* uc.planGathering(team, {
            title: Option.getOrElse(c.title, () => `Kwartaalbijeenkomst ${c.quarter}`),
            quarter: c.quarter,
            durationMinutes: c.minutes
          })
          const { poll, proposal } = yield* uc.proposeDates(team, {
            gatheringId: gathering.id,
            count: c.count,
            ...choices
          })
          yield* Output.result(
            c.json,
            [
              Texts.of(c.lang).pollOpened(gathering.title, gathering.id, poll.id, poll.slots.length),
              ...poll.slots.map((s) => `  ${s.id}: ${Output.when(s.startsAt)}`),
              Texts.of(c.lang).daysExcluded(proposal.excluded.length),
              Texts.of(c.lang).decideWith(poll.id)
            ],
            { gathering, poll, proposal }
          )
        })
      )
    })
).pipe(Command.withDescription("Stelt datums voor en opent de datumprikker. / Proposes dates and opens the poll."))

const meetingDecide = Command.make(
  "decide",
  {
    ...common,
    poll: Options.text("poll").pipe(
      Options.withDescription("De datumprikker (standaard: die van de eerstvolgende bijeenkomst in planning)."),
      Options.optional
    ),
    capacity: Options.integer("capacity").pipe(
      Options.withDescription("Hoeveel mensen de zaal hoogstens houdt."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).deciding, (uc) =>
      Effect.gen(function* () {
        const team = Environment.team(c)
        const pollId = Option.getOrUndefined(c.poll)
        if (pollId === undefined) {
          return yield* new NothingToDo({
            reason: Texts.of(c.lang).noPoll,
            hint: Texts.of(c.lang).noPollHint
          })
        }
        const decided = yield* uc.decideDate(team, {
          pollId,
          ...Option.match(c.capacity, { onNone: () => ({}), onSome: (capacity) => ({ capacity }) })
        })
        const d = decided.decision
        yield* Output.result(
          c.json,
          [
            Texts.of(c.lang).chosen(Output.when(d.chosen.startsAt), d.chosen.yes.length, d.chosen.ifNeedBe.length),
            d.explanation.nl,
            Texts.of(c.lang).inviteWith(decided.gathering.id)
          ],
          decided
        )
      })
    )
).pipe(Command.withDescription("Kiest de datum uit de datumprikker. / Decides the date from the poll."))

export const command: Group<"meeting"> = Command.make("meeting").pipe(
  Command.withDescription("De datum van de bijeenkomst. / The date of the gathering."),
  Command.withSubcommands([meetingCandidates, meetingDecide])
)
