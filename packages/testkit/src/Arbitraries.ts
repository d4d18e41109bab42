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
 * @example
 * ```ts
 * import { FastCheck, Schema } from "effect"
 * import { Arbitraries } from "@grenzeloos/testkit"
 *
 * // Every kind of record survives JSON and back; here the gatherings.
 * console.log(Object.keys(Arbitraries.records)) // ["Community", "Member", …]
 * const schema = Arbitraries.records.Gathering
 * FastCheck.assert(
 *   FastCheck.property(Arbitraries.of(schema), (gathering) => {
 *     const json = JSON.stringify(Schema.encodeSync(schema)(gathering))
 *     return Schema.decodeUnknownSync(schema)(JSON.parse(json)).id === gathering.id
 *   })
 * )
 * ```
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

/**
 * An arbitrary of valid members, for property tests of whatever reads or stores them.
 *
 * @example
 * ```ts
 * import { FastCheck } from "effect"
 * import type { Domain } from "@grenzeloos/core"
 * import { Arbitraries } from "@grenzeloos/testkit"
 *
 * // A tool's CSV export: every member written to a row reads back as the same member.
 * declare const toRow: (member: Domain.Member) => Record<string, string>
 * declare const fromRow: (row: Record<string, string>) => Domain.Member
 * FastCheck.assert(FastCheck.property(Arbitraries.member, (m) => fromRow(toRow(m)).id === m.id))
 * ```
 * @since 0.1.0
 */
export const member: FastCheck.Arbitrary<Domain.Member> = of(Domain.Member)
/**
 * An arbitrary of valid backlog themes.
 *
 * @example
 * ```ts
 * import { FastCheck } from "effect"
 * import { Arbitraries } from "@grenzeloos/testkit"
 *
 * // Ten themes for a hand-written test of an agenda screen.
 * const themes = FastCheck.sample(Arbitraries.theme, 10)
 * ```
 * @since 0.1.0
 */
export const theme: FastCheck.Arbitrary<Domain.Theme> = of(Domain.Theme)
/**
 * An arbitrary of valid ballots of every kind (approval, dots, scores, ranking).
 *
 * @example
 * ```ts
 * import { FastCheck } from "effect"
 * import type { Domain } from "@grenzeloos/core"
 * import { Arbitraries } from "@grenzeloos/testkit"
 *
 * // A ballot summary never throws, whatever kind of ballot it gets.
 * declare const summarise: (ballot: Domain.Ballot) => string
 * FastCheck.assert(FastCheck.property(Arbitraries.ballot, (b) => summarise(b).length > 0))
 * ```
 * @since 0.1.0
 */
export const ballot: FastCheck.Arbitrary<Domain.Ballot> = of(Domain.Ballot)
/**
 * An arbitrary of valid gatherings, in every status.
 *
 * @example
 * ```ts
 * import { FastCheck } from "effect"
 * import { Arbitraries } from "@grenzeloos/testkit"
 *
 * const cancelled = FastCheck.sample(
 *   Arbitraries.gathering.filter((g) => g.status === "cancelled"),
 *   5
 * )
 * ```
 * @since 0.1.0
 */
export const gathering: FastCheck.Arbitrary<Domain.Gathering> = of(Domain.Gathering)
