/**
 * Use cases of learning groups: form the groups of a round with the grouping engine (keeping
 * apart who met in earlier rounds), publish them, read them, and bring cases to a group.
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Option, Redacted, Schema } from "effect"
import { CalendarDate } from "../domain/CalendarDate.js"
import { Case } from "../domain/Case.js"
import { CaseId, CommunityId, FacilitatorId, LearningGroupId, MemberId, RoundId } from "../domain/Ids.js"
import { Language } from "../domain/Language.js"
import { LearningGroup, type PlacementReason } from "../domain/LearningGroup.js"
import type { Member } from "../domain/Member.js"
import { Round } from "../domain/Round.js"
import { FreeText, Title } from "../domain/Text.js"
import * as Form from "../grouping/Form.js"
import * as GroupingInput from "../grouping/Input.js"
import * as GroupingTexts from "../grouping/Texts.js"
import { ensure } from "../internal/lifecycle.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import { check } from "./Access.js"
import { InvalidState, NotAllowed } from "./Errors.js"
import {
  addressee,
  authorize,
  begin,
  commit,
  input,
  notify,
  progressFor,
  puts,
  required,
  type Session
} from "./Runner.js"

/**
 * The input of {@link formGroups}. Without `roundId` a new round is created; with the id of a
 * round still in `planning`, its groups are formed again.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const request: typeof Services.Groups.FormGroups.Encoded = {
 *   name: "Leergroepen 2027",
 *   startsOn: "2027-01-15",
 *   endsOn: "2027-12-15",
 *   size: { min: 5, max: 7 },
 *   mustApart: [["m-004", "m-019"]],
 *   seed: 2027
 * }
 * const program = Services.Groups.formGroups(team, request)
 * ```
 * @since 0.1.0
 */
export const FormGroups = Schema.Struct({
  roundId: Schema.optionalWith(RoundId, { exact: true }),
  name: Title,
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  size: GroupingInput.Size,
  policy: Schema.optionalWith(GroupingInput.Policy, { exact: true }),
  mustTogether: Schema.optionalWith(Schema.Array(Schema.Tuple(MemberId, MemberId)), { exact: true }),
  mustApart: Schema.optionalWith(Schema.Array(Schema.Tuple(MemberId, MemberId)), { exact: true }),
  /** The seed of the search (default 1): the same seed, budget and records give the same groups. */
  seed: Schema.optionalWith(Schema.Int, { exact: true }),
  /** The search's budget in iterations (default: the engine's, 2000); reproducible. */
  iterations: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 10_000_000)), { exact: true }),
  /** A time budget instead, in milliseconds: the search stops at whichever comes first, and the groups then depend on the machine. */
  timeLimitMs: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 600_000)), { exact: true })
}).annotations({ identifier: "FormGroups" })

/**
 * What {@link formGroups} returns: the round, its groups as stored, and the engine's result with
 * the objective, its breakdown, the unmet wishes and an explanation per member.
 *
 * @since 0.1.0
 */
export interface Formed {
  readonly round: Round
  readonly groups: ReadonlyArray<LearningGroup>
  readonly result: Form.Grouping
}

/**
 * Forms the learning groups of a round from the active members, with the history of every
 * earlier round (so members who met before are kept apart) and the facilitators' maximum number
 * of groups. The round stays in `planning` until {@link publishGroups}. Programme team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Groups.formGroups(team, {
 *   name: "Leergroepen 2027",
 *   startsOn: "2027-01-01",
 *   endsOn: "2027-12-31",
 *   size: { min: 5, max: 7 }
 * })
 * ```
 * @since 0.1.0
 */
export const formGroups = Effect.fn("Groups.formGroups")(function* (actor: unknown, value: typeof FormGroups.Encoded) {
  const session = yield* begin(actor)
  const request = yield* input(FormGroups, "grouping")(value)
  yield* authorize(session, "group.form", { _tag: "Community", communityId: session.actor.communityId })
  const [members, facilitators, rounds, groups] = yield* Effect.all([
    Repository.all(session.store, Kinds.Members, { status: "active" }),
    Repository.all(session.store, Kinds.Facilitators),
    Repository.all(session.store, Kinds.Rounds),
    Repository.all(session.store, Kinds.LearningGroups)
  ])
  const existing = request.roundId === undefined ? undefined : rounds.find((r) => r.value.id === request.roundId)
  // A second round of the same name is almost always the same command run twice.
  const namesake = rounds.find((r) => r.value.id !== request.roundId && sameName(r.value.name, request.name))
  if (namesake !== undefined)
    return yield* Effect.fail(
      new InvalidState({
        subject: "name",
        problem: `("${request.name}") is already the name of round ${namesake.value.id} (${namesake.value.status})`,
        hint:
          namesake.value.status === "planning"
            ? `form its groups again with roundId ${namesake.value.id}, or choose another name`
            : "choose another name for the new round",
        nl: {
          subject: "name",
          problem: `("${request.name}") is al de naam van ronde ${namesake.value.id} (${namesake.value.status})`,
          hint:
            namesake.value.status === "planning"
              ? `vorm haar groepen opnieuw met roundId ${namesake.value.id}, of kies een andere naam`
              : "kies een andere naam voor de nieuwe ronde"
        }
      })
    )
  if (members.length === 0) {
    const waiting = yield* Repository.all(session.store, Kinds.Members)
    const invited = waiting.filter((m) => m.value.status === "invited" || m.value.status === "intake-planned")
    if (invited.length > 0)
      return yield* Effect.fail(
        new InvalidState({
          subject: "the community",
          problem: `has no active members yet: all ${invited.length} are still invited or awaiting their intake`,
          hint: "new members become active after their intake; plan the intakes (planIntakes) and record them as held (recordIntake) before forming groups",
          nl: {
            subject: "de community",
            problem: `heeft nog geen actieve leden: alle ${invited.length} zijn nog uitgenodigd of wachten op hun intake`,
            hint: "nieuwe leden worden actief na hun intake; plan de intakes (planIntakes) en leg ze vast als gehouden (recordIntake) voordat je groepen vormt"
          }
        })
      )
  }
  if (existing !== undefined) yield* ensure("formGroups", { ...existing.value, title: existing.value.name })
  // Earlier rounds, oldest first, as the engine's history.
  const earlier = rounds
    .filter((r) => r.value.id !== existing?.value.id && r.value.status !== "planning")
    .sort((a, b) => a.value.startsOn.localeCompare(b.value.startsOn))
  const history = earlier.map((r) => groups.filter((g) => g.value.roundId === r.value.id).map((g) => g.value.memberIds))
  const result = yield* Form.form(
    {
      members: members.map((m) => GroupingInput.fromMember(m.value)),
      size: request.size,
      ...(request.policy === undefined ? { policy: GroupingInput.defaultPolicy } : { policy: request.policy }),
      history,
      ...(request.mustTogether === undefined ? {} : { mustTogether: request.mustTogether }),
      ...(request.mustApart === undefined ? {} : { mustApart: request.mustApart }),
      // Without registered facilitators the groups are formed without one.
      ...(facilitators.length === 0
        ? {}
        : {
            facilitators: facilitators.map((f) => ({
              id: f.value.id,
              name: f.value.name,
              maxGroups: f.value.maxGroups ?? 3
            }))
          })
    },
    {
      seed: request.seed ?? 1,
      ...(yield* progressFor("grouping")),
      ...(request.iterations === undefined ? {} : { iterations: request.iterations }),
      ...(request.timeLimitMs === undefined ? {} : { timeLimitMs: request.timeLimitMs }),
      language: "nl"
    }
  )
  const roundId = existing?.value.id ?? RoundId.make(yield* session.ids.next("round"))
  const communityId = CommunityId.make(session.store.communityId)
  const round = new Round({
    id: roundId,
    communityId,
    name: request.name,
    startsOn: request.startsOn,
    endsOn: request.endsOn,
    status: "planning"
  })
  const reasons = placementReasons(
    result.groups.map((g) => g.memberIds),
    members.map((m) => m.value),
    history
  )
  // `true`: built from decoded values, and the Store checks each record as it encodes it, so the
  // constructor's validation (compiled anew on every call, about 0.13 ms) is skipped (decision 0149).
  const formed = yield* Effect.forEach(result.groups, (g) =>
    Effect.map(
      session.ids.next("group"),
      (id) =>
        new LearningGroup(
          {
            id: LearningGroupId.make(id),
            communityId,
            roundId,
            name: `Leergroep ${g.index + 1}`,
            memberIds: g.memberIds.map((m) => MemberId.make(m)),
            ...(g.facilitatorId === undefined ? {} : { facilitatorId: FacilitatorId.make(g.facilitatorId) }),
            formedAt: session.now,
            reasons: g.memberIds.flatMap((m) => {
              const reason = reasons.get(m)
              return reason === undefined ? [] : [reason]
            })
          },
          true
        )
    )
  )
  const replaced = groups.filter((g) => g.value.roundId === roundId)
  yield* commit(session, "group.form", {
    writes: [
      ...(yield* puts(Kinds.Rounds, [{ value: round, version: existing?.version ?? 0 }])),
      ...replaced.map((g) => Repository.remove(Kinds.LearningGroups, g.value.id, g.version)),
      ...(yield* puts(
        Kinds.LearningGroups,
        formed.map((value) => ({ value, version: 0 }))
      ))
    ],
    subject: { kind: "round", id: roundId },
    detail: { groups: formed.length, members: members.length, objective: result.objective, unmet: result.unmet.length }
  })
  return { round, groups: formed, result } satisfies Formed
})

/**
 * Names a round: the input of {@link publishGroups} and {@link listGroups}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const round: typeof Services.Groups.RoundRef.Encoded = { roundId: "round-0001" }
 * const program = Services.Groups.listGroups(ann, round)
 * ```
 * @since 0.1.0
 */
export const RoundRef = Schema.Struct({ roundId: RoundId }).annotations({ identifier: "RoundRef" })

/**
 * Publishes the groups of a round: the round becomes `active` (an earlier active round is
 * closed) and every member is told their group, its members and its facilitator. Programme
 * team only.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Services.Groups.publishGroups(team, { roundId: "round-0001" })
 * ```
 * @since 0.1.0
 */
export const publishGroups = Effect.fn("Groups.publishGroups")(function* (
  actor: unknown,
  value: typeof RoundRef.Encoded
) {
  const session = yield* begin(actor)
  const { roundId } = yield* input(RoundRef, "round")(value)
  yield* authorize(session, "group.publish", { _tag: "Community", communityId: session.actor.communityId })
  const round = yield* required(session, Kinds.Rounds, roundId, "roundId")
  yield* ensure("publishRound", { ...round.value, title: round.value.name })
  const [groups, members, facilitators, active] = yield* Effect.all([
    Repository.all(session.store, Kinds.LearningGroups, { roundId }),
    Repository.all(session.store, Kinds.Members),
    Repository.all(session.store, Kinds.Facilitators),
    Repository.all(session.store, Kinds.Rounds, { status: "active" })
  ])
  const memberById = new Map(members.map((m) => [m.value.id as string, m.value]))
  const facilitatorName = new Map(facilitators.map((f) => [f.value.id as string, f.value.name]))
  const outbox = yield* notify(
    session,
    groups.flatMap(({ value: g }) =>
      g.memberIds.flatMap((id) => {
        const member = memberById.get(id)
        if (member === undefined) return []
        return [
          {
            _tag: "GroupPlacement" as const,
            recipient: addressee(member),
            groupId: g.id,
            groupName: g.name,
            roundName: round.value.name,
            facilitatorName: g.facilitatorId === undefined ? "—" : (facilitatorName.get(g.facilitatorId) ?? "—"),
            memberNames: g.memberIds.filter((m) => m !== id).map((m) => memberById.get(m)?.name ?? m)
          }
        ]
      })
    )
  )
  const published = new Round({ ...round.value, status: "active" })
  yield* commit(session, "group.publish", {
    writes: yield* puts(Kinds.Rounds, [
      { value: published, version: round.version },
      ...active.map((r) => ({ value: new Round({ ...r.value, status: "closed" }), version: r.version }))
    ]),
    outbox,
    subject: { kind: "round", id: roundId },
    detail: { groups: groups.length, messages: outbox.length }
  })
  return published
})

/**
 * The groups of a round the actor may see: all of them for the programme team, otherwise the
 * groups the actor is a member or the facilitator of.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Groups.listGroups(ann, { roundId: "round-0001" })
 * ```
 * @since 0.1.0
 */
export const listGroups = Effect.fn("Groups.listGroups")(function* (actor: unknown, value: typeof RoundRef.Encoded) {
  const session = yield* begin(actor)
  const { roundId } = yield* input(RoundRef, "round")(value)
  yield* authorize(session, "directory.read", { _tag: "Community", communityId: session.actor.communityId })
  yield* required(session, Kinds.Rounds, roundId, "roundId")
  const groups = yield* Repository.all(session.store, Kinds.LearningGroups, { roundId })
  return groups
    .map((g) => g.value)
    .filter((g) => check(session.actor, "group.read", groupResource(session, g))._tag === "Allowed")
})

const groupResource = (session: Session, g: LearningGroup) => ({
  _tag: "Group" as const,
  communityId: session.actor.communityId,
  memberIds: g.memberIds,
  facilitatorId: g.facilitatorId
})

/**
 * The input of {@link addCase}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const newCase: typeof Services.Groups.AddCase.Encoded = {
 *   groupId: "group-0001",
 *   title: "Een opdrachtgever die steeds van koers wisselt",
 *   description: "Hoe houd ik het programma op koers als de ambtelijk opdrachtgever elk kwartaal wisselt?"
 * }
 * const program = Services.Groups.addCase(ann, newCase)
 * ```
 * @since 0.1.0
 */
export const AddCase = Schema.Struct({
  groupId: LearningGroupId,
  title: Title,
  description: FreeText
}).annotations({ identifier: "AddCase" })

const caseResource = (session: Session, group: Option.Option<LearningGroup>, authorId: MemberId | undefined) =>
  Option.match(group, {
    onNone: () => ({
      _tag: "Case" as const,
      communityId: session.actor.communityId,
      groupMemberIds: [],
      authorId
    }),
    onSome: (g) => ({
      _tag: "Case" as const,
      communityId: session.actor.communityId,
      groupMemberIds: g.memberIds,
      groupFacilitatorId: g.facilitatorId,
      authorId
    })
  })

/**
 * A member brings a case to their learning group. Only members of the group; the case text is
 * confidential to the group and its facilitator.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Groups.addCase(ann, {
 *   groupId: "group-0001",
 *   title: "Omgaan met sabotage",
 *   description: "Een stuurgroep die besluiten steeds uitstelt."
 * })
 * ```
 * @since 0.1.0
 */
export const addCase = Effect.fn("Groups.addCase")(function* (actor: unknown, value: typeof AddCase.Encoded) {
  const session = yield* begin(actor)
  const request = yield* input(AddCase, "case")(value)
  if (session.actor._tag !== "Member") {
    yield* authorize(session, "case.create", caseResource(session, Option.none(), undefined))
    return yield* Effect.fail(new NotAllowed({ action: "case.create", missing: "membership of the learning group" }))
  }
  const authorId = session.actor.memberId
  const group = yield* Repository.get(session.store, Kinds.LearningGroups, request.groupId)
  yield* authorize(
    session,
    "case.create",
    caseResource(
      session,
      Option.map(group, (g) => g.value),
      authorId
    )
  )
  const created = new Case({
    id: CaseId.make(yield* session.ids.next("case")),
    communityId: CommunityId.make(session.store.communityId),
    groupId: request.groupId,
    authorId,
    title: request.title,
    description: Redacted.make(request.description),
    status: "open",
    createdAt: session.now
  })
  yield* commit(session, "case.create", {
    writes: yield* puts(Kinds.Cases, [{ value: created, version: 0 }]),
    subject: { kind: "case", id: created.id }
  })
  return created
})

/**
 * Names a learning group: the input of {@link listCases}.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * // From a route such as /groups/:groupId/cases, checked before the use case runs.
 * declare const params: { readonly groupId: string }
 * const ref = Domain.decode(Services.Groups.GroupRef)({ groupId: params.groupId })
 * if (Either.isRight(ref)) {
 *   const program = Services.Groups.listCases(ann, ref.right)
 * }
 * ```
 * @since 0.1.0
 */
export const GroupRef = Schema.Struct({ groupId: LearningGroupId }).annotations({ identifier: "GroupRef" })

/**
 * The cases of a learning group, newest first: for its members and its facilitator only (not
 * the programme team as such, not administrators).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Groups.listCases(ann, { groupId: "group-0001" })
 * ```
 * @since 0.1.0
 */
export const listCases = Effect.fn("Groups.listCases")(function* (actor: unknown, value: typeof GroupRef.Encoded) {
  const session = yield* begin(actor)
  const { groupId } = yield* input(GroupRef, "group")(value)
  const group = yield* Repository.get(session.store, Kinds.LearningGroups, groupId)
  yield* authorize(
    session,
    "case.read",
    caseResource(
      session,
      Option.map(group, (g) => g.value),
      undefined
    )
  )
  const cases = yield* Repository.all(session.store, Kinds.Cases, { groupId })
  return cases
    .map((c) => c.value)
    .sort((a, b) => DateTime.toEpochMillis(b.createdAt) - DateTime.toEpochMillis(a.createdAt))
})

/**
 * The rounds of learning groups, oldest first, for everyone in the community.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Services.Groups.listRounds(ann)
 * ```
 * @since 0.1.0
 */
export const listRounds = Effect.fn("Groups.listRounds")(function* (actor: unknown) {
  const session = yield* begin(actor)
  yield* authorize(session, "directory.read", { _tag: "Community", communityId: session.actor.communityId })
  const rounds = yield* Repository.all(session.store, Kinds.Rounds)
  return rounds.map((r) => r.value).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id))
})

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, " ").toLocaleLowerCase("nl") === b.trim().replace(/\s+/g, " ").toLocaleLowerCase("nl")

/**
 * Why each member is in their group, as facts to store: the interest shared with most of the
 * group, how many organisations it spans, and who in it they met in an earlier round.
 */
const placementReasons = (
  groups: ReadonlyArray<ReadonlyArray<string>>,
  members: ReadonlyArray<Member>,
  history: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>>
): ReadonlyMap<string, PlacementReason> => {
  const byId = new Map(members.map((m) => [m.id as string, m]))
  const met = new Map<string, Set<string>>()
  for (const round of history)
    for (const group of round)
      for (const a of group) {
        const seen = met.get(a) ?? new Set<string>()
        for (const b of group) if (b !== a) seen.add(b)
        met.set(a, seen)
      }
  const out = new Map<string, PlacementReason>()
  for (const group of groups) {
    const organisations = new Set(group.map((id) => byId.get(id)?.organisation ?? "")).size
    for (const id of group) {
      const member = byId.get(id)
      if (member === undefined) continue
      const others = group.filter((o) => o !== id)
      let sharedInterest: string | undefined
      let sharedWith = 0
      for (const interest of member.interests) {
        const count = others.filter((o) => byId.get(o)?.interests.includes(interest)).length
        if (count > sharedWith) {
          sharedWith = count
          sharedInterest = interest
        }
      }
      out.set(id, {
        memberId: member.id,
        ...(sharedInterest === undefined ? {} : { sharedInterest: sharedInterest.slice(0, 200) }),
        sharedWith,
        organisations,
        metBefore: others.filter((o) => met.get(id)?.has(o)).map((o) => MemberId.make(o))
      })
    }
  }
  return out
}

/**
 * The input of {@link getGrouping}: the round, and the language of the explanations (default:
 * the community's).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const ref: typeof Services.Groups.GroupingRef.Encoded = { roundId: "round-0001", language: "en" }
 * ```
 * @since 0.1.0
 */
export const GroupingRef = Schema.Struct({
  roundId: RoundId,
  language: Schema.optionalWith(Language, { exact: true })
}).annotations({ identifier: "GroupingRef" })

/**
 * A stored grouping as it was formed: the round, and every group the actor may see with its name
 * as e-mailed, its facilitator and members by name, and each member's explanation (why they are
 * in it) in the language asked, from the stored records alone. The programme team sees every
 * group; members and facilitators their own.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Effect.map(Services.Groups.getGrouping(team, { roundId: "round-0001" }), (grouping) =>
 *   grouping.groups.map((g) => `${g.name}: ${g.members.map((m) => m.name).join(", ")}`)
 * )
 * ```
 * @since 0.1.0
 */
export const getGrouping = Effect.fn("Groups.getGrouping")(function* (
  actor: unknown,
  value: typeof GroupingRef.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(GroupingRef, "grouping")(value)
  yield* authorize(session, "directory.read", { _tag: "Community", communityId: session.actor.communityId })
  const round = yield* required(session, Kinds.Rounds, request.roundId, "roundId")
  const [groups, members, facilitators, community] = yield* Effect.all([
    Repository.all(session.store, Kinds.LearningGroups, { roundId: request.roundId }),
    Repository.all(session.store, Kinds.Members),
    Repository.all(session.store, Kinds.Facilitators),
    Repository.get(session.store, Kinds.Communities, session.store.communityId)
  ])
  const language: Language =
    request.language ?? Option.match(community, { onNone: () => "nl" as const, onSome: (c) => c.value.defaultLanguage })
  const names = new Map(members.map((m) => [m.value.id as string, m.value.name]))
  const facilitatorNames = new Map(facilitators.map((f) => [f.value.id as string, f.value.name]))
  const visible = groups
    .map((g) => g.value)
    .filter((g) => check(session.actor, "group.read", groupResource(session, g))._tag === "Allowed")
    .sort((a, b) => a.name.localeCompare(b.name, "nl", { numeric: true }))
  return {
    round: round.value,
    language,
    groups: visible.map((g) => {
      const reasons = new Map((g.reasons ?? []).map((r) => [r.memberId as string, r]))
      return {
        id: g.id,
        name: g.name,
        facilitator:
          g.facilitatorId === undefined
            ? null
            : { id: g.facilitatorId, name: facilitatorNames.get(g.facilitatorId) ?? g.facilitatorId },
        members: g.memberIds.map((id) => {
          const reason = reasons.get(id)
          return {
            id,
            name: names.get(id) ?? id,
            explanation:
              reason === undefined
                ? null
                : GroupingTexts.sentence([
                    GroupingTexts.sharedInterest(language, reason.sharedWith, reason.sharedInterest),
                    GroupingTexts.organisations(language, reason.organisations),
                    GroupingTexts.metBefore(
                      language,
                      reason.metBefore.map((m) => names.get(m) ?? m)
                    )
                  ])
          }
        })
      }
    })
  }
})
