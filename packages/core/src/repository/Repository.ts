/**
 * Typed repositories on top of the Store port: they encode records with the domain schemas on
 * the way in and decode them on the way out, so adapters never see domain types. A stored record
 * that does not decode is reported with its kind, id and every problem's path, never skipped.
 *
 * @since 0.1.0
 */
import { Effect, Either, Option, Schema } from "effect"
import type { AvailabilityPoll, PollResponse } from "../domain/AvailabilityPoll.js"
import type { Ballot } from "../domain/Ballot.js"
import type { Community } from "../domain/Community.js"
import { type DecodeError, decode } from "../domain/DecodeError.js"
import type { Facilitator } from "../domain/Facilitator.js"
import type { Gathering } from "../domain/Gathering.js"
import type { LearningGroup } from "../domain/LearningGroup.js"
import type { Member } from "../domain/Member.js"
import type { Round } from "../domain/Round.js"
import type { Theme } from "../domain/Theme.js"
import type { VotingRound } from "../domain/VotingRound.js"
import {
  type CommunityStore,
  type FindOptions,
  type Page,
  StoreDecodeError,
  type StoredRecord,
  type StoreError,
  StoreInvalidRequest,
  type Write
} from "../ports/Store.js"
import type { RecordKind } from "./Kinds.js"
import * as Kinds from "./Kinds.js"

/**
 * A decoded record with the version it was read at: pass the version back when writing it.
 *
 * @since 0.1.0
 */
export interface Versioned<A> {
  readonly value: A
  readonly version: number
}

const decodeWith = <A, I>(kind: RecordKind<A, I>) => {
  // Unknown fields are errors here too (decision 0004). The fast decoder stops at the first
  // problem; only a document that fails is decoded again to report every problem with its path.
  const fast = Schema.decodeUnknownEither(kind.schema, { onExcessProperty: "error" })
  const thorough = decode(kind.schema, { subject: kind.kind })
  return (store: CommunityStore, record: StoredRecord): Either.Either<Versioned<A>, StoreDecodeError> => {
    const quick = fast(record.document)
    const result: Either.Either<A, DecodeError> = Either.isRight(quick)
      ? Either.right(quick.right)
      : thorough(record.document)
    if (Either.isLeft(result))
      return Either.left(
        new StoreDecodeError({
          communityId: store.communityId,
          kind: record.kind,
          id: record.id,
          problems: result.left.problems
        })
      )
    const value = result.right
    const problems = [
      ...(kind.idOf(value) === record.id
        ? []
        : [{ path: "id", message: `is ${kind.idOf(value)}, but the record is stored as ${record.id}` }]),
      ...(kind.communityOf(value) === store.communityId
        ? []
        : [
            {
              path: "communityId",
              message: `is ${kind.communityOf(value)}, but the record is stored in community ${store.communityId}`
            }
          ])
    ]
    return problems.length > 0
      ? Either.left(
          new StoreDecodeError({ communityId: store.communityId, kind: record.kind, id: record.id, problems })
        )
      : Either.right({ value, version: record.version })
  }
}

/**
 * Reads and decodes one record.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const member = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.get(store, Repository.Members, "m-001")
 * )
 * ```
 * @since 0.1.0
 */
export const get = <A, I>(
  store: CommunityStore,
  kind: RecordKind<A, I>,
  id: string
): Effect.Effect<Option.Option<Versioned<A>>, StoreError> =>
  Effect.flatMap(store.get(kind.kind, id), (found) =>
    Option.match(found, {
      onNone: () => Effect.succeedNone,
      onSome: (record) => Effect.map(decodeWith(kind)(store, record), Option.some)
    })
  )

/**
 * Reads and decodes one page of records of a kind (by id), optionally filtered on indexed fields.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const firstPage = Effect.flatMap(Store.forCommunity("rijk"), (store) =>
 *   Repository.find(store, Repository.Members, { where: { status: "active" }, limit: 50 })
 * )
 * ```
 * @since 0.1.0
 */
export const find = <A, I>(
  store: CommunityStore,
  kind: RecordKind<A, I>,
  options?: FindOptions
): Effect.Effect<Page<Versioned<A>>, StoreError> => {
  const decodeOne = decodeWith(kind)
  return Effect.flatMap(store.find(kind.kind, options), (page) =>
    Effect.map(
      Effect.forEach(page.items, (record) => decodeOne(store, record)),
      (items) => ({ items, cursor: page.cursor })
    )
  )
}

/**
 * Reads and decodes every record of a kind matching `where`, by id.
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
export const all = <A, I>(
  store: CommunityStore,
  kind: RecordKind<A, I>,
  where?: Readonly<Record<string, string>>
): Effect.Effect<ReadonlyArray<Versioned<A>>, StoreError> => {
  const decodeOne = decodeWith(kind)
  return Effect.flatMap(store.findAll(kind.kind, where), (records) =>
    Effect.suspend(() => {
      // One loop per kind, not an effect per record: communities load thousands of records.
      const out: Array<Versioned<A>> = []
      for (const record of records) {
        const result = decodeOne(store, record)
        if (Either.isLeft(result)) return Effect.fail(result.left)
        out.push(result.right)
      }
      return Effect.succeed(out)
    })
  )
}

/**
 * Encodes a record into a put for a batch: `expectedVersion` 0 creates it, otherwise it replaces
 * the version read.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Domain, Repository, Store } from "@grenzeloos/core"
 *
 * declare const member: Domain.Member
 * const program = Effect.gen(function* () {
 *   const store = yield* Store.forCommunity(member.communityId)
 *   const write = yield* Repository.put(Repository.Members, member, 0)
 *   return yield* store.commit({ writes: [write] })
 * })
 * ```
 * @since 0.1.0
 */
export const put = <A, I>(
  kind: RecordKind<A, I>,
  value: A,
  expectedVersion: number
): Effect.Effect<Write, StoreInvalidRequest> =>
  Either.match(Schema.encodeEither(kind.schema)(value), {
    onLeft: (error) =>
      Effect.fail(
        new StoreInvalidRequest({
          operation: "put",
          problems: [{ path: `${kind.kind} ${kind.idOf(value)}`, message: `does not encode: ${error.message}` }]
        })
      ),
    onRight: (document): Effect.Effect<Write> =>
      Effect.succeed({
        _tag: "Put",
        kind: kind.kind,
        id: kind.idOf(value),
        expectedVersion,
        document,
        indexes: kind.indexes(value)
      })
  })

/**
 * A delete of a record at the version read.
 *
 * @example
 * ```ts
 * import { Repository } from "@grenzeloos/core"
 *
 * const write = Repository.remove(Repository.Themes, "t-woo", 2)
 * ```
 * @since 0.1.0
 */
export const remove = <A, I>(kind: RecordKind<A, I>, id: string, expectedVersion: number): Write => ({
  _tag: "Delete",
  kind: kind.kind,
  id,
  expectedVersion
})

/**
 * Everything stored about a community, decoded: what a use case loads before it calls an engine.
 *
 * @since 0.1.0
 */
export interface CommunitySnapshot {
  readonly community: Option.Option<Versioned<Community>>
  readonly members: ReadonlyArray<Versioned<Member>>
  readonly facilitators: ReadonlyArray<Versioned<Facilitator>>
  readonly rounds: ReadonlyArray<Versioned<Round>>
  readonly groups: ReadonlyArray<Versioned<LearningGroup>>
  readonly themes: ReadonlyArray<Versioned<Theme>>
  readonly votingRounds: ReadonlyArray<Versioned<VotingRound>>
  readonly ballots: ReadonlyArray<Versioned<Ballot>>
  readonly gatherings: ReadonlyArray<Versioned<Gathering>>
  readonly polls: ReadonlyArray<Versioned<AvailabilityPoll>>
  readonly pollResponses: ReadonlyArray<Versioned<PollResponse>>
}

/**
 * Loads and decodes a community's members, facilitators, rounds, groups, themes, voting rounds,
 * ballots, gatherings and polls (not the confidential intakes and cases).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Repository, Store } from "@grenzeloos/core"
 *
 * const snapshot = Effect.flatMap(Store.forCommunity("rijk"), Repository.loadCommunity)
 * ```
 * @since 0.1.0
 */
export const loadCommunity = (store: CommunityStore): Effect.Effect<CommunitySnapshot, StoreError> =>
  Effect.all({
    community: get(store, Kinds.Communities, store.communityId),
    members: all(store, Kinds.Members),
    facilitators: all(store, Kinds.Facilitators),
    rounds: all(store, Kinds.Rounds),
    groups: all(store, Kinds.LearningGroups),
    themes: all(store, Kinds.Themes),
    votingRounds: all(store, Kinds.VotingRounds),
    ballots: all(store, Kinds.Ballots),
    gatherings: all(store, Kinds.Gatherings),
    polls: all(store, Kinds.AvailabilityPolls),
    pollResponses: all(store, Kinds.PollResponses)
  })
