/**
 * Facilitators: the people of the programme team (and invited guests) who run intakes and learning
 * groups.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { oneOf } from "../internal/literals.js"
import { Email } from "./Email.js"
import { CommunityId, FacilitatorId } from "./Ids.js"
import { Language } from "./Language.js"
import { PersonName } from "./Text.js"

/**
 * A facilitator's role: `programme-team` (may read intake notes and run the community) or
 * `guest` (facilitates learning groups only).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // A list screen filtered by ?role=…; an unknown value is rejected with the values allowed.
 * declare const url: URL
 * declare const facilitators: ReadonlyArray<Domain.Facilitator>
 * const role = Schema.decodeUnknownSync(Domain.FacilitatorRole)(url.searchParams.get("role"))
 * const shown = facilitators.filter((f) => f.role === role)
 * ```
 * @since 0.1.0
 */
export const FacilitatorRole = oneOf("FacilitatorRole", "programme-team", "guest")
/** @since 0.1.0 */
export type FacilitatorRole = typeof FacilitatorRole.Type

/**
 * A facilitator of intakes and learning groups.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const facilitator = Schema.decodeUnknownSync(Domain.Facilitator)({
 *   id: "f-01",
 *   communityId: "rijk",
 *   name: "Fatima el Amrani",
 *   email: "f.elamrani@example.nl",
 *   role: "programme-team",
 *   preferredLanguage: "nl",
 *   maxGroups: 3
 * })
 * ```
 * @since 0.1.0
 */
export class Facilitator extends Schema.Class<Facilitator>("Facilitator")({
  id: FacilitatorId,
  communityId: CommunityId,
  name: PersonName,
  email: Schema.Redacted(Email),
  role: FacilitatorRole,
  preferredLanguage: Language,
  /** The most learning groups this facilitator leads in one round. */
  maxGroups: Schema.optionalWith(Schema.Int.pipe(Schema.between(0, 50)), { exact: true })
}) {}
