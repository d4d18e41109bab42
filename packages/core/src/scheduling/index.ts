/**
 * The scheduling engines: the Dutch calendar, candidate dates for a quarter, availability polls,
 * learning-group session timetables and intake assignment. Pure, synchronous and deterministic.
 *
 * @since 0.1.0
 */
export * as CandidateSlots from "./CandidateSlots.js"
export * as DutchCalendar from "./DutchCalendar.js"
export { SchedulingInputError } from "./InputError.js"
export * as Intakes from "./Intakes.js"
export * as LocalTime from "./LocalTime.js"
export * as Poll from "./Poll.js"
export * as SchoolHolidays from "./SchoolHolidays.js"
export * as Sessions from "./Sessions.js"
export * as UnsuitableDays from "./UnsuitableDays.js"
