/**
 * Cases: the concrete questions members bring to their learning group.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { oneOf } from "../internal/literals.js"
import { Timestamp } from "./DateTimes.js"
import { CaseId, CommunityId, LearningGroupId, MemberId } from "./Ids.js"
import { FreeText, Title } from "./Text.js"

/**
 * Where a case stands: `open` or `discussed`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // A list screen filtered by ?status=…; an unknown value is rejected with the values allowed.
 * declare const url: URL
 * declare const cases: ReadonlyArray<Domain.Case>
 * const status = Schema.decodeUnknownSync(Domain.CaseStatus)(url.searchParams.get("status"))
 * const shown = cases.filter((c) => c.status === status)
 * ```
 * @since 0.1.0
 */
export const CaseStatus = oneOf("CaseStatus", "open", "discussed")
/** @since 0.1.0 */
export type CaseStatus = typeof CaseStatus.Type

/**
 * A question a member brings to their group. Confidential to that group: its description is kept
 * `Redacted`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const c = Schema.decodeUnknownSync(Domain.Case)({
 *   id: "c-001",
 *   communityId: "rijk",
 *   groupId: "g-2027-1",
 *   authorId: "m-001",
 *   title: "Een bestuurder die niet wil kiezen",
 *   description: "…",
 *   status: "open",
 *   createdAt: "2027-02-03T15:00:00.000Z"
 * })
 * ```
 * @since 0.1.0
 */
export class Case extends Schema.Class<Case>("Case")({
  id: CaseId,
  communityId: CommunityId,
  groupId: LearningGroupId,
  authorId: MemberId,
  title: Title,
  description: Schema.Redacted(FreeText),
  status: CaseStatus,
  createdAt: Timestamp
}) {}
