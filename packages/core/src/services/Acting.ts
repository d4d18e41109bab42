/**
 * Who may act for themselves, and the records that exist once per member: a member acts (votes,
 * answers a poll, proposes a theme) only while registered and active in the community, and a
 * ballot or poll answer is found by a key that cannot collide and is read only when it is the
 * member's own. Private: the use-case modules build on it.
 */
import { DateTime, Effect, Option } from "effect"
import type { MemberId } from "../domain/Ids.js"
import type { Member } from "../domain/Member.js"
import type { ThemeStatus } from "../domain/Theme.js"
import type { StoreError } from "../ports/Store.js"
import type { RecordKind } from "../repository/Kinds.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import type { Action } from "./Access.js"
import { type InactiveState, MemberCannotAct } from "./Errors.js"
import type { Session } from "./Runner.js"

/** The name erasure leaves on a member record. */
export const FORGOTTEN_NAME = "Vergeten lid"

/** Why a stored member may not act, or `undefined` when they may. */
export const inactiveState = (member: Member): InactiveState | undefined => {
  // Records erased before 0.2.0 carry no erasedAt, but the name erasure leaves.
  if (member.erasedAt !== undefined || (member.status === "left" && member.name === FORGOTTEN_NAME)) return "erased"
  return member.status === "active" ? undefined : member.status
}

/**
 * The acting member's record, when they are registered in the community and active; otherwise a
 * {@link MemberCannotAct} naming their state.
 */
export const activeMember = (
  session: Session,
  memberId: MemberId,
  action: Action
): Effect.Effect<Repository.Versioned<Member>, MemberCannotAct | StoreError> =>
  Effect.flatMap(Repository.get(session.store, Kinds.Members, memberId), (found) => {
    if (Option.isNone(found)) return Effect.fail(new MemberCannotAct({ action, memberId, state: "unregistered" }))
    const state = inactiveState(found.value.value)
    return state === undefined
      ? Effect.succeed(found.value)
      : Effect.fail(new MemberCannotAct({ action, memberId, state }))
  })

// ":" separates the parts of a key and "~" escapes, so that no two lists of parts give one key
// (ids may contain both). Ids without either keep the key they had before 0.2.0.
const escapePart = (part: string) => part.replace(/~/g, "~~").replace(/:/g, "~c")

/**
 * The id of a record that exists once per combination (a member's ballot in a round): the parts,
 * escaped, joined with `:`; beyond the 128 characters an id may have, the first part and a 64-bit
 * FNV-1a hash of the whole.
 */
export const naturalKey = (...parts: readonly [string, ...Array<string>]): string => {
  const escaped = parts.map(escapePart)
  const joined = escaped.join(":")
  if (joined.length <= 128) return joined
  let hash = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(joined))
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn
  return `${(escaped[0] ?? "").slice(0, 100)}:h${hash.toString(16).padStart(16, "0")}`
}

/**
 * A member's own record of a kind that exists once per member and parent (a ballot per round, an
 * answer per poll): read by its key and returned only when it is theirs. A record stored before
 * 0.2.0 under an unescaped key (an id with `:` or `~`) is found through the member's index.
 */
export const ownRecord = <A extends { readonly memberId: MemberId }, I>(
  session: Session,
  kind: RecordKind<A, I>,
  parent: { readonly field: string; readonly id: string },
  memberId: MemberId
): Effect.Effect<Option.Option<Repository.Versioned<A>>, StoreError> =>
  Effect.flatMap(Repository.get(session.store, kind, naturalKey(parent.id, memberId)), (found) => {
    if (Option.isSome(found) && found.value.value.memberId === memberId) return Effect.succeed(found)
    if (naturalKey(parent.id, memberId) === [parent.id, memberId].join(":")) return Effect.succeed(Option.none())
    return Effect.map(Repository.all(session.store, kind, { [parent.field]: parent.id, memberId }), (mine) =>
      Option.fromNullable(mine.find((r) => r.value.memberId === memberId))
    )
  })

/**
 * The ballots of a round that count at its close: those of members active at the close, one per
 * member (the latest, should a record stored before 0.2.0 under an unescaped key sit beside a
 * newer one).
 */
export const countedBallots = <B extends { readonly memberId: MemberId; readonly castAt: DateTime.Utc }>(
  ballots: ReadonlyArray<Repository.Versioned<B>>,
  members: ReadonlyArray<Repository.Versioned<Member>>
): ReadonlyArray<Repository.Versioned<B>> => {
  const active = new Set<string>(members.filter((m) => inactiveState(m.value) === undefined).map((m) => m.value.id))
  const latest = new Map<string, Repository.Versioned<B>>()
  for (const b of ballots) {
    if (!active.has(b.value.memberId)) continue
    const seen = latest.get(b.value.memberId)
    if (seen === undefined || DateTime.greaterThan(b.value.castAt, seen.value.castAt)) latest.set(b.value.memberId, b)
  }
  return [...latest.values()]
}

/**
 * What is wrong with one entry of a list a use case records (ballots, poll answers, a
 * programme's or a vote's themes), as data; `Texts.of(language).reason` says it.
 *
 * @since 0.2.0
 */
export type EntryProblem =
  | { readonly _tag: "UnknownMember"; readonly path: string; readonly memberId: string }
  | {
      readonly _tag: "MemberNotActive"
      readonly path: string
      readonly name: string
      readonly status: Exclude<Member["status"], "active">
    }
  | { readonly _tag: "MemberTwice"; readonly path: string; readonly name: string }
  | { readonly _tag: "NotASlot"; readonly path: string; readonly slotId: string }
  | { readonly _tag: "UnknownTheme"; readonly path: string; readonly themeId: string }
  | { readonly _tag: "ThemeNotOpen"; readonly path: string; readonly title: string; readonly status: ThemeStatus }
  | { readonly _tag: "ThemeTwice"; readonly path: string; readonly title: string }

/**
 * The problems of a list of entries for members: an unknown member, one who is not active, one
 * given twice. The one check that recording ballots and recording poll answers share.
 */
export const entryProblems = (
  entries: ReadonlyArray<{ readonly memberId: string }>,
  known: ReadonlyMap<string, Member>,
  at: (index: number) => string
): ReadonlyArray<ReadonlyArray<EntryProblem>> => {
  const seen = new Set<string>()
  return entries.map((entry, i): ReadonlyArray<EntryProblem> => {
    const member = known.get(entry.memberId)
    const path = `${at(i)}.memberId`
    const twice = seen.has(entry.memberId)
    seen.add(entry.memberId)
    if (member === undefined) return [{ _tag: "UnknownMember", path, memberId: entry.memberId }]
    if (member.status !== "active") return [{ _tag: "MemberNotActive", path, name: member.name, status: member.status }]
    return twice ? [{ _tag: "MemberTwice", path, name: member.name }] : []
  })
}
