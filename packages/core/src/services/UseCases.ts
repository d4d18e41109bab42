/**
 * All use cases as one Effect service, and the Promise facade for tools that do not use Effect.
 *
 * @since 0.1.0
 */
import { Cause, Context, Effect, Exit, Layer, ManagedRuntime } from "effect"
import type { Store } from "../ports/Store.js"
import * as Backlog from "./Backlog.js"
import * as Cycle from "./Cycle.js"
import * as Fairness from "./Fairness.js"
import * as Gatherings from "./Gatherings.js"
import * as Groups from "./Groups.js"
import type { Ids } from "./Ids.js"
import * as Intakes from "./Intakes.js"
import * as Members from "./Members.js"
import * as Privacy from "./Privacy.js"
import * as Programme from "./Programme.js"
import * as Sessions from "./Sessions.js"
import type { Settings } from "./Settings.js"
import * as Voting from "./Voting.js"

const useCases = {
  setUpCommunity: Members.setUpCommunity,
  registerFacilitators: Members.registerFacilitators,
  registerMembers: Members.registerMembers,
  getCommunity: Members.getCommunity,
  listFacilitators: Members.listFacilitators,
  directory: Members.directory,
  getMember: Members.getMember,
  pauseMember: Members.pauseMember,
  endMember: Members.endMember,
  planIntakes: Intakes.planIntakes,
  recordIntake: Intakes.recordIntake,
  formGroups: Groups.formGroups,
  publishGroups: Groups.publishGroups,
  listRounds: Groups.listRounds,
  listGroups: Groups.listGroups,
  addCase: Groups.addCase,
  listCases: Groups.listCases,
  listThemes: Voting.listThemes,
  proposeTheme: Voting.proposeTheme,
  openVoting: Voting.openVoting,
  castBallot: Voting.castBallot,
  myBallot: Voting.myBallot,
  closeVoting: Voting.closeVoting,
  listGatherings: Gatherings.listGatherings,
  planGathering: Gatherings.planGathering,
  proposeDates: Gatherings.proposeDates,
  answerPoll: Gatherings.answerPoll,
  listPolls: Gatherings.listPolls,
  pollStanding: Gatherings.pollStanding,
  decideDate: Gatherings.decideDate,
  sendInvitations: Gatherings.sendInvitations,
  sendReminders: Gatherings.sendReminders,
  recordRsvp: Gatherings.recordRsvp,
  recordAttendance: Gatherings.recordAttendance,
  exportMember: Privacy.exportMember,
  forgetMember: Privacy.forgetMember,
  exportForWoo: Privacy.exportForWoo,
  auditLog: Privacy.auditLog,
  getGrouping: Groups.getGrouping,
  planSessions: Sessions.planSessions,
  editTheme: Backlog.editTheme,
  withdrawTheme: Backlog.withdrawTheme,
  withdrawBallot: Backlog.withdrawBallot,
  recordBallots: Backlog.recordBallots,
  changeProgramme: Programme.changeProgramme,
  getProgramme: Programme.getProgramme,
  requestPollAnswers: Cycle.requestPollAnswers,
  recordPollAnswers: Cycle.recordPollAnswers,
  moveGathering: Cycle.moveGathering,
  cancelGathering: Cycle.cancelGathering,
  closeGathering: Cycle.closeGathering,
  getFairness: Fairness.getFairness
} as const

/** The use case functions by name, before their requirements are provided. @inline */
type UseCaseFunctions = typeof useCases

/**
 * What every use case needs from the context: the Store, the Ids port and the settings (time
 * comes from Effect's `Clock`).
 *
 * @since 0.1.0
 */
export type Requirements = Store | Ids | Settings

/**
 * The use cases with their requirements provided: each takes the actor (who is acting, from the
 * embedding tool's authentication) and the input, and fails with a typed error.
 *
 * @since 0.1.0
 */
export type UseCasesService = {
  readonly [K in keyof UseCaseFunctions]: (
    ...args: Parameters<UseCaseFunctions[K]>
  ) => Effect.Effect<
    Effect.Effect.Success<ReturnType<UseCaseFunctions[K]>>,
    Effect.Effect.Error<ReturnType<UseCaseFunctions[K]>>
  >
}

/**
 * Every error a use case can fail with: the union of their error channels.
 *
 * @since 0.1.0
 */
export type UseCaseError = {
  readonly [K in keyof UseCaseFunctions]: Effect.Effect.Error<ReturnType<UseCaseFunctions[K]>>
}[keyof UseCaseFunctions]

/**
 * The use cases as an Effect service.
 *
 * @example
 * ```ts
 * import { Effect, Layer } from "effect"
 * import { MemoryStore, Services } from "@grenzeloos/core"
 *
 * const layer = Services.UseCases.layer.pipe(
 *   Layer.provide(MemoryStore.layer),
 *   Layer.provide(Services.Ids.layer),
 *   Layer.provide(Services.Settings.layer({ organizer: { name: "Team", email: "team@example.nl" }, uidDomain: "example.nl" }))
 * )
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * const program = Effect.flatMap(Services.UseCases.UseCases, (useCases) =>
 *   useCases.setUpCommunity(admin, { name: "Programmadirecteuren Rijk" })
 * )
 * Effect.runPromise(Effect.provide(program, layer))
 * ```
 * @since 0.1.0
 */
export class UseCases extends Context.Tag("@grenzeloos/core/UseCases")<UseCases, UseCasesService>() {}

/**
 * The use cases over the Store, Ids and Settings in the context.
 *
 * @example
 * ```ts
 * import { Layer } from "effect"
 * import { MemoryStore, Services } from "@grenzeloos/core"
 *
 * // In a test: the use cases over the in-memory store, with ids that count up.
 * const testLayer = Services.UseCases.layer.pipe(
 *   Layer.provide(
 *     Layer.mergeAll(
 *       MemoryStore.layer,
 *       Services.Ids.layerSequential(),
 *       Services.Settings.layer({ organizer: { name: "Team", email: "team@example.nl" }, uidDomain: "example.nl" })
 *     )
 *   )
 * )
 * ```
 * @since 0.1.0
 */
export const layer: Layer.Layer<UseCases, never, Requirements> = Layer.effect(
  UseCases,
  Effect.map(Effect.context<Requirements>(), (context) => {
    const provided: Record<string, unknown> = {}
    for (const [name, useCase] of Object.entries(useCases))
      provided[name] = (...args: ReadonlyArray<unknown>) =>
        Effect.provide(
          (useCase as (...a: ReadonlyArray<unknown>) => Effect.Effect<unknown, unknown, Requirements>)(...args),
          context
        )
    return provided as UseCasesService
  })
)

/**
 * The Promise facade: every use case as an async function that resolves with its result or
 * rejects with its typed error (check `error._tag`), plus `dispose` to close the store.
 *
 * @since 0.1.0
 */
export type Client = {
  readonly [K in keyof UseCaseFunctions]: (
    ...args: Parameters<UseCaseFunctions[K]>
  ) => Promise<Effect.Effect.Success<ReturnType<UseCaseFunctions[K]>>>
} & { readonly dispose: () => Promise<void> }

/**
 * Makes the Promise facade from a layer that provides the Store, Ids and Settings, for tools
 * that do not use Effect.
 *
 * @example
 * ```ts
 * import { Layer } from "effect"
 * import { MemoryStore, Services } from "@grenzeloos/core"
 *
 * const client = Services.UseCases.client(
 *   Layer.mergeAll(
 *     MemoryStore.layer,
 *     Services.Ids.layer,
 *     Services.Settings.layer({ organizer: { name: "Team", email: "team@example.nl" }, uidDomain: "example.nl" })
 *   )
 * )
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * await client.setUpCommunity(admin, { name: "Programmadirecteuren Rijk" })
 * await client.dispose()
 * ```
 * @since 0.1.0
 */
export const client = <E>(requirements: Layer.Layer<Requirements, E>): Client => {
  const runtime = ManagedRuntime.make(Layer.provide(layer, requirements))
  const facade: Record<string, unknown> = { dispose: () => runtime.dispose() }
  for (const name of Object.keys(useCases))
    facade[name] = (...args: ReadonlyArray<unknown>) =>
      runtime
        .runPromiseExit(
          Effect.flatMap(UseCases, (service) =>
            (
              service[name as keyof UseCasesService] as (
                ...a: ReadonlyArray<unknown>
              ) => Effect.Effect<unknown, unknown>
            )(...args)
          )
        )
        .then((exit) => (Exit.isSuccess(exit) ? exit.value : Promise.reject(Cause.squash(exit.cause))))
  return facade as Client
}
