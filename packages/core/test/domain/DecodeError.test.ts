import { Domain } from "@grenzeloos/core"
import { Either, Redacted, Schema } from "effect"
import { describe, expect, it } from "vitest"

const validMember = {
  id: "m-001",
  communityId: "rijk",
  name: "Jan de Vries",
  email: "jan.devries@minfin.nl",
  organisation: "Ministerie van Financiën",
  programme: "Herstel Toeslagen",
  interests: [],
  preferredLanguage: "nl",
  status: "active",
  joinedOn: "2026-02-01"
}

const File = Schema.Struct({ members: Schema.Array(Domain.Member) })

const problemsOf = <A, I>(schema: Schema.Schema<A, I, never>, input: unknown, options?: Domain.DecodeOptions) => {
  const result = Domain.decode(schema, options)(input)
  if (Either.isRight(result)) throw new Error("expected the input to be rejected")
  return result.left
}

describe("Domain.decode", () => {
  it("decodes valid input", () => {
    const result = Domain.decode(Domain.Member)(validMember)
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result)) expect(Redacted.value(result.right.email)).toBe("jan.devries@minfin.nl")
  })

  it("names the path of a bad e-mail address in a list, as the user wrote it", () => {
    const members = [validMember, validMember, validMember, { ...validMember, email: "jan@" }]
    const error = problemsOf(File, { members })
    expect(error.problems).toStrictEqual([
      {
        path: "members[3].email",
        message: "expected an e-mail address such as naam@ministerie.nl, but the part after the @ has no dot"
      }
    ])
  })

  it("never repeats a rejected e-mail address, and says what is wrong with it", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["jan.devries", "has no @"],
      ["jan@@bzk.nl", "more than one @"],
      ["jan de@bzk.nl", "contains a space"],
      ["@bzk.nl", "nothing before the @"],
      ["jan@bzk", "has no dot"],
      ["jan@bzk..nl", "empty part between dots"],
      ["jan<x>@bzk.nl", "a character an address cannot have"],
      [`${"j".repeat(250)}@bzk.nl`, "257 characters"]
    ]
    for (const [email, why] of cases) {
      const error = problemsOf(Domain.Member, { ...validMember, email })
      expect(error.message).toContain(why)
      expect(error.message).not.toContain(email)
      expect(error.message).not.toContain("bzk")
    }
  })

  it("reports every problem at once, not just the first", () => {
    const error = problemsOf(File, {
      members: [
        { ...validMember, id: "m 1", email: "x" },
        { ...validMember, status: "retired", joinedOn: "2026-02-30" },
        { ...validMember, name: undefined }
      ]
    })
    expect(error.problems.map((p) => p.path)).toStrictEqual([
      "members[0].id",
      "members[0].email",
      "members[1].status",
      "members[1].joinedOn",
      "members[2].name"
    ])
    expect(error.problems[2]?.message).toBe(
      'expected one of "invited", "intake-planned", "active", "paused", "left", got "retired"'
    )
    expect(error.problems[3]?.message).toBe('expected a date written YYYY-MM-DD, got "2026-02-30"')
  })

  it("reports a misspelt field instead of ignoring it", () => {
    const error = problemsOf(Domain.Member, { ...validMember, emial: "x@y.nl" })
    expect(error.problems).toStrictEqual([
      { path: "emial", message: "is not a field of this record (check the spelling, or leave it out)" }
    ])
  })

  it("reports missing fields", () => {
    const { email: _email, ...withoutEmail } = validMember
    const error = problemsOf(Domain.Member, withoutEmail)
    expect(error.problems).toStrictEqual([{ path: "email", message: "is required but missing" }])
  })

  it("prefixes paths with `at` and writes a readable message", () => {
    const error = problemsOf(
      Domain.Member,
      { ...validMember, email: "jan@" },
      { at: ["members", 7], subject: "leden.json" }
    )
    expect(error._tag).toBe("DecodeError")
    expect(error.message).toBe(
      "leden.json: 1 problem in the input\n  members[7].email: expected an e-mail address such as naam@ministerie.nl, but the part after the @ has no dot"
    )
  })

  it("checks fields against each other (a round that ends before it starts)", () => {
    const error = problemsOf(Domain.Round, {
      id: "r-1",
      communityId: "rijk",
      name: "2027",
      startsOn: "2027-01-01",
      endsOn: "2026-12-31",
      status: "planning"
    })
    expect(error.problems).toStrictEqual([
      { path: "endsOn", message: "expected a date on or after startsOn (2027-01-01), got 2026-12-31" }
    ])
  })

  it("finds duplicates inside a record and points at the repeat", () => {
    const error = problemsOf(Domain.Ballot, {
      id: "b-1",
      communityId: "rijk",
      votingRoundId: "v-1",
      memberId: "m-1",
      castAt: "2027-01-05T10:00:00.000Z",
      content: { _tag: "approval", themeIds: ["t-a", "t-b", "t-a"] }
    })
    expect(error.problems).toStrictEqual([
      { path: "content.themeIds[2]", message: "theme t-a appears twice on the ballot" }
    ])
  })

  it("rejects a quarter outside 1–4", () => {
    const error = problemsOf(Domain.Quarter, "2027-Q5")
    expect(error.problems[0]?.message).toBe(
      'expected a quarter written YYYY-Qn with n from 1 to 4 (e.g. "2027-Q1"), got "2027-Q5"'
    )
  })

  it("writes odd keys in brackets", () => {
    expect(Domain.formatPath(["members", 3, "email"])).toBe("members[3].email")
    expect(Domain.formatPath([0, "a b", "c"])).toBe('[0]["a b"].c')
  })
})

describe("personal data stays redacted", () => {
  it("does not print a member's e-mail address", () => {
    const member = Schema.decodeUnknownSync(Domain.Member)(validMember)
    expect(String(member)).not.toContain("jan.devries@minfin.nl")
    expect(JSON.stringify(member)).not.toContain("jan.devries@minfin.nl")
  })
})
