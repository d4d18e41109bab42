import { Repository } from "@grenzeloos/core"
import { Arbitrary, Effect, Either, FastCheck as fc, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { compile, Unsure } from "../../src/repository/Decoder.js"

const OPTIONS = { onExcessProperty: "error" } as const

type Json = null | boolean | number | string | Array<Json> | { [key: string]: Json }

// Every place in a JSON value where a mutation can happen: the containers and their keys.
const placesIn = (value: Json, out: Array<{ parent: Array<Json> | { [key: string]: Json }; key: string | number }>) => {
  if (Array.isArray(value))
    value.forEach((item, i) => {
      out.push({ parent: value, key: i })
      placesIn(item, out)
    })
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) {
      out.push({ parent: value, key })
      placesIn(item, out)
    }
  return out
}

type Mutation = "delete" | "replace" | "add" | "stringify"

// A document near a valid one: one field removed, replaced by any JSON value, an unknown field
// added next to it, or a value turned into its JSON text.
const mutate = (wire: Json, pick: number, how: Mutation, replacement: Json): Json => {
  const copy = JSON.parse(JSON.stringify(wire)) as Json
  const places = placesIn(copy, [])
  const place = places[pick % Math.max(1, places.length)]
  if (place === undefined) return replacement
  const { parent, key } = place
  if (Array.isArray(parent)) {
    const i = key as number
    if (how === "delete") parent.splice(i, 1)
    else if (how === "add") parent.push(replacement)
    else parent[i] = how === "stringify" ? JSON.stringify(parent[i]) : replacement
  } else {
    const k = key as string
    if (how === "delete") delete parent[k]
    else if (how === "add") parent[`${k}_extra`] = replacement
    else parent[k] = how === "stringify" ? JSON.stringify(parent[k]) : replacement
  }
  return copy
}

describe("compiled decoder", () => {
  for (const [kind, input] of Repository.kinds.flatMap((kind) => [[kind, "json"] as const, [kind, "any"] as const])) {
    const schema = kind.schema as unknown as Schema.Schema<unknown, Json, never>
    const fast = compile(schema, OPTIONS, input)
    const slow = Schema.decodeUnknownEither(schema, OPTIONS)
    const encode = Schema.encodeSync(schema)

    // Accepts exactly what the schema accepts, and gives the same value (compared encoded, which
    // also reveals Redacted values, and by prototype, so a class is a class).
    const agrees = (input: unknown) => {
      const quick = fast(input)
      const reference = slow(input)
      expect(quick === Unsure, `compiled and schema disagree on ${JSON.stringify(input)}`).toBe(
        Either.isLeft(reference)
      )
      if (quick !== Unsure && Either.isRight(reference)) {
        expect(encode(quick)).toStrictEqual(encode(reference.right))
        expect(Object.getPrototypeOf(quick)).toBe(Object.getPrototypeOf(reference.right))
        // the decoded values themselves, keys in the same order
        expect(JSON.stringify(quick)).toBe(JSON.stringify(reference.right))
      }
    }

    it(`${kind.kind} (${input}): accepts every valid document with the schema's value`, () => {
      fc.assert(
        fc.property(Arbitrary.make(schema), (value) => {
          const wire = JSON.parse(JSON.stringify(encode(value))) as unknown
          expect(fast(wire)).not.toBe(Unsure)
          agrees(wire)
        }),
        { seed: 20261127, numRuns: 80 }
      )
    })

    it(`${kind.kind} (${input}): rejects what the schema rejects in documents one change away from valid`, () => {
      fc.assert(
        fc.property(
          Arbitrary.make(schema),
          fc.nat(),
          fc.constantFrom<Mutation>("delete", "replace", "add", "stringify"),
          fc.jsonValue() as fc.Arbitrary<Json>,
          (value, pick, how, replacement) => {
            agrees(mutate(JSON.parse(JSON.stringify(encode(value))) as Json, pick, how, replacement))
          }
        ),
        { seed: 20261127, numRuns: 300 }
      )
    })
  }

  it("of any value, treats a non-enumerable own key as an unknown field, as the schema does", () => {
    const schema = Schema.Struct({ a: Schema.String })
    const input = { a: "x" }
    Object.defineProperty(input, "hidden", { value: 1, enumerable: false })
    expect(Either.isLeft(Schema.decodeUnknownEither(schema, OPTIONS)(input))).toBe(true)
    expect(compile(schema, OPTIONS)(input)).toBe(Unsure)
    expect(compile(schema, OPTIONS)({ a: "x" })).toStrictEqual({ a: "x" })
  })

  it("parses a missing required key as undefined, as the schema does", () => {
    const schema = Schema.Struct({
      a: Schema.UndefinedOr(Schema.String),
      b: Schema.optionalWith(Schema.Number, { exact: true })
    })
    const reference = Schema.decodeUnknownSync(schema, OPTIONS)({})
    const quick = compile(schema, OPTIONS)({})
    expect(quick).toStrictEqual(reference)
    expect(Object.keys(quick as object)).toEqual(Object.keys(reference))
  })

  it("leaves a union where two members decode to the schema's own choice", () => {
    // The interpreter tries members keyed by a literal before the others, so here it picks the
    // second member although the first decodes too.
    const labelled = <I>(from: Schema.Schema<I, I, never>, label: string) =>
      Schema.transform(from, Schema.String, { strict: false, decode: () => label, encode: () => ({}) as I })
    const schema = Schema.Union(
      labelled(Schema.Unknown, "unkeyed"),
      labelled(Schema.Struct({ kind: Schema.Literal("k") }), "keyed")
    )
    const reference = Schema.decodeUnknownSync(schema, OPTIONS)({ kind: "k" })
    expect(reference).toBe("keyed")
    expect(compile(schema, OPTIONS)({ kind: "k" })).toBe(reference)
    expect(compile(schema, OPTIONS)(7)).toBe("unkeyed")
  })

  it("answers Unsure for a transformation that needs asynchronous work", () => {
    const schema = Schema.transformOrFail(Schema.String, Schema.String, {
      strict: true,
      decode: (s) => Effect.as(Effect.sleep("1 millis"), s),
      encode: (s) => Effect.succeed(s)
    })
    expect(compile(schema, OPTIONS)("x")).toBe(Unsure)
    expect(compile(Schema.Union(schema, Schema.Number), OPTIONS)("x")).toBe(Unsure)
  })
})
