import { HttpServer, type HttpServerError } from "@effect/platform"
import type { Store } from "@grenzeloos/core"
import { Synthetic } from "@grenzeloos/testkit"
import { Effect, Layer, Logger, ManagedRuntime, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as Server from "../src/Server.js"

// A small synthetic community, served from an in-memory SQLite store on a free port and called
// over real HTTP with fetch.
const generated = Synthetic.community({ members: 30, seed: 11 })
const community = generated.community.id
const lead = generated.facilitators.find((f) => f.role === "programme-team") ?? generated.facilitators[0]!
const emails = generated.members.map((m) => Redacted.value(m.email))
const [ann, bob] = generated.members

const logLines: Array<string> = []
const collect = Logger.make(({ message, annotations, logLevel }) => {
  logLines.push(`${logLevel.label} ${JSON.stringify(message)} ${JSON.stringify([...annotations])}`)
})

let runtime: ManagedRuntime.ManagedRuntime<
  HttpServer.HttpServer,
  Store.StoreMigrationError | HttpServerError.ServeError
>
let base = ""

beforeAll(async () => {
  runtime = ManagedRuntime.make(
    Server.layer({
      port: 0,
      sqliteFile: ":memory:",
      settings: {
        organizer: { name: "Programmateam", email: "team@grenzeloos.invalid" },
        uidDomain: "grenzeloos.invalid"
      }
    }).pipe(Layer.provide(Logger.replace(Logger.defaultLogger, collect)))
  )
  const server = await runtime.runPromise(HttpServer.HttpServer)
  if (server.address._tag !== "TcpAddress") throw new Error("expected a TCP address")
  base = `http://127.0.0.1:${server.address.port}`
})

afterAll(async () => {
  await runtime?.dispose()
})

type Actor = `${"member" | "facilitator" | "programme-team" | "administrator"}:${string}`

const call = async (
  method: string,
  path: string,
  options: { readonly actor?: Actor; readonly community?: string; readonly body?: unknown; readonly raw?: string } = {}
) => {
  const headers: Record<string, string> = {}
  if (options.actor !== undefined) headers["X-Grenzeloos-Actor"] = options.actor
  if (options.actor !== undefined || options.community !== undefined)
    headers["X-Grenzeloos-Community"] = options.community ?? community
  if (options.body !== undefined || options.raw !== undefined) headers["Content-Type"] = "application/json"
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {})
  })
  const text = await response.text()
  return { status: response.status, text, json: text === "" ? undefined : JSON.parse(text) }
}

const team: Actor = `programme-team:${lead.id}`
const asMember = (id: string): Actor => `member:${id}`

const memberRows = generated.members.map((m) => ({
  id: m.id,
  name: m.name,
  email: Redacted.value(m.email),
  organisation: m.organisation,
  programme: m.programme,
  interests: m.interests,
  status: "active"
}))

// Filled in by the happy path, which runs first (vitest runs a file's tests in order).
const state = { themeIds: [] as Array<string>, votingRoundId: "", roundId: "" }

describe("the HTTP API, happy paths", () => {
  it("imports members (programme team), and importing again changes nothing", async () => {
    const first = await call("POST", "/members", { actor: team, body: { members: memberRows } })
    expect(first.status).toBe(200)
    expect(first.json.created).toHaveLength(30)
    const again = await call("POST", "/members", { actor: team, body: { members: memberRows } })
    expect(again.json).toEqual({ created: [], updated: [], unchanged: expect.any(Array) })
    expect(again.json.unchanged).toHaveLength(30)
  })

  it("lists the directory for a member, by name, without any e-mail address", async () => {
    const directory = await call("GET", "/members", { actor: asMember(ann!.id) })
    expect(directory.status).toBe(200)
    expect(directory.json.members).toHaveLength(30)
    expect(directory.json.next).toBeNull()
    const names = directory.json.members.map((e: { name: string }) => e.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "nl")))
    expect(Object.keys(directory.json.members[0]).sort()).toEqual(
      ["id", "interests", "name", "organisation", "programme", "status"].sort()
    )
    expect(directory.text).not.toContain("@")
  })

  it("pages the directory: limit and the cursor of the next page", async () => {
    const seen: Array<string> = []
    let cursor: string | null = null
    do {
      const page = await call("GET", `/members?limit=12${cursor === null ? "" : `&cursor=${cursor}`}`, {
        actor: asMember(ann!.id)
      })
      expect(page.status).toBe(200)
      expect(page.json.members.length).toBeLessThanOrEqual(12)
      seen.push(...page.json.members.map((e: { id: string }) => e.id))
      cursor = page.json.next
    } while (cursor !== null)
    expect(seen).toHaveLength(30)
    expect(new Set(seen).size).toBe(30)
    const tooMany = await call("GET", "/members?limit=5000", { actor: asMember(ann!.id) })
    expect(tooMany.status).toBe(400)
  })

  it("lets members propose themes, and the team open a vote on them", async () => {
    for (const [i, title] of ["Worstelen met de Woo", "Sturen op baten", "Leiderschap in crises"].entries()) {
      const theme = await call("POST", "/themes", {
        actor: asMember(generated.members[i]!.id),
        body: { title, durationMinutes: 60 }
      })
      expect(theme.status).toBe(201)
      expect(theme.json).toMatchObject({ title, status: "backlog", proposedBy: { memberId: generated.members[i]!.id } })
      state.themeIds.push(theme.json.id)
    }
    const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString()
    const round = await call("POST", "/voting-rounds", {
      actor: team,
      body: { title: "Programma voorjaar", format: { _tag: "approval" }, closesAt }
    })
    expect(round.status).toBe(201)
    expect(round.json.themeIds.sort()).toEqual([...state.themeIds].sort())
    state.votingRoundId = round.json.id
  })

  it("casts (and replaces) a member's own ballot", async () => {
    const path = `/voting-rounds/${state.votingRoundId}/ballot`
    const first = await call("PUT", path, {
      actor: asMember(ann!.id),
      body: { content: { _tag: "approval", themeIds: [state.themeIds[0]] } }
    })
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({ memberId: ann!.id, votingRoundId: state.votingRoundId })
    const replaced = await call("PUT", path, {
      actor: asMember(ann!.id),
      body: { content: { _tag: "approval", themeIds: [state.themeIds[1], state.themeIds[2]] } }
    })
    expect(replaced.json.id).toBe(first.json.id)
    expect(replaced.json.content.themeIds).toEqual([state.themeIds[1], state.themeIds[2]])
    const bobs = await call("PUT", path, {
      actor: asMember(bob!.id),
      body: { content: { _tag: "approval", themeIds: [state.themeIds[1]] } }
    })
    expect(bobs.status).toBe(200)
  })

  it("closes the vote and chooses the programme (programme team)", async () => {
    const closed = await call("POST", `/voting-rounds/${state.votingRoundId}/close`, {
      actor: team,
      body: { method: { _tag: "greedy" }, budgetMinutes: 60 }
    })
    expect(closed.status).toBe(200)
    expect(closed.json.round.status).toBe("closed")
    // Two approvals for the second theme, one for the third: the hour goes to the second.
    expect(closed.json.programme).toEqual([{ themeId: state.themeIds[1], durationMinutes: 60 }])
    expect(closed.json.summary).not.toBe("")
  })

  it("poll answers over HTTP: a member answers, the team records the rest, the date is decided with who answered", async () => {
    const gathering = await call("POST", "/gatherings", {
      actor: team,
      body: { title: "Kwartaalbijeenkomst zomer", quarter: "2027-Q3", durationMinutes: 180 }
    })
    expect(gathering.status).toBe(201)
    expect(gathering.json.status).toBe("planned")
    const poll = await call("POST", `/gatherings/${gathering.json.id}/poll`, {
      actor: team,
      body: { count: 3, weekdays: ["tuesday", "thursday"], startTimes: ["13:00"] }
    })
    expect(poll.status).toBe(201)
    const [first, second] = poll.json.slots as Array<{ id: string }>
    const empty = await call("POST", `/polls/${poll.json.id}/decision`, { actor: team, body: {} })
    expect(empty.status).toBe(409)
    expect(empty.json.message).toContain("has no answers yet")
    const own = await call("PUT", `/polls/${poll.json.id}/answer`, {
      actor: asMember(ann!.id),
      body: { answers: [{ slotId: second!.id, answer: "yes" }] }
    })
    expect(own.status).toBe(200)
    expect(own.json).toMatchObject({ memberId: ann!.id, pollId: poll.json.id })
    const notTheTeams = await call("POST", `/polls/${poll.json.id}/answers`, {
      actor: asMember(bob!.id),
      body: { responses: [] }
    })
    expect(notTheTeams.status).toBe(403)
    const sheet = await call("POST", `/polls/${poll.json.id}/answers`, {
      actor: team,
      body: { responses: [{ memberId: bob!.id, answers: [{ slotId: first!.id, answer: "if-need-be" }] }] }
    })
    expect(sheet.status).toBe(200)
    expect(sheet.json).toEqual({ recorded: 1, requestsWithdrawn: 0 })
    const decided = await call("POST", `/polls/${poll.json.id}/decision`, { actor: team, body: {} })
    expect(decided.status).toBe(200)
    expect(decided.json.gathering.status).toBe("date-decided")
    expect([...decided.json.answered].sort()).toEqual([ann!.id, bob!.id].sort())
    expect(decided.json.notAnswered).not.toContain(ann!.id)
    const again = await call("POST", `/gatherings/${gathering.json.id}/poll`, {
      actor: team,
      body: { count: 3, weekdays: ["tuesday"], startTimes: ["13:00"] }
    })
    expect(again.status).toBe(409)
    expect(again.json.error).toBe("GatheringStateError")
    expect(again.json.hint).toContain("sendInvitations")
  })

  it("ballots over HTTP: the team records a sheet, a member withdraws their own, not someone else's", async () => {
    const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString()
    const round = await call("POST", "/voting-rounds", {
      actor: team,
      body: { title: "Tweede stemming", format: { _tag: "approval" }, closesAt, themeIds: [state.themeIds[0]] }
    })
    expect(round.status).toBe(201)
    const sheet = await call("POST", `/voting-rounds/${round.json.id}/ballots`, {
      actor: team,
      body: {
        ballots: [ann!, bob!].map((m) => ({
          memberId: m.id,
          content: { _tag: "approval", themeIds: [state.themeIds[0]] }
        }))
      }
    })
    expect(sheet.status).toBe(200)
    // The two had a vote request waiting: recording their ballots withdraws it.
    expect(sheet.json).toEqual({ recorded: 2, requestsWithdrawn: 2 })
    const someoneElses = await call("DELETE", `/voting-rounds/${round.json.id}/ballots/${bob!.id}`, {
      actor: asMember(ann!.id)
    })
    expect(someoneElses.status).toBe(403)
    const own = await call("DELETE", `/voting-rounds/${round.json.id}/ballots/${ann!.id}`, { actor: asMember(ann!.id) })
    expect(own.status).toBe(200)
    expect(own.json).toEqual({ votingRoundId: round.json.id, memberId: ann!.id, withdrawn: true })
    const gone = await call("DELETE", `/voting-rounds/${round.json.id}/ballots/${ann!.id}`, { actor: team })
    expect(gone.status).toBe(404)
  })

  it("forms the learning groups of a round, and a member sees only their own group", async () => {
    const formed = await call("POST", "/rounds", {
      actor: team,
      body: { name: "Leergroepen 2027", startsOn: "2027-01-01", endsOn: "2027-12-31", size: { min: 5, max: 7 } }
    })
    expect(formed.status).toBe(201)
    const sizes = formed.json.groups.map((g: { memberIds: Array<string> }) => g.memberIds.length)
    expect(sizes.reduce((a: number, b: number) => a + b, 0)).toBe(30)
    state.roundId = formed.json.round.id

    const all = await call("GET", `/rounds/${state.roundId}/groups`, { actor: team })
    expect(all.json).toHaveLength(formed.json.groups.length)
    const own = await call("GET", `/rounds/${state.roundId}/groups`, { actor: asMember(ann!.id) })
    expect(own.status).toBe(200)
    expect(own.json).toHaveLength(1)
    expect(own.json[0].memberIds).toContain(ann!.id)
    // Another group's members are not in what Ann gets back.
    const others = all.json
      .filter((g: { id: string }) => g.id !== own.json[0].id)
      .flatMap((g: { memberIds: Array<string> }) => g.memberIds)
    expect(others.length).toBeGreaterThan(0)
    for (const id of others) expect(own.text).not.toContain(`"${id}"`)
  })

  it("exports a member's own data, with their own address and nobody else's", async () => {
    const exported = await call("GET", `/members/${ann!.id}/export`, { actor: asMember(ann!.id) })
    expect(exported.status).toBe(200)
    expect(exported.json.member.email).toBe(Redacted.value(ann!.email))
    expect(exported.json.ballots).toHaveLength(1)
    expect(exported.json.learningGroups).toHaveLength(1)
    for (const email of emails.filter((e) => e !== Redacted.value(ann!.email)))
      expect(exported.text).not.toContain(email)
  })
})

describe("the HTTP API, errors", () => {
  it("401: no gateway headers, or malformed ones, say which header and what it should be", async () => {
    const none = await call("GET", "/members")
    expect(none.status).toBe(401)
    expect(none.json).toMatchObject({ _tag: "Unauthenticated", header: "X-Grenzeloos-Actor" })
    expect(none.json.message).toContain("gateway")

    const noCommunity = await fetch(`${base}/members`, { headers: { "X-Grenzeloos-Actor": "member:m-1" } })
    expect(noCommunity.status).toBe(401)
    expect(((await noCommunity.json()) as { header: string }).header).toBe("X-Grenzeloos-Community")

    const noRole = await call("GET", "/members", { actor: "someone" as Actor })
    expect(noRole.status).toBe(401)
    expect(noRole.json.message).toContain("member:m-001")

    const badCommunity = await call("GET", "/members", { actor: asMember(ann!.id), community: "not a community" })
    expect(badCommunity.status).toBe(401)
    expect(badCommunity.json.header).toBe("X-Grenzeloos-Community")

    const emailAsId = await call("GET", "/members", { actor: "member:ann@example.nl" })
    expect(emailAsId.status).toBe(401)
    expect(emailAsId.text).not.toContain("ann@example.nl")
  })

  it("400: every problem of the body with its path, misspelt fields included", async () => {
    const bad = await call("POST", "/themes", {
      actor: asMember(ann!.id),
      body: { title: "", durationMinutes: "long", descripton: "typo" }
    })
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ _tag: "InvalidInput", error: "DecodeError" })
    expect(bad.json.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      "descripton",
      "durationMinutes",
      "title"
    ])

    const duplicate = await call("POST", "/members", {
      actor: team,
      body: { members: [memberRows[0], { ...memberRows[1], id: undefined, email: memberRows[0]!.email }] }
    })
    expect(duplicate.status).toBe(400)
    expect(duplicate.json.problems).toEqual([
      { path: "members[1].email", message: "is the same address as members[0].email" }
    ])
    expect(duplicate.text).not.toContain(memberRows[0]!.email)
  })

  it("400: a rejected e-mail address is not repeated in the answer", async () => {
    const bad = await call("POST", "/members", {
      actor: team,
      body: {
        members: [
          { ...memberRows[0], id: "m-new", email: "nieuw@voorbeeld" },
          { ...memberRows[1], id: "m-new2", email: "jan@@bzk.nl" }
        ]
      }
    })
    expect(bad.status).toBe(400)
    expect(bad.json.problems).toEqual([
      {
        path: "members[0].email",
        message: "expected an e-mail address such as naam@ministerie.nl, but the part after the @ has no dot"
      },
      {
        path: "members[1].email",
        message: "expected an e-mail address such as naam@ministerie.nl, but the value given has more than one @"
      }
    ])
    expect(bad.text).not.toContain("voorbeeld")
    expect(bad.text).not.toContain("bzk.nl")
  })

  it("400: a body that is not JSON, or not an object", async () => {
    const notJson = await call("POST", "/themes", { actor: asMember(ann!.id), raw: "{title:" })
    expect(notJson.status).toBe(400)
    expect(notJson.json).toMatchObject({ error: "InvalidJson", problems: [{ path: "" }] })
    const array = await call("POST", "/themes", { actor: asMember(ann!.id), body: [] })
    expect(array.status).toBe(400)
    expect(array.json.problems[0].message).toContain("JSON object")
  })

  it("415: a body sent as text/plain is refused, though it is JSON", async () => {
    const response = await fetch(`${base}/themes`, {
      method: "POST",
      headers: {
        "X-Grenzeloos-Actor": asMember(ann!.id),
        "X-Grenzeloos-Community": community,
        "Content-Type": "text/plain"
      },
      body: JSON.stringify({ title: "Via een formulier", durationMinutes: 30 })
    })
    expect(response.status).toBe(415)
    expect(await response.json()).toMatchObject({ _tag: "UnsupportedMediaType", received: "text/plain" })
  })

  it("413: a body over the limit is refused, from its length, before it is read", async () => {
    const big = await call("POST", "/members", { actor: team, raw: `{"members":[${'"x",'.repeat(400_000)}"x"]}` })
    expect(big.status).toBe(413)
    expect(big.json).toMatchObject({ _tag: "PayloadTooLarge", maximumBytes: 1_000_000 })
    expect(big.json.message).toContain("1000000 bytes")
  })

  it("400: JSON nested 100,000 deep is refused with the depth limit, not a 500", async () => {
    const deep = await call("POST", "/themes", {
      actor: asMember(ann!.id),
      raw: `${"[".repeat(100_000)}${"]".repeat(100_000)}`
    })
    expect(deep.status).toBe(400)
    expect(deep.json.problems[0].message).toContain("deeper than 32 levels")
    const fine = await call("POST", "/themes", {
      actor: asMember(ann!.id),
      raw: '{"title":"[[[[", "durationMinutes":30}'
    })
    expect(fine.status).toBe(201)
  })

  it("400: a malformed id in the path is an input problem at its path", async () => {
    const bad = await call("GET", "/members/m%20001/export", { actor: team })
    expect(bad.status).toBe(400)
    expect(bad.json.problems[0].path).toBe("memberId")
  })

  it("403: names only the missing right", async () => {
    const register = await call("POST", "/members", { actor: asMember(ann!.id), body: { members: memberRows } })
    expect(register.status).toBe(403)
    expect(register.json).toEqual({
      _tag: "Forbidden",
      error: "NotAllowed",
      action: "member.register",
      missing: "programme team or administrator",
      message: "not allowed to member.register: this needs programme team or administrator"
    })
    const othersExport = await call("GET", `/members/${bob!.id}/export`, { actor: asMember(ann!.id) })
    expect(othersExport.status).toBe(403)
    expect(othersExport.json.missing).toBe("own record, programme team or administrator")
    expect(othersExport.text).not.toContain(Redacted.value(bob!.email))
    expect(othersExport.text).not.toContain(bob!.name)
  })

  it("404: a record that does not exist in the community, with the path that named it", async () => {
    const missing = await call("PUT", "/voting-rounds/vote-nope/ballot", {
      actor: asMember(ann!.id),
      body: { content: { _tag: "approval", themeIds: [] } }
    })
    expect(missing.status).toBe(404)
    expect(missing.json).toMatchObject({
      _tag: "NotFound",
      kind: "voting-round",
      id: "vote-nope",
      path: "votingRoundId"
    })
  })

  it("409: a closed vote takes no ballots and cannot be closed again", async () => {
    const ballot = await call("PUT", `/voting-rounds/${state.votingRoundId}/ballot`, {
      actor: asMember(ann!.id),
      body: { content: { _tag: "approval", themeIds: [state.themeIds[0]] } }
    })
    expect(ballot.status).toBe(409)
    expect(ballot.json).toMatchObject({ _tag: "Conflict", error: "InvalidState" })
    expect(ballot.json.hint).not.toBe("")
    const again = await call("POST", `/voting-rounds/${state.votingRoundId}/close`, {
      actor: team,
      body: { method: { _tag: "greedy" }, budgetMinutes: 60 }
    })
    expect(again.status).toBe(409)
  })

  it("422: a programme whose pinned themes exceed the budget", async () => {
    const closesAt = new Date(Date.now() + 86_400_000).toISOString()
    const round = await call("POST", "/voting-rounds", {
      actor: team,
      body: {
        title: "Tweede ronde",
        format: { _tag: "approval" },
        closesAt,
        themeIds: [state.themeIds[0], state.themeIds[2]]
      }
    })
    expect(round.status).toBe(201)
    const infeasible = await call("POST", `/voting-rounds/${round.json.id}/close`, {
      actor: team,
      // Nobody voted in this round: force the close, so that the pinned themes are what fails.
      body: {
        method: { _tag: "greedy" },
        budgetMinutes: 90,
        rules: { pinned: [state.themeIds[0], state.themeIds[2]] },
        force: true
      }
    })
    expect(infeasible.status).toBe(422)
    expect(infeasible.json).toMatchObject({
      _tag: "Infeasible",
      error: "AgendaInfeasible",
      constraint: "pinned-over-budget"
    })
    expect(infeasible.json.ids.sort()).toEqual([state.themeIds[0], state.themeIds[2]].sort())
  })

  it("422: groups that must be together and apart at once", async () => {
    const pair = [ann!.id, bob!.id]
    const infeasible = await call("POST", "/rounds", {
      actor: team,
      body: {
        name: "Onmogelijk",
        startsOn: "2028-01-01",
        endsOn: "2028-12-31",
        size: { min: 5, max: 7 },
        mustTogether: [pair],
        mustApart: [pair]
      }
    })
    expect(infeasible.status).toBe(422)
    expect(infeasible.json).toMatchObject({ _tag: "Infeasible", error: "GroupingInfeasible" })
    expect(infeasible.json.ids).toEqual(expect.arrayContaining(pair))
  })

  it("reaches nothing of another community", async () => {
    const directory = await call("GET", "/members", { actor: team, community: "andere-community" })
    expect(directory.json).toEqual({ members: [], next: null })
    const groups = await call("GET", `/rounds/${state.roundId}/groups`, { actor: team, community: "andere-community" })
    expect(groups.status).toBe(404)
    const exported = await call("GET", `/members/${ann!.id}/export`, { actor: team, community: "andere-community" })
    expect(exported.status).toBe(404)
  })
})

describe("the OpenAPI description and the docs", () => {
  it("serves /openapi.json with every endpoint, the gateway headers and the use cases' schemas", async () => {
    const response = await fetch(`${base}/openapi.json`)
    expect(response.status).toBe(200)
    // biome-ignore lint/suspicious/noExplicitAny: a JSON document read in a test
    const spec = (await response.json()) as any
    expect(spec.openapi).toMatch(/^3\./)
    expect(Object.keys(spec.paths).sort()).toEqual(
      [
        "/members",
        "/members/{memberId}/export",
        "/rounds",
        "/rounds/{roundId}/groups",
        "/themes",
        "/voting-rounds",
        "/voting-rounds/{votingRoundId}/ballot",
        "/voting-rounds/{votingRoundId}/close",
        "/gatherings",
        "/gatherings/{gatheringId}/poll",
        "/polls/{pollId}/answer",
        "/polls/{pollId}/answers",
        "/polls/{pollId}/decision",
        "/voting-rounds/{votingRoundId}/ballots",
        "/voting-rounds/{votingRoundId}/ballots/{memberId}"
      ].sort()
    )
    expect(Object.keys(spec.paths["/members"]).sort()).toEqual(["get", "post"])
    expect(spec.components.securitySchemes.gatewayActor).toMatchObject({ in: "header", name: "X-Grenzeloos-Actor" })
    expect(spec.security).toEqual([{ gatewayActor: [], gatewayCommunity: [] }])
    // No operation overrides the requirement (an empty `security` would mean "none").
    for (const operations of Object.values(spec.paths) as Array<Record<string, object>>)
      for (const operation of Object.values(operations)) expect(operation).not.toHaveProperty("security")
    expect(spec.components.schemas).toHaveProperty("RegisterMembers")
    expect(spec.components.schemas).toHaveProperty("MemberInput")
    const statuses = Object.keys(spec.paths["/members"].post.responses).sort()
    expect(statuses).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "409", "422", "503"]))
  })

  it("serves Swagger UI at /docs without loading anything from another site", async () => {
    const response = await fetch(`${base}/docs`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain("SwaggerUIBundle")
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/)
  })
})

describe("the log", () => {
  it("records requests and refusals, but no e-mail address", async () => {
    // Make sure the server has written its last lines.
    await runtime.runPromise(Effect.yieldNow())
    const log = logLines.join("\n")
    expect(log).toContain("Sent HTTP response")
    expect(log).toContain("request refused")
    expect(log).not.toMatch(/@/)
    for (const email of emails) expect(log).not.toContain(email)
  })
})
