/**
 * The value the grouping engine returns when the hard constraints cannot all be met: which
 * constraint, which members (and facilitators), and a sentence for people in Dutch or English.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * The constraint that cannot be met.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * // What a planning screen advises per constraint that cannot be met.
 * const advice: Record<Grouping.Constraint, string> = {
 *   sizes: "Kies andere groepsgroottes.",
 *   organisation: "Maak organisatie een zachte regel.",
 *   programme: "Maak programma een zachte regel.",
 *   history: "Laat eerdere rondes zwaar wegen in plaats van verbieden.",
 *   "must-together": "Haal een van de paren die samen moeten weg.",
 *   "must-apart": "Haal een van de paren die apart moeten weg.",
 *   fixed: "Controleer de vaste plaatsen.",
 *   facilitators: "Voeg een begeleider toe of verhoog maxGroups."
 * }
 * // The help page: every constraint the engine can report, with the advice.
 * for (const constraint of Grouping.Constraint.literals) console.log(`${constraint}: ${advice[constraint]}`)
 * declare const request: Grouping.Input.Request
 * const result = Grouping.Form.form(request, { seed: 1 })
 * if (Either.isLeft(result)) console.log(advice[result.left.constraint])
 * ```
 * @since 0.1.0
 */
export const Constraint = Schema.Literal(
  "sizes",
  "organisation",
  "programme",
  "history",
  "must-together",
  "must-apart",
  "fixed",
  "facilitators"
)
/** @since 0.1.0 */
export type Constraint = typeof Constraint.Type

/**
 * The hard constraints cannot all be met: `constraint` names the rule, `memberIds` and
 * `facilitatorIds` the people involved, `detail` says why in the request's language.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * declare const request: Grouping.Input.Request
 * const result = Grouping.Form.form(request, { seed: 1 })
 * if (Either.isLeft(result)) console.log(result.left.constraint, result.left.memberIds, result.left.detail)
 * ```
 * @since 0.1.0
 */
export class GroupingInfeasible extends Schema.TaggedError<GroupingInfeasible>("@grenzeloos/core/GroupingInfeasible")(
  "GroupingInfeasible",
  {
    constraint: Constraint,
    memberIds: Schema.Array(Schema.String),
    facilitatorIds: Schema.Array(Schema.String),
    detail: Schema.String
  }
) {
  override get message(): string {
    return this.detail
  }
}
