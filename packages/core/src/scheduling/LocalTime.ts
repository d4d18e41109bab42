/**
 * Local dates and times in a named time zone (Europe/Amsterdam unless the caller says otherwise),
 * resolved to instants with Effect's `DateTime`, which reads the IANA rules through `Intl`, so
 * daylight-saving changes are never guessed.
 *
 * @since 0.1.0
 */
import { DateTime, Either, Option, Schema } from "effect"
import type { CalendarDate } from "../domain/CalendarDate.js"
import { SchedulingInputError } from "../domain/DecodeError.js"
import * as EpochDay from "./internal/EpochDay.js"
import { atDay } from "./internal/Wall.js"

/**
 * The community's time zone, used whenever a caller does not name one.
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Scheduling.LocalTime.DEFAULT_TIME_ZONE // "Europe/Amsterdam"
 * ```
 * @since 0.1.0
 */
export const DEFAULT_TIME_ZONE = "Europe/Amsterdam"

/**
 * A wall-clock time written `HH:MM` (24-hour clock), e.g. `"13:30"`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Schema.decodeUnknownSync(Scheduling.LocalTime.TimeOfDay)("13:30")
 * ```
 * @since 0.1.0
 */
export const TimeOfDay = Schema.String.pipe(
  Schema.pattern(/^([01]\d|2[0-3]):[0-5]\d$/, {
    message: (issue) =>
      `expected a time written HH:MM on a 24-hour clock, e.g. "13:30", got ${JSON.stringify(issue.actual)}`
  }),
  Schema.brand("TimeOfDay"),
  Schema.annotations({ identifier: "TimeOfDay" })
)
/** @since 0.1.0 */
export type TimeOfDay = typeof TimeOfDay.Type

/**
 * Minutes after midnight of a {@link TimeOfDay}.
 *
 * @example
 * ```ts
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Scheduling.LocalTime.minutesOfDay(Scheduling.LocalTime.TimeOfDay.make("13:30")) // 810
 * ```
 * @since 0.1.0
 */
export const minutesOfDay = (time: TimeOfDay): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/**
 * Resolves an IANA time-zone name; an unknown name is a {@link SchedulingInputError} at `path`.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * Either.isLeft(Scheduling.LocalTime.zone("Europe/Amsterdm")) // true
 * ```
 * @since 0.1.0
 */
export const zone = (name: string, path = "timeZone"): Either.Either<DateTime.TimeZone.Named, SchedulingInputError> =>
  Option.match(DateTime.zoneMakeNamed(name), {
    onNone: () =>
      Either.left(
        new SchedulingInputError({
          subject: "time zone",
          problems: [
            {
              path,
              message: `unknown time zone ${JSON.stringify(name)}; expected an IANA name such as "Europe/Amsterdam"`
            }
          ]
        })
      ),
    onSome: Either.right
  })

/**
 * The instant at which a local date and time occur in a zone. In the hour skipped in spring the
 * clock is read as the later time (02:30 becomes 03:30); in the repeated autumn hour the earlier
 * instant is taken, as calendar clients do.
 *
 * @example
 * ```ts
 * import { DateTime, Either } from "effect"
 * import { Domain, Scheduling } from "@grenzeloos/core"
 *
 * const amsterdam = Either.getOrThrow(Scheduling.LocalTime.zone("Europe/Amsterdam"))
 * const start = Scheduling.LocalTime.at(Domain.CalendarDate.make("2027-03-11"), 13 * 60, amsterdam)
 * DateTime.formatIsoZoned(start) // "2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]"
 * ```
 * @since 0.1.0
 */
export const at = (date: CalendarDate, minutes: number, timeZone: DateTime.TimeZone): DateTime.Zoned =>
  atDay(EpochDay.parse(date), minutes, timeZone)

/**
 * The local calendar date of an instant in its own zone.
 *
 * @example
 * ```ts
 * import { DateTime } from "effect"
 * import { Scheduling } from "@grenzeloos/core"
 *
 * const t = DateTime.unsafeMakeZoned("2027-03-11T23:30:00Z", { timeZone: "Europe/Amsterdam" })
 * Scheduling.LocalTime.localDate(t) // "2027-03-12"
 * ```
 * @since 0.1.0
 */
export const localDate = (moment: DateTime.Zoned): CalendarDate => {
  const parts = DateTime.toParts(moment)
  return EpochDay.format(EpochDay.fromYmd(parts.year, parts.month, parts.day))
}
