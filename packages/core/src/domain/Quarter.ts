/**
 * Quarters of a year (`2027-Q1`), the rhythm of the community's meetings.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const QUARTER = /^(\d{4})-Q([1-4])$/

/**
 * A quarter written `YYYY-Qn` with n from 1 to 4, e.g. `2027-Q1`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * Schema.decodeUnknownSync(Domain.Quarter)("2027-Q1")
 * ```
 * @since 0.1.0
 */
export const Quarter = Schema.String.pipe(
  Schema.filter((s) => QUARTER.test(s) && s.slice(0, 4) !== "0000", {
    message: (issue) =>
      `expected a quarter written YYYY-Qn with n from 1 to 4 (e.g. "2027-Q1"), got ${JSON.stringify(issue.actual)}`,
    arbitrary: () => (fc) =>
      fc
        .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 4 }))
        .map(([y, q]) => `${String(y).padStart(4, "0")}-Q${q}`)
  }),
  Schema.brand("Quarter"),
  Schema.annotations({ identifier: "Quarter" })
)
/** @since 0.1.0 */
export type Quarter = typeof Quarter.Type

/**
 * The year and quarter number (1–4) of a {@link Quarter}.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * Domain.quarterParts(Domain.Quarter.make("2027-Q3")) // { year: 2027, quarter: 3 }
 * ```
 * @since 0.1.0
 */
export const quarterParts = (quarter: Quarter): { readonly year: number; readonly quarter: 1 | 2 | 3 | 4 } => ({
  year: Number(quarter.slice(0, 4)),
  quarter: Number(quarter.slice(6)) as 1 | 2 | 3 | 4
})
