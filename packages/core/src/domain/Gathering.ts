/**
 * Gatherings: the quarterly community meeting.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { duplicatesIn } from "../internal/duplicates.js"
import { oneOf } from "../internal/literals.js"
import { repairArbitrary, uniqueBy } from "../internal/repairArbitrary.js"
import { Timestamp, ZonedDateTime } from "./DateTimes.js"
import { DurationMinutes } from "./Duration.js"
import { CommunityId, GatheringId, MemberId, ThemeId } from "./Ids.js"
import { Quarter } from "./Quarter.js"
import { FreeText, Title } from "./Text.js"

/**
 * The place of a gathering and how many people it holds.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const venue = Schema.decodeUnknownSync(Domain.Venue)({
 *   name: "Rijksoverheidsgebouw De Knoop",
 *   address: "Croeselaan 10, Utrecht",
 *   capacity: 120
 * })
 * ```
 * @since 0.1.0
 */
export const Venue = Schema.Struct({
  name: Title,
  address: Schema.optionalWith(FreeText, { exact: true }),
  /** How many people it holds; unknown when left out (a location given by name only). */
  capacity: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 100_000)), { exact: true })
}).annotations({ identifier: "Venue" })
/** @since 0.1.0 */
export type Venue = typeof Venue.Type

/**
 * One item of a gathering's programme: a theme and the minutes it gets.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const gathering: Domain.Gathering
 * const plannedMinutes = gathering.programme.reduce(
 *   (sum: number, item: Domain.ProgrammeItem) => sum + item.durationMinutes,
 *   0
 * )
 * ```
 * @since 0.1.0
 */
export const ProgrammeItem = Schema.Struct({
  themeId: ThemeId,
  durationMinutes: DurationMinutes
}).annotations({ identifier: "ProgrammeItem" })
/** @since 0.1.0 */
export type ProgrammeItem = typeof ProgrammeItem.Type

/**
 * A member's answer to an invitation: `yes`, `no` or `maybe` (as calendar clients answer
 * ACCEPTED, DECLINED, TENTATIVE).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From the reply link in an invitation: "yes", "no" or "maybe".
 * const response = Schema.decodeUnknownSync(Domain.RsvpResponse)("maybe")
 * ```
 * @since 0.1.0
 */
export const RsvpResponse = oneOf("RsvpResponse", "yes", "no", "maybe")
/** @since 0.1.0 */
export type RsvpResponse = typeof RsvpResponse.Type

/**
 * A member's latest answer to the invitation of a gathering.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const gathering: Domain.Gathering
 * const coming = gathering.rsvps.filter((rsvp: Domain.Rsvp) => rsvp.response === "yes").length
 * ```
 * @since 0.1.0
 */
export const Rsvp = Schema.Struct({
  memberId: MemberId,
  response: RsvpResponse,
  respondedAt: Timestamp
}).annotations({ identifier: "Rsvp" })
/** @since 0.1.0 */
export type Rsvp = typeof Rsvp.Type

/**
 * Where a gathering stands in its life cycle: `planned`, `polling` (candidate dates proposed, the
 * poll open), `date-decided`, `invited` (invitations out), `held`, `closed`, or `cancelled`. The
 * transitions between them are in `GatheringLifecycle`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // A list screen filtered by ?status=…; an unknown value is rejected with the values allowed.
 * declare const url: URL
 * declare const gatherings: ReadonlyArray<Domain.Gathering>
 * const status = Schema.decodeUnknownSync(Domain.GatheringStatus)(url.searchParams.get("status"))
 * const shown = gatherings.filter((g) => g.status === status)
 * ```
 * @since 0.1.0
 */
export const GatheringStatus = oneOf(
  "GatheringStatus",
  "planned",
  "polling",
  "date-decided",
  "invited",
  "held",
  "closed",
  "cancelled"
)
/** @since 0.1.0 */
export type GatheringStatus = typeof GatheringStatus.Type

// Records stored before the life cycle said `planning` (now `planned`) and `scheduled` (now
// `date-decided`: whether invitations went out is not recorded, and sending them again is
// harmless because the outbox refuses a message whose key it already holds).
const LEGACY_STATUS = { planning: "planned", scheduled: "date-decided" } as const
const STATUSES = GatheringStatus.literals
const StoredStatus = Schema.transform(
  Schema.Literal(...STATUSES, "planning", "scheduled").annotations({
    message: (issue) => ({
      message: `expected one of ${STATUSES.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(issue.actual)}`,
      override: true
    })
  }),
  GatheringStatus,
  {
    strict: true,
    decode: (status) => (status === "planning" || status === "scheduled" ? LEGACY_STATUS[status] : status),
    encode: (status) => status
  }
)

/** The states in which a gathering has a date and must say when it starts. */
const DATED: ReadonlySet<GatheringStatus> = new Set(["date-decided", "invited"])

const GatheringFields = Schema.Struct({
  id: GatheringId,
  communityId: CommunityId,
  title: Title,
  quarter: Quarter,
  status: StoredStatus,
  /** When the gathering starts, once decided. */
  startsAt: Schema.optionalWith(ZonedDateTime, { exact: true }),
  durationMinutes: DurationMinutes,
  venue: Schema.optionalWith(Venue, { exact: true }),
  programme: Schema.Array(ProgrammeItem),
  rsvps: Schema.Array(Rsvp),
  /**
   * The members the invitation was sent to (everyone of every send, in order), so who was invited
   * stays known after members leave; stored gatherings from before this field read as none.
   */
  invitees: Schema.optionalWith(Schema.Array(MemberId), { exact: true, default: () => [] }),
  /** The members who were there, recorded afterwards. */
  attendance: Schema.Array(MemberId),
  /** Raised with every change sent to invitees (the iCalendar SEQUENCE). */
  sequence: Schema.Int.pipe(Schema.nonNegative())
}).pipe(
  Schema.filter((g) => [
    ...duplicatesIn(
      g.programme,
      (p) => p.themeId,
      ["programme"],
      (id) => `theme ${id} is on the programme twice`
    ),
    ...duplicatesIn(
      g.rsvps,
      (r) => r.memberId,
      ["rsvps"],
      (id) => `member ${id} has two answers; keep the latest`
    ),
    ...duplicatesIn(
      g.invitees,
      (id) => id,
      ["invitees"],
      (id) => `member ${id} is invited twice`
    ),
    ...duplicatesIn(
      g.attendance,
      (id) => id,
      ["attendance"],
      (id) => `member ${id} is listed twice`
    ),
    ...(DATED.has(g.status) && g.startsAt === undefined
      ? [{ path: ["startsAt"], message: `a gathering that is ${g.status} needs a start time` }]
      : [])
  ])
)

/**
 * The quarterly meeting of the community: its date, venue, programme, answers and attendance.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const gathering = Schema.decodeUnknownSync(Domain.Gathering)({
 *   id: "q-2027-1",
 *   communityId: "rijk",
 *   title: "Kwartaalbijeenkomst voorjaar 2027",
 *   quarter: "2027-Q1",
 *   status: "invited",
 *   startsAt: "2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]",
 *   durationMinutes: 240,
 *   venue: { name: "De Nieuwe Kerk", capacity: 120 },
 *   programme: [{ themeId: "t-sabotage", durationMinutes: 60 }],
 *   rsvps: [],
 *   invitees: ["m-001", "m-002"],
 *   attendance: [],
 *   sequence: 0
 * })
 * ```
 * @since 0.1.0
 */
export class Gathering extends Schema.Class<Gathering>("Gathering")(
  GatheringFields.annotations({
    arbitrary: repairArbitrary<typeof GatheringFields.Type>((g) => ({
      ...g,
      status: DATED.has(g.status) && g.startsAt === undefined ? "planned" : g.status,
      programme: uniqueBy(g.programme, (p) => p.themeId),
      rsvps: uniqueBy(g.rsvps, (r) => r.memberId),
      invitees: uniqueBy(g.invitees, (id) => id),
      attendance: uniqueBy(g.attendance, (id) => id)
    }))
  })
) {}
