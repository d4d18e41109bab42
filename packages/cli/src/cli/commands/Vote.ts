/**
 * `grenzeloos vote open | import | withdraw | close`: the vote on the backlog that sets a gathering's programme.
 *
 * @internal
 */
import { Args, Command, Options } from "@effect/cli"
import { Agenda, Services } from "@grenzeloos/core"
import { DateTime, Effect, Option } from "effect"
import * as Ballots from "../../import/Ballots.js"
import * as Environment from "../Environment.js"
import { InvalidRows } from "../Errors.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import {
  AGENDA_METHODS,
  common,
  field,
  type Group,
  printProblems,
  readSheet,
  skipInvalidOption,
  withEmails,
  withUseCases,
  zoneOf
} from "./Shared.js"

// --- vote ----------------------------------------------------------------------------------------

const voteImport = Command.make(
  "import",
  {
    ...common,
    file: Args.file({ name: "bestand", exists: "yes" }).pipe(
      Args.withDescription(
        "Stemmen: per rij een lid (kolom lidnummer, e-mail of naam), per thema een kolom met een x bij een keuze."
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
    skipInvalid: skipInvalidOption("Neem de goede rijen en sla rijen met problemen over.")
  },
  (c) =>
    Effect.gen(function* () {
      const { name, sheet } = yield* readSheet(c.file)
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
            members: directory.map((m) => ({ id: m.id, name: m.name })),
            language: c.lang
          })
          // E-mail addresses are read (one member at a time, as the programme team may) only
          // when the sheet names members by address.
          const read =
            byId?.memberColumn.by === "email"
              ? Ballots.fromSheet(sheet, {
                  themes,
                  members: yield* withEmails(uc, team, directory),
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
          yield* printProblems(c.json, read.remarks, c.lang)
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
                closesAt: DateTime.formatIso(
                  Services.Voting.closingTime(yield* DateTime.now, 14, yield* zoneOf(uc, team))
                )
              })
          // Recorded in one commit by the programme team, which carries the forms in: the members
          // who voted are no longer asked to vote.
          yield* uc.recordBallots(team, {
            votingRoundId: round.id,
            ballots: read.ballots.map((b) => ({
              memberId: b.memberId,
              content: { _tag: "approval" as const, themeIds: b.themeIds }
            }))
          })
          yield* Output.result(c.json, Texts.of(c.lang).ballotsImported(read.ballots.length, round.id), {
            votingRoundId: round.id,
            ballots: read.ballots.length,
            skippedRows: read.problems.map((p) => p.row)
          })
        })
      )
    })
).pipe(Command.withDescription("Voert stemmen in uit een spreadsheet. / Imports ballots from a spreadsheet."))

const voteOpen = Command.make(
  "open",
  {
    ...common,
    gathering: Options.text("gathering").pipe(
      Options.withDescription(
        "De bijeenkomst waarvan de stemming het programma kiest. / The gathering the vote is for."
      ),
      Options.optional
    ),
    title: Options.text("title").pipe(
      Options.withDescription("De titel van de stemronde (standaard: Programma <bijeenkomst>)."),
      Options.optional
    ),
    days: Options.integer("days").pipe(
      Options.withDescription("Hoeveel dagen de stemming open is (standaard 14)."),
      Options.withDefault(14)
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).openingVote, (uc) =>
      Effect.gen(function* () {
        const team = Environment.team(c)
        const wanted = Option.getOrUndefined(c.gathering)
        const gathering =
          wanted === undefined ? undefined : (yield* uc.listGatherings(team)).find((g) => g.id === wanted)
        // The end of the last day in the community's zone, not the minute the vote was opened.
        const zone = yield* zoneOf(uc, team)
        const closesAt = Services.Voting.closingTime(yield* DateTime.now, c.days, zone)
        const round = yield* uc.openVoting(team, {
          title: Option.getOrElse(c.title, () => Texts.of(c.lang).voteTitle(gathering?.title)),
          format: { _tag: "approval" },
          closesAt: DateTime.formatIso(closesAt),
          ...field("gatheringId", c.gathering)
        })
        yield* Output.result(
          c.json,
          [
            Texts.of(c.lang).voteOpened(round.title, Output.when(closesAt, zone, c.lang), round.themeIds.length),
            Texts.of(c.lang).enterBallotsWith(round.id)
          ],
          { id: round.id, status: round.status, round }
        )
      })
    )
).pipe(Command.withDescription("Opent een stemronde over de voorraadagenda. / Opens a vote on the backlog."))

const voteWithdraw = Command.make(
  "withdraw",
  {
    ...common,
    vote: Options.text("vote").pipe(Options.withDescription("De stemronde. / The voting round.")),
    member: Options.text("member").pipe(Options.withDescription("Het lid van wie de stem vervalt. / The member."))
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).withdrawingBallot, (uc) =>
      Effect.gen(function* () {
        const team = Environment.team(c)
        const withdrawn = yield* uc.withdrawBallot(team, { votingRoundId: c.vote, memberId: c.member })
        const name = (yield* uc.directory(team)).find((m) => m.id === c.member)?.name ?? c.member
        yield* Output.result(c.json, Texts.of(c.lang).ballotWithdrawn(name), withdrawn)
      })
    )
).pipe(Command.withDescription("Trekt de stem van een lid in. / Withdraws a member's ballot."))

/** `vote close` (and its old name `agenda prioritise`): closes the vote and sets the programme. */
export const close = <Name extends "close" | "prioritise">(name: Name): Group<Name> =>
  Command.make(
    name,
    {
      ...common,
      vote: Options.text("vote").pipe(Options.withDescription("De stemronde die wordt gesloten.")),
      gathering: Options.text("gathering").pipe(
        Options.withDescription("De bijeenkomst die dit programma krijgt (standaard die van de stemronde)."),
        Options.optional
      ),
      method: Options.choice("method", AGENDA_METHODS).pipe(
        Options.withDescription(
          "De methode (standaard equal-shares: de Method of Equal Shares; perpetual-phragmen en equal-shares-carried nemen tegoed mee van eerdere stemrondes)."
        ),
        Options.withDefault("equal-shares" as const)
      ),
      minutes: Options.integer("minutes").pipe(
        Options.withDescription("De tijd voor het programma."),
        Options.withDefault(180)
      ),
      maxThemes: Options.integer("max-themes").pipe(
        Options.withDescription("Hoogstens zoveel thema's."),
        Options.optional
      ),
      updateInvitees: Options.boolean("update-invitees").pipe(
        Options.withDescription(
          "De uitnodigingen zijn al verstuurd: verander het programma toch en stuur iedereen de wijziging."
        )
      ),
      force: Options.boolean("force").pipe(
        Options.withDescription("Sluit ook als nog niemand stemde (het programma komt dan niet uit stemmen).")
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
            ...Option.match(c.maxThemes, { onNone: () => ({}), onSome: (maxThemes) => ({ rules: { maxThemes } }) }),
            ...field("gatheringId", c.gathering),
            ...(c.updateInvitees ? { updateInvitees: true } : {}),
            ...(c.force ? { force: true } : {})
          })
          const titles = new Map((yield* uc.listThemes(team, {})).map((t) => [t.id as string, t.title]))
          const r = closed.result
          yield* Output.result(
            c.json,
            [
              // The engine's summary is in the community's language; it is told again in --lang's.
              Agenda.Texts.summary(c.lang, r.unit, {
                method: r.method,
                themes: r.programme.length,
                used: r.used,
                budget: r.budget,
                members: r.fairness.voters,
                withAtLeastOne: r.fairness.withAtLeastOne
              }),
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
              Texts.of(c.lang).fairness(Math.round(r.fairness.shareWithAtLeastOne * 100), r.fairness.voters),
              ...(closed.gathering === undefined
                ? [Texts.of(c.lang).programmeWithoutGathering]
                : [
                    Texts.of(c.lang).programmeOf(
                      closed.gathering.title,
                      closed.gathering.programme.map((p) => titles.get(p.themeId) ?? p.themeId)
                    ),
                    ...((closed.updated ?? 0) > 0 ? [Texts.of(c.lang).inviteesUpdated(closed.updated ?? 0)] : [])
                  ])
            ],
            { id: closed.round.id, status: closed.round.status, ...closed }
          )
        })
      )
  ).pipe(
    Command.withDescription("Sluit de stemronde en kiest het programma. / Closes the vote and chooses the programme.")
  )

export const command: Group<"vote"> = Command.make("vote").pipe(
  Command.withDescription("Stemmen over de voorraadagenda. / Voting on the backlog."),
  Command.withSubcommands([voteOpen, voteImport, voteWithdraw, close("close")])
)
