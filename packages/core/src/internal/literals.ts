// Shared by the domain modules; not exported from the package.
import { Schema } from "effect"

/** A literal union whose failure says, in one line, which values are allowed. */
export const oneOf = <const L extends readonly [string, ...Array<string>]>(identifier: string, ...values: L) =>
  Schema.Literal(...values).annotations({
    identifier,
    message: (issue) => ({
      message: `expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(issue.actual)}`,
      override: true
    })
  })
