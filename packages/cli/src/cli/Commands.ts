/**
 * The commands of `grenzeloos`, each a thin layer over the community's use cases
 * (`Services.UseCases` of `@grenzeloos/core`): parse the options, call the use case as the
 * programme team, print the result as text or `--json`. No command reads or writes the store
 * itself.
 *
 * @since 0.1.0
 */
import { Args, Command, HelpDoc, Options } from "@effect/cli"
import { FileSystem, Path, type Terminal } from "@effect/platform"
import { Domain, ICalendar, Scheduling, Services } from "@grenzeloos/core"
import { Config, DateTime, Effect, Either, Option, Redacted, Schema } from "effect"
import * as Ballots from "../import/Ballots.js"
import * as MemberImport from "../import/Members.js"
import * as Spreadsheet from "../import/Spreadsheet.js"
import * as Report from "../report/Report.js"
import * as Saved from "../report/Saved.js"
import * as Environment from "./Environment.js"
import { InvalidRows, NotConfirmed, NothingToDo } from "./Errors.js"
import * as Output from "./Output.js"
import * as Progress from "./Progress.js"
import * as Texts from "./Texts.js"

// --- Options every command takes -----------------------------------------------------------------

const common = {
  db: Options.text("db").pipe(
    Options.withDescription(
      "De database: een SQLite-bestand of een postgres://-URL (standaard: grenzeloos.db, of GRENZELOOS_DB). / The database: a SQLite file or a postgres:// URL."
    ),
    Options.withFallbackConfig(Config.string("GRENZELOOS_DB").pipe(Config.withDefault("grenzeloos.db")))
  ),
  community: Options.text("community").pipe(
    Options.withDescription(
      "Het id van de community (standaard: grenzeloos, of GRENZELOOS_COMMUNITY). / The community's id."
    ),
    Options.withFallbackConfig(Config.string("GRENZELOOS_COMMUNITY").pipe(Config.withDefault("grenzeloos")))
  ),
  as: Options.text("as").pipe(
    Options.withDescription(
      "Wie van het programmateam dit doet: een begeleider-id (standaard: programmateam, of GRENZELOOS_AS). / Who of the programme team is acting."
    ),
    Options.withFallbackConfig(Config.string("GRENZELOOS_AS").pipe(Config.withDefault("programmateam")))
  ),
  json: Options.boolean("json").pipe(
    Options.withDescription("Uitvoer als één JSON-document, voor scripts. / Output as one JSON document, for scripts.")
  ),
  lang: Options.choice("lang", ["nl", "en"]).pipe(
    Options.withDescription("De taal van de uitvoer (standaard nl, of GRENZELOOS_LANG). / The language of the output."),
    Options.withFallbackConfig(Config.literal("nl", "en")("GRENZELOOS_LANG").pipe(Config.withDefault("nl" as const)))
  )
} as const

type UseCasesService = Services.UseCases.UseCasesService

/** Runs `f` with the use cases over `--db`, showing progress when it takes more than a second. */
const withUseCases = <A, E>(
  c: Environment.Common,
  label: string,
  f: (useCases: UseCasesService) => Effect.Effect<A, E>,
  expectedMs?: number,
  announce = false
) =>
  Effect.flatMap(Services.UseCases.UseCases, (useCases) =>
    Progress.around(Progress.stderr(c.json), label, expectedMs, { announce })(f(useCases))
  ).pipe(Effect.provide(Environment.useCasesLayer(c.db)))

// Measured on the 2-core reference machine: registering 1,000 members takes over a second.
const SLOW_IMPORT_ROWS = 1000

const readBytes = (file: string) =>
  Effect.flatMap(FileSystem.FileSystem, (fs) =>
    fs.readFile(file).pipe(
      Effect.mapError(
        (cause) =>
          new Spreadsheet.SpreadsheetError({
            file,
            reason: `${Texts.of("nl").unreadable(cause.message)} / ${Texts.of("en").unreadable(cause.message)}`
          })
      )
    )
  )

const printProblems = (json: boolean, remarks: ReadonlyArray<MemberImport.Problem>) =>
  Effect.forEach(remarks, (r) => Output.note(json, `${r.row === undefined ? "" : `rij ${r.row}: `}${r.message}`), {
    discard: true
  })

// --- init ----------------------------------------------------------------------------------------

const init = Command.make(
  "init",
  {
    ...common,
    name: Options.text("name").pipe(
      Options.withDescription('De naam van de community, bijv. "Programmadirecteuren Rijk".')
    ),
    language: Options.choice("language", ["nl", "en"]).pipe(
      Options.withDescription("De standaardtaal van berichten aan leden."),
      Options.optional
    ),
    timeZone: Options.text("time-zone").pipe(
      Options.withDescription("De tijdzone van de bijeenkomsten (standaard Europe/Amsterdam)."),
      Options.optional
    ),
    teamName: Options.text("team-name").pipe(
      Options.withDescription("De naam van wie met --as werkt, als begeleider in het programmateam."),
      Options.optional
    ),
    teamEmail: Options.text("team-email").pipe(
      Options.withDescription("Het e-mailadres van wie met --as werkt; registreert diegene in het programmateam."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).settingUp, (uc) =>
      Effect.gen(function* () {
        const admin = Environment.administrator(c)
        const community = yield* uc.setUpCommunity(admin, {
          name: c.name,
          ...Option.match(c.language, { onNone: () => ({}), onSome: (defaultLanguage) => ({ defaultLanguage }) }),
          ...Option.match(c.timeZone, { onNone: () => ({}), onSome: (timeZone) => ({ timeZone }) })
        })
        const facilitators = Option.isSome(c.teamEmail)
          ? yield* uc.registerFacilitators(admin, {
              facilitators: [
                {
                  id: c.as,
                  name: Option.getOrElse(c.teamName, () => "Programmateam"),
                  email: c.teamEmail.value,
                  role: "programme-team"
                }
              ]
            })
          : []
        yield* Output.result(
          c.json,
          [
            Texts.of(c.lang).communityReady(
              community.name,
              community.id,
              Environment.isPostgres(c.db) ? "PostgreSQL" : c.db
            ),
            ...(facilitators.length > 0 ? [Texts.of(c.lang).teamRegistered(facilitators.join(", "))] : []),
            Texts.of(c.lang).nextImport
          ],
          { community, facilitators }
        )
      })
    )
).pipe(Command.withDescription("Richt de community in (of werkt naam, taal en tijdzone bij). / Sets up the community."))

// --- members -------------------------------------------------------------------------------------

const membersImport = Command.make(
  "import",
  {
    ...common,
    file: Args.file({ name: "bestand", exists: "yes" }).pipe(
      Args.withDescription("Een ledenlijst: .csv (; of ,, met of zonder BOM, Excel-export) of .xlsx.")
    ),
    skipInvalid: Options.boolean("skip-invalid").pipe(
      Options.withDescription(
        "Importeer de goede rijen en sla rijen met problemen over (standaard: niets importeren zolang er problemen zijn)."
      )
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
      const path = yield* Path.Path
      const name = path.basename(c.file)
      const sheet = yield* Effect.flatMap(readBytes(c.file), (bytes) => Spreadsheet.read(bytes, name))
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
      const read = yield* Either.match(
        MemberImport.fromSheet(sheet, {
          file: name,
          defaultLanguage: c.defaultLanguage,
          language: c.lang,
          ...(organisations === undefined ? {} : { organisations })
        }),
        { onLeft: Effect.fail, onRight: Effect.succeed }
      )
      yield* printProblems(c.json, read.remarks)
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
                members.map((m) => [m.id, m.name, m.organisation, m.programme, m.status])
              ),
              "",
              Texts.of(c.lang).memberCount(members.length)
            ],
        members
      )
    )
  )
).pipe(Command.withDescription("Toont de ledenlijst (zonder e-mailadressen). / Lists the members."))

const members = Command.make("members").pipe(
  Command.withDescription("Leden importeren en tonen. / Import and list members."),
  Command.withSubcommands([membersImport, membersList])
)

// --- facilitators --------------------------------------------------------------------------------

const facilitatorsAdd = Command.make(
  "add",
  {
    ...common,
    name: Options.text("name").pipe(Options.withDescription("De naam van de begeleider.")),
    email: Options.text("email").pipe(Options.withDescription("Het e-mailadres (voor uitnodigingen).")),
    id: Options.text("id").pipe(Options.withDescription("Een eigen id (standaard: een nieuw id)."), Options.optional),
    role: Options.choice("role", ["guest", "programme-team"]).pipe(
      Options.withDescription("guest (gastbegeleider, standaard) of programme-team."),
      Options.withDefault("guest" as const)
    ),
    maxGroups: Options.integer("max-groups").pipe(
      Options.withDescription("Hoeveel leergroepen deze begeleider hoogstens begeleidt (standaard 3)."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).registeringFacilitator, (uc) =>
      Effect.flatMap(
        uc.registerFacilitators(Environment.team(c), {
          facilitators: [
            {
              name: c.name,
              email: c.email,
              role: c.role,
              ...Option.match(c.id, { onNone: () => ({}), onSome: (id) => ({ id }) }),
              ...Option.match(c.maxGroups, { onNone: () => ({}), onSome: (maxGroups) => ({ maxGroups }) })
            }
          ]
        }),
        (ids) =>
          Output.result(c.json, Texts.of(c.lang).facilitatorRegistered(c.name, ids.join(", ")), { facilitatorIds: ids })
      )
    )
).pipe(
  Command.withDescription(
    "Registreert een begeleider van intakes en leergroepen; opnieuw met hetzelfde e-mailadres werkt bij. / Registers a facilitator."
  )
)

const facilitators = Command.make("facilitators").pipe(
  Command.withDescription("Begeleiders van intakes en leergroepen. / Facilitators."),
  Command.withSubcommands([facilitatorsAdd])
)

// --- intakes -------------------------------------------------------------------------------------

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const
const weekdayOf = (date: string) => WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7] ?? "monday"

const dateOption = (name: string, description: string) =>
  Options.text(name).pipe(
    Options.withDescription(description),
    Options.mapTryCatch(
      (s) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) throw new Error(s)
        return s
      },
      () => HelpDoc.p(`--${name}: verwacht een datum als 2027-01-11 / expected a date such as 2027-01-11`)
    )
  )

const listOption = (name: string, description: string) =>
  Options.text(name).pipe(
    Options.withDescription(description),
    Options.map((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== "")
    )
  )

const intakesPlan = Command.make(
  "plan",
  {
    ...common,
    from: dateOption("from", "De eerste dag met intakegesprekken, bijv. 2027-01-11."),
    to: dateOption("to", "De laatste dag met intakegesprekken."),
    times: listOption("times", "De begintijden per dag, bijv. 10:00,14:00.").pipe(
      Options.withDefault(["10:00", "14:00"])
    ),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("De duur van een gesprek."),
      Options.withDefault(60)
    ),
    weekdays: listOption("weekdays", "De weekdagen, bijv. monday,wednesday (standaard maandag t/m vrijdag).").pipe(
      Options.withDefault(["monday", "tuesday", "wednesday", "thursday", "friday"])
    ),
    facilitators: Options.text("facilitator").pipe(
      Options.withDescription("Een begeleider die gesprekken voert (herhaalbaar; standaard wie met --as werkt)."),
      Options.repeated
    ),
    maxPerDay: Options.integer("max-per-day").pipe(
      Options.withDescription("Hoogstens zoveel gesprekken per begeleider per dag."),
      Options.optional
    )
  },
  (c) =>
    Effect.gen(function* () {
      const facilitators = c.facilitators.length > 0 ? c.facilitators : [c.as]
      const slots: Array<{ facilitatorId: string; startsAt: string; durationMinutes: number }> = []
      for (let day = c.from; day <= c.to; day = nextDay(day)) {
        if (!weekdays(c.weekdays).includes(weekdayOf(day))) continue
        for (const time of c.times) {
          const local = yield* Either.match(localMoment(day, time), { onLeft: Effect.fail, onRight: Effect.succeed })
          for (const facilitatorId of facilitators)
            slots.push({ facilitatorId, startsAt: local, durationMinutes: c.minutes })
        }
      }
      const plan = yield* withUseCases(c, Texts.of(c.lang).planningIntakes, (uc) =>
        uc.planIntakes(Environment.team(c), {
          slots,
          ...Option.match(c.maxPerDay, { onNone: () => ({}), onSome: (maxPerDay) => ({ maxPerDay }) })
        })
      )
      yield* Output.result(
        c.json,
        [
          Texts.of(c.lang).intakesPlanned(plan.intakes.length, slots.length),
          ...Output.table(
            Texts.of(c.lang).intakesHeader,
            plan.intakes.map((i) => [i.id, i.memberId, i.facilitatorId, Output.when(i.startsAt)])
          ),
          ...(plan.unplaced.length === 0
            ? []
            : [
                "",
                Texts.of(c.lang).unplaced(plan.unplaced.length),
                ...plan.unplaced.map((u) => `  ${u.memberId}: ${u.explanation}`)
              ])
        ],
        plan
      )
    })
).pipe(Command.withDescription("Plant intakegesprekken met nieuwe leden. / Plans intakes with new members."))

const nextDay = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

const localMoment = (date: string, time: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time)
  const zone = DateTime.zoneMakeNamed("Europe/Amsterdam")
  if (m === null || Option.isNone(zone)) {
    return Either.left(
      new Domain.DecodeError({
        subject: "--times",
        problems: [{ path: "times", message: `expected a time such as 10:00, got "${time}"` }]
      })
    )
  }
  const [year, month, day] = date.split("-").map(Number)
  const moment = DateTime.makeZoned(
    { year: year ?? 0, month: month ?? 1, day: day ?? 1, hours: Number(m[1]), minutes: Number(m[2]) },
    { timeZone: zone.value, adjustForTimeZone: true }
  )
  return Option.match(moment, {
    onNone: () =>
      Either.left(
        new Domain.DecodeError({
          subject: "--times",
          problems: [{ path: "times", message: `no such moment: ${date} ${time}` }]
        })
      ),
    onSome: (z) => Either.right(DateTime.formatIsoZoned(z))
  })
}

const intakesRecord = Command.make(
  "record",
  {
    ...common,
    intakeId: Args.text({ name: "intake-id" }).pipe(
      Args.withDescription("Het intakegesprek, zoals intakes plan het noemde.")
    ),
    outcome: Options.choice("outcome", ["held", "cancelled"]).pipe(
      Options.withDescription("held: het gesprek is gevoerd (het lid wordt actief); cancelled: het ging niet door."),
      Options.withDefault("held" as const)
    ),
    interests: listOption("interests", "De interesses uit het gesprek, gescheiden door komma's.").pipe(
      Options.optional
    ),
    notes: Options.text("notes").pipe(
      Options.withDescription("Vertrouwelijke aantekeningen (alleen voor het programmateam)."),
      Options.optional
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).recordingIntake, (uc) =>
      Effect.flatMap(
        uc.recordIntake(Environment.team(c), {
          intakeId: c.intakeId,
          status: c.outcome,
          ...Option.match(c.interests, { onNone: () => ({}), onSome: (interests) => ({ interests }) }),
          ...Option.match(c.notes, { onNone: () => ({}), onSome: (notes) => ({ notes }) })
        }),
        (intake) =>
          Output.result(
            c.json,
            intake.status === "held"
              ? Texts.of(c.lang).intakeHeld(intake.id, intake.memberId)
              : Texts.of(c.lang).intakeCancelled(intake.id, intake.memberId),
            intake
          )
      )
    )
).pipe(
  Command.withDescription(
    "Legt de uitkomst van een intake vast; een gehouden intake maakt het lid actief. / Records an intake's outcome."
  )
)

const intakes = Command.make("intakes").pipe(
  Command.withDescription("Intakegesprekken plannen en vastleggen. / Plan and record intakes."),
  Command.withSubcommands([intakesPlan, intakesRecord])
)

// --- groups --------------------------------------------------------------------------------------

const sizeOption = Options.text("size").pipe(
  Options.withDescription("De groepsgrootte: van-tot, bijv. 5-7 (of één getal)."),
  Options.withDefault("5-7"),
  Options.mapTryCatch(
    (s) => {
      const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(s)
      if (m === null) throw new Error(s)
      return { min: Number(m[1]), max: Number(m[2] ?? m[1]) }
    },
    () => HelpDoc.p("--size: verwacht van-tot, bijv. 5-7 / expected min-max, e.g. 5-7")
  )
)

const groupsForm = Command.make(
  "form",
  {
    ...common,
    round: Options.integer("round").pipe(Options.withDescription("Het jaar van de ronde, bijv. 2027.")),
    size: sizeOption,
    seed: Options.integer("seed").pipe(
      Options.withDescription(
        "Het zaadje van de zoektocht: dezelfde gegevens en hetzelfde zaadje geven dezelfde groepen."
      ),
      Options.withDefault(1)
    ),
    timeLimitMs: Options.integer("time-limit-ms").pipe(
      Options.withDescription("Hoe lang er gezocht mag worden, in milliseconden."),
      Options.withDefault(2000)
    ),
    publish: Options.boolean("publish").pipe(
      Options.withDescription("Publiceer de groepen meteen (leden krijgen bericht).")
    )
  },
  (c) =>
    withUseCases(
      c,
      Texts.of(c.lang).formingGroups,
      (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const formed = yield* uc.formGroups(team, {
            name: `Leergroepen ${c.round}`,
            startsOn: `${c.round}-01-01`,
            endsOn: `${c.round}-12-31`,
            size: c.size,
            seed: c.seed,
            timeLimitMs: c.timeLimitMs
          })
          const round = c.publish ? yield* uc.publishGroups(team, { roundId: formed.round.id }) : formed.round
          const directory = yield* uc.directory(team)
          const names = new Map(directory.map((m) => [m.id as string, m]))
          const why = new Map(formed.result.explanations.map((e) => [e.memberId, e.text]))
          yield* Output.result(
            c.json,
            [
              Texts.of(c.lang).groupsFormed(formed.round.name, formed.groups.length, formed.round.id, c.publish),
              ...formed.groups.flatMap((g, i) => [
                "",
                `${g.name}${g.facilitatorId === undefined ? "" : Texts.of(c.lang).facilitatedBy(g.facilitatorId)}`,
                ...g.memberIds.map((id) => {
                  const m = names.get(id)
                  return `  ${m?.name ?? id} (${m?.organisation ?? "?"}): ${why.get(id) ?? ""}`
                }),
                ...formed.result.unmet.filter((u) => u.group === i).map((u) => Texts.of(c.lang).unmet(u.text))
              ])
            ],
            { round, groups: formed.groups, result: formed.result }
          )
        }),
      c.timeLimitMs
    )
).pipe(
  Command.withDescription(
    "Vormt de leergroepen van een ronde: divers, met gedeelde interesses, zonder eerdere paren. / Forms the learning groups of a round."
  )
)

const groups = Command.make("groups").pipe(
  Command.withDescription("Leergroepen vormen. / Form learning groups."),
  Command.withSubcommands([groupsForm])
)

// --- themes --------------------------------------------------------------------------------------

const themesAdd = Command.make(
  "add",
  {
    ...common,
    title: Options.text("title").pipe(Options.withDescription('De titel van het thema, bijv. "Worstelen met de Woo".')),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("Hoeveel tijd het thema vraagt."),
      Options.withDefault(60)
    ),
    description: Options.text("description").pipe(Options.withDescription("Een toelichting."), Options.optional)
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).addingTheme, (uc) =>
      Effect.flatMap(
        uc.proposeTheme(Environment.team(c), {
          title: c.title,
          durationMinutes: c.minutes,
          ...Option.match(c.description, { onNone: () => ({}), onSome: (description) => ({ description }) })
        }),
        (theme) =>
          Output.result(c.json, Texts.of(c.lang).themeAdded(theme.title, theme.id, theme.durationMinutes), theme)
      )
    )
).pipe(Command.withDescription("Zet een thema op de voorraadagenda. / Adds a theme to the backlog."))

const themes = Command.make("themes").pipe(
  Command.withDescription("De voorraadagenda. / The backlog of themes."),
  Command.withSubcommands([themesAdd])
)

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

const vote = Command.make("vote").pipe(
  Command.withDescription("Stemmen over de voorraadagenda. / Voting on the backlog."),
  Command.withSubcommands([voteImport])
)

// --- agenda --------------------------------------------------------------------------------------

const agendaPrioritise = Command.make(
  "prioritise",
  {
    ...common,
    vote: Options.text("vote").pipe(Options.withDescription("De stemronde die wordt gesloten.")),
    method: Options.choice("method", ["equal-shares", "greedy", "dots", "score", "borda", "schulze"]).pipe(
      Options.withDescription("De methode (standaard equal-shares: de Method of Equal Shares)."),
      Options.withDefault("equal-shares" as const)
    ),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("De tijd voor het programma."),
      Options.withDefault(180)
    ),
    maxThemes: Options.integer("max-themes").pipe(
      Options.withDescription("Hoogstens zoveel thema's."),
      Options.optional
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
          ...Option.match(c.maxThemes, { onNone: () => ({}), onSome: (maxThemes) => ({ rules: { maxThemes } }) })
        })
        const titles = new Map((yield* uc.listThemes(team, {})).map((t) => [t.id as string, t.title]))
        const r = closed.result
        yield* Output.result(
          c.json,
          [
            r.summary,
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
            Texts.of(c.lang).fairness(Math.round(r.fairness.shareWithAtLeastOne * 100), r.fairness.voters)
          ],
          closed
        )
      })
    )
).pipe(
  Command.withDescription("Sluit de stemronde en kiest het programma. / Closes the vote and chooses the programme.")
)

const agenda = Command.make("agenda").pipe(
  Command.withDescription("Het programma van de bijeenkomst. / The gathering's programme."),
  Command.withSubcommands([agendaPrioritise])
)

// --- meeting -------------------------------------------------------------------------------------

// Dutch names of weekdays, read as the domain's values ("dinsdag" is tuesday).
const DUTCH_WEEKDAYS: Readonly<Record<string, string>> = {
  maandag: "monday",
  ma: "monday",
  dinsdag: "tuesday",
  di: "tuesday",
  woensdag: "wednesday",
  wo: "wednesday",
  donderdag: "thursday",
  do: "thursday",
  vrijdag: "friday",
  vr: "friday",
  zaterdag: "saturday",
  za: "saturday",
  zondag: "sunday",
  zo: "sunday"
}
const weekdays = (names: ReadonlyArray<string>) => names.map((n) => DUTCH_WEEKDAYS[n.toLowerCase()] ?? n.toLowerCase())

// The choices of `meeting candidates`, decoded with the scheduling engine's own schemas.
const CandidateChoices = Schema.Struct({
  weekdays: Schema.NonEmptyArray(Domain.Weekday),
  startTimes: Schema.NonEmptyArray(Scheduling.LocalTime.TimeOfDay),
  calendar: Schema.optionalWith(Scheduling.UnsuitableDays.CalendarOptions, { exact: true })
})

const meetingCandidates = Command.make(
  "candidates",
  {
    ...common,
    quarter: Options.text("quarter").pipe(Options.withDescription("Het kwartaal, bijv. 2027-Q1.")),
    title: Options.text("title").pipe(
      Options.withDescription("De titel van de bijeenkomst (standaard: Kwartaalbijeenkomst <kwartaal>)."),
      Options.optional
    ),
    count: Options.integer("count").pipe(
      Options.withDescription("Hoeveel datums voorstellen."),
      Options.withDefault(6)
    ),
    weekdays: listOption("weekdays", "De weekdagen, bijv. tuesday,thursday.").pipe(
      Options.withDefault(["tuesday", "thursday"])
    ),
    times: listOption("times", "De begintijden, bijv. 13:00.").pipe(Options.withDefault(["13:00"])),
    minutes: Options.integer("minutes").pipe(
      Options.withDescription("De duur van de bijeenkomst."),
      Options.withDefault(240)
    ),
    regions: listOption("school-regions", "Vermijd de schoolvakanties van deze regio's: north,middle,south.").pipe(
      Options.optional
    )
  },
  (c) =>
    Effect.gen(function* () {
      const choices = yield* Either.match(
        Domain.decode(CandidateChoices, { subject: "meeting candidates" })({
          weekdays: weekdays(c.weekdays),
          startTimes: c.times,
          ...Option.match(c.regions, {
            onNone: () => ({}),
            onSome: (schoolRegions) => ({ calendar: { schoolRegions } })
          })
        }),
        { onLeft: Effect.fail, onRight: (decoded) => Effect.succeed(Schema.encodeSync(CandidateChoices)(decoded)) }
      )
      return yield* withUseCases(c, Texts.of(c.lang).proposingDates, (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const gathering = yield* uc.planGathering(team, {
            title: Option.getOrElse(c.title, () => `Kwartaalbijeenkomst ${c.quarter}`),
            quarter: c.quarter,
            durationMinutes: c.minutes
          })
          const { poll, proposal } = yield* uc.proposeDates(team, {
            gatheringId: gathering.id,
            count: c.count,
            ...choices
          })
          yield* Output.result(
            c.json,
            [
              Texts.of(c.lang).pollOpened(gathering.title, gathering.id, poll.id, poll.slots.length),
              ...poll.slots.map((s) => `  ${s.id}: ${Output.when(s.startsAt)}`),
              Texts.of(c.lang).daysExcluded(proposal.excluded.length),
              Texts.of(c.lang).decideWith(poll.id)
            ],
            { gathering, poll, proposal }
          )
        })
      )
    })
).pipe(Command.withDescription("Stelt datums voor en opent de datumprikker. / Proposes dates and opens the poll."))

const meetingDecide = Command.make(
  "decide",
  {
    ...common,
    poll: Options.text("poll").pipe(
      Options.withDescription("De datumprikker (standaard: die van de eerstvolgende bijeenkomst in planning)."),
      Options.optional
    ),
    capacity: Options.integer("capacity").pipe(
      Options.withDescription("Hoeveel mensen de zaal hoogstens houdt."),
      Options.optional
    ),
    force: Options.boolean("force").pipe(
      Options.withDescription("Ook als niemand de datumprikker invulde (dan de eerste datum).")
    )
  },
  (c) =>
    withUseCases(c, Texts.of(c.lang).deciding, (uc) =>
      Effect.gen(function* () {
        const team = Environment.team(c)
        const pollId = Option.getOrUndefined(c.poll)
        if (pollId === undefined) {
          return yield* new NothingToDo({
            reason: Texts.of(c.lang).noPoll,
            hint: Texts.of(c.lang).noPollHint
          })
        }
        const decided = yield* uc.decideDate(team, {
          pollId,
          ...Option.match(c.capacity, { onNone: () => ({}), onSome: (capacity) => ({ capacity }) }),
          ...(c.force ? { force: true } : {})
        })
        const d = decided.decision
        yield* Output.result(
          c.json,
          [
            Texts.of(c.lang).chosen(Output.when(d.chosen.startsAt), d.chosen.yes.length, d.chosen.ifNeedBe.length),
            d.explanation.nl,
            Texts.of(c.lang).inviteWith(decided.gathering.id)
          ],
          decided
        )
      })
    )
).pipe(Command.withDescription("Kiest de datum uit de datumprikker. / Decides the date from the poll."))

const meeting = Command.make("meeting").pipe(
  Command.withDescription("De datum van de bijeenkomst. / The date of the gathering."),
  Command.withSubcommands([meetingCandidates, meetingDecide])
)

// --- invite --------------------------------------------------------------------------------------

const invite = Command.make(
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

// --- report --------------------------------------------------------------------------------------

const report = Command.make(
  "report",
  {
    ...common,
    out: Options.file("out").pipe(
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
    )
  },
  (c) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const saved = <A>(
        file: Option.Option<string>,
        read: (text: string, file: string) => Either.Either<A, Domain.DecodeError>
      ) =>
        Option.match(file, {
          onNone: () => Effect.succeed(undefined),
          onSome: (path) =>
            Effect.flatMap(fs.readFileString(path), (text) =>
              Either.match(read(text, path), { onLeft: Effect.fail, onRight: Effect.succeed })
            )
        })
      const savedGroups = yield* saved(c.groups, Saved.groups)
      const savedAgenda = yield* saved(c.agenda, Saved.agenda)
      const input = yield* withUseCases(c, Texts.of(c.lang).reporting, (uc) =>
        Effect.gen(function* () {
          const team = Environment.team(c)
          const directory = yield* uc.directory(team)
          const facilitators = yield* uc.listFacilitators(team)
          const community = yield* uc.getCommunity(team)
          // Without --round or --poll: the latest round and the latest poll, when there is one.
          const roundId = Option.isSome(c.round) ? c.round.value : (yield* uc.listRounds(team)).at(-1)?.id
          const pollId = Option.isSome(c.poll) ? c.poll.value : (yield* uc.listPolls(team, {})).at(-1)?.id
          const groupsOf = roundId === undefined ? [] : yield* uc.listGroups(team, { roundId })
          const standing = pollId === undefined ? undefined : yield* uc.pollStanding(team, { pollId })
          const gatherings = yield* uc.listGatherings(team)
          // The poll's standing does not name its gathering: take the gathering's title and length
          // only when one gathering is being planned or scheduled, so they cannot be another's.
          const current = gatherings.filter(
            (g) => g.status !== "held" && g.status !== "closed" && g.status !== "cancelled"
          )
          const gathering = current.length === 1 ? current[0] : undefined
          const input: Report.ReportInput = {
            community: { name: Option.getOrElse(c.title, () => community.name) },
            generatedAt: yield* DateTime.now,
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
              ? {}
              : {
                  agenda: {
                    title: savedAgenda.title,
                    result: savedAgenda.result,
                    themes: (yield* uc.listThemes(team, {})).map((t) => ({ id: t.id, title: t.title }))
                  }
                }),
            ...(savedGroups !== undefined
              ? { groups: savedGroups }
              : groupsOf.length === 0
                ? {}
                : {
                    groups: {
                      title: groupsOf[0]?.name.split(" — ")[0] ?? "Leergroepen",
                      grouping: {
                        groups: groupsOf.map((g, index) => ({
                          index,
                          memberIds: g.memberIds,
                          facilitatorId: g.facilitatorId
                        })),
                        explanations: [],
                        unmet: []
                      }
                    }
                  }),
            ...(standing === undefined
              ? {}
              : {
                  meeting: {
                    title: gathering?.title ?? "Datum",
                    decision: standing,
                    ...(gathering === undefined ? {} : { durationMinutes: gathering.durationMinutes })
                  }
                })
          }
          return input
        })
      )
      if (input.groups === undefined) yield* Output.note(c.json, Texts.of(c.lang).reportWithoutGroups)
      if (input.agenda === undefined) yield* Output.note(c.json, Texts.of(c.lang).reportWithoutAgenda)
      if (input.meeting === undefined) yield* Output.note(c.json, Texts.of(c.lang).reportWithoutDate)
      yield* fs.writeFileString(c.out, Report.render(input))
      yield* Output.result(c.json, Texts.of(c.lang).reportWritten(c.out), { file: c.out })
    })
).pipe(Command.withDescription("Schrijft report.html: leergroepen, programma en datum. / Writes report.html."))

// --- export / forget -----------------------------------------------------------------------------

const memberId = Args.text({ name: "lid-id" }).pipe(Args.withDescription("Het id van het lid, bijv. m-0001."))

const exportMember = Command.make(
  "member",
  {
    ...common,
    memberId,
    out: Options.file("out").pipe(
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
        yield* fs.writeFileString(c.out.value, `${text}\n`)
        yield* Output.result(c.json, Texts.of(c.lang).exported(c.memberId, c.out.value), { file: c.out.value })
      } else yield* Output.result(true, text, data)
    })
).pipe(
  Command.withDescription(
    "Alles wat over een lid is opgeslagen, als JSON (AVG art. 15). / Everything stored about a member."
  )
)

const exportCommand = Command.make("export").pipe(
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

const forget = Command.make("forget").pipe(
  Command.withDescription("Persoonsgegevens wissen. / Erase personal data."),
  Command.withSubcommands([forgetMember])
)

const grenzeloos = Command.make("grenzeloos").pipe(
  Command.withDescription(
    "Grenzeloos Samenwerken: leden, leergroepen, programma en datum van een community van programmadirecteuren."
  ),
  Command.withSubcommands([
    init,
    members,
    facilitators,
    intakes,
    groups,
    themes,
    vote,
    agenda,
    meeting,
    invite,
    report,
    exportCommand,
    forget
  ])
)

declare const __GRENZELOOS_VERSION__: string | undefined

/**
 * The version printed by `grenzeloos --version`: the package's version in a build, `dev` when
 * run from the sources.
 *
 * @example
 * ```ts
 * import { Commands } from "@grenzeloos/cli"
 *
 * console.log(`grenzeloos ${Commands.version}`)
 * ```
 * @since 0.1.0
 */
export const version: string = typeof __GRENZELOOS_VERSION__ === "string" ? __GRENZELOOS_VERSION__ : "dev"

/**
 * The `grenzeloos` command with all its subcommands, ready to run on the arguments as Node.js
 * gives them (`process.argv`: the executable and the script first). Help, `--version`, shell
 * completions (`--completions bash|zsh|fish`) and `--wizard` come with `@effect/cli`.
 *
 * @example
 * ```ts
 * import { Commands } from "@grenzeloos/cli"
 *
 * const program = Commands.cli(["node", "grenzeloos", "members", "list", "--json"])
 * ```
 * @since 0.1.0
 */
export const cli: (
  args: ReadonlyArray<string>
) => Effect.Effect<void, unknown, FileSystem.FileSystem | Path.Path | Terminal.Terminal> = Command.run(grenzeloos, {
  name: "grenzeloos",
  version
})
