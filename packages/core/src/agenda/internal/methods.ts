// Step 3 of `prioritise`: the method's order of the eligible themes, one entry per method in a
// table keyed by the method's tag (a new method without an entry does not compile). The
// support-ranked methods order by counted support with ageing; Schulze by its ranking and wins;
// Equal Shares and Phragmén choose their own set within the time left after the pins, and the
// rest follows by support.
import { Either } from "effect"
import type { AgendaInputError } from "../../domain/DecodeError.js"
import * as Carried from "../Carried.js"
import type { Vote } from "../Election.js"
import { add1Defaults, select } from "../EqualShares.js"
import type { Reason } from "../Explanation.js"
import type { AgendaInfeasible } from "../Infeasible.js"
import type { Method } from "../Input.js"
import * as Phragmen from "../Phragmen.js"
import type { AgendaResult } from "../Prioritise.js"
import { rank } from "../Schulze.js"
import type { Context } from "./context.js"
import type { Pins } from "./pins.js"

/** What a carried method hands on to the records of the next vote. */
export interface CarriedVote {
  readonly method: Carried.CarriedMethod
  readonly decay: number
  /** The plain share per member: the time left after the pins over the voters. */
  readonly plain: number
  readonly history: ReadonlyMap<string, ReadonlyArray<Carried.MemberRecord>>
  /** What each voter got, in ballot order. */
  readonly got: ReadonlyArray<number>
}

/** The method's verdict on the eligible themes. */
export interface MethodOrder {
  readonly order: ReadonlyArray<string>
  /**
   * How many themes at the head of `order` the method chose itself (Equal Shares, Phragmén);
   * `undefined` when the whole order is a ranking by support.
   */
  readonly prefix: number | undefined
  /** The method's measure per theme, reported as `support`: ageing included, or Schulze wins. */
  readonly support: (id: string) => number
  /** The method's own reasons (chosen, cannot pay, does not fit), used where the fill keeps them. */
  readonly reasons: ReadonlyMap<string, Reason>
  readonly equalShares?: AgendaResult["equalShares"]
  readonly carriedVote?: CarriedVote
}

type Ordering<M extends Method> = (
  ctx: Context,
  pins: Pins,
  method: M
) => Either.Either<MethodOrder, AgendaInputError | AgendaInfeasible>

const bySupport = (ctx: Context, pins: Pins, support: (id: string) => number) =>
  [...pins.eligible].sort((a, b) => support(b) - support(a) || ctx.cmp(a, b))

const ranked: Ordering<Method> = (ctx, pins) =>
  Either.right({
    order: bySupport(ctx, pins, ctx.countedSupport),
    prefix: undefined,
    support: ctx.countedSupport,
    reasons: new Map()
  })

const schulze: Ordering<Method> = (ctx, pins) => {
  const ranking = rank(
    pins.eligible,
    ctx.votes.map((v) => (v._tag === "ranking" ? v.ranking : [])),
    undefined,
    ctx.cmp
  )
  return Either.right({
    order: [...ranking.order],
    prefix: undefined,
    support: (id) => ranking.wins.get(id) ?? 0,
    reasons: new Map()
  })
}

/** The election the proportional methods run: the supported eligible themes within the time left. */
const electionOf = (ctx: Context, pins: Pins, reasons: Map<string, Reason>) => {
  // Themes nobody supports are left out of the election: Equal Shares cannot buy them, and a short
  // one would keep Add1 from ever seeing an exhaustive outcome. They enter only for the minimum.
  const keep = new Set(pins.eligible.filter((id) => ctx.supporters(id) > 0))
  for (const id of pins.eligible) if (!keep.has(id)) reasons.set(id, { _tag: "NoSupport" })
  return {
    budget: ctx.capacity - pins.pinnedCost,
    candidates: [...keep].map((id) => ({ id, cost: ctx.costOf(id) })),
    votes: ctx.votes.map(
      (v): Vote =>
        v._tag === "approval"
          ? { ...v, themeIds: v.themeIds.filter((id) => keep.has(id)) }
          : v._tag === "dots"
            ? { ...v, dots: v.dots.filter((d) => keep.has(d.themeId)) }
            : v._tag === "scores"
              ? { ...v, scores: v.scores.filter((s) => keep.has(s.themeId)) }
              : { ...v, ranking: v.ranking.filter((id) => keep.has(id)) }
    ),
    minScore: ctx.minScore
  }
}

/** The order of a method that chose its own set: the chosen themes first, then the rest by support. */
const chosenFirst = (
  ctx: Context,
  pins: Pins,
  chosen: ReadonlyArray<string>,
  reasons: ReadonlyMap<string, Reason>
): MethodOrder => {
  const chosenSet = new Set(chosen)
  return {
    order: [...chosen, ...bySupport(ctx, pins, ctx.countedSupport).filter((id) => !chosenSet.has(id))],
    prefix: chosen.length,
    support: ctx.countedSupport,
    reasons
  }
}

/** What a carried method hands on, from what each voter got. */
const carriedVoteOf = (
  method: Extract<Method, { readonly _tag: Carried.CarriedMethod }>,
  plain: number,
  history: CarriedVote["history"],
  got: ReadonlyArray<number>
): CarriedVote => ({ method: method._tag, decay: method.decay ?? Carried.defaultDecay, plain, history, got })

const plainShare = (ctx: Context, pins: Pins) =>
  ctx.ballots.length > 0 ? (ctx.capacity - pins.pinnedCost) / ctx.ballots.length : 0

const carriedHistory = (ctx: Context) => {
  const history = Carried.byMember(ctx.input.carried ?? [])
  const balances = Carried.balances(
    ctx.ballots.map((b) => b.memberId),
    history
  )
  return { history, balances }
}

const equalShares: Ordering<Extract<Method, { readonly _tag: "equal-shares" | "equal-shares-carried" }>> = (
  ctx,
  pins,
  method
) => {
  const reasons = new Map<string, Reason>()
  const election = electionOf(ctx, pins, reasons)
  const plain = plainShare(ctx, pins)
  const { history, balances } = carriedHistory(ctx)
  const defaults = add1Defaults.agenda(plain)
  const selected = select(election, {
    ...(method.satisfaction === undefined ? {} : { satisfaction: method.satisfaction }),
    completion: method.completion ?? "add1",
    add1:
      method._tag === "equal-shares"
        ? {
            increment: method.add1?.increment ?? defaults.increment,
            integral: method.add1?.integral ?? defaults.integral,
            stop: method.add1?.stop ?? defaults.stop
          }
        : defaults,
    multipliers: new Map(pins.eligible.map((id) => [id, ctx.factor(id)])),
    ...(method._tag === "equal-shares-carried" ? { carried: balances } : {})
  })
  // The input was validated, so the election always compiles; pass a problem on all the same.
  if (Either.isLeft(selected)) return Either.left(selected.left)
  const outcome = selected.right
  outcome.selected.forEach((s, k) => {
    reasons.set(
      s.id,
      s.by === "equal-shares"
        ? {
            _tag: "EqualShares",
            step: k + 1,
            payers: s.payers ?? 0,
            maxPayment: s.maxPayment ?? 0,
            share: outcome.sharePerVoter,
            tiedWith: s.tiedWith ?? []
          }
        : { _tag: "Completion", support: ctx.countedSupport(s.id) }
    )
  })
  for (const [id, r] of outcome.rejected)
    reasons.set(
      id,
      r._tag === "NoSupport"
        ? { _tag: "NoSupport" }
        : r._tag === "Unaffordable"
          ? { _tag: "SupportersCannotPay", step: r.step + 1, money: r.money, needed: ctx.costOf(id) }
          : { _tag: "DoesNotFit", needed: ctx.costOf(id), remaining: r.remaining }
    )
  return Either.right({
    ...chosenFirst(
      ctx,
      pins,
      outcome.selected.map((s) => s.id),
      reasons
    ),
    equalShares: { sharePerMember: outcome.sharePerVoter, runs: outcome.runs, completion: outcome.completion },
    ...(method._tag === "equal-shares-carried"
      ? { carriedVote: carriedVoteOf(method, plain, history, outcome.paidPerVoter) }
      : {})
  })
}

const phragmen: Ordering<Extract<Method, { readonly _tag: "perpetual-phragmen" }>> = (ctx, pins, method) => {
  const reasons = new Map<string, Reason>()
  const election = electionOf(ctx, pins, reasons)
  const plain = plainShare(ctx, pins)
  const { history, balances } = carriedHistory(ctx)
  const selected = Phragmen.select(election, { loads: balances.map((b) => -b) })
  if (Either.isLeft(selected)) return Either.left(selected.left)
  const outcome = selected.right
  outcome.selected.forEach((s, k) => {
    reasons.set(s.id, {
      _tag: "Phragmen",
      step: k + 1,
      supporters: s.supporters,
      load: s.load,
      tiedWith: s.tiedWith
    })
  })
  for (const [id, left] of outcome.doesNotFit)
    reasons.set(id, { _tag: "DoesNotFit", needed: ctx.costOf(id), remaining: left })
  return Either.right({
    ...chosenFirst(
      ctx,
      pins,
      outcome.selected.map((s) => s.id),
      reasons
    ),
    carriedVote: carriedVoteOf(
      method,
      plain,
      history,
      outcome.loadsAfter.map((after, v) => after - (outcome.loadsBefore[v] ?? 0))
    )
  })
}

/** Every method and how it orders the eligible themes. */
const orderings: { readonly [T in Method["_tag"]]: Ordering<Extract<Method, { readonly _tag: T }>> } = {
  greedy: ranked,
  dots: ranked,
  score: ranked,
  borda: ranked,
  schulze,
  "equal-shares": equalShares,
  "equal-shares-carried": equalShares,
  "perpetual-phragmen": phragmen
}

export const order = (ctx: Context, pins: Pins): Either.Either<MethodOrder, AgendaInputError | AgendaInfeasible> =>
  (orderings[ctx.input.method._tag] as Ordering<Method>)(ctx, pins, ctx.input.method)
