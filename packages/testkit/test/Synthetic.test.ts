import { createHash } from "node:crypto"
import { Domain } from "@grenzeloos/core"
import { Synthetic } from "@grenzeloos/testkit"
import { Redacted, Schema } from "effect"
import { describe, expect, it } from "vitest"

const bytes = (seed: number) => JSON.stringify(Synthetic.encode(Synthetic.community({ seed })))

describe("Synthetic.community", () => {
  it("is the same community, byte for byte, for the same seed", () => {
    expect(bytes(11)).toBe(bytes(11))
  })

  it("differs between seeds", () => {
    expect(bytes(11)).not.toBe(bytes(12))
  })

  it("stays the same across releases for the default seed (regenerate only with a changeset)", () => {
    // Tools pin fixtures to generated communities; a change here changes their data.
    const digest = createHash("sha256").update(bytes(2026)).digest("hex")
    expect(digest).toMatchSnapshot()
  })

  const { community, members, facilitators, themes } = Synthetic.community()

  it("has about 100 members spread over ministries and agencies", () => {
    expect(members).toHaveLength(100)
    const organisations = new Set(members.map((m) => m.organisation))
    expect(organisations.size).toBeGreaterThanOrEqual(15)
    expect([...organisations].some((o) => o.startsWith("Ministerie van"))).toBe(true)
    expect(organisations.has("Rijkswaterstaat")).toBe(true)
    const largest = Math.max(...[...organisations].map((o) => members.filter((m) => m.organisation === o).length))
    expect(largest).toBeLessThanOrEqual(15)
  })

  it("has unique ids and e-mail addresses", () => {
    expect(new Set(members.map((m) => m.id)).size).toBe(members.length)
    expect(new Set(members.map((m) => Redacted.value(m.email))).size).toBe(members.length)
  })

  it("gives members the programmes named in the design", () => {
    const programmes = new Set(members.map((m) => m.programme))
    for (const p of [
      "Renovatie Binnenhof",
      "Aanpak stikstof",
      "Opvang ontheemden uit Oekraïne",
      "Covid-19-vaccinatie"
    ]) {
      expect(programmes.has(p), p).toBe(true)
    }
  })

  it("draws interests from the backlog themes", () => {
    const titles = new Set<string>(themes.map((t) => t.title))
    for (const m of members) {
      expect(m.interests.length).toBeGreaterThanOrEqual(2)
      for (const i of m.interests) expect(titles.has(i)).toBe(true)
    }
  })

  it("seeds the backlog with the community's fourteen themes", () => {
    expect(themes.map((t) => t.title)).toContain("Worstelen met de Woo")
    expect(themes.map((t) => t.title)).toContain("Omgaan met sabotage")
    expect(themes).toHaveLength(14)
    expect(themes.every((t) => t.status === "backlog" && t.communityId === community.id)).toBe(true)
  })

  it("has 4–6 facilitators, most of them programme team", () => {
    expect(facilitators.length).toBeGreaterThanOrEqual(4)
    expect(facilitators.length).toBeLessThanOrEqual(6)
    expect(facilitators.filter((f) => f.role === "programme-team").length).toBeGreaterThanOrEqual(3)
  })

  it("gives members availability patterns and mostly active status", () => {
    expect(members.every((m) => (m.availability?.weekdays.length ?? 0) > 0)).toBe(true)
    expect(members.filter((m) => m.status === "active").length).toBeGreaterThan(70)
  })

  it("produces records that the schemas accept as they are", () => {
    const again = Domain.decode(Domain.Member)(Synthetic.encode(Synthetic.community()).members[0])
    expect(again._tag).toBe("Right")
  })
})

describe("Synthetic activity", () => {
  const generated = Synthetic.community()
  const [first, ...rest] = generated.themes.map((t) => t.id)
  const round = Schema.decodeUnknownSync(Domain.VotingRound)({
    id: "v-1",
    communityId: generated.community.id,
    title: "Voorjaar",
    themeIds: [first, ...rest],
    format: { _tag: "dots", dotsPerMember: 5 },
    status: "open",
    opensAt: "2026-02-01T08:00:00.000Z",
    closesAt: "2026-02-14T17:00:00.000Z"
  })

  it("casts ballots of the round's format from active members, the same for the same seed", () => {
    const ballots = Synthetic.ballots(generated, round, { seed: 3 })
    expect(ballots.length).toBeGreaterThan(50)
    const active = new Set(generated.members.filter((m) => m.status === "active").map((m) => m.id))
    for (const b of ballots) {
      expect(active.has(b.memberId)).toBe(true)
      expect(b.content._tag).toBe("dots")
      if (b.content._tag === "dots") expect(b.content.dots.reduce((s, d) => s + d.dots, 0)).toBeLessThanOrEqual(5)
    }
    expect(Synthetic.ballots(generated, round, { seed: 3 })).toStrictEqual(ballots)
  })

  it("answers polls following members' usual availability", () => {
    const poll = Schema.decodeUnknownSync(Domain.AvailabilityPoll)({
      id: "p-1",
      communityId: generated.community.id,
      title: "Datum",
      requiredMemberIds: [],
      status: "open",
      slots: [
        { id: "di", startsAt: "2026-05-12T13:00:00.000+02:00[Europe/Amsterdam]", durationMinutes: 240 },
        { id: "za", startsAt: "2026-05-16T13:00:00.000+02:00[Europe/Amsterdam]", durationMinutes: 240 }
      ]
    })
    const responses = Synthetic.pollResponses(generated, poll, { respondedAt: "2026-03-01T09:00:00.000Z" })
    const yes = (slot: string) =>
      responses.filter((r) => r.answers.some((a) => a.slotId === slot && a.answer === "yes"))
    // Nobody has Saturday among their usual weekdays, so Tuesday gets far more yes answers.
    expect(yes("za")).toHaveLength(0)
    expect(yes("di").length).toBeGreaterThan(20)
  })
})
