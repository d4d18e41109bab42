/**
 * The agenda cannot meet a standing rule: a value naming the rule and the themes involved, never
 * a thrown error.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A standing rule that cannot be met with this budget:
 * - `pinned-over-budget`: the pinned themes together need more than the meeting has;
 * - `pinned-over-max`: more themes are pinned than the maximum number of themes;
 * - `min-themes`: even the shortest eligible themes do not give the minimum number within the budget.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * const error = new Agenda.AgendaInfeasible({
 *   constraint: "pinned-over-budget",
 *   themeIds: ["t-woo", "t-ego"],
 *   detail: "the pinned themes need 200 minutes, the meeting has 180"
 * })
 * ```
 * @since 0.1.0
 */
export class AgendaInfeasible extends Schema.TaggedError<AgendaInfeasible>("@grenzeloos/core/AgendaInfeasible")(
  "AgendaInfeasible",
  {
    constraint: Schema.Literal("pinned-over-budget", "pinned-over-max", "min-themes"),
    /** The themes the rule concerns (the pinned ones, or the shortest eligible ones). */
    themeIds: Schema.Array(Schema.String),
    detail: Schema.String
  }
) {
  override get message(): string {
    return `the agenda rule ${this.constraint} cannot be met: ${this.detail} (themes: ${this.themeIds.join(", ")})`
  }
}
