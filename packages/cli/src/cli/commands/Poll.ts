/**
 * `grenzeloos poll request | import | answer`: asking the members when they can, and entering
 * their answers (from a form's export, or one by one).
 *
 * @internal
 */
import { Args, Command, Options } from "@effect/cli"
import { Path } from "@effect/platform"
import { DateTime, Effect, Redacted } from "effect"
import * as Columns from "../../import/Columns.js"
import * as PollAnswers from "../../import/PollAnswers.js"
import * as Spreadsheet from "../../import/Spreadsheet.js"
import * as Environment from "../Environment.js"
import { InvalidRows, NothingToDo } from "../Errors.js"
import * as Output from "../Output.js"
import { common, field, type Group, printProblems, say, withUseCases, zoneOf } from "./Shared.js"

const pollOption = Options.text("poll").pipe(
  Options.withDescription("De datumprikker, zoals meeting candidates hem noemde. / The poll.")
)

const ANSWER_TEXT = { yes: ["ja", "yes"], "if-need-be": ["als het moet", "if need be"], no: ["nee", "no"] } as const

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
    withUseCases(c, say(c.lang, "Leden om hun antwoord vragen", "Asking the members"), (uc) =>
      Effect.flatMap(uc.requestPollAnswers(Environment.team(c), { pollId: c.poll, ...field("url", c.url) }), (asked) =>
        Output.result(
          c.json,
          [
            say(
              c.lang,
              `${asked.asked} leden krijgen de datumprikker per e-mail, in hun eigen taal${asked.alreadyAnswered > 0 ? `; ${asked.alreadyAnswered} antwoordden al` : ""}.`,
              `${asked.asked} members get the poll by e-mail, in their own language${asked.alreadyAnswered > 0 ? `; ${asked.alreadyAnswered} have answered already` : ""}.`
            ),
            say(
              c.lang,
              "Verstuur met: grenzeloos outbox send. Voer de antwoorden in met: grenzeloos poll import antwoorden.csv --poll " +
                c.poll,
              `Send with: grenzeloos outbox send. Enter the answers with: grenzeloos poll import answers.csv --poll ${c.poll}`
            )
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
    skipInvalid: Options.boolean("skip-invalid").pipe(
      Options.withDescription("Neem de goede rijen en sla rijen met problemen over.")
    )
  },
  (c) =>
    Effect.gen(function* () {
      const path = yield* Path.Path
      const name = path.basename(c.file)
      const sheet = yield* Spreadsheet.readFile(c.file, name)
      yield* withUseCases(c, say(c.lang, "Antwoorden invoeren", "Entering the answers"), (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const poll = (yield* uc.listPolls(team, {})).find((p) => p.id === c.poll)
          if (poll === undefined)
            return yield* new NothingToDo({
              reason: say(c.lang, `er is geen datumprikker ${c.poll}`, `there is no poll ${c.poll}`),
              hint: say(c.lang, "geef de id die meeting candidates noemde", "give the id meeting candidates printed")
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
                  members: yield* Effect.forEach(directory, (m) =>
                    Effect.map(uc.getMember(team, { memberId: m.id }), (full) => ({
                      id: m.id as string,
                      name: m.name,
                      email: Redacted.value(full.email)
                    }))
                  ),
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
                  message: say(
                    c.lang,
                    "geen kopregel met een kolom lidnummer, e-mail of naam en de datums van de datumprikker gevonden",
                    "no header row with a member id, e-mail or name column and the poll's dates found"
                  )
                }
              ],
              hint: say(
                c.lang,
                `Zet in de eerste rijen een kopregel: Naam (of Lidnummer, E-mail) en per datum de datum, bijv. ${slots[0]?.date ?? "2027-02-09"}.`,
                `Put a header row in the first rows: Name (or Member id, E-mail) and each date, e.g. ${slots[0]?.date ?? "2027-02-09"}.`
              ),
              language: c.lang
            })
          yield* printProblems(c.json, read.remarks)
          if (read.problems.length > 0 && !c.skipInvalid)
            return yield* new InvalidRows({
              file: name,
              problems: read.problems,
              hint: say(
                c.lang,
                "Er is niets ingevoerd. Pas het bestand aan, of neem de goede rijen met --skip-invalid.",
                "Nothing was entered. Fix the file, or take the good rows with --skip-invalid."
              ),
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
              say(
                c.lang,
                `${recorded.recorded} antwoorden ingevoerd in de datumprikker "${poll.title}".`,
                `${recorded.recorded} answers entered in the poll "${poll.title}".`
              ),
              ...Output.table(
                say(c.lang, "Datum|Ja|Als het moet|Nee", "Date|Yes|If need be|No").split("|"),
                poll.slots.map((s) => [
                  Output.when(s.startsAt, zone),
                  count(s.id, "yes"),
                  count(s.id, "if-need-be"),
                  count(s.id, "no")
                ])
              ),
              say(
                c.lang,
                `Kies de datum met: grenzeloos meeting decide --poll ${poll.id}`,
                `Decide the date with: grenzeloos meeting decide --poll ${poll.id}`
              )
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
    withUseCases(c, say(c.lang, "Antwoord invoeren", "Entering the answer"), (uc) =>
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
          say(
            c.lang,
            `${name}: ${ANSWER_TEXT[c.answer][0]} op ${slot === undefined ? c.slot : Output.when(slot.startsAt, zone)}.`,
            `${name}: ${ANSWER_TEXT[c.answer][1]} for ${slot === undefined ? c.slot : Output.when(slot.startsAt, zone)}.`
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
