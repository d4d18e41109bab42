import { Agenda } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

const themes = [
  { id: "t-woo", durationMinutes: 60 },
  { id: "t-ego", durationMinutes: 45 },
  { id: "t-ai", durationMinutes: 90 }
]
const themeIds = themes.map((t) => t.id)

const problems = (input: Agenda.Input.AgendaInput) => {
  const result = Agenda.Validation.validate(input)
  if (Either.isRight(result)) throw new Error("expected the input to be rejected")
  return result.left.problems
}

describe("Validation of ballots against the round", () => {
  it("lists every problem of every ballot at once, each with its path", () => {
    const found = problems({
      round: { id: "v-1", themeIds, format: { _tag: "dots", dotsPerMember: 5 } },
      themes,
      ballots: [
        {
          memberId: "m-1",
          content: {
            _tag: "dots",
            dots: [
              { themeId: "t-woo", dots: 4 },
              { themeId: "t-ego", dots: 3 }
            ]
          }
        },
        { memberId: "m-2", content: { _tag: "dots", dots: [{ themeId: "t-sabotage", dots: 1 }] } },
        { memberId: "m-3", content: { _tag: "approval", themeIds: ["t-woo"] } },
        { memberId: "m-4", content: { _tag: "dots", dots: [{ themeId: "t-ai", dots: 0 }] }, votingRoundId: "v-0" }
      ],
      budget: { _tag: "minutes", minutes: 180 },
      method: { _tag: "dots" }
    })
    expect(found).toStrictEqual([
      { path: "ballots[0].content.dots", message: "7 dots, at most 5 allowed" },
      { path: "ballots[1].content.dots[0].themeId", message: "theme t-sabotage is not on this round" },
      { path: "ballots[2].content", message: "expected a dots ballot as the round asks, got an approval ballot" },
      { path: "ballots[3].votingRoundId", message: "the ballot is for round v-0, not v-1" },
      { path: "ballots[3].content.dots[0].dots", message: "expected 1 dot or more, got 0" }
    ])
  })

  it("reports scores out of range, too many approvals and inconsistent rankings", () => {
    const base = { themes, budget: { _tag: "minutes", minutes: 180 } as const }
    expect(
      problems({
        ...base,
        round: { themeIds, format: { _tag: "scores", minScore: 0, maxScore: 5 } },
        ballots: [
          {
            memberId: "m-1",
            content: {
              _tag: "scores",
              scores: [
                { themeId: "t-woo", score: 6 },
                { themeId: "t-ai", score: 2.5 }
              ]
            }
          }
        ],
        method: { _tag: "score" }
      })
    ).toStrictEqual([
      { path: "ballots[0].content.scores[0].score", message: "expected a whole score from 0 to 5, got 6" },
      { path: "ballots[0].content.scores[1].score", message: "expected a whole score from 0 to 5, got 2.5" }
    ])
    expect(
      problems({
        ...base,
        round: { themeIds, format: { _tag: "approval", maxApprovals: 1 } },
        ballots: [{ memberId: "m-1", content: { _tag: "approval", themeIds: ["t-woo", "t-ego", "t-woo"] } }],
        method: { _tag: "greedy" }
      })
    ).toStrictEqual([
      { path: "ballots[0].content.themeIds[2]", message: "theme t-woo appears twice on the ballot" },
      { path: "ballots[0].content.themeIds", message: "3 themes ticked, at most 1 allowed" }
    ])
    expect(
      problems({
        ...base,
        round: { themeIds, format: { _tag: "ranking" } },
        ballots: [{ memberId: "m-1", content: { _tag: "ranking", ranking: ["t-ai", "t-woo", "t-ai"] } }],
        method: { _tag: "schulze" }
      })
    ).toStrictEqual([
      {
        path: "ballots[0].content.ranking[2]",
        message: "the ranking is inconsistent: theme t-ai is ranked at places 1 and 3"
      }
    ])
  })

  it("rejects a budget smaller than every theme, a method that does not fit the ballots, and rules that clash", () => {
    expect(
      problems({
        round: { themeIds: [...themeIds, "t-ghost"], format: { _tag: "approval" } },
        themes,
        ballots: [],
        budget: { _tag: "minutes", minutes: 30 },
        method: { _tag: "schulze" },
        rules: { pinned: ["t-nope"], minThemes: 3, maxThemes: 2, ageing: { percentPerMeeting: -5 } }
      })
    ).toStrictEqual([
      { path: "round.themeIds[3]", message: "theme t-ghost is on the round but not among the themes given" },
      {
        path: "budget.minutes",
        message: "the meeting has 30 minutes, less than every theme needs (the shortest takes 45)"
      },
      { path: "method", message: "the schulze method needs ranking ballots, the round collects approval ballots" },
      { path: "rules.pinned[0]", message: "pinned theme t-nope is not on the round" },
      { path: "rules.minThemes", message: "the minimum (3) is above the maximum (2)" },
      { path: "rules.ageing.percentPerMeeting", message: "expected a percentage of 0 or more, got -5" },
      {
        path: "rules.ageing",
        message: "ageing weighs support, and the Schulze method has no weights; use Borda or another method with ageing"
      }
    ])
  })

  it("keeps the latest ballot of a member and reports the one it replaced", () => {
    const result = Agenda.Validation.validate({
      round: { themeIds, format: { _tag: "approval" } },
      themes,
      ballots: [
        { memberId: "m-1", content: { _tag: "approval", themeIds: ["t-woo"] }, castAtMillis: 2000 },
        { memberId: "m-2", content: { _tag: "approval", themeIds: ["t-ai"] } },
        { memberId: "m-1", content: { _tag: "approval", themeIds: ["t-ego"] }, castAtMillis: 1000 },
        { memberId: "m-2", content: { _tag: "approval", themeIds: ["t-ego"] } }
      ],
      budget: { _tag: "minutes", minutes: 120 },
      method: { _tag: "greedy" }
    })
    const ok = Either.getOrThrow(result)
    expect(ok.ballots.map((b) => [b.memberId, b.content])).toStrictEqual([
      ["m-1", { _tag: "approval", themeIds: ["t-woo"] }],
      ["m-2", { _tag: "approval", themeIds: ["t-ego"] }]
    ])
    expect(ok.replaced).toStrictEqual([
      { memberId: "m-1", index: 2, replacedBy: 0 },
      { memberId: "m-2", index: 1, replacedBy: 3 }
    ])
  })
})

describe("validateBallots: a ballot against its round alone", () => {
  const round = { id: "v-1", themeIds, format: { _tag: "approval", maxApprovals: 2 } } as const
  const ballots: ReadonlyArray<Agenda.Input.BallotInput> = [
    { memberId: "m-1", content: { _tag: "approval", themeIds: ["t-woo", "t-ego", "t-ai"] } },
    { memberId: "m-2", content: { _tag: "approval", themeIds: ["t-sabotage", "t-woo", "t-woo"] } },
    { memberId: "m-3", content: { _tag: "dots", dots: [{ themeId: "t-woo", dots: 1 }] } },
    { memberId: "m-4", content: { _tag: "approval", themeIds: ["t-ai"] }, votingRoundId: "v-0" }
  ]

  it("finds exactly the ballot problems that the full validation finds, with the same paths", () => {
    const alone = Agenda.Validation.validateBallots(round, ballots)
    if (Either.isRight(alone)) throw new Error("expected the ballots to be rejected")
    const full = problems({ round, themes, ballots, budget: { _tag: "slots", slots: 1 }, method: { _tag: "greedy" } })
    expect(alone.left.problems).toEqual(full)
    expect(alone.left.problems.map((p) => p.path)).toEqual([
      "ballots[0].content.themeIds",
      "ballots[1].content.themeIds[0]",
      "ballots[1].content.themeIds[2]",
      "ballots[1].content.themeIds",
      "ballots[2].content",
      "ballots[3].votingRoundId"
    ])
    expect(alone.left.subject).toBe("agenda input of voting round v-1")
  })

  it("accepts ballots that fit the round, without the themes' records", () => {
    const fine = [{ memberId: "m-1", content: { _tag: "approval", themeIds: ["t-woo", "t-ai"] } }] as const
    expect(Agenda.Validation.validateBallots(round, fine)).toEqual(Either.right(fine))
  })
})
