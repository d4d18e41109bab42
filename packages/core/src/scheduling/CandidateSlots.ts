/**
 * Candidate dates for a quarterly gathering: N slots in a quarter on the preferred weekdays and
 * times, far enough from the previous gathering, none on an unsuitable day, spread evenly over the
 * quarter so that a poll offers real alternatives.
 *
 * @since 0.1.0
 */
import { type DateTime, Either, Schema } from "effect"
import { CalendarDate } from "../domain/CalendarDate.js"
import { SchedulingInputError } from "../domain/DecodeError.js"
import { DurationMinutes } from "../domain/Duration.js"
import { SlotId } from "../domain/Ids.js"
import { Weekday } from "../domain/Member.js"
import { Quarter, quarterParts } from "../domain/Quarter.js"
import { reasonsByDay, yearRangeProblems } from "./internal/Calendar.js"
import * as EpochDay from "./internal/EpochDay.js"
import { decodeWith, validateWith } from "./internal/Validation.js"
import { atDay } from "./internal/Wall.js"
import { DEFAULT_TIME_ZONE, minutesOfDay, TimeOfDay, zone } from "./LocalTime.js"
import type { SchoolHolidaysUnavailable } from "./SchoolHolidays.js"
import { CalendarOptions, type Reason } from "./UnsuitableDays.js"

/**
 * What to propose: the quarter, how many slots, on which weekdays and at which local times.
 *
 * @example
 * ```ts
 * import { Either, Schema } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * // A request read from a JSON file; propose() checks it again and explains what is wrong.
 * const request = Schema.decodeUnknownSync(Scheduling.CandidateSlots.Request)({
 *   quarter: "2027-Q1",
 *   count: 4,
 *   weekdays: ["tuesday", "thursday"],
 *   startTimes: ["13:30"],
 *   durationMinutes: 180,
 *   calendar: { schoolRegions: ["middle"] }
 * })
 * const proposal = Scheduling.CandidateSlots.propose(request)
 * if (Either.isRight(proposal)) console.log(proposal.right.slots.length)
 * ```
 * @since 0.1.0
 */
export const Request = Schema.Struct({
  quarter: Quarter,
  count: Schema.Int.pipe(Schema.between(1, 200)),
  weekdays: Schema.NonEmptyArray(Weekday),
  startTimes: Schema.NonEmptyArray(TimeOfDay),
  durationMinutes: DurationMinutes,
  /** IANA zone of the start times; Europe/Amsterdam when left out. */
  timeZone: Schema.optionalWith(Schema.String, { exact: true }),
  /** The day of the previous gathering, if any. */
  previousGatheringOn: Schema.optionalWith(CalendarDate, { exact: true }),
  /** The fewest days between the previous gathering and a candidate (default 42, six weeks). */
  minDaysSincePrevious: Schema.optionalWith(Schema.Int.pipe(Schema.between(0, 366)), { exact: true }),
  calendar: Schema.optionalWith(CalendarOptions, { exact: true })
}).annotations({ identifier: "CandidateSlotsRequest" })
/** @since 0.1.0 */
export type Request = typeof Request.Type

/**
 * A proposed slot, shaped so that it can be put in an {@link Domain.AvailabilityPoll} as is.
 *
 * @since 0.1.0
 */
export interface Candidate {
  readonly id: SlotId
  readonly startsAt: DateTime.Zoned
  readonly durationMinutes: number
  readonly date: CalendarDate
}

/**
 * The proposal, with the days that were left out and why.
 *
 * @since 0.1.0
 */
export interface Proposal {
  readonly slots: ReadonlyArray<Candidate>
  /** How many days of the quarter were eligible (preferred weekday, suitable, far enough from the previous gathering). */
  readonly eligibleDays: number
  /** Preferred weekdays of the quarter that were left out, with every reason. */
  readonly excluded: ReadonlyArray<{ readonly date: CalendarDate; readonly reasons: ReadonlyArray<Reason | TooSoon> }>
  /** Set when fewer slots than asked could be proposed, saying why. */
  readonly shortfall?: Shortfall
}

/**
 * Why fewer candidates than asked were proposed, as data: `found` of `wanted`, from
 * `eligibleDays` days × `startTimes` start times in `quarter`. `Texts.of(language).reason` says it.
 *
 * @since 0.2.0
 */
export interface Shortfall {
  readonly _tag: "TooFewCandidates"
  readonly found: number
  readonly wanted: number
  readonly eligibleDays: number
  readonly startTimes: number
  readonly quarter: string
}

/**
 * A day too close to the previous gathering.
 *
 * @since 0.1.0
 */
export interface TooSoon {
  readonly _tag: "TooSoonAfterPrevious"
  readonly previousGatheringOn: CalendarDate
  readonly minDays: number
}

const validate = validateWith(Request, "candidate slots")

/**
 * Proposes `count` candidate slots in a quarter.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * const proposal = Scheduling.CandidateSlots.propose({
 *   quarter: Domain.Quarter.make("2027-Q2"),
 *   count: 6,
 *   weekdays: ["tuesday", "thursday"],
 *   startTimes: [Scheduling.LocalTime.TimeOfDay.make("13:00")],
 *   durationMinutes: 240,
 *   previousGatheringOn: Domain.CalendarDate.make("2027-03-11")
 * })
 * if (Either.isRight(proposal)) for (const s of proposal.right.slots) console.log(s.id)
 * ```
 * @since 0.1.0
 */
export const propose = (request: Request): Either.Either<Proposal, SchedulingInputError | SchoolHolidaysUnavailable> =>
  Either.flatMap(
    validate(request),
    (req): Either.Either<Proposal, SchedulingInputError | SchoolHolidaysUnavailable> =>
      Either.flatMap(
        zone(req.timeZone ?? DEFAULT_TIME_ZONE),
        (timeZone): Either.Either<Proposal, SchedulingInputError | SchoolHolidaysUnavailable> => {
          const { year, quarter } = quarterParts(req.quarter)
          const first = EpochDay.fromYmd(year, 3 * (quarter - 1) + 1, 1)
          const last =
            (quarter === 4 ? EpochDay.fromYmd(year + 1, 1, 1) : EpochDay.fromYmd(year, 3 * quarter + 1, 1)) - 1
          const range = yearRangeProblems(first, last, "quarter")
          if (range.length > 0)
            return Either.left(new SchedulingInputError({ subject: "candidate slots", problems: range }))
          return Either.map(reasonsByDay(first, last, req.calendar ?? {}), (reasons) => {
            const minGap = req.minDaysSincePrevious ?? 42
            const previous = req.previousGatheringOn === undefined ? undefined : EpochDay.parse(req.previousGatheringOn)
            const eligible: Array<number> = []
            const excluded: Array<{ date: CalendarDate; reasons: Array<Reason | TooSoon> }> = []
            for (let day = first; day <= last; day++) {
              if (!req.weekdays.includes(EpochDay.weekdayOf(day))) continue
              const why: Array<Reason | TooSoon> = [...(reasons.get(day) ?? [])]
              if (
                previous !== undefined &&
                req.previousGatheringOn !== undefined &&
                Math.abs(day - previous) < minGap
              ) {
                why.push({
                  _tag: "TooSoonAfterPrevious",
                  previousGatheringOn: req.previousGatheringOn,
                  minDays: minGap
                })
              }
              if (why.length === 0) eligible.push(day)
              else excluded.push({ date: EpochDay.format(day), reasons: why })
            }
            const times = req.startTimes.map(minutesOfDay).sort((a, b) => a - b)
            // Spread: distinct days first, evenly over the eligible days; only when there are fewer
            // eligible days than slots asked, a day gets a second start time.
            const picks: Array<{ day: number; minutes: number }> = []
            const perDay = Math.min(times.length, Math.ceil(req.count / Math.max(1, eligible.length)))
            const dayCount = Math.min(eligible.length, Math.ceil(req.count / Math.max(1, perDay)))
            for (let i = 0; i < dayCount; i++) {
              const index = Math.floor(((i + 0.5) * eligible.length) / dayCount)
              const day = eligible[index] as number
              for (let t = 0; t < perDay && picks.length < req.count; t++) {
                picks.push({ day, minutes: times[(i + t) % times.length] as number })
              }
            }
            const slots = picks.map(({ day, minutes }) => {
              const date = EpochDay.format(day)
              const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}`
              return {
                id: SlotId.make(`${req.quarter}-${date.replaceAll("-", "")}-${hhmm}`),
                startsAt: atDay(day, minutes, timeZone),
                durationMinutes: req.durationMinutes,
                date
              }
            })
            return {
              slots,
              eligibleDays: eligible.length,
              excluded,
              ...(slots.length < req.count
                ? {
                    shortfall: {
                      _tag: "TooFewCandidates",
                      found: slots.length,
                      wanted: req.count,
                      eligibleDays: eligible.length,
                      startTimes: times.length,
                      quarter: req.quarter
                    }
                  }
                : {})
            }
          })
        }
      )
  )

/**
 * Decodes a request from outside (a form, a file) with every problem and its path, e.g. a
 * quarter written "2027-Q5".
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Scheduling.CandidateSlots.decodeRequest({ quarter: "2027-Q5" }) // Left, with a problem at "quarter"
 * ```
 * @since 0.1.0
 */
export const decodeRequest = decodeWith(Request, "candidate slots")
