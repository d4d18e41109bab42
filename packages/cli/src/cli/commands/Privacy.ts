/**
 * `grenzeloos export member | forget member`: a member's rights under the AVG.
 *
 * @internal
 */
import { Args, Command, Options } from "@effect/cli"
import { FileSystem } from "@effect/platform"
import { Effect, Option } from "effect"
import * as Environment from "../Environment.js"
import { NotConfirmed, Unwritable } from "../Errors.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group, withUseCases } from "./Shared.js"

// --- export / forget -----------------------------------------------------------------------------

const memberId = Args.text({ name: "lid-id" }).pipe(Args.withDescription("Het id van het lid, bijv. m-0001."))

const exportMember = Command.make(
  "member",
  {
    ...common,
    memberId,
    out: Options.text("out").pipe(
      Options.withDescription("Schrijf naar dit bestand in plaats van naar de uitvoer."),
      Options.optional
    )
  },
  (c) =>
    Effect.gen(function* () {
      const data = yield* withUseCases(c, Texts.of(c.lang).collecting, (uc) =>
        uc.exportMember(Environment.team(c), { memberId: c.memberId })
      )
      const text = JSON.stringify(Output.plain(data), null, 2)
      if (Option.isSome(c.out)) {
        const fs = yield* FileSystem.FileSystem
        const out = c.out.value
        yield* fs.writeFileString(out, `${text}\n`).pipe(Effect.mapError(Unwritable.fromWrite("--out", out, c.lang)))
        yield* Output.result(c.json, Texts.of(c.lang).exported(c.memberId, c.out.value), { file: c.out.value })
      } else yield* Output.result(true, text, data)
    })
).pipe(
  Command.withDescription(
    "Alles wat over een lid is opgeslagen, als JSON (AVG art. 15). / Everything stored about a member."
  )
)

export const exportCommand: Group<"export"> = Command.make("export").pipe(
  Command.withDescription("Gegevens uitvoeren. / Export data."),
  Command.withSubcommands([exportMember])
)

const forgetMember = Command.make(
  "member",
  {
    ...common,
    memberId,
    yes: Options.boolean("yes").pipe(Options.withDescription("Bevestig: dit kan niet ongedaan worden gemaakt."))
  },
  (c) =>
    Effect.gen(function* () {
      if (!c.yes) return yield* new NotConfirmed({ what: `grenzeloos forget member ${c.memberId}` })
      const forgotten = yield* withUseCases(c, Texts.of(c.lang).forgetting, (uc) =>
        uc.forgetMember(Environment.team(c), { memberId: c.memberId })
      )
      yield* Output.result(
        c.json,
        Texts.of(c.lang).forgotten(c.memberId, forgotten.intakes, forgotten.cases, forgotten.messagesRemoved),
        forgotten
      )
    })
).pipe(Command.withDescription("Vergeet een lid (AVG art. 17). / Forgets a member."))

export const forgetCommand: Group<"forget"> = Command.make("forget").pipe(
  Command.withDescription("Persoonsgegevens wissen. / Erase personal data."),
  Command.withSubcommands([forgetMember])
)
