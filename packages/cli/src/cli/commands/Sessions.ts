/**
 * `grenzeloos sessions plan`: the learning groups' session timetables, with invitations per group
 * as a series.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import type { Services } from "@grenzeloos/core"
import { DateTime, Effect, Option } from "effect"
import * as Environment from "../Environment.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, dateOption, field, type Group, listOption, weekdays, withUseCases } from "./Shared.js"

type Weekdays = NonNullable<typeof Services.Sessions.PlanSessions.Encoded.weekdays>

const sessionsPlan = Command.make(
  "plan",
  {
    ...common,
    round: Options.text("round").pipe(Options.withDescription("De ronde van de leergroepen (uit groups form).")),
    sessions: Options.integer("sessions").pipe(
      Options.withDescription("Hoeveel bijeenkomsten elke groep heeft (standaard 6)."),
      Options.withDefault(6)
    ),
    start: Options.text("start").pipe(
      Options.withDescription("De begintijd, bijv. 16:00."),
      Options.withDefault("16:00")
    ),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("De duur van een bijeenkomst."),
      Options.withDefault(120)
    ),
    from: dateOption("from", "De eerste dag, bijv. 2027-02-01 (standaard het begin van de ronde).").pipe(
      Options.optional
    ),
    to: dateOption("to", "De laatste dag (standaard het eind van de ronde).").pipe(Options.optional),
    weekdays: listOption("weekdays", "De weekdagen, bijv. dinsdag,donderdag.").pipe(Options.optional),
    location: Options.text("location").pipe(
      Options.withDescription("Waar de groepen samenkomen (staat in de uitnodiging)."),
      Options.optional
    ),
    noInvite: Options.boolean("no-invite").pipe(
      Options.withDescription("Alleen het rooster opslaan, nog geen uitnodigingen klaarzetten.")
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).planningSessions, (uc) =>
      Effect.gen(function* () {
        const planned = yield* uc.planSessions(Environment.team(c), {
          roundId: c.round,
          sessions: c.sessions,
          startTime: c.start,
          durationMinutes: c.minutes,
          ...field("from", c.from),
          ...field("to", c.to),
          // The use case decodes the weekdays and names a wrong one.
          ...field(
            "weekdays",
            Option.map(c.weekdays, (w) => weekdays(w) as unknown as Weekdays)
          ),
          ...field("location", c.location),
          ...(c.noInvite ? { invite: false } : {})
        })
        yield* Output.result(
          c.json,
          [
            Texts.of(c.lang).sessionsPlanned(
              planned.round.name,
              c.sessions,
              planned.groups.length,
              planned.sessions,
              planned.messages
            ),
            // Each group's dates, as its members will read them in their invitation.
            ...planned.groups.flatMap((g) => [
              "",
              g.name,
              ...(g.sessions ?? []).map(
                (s) => `  ${s.number}. ${Output.when(s.startsAt, DateTime.zoneToString(s.startsAt.zone), c.lang)}`
              )
            ])
          ],
          { id: planned.round.id, status: planned.round.status, ...planned }
        )
      })
    )
).pipe(
  Command.withDescription(
    "Plant de bijeenkomsten van de leergroepen en zet de uitnodigingen klaar. / Plans the learning groups' sessions."
  )
)

export const command: Group<"sessions"> = Command.make("sessions").pipe(
  Command.withDescription("De bijeenkomsten van de leergroepen. / The learning groups' sessions."),
  Command.withSubcommands([sessionsPlan])
)
