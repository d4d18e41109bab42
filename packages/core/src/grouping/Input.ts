/**
 * The input of the grouping engine: the members of a round, the group sizes, the policy (what makes
 * a good group), the groups of earlier rounds, must-together / must-apart pairs, fixed members and
 * facilitators. Decoding reports every problem with its path, including references to members that
 * are not in the round.
 *
 * @since 0.1.0
 */
import { type Either, Schema } from "effect"
import * as DecodeError from "../domain/DecodeError.js"
import { FacilitatorId, MemberId } from "../domain/Ids.js"
import type { Language } from "../domain/Language.js"
import type * as Member from "../domain/Member.js"
import { duplicatesIn } from "../internal/duplicates.js"

const Count = Schema.Int.pipe(Schema.greaterThanOrEqualTo(1))
const Index = Schema.Int.pipe(Schema.greaterThanOrEqualTo(0))
const Weight = Schema.Number.pipe(Schema.nonNegative(), Schema.finite())

/**
 * A member as the grouping engine sees them: id, organisation, programme and interests.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * // Members kept in another tool, checked one by one before they go into a request.
 * const member = Schema.decodeUnknownSync(Grouping.Input.GroupMember)({
 *   id: "m-017",
 *   name: "Sanne Bakker",
 *   organisation: "Rijkswaterstaat",
 *   programme: "Vervanging en Renovatie",
 *   interests: ["aanbesteden", "assetmanagement"]
 * })
 * ```
 * @since 0.1.0
 */
export const GroupMember = Schema.Struct({
  id: MemberId,
  /** The name used in explanations; defaults to the id. */
  name: Schema.optionalWith(Schema.String, { exact: true }),
  organisation: Schema.String,
  programme: Schema.String,
  interests: Schema.Array(Schema.String)
}).annotations({ identifier: "GroupMember" })
/** @since 0.1.0 */
export type GroupMember = typeof GroupMember.Type

/**
 * The group sizes: bounds (`{ min: 5, max: 7 }`, as few groups as the bounds allow, sizes as even
 * as possible) or a number of groups (`{ groups: 4 }`, sizes differing by at most one).
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain, Grouping } from "@grenzeloos/core"
 *
 * // From the command line's --size 5-7; "7-5" is rejected with "expected a maximum of at least 7".
 * const size = Domain.decode(Grouping.Input.Size)({ min: 5, max: 7 })
 * if (Either.isLeft(size)) console.error(size.left.message)
 * ```
 * @since 0.1.0
 */
export const Size = Schema.Struct({
  min: Schema.optionalWith(Count, { exact: true }),
  max: Schema.optionalWith(Count, { exact: true }),
  groups: Schema.optionalWith(Count, { exact: true })
})
  .pipe(
    Schema.filter((s): Schema.FilterIssue | undefined => {
      if (s.groups !== undefined)
        return s.min !== undefined || s.max !== undefined
          ? { path: ["groups"], message: "give either a number of groups or size bounds (min and max), not both" }
          : undefined
      if (s.min === undefined)
        return { path: ["min"], message: "expected a minimum group size (or a number of groups)" }
      if (s.max === undefined)
        return { path: ["max"], message: "expected a maximum group size (or a number of groups)" }
      return s.max < s.min
        ? { path: ["max"], message: `expected a maximum of at least ${s.min} (the minimum), got ${s.max}` }
        : undefined
    })
  )
  .annotations({ identifier: "Size" })
/** @since 0.1.0 */
export type Size = typeof Size.Type

/**
 * Diversity of a member attribute: `hard` (at most one member per value in a group) or `soft` (each
 * pair sharing the value costs `weight`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * // Never two people of one organisation in a group, but programmes only weigh in.
 * const organisation = Schema.decodeUnknownSync(Grouping.Input.Diversity)({ mode: "hard" })
 * const programme: Grouping.Input.Diversity = { mode: "soft", weight: 8 }
 * const policy: Grouping.Input.Policy = { organisation, programme }
 * ```
 * @since 0.1.0
 */
export const Diversity = Schema.Union(
  Schema.Struct({ mode: Schema.Literal("hard") }),
  Schema.Struct({ mode: Schema.Literal("soft"), weight: Weight }),
  Schema.Struct({ mode: Schema.Literal("off") })
).annotations({ identifier: "Diversity" })
/** @since 0.1.0 */
export type Diversity = typeof Diversity.Type

/**
 * Earlier rounds: `hard` (nobody meets anyone from an earlier group again) or `soft` (a pair that
 * met `k` rounds ago costs `weight × decay^(k−1)`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * // A pair that met last round costs 30, two rounds ago 10, three rounds ago 3.3.
 * const history = Schema.decodeUnknownSync(Grouping.Input.HistoryRule)({ mode: "soft", weight: 30, decay: 1 / 3 })
 * const policy: Grouping.Input.Policy = { history }
 * ```
 * @since 0.1.0
 */
export const HistoryRule = Schema.Union(
  Schema.Struct({ mode: Schema.Literal("hard") }),
  Schema.Struct({ mode: Schema.Literal("soft"), weight: Weight, decay: Schema.Number.pipe(Schema.between(0, 1)) })
).annotations({ identifier: "HistoryRule" })
/** @since 0.1.0 */
export type HistoryRule = typeof HistoryRule.Type

/**
 * A member's request to be grouped with a colleague (a soft wish, unlike `mustTogether`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * const wish = Schema.decodeUnknownSync(Grouping.Input.Wish)({ memberId: "m-001", colleagueId: "m-017" })
 * ```
 * @since 0.2.0
 */
export const Wish = Schema.Struct({ memberId: MemberId, colleagueId: MemberId }).annotations({ identifier: "Wish" })
/** @since 0.2.0 */
export type Wish = typeof Wish.Type

/**
 * A wish that a round did not meet, remembered for the next: nobody in the member's group shared
 * one of their interests, or a colleague they asked for was placed in another group.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * const remembered = Schema.decodeUnknownSync(Grouping.Input.UnmetWish)({ _tag: "InterestNotShared", memberId: "m-001" })
 * ```
 * @since 0.2.0
 */
export const UnmetWish = Schema.Union(
  Schema.TaggedStruct("InterestNotShared", { memberId: MemberId }),
  Schema.TaggedStruct("ColleagueNotPlaced", { memberId: MemberId, colleagueId: MemberId })
).annotations({ identifier: "UnmetWish" })
/** @since 0.2.0 */
export type UnmetWish = typeof UnmetWish.Type

/**
 * What makes a good group, with weights. Omitted criteria take {@link defaultPolicy}'s values.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * // The community's policy from its settings file; what it leaves out comes from defaultPolicy.
 * const policy = Schema.decodeUnknownSync(Grouping.Input.Policy)({
 *   organisation: { mode: "hard" },
 *   interests: { weight: 5 }
 * })
 * declare const members: ReadonlyArray<Grouping.Input.GroupMember>
 * const request = Grouping.Input.decode({ members, size: { min: 5, max: 7 }, policy })
 * ```
 * @since 0.1.0
 */
export const Policy = Schema.Struct({
  organisation: Schema.optionalWith(Diversity, { exact: true }),
  programme: Schema.optionalWith(Diversity, { exact: true }),
  /** Each interest two members share is worth `weight`. */
  interests: Schema.optionalWith(Schema.Struct({ weight: Weight }), { exact: true }),
  history: Schema.optionalWith(HistoryRule, { exact: true }),
  /**
   * A requested colleague in one's group is worth `weight`; the wishes of a member who lost out
   * last round (`lostOut`) count `1 + boost` times (decision 0029).
   */
  wishes: Schema.optionalWith(Schema.Struct({ weight: Weight, boost: Weight }), { exact: true })
}).annotations({ identifier: "Policy" })
/** @since 0.1.0 */
export type Policy = typeof Policy.Type

/**
 * The policy used for omitted criteria: organisations soft (weight 10), programmes soft (5),
 * interests 3 per shared interest, earlier rounds soft (20, halving every round back), a requested
 * colleague 6, and the wishes of members who lost out last round counting twice (boost 1).
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * // Twice the default weight on shared interests, the rest as by default.
 * const policy: Grouping.Input.Policy = {
 *   ...Grouping.Input.defaultPolicy,
 *   interests: { weight: Grouping.Input.defaultPolicy.interests.weight * 2 }
 * }
 * ```
 * @since 0.1.0
 */
export const defaultPolicy = {
  organisation: { mode: "soft", weight: 10 },
  programme: { mode: "soft", weight: 5 },
  interests: { weight: 3 },
  history: { mode: "soft", weight: 20, decay: 0.5 },
  wishes: { weight: 6, boost: 1 }
} as const satisfies Required<Policy>

/**
 * A facilitator who can lead up to `maxGroups` groups, and never a group with one of `conflicts`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * // Fatima leads at most two groups, and not the group of her own colleague m-004.
 * const facilitator = Schema.decodeUnknownSync(Grouping.Input.GroupFacilitator)({
 *   id: "f-01",
 *   name: "Fatima el Amrani",
 *   maxGroups: 2,
 *   conflicts: ["m-004"]
 * })
 * ```
 * @since 0.1.0
 */
export const GroupFacilitator = Schema.Struct({
  id: FacilitatorId,
  name: Schema.optionalWith(Schema.String, { exact: true }),
  maxGroups: Index,
  conflicts: Schema.optionalWith(Schema.Array(MemberId), { exact: true })
}).annotations({ identifier: "GroupFacilitator" })
/** @since 0.1.0 */
export type GroupFacilitator = typeof GroupFacilitator.Type

const Pair = Schema.Tuple(MemberId, MemberId)

const RequestFields = Schema.Struct({
  members: Schema.Array(GroupMember),
  size: Size,
  policy: Schema.optionalWith(Policy, { exact: true }),
  /** The groups of earlier rounds, oldest first (the last one is the most recent round). */
  history: Schema.optionalWith(Schema.Array(Schema.Array(Schema.Array(MemberId))), { exact: true }),
  mustTogether: Schema.optionalWith(Schema.Array(Pair), { exact: true }),
  mustApart: Schema.optionalWith(Schema.Array(Pair), { exact: true }),
  /** Members fixed to a group, by group number (0-based). */
  fixed: Schema.optionalWith(Schema.Array(Schema.Struct({ memberId: MemberId, group: Index })), { exact: true }),
  facilitators: Schema.optionalWith(Schema.Array(GroupFacilitator), { exact: true }),
  /** Colleagues members asked to be grouped with (soft). */
  wishes: Schema.optionalWith(Schema.Array(Wish), { exact: true }),
  /** The wishes the previous round did not meet (its `wishesUnmet`): those members go first now. */
  lostOut: Schema.optionalWith(Schema.Array(UnmetWish), { exact: true })
})

type Issue = Schema.FilterIssue

const references = (request: typeof RequestFields.Type): Array<Issue> => {
  const known = new Set<string>(request.members.map((m) => m.id))
  const issues: Array<Issue> = [
    ...duplicatesIn(
      request.members,
      (m) => m.id,
      ["members"],
      (id) => `member ${id} is listed twice`
    )
  ]
  const check = (id: string, path: ReadonlyArray<PropertyKey>) => {
    if (!known.has(id)) issues.push({ path, message: `unknown member ${id}: not among the members of this round` })
  }
  for (const key of ["mustTogether", "mustApart"] as const)
    request[key]?.forEach(([a, b], index) => {
      check(a, [key, index, 0])
      check(b, [key, index, 1])
      if (a === b) issues.push({ path: [key, index], message: `a pair needs two different members, got ${a} twice` })
    })
  request.fixed?.forEach((f, index) => {
    check(f.memberId, ["fixed", index, "memberId"])
  })
  request.wishes?.forEach((w, index) => {
    check(w.memberId, ["wishes", index, "memberId"])
    check(w.colleagueId, ["wishes", index, "colleagueId"])
    if (w.memberId === w.colleagueId)
      issues.push({ path: ["wishes", index], message: `a member cannot ask for themselves (${w.memberId})` })
  })
  if (request.fixed !== undefined)
    issues.push(
      ...duplicatesIn(
        request.fixed,
        (f) => f.memberId,
        ["fixed"],
        (id) => `member ${id} is fixed twice`
      )
    )
  const groups = request.size.groups
  if (groups !== undefined) {
    request.fixed?.forEach((f, index) => {
      if (f.group >= groups)
        issues.push({
          path: ["fixed", index, "group"],
          message: `expected a group number below ${groups}, got ${f.group}`
        })
    })
  }
  request.facilitators?.forEach((f, index) => {
    f.conflicts?.forEach((id, c) => {
      check(id, ["facilitators", index, "conflicts", c])
    })
  })
  if (request.facilitators !== undefined)
    issues.push(
      ...duplicatesIn(
        request.facilitators,
        (f) => f.id,
        ["facilitators"],
        (id) => `facilitator ${id} is listed twice`
      )
    )
  return issues
}

/**
 * A request to form groups: the schema that {@link decode} applies, with cross-reference checks
 * (every member named in a pair, a fixed place, the history or a conflict must be in `members`).
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * // A request built in code (already typed) is checked with the same cross-references as decode.
 * declare const built: Grouping.Input.Request
 * const checked = Grouping.Input.decode(built)
 * if (Either.isRight(checked)) {
 *   const result = Grouping.Form.form(checked.right, { seed: 2027 })
 * }
 * ```
 * @since 0.1.0
 */
export const Request = RequestFields.pipe(Schema.filter(references)).annotations({ identifier: "GroupingRequest" })
/** @since 0.1.0 */
export type Request = typeof Request.Type

/**
 * Decodes a request from unknown input (e.g. JSON), reporting every problem with its path.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Grouping } from "@grenzeloos/core"
 *
 * const result = Grouping.Input.decode({ members: [], size: { min: 5, max: -7 } })
 * if (Either.isLeft(result)) console.log(result.left.problems) // [{ path: "size.max", ... }]
 * ```
 * @since 0.1.0
 */
export const decode = (input: unknown): Either.Either<Request, DecodeError.DecodeError> =>
  DecodeError.decode(Request, { subject: "grouping request" })(input)

/**
 * The engine's view of a domain member (id, name, organisation, programme, interests).
 *
 * @example
 * ```ts
 * import { Domain, Grouping } from "@grenzeloos/core"
 *
 * declare const members: ReadonlyArray<Domain.Member>
 * const input = members.filter((m) => m.status === "active").map(Grouping.Input.fromMember)
 * ```
 * @since 0.1.0
 */
export const fromMember = (member: Member.Member): GroupMember => ({
  id: member.id,
  name: member.name,
  organisation: member.organisation,
  programme: member.programme,
  interests: member.interests
})

/**
 * The language of explanations and messages (Dutch by default).
 *
 * @since 0.1.0
 */
export type Lang = Language
