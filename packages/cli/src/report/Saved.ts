/**
 * Report sections from the `--json` output of earlier commands: `groups form --json` (the
 * learning groups with the engine's explanation per member) and `agenda prioritise --json` (the
 * programme with the votes behind it and its fairness). The command line keeps no state of its
 * own, and the core has no read use case yet for a closed round's result or the explanations of
 * a round's groups; a team that wants them in the report saves the output it was given.
 *
 * @since 0.1.0
 */
import { Domain } from "@grenzeloos/core"
import { Either, Schema } from "effect"
import type { AgendaOutcome, GroupsSection } from "./Report.js"

const Explanation = Schema.Struct({ memberId: Schema.String, text: Schema.String })
const Unmet = Schema.Struct({ group: Schema.Number, text: Schema.String })

/**
 * The part of `groups form --json` the report reads.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Saved } from "@grenzeloos/cli"
 *
 * const saved = Schema.decodeUnknownSync(Saved.SavedGroups)({
 *   round: { name: "Leergroepen 2027" },
 *   result: { groups: [{ index: 0, memberIds: ["m-1", "m-2"] }], explanations: [], unmet: [] }
 * })
 * ```
 * @since 0.1.0
 */
export const SavedGroups = Schema.Struct({
  round: Schema.Struct({ name: Schema.String }),
  result: Schema.Struct({
    groups: Schema.Array(
      Schema.Struct({
        index: Schema.Number,
        memberIds: Schema.Array(Schema.String),
        facilitatorId: Schema.optionalWith(Schema.String, { exact: true })
      })
    ),
    explanations: Schema.Array(Explanation),
    unmet: Schema.Array(Unmet)
  })
}).annotations({ identifier: "SavedGroups" })

const ThemeLine = Schema.Struct({
  themeId: Schema.String,
  title: Schema.optionalWith(Schema.String, { exact: true }),
  inProgramme: Schema.Boolean,
  place: Schema.Number,
  durationMinutes: Schema.Number,
  supporters: Schema.Number,
  explanation: Schema.String
})

/**
 * The part of `agenda prioritise --json` the report reads.
 *
 * @example
 * ```ts
 * import { Either, Schema } from "effect"
 * import { Saved } from "@grenzeloos/cli"
 *
 * const result = Schema.decodeUnknownEither(Saved.SavedAgenda)({ round: { title: "Stemronde" } })
 * Either.isLeft(result) // true: the result is missing
 * ```
 * @since 0.1.0
 */
export const SavedAgenda = Schema.Struct({
  round: Schema.Struct({ title: Schema.String }),
  result: Schema.Struct({
    method: Schema.Literal("greedy", "dots", "score", "borda", "schulze", "equal-shares"),
    unit: Schema.Literal("minutes", "slots"),
    budget: Schema.Number,
    used: Schema.Number,
    summary: Schema.String,
    programme: Schema.Array(ThemeLine),
    backlog: Schema.Array(ThemeLine),
    fairness: Schema.Struct({
      voters: Schema.Number,
      withAtLeastOne: Schema.Number,
      shareWithAtLeastOne: Schema.Number,
      members: Schema.Array(Schema.Struct({ inProgramme: Schema.Number }))
    }),
    equalShares: Schema.optionalWith(Schema.Struct({ sharePerMember: Schema.Number }), { exact: true })
  })
}).annotations({ identifier: "SavedAgenda" })

/**
 * Reads the groups section from the text of a `groups form --json` output, every problem with
 * its path.
 *
 * @example
 * ```ts
 * import { Saved } from "@grenzeloos/cli"
 *
 * const section = Saved.groups('{"round":{"name":"Leergroepen 2027"},"result":{"groups":[],"explanations":[],"unmet":[]}}', "groepen.json")
 * ```
 * @since 0.1.0
 */
export const groups = (text: string, file: string): Either.Either<GroupsSection, Domain.DecodeError> =>
  Either.map(
    Domain.decode(Schema.parseJson(SavedGroups), { subject: file, onExcessProperty: "ignore" })(text),
    (saved): GroupsSection => ({
      title: saved.round.name,
      grouping: {
        ...saved.result,
        groups: saved.result.groups.map((g) => ({
          index: g.index,
          memberIds: g.memberIds,
          facilitatorId: g.facilitatorId
        }))
      }
    })
  )

/**
 * Reads the programme's outcome and the round's title from the text of an
 * `agenda prioritise --json` output.
 *
 * @example
 * ```ts
 * import { Saved } from "@grenzeloos/cli"
 *
 * const outcome = Saved.agenda("{}", "programma.json") // Left: every missing field with its path
 * ```
 * @since 0.1.0
 */
export const agenda = (
  text: string,
  file: string
): Either.Either<{ readonly title: string; readonly result: AgendaOutcome }, Domain.DecodeError> =>
  Either.map(
    Domain.decode(Schema.parseJson(SavedAgenda), { subject: file, onExcessProperty: "ignore" })(text),
    (saved) => ({ title: saved.round.title, result: saved.result })
  )

/**
 * One row of `pnpm --silent bench fairness --json`, as the report reads it.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Saved } from "@grenzeloos/cli"
 *
 * const row = Schema.decodeUnknownSync(Saved.SimulationRow)({
 *   scenario: "minority-30",
 *   method: "perpetual-phragmen",
 *   carried: true,
 *   minorityShare: 0.29,
 *   windowCoverage: 0.93,
 *   gini: 0.21,
 *   totalSatisfaction: 12345
 * })
 * ```
 * @since 0.2.0
 */
export const SimulationRow = Schema.Struct({
  scenario: Schema.String,
  method: Schema.String,
  carried: Schema.Boolean,
  minorityShare: Schema.NullOr(Schema.Number.pipe(Schema.between(0, 1))),
  windowCoverage: Schema.Number.pipe(Schema.between(0, 1)),
  gini: Schema.Number,
  totalSatisfaction: Schema.Number
}).annotations({ identifier: "SimulationRow" })

/**
 * Reads the rows of a saved `pnpm --silent bench fairness --json` for the report's "the
 * minority in the simulation" picture.
 *
 * @example
 * ```ts
 * import { Saved } from "@grenzeloos/cli"
 *
 * const rows = Saved.simulation("[]", "simulatie.json") // Right: no rows
 * ```
 * @since 0.2.0
 */
export const simulation = (
  text: string,
  file: string
): Either.Either<ReadonlyArray<typeof SimulationRow.Type>, Domain.DecodeError> =>
  Domain.decode(Schema.parseJson(Schema.Array(SimulationRow)), { subject: file, onExcessProperty: "ignore" })(text)
