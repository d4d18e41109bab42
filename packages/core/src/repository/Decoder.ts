/**
 * A decoder compiled from a schema's AST for the documents the repositories read in bulk. It is a
 * fast path only: it accepts a document only where `Schema.decodeUnknownEither` would accept it
 * and returns the same value, because every check it runs is the schema's own (the filters,
 * transformations and declarations of the AST are called as they are); it replaces only the
 * generic interpreter's bookkeeping (an `Either` per node, issue trees, closures per property).
 * Whenever it cannot decide cheaply (a failing document, an asynchronous or unusual node) it
 * answers {@link Unsure} and the caller decodes with the schema itself, which stays the authority
 * and reports every problem with its path (decision 0046).
 *
 * @since 0.1.0
 */
import { SchemaAST as AST, Either, Option, ParseResult, Schema } from "effect"

/**
 * What a compiled decoder returns when it does not accept the input: decode it with the schema.
 *
 * @since 0.1.0
 */
export const Unsure: unique symbol = Symbol.for("@grenzeloos/core/repository/Decoder/Unsure")

/**
 * A compiled decoder: the decoded value, or {@link Unsure}.
 *
 * @since 0.1.0
 */
export type Compiled<A> = (input: unknown) => A | typeof Unsure

type Node = (input: unknown) => unknown

// Internal: the answer depends on work the interpreter would do asynchronously (a transformation
// or declaration that returned an effect that is not an `Either`). Nodes pass it up unchanged so a
// union can leave the whole decision to the interpreter.
const Defer: unique symbol = Symbol.for("@grenzeloos/core/repository/Decoder/Defer")

const stop = (value: unknown): boolean => value === Unsure || value === Defer

const ParseOptionsId = Symbol.for("effect/annotation/ParseOptions")
const DecodingFallbackId = Symbol.for("effect/annotation/DecodingFallback")

const fromEither = (result: unknown): unknown =>
  Either.isEither(result) ? (Either.isRight(result) ? result.right : Unsure) : Defer

const isRecord = (u: unknown): u is Record<PropertyKey, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const hasOwn = Object.prototype.hasOwnProperty

interface Compilation {
  readonly memo: Map<AST.AST, Node>
  // How many own keys an object has. Of any value: every key, symbols and non-enumerable ones
  // included (`Reflect.ownKeys`, as the interpreter counts). Of a value `JSON.parse` returned,
  // every own key is an enumerable string, so `Object.keys` counts them all, ten times faster.
  readonly ownKeyCount: (u: object) => number
}

const compileNode = (ast: AST.AST, options: AST.ParseOptions, c: Compilation): Node => {
  const known = c.memo.get(ast)
  if (known !== undefined) return known
  // A node with its own parse options or a decoding fallback behaves differently inside the
  // schema's interpreter: leave it to the interpreter.
  const node =
    ast.annotations[ParseOptionsId] !== undefined || ast.annotations[DecodingFallbackId] !== undefined
      ? generic(ast, options)
      : build(ast, options, c)
  c.memo.set(ast, node)
  return node
}

// The schema's own interpreter for one node (and everything under it).
const generic = (ast: AST.AST, options: AST.ParseOptions): Node => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast), options)
  return (input) => {
    const result = decode(input)
    return Either.isRight(result) ? result.right : Unsure
  }
}

const build = (ast: AST.AST, options: AST.ParseOptions, c: Compilation): Node => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => (typeof u === "string" ? u : Unsure)
    case "NumberKeyword":
      return (u) => (typeof u === "number" ? u : Unsure)
    case "BooleanKeyword":
      return (u) => (typeof u === "boolean" ? u : Unsure)
    case "UndefinedKeyword":
      return (u) => (u === undefined ? u : Unsure)
    case "UnknownKeyword":
    case "AnyKeyword":
      return (u) => u
    case "Literal": {
      const literal = ast.literal
      return (u) => (u === literal ? u : Unsure)
    }
    case "Enums": {
      const values = ast.enums.map(([, value]) => value)
      return (u) => (values.some((value) => value === u) ? u : Unsure)
    }
    case "Refinement": {
      const from = compileNode(ast.from, options, c)
      return (u) => {
        const a = from(u)
        if (stop(a)) return a
        return Option.isSome(ast.filter(a, options, ast)) ? Unsure : a
      }
    }
    case "Transformation": {
      if (ast.transformation._tag === "TypeLiteralTransformation") return generic(ast, options)
      const from = compileNode(ast.from, options, c)
      const to = compileNode(ast.to, options, c)
      if (ast.transformation._tag === "ComposeTransformation")
        return (u) => {
          const a = from(u)
          return stop(a) ? a : to(a)
        }
      const decode = ast.transformation.decode
      return (u) => {
        const a = from(u)
        if (stop(a)) return a
        const b = fromEither(decode(a, options, ast, u))
        return stop(b) ? b : to(b)
      }
    }
    case "Declaration": {
      const parse = ast.decodeUnknown(...ast.typeParameters)
      return (u) => fromEither(parse(u, options, ast))
    }
    case "TypeLiteral": {
      if (ast.indexSignatures.length > 0 || options.onExcessProperty === "preserve" || options.exact === true)
        return generic(ast, options)
      if (ast.propertySignatures.length === 0) return (u) => (u === null || u === undefined ? Unsure : u)
      const signatures = ast.propertySignatures
      if (signatures.some((ps) => typeof ps.name !== "string")) return generic(ast, options)
      const names = signatures.map((ps) => ps.name as string)
      const optional = signatures.map((ps) => ps.isOptional)
      const types = signatures.map((ps) => compileNode(ps.type, options, c))
      const strict = options.onExcessProperty === "error"
      const count = names.length
      return (u) => {
        if (!isRecord(u)) return Unsure
        const output: Record<string, unknown> = {}
        let present = 0
        for (let i = 0; i < count; i++) {
          const name = names[i] as string
          const has = hasOwn.call(u, name)
          if (has) present++
          else if (optional[i] === true) continue
          // A required key that is missing is parsed as `undefined`, as the interpreter does.
          const value = (types[i] as Node)(has ? u[name] : undefined)
          if (stop(value)) return value
          output[name] = value
        }
        // Every own key must be a field: the fields found are own keys, so the counts are equal
        // exactly when there is no other key.
        return strict && c.ownKeyCount(u) !== present ? Unsure : output
      }
    }
    case "TupleType": {
      if (ast.elements.some((e) => e.isOptional) || ast.rest.length > 1) return generic(ast, options)
      const elements = ast.elements.map((e) => compileNode(e.type, options, c))
      const rest = ast.rest[0] === undefined ? undefined : compileNode(ast.rest[0].type, options, c)
      const fixed = elements.length
      return (u) => {
        if (!Array.isArray(u)) return Unsure
        if (u.length < fixed || (rest === undefined && u.length > fixed)) return Unsure
        const output: Array<unknown> = new Array(u.length)
        for (let i = 0; i < u.length; i++) {
          const value = (i < fixed ? (elements[i] as Node) : (rest as Node))(u[i])
          if (stop(value)) return value
          output[i] = value
        }
        return output
      }
    }
    case "Union": {
      // The interpreter returns the first member that decodes, in an order of its own; when
      // exactly one member decodes, that order cannot matter. Two that decode, or one that would
      // need asynchronous work: leave the whole union to the interpreter.
      const literals = ast.types.map((member) =>
        AST.isLiteral(member) && Object.keys(member.annotations).length === 0 ? member.literal : Unsure
      )
      // A union of plain literals (e.g. `Schema.Literal("open", "closed")`): one lookup.
      if (literals.every((l) => l !== Unsure && !Number.isNaN(l)) && new Set(literals).size === literals.length) {
        const allowed = new Set(literals)
        return (u) => (allowed.has(u as AST.LiteralValue) ? u : Unsure)
      }
      const members = ast.types.map((member) => compileNode(member, options, c))
      const fallback = generic(ast, options)
      return (u) => {
        let found: unknown = Unsure
        for (const member of members) {
          const value = member(u)
          if (value === Unsure) continue
          if (value === Defer || found !== Unsure) return fallback(u)
          found = value
        }
        return found
      }
    }
    default:
      return generic(ast, options)
  }
}

/**
 * What a compiled decoder is given: any value, or only values `JSON.parse` returned (objects whose
 * own keys are all enumerable strings, as stored documents are), which it checks for unknown keys
 * faster.
 *
 * @since 0.1.0
 */
export type Input = "any" | "json"

/**
 * Compiles a decoder for a schema with the given parse options (those the repositories decode
 * with: unknown fields are errors). Private to the repositories (not exported from the package),
 * so it has no example a reader could copy; `test/repository/Decoder.test.ts` shows its use.
 *
 * @since 0.1.0
 */
export const compile = <A, I>(
  schema: Schema.Schema<A, I, never>,
  options: AST.ParseOptions,
  input: Input = "any"
): Compiled<A> => {
  const root = compileNode(schema.ast, options, {
    memo: new Map(),
    ownKeyCount: input === "json" ? (u) => Object.keys(u).length : (u) => Reflect.ownKeys(u).length
  })
  return (value) => {
    const result = root(value)
    return result === Defer ? Unsure : (result as A | typeof Unsure)
  }
}
