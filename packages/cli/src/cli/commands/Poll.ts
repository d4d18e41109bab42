/**
 * `grenzeloos poll request | import | answer`: asking the members when they can, and entering
 * their answers (from a form's export, or one by one).
 *
 * @internal
 */
import { Args, Command, Options } from "@effect/cli"
import { DateTime, Effect } from "effect"
import * as Columns from "../../import/Columns.js"
import * as PollAnswers from "../../import/PollAnswers.js"
import * as Environment from "../Environment.js"
import { InvalidRows, NothingToDo } from "../Errors.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import {
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

const pollOption = Options.text("poll").pipe(
  Options.withDescription("De datumprikker, zoals meeting candidates hem noemde. / The poll.")
)

const pollRequest = Command.make(
  "request",
  {
    ...common,
    poll: pollOption,
    url: Options.text("url").pipe(
      Options.withDescription("Een https-link naar het formulier waar leden antwoorden (staat in het bericht)."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).askingMembers, (uc) =>
      Effect.flatMap(uc.requestPollAnswers(Environment.team(c), { pollId: c.poll, ...field("url", c.url) }), (asked) =>
        Output.result(
          c.json,
          [
            Texts.of(c.lang).pollRequested(asked.asked, asked.alreadyAnswered),
            Texts.of(c.lang).pollRequestNext(c.poll)
          ],
          asked
        )
      )
    )
).pipe(Command.withDescription("Mailt elk actief lid de datumprikker. / E-mails every active member the poll."))

const pollImport = Command.make(
  "import",
  {
    ...common,
    file: Args.file({ name: "bestand", exists: "yes" }).pipe(
      Args.withDescription(
        "Antwoorden: per rij een lid (kolom lidnummer, e-mail of naam), per datum een kolom met ja, als het moet of nee."
      )
    ),
    poll: pollOption,
    skipInvalid: skipInvalidOption("Neem de goede rijen en sla rijen met problemen over.")
  },
  (c) =>
    Effect.gen(function* () {
      const { name, sheet } = yield* readSheet(c.file)
      yield* withUseCases(c, Texts.of(c.lang).enteringAnswers, (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const poll = (yield* uc.listPolls(team, {})).find((p) => p.id === c.poll)
          if (poll === undefined)
            return yield* new NothingToDo({
              reason: Texts.of(c.lang).noSuchPoll(c.poll),
              hint: Texts.of(c.lang).noSuchPollHint
            })
          const zone = yield* zoneOf(uc, team)
          const slots = poll.slots.map((s) => {
            const local = DateTime.unsafeSetZoneNamed(s.startsAt, zone)
            const iso = DateTime.formatIsoZoned(local)
            return { id: s.id as string, date: iso.slice(0, 10), time: iso.slice(11, 16) }
          })
          const directory = yield* uc.directory(team)
          const byName = PollAnswers.fromSheet(sheet, {
            slots,
            members: directory.map((m) => ({ id: m.id, name: m.name })),
            language: c.lang
          })
          // E-mail addresses are read (one member at a time, as the programme team may) only
          // when the sheet names members by address.
          const read =
            byName !== undefined && Columns.fieldOf(byName.memberColumn) === "email"
              ? PollAnswers.fromSheet(sheet, {
                  slots,
                  members: yield* withEmails(uc, team, directory),
                  language: c.lang
                })
              : byName
          if (read === undefined)
            return yield* new InvalidRows({
              file: name,
              problems: [
                {
                  row: undefined,
                  column: undefined,
                  message: Texts.of(c.lang).noPollHeader
                }
              ],
              hint: Texts.of(c.lang).pollHeaderHint(slots[0]?.date ?? "2027-02-09"),
              language: c.lang
            })
          yield* printProblems(c.json, read.remarks, c.lang)
          if (read.problems.length > 0 && !c.skipInvalid)
            return yield* new InvalidRows({
              file: name,
              problems: read.problems,
              hint: Texts.of(c.lang).nothingVoted,
              language: c.lang
            })
          const recorded = yield* uc.recordPollAnswers(team, {
            pollId: poll.id,
            responses: read.rows.map((r) => ({ memberId: r.memberId, answers: r.answers }))
          })
          const count = (slotId: string, answer: PollAnswers.Answer) =>
            read.rows.filter((r) => r.answers.some((a) => a.slotId === slotId && a.answer === answer)).length
          yield* Output.result(
            c.json,
            [
              Texts.of(c.lang).answersEntered(recorded.recorded, poll.title),
              ...Output.table(
                Texts.of(c.lang).answersHeader,
                poll.slots.map((s) => [
                  Output.when(s.startsAt, zone, c.lang),
                  count(s.id, "yes"),
                  count(s.id, "if-need-be"),
                  count(s.id, "no")
                ])
              ),
              Texts.of(c.lang).decideWith(poll.id)
            ],
            { ...recorded, skippedRows: read.problems.map((p) => p.row) }
          )
        })
      )
    })
).pipe(Command.withDescription("Voert antwoorden op de datumprikker in uit een spreadsheet. / Imports poll answers."))

const pollAnswer = Command.make(
  "answer",
  {
    ...common,
    poll: pollOption,
    member: Options.text("member").pipe(Options.withDescription("Het lid dat antwoordt. / The member.")),
    slot: Options.text("slot").pipe(Options.withDescription("De datum, zoals meeting candidates haar noemde.")),
    // In Dutch too: "ja", "als-het-moet" (or "misschien") and "nee".
    answer: Options.choiceWithValue("answer", [
      ["yes", "yes"],
      ["ja", "yes"],
      ["if-need-be", "if-need-be"],
      ["als-het-moet", "if-need-be"],
      ["misschien", "if-need-be"],
      ["no", "no"],
      ["nee", "no"]
    ] as const).pipe(Options.withDescription("ja, als-het-moet of nee (yes, if-need-be, no)."))
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).enteringAnswer, (uc) =>
      Effect.gen(function* () {
        const team = Environment.team(c)
        // The member's answers for the other dates stay as they were: an answer replaces the
        // member's whole response, so the earlier ones are read back from the poll's standing.
        const standing = yield* uc.pollStanding(team, { pollId: c.poll })
        const earlier = ("ranking" in standing ? standing.ranking : []).flatMap((s) => {
          const has = (ids: ReadonlyArray<string>) => ids.some((id) => id === c.member)
          const answer = has(s.yes)
            ? ("yes" as const)
            : has(s.ifNeedBe)
              ? ("if-need-be" as const)
              : has(s.no)
                ? ("no" as const)
                : undefined
          return answer === undefined || s.slotId === c.slot ? [] : [{ slotId: s.slotId as string, answer }]
        })
        const recorded = yield* uc.recordPollAnswers(team, {
          pollId: c.poll,
          responses: [{ memberId: c.member, answers: [...earlier, { slotId: c.slot, answer: c.answer }] }]
        })
        const name = (yield* uc.directory(team)).find((m) => m.id === c.member)?.name ?? c.member
        const poll = (yield* uc.listPolls(team, {})).find((p) => p.id === c.poll)
        const slot = poll?.slots.find((s) => s.id === c.slot)
        const zone = yield* zoneOf(uc, team)
        yield* Output.result(
          c.json,
          Texts.of(c.lang).answerEntered(
            name,
            c.answer,
            slot === undefined ? c.slot : Output.when(slot.startsAt, zone, c.lang)
          ),
          recorded
        )
      })
    )
).pipe(Command.withDescription("Voert het antwoord van één lid in. / Enters one member's answer."))

export const command: Group<"poll"> = Command.make("poll").pipe(
  Command.withDescription("De datumprikker: vragen en antwoorden invoeren. / The availability poll."),
  Command.withSubcommands([pollRequest, pollImport, pollAnswer])
)
