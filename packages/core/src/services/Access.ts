/**
 * The authorization policy: who may do what, as one pure function of actor, action and resource.
 *
 * Every use case asks {@link check} before it loads or changes anything. The policy knows nothing of
 * storage: the caller describes the resource with the facts the rules need (whose record it is,
 * who is in the group), so the whole policy is testable as a matrix. A denial names the right that
 * was missing and nothing about the resource, so it cannot be used to probe what exists.
 *
 * Principles (see docs/guides/privacy-and-security.md):
 * - nobody reaches another community;
 * - a member sees and manages their own data, and what the community shares (themes, gatherings,
 *   results, the directory of names, organisations and programmes);
 * - intake notes are for the programme team only;
 * - a case is readable only by the members and the facilitator of its learning group — not by
 *   the programme team as such, and not by administrators;
 * - ballots are secret: a member reads only their own; everyone reads the results;
 * - administrators run the deployment (members, exports, erasure, audit, Woo requests) and read no
 *   confidential content.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { match } from "ts-pattern"
import type { CommunityId, FacilitatorId, MemberId } from "../domain/Ids.js"
import {
  CommunityId as CommunityIdSchema,
  FacilitatorId as FacilitatorIdSchema,
  MemberId as MemberIdSchema
} from "../domain/Ids.js"

/**
 * Who is acting. `ProgrammeTeam` is a facilitator with the `programme-team` role; a `Facilitator`
 * is a guest facilitator of learning groups; an `Administrator` runs the deployment for the
 * community (by a pseudonymous id).
 *
 * @example
 * ```ts
 * import { Either, Schema } from "effect"
 * import { Access } from "@grenzeloos/core"
 *
 * // Who is acting, from the embedding tool's session (after its own authentication).
 * declare const session: { readonly community: string; readonly memberId: string }
 * const actor = Schema.decodeUnknownEither(Access.Actor)({
 *   _tag: "Member",
 *   communityId: session.community,
 *   memberId: session.memberId
 * })
 * if (Either.isLeft(actor)) console.error(actor.left.message)
 * ```
 * @since 0.1.0
 */
export const Actor = Schema.Union(
  Schema.TaggedStruct("Member", { communityId: CommunityIdSchema, memberId: MemberIdSchema }),
  Schema.TaggedStruct("Facilitator", { communityId: CommunityIdSchema, facilitatorId: FacilitatorIdSchema }),
  Schema.TaggedStruct("ProgrammeTeam", { communityId: CommunityIdSchema, facilitatorId: FacilitatorIdSchema }),
  Schema.TaggedStruct("Administrator", {
    communityId: CommunityIdSchema,
    administratorId: Schema.NonEmptyTrimmedString
  })
)
/** @since 0.1.0 */
export type Actor = typeof Actor.Type

/**
 * Everything an actor can ask to do.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Access } from "@grenzeloos/core"
 *
 * // Which actions an audit-log screen can filter on.
 * const actions: ReadonlyArray<Access.Action> = Access.Action.literals
 * const isAction = Schema.is(Access.Action)("member.export")
 * ```
 * @since 0.1.0
 */
export const Action = Schema.Literal(
  "community.setUp",
  "facilitator.register",
  "member.register",
  "member.read",
  "member.update",
  "member.pause",
  "member.end",
  "member.export",
  "member.forget",
  "directory.read",
  "intake.plan",
  "intake.read",
  "intake.record",
  "intake.readNotes",
  "group.form",
  "group.publish",
  "group.read",
  "case.create",
  "case.read",
  "case.update",
  "theme.propose",
  "theme.read",
  "theme.manage",
  "voting.open",
  "voting.close",
  "voting.results",
  "ballot.cast",
  "ballot.read",
  "gathering.read",
  "gathering.plan",
  "gathering.invite",
  "gathering.remind",
  "poll.respond",
  "poll.read",
  "rsvp.record",
  "attendance.record",
  "audit.read",
  "woo.export",
  "theme.edit",
  "theme.withdraw",
  "ballot.record",
  "ballot.withdraw",
  "poll.request",
  "poll.record",
  "programme.change",
  "gathering.move",
  "gathering.cancel",
  "gathering.close",
  "sessions.plan",
  "fairness.read"
)
/** @since 0.1.0 */
export type Action = typeof Action.Type

/**
 * What the action is about, with the facts the rules need. Every resource names its community.
 *
 * - `Community`: the community as a whole (its backlog, gatherings, polls, results, directory,
 *   planning actions).
 * - `Member`: one member's own record (personal data, ballots, answers).
 * - `Intake`: a member's intake, with its facilitator.
 * - `Group`: a learning group, with its members and facilitator.
 * - `Case`: a case of a learning group, with the group's members and facilitator and its author.
 *
 * @since 0.1.0
 */
export type Resource =
  | { readonly _tag: "Community"; readonly communityId: CommunityId }
  | { readonly _tag: "Member"; readonly communityId: CommunityId; readonly memberId: MemberId }
  | {
      readonly _tag: "Intake"
      readonly communityId: CommunityId
      readonly memberId: MemberId
      readonly facilitatorId: FacilitatorId
    }
  | {
      readonly _tag: "Group"
      readonly communityId: CommunityId
      readonly memberIds: ReadonlyArray<MemberId>
      readonly facilitatorId?: FacilitatorId | undefined
    }
  | {
      readonly _tag: "Case"
      readonly communityId: CommunityId
      readonly groupMemberIds: ReadonlyArray<MemberId>
      readonly groupFacilitatorId?: FacilitatorId | undefined
      /** The author; absent when the action concerns the group's cases as a whole (reading them). */
      readonly authorId?: MemberId | undefined
    }

/**
 * A right an actor can lack; what a denial names. Phrased so that it reveals nothing about the
 * resource.
 *
 * @since 0.1.0
 */
export type Right =
  | "membership of this community"
  | "programme team"
  | "programme team or administrator"
  | "administrator"
  | "own record"
  | "own record, programme team or administrator"
  | "membership of the learning group"
  | "author of the case"
  | "participant in the intake"
  | "member of the community"
  | "a resource that fits the action"
  | "a registered facilitator"

/**
 * The policy's answer.
 *
 * @since 0.1.0
 */
export type Decision = { readonly _tag: "Allowed" } | { readonly _tag: "Denied"; readonly missing: Right }

const allowed: Decision = { _tag: "Allowed" }
const denied = (missing: Right): Decision => ({ _tag: "Denied", missing })
const when = (condition: boolean, missing: Right): Decision => (condition ? allowed : denied(missing))

const isTeam = (actor: Actor) => actor._tag === "ProgrammeTeam"
const isTeamOrAdmin = (actor: Actor) => actor._tag === "ProgrammeTeam" || actor._tag === "Administrator"
const isMemberSelf = (actor: Actor, memberId: MemberId) => actor._tag === "Member" && actor.memberId === memberId
const facilitates = (actor: Actor, facilitatorId: FacilitatorId | undefined) =>
  (actor._tag === "Facilitator" || actor._tag === "ProgrammeTeam") &&
  facilitatorId !== undefined &&
  actor.facilitatorId === facilitatorId
const inGroup = (actor: Actor, memberIds: ReadonlyArray<MemberId>) =>
  actor._tag === "Member" && memberIds.includes(actor.memberId)

const onCommunity = (resource: Resource, rule: () => Decision): Decision =>
  resource._tag === "Community" ? rule() : denied("a resource that fits the action")

const onMember = (resource: Resource, rule: (memberId: MemberId) => Decision): Decision =>
  resource._tag === "Member" ? rule(resource.memberId) : denied("a resource that fits the action")

// Writing a case: only its author, while still in the case's learning group.
const asCaseAuthor = (actor: Actor, resource: Resource, missing: Right): Decision =>
  resource._tag === "Case"
    ? when(
        resource.authorId !== undefined &&
          isMemberSelf(actor, resource.authorId) &&
          inGroup(actor, resource.groupMemberIds),
        missing
      )
    : denied("a resource that fits the action")

/**
 * Decides whether `actor` may perform `action` on `resource`.
 *
 * @example
 * ```ts
 * import { Access, Domain } from "@grenzeloos/core"
 *
 * const communityId = Domain.CommunityId.make("rijk")
 * const decision = Access.check(
 *   { _tag: "ProgrammeTeam", communityId, facilitatorId: Domain.FacilitatorId.make("f-01") },
 *   "case.read",
 *   { _tag: "Case", communityId, groupMemberIds: [], authorId: Domain.MemberId.make("m-001") }
 * )
 * // { _tag: "Denied", missing: "membership of the learning group" }
 * ```
 * @since 0.1.0
 */
export const check = (actor: Actor, action: Action, resource: Resource): Decision => {
  if (actor.communityId !== resource.communityId) return denied("membership of this community")
  return (
    match(action)
      .with("community.setUp", () => onCommunity(resource, () => when(actor._tag === "Administrator", "administrator")))
      .with("member.register", "facilitator.register", "audit.read", "woo.export", () =>
        onCommunity(resource, () => when(isTeamOrAdmin(actor), "programme team or administrator"))
      )
      .with(
        "intake.plan",
        "group.form",
        "group.publish",
        "theme.manage",
        "voting.open",
        "voting.close",
        "gathering.plan",
        "gathering.invite",
        "gathering.remind",
        "attendance.record",
        "ballot.record",
        "poll.request",
        "poll.record",
        "programme.change",
        "gathering.move",
        "gathering.cancel",
        "gathering.close",
        "sessions.plan",
        "fairness.read",
        () => onCommunity(resource, () => when(isTeam(actor), "programme team"))
      )
      // A theme is edited or withdrawn by the member who proposed it, or by the programme team
      // (the only ones who may touch a theme the team itself proposed).
      .with("theme.edit", "theme.withdraw", () =>
        resource._tag === "Member"
          ? when(isMemberSelf(actor, resource.memberId) || isTeam(actor), "own record")
          : onCommunity(resource, () => when(isTeam(actor), "programme team"))
      )
      .with("directory.read", "theme.read", "voting.results", "gathering.read", "poll.read", () =>
        onCommunity(resource, () => allowed)
      )
      .with("theme.propose", () =>
        onCommunity(resource, () => when(actor._tag !== "Administrator", "member of the community"))
      )
      .with("member.read", "member.export", "member.forget", () =>
        onMember(resource, (memberId) =>
          when(isMemberSelf(actor, memberId) || isTeamOrAdmin(actor), "own record, programme team or administrator")
        )
      )
      .with("member.update", "member.pause", "member.end", "rsvp.record", "ballot.withdraw", () =>
        onMember(resource, (memberId) => when(isMemberSelf(actor, memberId) || isTeam(actor), "own record"))
      )
      .with("ballot.cast", "ballot.read", "poll.respond", () =>
        onMember(resource, (memberId) => when(isMemberSelf(actor, memberId), "own record"))
      )
      .with("intake.read", () =>
        resource._tag === "Intake"
          ? when(
              isMemberSelf(actor, resource.memberId) || facilitates(actor, resource.facilitatorId) || isTeam(actor),
              "participant in the intake"
            )
          : denied("a resource that fits the action")
      )
      .with("intake.record", "intake.readNotes", () =>
        // Recording names an intake by id: an id that does not exist is asked about as the
        // community, and must get the same answer as an intake that is not the actor's.
        resource._tag === "Intake" || resource._tag === "Community"
          ? when(isTeam(actor), "programme team")
          : denied("a resource that fits the action")
      )
      .with("group.read", () =>
        resource._tag === "Group"
          ? when(
              inGroup(actor, resource.memberIds) || facilitates(actor, resource.facilitatorId) || isTeam(actor),
              "membership of the learning group"
            )
          : denied("a resource that fits the action")
      )
      .with("case.create", () => asCaseAuthor(actor, resource, "membership of the learning group"))
      .with("case.read", () =>
        resource._tag === "Case"
          ? when(
              inGroup(actor, resource.groupMemberIds) || facilitates(actor, resource.groupFacilitatorId),
              "membership of the learning group"
            )
          : denied("a resource that fits the action")
      )
      .with("case.update", () => asCaseAuthor(actor, resource, "author of the case"))
      .exhaustive()
  )
}
