/**
 * Themes on the community's backlog agenda ("voorraadagenda").
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { oneOf } from "../internal/literals.js"
import { CalendarDate } from "./CalendarDate.js"
import { DurationMinutes } from "./Duration.js"
import { CommunityId, FacilitatorId, GatheringId, MemberId, ThemeId } from "./Ids.js"
import { FreeText, Title } from "./Text.js"

/**
 * Where a theme stands: on the `backlog`, `scheduled` for a gathering, `discussed`, or `archived`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // A list screen filtered by ?status=…; an unknown value is rejected with the values allowed.
 * declare const url: URL
 * declare const themes: ReadonlyArray<Domain.Theme>
 * const status = Schema.decodeUnknownSync(Domain.ThemeStatus)(url.searchParams.get("status"))
 * const shown = themes.filter((t) => t.status === status)
 * ```
 * @since 0.1.0
 */
export const ThemeStatus = oneOf("ThemeStatus", "backlog", "scheduled", "discussed", "archived")
/** @since 0.1.0 */
export type ThemeStatus = typeof ThemeStatus.Type

/**
 * Who proposed a theme: a member, or a facilitator on behalf of the programme team.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * const byMember: Domain.Proposer = { _tag: "Member", memberId: Domain.MemberId.make("m-001") }
 * const byTeam: Domain.Proposer = { _tag: "Facilitator", facilitatorId: Domain.FacilitatorId.make("f-001") }
 * ```
 * @since 0.1.0
 */
export const Proposer = Schema.Union(
  Schema.TaggedStruct("Member", { memberId: MemberId }),
  Schema.TaggedStruct("Facilitator", { facilitatorId: FacilitatorId })
).annotations({ identifier: "Proposer" })
/** @since 0.1.0 */
export type Proposer = typeof Proposer.Type

/**
 * A theme members want to discuss at a coming gathering, with the time it needs.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const theme = Schema.decodeUnknownSync(Domain.Theme)({
 *   id: "t-sabotage",
 *   communityId: "rijk",
 *   title: "Omgaan met sabotage",
 *   durationMinutes: 60,
 *   status: "backlog",
 *   proposedBy: { _tag: "Member", memberId: "m-001" },
 *   proposedOn: "2026-09-15",
 *   discussedAt: []
 * })
 * ```
 * @since 0.1.0
 */
export class Theme extends Schema.Class<Theme>("Theme")({
  id: ThemeId,
  communityId: CommunityId,
  title: Title,
  description: Schema.optionalWith(FreeText, { exact: true }),
  /** The time the theme needs on a gathering's programme. */
  durationMinutes: DurationMinutes,
  status: ThemeStatus,
  proposedBy: Proposer,
  proposedOn: CalendarDate,
  /** The gatherings at which the theme was on the programme, oldest first. */
  discussedAt: Schema.Array(GatheringId)
}) {}
