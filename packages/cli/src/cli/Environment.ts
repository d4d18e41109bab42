/**
 * Where the command line works: the store (`--db`: a SQLite file, or a PostgreSQL URL), the
 * community and the acting member of the programme team, and the settings the use cases need
 * (the organizer of invitations, the domain of calendar UIDs), from options or the environment.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */
import { existsSync } from "node:fs"
import { type Access, Domain, Repository, Services, Store } from "@grenzeloos/core"
import { PgStore } from "@grenzeloos/storage-postgres"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Cause, Config, type ConfigError, Effect, Layer, Option, Redacted, Schema } from "effect"

/**
 * The options every command takes.
 *
 * @since 0.1.0
 */
export interface Common {
  /** A SQLite file, or a `postgres://` URL. */
  readonly db: string
  readonly community: string
  /** The facilitator id of the programme-team member at the keyboard. */
  readonly as: string
  readonly json: boolean
}

/**
 * Whether `--db` names a PostgreSQL database rather than a SQLite file.
 *
 * @since 0.1.0
 */
export const isPostgres = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db)

/**
 * The store layer for `--db`.
 *
 * @since 0.1.0
 */
export const storeLayer = (db: string): Layer.Layer<Store.Store, Store.StoreError> =>
  isPostgres(db)
    ? PgStore.layer({ url: Redacted.make(db), applicationName: "grenzeloos-cli" })
    : SqliteStore.layer({ filename: db })

/**
 * The settings of the use cases from the environment: `GRENZELOOS_ORGANIZER_NAME`,
 * `GRENZELOOS_ORGANIZER_EMAIL` (unset: the programme-team member of `--as`, as `init
 * --team-email` registered them) and `GRENZELOOS_UID_DOMAIN` (unset: the organiser's domain).
 *
 * @since 0.1.0
 */
export const settings = Config.all({
  name: Config.option(Config.string("GRENZELOOS_ORGANIZER_NAME")),
  email: Config.option(Config.string("GRENZELOOS_ORGANIZER_EMAIL")),
  uidDomain: Config.option(Config.string("GRENZELOOS_UID_DOMAIN"))
})

/**
 * The organiser when neither the environment nor `init --team-email` names one: an address
 * that cannot receive mail, so `outbox send` refuses to send from it.
 *
 * @since 0.1.0
 */
export const placeholderOrganizer = { name: "Programmateam", email: "programmateam@grenzeloos.invalid" } as const

/**
 * Whether an address is in a reserved top-level domain that never receives mail (`.invalid`,
 * `.example`, `.test`, `.localhost`, RFC 2606).
 *
 * @since 0.1.0
 */
export const isPlaceholderAddress = (email: string): boolean =>
  /\.(invalid|example|test|localhost)$/i.test(email.trim())

/**
 * Where the use cases work: the store of `db`, and, for the organiser of invitations, the
 * community and the programme-team member at the keyboard.
 *
 * @since 0.1.0
 */
export interface Where {
  readonly db: string
  readonly community?: string
  readonly as?: string
  /** Create the SQLite file when it does not exist (only `init` does). */
  readonly create?: boolean
}

/**
 * The organiser of invitations: `GRENZELOOS_ORGANIZER_*` when set, otherwise the programme-team
 * member `as` with the name and address `init --team-email` registered, otherwise
 * {@link placeholderOrganizer}.
 *
 * @since 0.1.0
 */
export const organizer = (where: {
  readonly community?: string
  readonly as?: string
}): Effect.Effect<
  { readonly name: string; readonly email: string },
  Store.StoreError | ConfigError.ConfigError,
  Store.Store
> =>
  Effect.gen(function* () {
    const env = yield* settings
    if (Option.isSome(env.email))
      return { name: Option.getOrElse(env.name, () => placeholderOrganizer.name), email: env.email.value }
    if (where.community === undefined || where.as === undefined) return placeholderOrganizer
    const store = (yield* Store.Store).forCommunity(where.community)
    const found = yield* Repository.get(store, Repository.Facilitators, where.as)
    return Option.match(found, {
      onNone: () => placeholderOrganizer,
      onSome: ({ value }) => ({
        name: Option.getOrElse(env.name, () => value.name),
        email: Redacted.value(value.email)
      })
    })
  })

/**
 * The store of `--db` is missing: a SQLite file that does not exist (anything but `init` needs a
 * community set up first).
 *
 * @since 0.1.0
 */
export class DatabaseMissing extends Schema.TaggedError<DatabaseMissing>("@grenzeloos/cli/DatabaseMissing")(
  "DatabaseMissing",
  { file: Schema.String }
) {
  override get message(): string {
    return `de database ${this.file} bestaat niet: begin met grenzeloos init --name "…" (of geef --db) / the database ${this.file} does not exist: start with grenzeloos init --name "…" (or give --db)`
  }
}

/**
 * The store of `--db` could not be opened: not a database, or one this version cannot read.
 *
 * @since 0.2.0
 */
export class DatabaseUnreadable extends Schema.TaggedError<DatabaseUnreadable>("@grenzeloos/cli/DatabaseUnreadable")(
  "DatabaseUnreadable",
  { db: Schema.String, reason: Schema.String }
) {
  override get message(): string {
    return `de database ${this.db} is niet te openen (${this.reason}); geef met --db de goede database, of zet een reservekopie terug / the database ${this.db} cannot be opened; give the right --db, or restore a backup`
  }
}

const unreadable = (cause: Cause.Cause<unknown>): string => {
  const defect = Cause.squash(cause)
  return (defect instanceof Error ? defect.message : String(defect)).split("\n")[0] ?? ""
}

/**
 * The use cases over the store of `--db`, random ids and the settings (the organiser from
 * {@link organizer}).
 *
 * @since 0.1.0
 */
export const useCasesLayer = (
  where: Where | string
): Layer.Layer<
  Services.UseCases.UseCases | Store.Store,
  Store.StoreError | ConfigError.ConfigError | DatabaseMissing | DatabaseUnreadable
> => {
  const w: Where = typeof where === "string" ? { db: where } : where
  const exists = isPostgres(w.db) || w.create === true || w.db === ":memory:" || existsSync(w.db)
  // A file that is not a database (or is damaged) makes the driver throw while opening: that is a
  // storage problem (exit 6), not a defect of ours.
  const opened: Layer.Layer<Store.Store, Store.StoreError | DatabaseUnreadable> = Layer.catchAllCause(
    storeLayer(w.db),
    (cause): Layer.Layer<Store.Store, Store.StoreError | DatabaseUnreadable> =>
      Option.match(Cause.failureOption(cause), {
        onSome: (error) => Layer.fail(error),
        onNone: () =>
          Layer.fail(new DatabaseUnreadable({ db: isPostgres(w.db) ? "PostgreSQL" : w.db, reason: unreadable(cause) }))
      })
  )
  const store: Layer.Layer<Store.Store, Store.StoreError | DatabaseMissing | DatabaseUnreadable> = exists
    ? opened
    : Layer.fail(new DatabaseMissing({ file: w.db }))
  const settingsLayer = Layer.unwrapEffect(
    Effect.gen(function* () {
      const env = yield* settings
      const by = yield* organizer(w)
      const domain = Option.getOrElse(env.uidDomain, () => by.email.slice(by.email.lastIndexOf("@") + 1))
      return Services.Settings.layer({ organizer: by, uidDomain: domain })
    })
  )
  return Layer.merge(
    Services.UseCases.layer.pipe(
      Layer.provide(Layer.mergeAll(Services.Ids.layer, Layer.provide(settingsLayer, store))),
      Layer.provideMerge(store)
    ),
    Layer.empty
  )
}

/**
 * The actor of every command: the programme team, as the facilitator `--as`.
 *
 * @since 0.1.0
 */
export const team = (common: Common): Access.Actor => ({
  _tag: "ProgrammeTeam",
  communityId: Domain.CommunityId.make(common.community),
  facilitatorId: Domain.FacilitatorId.make(common.as)
})

/**
 * The actor of `init`, which sets up the community: an administrator of the deployment.
 *
 * @since 0.1.0
 */
export const administrator = (common: Common): Access.Actor => ({
  _tag: "Administrator",
  communityId: Domain.CommunityId.make(common.community),
  administratorId: `cli:${common.as}`
})

/**
 * The actor for one member's own act that the programme team records for them (a ballot
 * handed in on paper or through a form).
 *
 * @since 0.1.0
 */
export const member = (common: Common, memberId: string): Access.Actor => ({
  _tag: "Member",
  communityId: Domain.CommunityId.make(common.community),
  memberId: Domain.MemberId.make(memberId)
})
