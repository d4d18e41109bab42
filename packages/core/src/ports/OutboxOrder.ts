/**
 * The outbox's ordering and supersession rules over messages held in commit order, for adapters
 * that keep the outbox in memory or in a file (the memory store and the JSON-file example use
 * them; a SQL adapter says the same in SQL). The rules are those of {@link Driver}: `commit`,
 * `claimOutbox`, `settleOutbox` (a release) and `reviveOutbox`.
 *
 * @since 0.1.0
 */
import type { EncodedOutboxEntry, EncodedOutboxMessage } from "./StoreDriver.js"

/**
 * Whether `later` (committed after `earlier`) supersedes `earlier`: same stream, and `later`
 * names the label of `earlier` in its `supersedes`.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * declare const invitation: Store.EncodedOutboxEntry
 * declare const cancellation: Store.EncodedOutboxEntry
 * Store.supersedes(cancellation, invitation) // true when the cancellation names "gathering.invited"
 * ```
 * @since 0.1.0
 */
export const supersedes = (
  later: Pick<EncodedOutboxMessage, "stream" | "supersedes">,
  earlier: Pick<EncodedOutboxMessage, "stream" | "label">
): boolean =>
  earlier.stream !== undefined &&
  earlier.label !== undefined &&
  later.stream === earlier.stream &&
  later.supersedes.includes(earlier.label)

/**
 * Whether a message holds back the later messages of its stream at `now`: it is claimed, or
 * pending and already tried or due.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * declare const entry: Store.EncodedOutboxEntry
 * const holds = Store.holdsBackStream(entry, Date.now())
 * ```
 * @since 0.1.0
 */
export const holdsBackStream = (entry: EncodedOutboxEntry, now: number): boolean =>
  entry.status === "claimed" || (entry.status === "pending" && (entry.attempts > 0 || entry.availableAt <= now))

/**
 * The ids of `pending` messages that a message committed after them supersedes (`ordered` is
 * the community's outbox in commit order): what a commit settles as `superseded`.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * declare const outbox: ReadonlyArray<Store.EncodedOutboxEntry> // in commit order
 * const settle = Store.supersededPending(outbox)
 * ```
 * @since 0.1.0
 */
export const supersededPending = (ordered: ReadonlyArray<EncodedOutboxEntry>): ReadonlyArray<string> => {
  const named = new Map<string, Set<string>>()
  const found: Array<string> = []
  for (let i = ordered.length - 1; i >= 0; i--) {
    const entry = ordered[i] as EncodedOutboxEntry
    if (entry.stream === undefined) continue
    const labels = named.get(entry.stream)
    if (entry.status === "pending" && entry.label !== undefined && labels?.has(entry.label) === true)
      found.push(entry.id)
    if (entry.supersedes.length > 0) {
      const next = labels ?? new Set<string>()
      for (const label of entry.supersedes) next.add(label)
      named.set(entry.stream, next)
    }
  }
  return found
}

/**
 * Whether a message committed after the one with `id` supersedes it (`ordered` in commit order):
 * a released or revived message then becomes `superseded`.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * declare const outbox: ReadonlyArray<Store.EncodedOutboxEntry> // in commit order
 * const gone = Store.isSupersededLater(outbox, "gathering-invitation:g-1:0:m-1:email")
 * ```
 * @since 0.1.0
 */
export const isSupersededLater = (ordered: ReadonlyArray<EncodedOutboxEntry>, id: string): boolean => {
  const at = ordered.findIndex((entry) => entry.id === id)
  const entry = ordered[at]
  return entry !== undefined && ordered.slice(at + 1).some((later) => supersedes(later, entry))
}

/**
 * What a claim at `now` does (`ordered` in commit order): the ids of pending messages that have
 * expired (to settle as `superseded`), and the messages to lease, at most `limit`, oldest
 * `availableAt` first, none of them behind an earlier message of its stream that holds it back.
 *
 * @example
 * ```ts
 * import { Store } from "@grenzeloos/core"
 *
 * declare const outbox: ReadonlyArray<Store.EncodedOutboxEntry> // in commit order
 * const { expired, claimable } = Store.claimPlan(outbox, Date.now(), 10)
 * ```
 * @since 0.1.0
 */
export const claimPlan = (
  ordered: ReadonlyArray<EncodedOutboxEntry>,
  now: number,
  limit: number
): { readonly expired: ReadonlyArray<string>; readonly claimable: ReadonlyArray<EncodedOutboxEntry> } => {
  const expired = new Set(
    ordered.filter((e) => e.status === "pending" && e.expiresAt !== undefined && e.expiresAt <= now).map((e) => e.id)
  )
  const held = new Set<string>()
  const candidates: Array<EncodedOutboxEntry> = []
  for (const entry of ordered) {
    if (expired.has(entry.id)) continue
    const blocked = entry.stream !== undefined && held.has(entry.stream)
    const due =
      (entry.status === "pending" && entry.availableAt <= now) ||
      (entry.status === "claimed" && (entry.leaseExpiresAt ?? 0) <= now)
    if (due && !blocked) candidates.push(entry)
    if (entry.stream !== undefined && holdsBackStream(entry, now)) held.add(entry.stream)
  }
  candidates.sort(
    (a, b) => a.availableAt - b.availableAt || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
  return { expired: [...expired], claimable: candidates.slice(0, limit) }
}
