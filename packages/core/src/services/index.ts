/**
 * The use cases of the community as Effect services, with their ports (Ids, Settings), errors,
 * and the Promise facade.
 *
 * @since 0.1.0
 */
/**
 * Keeping the backlog and the ballots right: edit or withdraw a theme, withdraw a ballot, record
 * the ballots of a paper or spreadsheet vote.
 *
 * @since 0.1.0
 */
export * as Backlog from "./Backlog.js"
/**
 * The rest of a gathering's life: ask for and record poll answers, move, cancel and close it.
 *
 * @since 0.1.0
 */
export * as Cycle from "./Cycle.js"
/**
 * The errors of the use cases, each with the fields a caller needs to act.
 *
 * @since 0.1.0
 */
export * from "./Errors.js"
/**
 * Fairness over the year, read back: the stored fairness records of the carried votes with the
 * members' names.
 *
 * @since 0.2.0
 */
export * as Fairness from "./Fairness.js"
/**
 * Use cases of the quarterly gathering: plan, poll, decide, invite, remind and record attendance.
 *
 * @since 0.1.0
 */
export * as Gatherings from "./Gatherings.js"
/**
 * Use cases of learning groups: form, publish and read the groups of a round, and bring cases to a group.
 *
 * @since 0.1.0
 */
export * as Groups from "./Groups.js"
/**
 * The Ids port: where the use cases get the ids of the records they create.
 *
 * @since 0.1.0
 */
export * as Ids from "./Ids.js"
/**
 * Use cases of intakes: plan an intake for every invited member, and record how it went.
 *
 * @since 0.1.0
 */
export * as Intakes from "./Intakes.js"
/**
 * Use cases of the community and its people: set up, register, import, read, pause and end.
 *
 * @since 0.1.0
 */
export * as Members from "./Members.js"
/**
 * Privacy (AVG / GDPR) and openness (Woo): export a member's data, forget a member, answer a Woo request, read the audit log.
 *
 * @since 0.1.0
 */
export * as Privacy from "./Privacy.js"
/**
 * A gathering's programme: changed on purpose once invited, read back with the vote behind it.
 *
 * @since 0.1.0
 */
export * as Programme from "./Programme.js"
/**
 * An optional port through which long-running use cases report their progress.
 *
 * @since 0.1.0
 */
export * as Progress from "./Progress.js"
/**
 * The read policy for personal fields: what each reader may read of a member's name, address,
 * interests, intake notes, case texts, ballots and poll answers, as one table and one function.
 *
 * @since 0.2.0
 */
export * as ReadPolicy from "./ReadPolicy.js"
/**
 * Learning-group sessions: timetables through the Sessions engine, sent as calendar series.
 *
 * @since 0.1.0
 */
export * as Sessions from "./Sessions.js"
/**
 * The settings the use cases need from the tool that embeds the library.
 *
 * @since 0.1.0
 */
export * as Settings from "./Settings.js"
/**
 * All use cases as one Effect service, and the Promise facade for tools that do not use Effect.
 *
 * @since 0.1.0
 */
export * as UseCases from "./UseCases.js"
/**
 * Use cases of the backlog agenda: propose themes, open a voting round, cast ballots and close the round.
 *
 * @since 0.1.0
 */
export * as Voting from "./Voting.js"
