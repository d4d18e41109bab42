/**
 * `grenzeloos groups form`: the learning groups of a round.
 *
 * @internal
 */
import { Command, HelpDoc, Options } from "@effect/cli"
import { Grouping } from "@grenzeloos/core"
import { Effect } from "effect"
import * as Environment from "../Environment.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group, withUseCases } from "./Shared.js"

// --- groups --------------------------------------------------------------------------------------

const sizeOption = Options.text("size").pipe(
  Options.withDescription("De groepsgrootte: van-tot, bijv. 5-7 (of één getal)."),
  Options.withDefault("5-7"),
  Options.mapTryCatch(
    (s) => {
      const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(s)
      if (m === null) throw new Error(s)
      return { min: Number(m[1]), max: Number(m[2] ?? m[1]) }
    },
    () => HelpDoc.p("--size: verwacht van-tot, bijv. 5-7 / expected min-max, e.g. 5-7")
  )
)

const groupsForm = Command.make(
  "form",
  {
    ...common,
    round: Options.integer("round").pipe(Options.withDescription("Het jaar van de ronde, bijv. 2027.")),
    size: sizeOption,
    seed: Options.integer("seed").pipe(
      Options.withDescription(
        "Het zaadje van de zoektocht: dezelfde gegevens en hetzelfde zaadje geven dezelfde groepen."
      ),
      Options.withDefault(1)
    ),
    timeLimitMs: Options.integer("time-limit-ms").pipe(
      Options.withDescription("Hoe lang er gezocht mag worden, in milliseconden."),
      Options.withDefault(2000)
    ),
    publish: Options.boolean("publish").pipe(
      Options.withDescription("Publiceer de groepen meteen (leden krijgen bericht).")
    )
  },
  (c) =>
    withUseCases(
      c,
      Texts.of(c.lang).formingGroups,
      (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const formed = yield* uc
            .formGroups(team, {
              name: Texts.of(c.lang).roundName(c.round),
              startsOn: `${c.round}-01-01`,
              endsOn: `${c.round}-12-31`,
              size: c.size,
              seed: c.seed,
              timeLimitMs: c.timeLimitMs
            })
            .pipe(
              Effect.mapError((e) =>
                e._tag === "GroupingInfeasible" && e.constraint === "facilitators"
                  ? // What to type when the facilitators cannot lead every group (the engine says what to do;
                    // the command line adds how).
                    new Grouping.GroupingInfeasible({ ...e, detail: Texts.of(c.lang).facilitatorsShort(e.detail) })
                  : e
              )
            )
          const round = c.publish ? yield* uc.publishGroups(team, { roundId: formed.round.id }) : formed.round
          const directory = yield* uc.directory(team)
          // Facilitators by name, as the members will meet them, not by id.
          const facilitators = new Map((yield* uc.listFacilitators(team)).map((f) => [f.id as string, f.name]))
          const names = new Map(directory.map((m) => [m.id as string, m]))
          // Why each member is in their group, in the --lang language (the engine explains in the
          // community's; the stored grouping is told again in the language asked).
          const told = yield* uc.getGrouping(team, { roundId: formed.round.id, language: c.lang })
          const why = new Map(
            told.groups.flatMap((g) => g.members.map((m) => [m.id as string, m.explanation ?? ""] as const))
          )
          yield* Output.result(
            c.json,
            [
              Texts.of(c.lang).groupsFormed(formed.round.name, formed.groups.length, formed.round.id, c.publish),
              ...formed.groups.flatMap((g, i) => [
                "",
                `${g.name}${g.facilitatorId === undefined ? "" : Texts.of(c.lang).facilitatedBy(facilitators.get(g.facilitatorId) ?? g.facilitatorId)}`,
                ...g.memberIds.map((id) => {
                  const m = names.get(id)
                  return `  ${m?.name ?? id} (${m?.organisation ?? "?"}): ${why.get(id) ?? ""}`
                }),
                ...formed.result.unmet.filter((u) => u.group === i).map((u) => Texts.of(c.lang).unmet(u.text))
              ])
            ],
            { round, groups: formed.groups, result: formed.result }
          )
        }),
      c.timeLimitMs
    )
).pipe(
  Command.withDescription(
    "Vormt de leergroepen van een ronde: divers, met gedeelde interesses, zonder eerdere paren. / Forms the learning groups of a round."
  )
)

export const command: Group<"groups"> = Command.make("groups").pipe(
  Command.withDescription("Leergroepen vormen. / Form learning groups."),
  Command.withSubcommands([groupsForm])
)
