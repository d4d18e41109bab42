/**
 * Members' interests as small integer codes, each member's without repeats, in one flat array
 * (member `i`'s codes are `codes[start[i]]` to `codes[start[i + 1] - 1]`, in the order the member
 * lists them). Describing a grouping counts, per group, how many members hold each code, so who
 * shares what is read from counts instead of comparing lists (decision 0146).
 *
 * @internal
 */

/** The interests of every member as codes, and the interest each code stands for. */
export interface Interests {
  readonly start: Int32Array
  readonly codes: Int32Array
  readonly names: ReadonlyArray<string>
}

/** The codes of the members' interests, repeats within a member dropped. */
export const encode = (members: ReadonlyArray<{ readonly interests: ReadonlyArray<string> }>): Interests => {
  const n = members.length
  const codeOf = new Map<string, number>()
  const names: Array<string> = []
  let total = 0
  for (const m of members) total += m.interests.length
  const start = new Int32Array(n + 1)
  const codes = new Int32Array(total)
  // the member that last took a code, to drop a repeat without a set per member
  const seenBy: Array<number> = []
  let at = 0
  for (let i = 0; i < n; i++) {
    start[i] = at
    for (const t of (members[i] as { readonly interests: ReadonlyArray<string> }).interests) {
      let c = codeOf.get(t)
      if (c === undefined) {
        c = names.length
        codeOf.set(t, c)
        names.push(t)
        seenBy.push(-1)
      }
      if (seenBy[c] === i) continue
      seenBy[c] = i
      codes[at++] = c
    }
  }
  start[n] = at
  return { start, codes, names }
}
