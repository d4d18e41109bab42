// Step 4 of `prioritise`: the programme is filled in the method's order within the budget, never
// above the maximum number of themes, keeping room to reach the minimum (a theme is skipped if
// taking it would leave too little time for the shortest themes still needed).
import type { Reason } from "../Explanation.js"
import { type Context, sum } from "./context.js"
import type { MethodOrder } from "./methods.js"
import type { Pins } from "./pins.js"

export interface Filled {
  /** The programme in order: the pins, then in order of choice. */
  readonly programme: ReadonlyArray<string>
  /** The eligible themes left out, in the method's order. */
  readonly rest: ReadonlyArray<string>
  /** Time (or slots) left unused. */
  readonly remaining: number
  /** Why each theme is in or out. */
  readonly reasons: ReadonlyMap<string, Reason>
}

export const fill = (ctx: Context, pins: Pins, method: MethodOrder): Filled => {
  const { costOf, minThemes: min, maxThemes: max } = ctx
  const { order, prefix } = method
  const reasons = new Map(pins.reasons)
  const programme: Array<string> = [...pins.pinned]
  const rest: Array<string> = []
  let remaining = ctx.capacity - pins.pinnedCost
  let taken = pins.pinned.length
  const decide = (id: string, i: number, inPrefix: boolean, noSupport: boolean): Reason | undefined => {
    const cost = costOf(id)
    if ((!inPrefix || noSupport) && taken >= min)
      return noSupport ? { _tag: "NoSupport" } : (method.reasons.get(id) ?? { _tag: "NoSupport" })
    if (max !== undefined && taken >= max) return { _tag: "MaxThemes", maxThemes: max }
    if (cost > remaining) return { _tag: "DoesNotFit", needed: cost, remaining }
    const stillNeeded = min - taken - 1
    if (stillNeeded > 0) {
      const shortest = order
        .slice(i + 1)
        .map(costOf)
        .sort((a, b) => a - b)
        .slice(0, stillNeeded)
      if (shortest.length < stillNeeded || remaining - cost < sum(shortest))
        return { _tag: "ReservedForMinimum", minThemes: min }
    }
    return undefined
  }
  order.forEach((id, i) => {
    const inPrefix = prefix === undefined || i < prefix
    const noSupport = prefix === undefined && ctx.supporters(id) === 0
    const skipped = decide(id, i, inPrefix, noSupport)
    if (skipped !== undefined) {
      reasons.set(id, skipped)
      rest.push(id)
      return
    }
    programme.push(id)
    remaining -= costOf(id)
    taken++
    reasons.set(
      id,
      !inPrefix || noSupport
        ? { _tag: "AddedForMinimum", minThemes: min }
        : prefix === undefined
          ? { _tag: "Ranked", method: ctx.method, place: i + 1, of: order.length, support: method.support(id) }
          : (method.reasons.get(id) ?? { _tag: "AddedForMinimum", minThemes: min })
    )
  })
  // Equal Shares' own "does not fit" was measured before the fill; report what is left in the end.
  for (const id of rest) {
    const r = reasons.get(id)
    if (r?._tag === "DoesNotFit" && r === method.reasons.get(id)) reasons.set(id, { ...r, remaining })
  }
  return { programme, rest, remaining, reasons }
}
