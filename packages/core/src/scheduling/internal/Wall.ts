// Wall-clock conversions shared by the scheduling engines; not exported from the package.
import { DateTime } from "effect"
import * as EpochDay from "./EpochDay.js"

/** The instant of a local day number and minutes after midnight in a zone (see LocalTime.at). */
export const atDay = (days: number, minutes: number, timeZone: DateTime.TimeZone): DateTime.Zoned => {
  const { year, month, day } = EpochDay.toYmd(days)
  return DateTime.unsafeMakeZoned(
    { year, month, day, hours: Math.floor(minutes / 60), minutes: minutes % 60 },
    { timeZone, adjustForTimeZone: true, disambiguation: "compatible" }
  )
}

/** Local day number and minutes after midnight of a zoned instant (private to the engines). */
export const localDayAndMinutes = (moment: DateTime.Zoned): { readonly day: number; readonly minutes: number } => {
  const parts = DateTime.toParts(moment)
  return { day: EpochDay.fromYmd(parts.year, parts.month, parts.day), minutes: parts.hours * 60 + parts.minutes }
}
