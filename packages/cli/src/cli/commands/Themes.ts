/**
 * `grenzeloos themes add | list | edit | withdraw`: the backlog of themes.
 *
 * @internal
 */
import { Args, Command, Options } from "@effect/cli"
import { Effect, Option } from "effect"
import * as Environment from "../Environment.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, field, type Group, withUseCases } from "./Shared.js"

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

const themesList = Command.make(
  "list",
  {
    ...common,
    status: Options.choice("status", ["backlog", "scheduled", "discussed", "archived"]).pipe(
      Options.withDescription("Alleen thema's met deze status (standaard alle). / Only themes with this status."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).fetchingThemes, (uc) =>
      Effect.flatMap(uc.listThemes(Environment.team(c), field("status", c.status)), (themes) =>
        Output.result(
          c.json,
          themes.length === 0
            ? Texts.of(c.lang).noThemes
            : [
                ...Output.table(
                  Texts.of(c.lang).themesHeader,
                  themes.map((t) => [t.title, t.durationMinutes, Texts.of(c.lang).themeStatus(t.status), t.id])
                ),
                "",
                Texts.of(c.lang).themeCount(themes.length)
              ],
          themes
        )
      )
    )
).pipe(Command.withDescription("Toont de thema's met hun status. / Lists the themes and their status."))

const themeId = Args.text({ name: "thema-id" }).pipe(Args.withDescription("Het thema, zoals themes list het toont."))

const themesEdit = Command.make(
  "edit",
  {
    ...common,
    themeId,
    title: Options.text("title").pipe(Options.withDescription("Een nieuwe titel."), Options.optional),
    minutes: Options.integer("minutes").pipe(Options.withDescription("Een nieuwe duur."), Options.optional),
    description: Options.text("description").pipe(Options.withDescription("Een nieuwe toelichting."), Options.optional)
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).editingTheme, (uc) =>
      Effect.flatMap(
        uc.editTheme(Environment.team(c), {
          themeId: c.themeId,
          ...field("title", c.title),
          ...field("durationMinutes", c.minutes),
          ...field("description", c.description)
        }),
        (theme) => Output.result(c.json, Texts.of(c.lang).themeEdited(theme.title, theme.durationMinutes), theme)
      )
    )
).pipe(Command.withDescription("Werkt de titel, duur of toelichting van een thema bij. / Edits a theme."))

const themesWithdraw = Command.make("withdraw", { ...common, themeId }, (c) =>
  withUseCases(c, Texts.of(c.lang).withdrawingTheme, (uc) =>
    Effect.flatMap(uc.withdrawTheme(Environment.team(c), { themeId: c.themeId }), (theme) =>
      Output.result(c.json, Texts.of(c.lang).themeWithdrawn(theme.title), theme)
    )
  )
).pipe(Command.withDescription("Haalt een thema van de voorraadagenda. / Withdraws a theme from the backlog."))

export const command: Group<"themes"> = Command.make("themes").pipe(
  Command.withDescription("De voorraadagenda. / The backlog of themes."),
  Command.withSubcommands([themesAdd, themesList, themesEdit, themesWithdraw])
)
