// School-holiday coverage shared by the scheduling engines; not exported from the package.
import type { Holiday, Region, SchoolYear } from "../SchoolHolidays.js"
import * as EpochDay from "./EpochDay.js"

/** Per day of [first, last] the school holidays of the regions, and the first and last day no school year covers. */
export const schoolDaysBetween = (
  firstDay: number,
  lastDay: number,
  regions: ReadonlyArray<Region>,
  years: ReadonlyArray<SchoolYear>
): {
  readonly byDay: Map<number, Array<{ holiday: Holiday; schoolYear: string }>>
  readonly missing?: { readonly from: number; readonly to: number }
} => {
  const covered = new Uint8Array(lastDay - firstDay + 1)
  const byDay = new Map<number, Array<{ holiday: Holiday; schoolYear: string }>>()
  for (const year of years) {
    const from = Math.max(firstDay, EpochDay.parse(year.coversFrom))
    const to = Math.min(lastDay, EpochDay.parse(year.coversTo))
    for (let day = from; day <= to; day++) covered[day - firstDay] = 1
    for (const holiday of year.holidays) {
      if (!regions.includes(holiday.region)) continue
      const hFrom = Math.max(firstDay, EpochDay.parse(holiday.from))
      const hTo = Math.min(lastDay, EpochDay.parse(holiday.to))
      for (let day = hFrom; day <= hTo; day++) {
        const list = byDay.get(day) ?? []
        list.push({ holiday, schoolYear: year.schoolYear })
        byDay.set(day, list)
      }
    }
  }
  let missingFrom = -1
  let missingTo = -1
  if (regions.length > 0) {
    for (let i = 0; i < covered.length; i++) {
      if (covered[i] === 0) {
        if (missingFrom < 0) missingFrom = firstDay + i
        missingTo = firstDay + i
      }
    }
  }
  return missingFrom < 0 ? { byDay } : { byDay, missing: { from: missingFrom, to: missingTo } }
}
