/**
 * Describes a found grouping: the score of each group per criterion, the soft rules it does not
 * meet and one sentence per member. One pass over the groups with typed arrays (organisations,
 * programmes and interests as codes, per group a count of the members holding each interest), so
 * describing 5,000 members takes a few milliseconds and allocates little more than the strings of
 * the result: a call with a time limit keeps only a small reserve for it (decision 0146; before,
 * sets and filtered lists per member took 25–170 ms at 5,000 members and overran the limit).
 *
 * @internal
 */
import type { Language } from "../../domain/Language.js"
import type { Group, Grouping, Unmet } from "../Form.js"
import { defaultPolicy, type Request } from "../Input.js"
import type { Compiled } from "../Matrix.js"
import * as Texts from "../Texts.js"
import { codes } from "./codes.js"
import * as Interests from "./interests.js"

/** What {@link describe} turns into a grouping: a found assignment and how it was found. */
export interface Found {
  readonly compiled: Compiled
  /** The group of each member, by index. */
  readonly assignment: ArrayLike<number>
  readonly groupCount: number
  /** The facilitator of each group, by index, when the request has facilitators. */
  readonly facilitatorOf: ReadonlyArray<number> | undefined
  readonly language: Language
  readonly iterations: number
  /** The earlier rounds the history penalty counts; the request's own history when left out. */
  readonly history?: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>>
}

/**
 * The earlier rounds a pair shared a group in: per round the group of each member (-1: not in it).
 * A member listed in several groups of one round (the request does not forbid it) keeps them all
 * in `more`, and shares the round with anyone in any of them.
 */
const roundsOf = (
  history: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>>,
  members: Request["members"]
): ((at: number, i: number, j: number) => boolean) => {
  const n = members.length
  const index = new Map<string, number>()
  for (let i = 0; i < n; i++) index.set((members[i] as Request["members"][number]).id, i)
  const groupIn: Array<Int32Array> = []
  const more: Array<Map<number, Array<number>> | undefined> = []
  for (const round of history) {
    const g = new Int32Array(n).fill(-1)
    let extra: Map<number, Array<number>> | undefined
    round.forEach((group, k) => {
      for (const id of group) {
        const i = index.get(id)
        if (i === undefined) continue
        const was = g[i] as number
        if (was < 0) g[i] = k
        else if (was !== k) {
          extra ??= new Map()
          const list = extra.get(i)
          if (list === undefined) extra.set(i, [was, k])
          else list.push(k)
        }
      }
    })
    groupIn.push(g)
    more.push(extra)
  }
  return (at, i, j) => {
    const g = groupIn[at] as Int32Array
    const extra = more[at]
    if (extra !== undefined && (extra.has(i) || extra.has(j))) {
      const of = (x: number) => extra.get(x) ?? [g[x] as number]
      const js = of(j)
      return of(i).some((k) => k >= 0 && js.includes(k))
    }
    return (g[i] as number) >= 0 && g[i] === g[j]
  }
}

/** The groups, criteria, unmet soft rules and explanations of a found assignment. */
export const describe = (request: Request, found: Found): Grouping => {
  const { compiled, assignment, groupCount: G, facilitatorOf, language, iterations } = found
  const history = found.history ?? request.history ?? []
  const { n, agoOf } = compiled
  const members = request.members
  const member = (i: number) => members[i] as Request["members"][number]
  const nameAt = (i: number) => member(i).name ?? member(i).id
  const policy = { ...defaultPolicy, ...request.policy }
  const wOrg = policy.organisation.mode === "soft" ? policy.organisation.weight : undefined
  const wProg = policy.programme.mode === "soft" ? policy.programme.weight : undefined
  const wInt = policy.interests.weight
  const historySoft = policy.history.mode === "soft"
  const decay = (ago: number) =>
    policy.history.mode === "soft" ? policy.history.weight * policy.history.decay ** (ago - 1) : 0
  let shares: ((at: number, i: number, j: number) => boolean) | undefined
  // the history penalty of a pair: per earlier round in which they shared a group, its decayed weight
  const pastOf = (i: number, j: number): number => {
    shares ??= roundsOf(history, members)
    let total = 0
    for (let at = 0; at < history.length; at++) if (shares(at, i, j)) total += decay(history.length - at)
    return total
  }

  // the members of each group in index order: group g holds order[first[g]] to order[first[g + 1] - 1]
  const first = new Int32Array(G + 1)
  for (let i = 0; i < n; i++) {
    const g = assignment[i] as number
    if (g >= 0 && g < G) first[g + 1] = (first[g + 1] as number) + 1
  }
  for (let g = 0; g < G; g++) first[g + 1] = (first[g + 1] as number) + (first[g] as number)
  const order = new Int32Array(first[G] as number)
  const next = first.slice(0, G)
  let largest = 0
  for (let g = 0; g < G; g++) largest = Math.max(largest, (first[g + 1] as number) - (first[g] as number))
  for (let i = 0; i < n; i++) {
    const g = assignment[i] as number
    if (g >= 0 && g < G) {
      order[next[g] as number] = i
      next[g] = (next[g] as number) + 1
    }
  }

  const org = codes(members.map((m) => m.organisation))
  const prog = codes(members.map((m) => m.programme))
  const { start, codes: interest, names: interestNames } = Interests.encode(members)
  // per interest: how many members of the group hold it, and the member whose interests are marked
  const held = new Int32Array(interestNames.length)
  const marked = new Int32Array(interestNames.length).fill(-1)
  const orgSeen = new Int32Array(org.count).fill(-1)
  // met[a · size + b]: the a-th and b-th members of the group met in an earlier round
  const met = new Uint8Array(largest * largest)
  const texts = new Array<string | undefined>(n)
  const unmet: Array<Unmet> = []
  // a soft rule two members of a group do not meet by sharing an organisation or a programme
  const sameValue = (_tag: "SameOrganisation" | "SameProgramme", value: string, g: number, i: number, j: number) => {
    const names = [nameAt(i), nameAt(j)] as const
    const text = Texts.unmet(language, { _tag, value, names })
    unmet.push({ _tag, group: g, memberIds: [member(i).id, member(j).id], value, text })
  }
  const groups = new Array<Group>(G)
  for (let g = 0; g < G; g++) {
    const s = first[g] as number
    const e = first[g + 1] as number
    const size = e - s
    let organisation = 0
    let programme = 0
    let interests = 0
    let past = 0
    let orgs = 0
    for (let a = s; a < e; a++) {
      const i = order[a] as number
      const oi = org.of[i] as number
      if (orgSeen[oi] !== g) {
        orgSeen[oi] = g
        orgs++
      }
      for (let x = start[i] as number; x < (start[i + 1] as number); x++) {
        const c = interest[x] as number
        held[c] = (held[c] as number) + 1
        marked[c] = i
      }
      for (let b = a + 1; b < e; b++) {
        const j = order[b] as number
        if (wOrg !== undefined && org.of[i] === org.of[j]) {
          organisation -= wOrg
          sameValue("SameOrganisation", member(i).organisation, g, i, j)
        }
        if (wProg !== undefined && prog.of[i] === prog.of[j]) {
          programme -= wProg
          sameValue("SameProgramme", member(i).programme, g, i, j)
        }
        let shared = 0
        for (let y = start[j] as number; y < (start[j + 1] as number); y++)
          if (marked[interest[y] as number] === i) shared++
        interests += wInt * shared
        const ago = agoOf(i, j)
        const cell = (a - s) * size + (b - s)
        const mirror = (b - s) * size + (a - s)
        met[cell] = ago > 0 ? 1 : 0
        met[mirror] = met[cell] as number
        if (ago > 0 && historySoft) {
          past -= pastOf(i, j)
          const memberIds = [member(i).id, member(j).id] as const
          const text = Texts.unmet(language, { _tag: "MetBefore", roundsAgo: ago, names: [nameAt(i), nameAt(j)] })
          unmet.push({ _tag: "MetBefore", group: g, memberIds, roundsAgo: ago, text })
        }
      }
    }
    // every member's sentence: the interest most others in the group share, the organisations, who again
    for (let a = s; a < e; a++) {
      const i = order[a] as number
      let bestCount = 0
      let best = -1
      for (let x = start[i] as number; x < (start[i + 1] as number); x++) {
        const others = (held[interest[x] as number] as number) - 1
        if (others > bestCount) {
          bestCount = others
          best = interest[x] as number
        }
      }
      const before: Array<string> = []
      for (let b = s; b < e; b++)
        if (b !== a && met[(a - s) * size + (b - s)] === 1) before.push(nameAt(order[b] as number))
      texts[i] = Texts.sentence([
        Texts.sharedInterest(language, bestCount, best < 0 ? undefined : interestNames[best]),
        Texts.organisations(language, orgs),
        Texts.metBefore(language, before)
      ])
    }
    for (let a = s; a < e; a++) {
      const i = order[a] as number
      for (let x = start[i] as number; x < (start[i + 1] as number); x++) held[interest[x] as number] = 0
    }
    const f = facilitatorOf?.[g]
    const memberIds = new Array<string>(size)
    for (let a = s; a < e; a++) memberIds[a - s] = member(order[a] as number).id
    groups[g] = {
      index: g,
      memberIds,
      facilitatorId: f === undefined ? undefined : request.facilitators?.[f]?.id,
      score: organisation + programme + interests + past,
      criteria: { organisation, programme, interests, history: past }
    }
  }
  // a member outside every group (an assignment out of range) is described as alone
  const alone = Texts.sentence([
    Texts.sharedInterest(language, 0, undefined),
    Texts.organisations(language, 1),
    Texts.metBefore(language, [])
  ])
  const explanations = new Array<{ readonly memberId: string; readonly group: number; readonly text: string }>(n)
  for (let i = 0; i < n; i++)
    explanations[i] = { memberId: member(i).id, group: assignment[i] as number, text: texts[i] ?? alone }
  const sum = (key: keyof Group["criteria"]) => groups.reduce((total, g) => total + g.criteria[key], 0)
  return {
    groups,
    objective: groups.reduce((total, g) => total + g.score, 0),
    criteria: {
      organisation: sum("organisation"),
      programme: sum("programme"),
      interests: sum("interests"),
      history: sum("history")
    },
    unmet,
    explanations,
    iterations
  }
}
