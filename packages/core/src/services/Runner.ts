/**
 * The steps every use case takes, in order: decode the actor and the input, authorize, load,
 * call an commit the records with the outbox messages and one audit entry. Private: the
 * use-case modules build on it.
 */
import { DateTime, Effect, type Option, type Redacted, type Schema } from "effect"
import { type DecodeError, decode } from "../domain/DecodeError.js"
import type { Email } from "../domain/Email.js"
import { CommunityId, type MemberId } from "../domain/Ids.js"
import type { Language } from "../domain/Language.js"
import { type Addressee, type Notification, type RenderError, render, toOutbox } from "../notify/Templates.js"
import type { OutboxMessage, Write } from "../ports/Store.js"
import { type CommunityStore, forCommunity, type Store, type StoreError } from "../ports/Store.js"
import type { RecordKind } from "../repository/Kinds.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import { type Action, Actor, check, type Decision, type Resource, type Right } from "./Access.js"
import { NotAllowed, NotFound } from "./Errors.js"
import { Ids, type IdsService } from "./Ids.js"
import { Progress } from "./Progress.js"
import { Settings } from "./Settings.js"

/** What a use case works with once the actor is known. */
export interface Session {
  readonly actor: Actor
  readonly store: CommunityStore
  readonly ids: IdsService
  readonly now: DateTime.Utc
}

const decodeActor = decode(Actor, { subject: "actor", at: ["actor"] })

/** The pseudonymous id the audit log records for an actor (never a name or an address). */
export const pseudonymOf = (actor: Actor): string => {
  switch (actor._tag) {
    case "Member":
      return `member:${actor.memberId}`
    case "Facilitator":
      return `facilitator:${actor.facilitatorId}`
    case "ProgrammeTeam":
      return `programme-team:${actor.facilitatorId}`
    case "Administrator":
      return `administrator:${actor.administratorId}`
  }
}

/** Decodes the actor and opens the store of the actor's community: the only one it can reach. */
export const begin = (actor: unknown): Effect.Effect<Session, DecodeError, Store | Ids> =>
  Effect.gen(function* () {
    const decoded = yield* decodeActor(actor)
    const store = yield* forCommunity(decoded.communityId)
    const ids = yield* Ids
    const now = yield* DateTime.now
    return { actor: decoded, store, ids, now }
  })

/** Decodes a use case's input, every problem with its path. */
export const input =
  <A, I>(schema: Schema.Schema<A, I, never>, subject: string) =>
  (value: unknown): Effect.Effect<A, DecodeError> =>
    decode(schema, { subject })(value)

/**
 * Checks the policy. A denial is itself audited (BIO: failed attempts are logged too) and fails
 * with {@link NotAllowed}, which names the missing right only.
 */
export const authorize = (
  session: Session,
  action: Action,
  resource: Resource
): Effect.Effect<void, NotAllowed | StoreError> =>
  Effect.flatMap(registered(session, check(session.actor, action, resource)), (decision) =>
    decision._tag === "Allowed" ? Effect.void : deny(session, action, decision.missing)
  )

/**
 * A facilitator or programme-team actor is checked against the stored facilitators: the id must
 * be registered, and a `ProgrammeTeam` actor must have the `programme-team` role. Only a
 * community with no facilitator registered yet takes the actor as given (decision 0098), so that
 * its programme team can be set up.
 */
const registered = (session: Session, decision: Decision): Effect.Effect<Decision, StoreError> => {
  const actor = session.actor
  if (decision._tag === "Denied" || (actor._tag !== "ProgrammeTeam" && actor._tag !== "Facilitator"))
    return Effect.succeed(decision)
  const missing: Right = actor._tag === "ProgrammeTeam" ? "programme team" : "a registered facilitator"
  return Effect.flatMap(Repository.get(session.store, Kinds.Facilitators, actor.facilitatorId), (found) => {
    if (found._tag === "Some")
      return Effect.succeed(
        actor._tag === "ProgrammeTeam" && found.value.value.role !== "programme-team"
          ? ({ _tag: "Denied", missing } as const)
          : decision
      )
    return Effect.map(session.store.find(Kinds.Facilitators.kind, { limit: 1 }), (page) =>
      page.items.length === 0 ? decision : ({ _tag: "Denied", missing } as const)
    )
  })
}

const deny = (session: Session, action: Action, missing: Right): Effect.Effect<never, NotAllowed | StoreError> =>
  Effect.flatMap(
    Effect.flatMap(session.ids.next("audit"), (id) =>
      session.store.commit({
        audit: [
          {
            id,
            actor: pseudonymOf(session.actor),
            action,
            detail: { result: "denied", missing },
            at: DateTime.toEpochMillis(session.now)
          }
        ]
      })
    ),
    () => Effect.fail(new NotAllowed({ action, missing }))
  )

/** What a use case commits: records, messages, and the subject and facts of its audit entry. */
export interface Change {
  readonly writes: ReadonlyArray<Write>
  readonly outbox?: ReadonlyArray<OutboxMessage>
  /** Outbox messages to remove (erasure). */
  readonly outboxRemovals?: ReadonlyArray<string>
  readonly subject?: { readonly kind: string; readonly id: string }
  /** Counts and ids only: never names, addresses, notes or case texts. */
  readonly detail?: Readonly<Record<string, unknown>>
  /** The change erases personal data: the store also scrubs the old bytes from its files (decision 0049). */
  readonly erase?: boolean
}

/** Commits the change with its audit entry, atomically. */
export const commit = (session: Session, action: Action, change: Change): Effect.Effect<void, StoreError> =>
  Effect.flatMap(session.ids.next("audit"), (id) =>
    Effect.asVoid(
      session.store.commit({
        writes: change.writes,
        outbox: change.outbox ?? [],
        outboxRemovals: change.outboxRemovals ?? [],
        ...(change.erase === true ? { erase: true } : {}),
        audit: [
          {
            id,
            actor: pseudonymOf(session.actor),
            action,
            ...(change.subject === undefined ? {} : { subject: change.subject }),
            detail: { result: "ok", ...change.detail },
            at: DateTime.toEpochMillis(session.now)
          }
        ]
      })
    )
  )

/** Encodes records into puts (`expectedVersion` 0 creates). */
export const puts = <A, I>(
  kind: RecordKind<A, I>,
  values: ReadonlyArray<{ readonly value: A; readonly version: number }>
): Effect.Effect<ReadonlyArray<Write>, StoreError> =>
  Effect.forEach(values, ({ value, version }) => Repository.put(kind, value, version))

/** Reads a record the input names, or fails with {@link NotFound} at that path. */
export const required = <A, I>(
  session: Session,
  kind: RecordKind<A, I>,
  id: string,
  path: string
): Effect.Effect<Repository.Versioned<A>, NotFound | StoreError> =>
  Effect.flatMap(Repository.get(session.store, kind, id), (found: Option.Option<Repository.Versioned<A>>) =>
    found._tag === "Some" ? Effect.succeed(found.value) : Effect.fail(new NotFound({ kind: kind.kind, id, path }))
  )

/** Renders notifications for every configured channel into outbox messages. */
export const notify = (
  session: Session,
  notifications: ReadonlyArray<Notification>,
  options: { readonly availableAt?: (notification: Notification) => number | undefined } = {}
): Effect.Effect<ReadonlyArray<OutboxMessage>, RenderError, Settings> =>
  Effect.flatMap(Settings, (settings) =>
    Effect.forEach(
      notifications.flatMap((n) => (settings.channels ?? ["email"]).map((channel) => [n, channel] as const)),
      ([n, channel]) =>
        Effect.map(
          render(n, { communityId: CommunityId.make(session.store.communityId), channel, stamp: session.now }),
          (message): OutboxMessage => {
            const availableAt = options.availableAt?.(n)
            return { ...toOutbox(message), ...(availableAt === undefined ? {} : { availableAt }) }
          }
        )
    )
  )

/** A member as the addressee of a notification. */
export const addressee = (member: {
  readonly id: MemberId
  readonly name: string
  readonly email: Redacted.Redacted<Email>
  readonly preferredLanguage: Language
}): Addressee => ({ memberId: member.id, name: member.name, email: member.email, language: member.preferredLanguage })

/**
 * The id of a record that exists once per combination (a member's ballot in a round): the parts
 * escaped and joined with `:`, so no two combinations share a key (see `Acting.naturalKey`).
 */
export { naturalKey } from "./Acting.js"

/** The engine's progress callback for a task, when a Progress service is in the context. */
export const progressFor = (task: string): Effect.Effect<{ readonly onProgress?: (share: number) => void }> =>
  Effect.map(Effect.serviceOption(Progress), (progress) =>
    progress._tag === "Some" ? { onProgress: (share: number) => progress.value.report(task, share) } : {}
  )
