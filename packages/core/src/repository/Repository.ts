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
import { decode } from "../domain/DecodeError.js"
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
  type StoredDocument,
  type StoreError,
  StoreInvalidRequest,
  type Write
} from "../ports/Store.js"
import * as Decoder from "./Decoder.js"
import type { RecordKind, WhereOf } from "./Kinds.js"
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

const PARSE_OPTIONS = { onExcessProperty: "error" } as const

type DecodeOne<A> = (communityId: string, record: StoredDocument) => Either.Either<Versioned<A>, StoreDecodeError>

// One decoder per kind, compiled on first use.
const decoders = new WeakMap<RecordKind<unknown, unknown>, DecodeOne<unknown>>()

const decodeWith = <A, I>(kind: RecordKind<A, I>): DecodeOne<A> => {
  const known = decoders.get(kind as RecordKind<unknown, unknown>)
  if (known !== undefined) return known as DecodeOne<A>
  // Unknown fields are errors here too (decision 0004). The compiled decoder accepts exactly what
  // the schema accepts (decision 0046); a document it does not accept is decoded by the schema
  // itself, which reports every problem with its path.
  // Stored documents are values JSON.parse returned (the port's contract for `document`).
  const fast = Decoder.compile(kind.schema, PARSE_OPTIONS, "json")
  const thorough = decode(kind.schema, { subject: kind.kind })
  const decodeOne: DecodeOne<A> = (communityId, record) => {
    const quick = fast(record.document)
    let value: A
    if (quick !== Decoder.Unsure) value = quick
    else {
      const result = thorough(record.document)
      if (Either.isLeft(result))
        return Either.left(
          new StoreDecodeError({ communityId, kind: record.kind, id: record.id, problems: result.left.problems })
        )
      value = result.right
    }
    const id = kind.idOf(value)
    const community = kind.communityOf(value)
    if (id === record.id && community === communityId) return Either.right({ value, version: record.version })
    const problems = [
      ...(id === record.id ? [] : [{ path: "id", message: `is ${id}, but the record is stored as ${record.id}` }]),
      ...(community === communityId
        ? []
        : [{ path: "communityId", message: `is ${community}, but the record is stored in community ${communityId}` }])
    ]
    return Either.left(new StoreDecodeError({ communityId, kind: record.kind, id: record.id, problems }))
  }
  decoders.set(kind as RecordKind<unknown, unknown>, decodeOne as DecodeOne<unknown>)
  return decodeOne
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
      onSome: (record) => Effect.map(decodeWith(kind)(store.communityId, record), Option.some)
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
export const find = <A, I, K extends string>(
  store: CommunityStore,
  kind: RecordKind<A, I, K>,
  options?: Omit<FindOptions, "where"> & { readonly where?: WhereOf<NoInfer<K>> }
): Effect.Effect<Page<Versioned<A>>, StoreError> => {
  const decodeOne = decodeWith(kind)
  return Effect.flatMap(store.find(kind.kind, options as FindOptions | undefined), (page) =>
    Effect.map(
      Effect.forEach(page.items, (record) => decodeOne(store.communityId, record)),
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
export const all = <A, I, K extends string>(
  store: CommunityStore,
  kind: RecordKind<A, I, K>,
  where?: WhereOf<NoInfer<K>>
): Effect.Effect<ReadonlyArray<Versioned<A>>, StoreError> => {
  const decodeOne = decodeWith(kind)
  // Without a filter, every record of the kind: one bulk read where the adapter offers it.
  const read: Effect.Effect<ReadonlyArray<StoredDocument>, StoreError> = where === undefined ||
  Object.keys(where).length === 0
    ? Effect.map(store.readKinds([kind.kind]), (byKind) => byKind.get(kind.kind) ?? [])
    : store.findAll(kind.kind, where as Readonly<Record<string, string>>)
  return Effect.flatMap(read, (records) =>
    Effect.suspend(() => {
      // One loop per kind, not an effect per record: communities load thousands of records.
      const out: Array<Versioned<A>> = []
      for (const record of records) {
        const result = decodeOne(store.communityId, record)
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
        indexes: kind.indexes(value),
        ...(kind.unique === undefined || kind.unique.length === 0 ? {} : { unique: kind.unique })
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

// The kinds of a snapshot, read at once.
const snapshotKinds: ReadonlyArray<RecordKind<unknown, unknown>> = [
  Kinds.Members,
  Kinds.Facilitators,
  Kinds.Rounds,
  Kinds.LearningGroups,
  Kinds.Themes,
  Kinds.VotingRounds,
  Kinds.Ballots,
  Kinds.Gatherings,
  Kinds.AvailabilityPolls,
  Kinds.PollResponses
] as ReadonlyArray<RecordKind<unknown, unknown>>

// Carries the first record that does not decode out of the snapshot's loops.
class Failed {
  constructor(readonly error: StoreDecodeError) {}
}

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
    records: store.readKinds(snapshotKinds.map((kind) => kind.kind))
  }).pipe(
    Effect.flatMap(({ community, records }) =>
      Effect.suspend(() => {
        // One loop per kind, not an effect per record: communities load thousands of records.
        const decodeAll = <A, I>(kind: RecordKind<A, I>): ReadonlyArray<Versioned<A>> => {
          const decodeOne = decodeWith(kind)
          const out: Array<Versioned<A>> = []
          for (const record of records.get(kind.kind) ?? []) {
            const result = decodeOne(store.communityId, record)
            if (Either.isLeft(result)) throw new Failed(result.left)
            out.push(result.right)
          }
          return out
        }
        try {
          return Effect.succeed<CommunitySnapshot>({
            community,
            members: decodeAll(Kinds.Members),
            facilitators: decodeAll(Kinds.Facilitators),
            rounds: decodeAll(Kinds.Rounds),
            groups: decodeAll(Kinds.LearningGroups),
            themes: decodeAll(Kinds.Themes),
            votingRounds: decodeAll(Kinds.VotingRounds),
            ballots: decodeAll(Kinds.Ballots),
            gatherings: decodeAll(Kinds.Gatherings),
            polls: decodeAll(Kinds.AvailabilityPolls),
            pollResponses: decodeAll(Kinds.PollResponses)
          })
        } catch (error) {
          if (error instanceof Failed) return Effect.fail(error.error)
          throw error
        }
      })
    )
  )
