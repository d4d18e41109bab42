/**
 * VTIMEZONE components (RFC 5545 §3.6.5) derived from the IANA rules the platform knows (through
 * `Intl`), so any named zone renders with its real offsets, daylight saving and history. Each
 * offset change in the years asked for becomes an observance with its exact onset.
 *
 * @since 0.1.0
 */
import { DateTime } from "effect"

const DAY_MS = 86_400_000

const offsetCache = new Map<string, DateTime.TimeZone.Named>()
const zoneOf = (name: string): DateTime.TimeZone.Named => {
  let zone = offsetCache.get(name)
  if (zone === undefined) {
    zone = DateTime.zoneUnsafeMakeNamed(name)
    offsetCache.set(name, zone)
  }
  return zone
}

/** The zone's UTC offset in milliseconds at an instant. */
const offsetAt = (zone: DateTime.TimeZone.Named, ms: number): number =>
  DateTime.zonedOffset(DateTime.unsafeMakeZoned(ms, { timeZone: zone }))

const abbreviation = (name: string, ms: number): string | undefined => {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone: name, timeZoneName: "short" })
    .formatToParts(new Date(ms))
    .find((p) => p.type === "timeZoneName")?.value
  return part === undefined || /^(GMT|UTC)[+-]/.test(part) ? undefined : part
}

const formatOffset = (offsetMs: number): string => {
  const sign = offsetMs < 0 ? "-" : "+"
  const total = Math.round(Math.abs(offsetMs) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return `${sign}${String(h).padStart(2, "0")}${String(m).padStart(2, "0")}${s === 0 ? "" : String(s).padStart(2, "0")}`
}

const wallClock = (ms: number): string => {
  const d = new Date(ms)
  const two = (n: number) => String(n).padStart(2, "0")
  return `${String(d.getUTCFullYear()).padStart(4, "0")}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`
}

/**
 * The instants (UTC milliseconds) at which a zone's offset changes in [fromYear, toYear], with
 * the offsets before and after.
 *
 * @example
 * ```ts
 * import { ICalendar } from "@grenzeloos/core"
 *
 * ICalendar.VTimezone.transitions("Europe/Amsterdam", 2027, 2027).length // 2 (end of March, end of October)
 * ```
 * @since 0.1.0
 */
export const transitions = (
  name: string,
  fromYear: number,
  toYear: number
): ReadonlyArray<{ readonly at: number; readonly from: number; readonly to: number }> => {
  const out: Array<{ at: number; from: number; to: number }> = []
  for (let year = fromYear; year <= toYear; year++) out.push(...transitionsIn(name, year))
  return out
}

const yearCache = new Map<string, ReadonlyArray<{ at: number; from: number; to: number }>>()

/** The offset changes within one calendar year (UTC), cached: the rules of a year do not change within a process. */
const transitionsIn = (name: string, year: number): ReadonlyArray<{ at: number; from: number; to: number }> => {
  const key = `${name}\u0000${year}`
  const cached = yearCache.get(key)
  if (cached !== undefined) return cached
  const zone = zoneOf(name)
  const out: Array<{ at: number; from: number; to: number }> = []
  const end = Date.UTC(year + 1, 0, 1)
  let t = Date.UTC(year, 0, 1)
  let before = offsetAt(zone, t)
  while (t < end) {
    const next = Math.min(t + DAY_MS, end)
    const after = offsetAt(zone, next)
    if (after !== before) {
      // Binary search for the first second with the new offset.
      let lo = t
      let hi = next
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000
        if (offsetAt(zone, mid) === before) lo = mid
        else hi = mid
      }
      out.push({ at: hi, from: before, to: after })
      before = after
    }
    t = next
  }
  yearCache.set(key, out)
  return out
}

/**
 * The content lines of a VTIMEZONE for a named zone covering the years [fromYear, toYear]: an
 * observance for the offset at the start of the range and one per offset change inside it,
 * STANDARD or DAYLIGHT as the offset falls or rises.
 *
 * @example
 * ```ts
 * import { ICalendar } from "@grenzeloos/core"
 *
 * ICalendar.VTimezone.lines("Europe/Amsterdam", 2027, 2028)[0] // "BEGIN:VTIMEZONE"
 * ```
 * @since 0.1.0
 */
export const lines = (name: string, fromYear: number, toYear: number): ReadonlyArray<string> => {
  // A zone's component for a range of years never changes within a process, and building it asks
  // Intl for every abbreviation: cache it (an invitation run renders it once per message).
  const key = `${name}\u0000${fromYear}\u0000${toYear}`
  const cached = linesCache.get(key)
  if (cached !== undefined) return cached
  const built = Object.freeze(build(name, fromYear, toYear))
  linesCache.set(key, built)
  return built
}

const linesCache = new Map<string, ReadonlyArray<string>>()

const build = (name: string, fromYear: number, toYear: number): Array<string> => {
  const zone = zoneOf(name)
  const start = Date.UTC(fromYear, 0, 1)
  const initial = offsetAt(zone, start)
  const changes = transitions(name, fromYear, toYear)
  const out: Array<string> = ["BEGIN:VTIMEZONE", `TZID:${name}`]
  const observance = (kind: "STANDARD" | "DAYLIGHT", at: number, from: number, to: number) => {
    const abbr = abbreviation(name, at + 1000)
    out.push(
      `BEGIN:${kind}`,
      `DTSTART:${wallClock(at + from)}`,
      `TZOFFSETFROM:${formatOffset(from)}`,
      `TZOFFSETTO:${formatOffset(to)}`,
      ...(abbr === undefined ? [] : [`TZNAME:${abbr}`]),
      `END:${kind}`
    )
  }
  // The offset in force at the start of the range, as an observance beginning there.
  const firstYearOffsets = [offsetAt(zone, start), offsetAt(zone, Date.UTC(fromYear, 6, 1))]
  const initialStandard = Math.min(...firstYearOffsets)
  observance(initial > initialStandard ? "DAYLIGHT" : "STANDARD", start, initial, initial)
  for (const change of changes) {
    const year = new Date(change.at).getUTCFullYear()
    const standard = Math.min(offsetAt(zone, Date.UTC(year, 0, 1)), offsetAt(zone, Date.UTC(year, 6, 1)))
    observance(change.to > standard ? "DAYLIGHT" : "STANDARD", change.at, change.from, change.to)
  }
  out.push("END:VTIMEZONE")
  return out
}
