/**
 * Grenzeloos: the domain, engines and plugin SDK for a cross-government community of programme
 * directors.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The agenda engine: ballots, voting methods, the Method of Equal Shares, standing rules,
 * explanations, fairness per member and the Pabulib format.
 *
 * @since 0.1.0
 */
export * as Agenda from "./agenda/index.js"
/**
 * The outbox dispatcher: leases, retries with backoff and jitter, and the dead-letter state.
 *
 * @since 0.1.0
 */
export * as Dispatcher from "./dispatch/index.js"
/**
 * The domain model: records, branded ids and decoding with paths.
 *
 * @since 0.1.0
 */
export * as Domain from "./domain/index.js"
/**
 * The grouping engine: learning groups from a policy over a pairwise score matrix, rotations
 * without repeated pairs, facilitators, explanations and infeasibility as a value.
 *
 * @since 0.1.0
 */
export * as Grouping from "./grouping/index.js"
/**
 * iCalendar rendering: invitations (REQUEST), updates (SEQUENCE) and cancellations (CANCEL) with
 * a VTIMEZONE.
 *
 * @since 0.1.0
 */
export * as ICalendar from "./ical/index.js"
/**
 * The reference in-memory Store.
 *
 * @since 0.1.0
 */
export * as MemoryStore from "./memory/MemoryStore.js"
/**
 * Notifications: the Notifier port, rendered messages, Dutch and English templates and the
 * console notifier.
 *
 * @since 0.1.0
 */
export * as Notifier from "./notify/index.js"
/**
 * The Store port of the plugin SDK: the service, the driver contract adapters implement, its
 * errors and the Promise-based driver helper.
 *
 * @since 0.1.0
 */
export * as Store from "./ports/Store.js"
/**
 * Seeded randomness for the deterministic engines.
 *
 * @since 0.1.0
 */
export * as Rng from "./random/index.js"
/**
 * Typed repositories over the Store port that encode and decode with the domain schemas.
 *
 * @since 0.1.0
 */
export * as Repository from "./repository/index.js"
/**
 * The scheduling engines: the Dutch calendar, candidate dates, availability polls, session
 * timetables and intake assignment.
 *
 * @since 0.1.0
 */
export * as Scheduling from "./scheduling/index.js"
/**
 * The authorization policy: who may do what, as a pure function of actor, action and resource.
 *
 * @since 0.1.0
 */
export * as Access from "./services/Access.js"
/**
 * The use cases: register and import members, plan intakes, form and publish learning groups,
 * cases, themes and votes, the gathering's dates, poll, invitations and reminders, RSVPs and
 * attendance, export, erasure and Woo requests, as Effect services with a Promise facade.
 *
 * @since 0.1.0
 */
export * as Services from "./services/index.js"
/**
 * What the engines and use cases say to people: their tagged reasons and refusals rendered in
 * Dutch or English, one renderer per language.
 *
 * @since 0.2.0
 */
export * as Texts from "./texts/index.js"
