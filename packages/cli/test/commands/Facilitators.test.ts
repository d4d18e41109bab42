// facilitators add | list
import { beforeAll, describe, expect, it } from "vitest"
import { type Community, community } from "./Setup.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community()
})

describe("grenzeloos facilitators", () => {
  it("lists the facilitators by name and role in Dutch, without addresses", async () => {
    // One facilitator is counted in the singular.
    expect((await rijk.at("facilitators", "list")).stdout).toMatch(/^1 begeleider$/m)
    await rijk.json(
      "facilitators",
      "add",
      "--name",
      "Bas Verhoef",
      "--email",
      "bas.verhoef@rws.nl",
      "--max-groups",
      "2"
    )
    const listed = await rijk.at("facilitators", "list")
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(/Anouk Bakker +programmateam/)
    expect(listed.stdout).toMatch(/Bas Verhoef +gastbegeleider +hoogstens 2/)
    expect(listed.stdout).not.toContain("@")
    expect(listed.stdout).toContain("2 begeleiders")
  })
})
