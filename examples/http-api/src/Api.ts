/**
 * The HTTP API: its endpoints, with the use cases' own input schemas as request bodies and the
 * domain's schemas as responses, so that the OpenAPI description says exactly what the library
 * accepts. The bodies are documented here but decoded by the use cases themselves (the handlers
 * pass the raw JSON on), so every problem comes back with its path, and a misspelt field is an
 * error rather than silently dropped: docs/decisions/0075-http-api-bodies-decoded-by-use-cases.md,
 * and 0076 for the gateway's headers and the statuses.
 */
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "@effect/platform"
import { Domain, Services } from "@grenzeloos/core"
import { Schema, Struct } from "effect"
import { ACTOR_HEADER, COMMUNITY_HEADER, Gateway } from "./Gateway.js"
import {
  Conflict,
  Forbidden,
  Infeasible,
  InvalidInput,
  NotFound,
  PayloadTooLarge,
  Unauthenticated,
  Unavailable,
  UnsupportedMediaType
} from "./HttpErrors.js"

// Ids in paths are plain strings here and decoded by the use case, so a bad id is a 400 with its
// path like every other input problem.
const memberId = HttpApiSchema.param("memberId", Schema.String.annotations({ description: "A member id, e.g. m-001" }))
const roundId = HttpApiSchema.param("roundId", Schema.String.annotations({ description: "A round id" }))
const gatheringId = HttpApiSchema.param("gatheringId", Schema.String.annotations({ description: "A gathering id" }))
const pollId = HttpApiSchema.param("pollId", Schema.String.annotations({ description: "An availability poll id" }))
const votingRoundId = HttpApiSchema.param(
  "votingRoundId",
  Schema.String.annotations({ description: "A voting round id" })
)

/**
 * One line of the directory: what the community shares about a member (no e-mail address).
 *
 * @since 0.1.0
 */
export const DirectoryEntry = Schema.Struct(
  Struct.pick(Domain.Member.fields, "id", "name", "organisation", "programme", "interests", "status")
).annotations({ identifier: "DirectoryEntry" })

/**
 * What registering members did, by member id.
 *
 * @since 0.1.0
 */
export const Registered = Schema.Struct({
  created: Schema.Array(Domain.MemberId),
  updated: Schema.Array(Domain.MemberId),
  unchanged: Schema.Array(Domain.MemberId)
}).annotations({ identifier: "Registered" })

/**
 * The body of casting a ballot: the round comes from the path.
 *
 * @since 0.1.0
 */
export const CastBallotBody = Schema.Struct(
  Struct.omit(Services.Voting.CastBallot.fields, "votingRoundId")
).annotations({ identifier: "CastBallotBody" })

/**
 * The body of closing a vote: the round comes from the path.
 *
 * @since 0.1.0
 */
export const CloseVotingBody = Schema.Struct(
  Struct.omit(Services.Voting.CloseVoting.fields, "votingRoundId")
).annotations({ identifier: "CloseVotingBody" })

/**
 * The groups of a new round as formed, with the engine's objective and an explanation per member.
 *
 * @since 0.1.0
 */
export const FormedGroups = Schema.Struct({
  round: Domain.Round,
  groups: Schema.Array(Domain.LearningGroup),
  objective: Schema.Number,
  unmetWishes: Schema.Int,
  explanations: Schema.Array(Schema.Struct({ memberId: Schema.String, group: Schema.Int, text: Schema.String }))
}).annotations({ identifier: "FormedGroups" })

/**
 * A closed vote: the round and the programme chosen, with a paragraph for the room.
 *
 * @since 0.1.0
 */
export const ClosedVote = Schema.Struct({
  round: Domain.VotingRound,
  programme: Schema.Array(Schema.Struct({ themeId: Schema.String, durationMinutes: Schema.Number })),
  usedMinutes: Schema.Number,
  summary: Schema.String
}).annotations({ identifier: "ClosedVote" })

const encoded = <A, I>(schema: Schema.Schema<A, I>) => Schema.encodedSchema(schema)

// What the export shows in place of a field the actor may not read (the library's read policy).
const Withheld = Schema.Struct({
  withheld: Schema.Literal(true),
  field: Schema.String,
  reason: Schema.String
}).annotations({ identifier: "Withheld" })
const orWithheld = <A, I>(schema: Schema.Schema<A, I>) => Schema.Union(schema, Withheld)

/**
 * The paging of `GET /members`: at most `limit` members (1–1000, default 100) from `cursor` (the
 * `next` of the previous page).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { DirectoryParams } from "./Api.js"
 *
 * const params = Schema.decodeUnknownSync(DirectoryParams)({ limit: "50" })
 * ```
 * @since 0.2.0
 */
export const DirectoryParams = Schema.Struct({
  limit: Schema.optionalWith(Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, 1000)), { exact: true }),
  cursor: Schema.optionalWith(Schema.String.pipe(Schema.pattern(/^\d{1,9}$/)), { exact: true })
}).annotations({ identifier: "DirectoryParams" })

/**
 * One page of the directory, and the cursor of the next (`null` on the last page).
 *
 * @example
 * ```ts
 * import { DirectoryPage } from "./Api.js"
 *
 * const empty: typeof DirectoryPage.Type = { members: [], next: null }
 * ```
 * @since 0.2.0
 */
export const DirectoryPage = Schema.Struct({
  members: Schema.Array(DirectoryEntry),
  next: Schema.NullOr(Schema.String)
}).annotations({ identifier: "DirectoryPage" })

/**
 * Everything stored about one member (AVG article 15), as the library exports it: a field the actor
 * may not read (the read policy) is a `{ withheld, field, reason }` marker.
 *
 * @since 0.1.0
 */
export const MemberExport = Schema.Struct({
  exportedAt: Schema.String,
  member: encoded(
    Schema.Struct({
      ...Struct.omit(Domain.Member.fields, "email", "interests"),
      email: orWithheld(Schema.String),
      interests: orWithheld(Schema.Array(Schema.String))
    })
  ),
  intakes: Schema.Array(
    encoded(
      Schema.Struct({
        ...Struct.omit(Domain.Intake.fields, "notes"),
        notes: Schema.optionalWith(orWithheld(Schema.String), { exact: true })
      })
    )
  ),
  casesWritten: Schema.Array(
    encoded(
      Schema.Struct({
        ...Struct.omit(Domain.Case.fields, "title", "description"),
        text: orWithheld(Schema.Struct({ title: Schema.String, description: Schema.String }))
      })
    )
  ),
  ballots: Schema.Array(
    encoded(
      Schema.Struct({
        ...Struct.omit(Domain.Ballot.fields, "content"),
        content: orWithheld(encoded(Domain.Ballot.fields.content))
      })
    )
  ),
  pollAnswers: Schema.Array(
    encoded(
      Schema.Struct({
        ...Struct.omit(Domain.PollResponse.fields, "answers"),
        answers: orWithheld(encoded(Domain.PollResponse.fields.answers))
      })
    )
  ),
  learningGroups: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      name: Schema.String,
      roundId: Schema.String,
      formedAt: Schema.String,
      members: Schema.Int
    })
  ),
  gatherings: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      title: Schema.String,
      quarter: Schema.String,
      rsvp: Schema.NullOr(Schema.String),
      attended: Schema.Boolean
    })
  ),
  messages: Schema.Array(
    Schema.Struct({ id: Schema.String, topic: Schema.String, status: Schema.String, createdAt: Schema.String })
  ),
  ownActions: Schema.Array(
    Schema.Struct({
      at: Schema.String,
      action: Schema.String,
      subject: Schema.NullOr(Schema.Struct({ kind: Schema.String, id: Schema.String }))
    })
  )
}).annotations({ identifier: "MemberExport" })

const members = HttpApiGroup.make("members")
  .add(
    HttpApiEndpoint.get("directory", "/members")
      .setUrlParams(DirectoryParams)
      .addSuccess(DirectoryPage)
      .annotate(
        OpenApi.Summary,
        "The directory of members, by name, a page at a time: what the community shares (no e-mail addresses)"
      )
  )
  .add(
    HttpApiEndpoint.post("register", "/members")
      .setPayload(Services.Members.RegisterMembers)
      .addSuccess(Registered)
      .annotate(
        OpenApi.Summary,
        "Register or import members (matched on id, then e-mail address); again with the same body changes nothing. Programme team or administrator."
      )
  )
  .add(
    HttpApiEndpoint.get("export")`/members/${memberId}/export`
      .addSuccess(MemberExport)
      .annotate(
        OpenApi.Summary,
        "Everything stored about a member (AVG article 15). The member, the programme team or an administrator."
      )
  )
  .annotate(OpenApi.Description, "The community's people")
  .middleware(Gateway)

const themes = HttpApiGroup.make("themes")
  .add(
    HttpApiEndpoint.post("propose", "/themes")
      .setPayload(Services.Voting.ProposeTheme)
      .addSuccess(Domain.Theme, { status: 201 })
      .annotate(OpenApi.Summary, "Put a theme on the backlog agenda. Members and facilitators.")
  )
  .annotate(OpenApi.Description, "The backlog agenda")
  .middleware(Gateway)

const voting = HttpApiGroup.make("voting")
  .add(
    HttpApiEndpoint.post("open", "/voting-rounds")
      .setPayload(Services.Voting.OpenVoting)
      .addSuccess(Domain.VotingRound, { status: 201 })
      .annotate(
        OpenApi.Summary,
        "Open a voting round on backlog themes; every active member is asked to vote. Programme team."
      )
  )
  .add(
    HttpApiEndpoint.put("castBallot")`/voting-rounds/${votingRoundId}/ballot`
      .setPayload(CastBallotBody)
      .addSuccess(Domain.Ballot)
      .annotate(OpenApi.Summary, "Cast or replace your own ballot in an open round. Members; ballots are secret.")
  )
  .add(
    HttpApiEndpoint.post("close")`/voting-rounds/${votingRoundId}/close`
      .setPayload(CloseVotingBody)
      .addSuccess(ClosedVote)
      .annotate(OpenApi.Summary, "Close the round and choose the programme with the agenda engine. Programme team.")
  )
  .annotate(OpenApi.Description, "Voting on the programme")
  .middleware(Gateway)

const groups = HttpApiGroup.make("groups")
  .add(
    HttpApiEndpoint.post("form", "/rounds")
      .setPayload(Services.Groups.FormGroups)
      .addSuccess(FormedGroups, { status: 201 })
      .annotate(
        OpenApi.Summary,
        "Form the learning groups of a new round, keeping apart who met before. Programme team."
      )
  )
  .add(
    HttpApiEndpoint.get("list")`/rounds/${roundId}/groups`
      .addSuccess(Schema.Array(Domain.LearningGroup))
      .annotate(
        OpenApi.Summary,
        "The groups of a round the actor may see: all for the programme team, otherwise the actor's own."
      )
  )
  .annotate(OpenApi.Description, "Learning groups")
  .middleware(Gateway)

/**
 * The body of answering a poll for yourself: the poll comes from the path.
 *
 * @since 0.1.0
 */
export const AnswerPollBody = Schema.Struct(Struct.omit(Services.Gatherings.AnswerPoll.fields, "pollId")).annotations({
  identifier: "AnswerPollBody"
})

/**
 * The body of recording members' poll answers: the poll comes from the path.
 *
 * @since 0.1.0
 */
export const RecordPollAnswersBody = Schema.Struct(
  Struct.omit(Services.Cycle.RecordPollAnswers.fields, "pollId")
).annotations({ identifier: "RecordPollAnswersBody" })

/**
 * The body of proposing candidate dates: the gathering comes from the path.
 *
 * @since 0.1.0
 */
export const ProposeDatesBody = Schema.Struct(
  Struct.omit(Services.Gatherings.ProposeDates.fields, "gatheringId")
).annotations({ identifier: "ProposeDatesBody" })

/**
 * The body of deciding a poll's date: the poll comes from the path.
 *
 * @since 0.1.0
 */
export const DecideDateBody = Schema.Struct(Struct.omit(Services.Gatherings.DecideDate.fields, "pollId")).annotations({
  identifier: "DecideDateBody"
})

/**
 * The body of recording a sheet's ballots: the round comes from the path.
 *
 * @since 0.1.0
 */
export const RecordBallotsBody = Schema.Struct(
  Struct.omit(Services.Backlog.RecordBallots.fields, "votingRoundId")
).annotations({ identifier: "RecordBallotsBody" })

/**
 * What recording answers or ballots for members did.
 *
 * @since 0.1.0
 */
export const Recorded = Schema.Struct({
  recorded: Schema.Int,
  /** Requests (to answer or to vote) still waiting for those members, now withdrawn. */
  requestsWithdrawn: Schema.Int
}).annotations({ identifier: "Recorded" })

/**
 * A decided date: the gathering, who answered and who did not, and the explanation.
 *
 * @since 0.1.0
 */
export const DecidedDate = Schema.Struct({
  gathering: Domain.Gathering,
  answered: Schema.Array(Schema.String),
  notAnswered: Schema.Array(Schema.String),
  explanation: Schema.Struct({ nl: Schema.String, en: Schema.String })
}).annotations({ identifier: "DecidedDate" })

const polls = HttpApiGroup.make("polls")
  .add(
    HttpApiEndpoint.post("plan", "/gatherings")
      .setPayload(Services.Gatherings.PlanGathering)
      .addSuccess(Domain.Gathering, { status: 201 })
      .annotate(OpenApi.Summary, "Plan the gathering of a quarter (state planned). Programme team.")
  )
  .add(
    HttpApiEndpoint.post("proposeDates")`/gatherings/${gatheringId}/poll`
      .setPayload(ProposeDatesBody)
      .addSuccess(Domain.AvailabilityPoll, { status: 201 })
      .annotate(OpenApi.Summary, "Propose candidate dates and open the gathering's date poll. Programme team.")
  )
  .add(
    HttpApiEndpoint.put("answer")`/polls/${pollId}/answer`
      .setPayload(AnswerPollBody)
      .addSuccess(Domain.PollResponse)
      .annotate(OpenApi.Summary, "Answer (or change your answers to) an open poll, per candidate date. Members.")
  )
  .add(
    HttpApiEndpoint.post("record")`/polls/${pollId}/answers`
      .setPayload(RecordPollAnswersBody)
      .addSuccess(Recorded)
      .annotate(
        OpenApi.Summary,
        "Record members' answers collected on paper or in a spreadsheet; their waiting requests are withdrawn. Programme team."
      )
  )
  .add(
    HttpApiEndpoint.post("decide")`/polls/${pollId}/decision`
      .setPayload(DecideDateBody)
      .addSuccess(DecidedDate)
      .annotate(
        OpenApi.Summary,
        "Decide the date; non-respondents count as unknown, and a poll nobody answered needs force. Programme team."
      )
  )
  .annotate(OpenApi.Description, "The gathering's date poll")
  .middleware(Gateway)

const ballots = HttpApiGroup.make("ballots")
  .add(
    HttpApiEndpoint.post("record")`/voting-rounds/${votingRoundId}/ballots`
      .setPayload(RecordBallotsBody)
      .addSuccess(Recorded)
      .annotate(
        OpenApi.Summary,
        "Record the ballots of a paper or spreadsheet vote for the members who cast them; their waiting vote requests are withdrawn. Programme team."
      )
  )
  .add(
    HttpApiEndpoint.del("withdraw")`/voting-rounds/${votingRoundId}/ballots/${memberId}`
      .addSuccess(
        Schema.Struct({ votingRoundId: Schema.String, memberId: Schema.String, withdrawn: Schema.Literal(true) })
      )
      .annotate(OpenApi.Summary, "Withdraw a member's ballot from an open round. The member, or the programme team.")
  )
  .annotate(OpenApi.Description, "Ballots recorded and withdrawn")
  .middleware(Gateway)

const gatewaySecurity = (spec: Record<string, unknown>): Record<string, unknown> => {
  const components = (spec.components ?? {}) as { readonly securitySchemes?: Record<string, unknown> }
  // HttpApi writes `security: []` on every operation, which in OpenAPI means "no security" and
  // overrides the document's requirement; drop them so the gateway's headers apply everywhere.
  const paths = Object.fromEntries(
    Object.entries((spec.paths ?? {}) as Record<string, Record<string, Record<string, unknown>>>).map(
      ([path, operations]) => [
        path,
        Object.fromEntries(
          Object.entries(operations).map(([method, { security: _security, ...operation }]) => [method, operation])
        )
      ]
    )
  )
  return {
    ...spec,
    paths,
    components: {
      ...components,
      securitySchemes: {
        ...components.securitySchemes,
        gatewayActor: {
          type: "apiKey",
          in: "header",
          name: ACTOR_HEADER,
          description:
            "Set by the organisation's gateway after authentication: <role>:<id>, role member, facilitator, programme-team or administrator (e.g. member:m-001). The service trusts it."
        },
        gatewayCommunity: {
          type: "apiKey",
          in: "header",
          name: COMMUNITY_HEADER,
          description: "Set by the gateway: the id of the community the actor acts in (e.g. rijk)."
        }
      }
    },
    // Both headers on every request (one requirement object with two schemes means "and").
    security: [{ gatewayActor: [], gatewayCommunity: [] }]
  }
}

/**
 * The API, its errors and its OpenAPI annotations.
 *
 * @example
 * ```ts
 * import { OpenApi } from "@effect/platform"
 * import { Api } from "./Api.js"
 *
 * const spec = OpenApi.fromApi(Api)
 * ```
 * @since 0.1.0
 */
export class Api extends HttpApi.make("grenzeloos")
  .add(members)
  .add(themes)
  .add(voting)
  .add(groups)
  .add(polls)
  .add(ballots)
  .addError(Unauthenticated)
  .addError(InvalidInput)
  .addError(PayloadTooLarge)
  .addError(UnsupportedMediaType)
  .addError(Forbidden)
  .addError(NotFound)
  .addError(Conflict)
  .addError(Infeasible)
  .addError(Unavailable)
  .annotateContext(
    OpenApi.annotations({
      title: "Grenzeloos HTTP API (example)",
      version: "0.1.0",
      description:
        "A handful of the Grenzeloos use cases over HTTP. Every request carries the actor in headers the organisation's gateway sets after authentication; the service must only be reachable through that gateway.",
      transform: gatewaySecurity
    })
  ) {}
