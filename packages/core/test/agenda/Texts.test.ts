// The agenda engine's sentences: one object per language, each rendering every reason.
import { describe, expect, it } from "vitest"
import type { Reason } from "../../src/agenda/Explanation.js"
import * as Texts from "../../src/agenda/Texts.js"

const reasons: ReadonlyArray<Reason> = [
  { _tag: "Pinned", coolingOffOverridden: true },
  { _tag: "Ranked", method: "schulze", place: 2, of: 9, support: 12.5 },
  { _tag: "EqualShares", step: 2, payers: 3, maxPayment: 1.25, share: 3, tiedWith: ["t-2"] },
  { _tag: "Phragmen", step: 3, supporters: 1, load: 2.5, tiedWith: [] },
  { _tag: "Completion", support: 3 },
  { _tag: "AddedForMinimum", minThemes: 3 },
  { _tag: "DoesNotFit", needed: 60, remaining: 45 },
  { _tag: "MaxThemes", maxThemes: 4 },
  { _tag: "ReservedForMinimum", minThemes: 2 },
  { _tag: "CoolingOff", meetingsAgo: 1, meetings: 2 },
  { _tag: "NoSupport" },
  { _tag: "SupportersCannotPay", step: 4, money: 1.5, needed: 30 }
]

describe("Agenda.Texts", () => {
  it("renders every reason in both languages, with each language's numbers", () => {
    for (const reason of reasons) {
      const nl = Texts.of("nl").reason("minutes", reason)
      const en = Texts.of("en").reason("minutes", reason)
      expect(nl).not.toBe(en)
      expect(nl).not.toMatch(/\b(the|minutes|member|members)\b/)
      expect(en).not.toMatch(/\b(de|het|minuten|leden)\b/)
      expect(Texts.reason("nl", "minutes", reason)).toBe(nl)
      expect(Texts.reason("en", "minutes", reason)).toBe(en)
    }
    expect(
      Texts.of("nl").reason("minutes", {
        _tag: "EqualShares",
        step: 1,
        payers: 2,
        maxPayment: 1.25,
        share: 2,
        tiedWith: []
      })
    ).toContain("1,25 minuten")
    expect(Texts.of("en").reason("slots", { _tag: "DoesNotFit", needed: 1, remaining: 1 })).toBe(
      "Does not fit: it needs 1 slot and 1 slot is left."
    )
  })
})
