/**
 * `grenzeloos members import | list`: the members from a spreadsheet, and the directory.
 *
 * @internal
 */
import { Args, Command, Options } from "@effect/cli"
import { Effect, Option, Schema } from "effect"
import * as MemberImport from "../../import/Members.js"
import * as Spreadsheet from "../../import/Spreadsheet.js"
import * as Environment from "../Environment.js"
import { InvalidRows } from "../Errors.js"
import * as Output from "../Output.js"
import * as Texts from "../Texts.js"
import {
  common,
  type Group,
  printProblems,
  readBytes,
  readSheet,
  SLOW_IMPORT_ROWS,
  skipInvalidOption,
  withUseCases
} from "./Shared.js"

// --- members -------------------------------------------------------------------------------------

const membersImport = Command.make(
  "import",
  {
    ...common,
    file: Args.file({ name: "bestand", exists: "yes" }).pipe(
      Args.withDescription("Een ledenlijst: .csv (; of ,, met of zonder BOM, Excel-export) of .xlsx.")
    ),
    skipInvalid: skipInvalidOption(
      "Importeer de goede rijen en sla rijen met problemen over (standaard: niets importeren zolang er problemen zijn)."
    ),
    organisations: Options.file("organisations", { exists: "yes" }).pipe(
      Options.withDescription(
        "Een tekstbestand met de organisaties van de community, één per regel: andere worden gemeld."
      ),
      Options.optional
    ),
    defaultLanguage: Options.choice("default-language", ["nl", "en"]).pipe(
      Options.withDescription("De taal van leden bij wie de kolom taal leeg is (standaard nl)."),
      Options.withDefault("nl" as const)
    )
  },
  (c) =>
    Effect.gen(function* () {
      const { name, sheet } = yield* readSheet(c.file)
      const organisations = yield* Option.match(c.organisations, {
        onNone: () => Effect.succeed(undefined),
        onSome: (file) =>
          Effect.map(readBytes(file), (bytes) =>
            Spreadsheet.decodeText(bytes)
              .text.split(/\r?\n/)
              .map((line) => line.trim())
              .filter((line) => line !== "")
          )
      })
      const read = yield* MemberImport.fromSheet(sheet, {
        file: name,
        defaultLanguage: c.defaultLanguage,
        language: c.lang,
        ...(organisations === undefined ? {} : { organisations })
      })
      yield* printProblems(c.json, read.remarks, c.lang)
      if (read.problems.length > 0 && !c.skipInvalid) {
        return yield* new InvalidRows({
          file: name,
          problems: read.problems,
          hint: Texts.of(c.lang).nothingImported,
          language: c.lang
        })
      }
      const registered = yield* withUseCases(
        c,
        Texts.of(c.lang).registering(read.members.length),
        (uc) =>
          uc.registerMembers(Environment.team(c), {
            members: read.members.map((m) => Schema.encodeSync(MemberImport.MemberRow)(m.member))
          }),
        undefined,
        read.members.length >= SLOW_IMPORT_ROWS
      )
      yield* Effect.forEach(
        read.problems,
        (p) => Output.note(c.json, Texts.of(c.lang).skipped(p.row, p.column, p.message)),
        {
          discard: true
        }
      )
      yield* Output.result(
        c.json,
        Texts.of(c.lang).imported(
          name,
          read.members.length,
          read.header.row,
          registered.created.length,
          registered.updated.length,
          registered.unchanged.length,
          read.invalidRows
        ),
        {
          file: name,
          format: sheet.format,
          headerRow: read.header.row,
          created: registered.created,
          updated: registered.updated,
          unchanged: registered.unchanged,
          skippedRows: read.invalidRows,
          problems: read.problems
        }
      )
    })
).pipe(
  Command.withDescription(
    "Importeert leden uit een spreadsheet; opnieuw importeren verandert niets. / Imports members from a spreadsheet; importing again changes nothing."
  )
)

const membersList = Command.make("list", { ...common }, (c) =>
  withUseCases(c, Texts.of(c.lang).fetchingMembers, (uc) =>
    Effect.flatMap(uc.directory(Environment.team(c)), (members) =>
      Output.result(
        c.json,
        members.length === 0
          ? Texts.of(c.lang).noMembers
          : [
              ...Output.table(
                Texts.of(c.lang).membersHeader,
                members.map((m) => [m.id, m.name, m.organisation, m.programme, Texts.of(c.lang).memberStatus(m.status)])
              ),
              "",
              Texts.of(c.lang).memberCount(members.length)
            ],
        members
      )
    )
  )
).pipe(Command.withDescription("Toont de ledenlijst (zonder e-mailadressen). / Lists the members."))

export const command: Group<"members"> = Command.make("members").pipe(
  Command.withDescription("Leden importeren en tonen. / Import and list members."),
  Command.withSubcommands([membersImport, membersList])
)
