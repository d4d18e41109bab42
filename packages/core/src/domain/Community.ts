/**
 * The community: the tenant that every other record belongs to.
 *
 * @since 0.1.0
 */
import { DateTime, Option, Schema } from "effect"
import { Timestamp } from "./DateTimes.js"
import { CommunityId } from "./Ids.js"
import { Language } from "./Language.js"
import { Title } from "./Text.js"

/**
 * An IANA time-zone name known to this JavaScript runtime, e.g. `Europe/Amsterdam`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const zone = Schema.decodeUnknownSync(Domain.TimeZoneName)("Europe/Amsterdam")
 * // "Europe/Amsterdm" fails with: expected a time zone such as "Europe/Amsterdam", got "Europe/Amsterdm"
 * ```
 * @since 0.1.0
 */
export const TimeZoneName = Schema.String.pipe(
  Schema.filter((s) => Option.isSome(DateTime.zoneMakeNamed(s)), {
    message: (issue) => `expected a time zone such as "Europe/Amsterdam", got ${JSON.stringify(issue.actual)}`,
    arbitrary: () => (fc) => fc.constantFrom("Europe/Amsterdam", "Europe/Brussels", "UTC", "America/Curacao")
  }),
  Schema.annotations({ identifier: "TimeZoneName" })
)
/** @since 0.1.0 */
export type TimeZoneName = typeof TimeZoneName.Type

/**
 * Who sees members' answers to a date poll: `private` (the member and the programme team) or
 * `open` (everyone in the community).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const open = Schema.decodeUnknownSync(Domain.PollAnswers)("open")
 * ```
 * @since 0.2.0
 */
export const PollAnswers = Schema.Literal("private", "open").annotations({ identifier: "PollAnswers" })
/** @since 0.2.0 */
export type PollAnswers = typeof PollAnswers.Type

/**
 * A community of programme directors, run by a programme team. One deployment may host several
 * communities; no record is shared between them.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const community = Schema.decodeUnknownSync(Domain.Community)({
 *   id: "rijk",
 *   name: "Programmadirecteuren Rijk",
 *   defaultLanguage: "nl",
 *   timeZone: "Europe/Amsterdam",
 *   createdAt: "2026-01-05T09:00:00.000Z"
 * })
 * ```
 * @since 0.1.0
 */
export class Community extends Schema.Class<Community>("Community")({
  id: CommunityId,
  name: Title,
  /** The language of messages for members who have not chosen one. */
  defaultLanguage: Language,
  /** The zone in which the community's meetings take place; `Europe/Amsterdam` in the Netherlands. */
  timeZone: TimeZoneName,
  createdAt: Timestamp,
  /**
   * Who sees members' answers to a date poll: `private` (the default: the member and the
   * programme team) or `open` (every member and facilitator, as in a public Doodle). Since 0.2.0.
   */
  pollAnswers: Schema.optionalWith(PollAnswers, { exact: true })
}) {}
