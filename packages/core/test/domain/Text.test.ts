import { Domain } from "@grenzeloos/core"
import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"

const decodeName = Schema.decodeUnknownEither(Domain.PersonName)
const decodeTitle = Schema.decodeUnknownEither(Domain.Title)

describe("text: what a person sees is what is stored", () => {
  it("refuses bidirectional overrides, isolates and zero-width characters in a name, naming the character", () => {
    for (const [name, code] of [
      ["Jan\u202Eeok", "U+202E"],
      ["Jan\u2066 de Vries", "U+2066"],
      ["Ja\u200Bn", "U+200B"],
      ["Jan\u200D", "U+200D"],
      ["Ja\u200Cn", "U+200C"],
      ["\u200Fjan", "U+200F"],
      ["Jan\uFEFFde", "U+FEFF"],
      ["Jan\u2060Vries", "U+2060"]
    ] as const) {
      const result = decodeName(name)
      expect(Either.isLeft(result), name).toBe(true)
      if (Either.isLeft(result)) expect(result.left.message).toContain(code)
    }
  })

  it("refuses text-direction characters in titles, but keeps the joiners an emoji needs", () => {
    expect(Either.isLeft(decodeTitle("Omgaan met \u202Esabotage"))).toBe(true)
    expect(Either.isRight(decodeTitle("Thema voor 👩\u200D💻 programmeurs"))).toBe(true)
  })

  it("keeps names in other scripts and with diacritics as they are", () => {
    for (const name of ["Özdemir", "Jan van 't Hoff", "IJsbrand de Vries", "Aïcha El Idrissi", "خالد", "Łukasz"])
      expect(Either.getOrThrow(decodeName(name))).toBe(name)
  })
})
