/**
 * The endpoints' implementations: each reads the actor the gateway named and the raw JSON body,
 * calls one use case, and turns its typed error into an HTTP error. Nothing here decides who may
 * do what: the use cases check the policy themselves.
 */
import { HttpApiBuilder, type HttpServerRequest } from "@effect/platform"
import { Services } from "@grenzeloos/core"
import { Effect, Layer, Predicate } from "effect"
import { Api } from "./Api.js"
import { CurrentActor } from "./Gateway.js"
import { fromUseCase, type HttpError, InvalidInput, type Unauthenticated } from "./HttpErrors.js"

/**
 * Reads the body as a JSON object, or fails with an {@link InvalidInput} that says what is wrong
 * with it. The use case decodes the object itself.
 */
const jsonObject = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.flatMap(
    Effect.mapError(request.json, () => problem("the body is not valid JSON (send Content-Type: application/json)")),
    (body) =>
      Predicate.isRecord(body)
        ? Effect.succeed(body as Readonly<Record<string, unknown>>)
        : Effect.fail(problem("the body must be a JSON object"))
  )

const problem = (message: string) =>
  new InvalidInput({
    error: "InvalidJson",
    subject: "request body",
    problems: [{ path: "", message }],
    message: `request body: ${message}`
  })

/**
 * Runs a use case as the current actor and maps its error; the failure is logged by its tags
 * only (never its message, which may quote input).
 */
const run = <A>(
  call: (
    useCases: Services.UseCases.UseCasesService,
    actor: CurrentActor["Type"]
  ) => Effect.Effect<A, Services.UseCases.UseCaseError>
): Effect.Effect<A, Exclude<HttpError, Unauthenticated>, Services.UseCases.UseCases | CurrentActor> =>
  Effect.gen(function* () {
    const useCases = yield* Services.UseCases.UseCases
    const actor = yield* CurrentActor
    return yield* call(useCases, actor)
  }).pipe(
    Effect.mapError(fromUseCase),
    Effect.tapError((error) =>
      Effect.logInfo("request refused").pipe(Effect.annotateLogs({ httpError: error._tag, libraryError: error.error }))
    )
  )

// The use cases decode their input themselves (every problem with its path, unknown fields
// reported), so they are given the body as it came; the cast only satisfies their TypeScript
// signature, which describes the input a well-behaved caller sends.
const asInput = <I>(body: Readonly<Record<string, unknown>>): I => body as I

const members = HttpApiBuilder.group(Api, "members", (handlers) =>
  handlers
    .handle("directory", () => run((useCases, actor) => useCases.directory(actor)))
    .handleRaw("register", ({ request }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) =>
          useCases.registerMembers(actor, asInput<typeof Services.Members.RegisterMembers.Encoded>(body))
        )
      )
    )
    .handle("export", ({ path }) => run((useCases, actor) => useCases.exportMember(actor, { memberId: path.memberId })))
)

const themes = HttpApiBuilder.group(Api, "themes", (handlers) =>
  handlers.handleRaw("propose", ({ request }) =>
    Effect.flatMap(jsonObject(request), (body) =>
      run((useCases, actor) => useCases.proposeTheme(actor, asInput<typeof Services.Voting.ProposeTheme.Encoded>(body)))
    )
  )
)

const voting = HttpApiBuilder.group(Api, "voting", (handlers) =>
  handlers
    .handleRaw("open", ({ request }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) => useCases.openVoting(actor, asInput<typeof Services.Voting.OpenVoting.Encoded>(body)))
      )
    )
    .handleRaw("castBallot", ({ request, path }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) =>
          useCases.castBallot(
            actor,
            asInput<typeof Services.Voting.CastBallot.Encoded>({ ...body, votingRoundId: path.votingRoundId })
          )
        )
      )
    )
    .handleRaw("close", ({ request, path }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) =>
          useCases.closeVoting(
            actor,
            asInput<typeof Services.Voting.CloseVoting.Encoded>({ ...body, votingRoundId: path.votingRoundId })
          )
        ).pipe(
          Effect.map(({ round, result }) => ({
            round,
            programme: result.programme.map((t) => ({ themeId: t.themeId, durationMinutes: t.durationMinutes })),
            usedMinutes: result.used,
            summary: result.summary
          }))
        )
      )
    )
)

const groups = HttpApiBuilder.group(Api, "groups", (handlers) =>
  handlers
    .handleRaw("form", ({ request }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) => useCases.formGroups(actor, asInput<typeof Services.Groups.FormGroups.Encoded>(body)))
      ).pipe(
        Effect.map(({ round, groups, result }) => ({
          round,
          groups,
          objective: result.objective,
          unmetWishes: result.unmet.length,
          explanations: result.explanations
        }))
      )
    )
    .handle("list", ({ path }) => run((useCases, actor) => useCases.listGroups(actor, { roundId: path.roundId })))
)

const polls = HttpApiBuilder.group(Api, "polls", (handlers) =>
  handlers
    .handleRaw("plan", ({ request }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) =>
          useCases.planGathering(actor, asInput<typeof Services.Gatherings.PlanGathering.Encoded>(body))
        )
      )
    )
    .handleRaw("proposeDates", ({ request, path }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) =>
          useCases.proposeDates(
            actor,
            asInput<typeof Services.Gatherings.ProposeDates.Encoded>({ ...body, gatheringId: path.gatheringId })
          )
        ).pipe(Effect.map(({ poll }) => poll))
      )
    )
    .handleRaw("answer", ({ request, path }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) =>
          useCases.answerPoll(
            actor,
            asInput<typeof Services.Gatherings.AnswerPoll.Encoded>({ ...body, pollId: path.pollId })
          )
        )
      )
    )
    .handleRaw("record", ({ request, path }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) =>
          useCases.recordPollAnswers(
            actor,
            asInput<typeof Services.Cycle.RecordPollAnswers.Encoded>({ ...body, pollId: path.pollId })
          )
        ).pipe(Effect.map(({ recorded, requestsWithdrawn }) => ({ recorded, requestsWithdrawn })))
      )
    )
    .handleRaw("decide", ({ request, path }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) =>
          useCases.decideDate(
            actor,
            asInput<typeof Services.Gatherings.DecideDate.Encoded>({ ...body, pollId: path.pollId })
          )
        ).pipe(
          Effect.map(({ gathering, answered, notAnswered, decision }) => ({
            gathering,
            answered,
            notAnswered,
            explanation: decision.explanation
          }))
        )
      )
    )
)

const ballots = HttpApiBuilder.group(Api, "ballots", (handlers) =>
  handlers
    .handleRaw("record", ({ request, path }) =>
      Effect.flatMap(jsonObject(request), (body) =>
        run((useCases, actor) =>
          useCases.recordBallots(
            actor,
            asInput<typeof Services.Backlog.RecordBallots.Encoded>({ ...body, votingRoundId: path.votingRoundId })
          )
        ).pipe(Effect.map(({ recorded, requestsWithdrawn }) => ({ recorded, requestsWithdrawn })))
      )
    )
    .handle("withdraw", ({ path }) =>
      run((useCases, actor) =>
        useCases.withdrawBallot(actor, { votingRoundId: path.votingRoundId, memberId: path.memberId })
      )
    )
)

/**
 * The implementation of every endpoint of the {@link Api}.
 *
 * @example
 * ```ts
 * import { HttpApiBuilder } from "@effect/platform"
 * import { Layer } from "effect"
 * import { Api } from "./Api.js"
 * import { layer } from "./Handlers.js"
 *
 * const api = HttpApiBuilder.api(Api).pipe(Layer.provide(layer))
 * ```
 * @since 0.1.0
 */
export const layer = Layer.mergeAll(members, themes, voting, groups, polls, ballots)
