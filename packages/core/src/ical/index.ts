/**
 * iCalendar (RFC 5545 / 5546) rendering: invitations, updates, cancellations and session series
 * with VTIMEZONE, escaping and line folding.
 *
 * @since 0.1.0
 */
export * as ContentLine from "./ContentLine.js"
export * from "./InputError.js"
export * as Invitation from "./Invitation.js"
export * as VTimezone from "./VTimezone.js"
