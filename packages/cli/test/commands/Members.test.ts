// members import | list
import { beforeAll, describe, expect, it } from "vitest"
import { type Community, community } from "./Setup.js"

let rijk: Community
beforeAll(async () => {
  rijk = await community({ members: 4 })
})

describe("grenzeloos members", () => {
  it("shows a member's status in the language of the output, not the stored value", async () => {
    const dutch = await rijk.at("members", "list")
    expect(dutch.stdout).toMatch(/ actief$/m)
    expect(dutch.stdout).not.toMatch(/ active$/m)
    expect((await rijk.at("members", "list", "--lang", "en")).stdout).toMatch(/ active$/m)
  })
})
