/**
 * fast-check arbitraries derived from the domain schemas, for property tests of tools and
 * adapters. They come from `effect/FastCheck` (the fast-check bundled with `effect`), so they work
 * with `@effect/vitest`'s `it.prop` and `FastCheck.assert`.
 *
 * @since 0.1.0
 */
import { Domain } from "@grenzeloos/core"
import { Arbitrary, type FastCheck, type Schema } from "effect"

/**
 * An arbitrary of the decoded values of any schema (a thin, typed wrapper of `Arbitrary.make`).
 *
 * @example
 * ```ts
 * import { FastCheck } from "effect"
 * import { Domain } from "@grenzeloos/core"
 * import { Arbitraries } from "@grenzeloos/testkit"
 *
 * FastCheck.sample(Arbitraries.of(Domain.Theme), 3)
 * ```
 * @since 0.1.0
 */
export const of = <A, I>(schema: Schema.Schema<A, I, never>): FastCheck.Arbitrary<A> => Arbitrary.make(schema)

/**
 * Every record type of the domain with its schema, by name: what round-trip and storage
 * conformance tests iterate over.
 *
 * @since 0.1.0
 */
export const records = {
  Community: Domain.Community,
  Member: Domain.Member,
  Facilitator: Domain.Facilitator,
  Intake: Domain.Intake,
  Round: Domain.Round,
  LearningGroup: Domain.LearningGroup,
  Case: Domain.Case,
  Theme: Domain.Theme,
  VotingRound: Domain.VotingRound,
  Ballot: Domain.Ballot,
  Gathering: Domain.Gathering,
  AvailabilityPoll: Domain.AvailabilityPoll,
  PollResponse: Domain.PollResponse
} as const

/** @since 0.1.0 */
export const member: FastCheck.Arbitrary<Domain.Member> = of(Domain.Member)
/** @since 0.1.0 */
export const theme: FastCheck.Arbitrary<Domain.Theme> = of(Domain.Theme)
/** @since 0.1.0 */
export const ballot: FastCheck.Arbitrary<Domain.Ballot> = of(Domain.Ballot)
/** @since 0.1.0 */
export const gathering: FastCheck.Arbitrary<Domain.Gathering> = of(Domain.Gathering)
