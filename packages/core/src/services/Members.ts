/**
 * Use cases of the community and its people: set up the community, register facilitators,
 * register and import members, read the directory and a member's record, pause or end a
 * membership.
 *
 * @since 0.1.0
 */
import { Effect, Option, Redacted, Schedule, Schema } from "effect"
import { CalendarDate } from "../domain/CalendarDate.js"
import { Community, PollAnswers, TimeZoneName } from "../domain/Community.js"
import { DecodeError } from "../domain/DecodeError.js"
import { Email, emailKey } from "../domain/Email.js"
import { Facilitator, FacilitatorRole } from "../domain/Facilitator.js"
import { CommunityId, FacilitatorId, MemberId } from "../domain/Ids.js"
import { Language } from "../domain/Language.js"
import { Availability, Member, MemberStatus } from "../domain/Member.js"
import { Interest, OrganisationName, PersonName, Title } from "../domain/Text.js"
import type { Store, StoreError } from "../ports/Store.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import type { NotAllowed, NotFound } from "./Errors.js"
import { todayIn, zoneOf } from "./GatheringSupport.js"
import type { Ids } from "./Ids.js"
import { authorize, begin, commit, input, puts, required, type Session } from "./Runner.js"

/** What the member use cases need from the context. @inline */
type R = Store | Ids

/**
 * The input of {@link setUpCommunity}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * const community: typeof Services.Members.SetUpCommunity.Encoded = {
 *   name: "Programmadirecteuren Rijk",
 *   defaultLanguage: "nl",
 *   timeZone: "Europe/Amsterdam"
 * }
 * const program = Services.Members.setUpCommunity(admin, community)
 * ```
 * @since 0.1.0
 */
export const SetUpCommunity = Schema.Struct({
  name: Title,
  defaultLanguage: Schema.optionalWith(Language, { exact: true }),
  timeZone: Schema.optionalWith(TimeZoneName, { exact: true }),
  /** Who sees members' poll answers (default `private`: the member and the programme team). */
  pollAnswers: Schema.optionalWith(PollAnswers, { exact: true })
}).annotations({ identifier: "SetUpCommunity" })

/**
 * Creates the actor's community, or updates its name, language and time zone; running it again
 * with the same input changes nothing. Administrators only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * const program = Services.Members.setUpCommunity(admin, { name: "Programmadirecteuren Rijk" })
 * ```
 * @since 0.1.0
 */
export const setUpCommunity = Effect.fn("Members.setUpCommunity")(function* (
  actor: unknown,
  value: typeof SetUpCommunity.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(SetUpCommunity, "community")(value)
  yield* authorize(session, "community.setUp", { _tag: "Community", communityId: session.actor.communityId })
  const existing = yield* Repository.get(session.store, Kinds.Communities, session.store.communityId)
  const base = Option.getOrUndefined(existing)
  const community = new Community({
    id: CommunityId.make(session.store.communityId),
    name: request.name,
    defaultLanguage: request.defaultLanguage ?? base?.value.defaultLanguage ?? "nl",
    timeZone: request.timeZone ?? base?.value.timeZone ?? "Europe/Amsterdam",
    createdAt: base?.value.createdAt ?? session.now,
    ...pollAnswersOf(request.pollAnswers ?? base?.value.pollAnswers)
  })
  if (base !== undefined && sameEncoded(Community, base.value, community)) return community
  yield* commit(session, "community.setUp", {
    writes: yield* puts(Kinds.Communities, [{ value: community, version: base?.version ?? 0 }]),
    subject: { kind: "community", id: community.id }
  })
  return community
})

// "private" is the default, so it is not stored: a community set up before 0.2.0 reads the same.
const pollAnswersOf = (value: PollAnswers | undefined) => (value === "open" ? { pollAnswers: value } : {})

const sameEncoded = <A, I>(schema: Schema.Schema<A, I>, a: A, b: A): boolean =>
  JSON.stringify(Schema.encodeSync(schema)(a)) === JSON.stringify(Schema.encodeSync(schema)(b))

/**
 * One person in {@link RegisterMembers}: without an `id` the member is matched on e-mail address
 * (case-insensitively) and gets a new id when there is no match.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Services } from "@grenzeloos/core"
 *
 * // One row of a spreadsheet import, checked on its own so the problem names its row.
 * declare const row: unknown
 * const member = Domain.decode(Services.Members.MemberInput, { at: ["members", 3] })(row)
 * if (Either.isLeft(member)) console.error(member.left.message)
 * ```
 * @since 0.1.0
 */
export const MemberInput = Schema.Struct({
  id: Schema.optionalWith(MemberId, { exact: true }),
  name: PersonName,
  email: Email,
  organisation: OrganisationName,
  programme: Title,
  interests: Schema.optionalWith(Schema.Array(Interest), { exact: true }),
  preferredLanguage: Schema.optionalWith(Language, { exact: true }),
  status: Schema.optionalWith(MemberStatus, { exact: true }),
  joinedOn: Schema.optionalWith(CalendarDate, { exact: true }),
  availability: Schema.optionalWith(Availability, { exact: true })
}).annotations({ identifier: "MemberInput" })

/**
 * The input of {@link registerMembers}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const request: typeof Services.Members.RegisterMembers.Encoded = {
 *   members: [
 *     {
 *       name: "IJsbrand de Vries",
 *       email: "ijsbrand.devries@minbzk.nl",
 *       organisation: "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
 *       programme: "Renovatie Binnenhof"
 *     }
 *   ]
 * }
 * const program = Services.Members.registerMembers(team, request)
 * ```
 * @since 0.1.0
 */
export const RegisterMembers = Schema.Struct({ members: Schema.Array(MemberInput) }).annotations({
  identifier: "RegisterMembers"
})

/**
 * What {@link registerMembers} did, by member id.
 *
 * @since 0.1.0
 */
export interface Registered {
  readonly created: ReadonlyArray<MemberId>
  readonly updated: ReadonlyArray<MemberId>
  readonly unchanged: ReadonlyArray<MemberId>
}

/** Finds the stored person an input row means: the same id, else the same address (any case). */
const matcher = <A extends { readonly id: string; readonly email: Redacted.Redacted<string> }>(
  stored: ReadonlyArray<Repository.Versioned<A>>
) => {
  const byId = new Map(stored.map((p) => [p.value.id, p]))
  const byEmail = new Map(stored.map((p) => [emailKey(Redacted.value(p.value.email)), p]))
  return (id: string | undefined, email: string): Repository.Versioned<A> | undefined =>
    (id === undefined ? undefined : byId.get(id)) ?? byEmail.get(emailKey(email))
}

/**
 * Registers or updates members in one atomic batch (an import): new people are created (status
 * `invited` unless given), known people (same id, or same e-mail address) are updated, and
 * running it again with the same input changes nothing. Two rows with the same e-mail address
 * are an input error naming both. Programme team or administrators.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Members.registerMembers(team, {
 *   members: [{ name: "IJsbrand de Vries", email: "ijsbrand@example.nl", organisation: "BZK", programme: "Digitale overheid" }]
 * })
 * ```
 * @since 0.1.0
 */
export const registerMembers = Effect.fn("Members.registerMembers")(function* (
  actor: unknown,
  value: typeof RegisterMembers.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(RegisterMembers, "members")(value)
  yield* authorize(session, "member.register", { _tag: "Community", communityId: session.actor.communityId })
  const seen = new Map<string, number>()
  const problems: Array<{ path: string; message: string }> = []
  request.members.forEach((m, index) => {
    const key = emailKey(m.email)
    const first = seen.get(key)
    if (first !== undefined)
      problems.push({ path: `members[${index}].email`, message: `is the same address as members[${first}].email` })
    else seen.set(key, index)
  })
  const [first, ...rest] = problems
  if (first !== undefined)
    return yield* Effect.fail(new DecodeError({ subject: "members", problems: [first, ...rest] }))
  // Another import of the same people may commit between the read and the commit (two CLI
  // processes, two requests): the store then refuses the batch (an address is unique, decision
  // 0047; a member was updated meanwhile), and the import reads again and finds them there.
  return yield* registerOnce(session, request.members).pipe(
    Effect.retry({
      while: (error) =>
        error._tag === "StoreConflict" &&
        error.conflicts.every(
          (c) => (c._tag === "UniqueViolation" || c._tag === "VersionMismatch") && c.kind === Kinds.Members.kind
        ),
      schedule: Schedule.exponential("5 millis").pipe(Schedule.jittered),
      times: 8
    })
  )
})

const registerOnce = (session: Session, members: ReadonlyArray<typeof MemberInput.Type>) =>
  Effect.gen(function* () {
    const existing = yield* Repository.all(session.store, Kinds.Members)
    const find = matcher(existing)
    const created: Array<MemberId> = []
    const updated: Array<MemberId> = []
    const unchanged: Array<MemberId> = []
    const changes: Array<{ value: Member; version: number }> = []
    const today = CalendarDate.make(todayIn(session, yield* zoneOf(session)))
    for (const m of members) {
      const known = find(m.id, m.email)
      const id = known?.value.id ?? m.id ?? MemberId.make(yield* session.ids.next("m"))
      const availability = m.availability ?? known?.value.availability
      // `true`: built from decoded values, and the Store checks each record as it encodes it, so the
      // constructor's validation (compiled anew on every call, about 0.13 ms) is skipped (decision 0149).
      const member = new Member(
        {
          id,
          communityId: CommunityId.make(session.store.communityId),
          name: m.name,
          email: Redacted.make(m.email),
          organisation: m.organisation,
          programme: m.programme,
          interests: m.interests ?? known?.value.interests ?? [],
          preferredLanguage: m.preferredLanguage ?? known?.value.preferredLanguage ?? "nl",
          status: m.status ?? known?.value.status ?? "invited",
          joinedOn: m.joinedOn ?? known?.value.joinedOn ?? today,
          ...(availability === undefined ? {} : { availability })
        },
        true
      )
      if (known === undefined) {
        created.push(id)
        changes.push({ value: member, version: 0 })
      } else if (sameEncoded(Member, known.value, member)) unchanged.push(id)
      else {
        updated.push(id)
        changes.push({ value: member, version: known.version })
      }
    }
    if (changes.length > 0)
      yield* commit(session, "member.register", {
        writes: yield* puts(Kinds.Members, changes),
        detail: { created: created.length, updated: updated.length, unchanged: unchanged.length }
      })
    return { created, updated, unchanged } satisfies Registered
  })

/**
 * The input of {@link registerFacilitators}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * const request: typeof Services.Members.RegisterFacilitators.Encoded = {
 *   facilitators: [
 *     { id: "f-01", name: "Fatima el Amrani", email: "f.elamrani@minfin.nl", role: "programme-team", maxGroups: 2 },
 *     { name: "Joost Kramer", email: "joost@kramer-advies.nl", role: "guest" }
 *   ]
 * }
 * const program = Services.Members.registerFacilitators(admin, request)
 * ```
 * @since 0.1.0
 */
export const RegisterFacilitators = Schema.Struct({
  facilitators: Schema.Array(
    Schema.Struct({
      id: Schema.optionalWith(FacilitatorId, { exact: true }),
      name: PersonName,
      email: Email,
      role: FacilitatorRole,
      preferredLanguage: Schema.optionalWith(Language, { exact: true }),
      maxGroups: Schema.optionalWith(Schema.Int.pipe(Schema.between(0, 50)), { exact: true })
    })
  )
}).annotations({ identifier: "RegisterFacilitators" })

/**
 * Registers or updates facilitators (matched on id, then e-mail address); running it again with
 * the same input changes nothing. Programme team or administrators.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * const program = Services.Members.registerFacilitators(admin, {
 *   facilitators: [{ name: "Anouk Bakker", email: "anouk@example.nl", role: "programme-team" }]
 * })
 * ```
 * @since 0.1.0
 */
export const registerFacilitators = Effect.fn("Members.registerFacilitators")(function* (
  actor: unknown,
  value: typeof RegisterFacilitators.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(RegisterFacilitators, "facilitators")(value)
  yield* authorize(session, "facilitator.register", { _tag: "Community", communityId: session.actor.communityId })
  const existing = yield* Repository.all(session.store, Kinds.Facilitators)
  const find = matcher(existing)
  const changes: Array<{ value: Facilitator; version: number }> = []
  const ids: Array<FacilitatorId> = []
  for (const f of request.facilitators) {
    const known = find(f.id, f.email)
    const id = known?.value.id ?? f.id ?? FacilitatorId.make(yield* session.ids.next("f"))
    const maxGroups = f.maxGroups ?? known?.value.maxGroups
    const facilitator = new Facilitator({
      id,
      communityId: CommunityId.make(session.store.communityId),
      name: f.name,
      email: Redacted.make(f.email),
      role: f.role,
      preferredLanguage: f.preferredLanguage ?? known?.value.preferredLanguage ?? "nl",
      ...(maxGroups === undefined ? {} : { maxGroups })
    })
    ids.push(id)
    if (known === undefined || !sameEncoded(Facilitator, known.value, facilitator))
      changes.push({ value: facilitator, version: known?.version ?? 0 })
  }
  if (changes.length > 0)
    yield* commit(session, "facilitator.register", {
      writes: yield* puts(Kinds.Facilitators, changes),
      detail: { written: changes.length }
    })
  return ids
})

/**
 * One line of the directory: what the community shares about a member (no e-mail address).
 *
 * @since 0.1.0
 */
export interface DirectoryEntry {
  readonly id: MemberId
  readonly name: string
  readonly organisation: string
  readonly programme: string
  readonly interests: ReadonlyArray<string>
  readonly status: MemberStatus
}

/**
 * The directory of members, by name: what every member of the community may see.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Members.directory(ann)
 * ```
 * @since 0.1.0
 */
export const directory = Effect.fn("Members.directory")(function* (actor: unknown) {
  const session = yield* begin(actor)
  yield* authorize(session, "directory.read", { _tag: "Community", communityId: session.actor.communityId })
  const members = yield* Repository.all(session.store, Kinds.Members)
  return members
    .map(
      ({ value: m }): DirectoryEntry => ({
        id: m.id,
        name: m.name,
        organisation: m.organisation,
        programme: m.programme,
        interests: m.interests,
        status: m.status
      })
    )
    .sort((a, b) => a.name.localeCompare(b.name, "nl"))
})

/**
 * Names a member: the input of {@link getMember}, {@link pauseMember}, {@link endMember}, and of
 * `Privacy.exportMember` and `Privacy.forgetMember`.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const member: typeof Services.Members.MemberRef.Encoded = { memberId: "m-001" }
 * const program = Services.Members.pauseMember(team, member)
 * ```
 * @since 0.1.0
 */
export const MemberRef = Schema.Struct({ memberId: MemberId }).annotations({ identifier: "MemberRef" })

/**
 * A member's full record (with the e-mail address, `Redacted`): for the member, the programme
 * team and administrators.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Members.getMember(ann, { memberId: "m-001" })
 * ```
 * @since 0.1.0
 */
export const getMember = Effect.fn("Members.getMember")(function* (actor: unknown, value: typeof MemberRef.Encoded) {
  const session = yield* begin(actor)
  const { memberId } = yield* input(MemberRef, "member")(value)
  yield* authorize(session, "member.read", { _tag: "Member", communityId: session.actor.communityId, memberId })
  return (yield* required(session, Kinds.Members, memberId, "memberId")).value
})

const setStatus = (action: "member.pause" | "member.end", status: MemberStatus) =>
  Effect.fn(`Members.${action}`)(function* (actor: unknown, value: typeof MemberRef.Encoded) {
    const session = yield* begin(actor)
    const { memberId } = yield* input(MemberRef, "member")(value)
    yield* authorize(session, action, { _tag: "Member", communityId: session.actor.communityId, memberId })
    const found = yield* required(session, Kinds.Members, memberId, "memberId")
    if (found.value.status === status) return found.value
    const member = new Member({ ...found.value, status })
    yield* commit(session, action, {
      writes: yield* puts(Kinds.Members, [{ value: member, version: found.version }]),
      subject: { kind: "member", id: memberId },
      detail: { from: found.value.status, to: status }
    })
    return member
  })

/**
 * Pauses a membership: the member keeps their record but is left out of new groups, votes and
 * invitations. The member or the programme team.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Members.pauseMember(ann, { memberId: "m-001" })
 * ```
 * @since 0.1.0
 */
export const pauseMember: (
  actor: unknown,
  value: typeof MemberRef.Encoded
) => Effect.Effect<Member, DecodeError | NotAllowed | NotFound | StoreError, R> = setStatus("member.pause", "paused")

/**
 * Ends a membership (status `left`); history stays. The member or the programme team.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Members.endMember(team, { memberId: "m-001" })
 * ```
 * @since 0.1.0
 */
export const endMember: (
  actor: unknown,
  value: typeof MemberRef.Encoded
) => Effect.Effect<Member, DecodeError | NotAllowed | NotFound | StoreError, R> = setStatus("member.end", "left")

/**
 * The community itself (name, language, time zone), for everyone in it.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Members.getCommunity(ann)
 * ```
 * @since 0.1.0
 */
export const getCommunity = Effect.fn("Members.getCommunity")(function* (actor: unknown) {
  const session = yield* begin(actor)
  yield* authorize(session, "directory.read", { _tag: "Community", communityId: session.actor.communityId })
  return (yield* required(session, Kinds.Communities, session.store.communityId, "actor.communityId")).value
})

/**
 * One facilitator as the community sees them (no e-mail address).
 *
 * @since 0.1.0
 */
export interface FacilitatorEntry {
  readonly id: FacilitatorId
  readonly name: string
  readonly role: Facilitator["role"]
  readonly maxGroups: number | undefined
}

/**
 * The facilitators of the community, by name, for everyone in it.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Members.listFacilitators(ann)
 * ```
 * @since 0.1.0
 */
export const listFacilitators = Effect.fn("Members.listFacilitators")(function* (actor: unknown) {
  const session = yield* begin(actor)
  yield* authorize(session, "directory.read", { _tag: "Community", communityId: session.actor.communityId })
  const facilitators = yield* Repository.all(session.store, Kinds.Facilitators)
  return facilitators
    .map(({ value: f }): FacilitatorEntry => ({ id: f.id, name: f.name, role: f.role, maxGroups: f.maxGroups }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"))
})
