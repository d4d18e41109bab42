/**
 * A seeded community-sized vote for the agenda benchmark: 100 members, 40 themes of 30–90
 * minutes, a 240-minute meeting, ballots of every kind (approval, dots, scores, ranking) from the
 * same underlying preferences (some themes are popular, members have a favourite cluster).
 */
import { type Agenda, Rng } from "@grenzeloos/core"

export interface CommunityVote {
  readonly themes: ReadonlyArray<Agenda.Input.ThemeInput>
  /** Per member, the themes in order of preference (most wanted first), 3 to 10 of them. */
  readonly preferences: ReadonlyArray<ReadonlyArray<string>>
}

export const communityVote = (seed: number, members = 100, themeCount = 40): CommunityVote => {
  const rng = Rng.make(seed)
  const themes = Array.from({ length: themeCount }, (_, k) => ({
    id: `t-${String(k).padStart(2, "0")}`,
    durationMinutes: 30 + 15 * rng.int(5),
    waitingMeetings: rng.int(4),
    ...(rng.int(8) === 0 ? { lastDiscussedMeetingsAgo: 1 + rng.int(3) } : {})
  }))
  const clusters = 4
  const preferences = Array.from({ length: members }, () => {
    const cluster = rng.int(clusters)
    const scored = themes.map((t, k) => ({
      id: t.id,
      // Themes of the member's cluster and the low-numbered (popular) themes score higher.
      score: (k % clusters === cluster ? 2 : 0) + 3 / (1 + k / 8) + 2 * rng.next()
    }))
    scored.sort((a, b) => b.score - a.score)
    return scored.slice(0, 3 + rng.int(8)).map((s) => s.id)
  })
  return { themes, preferences }
}

/** The agenda input for a method, with ballots of the kind the method needs. */
export const agendaInput = (
  vote: CommunityVote,
  method: Agenda.Input.Method,
  rules: Agenda.Input.StandingRules = {}
): Agenda.Input.AgendaInput => {
  const themeIds = vote.themes.map((t) => t.id)
  const kind =
    method._tag === "dots"
      ? "dots"
      : method._tag === "score"
        ? "scores"
        : method._tag === "borda" || method._tag === "schulze"
          ? "ranking"
          : "approval"
  const format: Agenda.Input.VotingRoundInput["format"] =
    kind === "dots"
      ? { _tag: "dots", dotsPerMember: 10 }
      : kind === "scores"
        ? { _tag: "scores", minScore: 0, maxScore: 5 }
        : kind === "ranking"
          ? { _tag: "ranking" }
          : { _tag: "approval" }
  const ballots = vote.preferences.map((prefs, m): Agenda.Input.BallotInput => {
    const memberId = `m-${String(m).padStart(3, "0")}`
    switch (kind) {
      case "dots": {
        const top = prefs.slice(0, 5)
        return {
          memberId,
          content: { _tag: "dots", dots: top.map((themeId, k) => ({ themeId, dots: k < 0 ? 0 : 2 })) }
        }
      }
      case "scores":
        return {
          memberId,
          content: { _tag: "scores", scores: prefs.map((themeId, k) => ({ themeId, score: Math.max(1, 5 - k) })) }
        }
      case "ranking":
        return { memberId, content: { _tag: "ranking", ranking: prefs } }
      default:
        return { memberId, content: { _tag: "approval", themeIds: prefs } }
    }
  })
  return {
    round: { themeIds, format },
    themes: vote.themes,
    ballots,
    budget: { _tag: "minutes", minutes: 240 },
    method,
    rules
  }
}
