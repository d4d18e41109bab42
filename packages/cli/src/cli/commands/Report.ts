/**
 * `grenzeloos report`: report.html from what the store holds.
 *
 * @internal
 */
import { Command, Options } from "@effect/cli"
import { FileSystem } from "@effect/platform"
import type { Domain } from "@grenzeloos/core"
import { DateTime, Effect, type Either, Option } from "effect"
import * as ReportHtml from "../../report/Report.js"
import * as Saved from "../../report/Saved.js"
import * as Environment from "../Environment.js"
import { InvalidRows, Unwritable } from "../Errors.js"
import * as Messages from "../Messages.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import { AGENDA_METHODS, common, type Group, type UseCasesService, withUseCases } from "./Shared.js"

// --- report --------------------------------------------------------------------------------------

const METHODS = AGENDA_METHODS

type Vote = NonNullable<Effect.Effect.Success<ReturnType<UseCasesService["getProgramme"]>>["vote"]>

/** The programme section from a closed vote's stored result. */
const agendaOf = (vote: Vote): ReportHtml.AgendaSection | undefined => {
  const result = vote.result
  if (result === undefined) return undefined
  const method = (METHODS as ReadonlyArray<string>).includes(result.method)
    ? (result.method as (typeof METHODS)[number])
    : "greedy"
  return {
    title: vote.title,
    result: {
      method,
      unit: "minutes",
      budget: result.budgetMinutes,
      used: result.usedMinutes,
      summary: result.summary,
      programme: vote.outcomes.filter((o) => o.inProgramme),
      backlog: vote.outcomes,
      fairness: { ...result.fairness, members: [] }
    },
    themes: vote.outcomes.map((o) => ({ id: o.themeId, title: o.title }))
  }
}

export const command: Group<"report"> = Command.make(
  "report",
  {
    ...common,
    out: Options.text("out").pipe(
      Options.withDescription("Het bestand voor het verslag."),
      Options.withDefault("report.html")
    ),
    round: Options.text("round").pipe(
      Options.withDescription("De ronde van de leergroepen (standaard de laatste)."),
      Options.optional
    ),
    poll: Options.text("poll").pipe(
      Options.withDescription("De datumprikker (standaard de laatste)."),
      Options.optional
    ),
    title: Options.text("title").pipe(
      Options.withDescription("De naam van de community boven het verslag (standaard de naam uit init)."),
      Options.optional
    ),
    groups: Options.file("groups", { exists: "yes" }).pipe(
      Options.withDescription("De uitvoer van groups form --json: de leergroepen met waarom per lid."),
      Options.optional
    ),
    agenda: Options.file("agenda", { exists: "yes" }).pipe(
      Options.withDescription("De uitvoer van agenda prioritise --json: het programma met de stemmen erachter."),
      Options.optional
    ),
    simulation: Options.file("simulation", { exists: "yes" }).pipe(
      Options.withDescription(
        "De uitvoer van pnpm --silent bench fairness --json: de minderheid in de simulatie, per methode."
      ),
      Options.optional
    )
  },
  (c) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      // A saved file that is not what it should be is refused with the file, each problem's
      // place in it, and the command that makes it, in the person's language.
      const saved = <A>(
        option: "--groups" | "--agenda" | "--simulation",
        file: Option.Option<string>,
        read: (text: string, file: string) => Either.Either<A, Domain.DecodeError>
      ) =>
        Option.match(file, {
          onNone: () => Effect.succeed(undefined),
          onSome: (path) =>
            Effect.flatMap(fs.readFileString(path), (text) =>
              Effect.mapError(
                read(text, path),
                (error) =>
                  new InvalidRows({
                    file: path,
                    problems: error.problems.map((p) => ({
                      row: undefined,
                      column: undefined,
                      message: `${p.path === "" ? "" : `${p.path} `}${Messages.inLanguage(p.message, c.lang)}`
                    })),
                    hint: Texts.of(c.lang).reportSavedFile(option),
                    language: c.lang
                  })
              )
            )
        })
      const savedGroups = yield* saved("--groups", c.groups, Saved.groups)
      const savedAgenda = yield* saved("--agenda", c.agenda, Saved.agenda)
      const simulation = yield* saved("--simulation", c.simulation, Saved.simulation)
      const input = yield* withUseCases(c, Texts.of(c.lang).reporting, (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const directory = yield* uc.directory(team)
          const facilitators = yield* uc.listFacilitators(team)
          const community = yield* uc.getCommunity(team)
          // Without --round or --poll: the latest round and the latest poll, when there is one.
          const roundId = Option.isSome(c.round) ? c.round.value : (yield* uc.listRounds(team)).at(-1)?.id
          const polls = yield* uc.listPolls(team, {})
          const pollId = Option.isSome(c.poll) ? c.poll.value : polls.at(-1)?.id
          const pollGatheringId = polls.find((p) => p.id === pollId)?.gatheringId
          // The stored grouping: each group under the name its members were e-mailed, with why per member.
          const grouping = roundId === undefined ? undefined : yield* uc.getGrouping(team, { roundId, language: "nl" })
          const standing = pollId === undefined ? undefined : yield* uc.pollStanding(team, { pollId })
          const gatherings = yield* uc.listGatherings(team)
          // The poll's standing does not name its gathering: take the gathering's title and length
          // only when one gathering is being planned or scheduled, so they cannot be another's.
          const current = gatherings.filter(
            (g) => g.status !== "held" && g.status !== "closed" && g.status !== "cancelled"
          )
          // The poll's own gathering when it names one (also once moved or cancelled), else the one
          // being planned.
          const gathering =
            gatherings.find((g) => pollGatheringId !== undefined && g.id === pollGatheringId) ??
            (current.length === 1 ? current[0] : undefined)
          // The programme of the latest gathering whose vote is closed, with the vote's stored result.
          const withVote = yield* Effect.forEach([...gatherings].reverse(), (g) =>
            uc.getProgramme(team, { gatheringId: g.id })
          )
          const vote = withVote.map((p) => p.vote).find((v) => v !== null && v.result !== undefined)
          const storedAgenda = vote === undefined || vote === null ? undefined : agendaOf(vote)
          // Fairness over the year: the stored records of the carried votes (none without one).
          const fairness = yield* uc.getFairness(team)
          const attendanceYear = standing?._tag === "Decided" ? standing.fairness : undefined
          const now = yield* DateTime.now
          // Attendance over the year: the gatherings held in the 365 days before now, oldest first.
          const yearAgo = DateTime.subtract(now, { days: 365 })
          const held = gatherings
            .flatMap((g) =>
              (g.status === "held" || g.status === "closed") &&
              g.startsAt !== undefined &&
              DateTime.greaterThanOrEqualTo(g.startsAt, yearAgo)
                ? [
                    {
                      title: g.title,
                      startsAt: g.startsAt,
                      // Who was invited, from the gathering's stored invitees (unknown for a
                      // gathering invited before they were stored).
                      ...(g.invitees.length === 0 ? {} : { invited: g.invitees.length }),
                      accepted: g.rsvps.filter((r) => r.response === "yes").length,
                      attended: g.attendance.length
                    }
                  ]
                : []
            )
            .sort((a, b) => DateTime.toEpochMillis(a.startsAt) - DateTime.toEpochMillis(b.startsAt))
          const input: ReportHtml.ReportInput = {
            community: { name: Option.getOrElse(c.title, () => community.name) },
            generatedAt: now,
            ...(held.length === 0 ? {} : { attendance: held }),
            people: [
              ...directory.map((m) => ({
                id: m.id,
                name: m.name,
                organisation: m.organisation,
                programme: m.programme
              })),
              ...facilitators.map((f) => ({ id: f.id, name: f.name }))
            ],
            ...(savedAgenda === undefined
              ? storedAgenda === undefined
                ? {}
                : { agenda: storedAgenda }
              : {
                  agenda: {
                    title: savedAgenda.title,
                    result: savedAgenda.result,
                    themes: (yield* uc.listThemes(team, {})).map((t) => ({ id: t.id, title: t.title }))
                  }
                }),
            ...(savedGroups !== undefined
              ? { groups: savedGroups }
              : grouping === undefined || grouping.groups.length === 0
                ? {}
                : {
                    groups: {
                      title: grouping.round.name,
                      grouping: {
                        groups: grouping.groups.map((g, index) => ({
                          index,
                          name: g.name,
                          memberIds: g.members.map((m) => m.id),
                          facilitatorId: g.facilitator === null ? undefined : g.facilitator.id
                        })),
                        explanations: grouping.groups.flatMap((g) =>
                          g.members.flatMap((m) =>
                            m.explanation === null ? [] : [{ memberId: m.id, text: m.explanation }]
                          )
                        ),
                        unmet: []
                      }
                    }
                  }),
            // Fairness over the year: the carried votes' records, the members' chances to attend
            // the year's gatherings (from the poll's decision) and, when given, the simulation.
            ...(fairness.length === 0 && attendanceYear === undefined && simulation === undefined
              ? {}
              : {
                  fairness: {
                    ...(fairness.length === 0 ? {} : { records: fairness }),
                    ...(attendanceYear === undefined ? {} : { attendance: attendanceYear }),
                    ...(simulation === undefined ? {} : { simulation })
                  }
                }),
            ...(standing === undefined
              ? {}
              : {
                  meeting: {
                    title: gathering?.title ?? "Datum",
                    decision: standing,
                    ...(gathering === undefined ? {} : { durationMinutes: gathering.durationMinutes }),
                    // What happened to the date since the poll decided it.
                    ...(gathering?.status === "cancelled"
                      ? { since: { _tag: "Cancelled" as const } }
                      : gathering?.startsAt !== undefined &&
                          standing._tag === "Decided" &&
                          DateTime.toEpochMillis(gathering.startsAt) !==
                            DateTime.toEpochMillis(standing.chosen.startsAt)
                        ? { since: { _tag: "Moved" as const, startsAt: gathering.startsAt } }
                        : {})
                  }
                })
          }
          return input
        })
      )
      if (input.groups === undefined) yield* Output.note(c.json, Texts.of(c.lang).reportWithoutGroups)
      if (input.agenda === undefined) yield* Output.note(c.json, Texts.of(c.lang).reportWithoutAgenda)
      if (input.meeting === undefined) yield* Output.note(c.json, Texts.of(c.lang).reportWithoutDate)
      yield* fs
        .writeFileString(c.out, ReportHtml.render(input))
        .pipe(Effect.mapError(Unwritable.fromWrite("--out", c.out, c.lang)))
      yield* Output.result(c.json, Texts.of(c.lang).reportWritten(c.out), { file: c.out })
    })
).pipe(Command.withDescription("Schrijft report.html: leergroepen, programma en datum. / Writes report.html."))
