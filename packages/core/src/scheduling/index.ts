/**
 * The scheduling engines: the Dutch calendar, candidate dates for a quarter, availability polls,
 * learning-group session timetables and intake assignment. Pure, synchronous and deterministic.
 *
 * @since 0.1.0
 */
/**
 * The error of the scheduling engines for input they cannot use, with the path of every problem.
 *
 * @since 0.1.0
 */
export { SchedulingInputError } from "../domain/DecodeError.js"
/**
 * Candidate dates for a quarterly gathering, spread over the quarter and away from unsuitable days.
 *
 * @since 0.1.0
 */
export * as CandidateSlots from "./CandidateSlots.js"
/**
 * The Dutch central-government calendar: the days its offices are closed, and Prinsjesdag.
 *
 * @since 0.1.0
 */
export * as DutchCalendar from "./DutchCalendar.js"
/**
 * Assigning every new member an intake slot with a facilitator, as many as possible at the least cost.
 *
 * @since 0.1.0
 */
export * as Intakes from "./Intakes.js"
/**
 * Local dates and times in a named time zone, resolved to instants without guessing daylight saving.
 *
 * @since 0.1.0
 */
export * as LocalTime from "./LocalTime.js"
/**
 * Deciding an availability poll: the best slot (or pair of slots), explained.
 *
 * @since 0.1.0
 */
export * as Poll from "./Poll.js"
/**
 * The school holidays of the three Dutch holiday regions, as a data table.
 *
 * @since 0.1.0
 */
export * as SchoolHolidays from "./SchoolHolidays.js"
/**
 * Learning-group session timetables: N sessions per group at even intervals, without clashes.
 *
 * @since 0.1.0
 */
export * as Sessions from "./Sessions.js"
/**
 * Which days of a period are unsuitable for a gathering, and why.
 *
 * @since 0.1.0
 */
export * as UnsuitableDays from "./UnsuitableDays.js"
