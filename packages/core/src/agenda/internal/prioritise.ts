// The body of `Prioritise.prioritise`: validate, pin, order by the method, fill, then report every
// theme with its reason, the fairness per member and, for the carried methods, the new records.
import { Either } from "effect"
import type { AgendaInputError } from "../../domain/DecodeError.js"
import * as Carried from "../Carried.js"
import { measure } from "../Fairness.js"
import type { AgendaInfeasible } from "../Infeasible.js"
import type { AgendaInput } from "../Input.js"
import type { AgendaResult, ThemeOutcome } from "../Prioritise.js"
import * as Texts from "../Texts.js"
import { validate } from "../Validation.js"
import { type Context, makeContext, sum } from "./context.js"
import { type Filled, fill } from "./fill.js"
import { type CarriedVote, type MethodOrder, order } from "./methods.js"
import { pin } from "./pins.js"

export const prioritise = (input: AgendaInput): Either.Either<AgendaResult, AgendaInputError | AgendaInfeasible> =>
  Either.gen(function* () {
    const validated = yield* validate(input)
    const ctx = makeContext(input, validated)
    const pins = yield* pin(ctx)
    const method = yield* order(ctx, pins)
    const filled = fill(ctx, pins, method)
    return report(ctx, validated.replaced, pins.coolingOff, method, filled)
  })

const report = (
  ctx: Context,
  replacedBallots: AgendaResult["replacedBallots"],
  coolingOff: ReadonlyArray<string>,
  method: MethodOrder,
  filled: Filled
): AgendaResult => {
  const { language, unit, capacity, counted, ballots } = ctx
  const { programme, rest, remaining, reasons } = filled
  const support = method.support
  const coolingSorted = [...coolingOff].sort((a, b) => support(b) - support(a) || ctx.cmp(a, b))
  const inProgramme = new Set(programme)
  const outcomeOf = (id: string, place: number): ThemeOutcome => {
    const t = ctx.byId.get(id)
    const reason = reasons.get(id) ?? { _tag: "NoSupport" }
    const percent = ctx.ageingPercent(t)
    const explanation = [
      Texts.reason(language, unit, reason),
      ...(percent > 0 && ctx.method !== "schulze" ? [Texts.ageing(language, t?.waitingMeetings ?? 0, percent)] : [])
    ].join(" ")
    return {
      themeId: id,
      ...(t?.title === undefined ? {} : { title: t.title }),
      inProgramme: inProgramme.has(id),
      place,
      durationMinutes: t?.durationMinutes ?? 0,
      support: support(id),
      supporters: ctx.supporters(id),
      ageingPercent: percent,
      reason,
      explanation
    }
  }
  const backlog = [...programme, ...rest, ...coolingSorted].map((id, k) => outcomeOf(id, k + 1))
  const fairness = measure(
    ballots.map((b, k) => ({ memberId: b.memberId, supported: counted.supported[k] ?? [] })),
    programme
  )
  const used = capacity - remaining
  const carried = method.carriedVote === undefined ? undefined : closeCarried(ctx, method.carriedVote, inProgramme)
  return {
    method: ctx.method,
    unit,
    budget: capacity,
    used,
    language,
    programme: backlog.slice(0, programme.length),
    backlog,
    fairness,
    replacedBallots,
    ...(method.equalShares === undefined ? {} : { equalShares: method.equalShares }),
    ...(carried === undefined ? {} : { carried }),
    summary: Texts.summary(language, unit, {
      method: ctx.method,
      themes: programme.length,
      used,
      budget: capacity,
      members: fairness.voters,
      withAtLeastOne: fairness.withAtLeastOne
    })
  }
}

/** This vote's record per member (the input of the next vote), and how much each vote weighed. */
const closeCarried = (
  ctx: Context,
  cv: CarriedVote,
  inProgramme: ReadonlySet<string>
): NonNullable<AgendaResult["carried"]> => {
  const { input, ballots, counted, costOf, language } = ctx
  const meeting = Carried.nextMeeting(input.carried ?? [])
  const records = Carried.close({
    method: cv.method,
    decay: cv.decay,
    meeting,
    ...(input.round.id === undefined ? {} : { votingRoundId: input.round.id }),
    fairShareMinutes: cv.plain,
    voters: ballots.map((b, k) => ({
      memberId: b.memberId,
      gotMinutes: cv.got[k] ?? 0,
      supportedMinutes: sum((counted.supported[k] ?? []).filter((id) => inProgramme.has(id)).map(costOf))
    })),
    history: cv.history
  })
  return {
    method: cv.method,
    meeting,
    decay: cv.decay,
    records,
    members: ballots.map((b) => {
      const weight = Carried.weight(b.memberId, cv.history.get(b.memberId) ?? [], cv.plain)
      return { memberId: b.memberId, weight, explanation: Texts.carried(language, weight) }
    })
  }
}
