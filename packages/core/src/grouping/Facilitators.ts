/**
 * Assigns a facilitator to every group: each facilitator leads at most `maxGroups` groups and never
 * a group with a member they have a conflict with; the load is spread as evenly as possible (the
 * smallest maximum load for which a complete assignment exists). Each load level is a bipartite
 * b-matching found with augmenting paths (Hopcroft & Karp 1973, "An n^{5/2} algorithm for maximum
 * matchings in bipartite graphs", in its simple Kuhn form).
 *
 * @since 0.1.0
 */

/**
 * Assigns facilitators (by index) to groups: `allowed(f, g)` says whether facilitator `f` may lead
 * group `g`. Returns the facilitator per group, or the groups that could not be covered.
 *
 * @example
 * ```ts
 * import { Grouping } from "@grenzeloos/core"
 *
 * Grouping.Facilitators.assign(3, [2, 1], () => true) // { _tag: "Assigned", facilitatorOf: [0, 1, 0] }
 * ```
 * @since 0.1.0
 */
export const assign = (
  groups: number,
  maxGroups: ReadonlyArray<number>,
  allowed: (facilitator: number, group: number) => boolean
):
  | { readonly _tag: "Assigned"; readonly facilitatorOf: ReadonlyArray<number> }
  | { readonly _tag: "Uncovered"; readonly groups: ReadonlyArray<number> } => {
  const F = maxGroups.length
  const top = Math.max(0, ...maxGroups)
  let last: Array<number> = []
  for (let level = 1; level <= Math.max(1, top); level++) {
    const cap = maxGroups.map((m) => Math.min(m, level))
    // a level whose capacity is below the number of groups cannot cover them: skip its search
    if (level < top && cap.reduce((a, b) => a + b, 0) < groups) continue
    const load = new Array<number>(F).fill(0)
    const holder = new Array<number>(groups).fill(-1)
    const byFacilitator: Array<Array<number>> = Array.from({ length: F }, () => [])
    const tryGroup = (g: number, seen: Array<boolean>): boolean => {
      for (let f = 0; f < F; f++) {
        if (seen[f] || !allowed(f, g) || (cap[f] as number) === 0) continue
        seen[f] = true
        if ((load[f] as number) < (cap[f] as number)) {
          holder[g] = f
          load[f] = (load[f] as number) + 1
          byFacilitator[f]?.push(g)
          return true
        }
        const held = byFacilitator[f] as Array<number>
        for (let k = 0; k < held.length; k++) {
          const other = held[k] as number
          if (tryGroup(other, seen)) {
            // `other` moved to another facilitator; g takes its place with f
            held.splice(held.indexOf(other), 1)
            load[f] = (load[f] as number) - 1
            holder[g] = f
            load[f] = (load[f] as number) + 1
            held.push(g)
            return true
          }
        }
      }
      return false
    }
    const uncovered: Array<number> = []
    const seen = new Array<boolean>(F)
    // every facilitator before `open` is full (loads only grow within a level), so the search for
    // one with room starts there: O(groups + facilitators) instead of their product when most are allowed
    let open = 0
    for (let g = 0; g < groups; g++) {
      // a facilitator with room first; an augmenting path only when everyone allowed is full
      while (open < F && (load[open] as number) >= (cap[open] as number)) open++
      let direct = -1
      for (let f = open; f < F && direct < 0; f++)
        if ((load[f] as number) < (cap[f] as number) && allowed(f, g)) direct = f
      if (direct >= 0) {
        holder[g] = direct
        load[direct] = (load[direct] as number) + 1
        byFacilitator[direct]?.push(g)
        continue
      }
      seen.fill(false)
      if (!tryGroup(g, seen)) uncovered.push(g)
    }
    if (uncovered.length === 0) return { _tag: "Assigned", facilitatorOf: holder }
    last = uncovered
  }
  return { _tag: "Uncovered", groups: last }
}
