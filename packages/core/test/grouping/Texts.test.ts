// The grouping engine's sentences: one object per language, each rendering every reason.
import { describe, expect, it } from "vitest"
import * as Texts from "../../src/grouping/Texts.js"

const reasons: ReadonlyArray<Texts.Reason> = [
  { _tag: "Sizes", members: 4, min: 5, max: 7 },
  { _tag: "TooManyGroups", members: 4, groups: 5 },
  { _tag: "TooManyOfOne", rule: "organisation", value: "BZK", count: 5, groups: 4 },
  { _tag: "TogetherTooLarge", count: 9, max: 7 },
  { _tag: "TogetherButApart", names: ["Anna", "Bas"], rule: "must-apart" },
  { _tag: "FixedApart", names: ["Anna", "Bas"] },
  { _tag: "FixedTooMany", group: 0, count: 8, max: 7 },
  { _tag: "FixedGroupMissing", names: ["Anna"], group: 5, groups: 3 },
  { _tag: "FacilitatorCapacity", capacity: 2, groups: 3 },
  { _tag: "FacilitatorConflicts", names: ["Anna", "Bas", "Cor"] },
  { _tag: "NotFound", rule: "history", names: ["Anna", "Bas"] }
]

describe("Grouping.Texts", () => {
  it("renders every reason in both languages, each in its own words", () => {
    for (const reason of reasons) {
      const nl = Texts.of("nl").infeasible(reason)
      const en = Texts.of("en").infeasible(reason)
      expect(nl).not.toBe(en)
      expect(nl).not.toMatch(/\b(the|and|members|groups)\b/)
      expect(en).not.toMatch(/\b(de|en|leden|groepen)\b/)
      // The language-first functions say the same.
      expect(Texts.infeasible("nl", reason)).toBe(nl)
      expect(Texts.infeasible("en", reason)).toBe(en)
    }
  })

  it("joins names the way each language does", () => {
    expect(Texts.of("nl").unmet({ _tag: "SameOrganisation", value: "BZK", names: ["Anna", "Bas", "Cor"] })).toBe(
      "Anna, Bas en Cor werken allebei bij BZK"
    )
    expect(Texts.of("en").metBefore(["Anna", "Bas"])).toBe("again with Anna and Bas, whom you were grouped with before")
    expect(Texts.colleagues("nl", ["Sanne Bakker"], [])).toBe("Sanne Bakker, om wie je vroeg, zit in je groep")
    expect(Texts.lostOut("en", [{ _tag: "InterestNotShared" }])).toBe(
      "last time no one in your group shared one of your interests, so your wishes went first this time"
    )
  })
})
