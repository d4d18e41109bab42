/**
 * The read policy for personal fields: what each kind of reader may read of a member's name,
 * address, interests, intake notes, case texts, ballots and poll answers. One table
 * ({@link table}) and one function ({@link mayRead}); every use case that returns personal data
 * about someone else than the actor (the export, the poll standing, the directory) asks it, and
 * the privacy guide prints the same table (a test compares the two).
 *
 * Where {@link Access.check} says whether an actor may perform an action at all, this says which
 * fields of what the action returns the actor may see: the programme team may run a member's
 * export, yet sees no case text and no ballot in it.
 *
 * @since 0.2.0
 */
import { match } from "ts-pattern"
import type { FacilitatorId, MemberId } from "../domain/Ids.js"
import type { Actor } from "./Access.js"

/**
 * A personal field the policy covers.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const field: Services.ReadPolicy.Field = "intake-notes"
 * ```
 * @since 0.2.0
 */
export type Field =
  | "name"
  | "address"
  | "interests"
  | "intake-notes"
  | "case-text"
  | "ballot"
  | "poll-answers"
  | "fairness-records"

/**
 * Every {@link Field}, in the order of the guide's table.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * for (const field of Services.ReadPolicy.fields) console.log(field)
 * ```
 * @since 0.2.0
 */
export const fields: ReadonlyArray<Field> = [
  "name",
  "address",
  "interests",
  "intake-notes",
  "case-text",
  "ballot",
  "poll-answers",
  "fairness-records"
]

/**
 * Who reads, relative to the member the field is about: the member themselves, another member,
 * a guest facilitator, the programme team or an administrator.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const reader: Services.ReadPolicy.Reader = "other-member"
 * ```
 * @since 0.2.0
 */
export type Reader = "self" | "other-member" | "facilitator" | "programme-team" | "administrator"

/**
 * Every {@link Reader}, in the order of the guide's table.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const columns = Services.ReadPolicy.readers.length // 5
 * ```
 * @since 0.2.0
 */
export const readers: ReadonlyArray<Reader> = ["self", "other-member", "facilitator", "programme-team", "administrator"]

/**
 * One cell of the table: `yes`, `no`, `group` (only a member or the facilitator of the learning
 * group the case belongs to) or `open-poll` (only when the community has opted into open polls).
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const rule: Services.ReadPolicy.Rule = "group"
 * ```
 * @since 0.2.0
 */
export type Rule = "yes" | "no" | "group" | "open-poll"

/**
 * The policy as a table: for every field and reader, the rule. Intake notes are for the programme
 * team (and, under AVG article 15, the member they are about); a case text is for its learning
 * group only (its members and its facilitator, who may be of the programme team, but not the
 * programme team as such); a ballot only for the member who cast it; poll answers for the member and the
 * programme team that runs the poll, and for other members and facilitators only in an open poll;
 * fairness records (what the carried agenda methods owed a member and what they got, per vote) for
 * the member and the programme team that runs the votes only: together they say what the member
 * supported, so no other member, guest facilitator or administrator reads them.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * Services.ReadPolicy.table["intake-notes"]["administrator"] // "no"
 * ```
 * @since 0.2.0
 */
export const table: { readonly [F in Field]: { readonly [R in Reader]: Rule } } = {
  name: { self: "yes", "other-member": "yes", facilitator: "yes", "programme-team": "yes", administrator: "yes" },
  address: { self: "yes", "other-member": "no", facilitator: "no", "programme-team": "yes", administrator: "yes" },
  interests: { self: "yes", "other-member": "yes", facilitator: "yes", "programme-team": "yes", administrator: "yes" },
  "intake-notes": {
    self: "yes",
    "other-member": "no",
    facilitator: "no",
    "programme-team": "yes",
    administrator: "no"
  },
  "case-text": {
    self: "yes",
    "other-member": "group",
    facilitator: "group",
    "programme-team": "group",
    administrator: "no"
  },
  ballot: { self: "yes", "other-member": "no", facilitator: "no", "programme-team": "no", administrator: "no" },
  "poll-answers": {
    self: "yes",
    "other-member": "open-poll",
    facilitator: "open-poll",
    "programme-team": "yes",
    administrator: "no"
  },
  "fairness-records": {
    self: "yes",
    "other-member": "no",
    facilitator: "no",
    "programme-team": "yes",
    administrator: "no"
  }
}

/**
 * What the rules need to know about the value read: whose it is and, for a case text, the
 * learning group it belongs to; for poll answers, whether the community's polls are open.
 *
 * @since 0.2.0
 */
export interface Subject {
  /** The member the value is about (the author of a case text). */
  readonly memberId: MemberId
  /** For a case text: the members of its learning group. */
  readonly groupMemberIds?: ReadonlyArray<MemberId> | undefined
  /** For a case text: the facilitator of its learning group. */
  readonly groupFacilitatorId?: FacilitatorId | undefined
  /** For poll answers: `true` when the community has opted into open polls. */
  readonly openPoll?: boolean | undefined
}

/**
 * The kind of reader an actor is, relative to the member a value is about.
 *
 * @example
 * ```ts
 * import { Domain, Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: Domain.CommunityId.make("rijk"), memberId: Domain.MemberId.make("m-1") } as const
 * Services.ReadPolicy.readerOf(ann, Domain.MemberId.make("m-1")) // "self"
 * ```
 * @since 0.2.0
 */
export const readerOf = (actor: Actor, about: MemberId): Reader =>
  match(actor)
    .with({ _tag: "Member" }, (a) => (a.memberId === about ? ("self" as const) : ("other-member" as const)))
    .with({ _tag: "Facilitator" }, () => "facilitator" as const)
    .with({ _tag: "ProgrammeTeam" }, () => "programme-team" as const)
    .with({ _tag: "Administrator" }, () => "administrator" as const)
    .exhaustive()

/**
 * Whether `actor` may read `field` of what is about `subject`: the one function every use case
 * asks before it returns a personal field about someone. The actor's community is checked by
 * the use case (with {@link Access.check}) before anything is read.
 *
 * @example
 * ```ts
 * import { Domain, Services } from "@grenzeloos/core"
 *
 * const rijk = Domain.CommunityId.make("rijk")
 * const team = { _tag: "ProgrammeTeam", communityId: rijk, facilitatorId: Domain.FacilitatorId.make("f-01") } as const
 * Services.ReadPolicy.mayRead(team, "case-text", { memberId: Domain.MemberId.make("m-1") }) // false
 * ```
 * @since 0.2.0
 */
export const mayRead = (actor: Actor, field: Field, subject: Subject): boolean =>
  match(table[field][readerOf(actor, subject.memberId)])
    .with("yes", () => true)
    .with("no", () => false)
    .with("open-poll", () => subject.openPoll === true)
    .with("group", () =>
      match(actor)
        .with({ _tag: "Member" }, (a) => subject.groupMemberIds?.includes(a.memberId) === true)
        .with(
          { _tag: "Facilitator" },
          { _tag: "ProgrammeTeam" },
          (a) => subject.groupFacilitatorId !== undefined && a.facilitatorId === subject.groupFacilitatorId
        )
        .with({ _tag: "Administrator" }, () => false)
        .exhaustive()
    )
    .exhaustive()

/**
 * What an export or listing shows in place of a field the reader may not read: the field and
 * who may read it, so the reader knows the value exists and whom to ask.
 *
 * @since 0.2.0
 */
export interface Withheld {
  readonly withheld: true
  readonly field: Field
  readonly reason: string
}

const REASONS: { readonly [F in Field]: string } = {
  name: "",
  address:
    "e-mailadressen zijn voor het lid, het programmateam en beheerders / addresses are for the member, the programme team and administrators",
  interests: "",
  "intake-notes":
    "intakenotities zijn alleen voor het programmateam en het lid zelf / intake notes are for the programme team and the member only",
  "case-text":
    "een casus is alleen voor de leden en de begeleider van de leergroep / a case is for its learning group only",
  ballot: "een stem is geheim / a ballot is secret",
  "poll-answers":
    "antwoorden op een datumprikker zijn privé / poll answers are private unless the community opts into open polls",
  "fairness-records":
    "eerlijkheidsgegevens zijn alleen voor het lid en het programmateam / fairness records are for the member and the programme team only"
}

/**
 * The marker for a field the reader may not read.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * Services.ReadPolicy.withheld("ballot").reason
 * ```
 * @since 0.2.0
 */
export const withheld = (field: Field): Withheld => ({ withheld: true, field, reason: REASONS[field] })

/**
 * The value when the actor may read it, else the {@link Withheld} marker.
 *
 * @example
 * ```ts
 * import { Domain, Services } from "@grenzeloos/core"
 *
 * const rijk = Domain.CommunityId.make("rijk")
 * const admin = { _tag: "Administrator", communityId: rijk, administratorId: "beheer-1" } as const
 * const notes = Services.ReadPolicy.shown(admin, "intake-notes", { memberId: Domain.MemberId.make("m-1") }, () => "…")
 * // { withheld: true, field: "intake-notes", reason: "…" }
 * ```
 * @since 0.2.0
 */
export const shown = <A>(actor: Actor, field: Field, subject: Subject, value: () => A): A | Withheld =>
  mayRead(actor, field, subject) ? value() : withheld(field)
