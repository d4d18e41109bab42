// What every step of `prioritise` reads: the validated round, the counted ballots, the costs,
// the ageing and the tie-break, derived once from the input.
import type { Language } from "../../domain/Language.js"
import type { Vote } from "../Election.js"
import type { MethodName } from "../Explanation.js"
import type { AgendaInput, ThemeInput } from "../Input.js"
import { compareCodePoints } from "../Profile.js"
import { count, type Support } from "../Scoring.js"
import type * as Texts from "../Texts.js"
import type { Validated } from "../Validation.js"

export interface Context {
  readonly input: AgendaInput
  readonly themes: Validated["themes"]
  readonly ballots: Validated["ballots"]
  readonly votes: ReadonlyArray<Vote>
  readonly language: Language
  readonly unit: Texts.Unit
  readonly method: MethodName
  /** Minutes or slots of the meeting. */
  readonly capacity: number
  readonly minScore: number
  readonly byId: ReadonlyMap<string, ThemeInput>
  readonly counted: Support
  readonly costOf: (id: string) => number
  readonly ageingPercent: (theme: ThemeInput | undefined) => number
  /** 1 plus the ageing bonus of a theme. */
  readonly factor: (id: string) => number
  readonly supporters: (id: string) => number
  /** The counted support, ageing included: the measure of every method but Schulze. */
  readonly countedSupport: (id: string) => number
  /** Ties between themes: more supporters, then the shorter duration, then the id in code-point order. */
  readonly cmp: (a: string, b: string) => number
  readonly minThemes: number
  readonly maxThemes: number | undefined
  readonly isCooling: (theme: ThemeInput) => boolean
}

export const sum = (xs: ReadonlyArray<number>) => xs.reduce((s, x) => s + x, 0)

export const makeContext = (input: AgendaInput, validated: Validated): Context => {
  const { themes, ballots } = validated
  const rules = input.rules ?? {}
  const unit: Texts.Unit = input.budget._tag
  const byId = new Map(themes.map((t) => [t.id, t]))
  const costOf = (id: string) => (unit === "slots" ? 1 : (byId.get(id)?.durationMinutes ?? 0))
  const format = input.round.format
  const minScore = format._tag === "scores" ? format.minScore : 0
  const votes = ballots.map((b) => b.content)
  const counted = count(
    themes.map((t) => t.id),
    votes,
    minScore
  )
  const ageingPercent = (t: ThemeInput | undefined) =>
    rules.ageing === undefined || t === undefined
      ? 0
      : Math.min(rules.ageing.maxPercent ?? 100, rules.ageing.percentPerMeeting * (t.waitingMeetings ?? 0))
  const factor = (id: string) => 1 + ageingPercent(byId.get(id)) / 100
  const supporters = (id: string) => counted.supporters.get(id) ?? 0
  const cooling = rules.coolingOff?.meetings
  return {
    input,
    themes,
    ballots,
    votes,
    language: input.language ?? "nl",
    unit,
    method: input.method._tag,
    capacity: input.budget._tag === "minutes" ? input.budget.minutes : input.budget.slots,
    minScore,
    byId,
    counted,
    costOf,
    ageingPercent,
    factor,
    supporters,
    countedSupport: (id) => (counted.total.get(id) ?? 0) * factor(id),
    cmp: (a, b) => supporters(b) - supporters(a) || costOf(a) - costOf(b) || compareCodePoints(a, b),
    minThemes: rules.minThemes ?? 0,
    maxThemes: rules.maxThemes,
    isCooling: (t) =>
      cooling !== undefined && t.lastDiscussedMeetingsAgo !== undefined && t.lastDiscussedMeetingsAgo <= cooling
  }
}
