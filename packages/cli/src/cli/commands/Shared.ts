/**
 * What every command shares: the options every command takes, running a use case over `--db`, reading a file, and the option parsers of dates, lists and weekdays.
 *
 * @internal
 */
import { type Command, HelpDoc, Options } from "@effect/cli"
import { FileSystem, Path, type Terminal } from "@effect/platform"
import { type Access, Domain, Scheduling, Services } from "@grenzeloos/core"
import { Config, type ConfigError, DateTime, Effect, Either, Option, Redacted, Schema } from "effect"
import type * as MemberImport from "../../import/Members.js"
import * as Spreadsheet from "../../import/Spreadsheet.js"
import * as Environment from "../Environment.js"
import { BadOption } from "../Errors.js"
import type * as ExitCode from "../ExitCode.js"
import * as Output from "../Output.js"
import * as Progress from "../Progress.js"
import * as Texts from "../Texts.js"

// --- Options every command takes -----------------------------------------------------------------

export const common = {
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

export type UseCasesService = Services.UseCases.UseCasesService

const notOnTeamOf = (c: Environment.Common, language: "nl" | "en") =>
  new BadOption({
    option: "--as",
    value: c.as,
    hint: Texts.of(language).notOnTeam
  })

/**
 * `--community` must name a community that is set up, and `--as` one of its programme team (when
 * it has one registered): a typo in either is exit 2 with what would be right, not an empty list.
 */
const checkWhere = (uc: UseCasesService, c: Environment.Common & { readonly lang?: "nl" | "en" }) =>
  Effect.gen(function* () {
    const language = c.lang ?? "nl"
    const team = Environment.team(c)
    yield* uc.getCommunity(team).pipe(
      Effect.catchTag("NotAllowed", () => Effect.fail(notOnTeamOf(c, language))),
      Effect.catchTag("NotFound", () =>
        Effect.fail(
          new BadOption({
            option: "--community",
            value: c.community,
            hint: Texts.of(language).noCommunity(c.db, c.community)
          })
        )
      )
    )
    // The access policy refuses an --as that is no one of the programme team (so nobody can list
    // the team without being on it): that refusal is the option's fault, not a missing right.
    const notOnTeam = notOnTeamOf(c, language)
    const team_ = (yield* uc
      .listFacilitators(team)
      .pipe(Effect.catchTag("NotAllowed", () => Effect.fail(notOnTeam)))).filter((f) => f.role === "programme-team")
    if (team_.length > 0 && !team_.some((f) => f.id === c.as))
      return yield* new BadOption({
        option: "--as",
        value: c.as,
        hint: Texts.of(language).notOnTeamChoose(team_.map((f) => `${f.id} (${f.name})`).join(", "))
      })
  })

/** Runs `f` with the use cases over `--db`, showing progress when it takes more than a second. */
export const withUseCases = <A, E>(
  c: Environment.Common & { readonly create?: boolean; readonly lang?: "nl" | "en" },
  label: string,
  f: (useCases: UseCasesService) => Effect.Effect<A, E>,
  expectedMs?: number,
  announce = false
): Effect.Effect<
  A,
  | E
  | Services.UseCases.UseCaseError
  | ConfigError.ConfigError
  | Environment.DatabaseMissing
  | Environment.DatabaseUnreadable
  | BadOption
> =>
  Effect.flatMap(Services.UseCases.UseCases, (useCases) =>
    Progress.around(Progress.stderr(c.json), label, expectedMs, { announce })(
      c.create === true ? f(useCases) : Effect.zipRight(checkWhere(useCases, c), f(useCases))
    )
  ).pipe(Effect.provide(Environment.useCasesLayer(c)))

// Measured on the 2-core reference machine: registering 1,000 members takes over a second.
export const SLOW_IMPORT_ROWS = 1000

/**
 * The directory's members with their e-mail addresses, for a sheet that names members by
 * address: each read one member at a time, as the programme team may (the directory leaves them out).
 */
export const withEmails = (
  useCases: UseCasesService,
  team: Access.Actor,
  directory: ReadonlyArray<{ readonly id: Domain.MemberId; readonly name: string }>
): Effect.Effect<
  ReadonlyArray<{ readonly id: string; readonly name: string; readonly email: string }>,
  Services.UseCases.UseCaseError
> =>
  Effect.forEach(directory, (m) =>
    Effect.map(useCases.getMember(team, { memberId: m.id }), (full) => ({
      id: m.id as string,
      name: m.name,
      email: Redacted.value(full.email)
    }))
  )

/** `--skip-invalid` of the imports: what the good rows do is the import's own (`does`). */
export const skipInvalidOption = (does: string) => Options.boolean("skip-invalid").pipe(Options.withDescription(does))

/** The sheet in `file` (.csv or .xlsx) and the file's own name, by which its problems name it. */
export const readSheet = (file: string) =>
  Effect.flatMap(Path.Path, (path) => {
    const name = path.basename(file)
    return Effect.map(Spreadsheet.readFile(file, name), (sheet) => ({ sheet, name }))
  })

export const readBytes = (file: string) =>
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

/** The remarks on rows that were read anyway, in the `--lang` language. */
export const printProblems = (json: boolean, remarks: ReadonlyArray<MemberImport.Problem>, language: "nl" | "en") =>
  Effect.forEach(remarks, (r) => Output.note(json, Texts.of(language).remark(r.row, r.message)), { discard: true })

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const
export const weekdayOf = (date: string) => WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7] ?? "monday"

export const dateOption = (name: string, description: string) =>
  Options.text(name).pipe(
    Options.withDescription(description),
    Options.mapTryCatch(
      (s): string => {
        // The domain's own check: Date.parse reads 2027-02-30 as 2 March.
        if (!Schema.is(Domain.CalendarDate)(s)) throw new Error(s)
        return s
      },
      (error) => {
        const typed = error instanceof Error ? error.message : String(error)
        const example = isoOf(typed) ?? "2027-01-11"
        // Both languages, cut to the person's by the command line (UsageErrors).
        return HelpDoc.p(
          `--${name}: verwacht een bestaande datum als ${example} (jaar-maand-dag), niet "${typed}" / expected a date that exists, written as ${example} (year-month-day), not "${typed}"`
        )
      }
    )
  )

// A date as people write it in the Netherlands (3-6-2027, 3/6/2027), as the ISO date the option takes.
const isoOf = (typed: string): string | undefined => {
  const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(typed)
  if (m === null) return undefined
  const iso = `${m[3]}-${(m[2] ?? "").padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}`
  return Schema.is(Domain.CalendarDate)(iso) ? iso : undefined
}

export const listOption = (name: string, description: string) =>
  Options.text(name).pipe(
    Options.withDescription(description),
    Options.map((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== "")
    )
  )

export const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

export const localMoment = (date: string, time: string) => {
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

// --- meeting -------------------------------------------------------------------------------------

// Dutch names of weekdays, read as the domain's values ("dinsdag" is tuesday).
export const DUTCH_WEEKDAYS: Readonly<Record<string, string>> = {
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
export const weekdays = (names: ReadonlyArray<string>) =>
  names.map((n) => DUTCH_WEEKDAYS[n.toLowerCase()] ?? n.toLowerCase())

// The school-holiday regions by their Dutch names too ("midden" is `middle`).
const DUTCH_REGIONS: Readonly<Record<string, string>> = { noord: "north", midden: "middle", zuid: "south" }

/** The school-holiday regions a person typed, Dutch or English, as the calendar's names. */
export const schoolRegions = (names: ReadonlyArray<string>) =>
  names.map((n) => DUTCH_REGIONS[n.toLowerCase()] ?? n.toLowerCase())

// The choices of `meeting candidates`, decoded with the scheduling engine's own schemas.
export const CandidateChoices = Schema.Struct({
  weekdays: Schema.NonEmptyArray(Domain.Weekday),
  startTimes: Schema.NonEmptyArray(Scheduling.LocalTime.TimeOfDay),
  calendar: Schema.optionalWith(Scheduling.UnsuitableDays.CalendarOptions, { exact: true })
})

/**
 * A command group as the root command takes it (its own options and result types are its own). Its
 * failures are {@link ExitCode.Failure}: a command that can fail with an error the exit-code table
 * does not know does not compile.
 */
export type Group<Name extends string> = Command.Command<
  Name,
  FileSystem.FileSystem | Path.Path | Terminal.Terminal,
  ExitCode.Failure,
  // biome-ignore lint/suspicious/noExplicitAny: a command's parsed options are its own; the root only runs it.
  any
>

/** An optional option's value as a field of a use case's input, or nothing. */
export const field = <K extends string, A>(key: K, value: Option.Option<A>): { readonly [P in K]?: A } =>
  Option.match(value, { onNone: () => ({}), onSome: (v) => ({ [key]: v }) as { readonly [P in K]?: A } })

/** A required `--<name> <id>` option. */
export const idOption = (name: string, description: string) =>
  Options.text(name).pipe(Options.withDescription(description))

/** The community's time zone, for dates as people there read them. */
export const zoneOf = (
  uc: UseCasesService,
  team: ReturnType<typeof Environment.team>
): Effect.Effect<string, Services.UseCases.UseCaseError> =>
  Effect.map(uc.getCommunity(team), (community) => community.timeZone as string)

/** The agenda methods `vote close` takes and the report names, in the order the help lists them. */
export const AGENDA_METHODS = [
  "equal-shares",
  "greedy",
  "dots",
  "score",
  "borda",
  "schulze",
  "perpetual-phragmen",
  "equal-shares-carried"
] as const
