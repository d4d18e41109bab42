/**
 * Who is acting, from the headers the organisation's gateway sets after it has authenticated the
 * person: `X-Grenzeloos-Actor` (`member:m-001`, `facilitator:f-02`, `programme-team:f-01` or
 * `administrator:beheer-1`) and `X-Grenzeloos-Community` (`rijk`). The service trusts these
 * headers, so it must be reachable only through the gateway, which strips them from incoming
 * requests before it sets them.
 */
import { HttpApiMiddleware, HttpServerRequest } from "@effect/platform"
import { Access } from "@grenzeloos/core"
import { Context, Effect, Either, Layer, ParseResult, Schema } from "effect"
import { Unauthenticated } from "./HttpErrors.js"

/**
 * The header with the actor: `<role>:<id>`.
 *
 * @since 0.1.0
 */
export const ACTOR_HEADER = "X-Grenzeloos-Actor"

/**
 * The header with the community the actor acts in.
 *
 * @since 0.1.0
 */
export const COMMUNITY_HEADER = "X-Grenzeloos-Community"

/**
 * The actor of the current request, as the use cases take it.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CurrentActor } from "./Gateway.js"
 *
 * const who = Effect.map(CurrentActor, (actor) => actor._tag)
 * ```
 * @since 0.1.0
 */
export class CurrentActor extends Context.Tag("@grenzeloos/example-http-api/CurrentActor")<
  CurrentActor,
  Access.Actor
>() {}

const ROLES = {
  member: (communityId: string, id: string) => ({ _tag: "Member", communityId, memberId: id }),
  facilitator: (communityId: string, id: string) => ({ _tag: "Facilitator", communityId, facilitatorId: id }),
  "programme-team": (communityId: string, id: string) => ({ _tag: "ProgrammeTeam", communityId, facilitatorId: id }),
  administrator: (communityId: string, id: string) => ({ _tag: "Administrator", communityId, administratorId: id })
} as const

const isRole = (role: string): role is keyof typeof ROLES => Object.hasOwn(ROLES, role)

const decodeActor = Schema.decodeUnknownEither(Access.Actor, { errors: "all" })

/**
 * Reads the actor from the gateway's headers; a missing or malformed header is an
 * {@link Unauthenticated} that says which header and what it should look like.
 *
 * @example
 * ```ts
 * import { actorFromHeaders } from "./Gateway.js"
 *
 * actorFromHeaders({ "x-grenzeloos-actor": "member:m-001", "x-grenzeloos-community": "rijk" })
 * // Either.right({ _tag: "Member", communityId: "rijk", memberId: "m-001" })
 * ```
 * @since 0.1.0
 */
export const actorFromHeaders = (
  headers: Readonly<Record<string, string | undefined>>
): Either.Either<Access.Actor, Unauthenticated> => {
  const actor = headers[ACTOR_HEADER.toLowerCase()]?.trim() ?? ""
  const community = headers[COMMUNITY_HEADER.toLowerCase()]?.trim() ?? ""
  const fail = (header: string, message: string) =>
    Either.left(
      new Unauthenticated({
        header,
        message: `${message}; the gateway sets this header after authentication, so call the service through the gateway`
      })
    )
  if (actor === "") return fail(ACTOR_HEADER, `the ${ACTOR_HEADER} header is missing`)
  if (community === "") return fail(COMMUNITY_HEADER, `the ${COMMUNITY_HEADER} header is missing`)
  const colon = actor.indexOf(":")
  const role = colon < 0 ? "" : actor.slice(0, colon)
  if (!isRole(role))
    return fail(
      ACTOR_HEADER,
      `the ${ACTOR_HEADER} header must be <role>:<id> with role member, facilitator, programme-team or administrator (e.g. member:m-001)`
    )
  return Either.mapLeft(
    decodeActor(ROLES[role](community, actor.slice(colon + 1))),
    (error) =>
      new Unauthenticated({
        header: ParseResult.ArrayFormatter.formatErrorSync(error).some((i) => i.path[0] === "communityId")
          ? COMMUNITY_HEADER
          : ACTOR_HEADER,
        // The ids are not repeated: a gateway that puts an address where an id belongs must not
        // see it echoed into logs.
        message: `the gateway's headers do not name a valid actor: ${ParseResult.ArrayFormatter.formatErrorSync(error)
          .map((i) => `${i.path.join(".")} must be an id of 1–128 letters, digits and - _ . : ~`)
          .join("; ")}`
      })
  )
}

/**
 * The middleware that turns the gateway's headers into the {@link CurrentActor} of every
 * endpoint, before the request's body is read.
 *
 * @example
 * ```ts
 * import { HttpApiEndpoint, HttpApiGroup } from "@effect/platform"
 * import { Gateway } from "./Gateway.js"
 *
 * const group = HttpApiGroup.make("members").add(HttpApiEndpoint.get("directory", "/members")).middleware(Gateway)
 * ```
 * @since 0.1.0
 */
export class Gateway extends HttpApiMiddleware.Tag<Gateway>()("@grenzeloos/example-http-api/Gateway", {
  provides: CurrentActor,
  failure: Unauthenticated
}) {}

/**
 * The implementation of {@link Gateway}.
 *
 * @example
 * ```ts
 * import { layer } from "./Gateway.js"
 *
 * const gateway = layer
 * ```
 * @since 0.1.0
 */
export const layer: Layer.Layer<Gateway> = Layer.succeed(
  Gateway,
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => actorFromHeaders(request.headers))
)
