/**
 * Checks the agenda input against the voting round, listing every problem with its path: a vote for
 * a theme not on the round, a ballot of the wrong kind, too many approvals or dots, a score out of
 * range, a theme ranked twice, a budget smaller than every theme, rules that do not fit together.
 * It also keeps only the latest ballot of each member, and says which ballots were replaced.
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import type { Problem } from "../domain/DecodeError.js"
import { AgendaInputError } from "../domain/DecodeError.js"
import { check } from "./Carried.js"
import type { AgendaInput, BallotInput, ThemeInput } from "./Input.js"

/**
 * A ballot that a later ballot of the same member replaced.
 *
 * @since 0.1.0
 */
export interface ReplacedBallot {
  readonly memberId: string
  /** Its position in the input, and the position of the ballot that replaced it. */
  readonly index: number
  readonly replacedBy: number
}

/**
 * Input that passed every check: the round's themes in round order, one ballot per member (in
 * input order of the kept ballots), and the replaced ballots.
 *
 * @since 0.1.0
 */
export interface Validated {
  readonly themes: ReadonlyArray<ThemeInput>
  readonly ballots: ReadonlyArray<BallotInput>
  readonly replaced: ReadonlyArray<ReplacedBallot>
}

const isWhole = (n: number) => Number.isInteger(n)
const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`)

/**
 * Validates the input of {@link Prioritise.prioritise}; returns the usable input or every problem.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const result = Agenda.Validation.validate({
 *   round: { themeIds: ["t-woo"], format: { _tag: "dots", dotsPerMember: 3 } },
 *   themes: [{ id: "t-woo", durationMinutes: 60 }],
 *   ballots: [{ memberId: "m-1", content: { _tag: "dots", dots: [{ themeId: "t-woo", dots: 5 }] } }],
 *   budget: { _tag: "minutes", minutes: 120 },
 *   method: { _tag: "dots" }
 * })
 * if (Either.isLeft(result)) console.log(result.left.problems) // ballots[0].content.dots: 5 dots, at most 3 allowed
 * ```
 * @since 0.1.0
 */
export const validate = (input: AgendaInput): Either.Either<Validated, AgendaInputError> => {
  const problems: Array<Problem> = []
  const { round, budget, method } = input
  const rules = input.rules ?? {}
  const format = round.format

  // The round and its themes.
  const themeById = new Map<string, ThemeInput>()
  input.themes.forEach((t, k) => {
    if (themeById.has(t.id)) problems.push({ path: `themes[${k}].id`, message: `theme ${t.id} is listed twice` })
    themeById.set(t.id, t)
    if (!isWhole(t.durationMinutes) || t.durationMinutes < 1)
      problems.push({
        path: `themes[${k}].durationMinutes`,
        message: `expected a duration of 1 minute or more in whole minutes, got ${t.durationMinutes}`
      })
    if (t.waitingMeetings !== undefined && (!isWhole(t.waitingMeetings) || t.waitingMeetings < 0))
      problems.push({
        path: `themes[${k}].waitingMeetings`,
        message: `expected 0 or more meetings, got ${t.waitingMeetings}`
      })
  })
  const onRound = new Set<string>()
  round.themeIds.forEach((id, k) => {
    if (onRound.has(id)) problems.push({ path: `round.themeIds[${k}]`, message: `theme ${id} is on the round twice` })
    onRound.add(id)
    if (!themeById.has(id))
      problems.push({
        path: `round.themeIds[${k}]`,
        message: `theme ${id} is on the round but not among the themes given`
      })
  })
  if (round.themeIds.length === 0) problems.push({ path: "round.themeIds", message: "the round has no themes" })
  const themes = round.themeIds.flatMap((id) => {
    const t = themeById.get(id)
    return t === undefined ? [] : [t]
  })

  // The budget.
  const amount = budget._tag === "minutes" ? budget.minutes : budget.slots
  if (!isWhole(amount) || amount < 1)
    problems.push({
      path: `budget.${budget._tag}`,
      message: `expected a whole number of ${budget._tag} of 1 or more, got ${amount}`
    })
  else if (budget._tag === "minutes" && themes.length > 0) {
    const shortest = Math.min(...themes.map((t) => t.durationMinutes))
    if (amount < shortest)
      problems.push({
        path: "budget.minutes",
        message: `the meeting has ${amount} minutes, less than every theme needs (the shortest takes ${shortest})`
      })
  }

  // The method against the ballot format.
  const needs: Partial<Record<AgendaInput["method"]["_tag"], typeof format._tag>> = {
    dots: "dots",
    score: "scores",
    borda: "ranking",
    schulze: "ranking"
  }
  const needed = needs[method._tag]
  if (needed !== undefined && needed !== format._tag)
    problems.push({
      path: "method",
      message: `the ${method._tag} method needs ${needed} ballots, the round collects ${format._tag} ballots`
    })

  // The carried methods: their decay and the records of earlier votes.
  if (method._tag === "equal-shares-carried" || method._tag === "perpetual-phragmen") {
    if (method.decay !== undefined && !(method.decay >= 0 && method.decay <= 1))
      problems.push({ path: "method.decay", message: `expected a decay from 0 to 1, got ${method.decay}` })
    problems.push(...check(input.carried ?? []))
  }

  // The standing rules.
  const pinned = rules.pinned ?? []
  pinned.forEach((id, k) => {
    if (!onRound.has(id))
      problems.push({ path: `rules.pinned[${k}]`, message: `pinned theme ${id} is not on the round` })
    if (pinned.indexOf(id) !== k) problems.push({ path: `rules.pinned[${k}]`, message: `theme ${id} is pinned twice` })
  })
  for (const key of ["minThemes", "maxThemes"] as const) {
    const v = rules[key]
    if (v !== undefined && (!isWhole(v) || v < (key === "maxThemes" ? 1 : 0)))
      problems.push({
        path: `rules.${key}`,
        message: `expected a whole number of themes${key === "maxThemes" ? " of 1 or more" : ""}, got ${v}`
      })
  }
  if (rules.minThemes !== undefined && rules.maxThemes !== undefined && rules.minThemes > rules.maxThemes)
    problems.push({
      path: "rules.minThemes",
      message: `the minimum (${rules.minThemes}) is above the maximum (${rules.maxThemes})`
    })
  if (rules.ageing !== undefined) {
    const { percentPerMeeting, maxPercent } = rules.ageing
    if (!Number.isFinite(percentPerMeeting) || percentPerMeeting < 0)
      problems.push({
        path: "rules.ageing.percentPerMeeting",
        message: `expected a percentage of 0 or more, got ${percentPerMeeting}`
      })
    if (maxPercent !== undefined && (!Number.isFinite(maxPercent) || maxPercent < 0))
      problems.push({
        path: "rules.ageing.maxPercent",
        message: `expected a percentage of 0 or more, got ${maxPercent}`
      })
    if (method._tag === "schulze")
      problems.push({
        path: "rules.ageing",
        message: "ageing weighs support, and the Schulze method has no weights; use Borda or another method with ageing"
      })
  }
  if (rules.coolingOff !== undefined && (!isWhole(rules.coolingOff.meetings) || rules.coolingOff.meetings < 0))
    problems.push({
      path: "rules.coolingOff.meetings",
      message: `expected 0 or more meetings, got ${rules.coolingOff.meetings}`
    })

  // The ballots against the round.
  problems.push(...ballotProblems(round, onRound, input.ballots))
  if (problems.length > 0)
    return Either.left(
      new AgendaInputError({
        subject: `agenda input${round.id === undefined ? "" : ` of voting round ${round.id}`}`,
        problems
      })
    )

  // One ballot per member: the latest cast, then the later in the list.
  const keep = new Map<string, number>()
  const replaced: Array<ReplacedBallot> = []
  input.ballots.forEach((ballot, b) => {
    const before = keep.get(ballot.memberId)
    if (before === undefined) {
      keep.set(ballot.memberId, b)
      return
    }
    const earlier = input.ballots[before]
    const newer =
      (ballot.castAtMillis ?? Number.NEGATIVE_INFINITY) >= (earlier?.castAtMillis ?? Number.NEGATIVE_INFINITY)
    if (newer) {
      replaced.push({ memberId: ballot.memberId, index: before, replacedBy: b })
      keep.set(ballot.memberId, b)
    } else replaced.push({ memberId: ballot.memberId, index: b, replacedBy: before })
  })
  const kept = [...keep.values()].sort((a, b) => a - b)
  return Either.right({
    themes,
    ballots: kept.flatMap((b) => {
      const ballot = input.ballots[b]
      return ballot === undefined ? [] : [ballot]
    }),
    replaced
  })
}

/**
 * The problems of ballots against their round: the round, the format, the themes on the round and
 * the format's limits, each with its path (`ballots[i]…`).
 */
const ballotProblems = (
  round: AgendaInput["round"],
  onRound: ReadonlySet<string>,
  ballots: ReadonlyArray<BallotInput>
): Array<Problem> => {
  const problems: Array<Problem> = []
  const format = round.format
  ballots.forEach((ballot, b) => {
    const at = `ballots[${b}]`
    const content = ballot.content
    if (round.id !== undefined && ballot.votingRoundId !== undefined && ballot.votingRoundId !== round.id)
      problems.push({
        path: `${at}.votingRoundId`,
        message: `the ballot is for round ${ballot.votingRoundId}, not ${round.id}`
      })
    if (content._tag !== format._tag) {
      problems.push({
        path: `${at}.content`,
        message: `expected ${article(format._tag)} ballot as the round asks, got ${article(content._tag)} ballot`
      })
      return
    }
    const seen = new Map<string, number>()
    const check = (id: string, k: number, path: string) => {
      if (!onRound.has(id)) problems.push({ path, message: `theme ${id} is not on this round` })
      const first = seen.get(id)
      if (first !== undefined)
        problems.push({
          path,
          message:
            content._tag === "ranking"
              ? `the ranking is inconsistent: theme ${id} is ranked at places ${first + 1} and ${k + 1}`
              : `theme ${id} appears twice on the ballot`
        })
      else seen.set(id, k)
    }
    switch (content._tag) {
      case "approval": {
        content.themeIds.forEach((id, k) => {
          check(id, k, `${at}.content.themeIds[${k}]`)
        })
        const max = format._tag === "approval" ? format.maxApprovals : undefined
        if (max !== undefined && content.themeIds.length > max)
          problems.push({
            path: `${at}.content.themeIds`,
            message: `${content.themeIds.length} themes ticked, at most ${max} allowed`
          })
        break
      }
      case "dots": {
        let total = 0
        content.dots.forEach((d, k) => {
          check(d.themeId, k, `${at}.content.dots[${k}].themeId`)
          if (!isWhole(d.dots) || d.dots < 1)
            problems.push({ path: `${at}.content.dots[${k}].dots`, message: `expected 1 dot or more, got ${d.dots}` })
          else total += d.dots
        })
        const max = format._tag === "dots" ? format.dotsPerMember : 0
        if (total > max) problems.push({ path: `${at}.content.dots`, message: `${total} dots, at most ${max} allowed` })
        break
      }
      case "scores":
        content.scores.forEach((s, k) => {
          check(s.themeId, k, `${at}.content.scores[${k}].themeId`)
          if (format._tag === "scores" && (!isWhole(s.score) || s.score < format.minScore || s.score > format.maxScore))
            problems.push({
              path: `${at}.content.scores[${k}].score`,
              message: `expected a whole score from ${format.minScore} to ${format.maxScore}, got ${s.score}`
            })
        })
        break
      case "ranking":
        content.ranking.forEach((id, k) => {
          check(id, k, `${at}.content.ranking[${k}]`)
        })
        break
    }
  })
  return problems
}

/**
 * Validates ballots against their voting round alone (format, themes on the round, the format's
 * limits), without the themes' records, the budget or a method: what a member's ballot must pass
 * when it is cast. {@link validate} makes the same checks, and more, when the vote is counted.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Agenda } from "@grenzeloos/core"
 *
 * const result = Agenda.Validation.validateBallots(
 *   { themeIds: ["t-woo"], format: { _tag: "approval", maxApprovals: 1 } },
 *   [{ memberId: "m-1", content: { _tag: "approval", themeIds: ["t-woo", "t-ego"] } }]
 * )
 * if (Either.isLeft(result)) console.log(result.left.problems) // theme t-ego is not on this round; 2 themes ticked, at most 1 allowed
 * ```
 * @since 0.2.0
 */
export const validateBallots = (
  round: AgendaInput["round"],
  ballots: ReadonlyArray<BallotInput>
): Either.Either<ReadonlyArray<BallotInput>, AgendaInputError> => {
  const problems = ballotProblems(round, new Set(round.themeIds), ballots)
  return problems.length === 0
    ? Either.right(ballots)
    : Either.left(
        new AgendaInputError({
          subject: `agenda input${round.id === undefined ? "" : ` of voting round ${round.id}`}`,
          problems
        })
      )
}
