/**
 * `grenzeloos invite`: queues the invitations of a gathering and writes its `.ics`.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import { FileSystem, Path } from "@effect/platform"
import { ICalendar } from "@grenzeloos/core"
import { DateTime, Effect } from "effect"
import * as Environment from "../Environment.js"
import { Unwritable } from "../Errors.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group, listOption, withUseCases } from "./Shared.js"

// --- invite --------------------------------------------------------------------------------------

export const command: Group<"invite"> = Command.make(
  "invite",
  {
    ...common,
    gathering: Options.text("gathering").pipe(Options.withDescription("De bijeenkomst waarvoor wordt uitgenodigd.")),
    out: Options.text("out").pipe(
      Options.withDescription("De map voor het .ics-bestand."),
      Options.withDefault("invites")
    ),
    reminders: listOption("reminders", "Herinneringen zoveel dagen vooraf (standaard 7,1; leeg: geen).").pipe(
      Options.withDefault(["7", "1"])
    )
  },
  (c) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      // The folder is made before anything is queued, so an unwritable --out changes nothing.
      yield* fs
        .makeDirectory(c.out, { recursive: true })
        .pipe(Effect.mapError(Unwritable.fromWrite("--out", c.out, c.lang)))
      const { sent, reminders } = yield* withUseCases(c, Texts.of(c.lang).inviting, (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const sent = yield* uc.sendInvitations(team, { gatheringId: c.gathering })
          const daysBefore = c.reminders.map(Number).filter((n) => Number.isInteger(n))
          const reminders =
            daysBefore.length === 0
              ? { queued: 0 }
              : yield* uc.sendReminders(team, { gatheringId: c.gathering, daysBefore })
          return { sent, reminders }
        })
      )
      const ics = yield* ICalendar.Invitation.render({
        method: "REQUEST",
        events: [sent.event],
        stamp: yield* DateTime.now
      })
      const file = path.join(c.out, `${c.gathering}.ics`)
      yield* fs.writeFileString(file, ics).pipe(Effect.mapError(Unwritable.fromWrite("--out", file, c.lang)))
      yield* Output.result(c.json, Texts.of(c.lang).invited(sent.invited, sent.messages, file), {
        id: c.gathering,
        status: "invited",
        invited: sent.invited,
        messages: sent.messages,
        reminders: reminders.queued,
        file
      })
    })
).pipe(
  Command.withDescription(
    "Zet de uitnodigingen klaar en schrijft het .ics-bestand. / Queues the invitations and writes the .ics file."
  )
)
