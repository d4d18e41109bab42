/**
 * `grenzeloos agenda prioritise`: the old name of `vote close`, kept for scripts.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import { Effect, Option } from "effect"
import * as Environment from "../Environment.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group, withUseCases } from "./Shared.js"

// --- agenda --------------------------------------------------------------------------------------

const agendaPrioritise = Command.make(
  "prioritise",
  {
    ...common,
    vote: Options.text("vote").pipe(Options.withDescription("De stemronde die wordt gesloten.")),
    method: Options.choice("method", ["equal-shares", "greedy", "dots", "score", "borda", "schulze"]).pipe(
      Options.withDescription("De methode (standaard equal-shares: de Method of Equal Shares)."),
      Options.withDefault("equal-shares" as const)
    ),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("De tijd voor het programma."),
      Options.withDefault(180)
    ),
    maxThemes: Options.integer("max-themes").pipe(
      Options.withDescription("Hoogstens zoveel thema's."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).prioritising, (uc) =>
      Effect.gen(function* () {
        const team = Environment.team(c)
        const closed = yield* uc.closeVoting(team, {
          votingRoundId: c.vote,
          method: { _tag: c.method },
          budgetMinutes: c.minutes,
          ...Option.match(c.maxThemes, { onNone: () => ({}), onSome: (maxThemes) => ({ rules: { maxThemes } }) })
        })
        const titles = new Map((yield* uc.listThemes(team, {})).map((t) => [t.id as string, t.title]))
        const r = closed.result
        yield* Output.result(
          c.json,
          [
            r.summary,
            "",
            ...Output.table(
              Texts.of(c.lang).votesHeader,
              r.backlog.map((t) => [
                t.place,
                titles.get(t.themeId) ?? t.themeId,
                t.durationMinutes,
                t.supporters,
                t.inProgramme ? Texts.of(c.lang).yes : Texts.of(c.lang).no
              ])
            ),
            "",
            Texts.of(c.lang).fairness(Math.round(r.fairness.shareWithAtLeastOne * 100), r.fairness.voters)
          ],
          closed
        )
      })
    )
).pipe(
  Command.withDescription("Sluit de stemronde en kiest het programma. / Closes the vote and chooses the programme.")
)

export const command: Group<"agenda"> = Command.make("agenda").pipe(
  Command.withDescription("Het programma van de bijeenkomst. / The gathering's programme."),
  Command.withSubcommands([agendaPrioritise])
)
