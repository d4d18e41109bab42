import { createHash } from "node:crypto"
import { Domain } from "@grenzeloos/core"
import { Synthetic } from "@grenzeloos/testkit"
import { Redacted } from "effect"
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
