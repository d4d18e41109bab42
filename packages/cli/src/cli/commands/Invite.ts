/**
 * `grenzeloos invite`: queues the invitations of a gathering and writes its `.ics`.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import { FileSystem, Path } from "@effect/platform"
import { ICalendar } from "@grenzeloos/core"
import { DateTime, Effect, Either } from "effect"
import * as Environment from "../Environment.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group, withUseCases } from "./Shared.js"

// --- invite --------------------------------------------------------------------------------------

export const command: Group<"invite"> = Command.make(
  "invite",
  {
    ...common,
    gathering: Options.text("gathering").pipe(Options.withDescription("De bijeenkomst waarvoor wordt uitgenodigd.")),
    out: Options.directory("out").pipe(
      Options.withDescription("De map voor het .ics-bestand."),
      Options.withDefault("invites")
    )
  },
  (c) =>
    Effect.gen(function* () {
      const sent = yield* withUseCases(c, Texts.of(c.lang).inviting, (uc) =>
        uc.sendInvitations(Environment.team(c), { gatheringId: c.gathering })
      )
      const ics = yield* Either.match(
        ICalendar.Invitation.render({ method: "REQUEST", events: [sent.event], stamp: yield* DateTime.now }),
        { onLeft: Effect.fail, onRight: Effect.succeed }
      )
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      yield* fs.makeDirectory(c.out, { recursive: true })
      const file = path.join(c.out, `${c.gathering}.ics`)
      yield* fs.writeFileString(file, ics)
      yield* Output.result(c.json, Texts.of(c.lang).invited(sent.invited, sent.messages, file), {
        invited: sent.invited,
        messages: sent.messages,
        file
      })
    })
).pipe(
  Command.withDescription(
    "Zet de uitnodigingen klaar en schrijft het .ics-bestand. / Queues the invitations and writes the .ics file."
  )
)
