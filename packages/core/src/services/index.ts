/**
 * The use cases of the community as Effect services, with their ports (Ids, Settings), errors,
 * and the Promise facade.
 *
 * @since 0.1.0
 */
export * from "./Errors.js"
export * as Gatherings from "./Gatherings.js"
export * as Groups from "./Groups.js"
export * as Ids from "./Ids.js"
export * as Intakes from "./Intakes.js"
export * as Members from "./Members.js"
export * as Privacy from "./Privacy.js"
export * as Settings from "./Settings.js"
export * as UseCases from "./UseCases.js"
export * as Voting from "./Voting.js"
