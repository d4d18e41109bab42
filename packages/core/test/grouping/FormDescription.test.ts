import { Grouping } from "@grenzeloos/core"
import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"

// The description of a result (criteria per group, unmet soft rules, one explanation per member and
// the unmet interests) is computed in one pass over typed arrays (decision 0146). These tests
// recount it from the groups, pair by pair, with sets and lists, the way it was first written.

const ORGS = ["BZK", "LVVN", "JenV", "VWS"]
const PROGRAMMES = ["Binnenhof", "Stikstof", "Woo"]
const THEMES = ["sabotage", "ego's", "de Woo", "waarde", "stikstof"]

type Request = Grouping.Input.Request
type Result = Grouping.Form.Grouping

const decode = (input: unknown): Request => {
  const result = Grouping.Input.decode(input)
  if (Either.isLeft(result)) throw new Error(result.left.message)
  return result.right
}

/** The description recounted from the groups: pairs in group order, sets and lists. */
const recount = (request: Request, result: Result, language: "nl" | "en") => {
  const policy = { ...Grouping.Input.defaultPolicy, ...request.policy }
  const members = request.members
  const history = request.history ?? []
  const names = new Map(members.map((m) => [m.id as string, m.name ?? m.id]))
  const name = (id: string) => names.get(id) ?? id
  const roundsShared = (a: string, b: string): Array<number> =>
    history.flatMap((round, at) => (round.some((g) => g.includes(a as never) && g.includes(b as never)) ? [at] : []))
  const agoOf = (a: string, b: string) => {
    const shared = roundsShared(a, b)
    return shared.length === 0 ? 0 : history.length - Math.max(...shared)
  }
  const decay = (ago: number) =>
    policy.history.mode === "soft" ? policy.history.weight * policy.history.decay ** (ago - 1) : 0
  const byId = new Map(members.map((m) => [m.id as string, m]))
  const unmet: Array<Grouping.Form.Unmet> = []
  const groups = result.groups.map((group, g) => {
    let organisation = 0
    let programme = 0
    let interests = 0
    let past = 0
    const ids = group.memberIds
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++) {
        const mi = byId.get(ids[a] as string)
        const mj = byId.get(ids[b] as string)
        if (mi === undefined || mj === undefined) throw new Error("unknown member")
        const pair = [mi.id as string, mj.id as string] as const
        if (mi.organisation === mj.organisation && policy.organisation.mode === "soft") {
          organisation -= policy.organisation.weight
          const text = Grouping.Texts.unmet(language, {
            _tag: "SameOrganisation",
            value: mi.organisation,
            names: pair.map(name)
          })
          unmet.push({ _tag: "SameOrganisation", group: g, memberIds: pair, value: mi.organisation, text })
        }
        if (mi.programme === mj.programme && policy.programme.mode === "soft") {
          programme -= policy.programme.weight
          const text = Grouping.Texts.unmet(language, {
            _tag: "SameProgramme",
            value: mi.programme,
            names: pair.map(name)
          })
          unmet.push({ _tag: "SameProgramme", group: g, memberIds: pair, value: mi.programme, text })
        }
        const shared = [...new Set(mi.interests)].filter((t) => mj.interests.includes(t)).length
        interests += policy.interests.weight * shared
        const ago = agoOf(mi.id, mj.id)
        if (ago > 0 && policy.history.mode === "soft") {
          for (const at of roundsShared(mi.id, mj.id)) past -= decay(history.length - at)
          const text = Grouping.Texts.unmet(language, { _tag: "MetBefore", roundsAgo: ago, names: pair.map(name) })
          unmet.push({ _tag: "MetBefore", group: g, memberIds: pair, roundsAgo: ago, text })
        }
      }
    return { organisation, programme, interests, history: past }
  })
  const explanations = members.map((m) => {
    const g = result.groups.findIndex((group) => group.memberIds.includes(m.id))
    const others = (result.groups[g]?.memberIds ?? []).filter((id) => id !== m.id).map((id) => byId.get(id))
    let bestInterest: string | undefined
    let bestCount = 0
    for (const t of m.interests) {
      const c = others.filter((o) => o?.interests.includes(t)).length
      if (c > bestCount) {
        bestCount = c
        bestInterest = t
      }
    }
    const orgs = new Set([m.organisation, ...others.map((o) => o?.organisation)]).size
    const before = others.filter((o) => o !== undefined && agoOf(m.id, o.id) > 0).map((o) => name(o?.id ?? ""))
    return {
      memberId: m.id,
      group: g,
      text: Grouping.Texts.sentence([
        Grouping.Texts.sharedInterest(language, bestCount, bestInterest),
        Grouping.Texts.organisations(language, orgs),
        Grouping.Texts.metBefore(language, before)
      ])
    }
  })
  const notShared = members
    .filter((m) => {
      const group = result.groups.find((gr) => gr.memberIds.includes(m.id))
      const others = (group?.memberIds ?? []).filter((id) => id !== m.id)
      return (
        m.interests.length > 0 && !others.some((id) => byId.get(id)?.interests.some((t) => m.interests.includes(t)))
      )
    })
    .map((m) => ({ _tag: "InterestNotShared" as const, memberId: m.id }))
  return { groups, unmet, explanations, notShared }
}

const memberArb = (index: number) =>
  fc
    .record({
      organisation: fc.constantFrom(...ORGS),
      programme: fc.constantFrom(...PROGRAMMES),
      // duplicates allowed: a member may list an interest twice
      interests: fc.array(fc.constantFrom(...THEMES), { maxLength: 4 }),
      named: fc.boolean()
    })
    .map(({ named, ...m }) => ({ id: `m-${index}`, ...(named ? { name: `Lid ${index}` } : {}), ...m }))

// Soft rules only (every request is feasible), weights that are not whole numbers, up to three
// earlier rounds whose groups may name a member twice or someone who is not a member.
const requestArb = fc
  .record({
    n: fc.integer({ min: 2, max: 16 }),
    groups: fc.integer({ min: 1, max: 5 }),
    weights: fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })),
    decay: fc.double({ min: 0.1, max: 1, noNaN: true }),
    rounds: fc.array(fc.array(fc.array(fc.nat(17), { maxLength: 5 }), { maxLength: 4 }), { maxLength: 3 }),
    seed: fc.integer({ min: 1, max: 1000 })
  })
  .chain((r) => fc.tuple(...Array.from({ length: r.n }, (_, i) => memberArb(i))).map((members) => ({ ...r, members })))
  .map((r) => ({
    seed: r.seed,
    request: decode({
      members: r.members,
      size: { groups: Math.min(r.groups, r.n) },
      policy: {
        organisation: { mode: "soft", weight: r.weights[0] },
        programme: { mode: "soft", weight: r.weights[1] },
        interests: { weight: r.weights[0] / 3 },
        history: { mode: "soft", weight: 7.3, decay: r.decay }
      },
      history: r.rounds.map((round) => round.map((group) => group.map((k) => `m-${k}`)))
    })
  }))

describe("Form.form's description of a result", () => {
  it("equals a pair-by-pair recount of the groups (property)", () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom("nl" as const, "en" as const), ({ request, seed }, language) => {
        const result = Either.getOrThrow(Grouping.Form.form(request, { seed, iterations: 20, language }))
        const expected = recount(request, result, language)
        expect(result.groups.map((g) => g.criteria)).toEqual(expected.groups)
        expect(result.groups.map((g) => g.score)).toEqual(
          expected.groups.map((c) => c.organisation + c.programme + c.interests + c.history)
        )
        expect(result.unmet).toEqual(expected.unmet)
        expect(result.explanations).toEqual(expected.explanations)
        expect(result.wishesUnmet).toEqual(expected.notShared)
      }),
      { numRuns: 300, seed: 146 }
    )
  })
})
