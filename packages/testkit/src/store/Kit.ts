// What every guarantee file of the Store conformance kit shares: the context `storeConformance`
// hands it, and the helpers that turn a failed check into a message naming the guarantee and the fix.
import type { Vitest } from "@effect/vitest"
import { Store } from "@grenzeloos/core"
import { Effect, Either, Option } from "effect"
import type { StoreConformanceOptions } from "../StoreConformance.js"

/** What a guarantee's tests receive from `storeConformance`. */
export interface Kit {
  /** Runs `f` with the store of a community of its own (a fresh id with `label` in it). */
  readonly withStore: <A, E>(
    label: string,
    f: (store: Store.CommunityStore, service: Store.StoreService) => Effect.Effect<A, E>
  ) => Effect.Effect<A, E, Store.Store>
  /** Timeout of each test in milliseconds. */
  readonly timeout: number
  /** Fibers in the concurrency tests. */
  readonly fibers: number
  readonly options: StoreConformanceOptions
}

/** Registers the tests of one guarantee. */
export type Register = (it: Vitest.MethodsNonLive<Store.Store, true>, kit: Kit) => void

export const START_MS = 1_800_000_000_000

/** Builds the message of a failed check: the guarantee, what happened, and how to fix the adapter. */
export const broke = (guarantee: string, what: string, fix: string) =>
  `[${guarantee}] ${what}\n  How to fix the adapter: ${fix}`

/** Where the guide says what each change of the port asks of an adapter written for an older version. */
export const UPGRADING_AN_ADAPTER = "docs/guides/writing-a-storage-adapter.md#upgrading-an-adapter"

/** The message of a failed check of a guarantee the port added after 0.1: also where to read about it. */
export const brokeSince = (version: string, guarantee: string, what: string, fix: string) =>
  `${broke(guarantee, what, fix)}\n  This guarantee is new in Store port ${version}; an adapter written for an earlier version needs an upgrade: see "Upgrading an adapter" (${UPGRADING_AN_ADAPTER}).`

export const communityIdOf = (label: string) => `${label}-${globalThis.crypto.randomUUID().slice(0, 8)}` as const

export const failureOf = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<E | undefined, never, R> =>
  Effect.map(Effect.either(effect), (result) => (Either.isLeft(result) ? result.left : undefined))

export const present = <A>(value: A | undefined, what: string): A => {
  if (value === undefined) throw new Error(`expected ${what}, got nothing`)
  return value
}

export const getDocument = (store: Store.CommunityStore, kind: string, id: string) =>
  Effect.map(store.get(kind, id), Option.getOrUndefined)

export const allIds = (store: Store.CommunityStore, kind: string, where?: Record<string, string>) =>
  Effect.map(store.findAll(kind, where), (records) => records.map((r) => r.id))

// Small pages on purpose: the listings are read across several pages.
export const listAllOutbox = (store: Store.CommunityStore, status?: Store.OutboxStatus) =>
  Store.everyPage((page) => store.outbox({ ...page, ...(status === undefined ? {} : { status }) }), 50)

export const listAllAudit = (store: Store.CommunityStore) => Store.everyPage(store.audit, 7)

export const tricky = [
  "Robert'); DROP TABLE records;--",
  `"double" and 'single' quotes, back\\slash and \`ticks\``,
  "1 OR 1=1; SELECT * FROM pg_catalog.pg_tables",
  "ÅØÆ ïjsselmeer — Ĳsbrand, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀👩🏽‍💻 עברית العربية 中文",
  "line\nbreak\ttab\r\u2028\u2029 and a backspace \b",
  "%_ LIKE wildcards [a-z]* $1 ? :name"
] as const
