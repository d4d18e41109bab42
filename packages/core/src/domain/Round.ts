/**
 * Rounds: the period (often a year) in which learning groups meet.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { oneOf } from "../internal/literals.js"
import { repairArbitrary } from "../internal/repairArbitrary.js"
import { CalendarDate } from "./CalendarDate.js"
import { CommunityId, RoundId } from "./Ids.js"
import { Title } from "./Text.js"

/**
 * Where a round stands: `planning` (groups being formed), `active` or `closed`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // A list screen filtered by ?status=…; an unknown value is rejected with the values allowed.
 * declare const url: URL
 * declare const rounds: ReadonlyArray<Domain.Round>
 * const status = Schema.decodeUnknownSync(Domain.RoundStatus)(url.searchParams.get("status"))
 * const shown = rounds.filter((r) => r.status === status)
 * ```
 * @since 0.1.0
 */
export const RoundStatus = oneOf("RoundStatus", "planning", "active", "closed")
/** @since 0.1.0 */
export type RoundStatus = typeof RoundStatus.Type

const RoundFields = Schema.Struct({
  id: RoundId,
  communityId: CommunityId,
  name: Title,
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  status: RoundStatus
}).pipe(
  Schema.filter((round) =>
    round.endsOn < round.startsOn
      ? { path: ["endsOn"], message: `expected a date on or after startsOn (${round.startsOn}), got ${round.endsOn}` }
      : undefined
  )
)

/**
 * A round of learning groups, e.g. "2027", from its first to its last day.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const round = Schema.decodeUnknownSync(Domain.Round)({
 *   id: "r-2027",
 *   communityId: "rijk",
 *   name: "Leergroepen 2027",
 *   startsOn: "2027-01-01",
 *   endsOn: "2027-12-31",
 *   status: "planning"
 * })
 * ```
 * @since 0.1.0
 */
export class Round extends Schema.Class<Round>("Round")(
  RoundFields.annotations({
    arbitrary: repairArbitrary<typeof RoundFields.Type>((r) =>
      r.endsOn < r.startsOn ? { ...r, startsOn: r.endsOn, endsOn: r.startsOn } : r
    )
  })
) {}
