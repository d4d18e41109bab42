// Every reason an engine gives reads in Dutch for a Dutch user and in English for an English one.
import { Domain, Texts } from "@grenzeloos/core"
import { describe, expect, it } from "vitest"

type Reason = Texts.Reason
type Samples = { readonly [K in Reason["_tag"]]: ReadonlyArray<Extract<Reason, { readonly _tag: K }>> }

const standing = {
  slotId: "s1",
  yes: ["m-001", "m-002"],
  ifNeedBe: ["m-003"],
  no: ["m-004"],
  noAnswer: ["m-005"],
  turnedAway: 1,
  requiredMissing: ["m-006"]
}
const fairness = {
  members: [],
  minimumShare: 0.5,
  meanShare: 0.75,
  spread: 0.1,
  lowest: ["m-004", "m-005"].map((id) => Domain.MemberId.make(id)),
  maxWeight: 3,
  unknown: 1
}
const window = {
  groupId: "g-1",
  sessionNumber: 2,
  windowFrom: Domain.CalendarDate.make("2027-02-01"),
  windowTo: Domain.CalendarDate.make("2027-02-12")
}
const anna = { role: "member", id: "m-001" } as const
const frits = { role: "facilitator", id: "f-1" } as const

// A table over every tag: a reason without a sample does not compile.
const samples: Samples = {
  SlotChosen: [
    ...(["OnlySlot", "OthersMissRequired", "EarliestOnTie"] as const).map((tag) => ({
      _tag: "SlotChosen" as const,
      chosen: standing,
      runnerUp: standing,
      why: { _tag: tag },
      fairness,
      withHistory: true
    })),
    ...(["MoreCanCome", "MoreYes"] as const).map((tag) => ({
      _tag: "SlotChosen" as const,
      chosen: standing,
      runnerUp: undefined,
      why: { _tag: tag, chosen: 7, runnerUp: 5 },
      fairness,
      withHistory: false
    }))
  ],
  NoSlotForRequired: [{ _tag: "NoSlotForRequired", slots: [standing] }],
  SlotCounts: [{ _tag: "SlotCounts", slots: [{ slotId: "s1", yes: 2, ifNeedBe: 1, cannot: 2, requiredMissing: 1 }] }],
  PairChosen: [{ _tag: "PairChosen", first: "s1", second: "s2", reached: 9, of: 10, neither: ["m-010"] }],
  TooFewSlotsForPair: [{ _tag: "TooFewSlotsForPair", feasible: 1 }],
  NoDayForSession: [
    { _tag: "NoDayForSession", ...window, wrongWeekday: 8, weekday: "tuesday", unsuitable: 2, blockers: [anna, frits] },
    { _tag: "NoDayForSession", ...window, wrongWeekday: 4, weekday: undefined, unsuitable: 0, blockers: [] }
  ],
  EveryDayDoubleBooks: [
    { _tag: "EveryDayDoubleBooks", ...window, candidates: 3, clashes: [anna], rivals: ["g-2"] },
    { _tag: "EveryDayDoubleBooks", ...window, candidates: 3, clashes: [], rivals: [] }
  ],
  SearchLimitReached: [
    { _tag: "SearchLimitReached", ...window, maxSteps: 1000, clashes: [frits], rivals: ["g-3"] },
    { _tag: "SearchLimitReached", ...window, maxSteps: 1000, clashes: [], rivals: [] }
  ],
  TooFewCandidates: [
    { _tag: "TooFewCandidates", found: 2, wanted: 3, eligibleDays: 2, startTimes: 1, quarter: "2027-Q3" }
  ],
  UnknownMember: [{ _tag: "UnknownMember", path: "ballots[0].memberId", memberId: "m-404" }],
  MemberNotActive: (["invited", "intake-planned", "paused", "left"] as const).map((status) => ({
    _tag: "MemberNotActive" as const,
    path: "ballots[1].memberId",
    name: "Anna",
    status
  })),
  MemberTwice: [{ _tag: "MemberTwice", path: "ballots[2].memberId", name: "Anna" }],
  NotASlot: [{ _tag: "NotASlot", path: "responses[0].answers[0].slotId", slotId: "s9" }],
  UnknownTheme: [{ _tag: "UnknownTheme", path: "themes[0]", themeId: "t-404" }],
  ThemeNotOpen: (["backlog", "scheduled", "discussed", "archived"] as const).map((status) => ({
    _tag: "ThemeNotOpen" as const,
    path: "themes[1]",
    title: "Omgaan met sabotage",
    status
  })),
  ThemeTwice: [{ _tag: "ThemeTwice", path: "themes[2]", title: "Omgaan met sabotage" }],
  NoFittingSlot: [{ _tag: "NoFittingSlot", memberId: "m-001" }],
  FittingSlotsTaken: [
    {
      _tag: "FittingSlotsTaken",
      memberId: "m-001",
      fitting: 3,
      takenByOthers: 2,
      fullDays: [{ facilitatorId: "f-1", date: "2027-01-11", max: 2 }]
    }
  ]
}
const all: ReadonlyArray<Reason> = Object.values(samples).flat()

// Words that only English sentences of these renderers use.
const ENGLISH =
  /\b(the|twice|theme|slots?|members?|cannot|session|group|yes|if need be|facilitator|weighted|gatherings?)\b/i
const DUTCH =
  /\b(de|twee|geen|thema|staat|gearchiveerd|ingepland|besproken|het|leden|lid|kunnen|groep|bijeenkomst(en)?|begeleider|gewogen|moment(en)?|datum(s)?)\b/i

describe("Texts", () => {
  it("says every reason in Dutch without English words", () => {
    // The words would be found: the English sentence of each reason has them.
    for (const reason of all) expect(Texts.en.reason(reason), reason._tag).toMatch(ENGLISH)
    for (const reason of all) {
      const text = Texts.nl.reason(reason)
      expect(text.length, reason._tag).toBeGreaterThan(10)
      expect(text, reason._tag).not.toMatch(ENGLISH)
    }
  })

  it("says every reason in English without Dutch words", () => {
    for (const reason of all) expect(Texts.nl.reason(reason), reason._tag).toMatch(DUTCH)
    for (const reason of all) expect(Texts.en.reason(reason), reason._tag).not.toMatch(DUTCH)
  })

  it("names people by role in the language of the reader", () => {
    const [withPeople] = samples.NoDayForSession
    if (withPeople === undefined) throw new Error("no sample")
    expect(Texts.nl.reason(withPeople)).toContain("lid m-001, begeleider f-1")
    expect(Texts.nl.reason(withPeople)).toContain("dinsdag")
    expect(Texts.en.reason(withPeople)).toContain("member m-001, facilitator f-1")
  })

  it("picks the renderer by language, Dutch by default", () => {
    expect(Texts.of("nl")).toBe(Texts.nl)
    expect(Texts.of("en")).toBe(Texts.en)
  })
})
