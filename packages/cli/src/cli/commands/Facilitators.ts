/**
 * `grenzeloos facilitators add | list`: who facilitates intakes and learning groups.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import { Effect, Option } from "effect"
import * as Environment from "../Environment.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group, withUseCases } from "./Shared.js"

// --- facilitators --------------------------------------------------------------------------------

const facilitatorsAdd = Command.make(
  "add",
  {
    ...common,
    name: Options.text("name").pipe(Options.withDescription("De naam van de begeleider.")),
    email: Options.text("email").pipe(Options.withDescription("Het e-mailadres (voor uitnodigingen).")),
    id: Options.text("id").pipe(Options.withDescription("Een eigen id (standaard: een nieuw id)."), Options.optional),
    role: Options.choice("role", ["guest", "programme-team"]).pipe(
      Options.withDescription("guest (gastbegeleider, standaard) of programme-team."),
      Options.withDefault("guest" as const)
    ),
    maxGroups: Options.integer("max-groups").pipe(
      Options.withDescription("Hoeveel leergroepen deze begeleider hoogstens begeleidt (standaard 3)."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).registeringFacilitator, (uc) =>
      Effect.flatMap(
        uc.registerFacilitators(Environment.team(c), {
          facilitators: [
            {
              name: c.name,
              email: c.email,
              role: c.role,
              ...Option.match(c.id, { onNone: () => ({}), onSome: (id) => ({ id }) }),
              ...Option.match(c.maxGroups, { onNone: () => ({}), onSome: (maxGroups) => ({ maxGroups }) })
            }
          ]
        }),
        (ids) =>
          Output.result(c.json, Texts.of(c.lang).facilitatorRegistered(c.name, ids.join(", ")), { facilitatorIds: ids })
      )
    )
).pipe(
  Command.withDescription(
    "Registreert een begeleider van intakes en leergroepen; opnieuw met hetzelfde e-mailadres werkt bij. / Registers a facilitator."
  )
)

const facilitatorsList = Command.make("list", { ...common }, (c) =>
  withUseCases(c, Texts.of(c.lang).fetchingFacilitators, (uc) =>
    Effect.flatMap(uc.listFacilitators(Environment.team(c)), (list) =>
      Output.result(
        c.json,
        list.length === 0
          ? Texts.of(c.lang).noFacilitators
          : [
              ...Output.table(
                Texts.of(c.lang).facilitatorsHeader,
                list.map((f) => [
                  f.name,
                  Texts.of(c.lang).role(f.role),
                  f.maxGroups === undefined ? "—" : Texts.of(c.lang).atMostGroups(f.maxGroups),
                  f.id
                ])
              ),
              "",
              Texts.of(c.lang).facilitatorCount(list.length)
            ],
        list
      )
    )
  )
).pipe(Command.withDescription("Toont de begeleiders (zonder e-mailadressen). / Lists the facilitators."))

export const command: Group<"facilitators"> = Command.make("facilitators").pipe(
  Command.withDescription("Begeleiders van intakes en leergroepen. / Facilitators."),
  Command.withSubcommands([facilitatorsAdd, facilitatorsList])
)
