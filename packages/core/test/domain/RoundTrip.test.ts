import { Domain } from "@grenzeloos/core"
import { Arbitrary, Equal, FastCheck, Schema } from "effect"
import { describe, expect, it } from "vitest"

// Every record type: decoding what was encoded gives back an equal value, and encoding is stable
// (encode ∘ decode ∘ encode = encode), for values drawn from the schemas themselves.
const records = {
  Community: Domain.Community,
  Member: Domain.Member,
  Facilitator: Domain.Facilitator,
  Intake: Domain.Intake,
  Round: Domain.Round,
  LearningGroup: Domain.LearningGroup,
  Case: Domain.Case,
  Theme: Domain.Theme,
  VotingRound: Domain.VotingRound,
  Ballot: Domain.Ballot,
  Gathering: Domain.Gathering,
  AvailabilityPoll: Domain.AvailabilityPoll,
  PollResponse: Domain.PollResponse
} as const

describe("every record type round-trips through its encoded form", () => {
  for (const [name, schema] of Object.entries(records)) {
    it(name, () => {
      const s = schema as unknown as Schema.Schema<unknown, unknown, never>
      const encode = Schema.encodeSync(s)
      const decode = Schema.decodeUnknownSync(s, { onExcessProperty: "error" })
      FastCheck.assert(
        FastCheck.property(Arbitrary.make(s), (value) => {
          const encoded = encode(value)
          // through JSON, as a store or an HTTP body would carry it
          const wire = JSON.parse(JSON.stringify(encoded)) as unknown
          const decoded = decode(wire)
          expect(encode(decoded)).toStrictEqual(encoded)
          expect(Equal.equals(decoded, value) || JSON.stringify(encode(decoded)) === JSON.stringify(encoded)).toBe(true)
        }),
        { seed: 20261127, numRuns: 60 }
      )
    })
  }
})

describe("names with diacritics and particles", () => {
  const names = ["Özdemir", "van 't Hoff", "IJsbrand de Vries", "Aïcha El Amrani", "Renée d'Ancona", "Hüseyin Yılmaz"]
  for (const name of names) {
    it(`keeps ${JSON.stringify(name)} exactly`, () => {
      const encoded = {
        id: "m-1",
        communityId: "c",
        name,
        email: "a@b.nl",
        organisation: "Ministerie van Financiën",
        programme: "Herstel Toeslagen",
        interests: ["Worstelen met de Woo"],
        preferredLanguage: "nl",
        status: "active",
        joinedOn: "2026-01-01"
      }
      const member = Schema.decodeUnknownSync(Domain.Member)(encoded)
      expect(member.name).toBe(name)
      expect(Schema.encodeSync(Domain.Member)(member)).toStrictEqual(encoded)
    })
  }

  it("does not normalise Unicode (a decomposed é stays decomposed)", () => {
    const decomposed = "Rene\u0301e"
    const name = Schema.decodeUnknownSync(Domain.PersonName)(decomposed)
    expect(name).toBe(decomposed)
    expect(name).not.toBe(decomposed.normalize("NFC"))
  })
})
