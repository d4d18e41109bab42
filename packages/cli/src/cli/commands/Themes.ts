/**
 * `grenzeloos themes add | list | edit | withdraw`: the backlog of themes.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import { Effect, Option } from "effect"
import * as Environment from "../Environment.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group, withUseCases } from "./Shared.js"

// --- themes --------------------------------------------------------------------------------------

const themesAdd = Command.make(
  "add",
  {
    ...common,
    title: Options.text("title").pipe(Options.withDescription('De titel van het thema, bijv. "Worstelen met de Woo".')),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("Hoeveel tijd het thema vraagt."),
      Options.withDefault(60)
    ),
    description: Options.text("description").pipe(Options.withDescription("Een toelichting."), Options.optional)
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).addingTheme, (uc) =>
      Effect.flatMap(
        uc.proposeTheme(Environment.team(c), {
          title: c.title,
          durationMinutes: c.minutes,
          ...Option.match(c.description, { onNone: () => ({}), onSome: (description) => ({ description }) })
        }),
        (theme) =>
          Output.result(c.json, Texts.of(c.lang).themeAdded(theme.title, theme.id, theme.durationMinutes), theme)
      )
    )
).pipe(Command.withDescription("Zet een thema op de voorraadagenda. / Adds a theme to the backlog."))

export const command: Group<"themes"> = Command.make("themes").pipe(
  Command.withDescription("De voorraadagenda. / The backlog of themes."),
  Command.withSubcommands([themesAdd])
)
