/**
 * `grenzeloos vote open | import | withdraw | close`: the vote on the backlog that sets a gathering's programme.
 *
 * @internal
 */
import { Args, Command, Options } from "@effect/cli"
import { Path } from "@effect/platform"
import { DateTime, Effect, Option, Redacted } from "effect"
import * as Ballots from "../../import/Ballots.js"
import * as Spreadsheet from "../../import/Spreadsheet.js"
import * as Environment from "../Environment.js"
import { InvalidRows } from "../Errors.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { common, type Group, printProblems, readBytes, withUseCases } from "./Shared.js"

// --- vote ----------------------------------------------------------------------------------------

const voteImport = Command.make(
  "import",
  {
    ...common,
    file: Args.file({ name: "bestand", exists: "yes" }).pipe(
      Args.withDescription(
        "Stemmen: per rij een lid (kolom lidnummer of e-mail), per thema een kolom met een x bij een keuze."
      )
    ),
    vote: Options.text("vote").pipe(
      Options.withDescription("De stemronde (standaard: een nieuwe stemronde over de hele voorraadagenda)."),
      Options.optional
    ),
    title: Options.text("title").pipe(
      Options.withDescription("De titel van een nieuwe stemronde."),
      Options.withDefault("Stemronde")
    ),
    skipInvalid: Options.boolean("skip-invalid").pipe(
      Options.withDescription("Neem de goede rijen en sla rijen met problemen over.")
    )
  },
  (c) =>
    Effect.gen(function* () {
      const path = yield* Path.Path
      const name = path.basename(c.file)
      const sheet = yield* Effect.flatMap(readBytes(c.file), (bytes) => Spreadsheet.read(bytes, name))
      yield* withUseCases(c, Texts.of(c.lang).importingBallots, (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          // The file is read and checked before a new round is opened, so that a bad file does
          // not leave an open round (and vote requests to every member) behind.
          const candidates = yield* uc.listThemes(team, Option.isSome(c.vote) ? {} : { status: "backlog" })
          const themes = candidates.map((t) => ({ id: t.id as string, title: t.title }))
          const directory = yield* uc.directory(team)
          const byId = Ballots.fromSheet(sheet, {
            themes,
            members: directory.map((m) => ({ id: m.id })),
            language: c.lang
          })
          // E-mail addresses are read (one member at a time, as the programme team may) only
          // when the sheet names members by address.
          const read =
            byId?.memberColumn.by === "email"
              ? Ballots.fromSheet(sheet, {
                  themes,
                  members: yield* Effect.forEach(directory, (m) =>
                    Effect.map(uc.getMember(team, { memberId: m.id }), (full) => ({
                      id: m.id as string,
                      email: Redacted.value(full.email)
                    }))
                  ),
                  language: c.lang
                })
              : byId
          if (read === undefined) {
            return yield* new InvalidRows({
              file: name,
              problems: [
                {
                  row: undefined,
                  column: undefined,
                  message: Texts.of(c.lang).noBallotHeader
                }
              ],
              hint: Texts.of(c.lang).ballotHeaderHint,
              language: c.lang
            })
          }
          yield* printProblems(c.json, read.remarks)
          if (read.problems.length > 0 && !c.skipInvalid) {
            return yield* new InvalidRows({
              file: name,
              problems: read.problems,
              hint: Texts.of(c.lang).nothingVoted,
              language: c.lang
            })
          }
          const round = Option.isSome(c.vote)
            ? { id: c.vote.value }
            : yield* uc.openVoting(team, {
                title: c.title,
                format: { _tag: "approval" },
                closesAt: DateTime.formatIso(DateTime.add(yield* DateTime.now, { days: 14 }))
              })
          yield* Effect.forEach(
            read.ballots,
            (b) =>
              uc.castBallot(Environment.member(c, b.memberId), {
                votingRoundId: round.id,
                content: { _tag: "approval", themeIds: b.themeIds }
              }),
            { discard: true }
          )
          yield* Output.result(c.json, Texts.of(c.lang).ballotsImported(read.ballots.length, round.id), {
            votingRoundId: round.id,
            ballots: read.ballots.length,
            skippedRows: read.problems.map((p) => p.row)
          })
        })
      )
    })
).pipe(Command.withDescription("Voert stemmen in uit een spreadsheet. / Imports ballots from a spreadsheet."))

export const command: Group<"vote"> = Command.make("vote").pipe(
  Command.withDescription("Stemmen over de voorraadagenda. / Voting on the backlog."),
  Command.withSubcommands([voteImport])
)
