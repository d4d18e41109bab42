/**
 * `grenzeloos init`: sets up the community and registers the programme team.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import { Effect, Option } from "effect"
import * as Environment from "../Environment.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group, withUseCases } from "./Shared.js"

// --- init ----------------------------------------------------------------------------------------

export const command: Group<"init"> = Command.make(
  "init",
  {
    ...common,
    name: Options.text("name").pipe(
      Options.withDescription('De naam van de community, bijv. "Programmadirecteuren Rijk".')
    ),
    language: Options.choice("language", ["nl", "en"]).pipe(
      Options.withDescription("De standaardtaal van berichten aan leden."),
      Options.optional
    ),
    timeZone: Options.text("time-zone").pipe(
      Options.withDescription("De tijdzone van de bijeenkomsten (standaard Europe/Amsterdam)."),
      Options.optional
    ),
    teamName: Options.text("team-name").pipe(
      Options.withDescription("De naam van wie met --as werkt, als begeleider in het programmateam."),
      Options.optional
    ),
    teamEmail: Options.text("team-email").pipe(
      Options.withDescription("Het e-mailadres van wie met --as werkt; registreert diegene in het programmateam."),
      Options.optional
    )
  },
  (c) =>
    withUseCases({ ...c, create: true }, Texts.of(c.lang).settingUp, (uc) =>
      Effect.gen(function* () {
        const admin = Environment.administrator(c)
        const community = yield* uc.setUpCommunity(admin, {
          name: c.name,
          ...Option.match(c.language, { onNone: () => ({}), onSome: (defaultLanguage) => ({ defaultLanguage }) }),
          ...Option.match(c.timeZone, { onNone: () => ({}), onSome: (timeZone) => ({ timeZone }) })
        })
        const facilitators = Option.isSome(c.teamEmail)
          ? yield* uc.registerFacilitators(admin, {
              facilitators: [
                {
                  id: c.as,
                  name: Option.getOrElse(c.teamName, () => "Programmateam"),
                  email: c.teamEmail.value,
                  role: "programme-team"
                }
              ]
            })
          : []
        yield* Output.result(
          c.json,
          [
            Texts.of(c.lang).communityReady(
              community.name,
              community.id,
              Environment.isPostgres(c.db) ? "PostgreSQL" : c.db
            ),
            ...(facilitators.length > 0 ? [Texts.of(c.lang).teamRegistered(facilitators.join(", "))] : []),
            Texts.of(c.lang).nextImport
          ],
          { community, facilitators }
        )
      })
    )
).pipe(Command.withDescription("Richt de community in (of werkt naam, taal en tijdzone bij). / Sets up the community."))
