import { Services } from "@grenzeloos/core"
import { describe, expect, it } from "vitest"

describe("Ids.randomSuffix", () => {
  it("gives 16 characters of Crockford's base-32, different every time, also across refills of its byte pool", () => {
    // 1,000 suffixes draw the 4 KiB pool empty almost four times over.
    const suffixes = Array.from({ length: 1000 }, () => Services.Ids.randomSuffix())
    for (const suffix of suffixes) expect(suffix).toMatch(/^[0-9abcdefghjkmnpqrstvwxyz]{16}$/)
    expect(new Set(suffixes).size).toBe(suffixes.length)
    // Every character of the alphabet turns up: the bytes are not stuck at zero after a refill.
    expect(new Set(suffixes.join("")).size).toBe(32)
  })
})
