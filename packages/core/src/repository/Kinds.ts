/**
 * The record kinds of the domain as the Store keeps them: a kind name, the schema that encodes and
 * decodes the document, and the few fields the core declares as indexed.
 *
 * @since 0.1.0
 */
import { Redacted, type Schema } from "effect"
import { AvailabilityPoll, PollResponse } from "../domain/AvailabilityPoll.js"
import { Ballot } from "../domain/Ballot.js"
import { Case } from "../domain/Case.js"
import { Community } from "../domain/Community.js"
import { emailKey } from "../domain/Email.js"
import { Facilitator } from "../domain/Facilitator.js"
import { FairnessRecord } from "../domain/FairnessRecord.js"
import { Gathering } from "../domain/Gathering.js"
import { Intake } from "../domain/Intake.js"
import { LearningGroup } from "../domain/LearningGroup.js"
import { Member } from "../domain/Member.js"
import { Round } from "../domain/Round.js"
import { Theme } from "../domain/Theme.js"
import { VotingRound } from "../domain/VotingRound.js"

/**
 * The index values of a record of a kind whose indexed fields are `K`: each field has one value or
 * several (a group is indexed by each of its members).
 *
 * @since 0.2.0
 */
export type IndexesOf<K extends string> = { readonly [F in K]: string | ReadonlyArray<string> }

/**
 * The fields a `where` filter of a kind may name: only its indexed fields `K`, so a misspelt field
 * does not compile (it would otherwise find nothing); a kind without indexes takes no field.
 *
 * @since 0.2.0
 */
export type WhereOf<K extends string> = [K] extends [never]
  ? { readonly [field: string]: never }
  : { readonly [F in K]?: string }

/**
 * A kind of record: its name in the store, its schema, how to read its id and community, and its
 * indexed fields `K` (inferred by {@link define} from the indexes function).
 *
 * @since 0.1.0
 */
export interface RecordKind<A, I = unknown, K extends string = string> {
  readonly kind: string
  readonly schema: Schema.Schema<A, I, never>
  readonly idOf: (record: A) => string
  readonly communityOf: (record: A) => string
  readonly indexes: (record: A) => IndexesOf<K>
  /**
   * Indexed fields whose values no two records of the kind may share in a community; the store
   * enforces them atomically in the commit (since 0.2).
   */
  readonly unique?: ReadonlyArray<K>
}

/**
 * Declares a record kind for a schema whose records have an `id` and a `communityId`; `unique`
 * names indexed fields that no two records of the kind may share. The indexed fields are the keys
 * the indexes function returns: `Repository.all` and `find` accept only those in `where`.
 *
 * @example
 * ```ts
 * import { Domain, Repository } from "@grenzeloos/core"
 *
 * const Themes = Repository.define("theme", Domain.Theme, (t) => ({ status: t.status }))
 * ```
 * @since 0.1.0
 */
export const define = <
  A extends { readonly id: string; readonly communityId: string },
  I,
  K extends string = never,
  U extends string = never
>(
  kind: string,
  schema: Schema.Schema<A, I, never>,
  indexes: (record: A) => IndexesOf<K> = () => ({}) as IndexesOf<K>,
  // Not typed with K: a parameter whose type names K would fix K before the indexes function is
  // read (it is context-sensitive), leaving K empty.
  unique: ReadonlyArray<U> = []
): RecordKind<A, I, K | U> => ({
  kind,
  schema,
  idOf: (r) => r.id,
  communityOf: (r) => r.communityId,
  indexes: indexes as (record: A) => IndexesOf<K | U>,
  ...(unique.length === 0 ? {} : { unique })
})

// A value made of several ids, for a unique field: a JSON array, so no separator can collide.
const compound = (...parts: ReadonlyArray<string>): string => JSON.stringify(parts)

const optional = (value: string | undefined): ReadonlyArray<string> => (value === undefined ? [] : [value])

/**
 * The community record itself (stored in its own community).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const community = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.get(store, Repository.Communities, "rijk")
 * )
 * ```
 * @since 0.1.0
 */
export const Communities: RecordKind<Community, typeof Community.Encoded, never> = {
  kind: "community",
  schema: Community,
  idOf: (c) => c.id,
  communityOf: (c) => c.id,
  indexes: () => ({})
}

/**
 * Members, indexed by `status` and by `email` (the address's {@link emailKey}), which is unique:
 * one member per address per community.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const active = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.Members, { status: "active" })
 * )
 * ```
 * @since 0.1.0
 */
export const Members = define(
  "member",
  Member,
  (m) => ({ status: m.status, email: emailKey(Redacted.value(m.email)) }),
  ["email"]
)

/**
 * Facilitators, indexed by `role`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const facilitators = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.Facilitators)
 * )
 * ```
 * @since 0.1.0
 */
export const Facilitators = define("facilitator", Facilitator, (f) => ({ role: f.role }))

/**
 * Intakes, indexed by `memberId`, `facilitatorId` and `status`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const intakesOfMember = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.Intakes, { memberId: "m-001" })
 * )
 * ```
 * @since 0.1.0
 */
export const Intakes = define("intake", Intake, (i) => ({
  memberId: i.memberId,
  facilitatorId: i.facilitatorId,
  status: i.status
}))

/**
 * Rounds of learning groups, indexed by `status`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const activeRounds = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.Rounds, { status: "active" })
 * )
 * ```
 * @since 0.1.0
 */
export const Rounds = define("round", Round, (r) => ({ status: r.status }))

/**
 * Learning groups, indexed by `roundId`, by each `memberId` and by `facilitatorId`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const groupsOfMember = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.LearningGroups, { memberId: "m-001" })
 * )
 * ```
 * @since 0.1.0
 */
export const LearningGroups = define("learning-group", LearningGroup, (g) => ({
  roundId: g.roundId,
  memberId: g.memberIds,
  facilitatorId: optional(g.facilitatorId)
}))

/**
 * Cases, indexed by `groupId` and `authorId`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const casesOfGroup = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.Cases, { groupId: "g-2027-1" })
 * )
 * ```
 * @since 0.1.0
 */
export const Cases = define("case", Case, (c) => ({ groupId: c.groupId, authorId: c.authorId }))

/**
 * Themes of the backlog, indexed by `status`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const backlog = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.Themes, { status: "backlog" })
 * )
 * ```
 * @since 0.1.0
 */
export const Themes = define("theme", Theme, (t) => ({ status: t.status }))

/**
 * Voting rounds, indexed by `status` and `gatheringId`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const open = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.VotingRounds, { status: "open" })
 * )
 * ```
 * @since 0.1.0
 */
export const VotingRounds = define("voting-round", VotingRound, (v) => ({
  status: v.status,
  gatheringId: optional(v.gatheringId)
}))

/**
 * Ballots, indexed by `votingRoundId` and `memberId`, and by `voter` (round and member), which is
 * unique: one ballot per member and round.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const ballots = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.Ballots, { votingRoundId: "v-2027-q1" })
 * )
 * ```
 * @since 0.1.0
 */
export const Ballots = define(
  "ballot",
  Ballot,
  (b) => ({ votingRoundId: b.votingRoundId, memberId: b.memberId, voter: compound(b.votingRoundId, b.memberId) }),
  ["voter"]
)

/**
 * Gatherings, indexed by `quarter` and `status`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const thisQuarter = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.Gatherings, { quarter: "2027-Q1" })
 * )
 * ```
 * @since 0.1.0
 */
export const Gatherings = define("gathering", Gathering, (g) => ({ quarter: g.quarter, status: g.status }))

/**
 * Availability polls, indexed by `status` and `gatheringId`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const openPolls = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.AvailabilityPolls, { status: "open" })
 * )
 * ```
 * @since 0.1.0
 */
export const AvailabilityPolls = define("availability-poll", AvailabilityPoll, (p) => ({
  status: p.status,
  gatheringId: optional(p.gatheringId)
}))

/**
 * Responses to availability polls, indexed by `pollId` and `memberId`, and by `respondent` (poll
 * and member), which is unique: one response per member and poll.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const responses = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.PollResponses, { pollId: "p-2027-q1" })
 * )
 * ```
 * @since 0.1.0
 */
export const PollResponses = define(
  "poll-response",
  PollResponse,
  (r) => ({ pollId: r.pollId, memberId: r.memberId, respondent: compound(r.pollId, r.memberId) }),
  ["respondent"]
)

/**
 * Fairness records of the carried agenda methods (one per member and closed vote), indexed by
 * `votingRoundId` and `memberId`. They are the state the next vote starts from (decision 0027).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const ofMember = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.all(store, Repository.FairnessRecords, { memberId: "m-001" })
 * )
 * ```
 * @since 0.2.0
 */
export const FairnessRecords = define("fairness-record", FairnessRecord, (r) => ({
  votingRoundId: r.votingRoundId,
  memberId: r.memberId
}))

/**
 * Every record kind of the domain.
 *
 * @example
 * ```ts
 * import { Repository } from "@grenzeloos/core"
 *
 * const names = Repository.kinds.map((kind) => kind.kind) // ["community", "member", ...]
 * ```
 * @since 0.1.0
 */
export const kinds = [
  Communities,
  Members,
  Facilitators,
  Intakes,
  Rounds,
  LearningGroups,
  Cases,
  Themes,
  VotingRounds,
  Ballots,
  Gatherings,
  AvailabilityPolls,
  PollResponses,
  FairnessRecords
] as const
