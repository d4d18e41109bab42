/**
 * `grenzeloos intakes plan | record`: intakes with new members.
 *
 * @internal
 */
import { Args, Command, Options } from "@effect/cli"
import { Texts as CoreTexts, Domain } from "@grenzeloos/core"
import { Effect, Option } from "effect"
import * as Environment from "../Environment.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import {
  common,
  dateOption,
  type Group,
  listOption,
  localMoment,
  nextDay,
  weekdayOf,
  weekdays,
  withUseCases
} from "./Shared.js"

// --- intakes -------------------------------------------------------------------------------------

const intakesPlan = Command.make(
  "plan",
  {
    ...common,
    from: dateOption("from", "De eerste dag met intakegesprekken, bijv. 2027-01-11."),
    to: dateOption("to", "De laatste dag met intakegesprekken."),
    times: listOption("times", "De begintijden per dag, bijv. 10:00,14:00.").pipe(
      Options.withDefault(["10:00", "14:00"])
    ),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("De duur van een gesprek."),
      Options.withDefault(60)
    ),
    weekdays: listOption("weekdays", "De weekdagen, bijv. monday,wednesday (standaard maandag t/m vrijdag).").pipe(
      Options.withDefault(["monday", "tuesday", "wednesday", "thursday", "friday"])
    ),
    facilitators: Options.text("facilitator").pipe(
      Options.withDescription("Een begeleider die gesprekken voert (herhaalbaar; standaard wie met --as werkt)."),
      Options.repeated
    ),
    maxPerDay: Options.integer("max-per-day").pipe(
      Options.withDescription("Hoogstens zoveel gesprekken per begeleider per dag."),
      Options.optional
    )
  },
  (c) =>
    Effect.gen(function* () {
      if (c.from > c.to)
        return yield* new Domain.DecodeError({
          subject: "--from/--to",
          problems: [{ path: "--from", message: Texts.of(c.lang).fromAfterTo(c.from, c.to) }]
        })
      const facilitators = c.facilitators.length > 0 ? c.facilitators : [c.as]
      const slots: Array<{ facilitatorId: string; startsAt: string; durationMinutes: number }> = []
      for (let day = c.from; day <= c.to; day = nextDay(day)) {
        if (!weekdays(c.weekdays).includes(weekdayOf(day))) continue
        for (const time of c.times) {
          const local = yield* localMoment(day, time)
          for (const facilitatorId of facilitators)
            slots.push({ facilitatorId, startsAt: local, durationMinutes: c.minutes })
        }
      }
      const { plan, people } = yield* withUseCases(c, Texts.of(c.lang).planningIntakes, (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const plan = yield* uc.planIntakes(team, {
            slots,
            ...Option.match(c.maxPerDay, { onNone: () => ({}), onSome: (maxPerDay) => ({ maxPerDay }) })
          })
          // The table and the reasons name members and facilitators, not their ids.
          const [directory, facilitatorList] = yield* Effect.all([uc.directory(team), uc.listFacilitators(team)])
          const people = new Map<string, string>([
            ...directory.map((m) => [m.id as string, m.name] as const),
            ...facilitatorList.map((f) => [f.id as string, f.name] as const)
          ])
          return { plan, people }
        })
      )
      const name = (id: string) => people.get(id) ?? id
      yield* Output.result(
        c.json,
        [
          Texts.of(c.lang).intakesPlanned(plan.intakes.length, slots.length),
          ...Output.table(
            Texts.of(c.lang).intakesHeader,
            plan.intakes.map((i) => [
              i.id,
              name(i.memberId),
              name(i.facilitatorId),
              Output.when(i.startsAt, undefined, c.lang)
            ])
          ),
          ...(plan.unplaced.length === 0
            ? []
            : [
                "",
                Texts.of(c.lang).unplaced(plan.unplaced.length),
                ...plan.unplaced.map(
                  (u) =>
                    `  ${name(u.memberId)}: ${CoreTexts.of(c.lang).reason(u.explanation, { person: (id) => people.get(id) })}`
                )
              ])
        ],
        plan
      )
    })
).pipe(Command.withDescription("Plant intakegesprekken met nieuwe leden. / Plans intakes with new members."))

const intakesRecord = Command.make(
  "record",
  {
    ...common,
    intakeId: Args.text({ name: "intake-id" }).pipe(
      Args.withDescription("Het intakegesprek, zoals intakes plan het noemde.")
    ),
    outcome: Options.choice("outcome", ["held", "cancelled"]).pipe(
      Options.withDescription("held: het gesprek is gevoerd (het lid wordt actief); cancelled: het ging niet door."),
      Options.withDefault("held" as const)
    ),
    interests: listOption("interests", "De interesses uit het gesprek, gescheiden door komma's.").pipe(
      Options.optional
    ),
    notes: Options.text("notes").pipe(
      Options.withDescription("Vertrouwelijke aantekeningen (alleen voor het programmateam)."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).recordingIntake, (uc) =>
      Effect.flatMap(
        uc.recordIntake(Environment.team(c), {
          intakeId: c.intakeId,
          status: c.outcome,
          ...Option.match(c.interests, { onNone: () => ({}), onSome: (interests) => ({ interests }) }),
          ...Option.match(c.notes, { onNone: () => ({}), onSome: (notes) => ({ notes }) })
        }),
        (intake) =>
          Effect.flatMap(uc.directory(Environment.team(c)), (directory) => {
            // The member by name, as the team knows them, not by id.
            const member = directory.find((m) => m.id === intake.memberId)?.name ?? intake.memberId
            return Output.result(
              c.json,
              intake.status === "held"
                ? Texts.of(c.lang).intakeHeld(intake.id, member)
                : Texts.of(c.lang).intakeCancelled(intake.id, member),
              intake
            )
          })
      )
    )
).pipe(
  Command.withDescription(
    "Legt de uitkomst van een intake vast; een gehouden intake maakt het lid actief. / Records an intake's outcome."
  )
)

export const command: Group<"intakes"> = Command.make("intakes").pipe(
  Command.withDescription("Intakegesprekken plannen en vastleggen. / Plan and record intakes."),
  Command.withSubcommands([intakesPlan, intakesRecord])
)
