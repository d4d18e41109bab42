/**
 * The endpoints' implementations: each reads the actor the gateway named and the raw JSON body,
 * calls one use case, and turns its typed error into an HTTP error. Nothing here decides who may
 * do what: the use cases check the policy themselves.
 */
import { HttpApiBuilder, HttpIncomingMessage, type HttpServerRequest } from "@effect/platform"
import { Services, Texts } from "@grenzeloos/core"
import { Effect, Layer, Option, Predicate } from "effect"
import { Api } from "./Api.js"
import { CurrentActor } from "./Gateway.js"
import {
  fromUseCase,
  type HttpError,
  InvalidInput,
  PayloadTooLarge,
  type Unauthenticated,
  UnsupportedMediaType
} from "./HttpErrors.js"

/** The largest body the service reads. */
const MAX_BODY_BYTES = 1_000_000
/** The deepest nesting of arrays and objects a body may have. */
const MAX_JSON_DEPTH = 32

// How deeply the JSON text nests, counted without parsing it (so a 100,000-deep body cannot
// exhaust the stack), stopping as soon as it passes the limit.
const nestsDeeperThan = (text: string, limit: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

const tooLarge = () =>
  new PayloadTooLarge({
    maximumBytes: MAX_BODY_BYTES,
    message: `the body is larger than ${MAX_BODY_BYTES} bytes, the limit of this service; send fewer records per request`
  })

/**
 * Reads the body as a JSON object within the service's limits, or fails with an error that names
 * what is wrong: not sent as `application/json` (415), larger than {@link MAX_BODY_BYTES} (413,
 * refused from its Content-Length before it is read), nested deeper than {@link MAX_JSON_DEPTH},
 * not JSON, or not an object (400). The use case decodes the object itself.
 */
const jsonObject = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function* () {
    const received = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? ""
    if (received !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(received))
      return yield* new UnsupportedMediaType({
        received,
        message: `send the body as application/json${received === "" ? " (the Content-Type header is missing)" : `, not ${received}`}`
      })
    const length = Number(request.headers["content-length"])
    if (Number.isFinite(length) && length > MAX_BODY_BYTES) return yield* tooLarge()
    const text = yield* request.text.pipe(
      HttpIncomingMessage.withMaxBodySize(Option.some(MAX_BODY_BYTES)),
      Effect.mapError((error) =>
        error.cause instanceof Error && error.cause.message === "maxBytes exceeded"
          ? tooLarge()
          : problem("the body could not be read")
      )
    )
    if (nestsDeeperThan(text, MAX_JSON_DEPTH))
      return yield* problem(`the body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels, the limit`)
    const body = yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: () => problem("the body is not valid JSON")
    })
    return Predicate.isRecord(body)
      ? (body as Readonly<Record<string, unknown>>)
      : yield* problem("the body must be a JSON object")
  })

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
    .handle("directory", ({ urlParams }) =>
      run((useCases, actor) => useCases.directory(actor)).pipe(
        Effect.map((all) => {
          // A page at a time: one large community's directory must not hold up every other request.
          const from = Number(urlParams.cursor ?? "0")
          const to = from + (urlParams.limit ?? 100)
          return { members: all.slice(from, to), next: to < all.length ? String(to) : null }
        })
      )
    )
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
            explanation: { nl: Texts.nl.reason(decision.explanation), en: Texts.en.reason(decision.explanation) }
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
