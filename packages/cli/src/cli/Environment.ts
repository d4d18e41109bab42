/**
 * Where the command line works: the store (`--db`: a SQLite file, or a PostgreSQL URL), the
 * community and the acting member of the programme team, and the settings the use cases need
 * (the organizer of invitations, the domain of calendar UIDs), from options or the environment.
 *
 * @since 0.1.0
 */
import { type Access, Domain, Services, type Store } from "@grenzeloos/core"
import { PgStore } from "@grenzeloos/storage-postgres"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Config, Effect, Layer, Redacted } from "effect"

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
 * @example
 * ```ts
 * import { Environment } from "@grenzeloos/cli"
 *
 * Environment.isPostgres("postgres://grenzeloos@db:5432/grenzeloos") // true
 * Environment.isPostgres("grenzeloos.db") // false
 * ```
 * @since 0.1.0
 */
export const isPostgres = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db)

/**
 * The store layer for `--db`.
 *
 * @example
 * ```ts
 * import { Environment } from "@grenzeloos/cli"
 *
 * const layer = Environment.storeLayer("grenzeloos.db")
 * ```
 * @since 0.1.0
 */
export const storeLayer = (db: string): Layer.Layer<Store.Store, Store.StoreError> =>
  isPostgres(db)
    ? PgStore.layer({ url: Redacted.make(db), applicationName: "grenzeloos-cli" })
    : SqliteStore.layer({ filename: db })

/**
 * The settings of the use cases, from the environment: `GRENZELOOS_ORGANIZER_NAME`,
 * `GRENZELOOS_ORGANIZER_EMAIL` and `GRENZELOOS_UID_DOMAIN`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Environment } from "@grenzeloos/cli"
 *
 * const organizer = Effect.map(Environment.settings, (s) => `${s.name} <${s.email}>`)
 * ```
 * @since 0.1.0
 */
export const settings = Config.all({
  name: Config.string("GRENZELOOS_ORGANIZER_NAME").pipe(Config.withDefault("Programmateam")),
  email: Config.string("GRENZELOOS_ORGANIZER_EMAIL").pipe(Config.withDefault("programmateam@grenzeloos.invalid")),
  uidDomain: Config.string("GRENZELOOS_UID_DOMAIN").pipe(Config.withDefault("grenzeloos.invalid"))
})

/**
 * The use cases over the store of `--db`, random ids and the settings.
 *
 * @example
 * ```ts
 * import { Environment } from "@grenzeloos/cli"
 *
 * const layer = Environment.useCasesLayer("grenzeloos.db")
 * ```
 * @since 0.1.0
 */
export const useCasesLayer = (
  db: string
): Layer.Layer<Services.UseCases.UseCases, Store.StoreError | import("effect/ConfigError").ConfigError> =>
  Services.UseCases.layer.pipe(
    Layer.provide(storeLayer(db)),
    Layer.provide(Services.Ids.layer),
    Layer.provide(
      Layer.unwrapEffect(
        Effect.map(settings, (s) =>
          Services.Settings.layer({ organizer: { name: s.name, email: s.email }, uidDomain: s.uidDomain })
        )
      )
    )
  )

/**
 * The actor of every command: the programme team, as the facilitator `--as`.
 *
 * @example
 * ```ts
 * import { Environment } from "@grenzeloos/cli"
 *
 * Environment.team({ db: "grenzeloos.db", community: "rijk", as: "f-01", json: false })
 * ```
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
 * @example
 * ```ts
 * import { Environment } from "@grenzeloos/cli"
 *
 * Environment.administrator({ db: "grenzeloos.db", community: "rijk", as: "f-01", json: false })
 * ```
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
 * @example
 * ```ts
 * import { Environment } from "@grenzeloos/cli"
 *
 * Environment.member({ db: "grenzeloos.db", community: "rijk", as: "f-01", json: false }, "m-001")
 * ```
 * @since 0.1.0
 */
export const member = (common: Common, memberId: string): Access.Actor => ({
  _tag: "Member",
  communityId: Domain.CommunityId.make(common.community),
  memberId: Domain.MemberId.make(memberId)
})
