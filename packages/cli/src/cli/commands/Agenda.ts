/**
 * `grenzeloos agenda prioritise`: the old name of `vote close`, kept for scripts.
 *
 * @internal
 */
import { Command } from "@effect/cli"
import type { Group } from "./Shared.js"
import * as Vote from "./Vote.js"

// --- agenda --------------------------------------------------------------------------------------

export const command: Group<"agenda"> = Command.make("agenda").pipe(
  Command.withDescription("Het programma van de bijeenkomst. / The gathering's programme."),
  Command.withSubcommands([Vote.close("prioritise")])
)
