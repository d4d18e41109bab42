// Step 2 of `prioritise`: pinned themes go on the programme first; themes in their cooling-off
// are set aside; the rest is eligible. Fails when the pins or the minimum cannot be met.
import { Either } from "effect"
import type { Reason } from "../Explanation.js"
import { AgendaInfeasible } from "../Infeasible.js"
import { compareCodePoints } from "../Profile.js"
import { type Context, sum } from "./context.js"

export interface Pins {
  readonly pinned: ReadonlyArray<string>
  readonly pinnedCost: number
  /** Themes set aside for their cooling-off, in the round's order. */
  readonly coolingOff: ReadonlyArray<string>
  /** Themes the method orders: neither pinned nor cooling off. */
  readonly eligible: ReadonlyArray<string>
  /** The reasons of the pinned and the cooling themes. */
  readonly reasons: ReadonlyMap<string, Reason>
}

export const pin = (ctx: Context): Either.Either<Pins, AgendaInfeasible> => {
  const { capacity, costOf, unit, minThemes: min, maxThemes: max, isCooling } = ctx
  const rules = ctx.input.rules ?? {}
  const reasons = new Map<string, Reason>()
  const pinned = rules.pinned ?? []
  const pinnedSet = new Set(pinned)
  const pinnedCost = sum(pinned.map(costOf))
  if (pinnedCost > capacity)
    return Either.left(
      new AgendaInfeasible({
        constraint: "pinned-over-budget",
        themeIds: pinned,
        detail: `the pinned themes need ${pinnedCost} ${unit}, the meeting has ${capacity}`
      })
    )
  if (max !== undefined && pinned.length > max)
    return Either.left(
      new AgendaInfeasible({
        constraint: "pinned-over-max",
        themeIds: pinned,
        detail: `${pinned.length} themes are pinned, at most ${max} themes fit the programme`
      })
    )
  for (const id of pinned) {
    const t = ctx.byId.get(id)
    reasons.set(id, { _tag: "Pinned", coolingOffOverridden: t !== undefined && isCooling(t) })
  }
  const coolingOff: Array<string> = []
  for (const t of ctx.themes)
    if (!pinnedSet.has(t.id) && isCooling(t)) {
      coolingOff.push(t.id)
      reasons.set(t.id, {
        _tag: "CoolingOff",
        meetingsAgo: t.lastDiscussedMeetingsAgo ?? 0,
        meetings: rules.coolingOff?.meetings ?? 0
      })
    }
  const eligible = ctx.themes.filter((t) => !pinnedSet.has(t.id) && !isCooling(t)).map((t) => t.id)
  const need = Math.max(0, min - pinned.length)
  if (need > 0) {
    const shortest = [...eligible].sort((a, b) => costOf(a) - costOf(b) || compareCodePoints(a, b)).slice(0, need)
    const needed = sum(shortest.map(costOf))
    if (shortest.length < need || needed > capacity - pinnedCost)
      return Either.left(
        new AgendaInfeasible({
          constraint: "min-themes",
          themeIds: shortest,
          detail:
            shortest.length < need
              ? `${min} themes are required, only ${shortest.length + pinned.length} are eligible`
              : `${min} themes are required; the shortest eligible ones need ${needed} ${unit}, ${capacity - pinnedCost} are left after the pins`
        })
      )
  }
  return Either.right({ pinned, pinnedCost, coolingOff, eligible, reasons })
}
