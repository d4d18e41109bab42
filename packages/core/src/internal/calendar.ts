/**
 * Whether a written date is a day of the calendar: shared by the schemas of dates and of dates
 * with a time, because the platform's date parser rolls `2027-02-30` over to 2 March instead of
 * refusing it.
 */

const LEADING_DATE = /^([+-]?\d{4,6})-(\d{2})-(\d{2})/

/** Whether the month and day exist in that year of the proleptic Gregorian calendar. */
export const isValidDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(2000, month, 0))
  date.setUTCFullYear(year, month, 0)
  return day <= date.getUTCDate()
}

/**
 * For a text that starts with a date written `YYYY-MM-DD` (alone, or before a time), whether that
 * date exists; a text that does not start so is left to the parser that reads it (`true`).
 */
export const startsWithRealDate = (text: string): boolean => {
  const m = LEADING_DATE.exec(text)
  return m === null || isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))
}
