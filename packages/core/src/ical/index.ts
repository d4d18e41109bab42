/**
 * iCalendar (RFC 5545 / 5546) rendering: invitations, updates, cancellations and session series
 * with VTIMEZONE, escaping and line folding.
 *
 * @since 0.1.0
 */
/**
 * The error for an event the iCalendar renderer cannot render, with the path of every problem.
 *
 * @since 0.1.0
 */
export { ICalendarInputError } from "../domain/DecodeError.js"
/**
 * RFC 5545 content lines: escaping, parameter values, date-times and folding at 75 octets.
 *
 * @since 0.1.0
 */
export * as ContentLine from "./ContentLine.js"
/**
 * iCalendar invitations, updates, cancellations and session series (RFC 5545 and RFC 5546).
 *
 * @since 0.1.0
 */
export * as Invitation from "./Invitation.js"
/**
 * VTIMEZONE components derived from the IANA rules the platform knows.
 *
 * @since 0.1.0
 */
export * as VTimezone from "./VTimezone.js"
