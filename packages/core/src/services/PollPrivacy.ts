/**
 * A poll's standing as a reader may see it: the counts and scores of every slot for everyone, the
 * names behind them as far as the read policy allows (a member's own answer always; others'
 * answers for the programme team, or for everyone when the community opted into open polls).
 * Private: `Gatherings.pollStanding` builds on it.
 */
import { Effect, Option } from "effect"
import type { MemberId } from "../domain/Ids.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import type * as Poll from "../scheduling/Poll.js"
import type { Actor } from "./Access.js"
import * as ReadPolicy from "./ReadPolicy.js"
import type { Session } from "./Runner.js"

/** How many gave each answer to a slot: what every reader sees. @inline */
export interface SlotCounts {
  readonly yes: number
  readonly ifNeedBe: number
  readonly no: number
  readonly noAnswer: number
  readonly requiredMissing: number
}

/** A slot's standing with the counts, and the member ids the reader may see. @inline */
export type SlotStanding = Poll.SlotScore & { readonly counts: SlotCounts }

/** Whether the actor's community has opted into open polls. */
export const openPolls = (session: Session) =>
  Effect.map(Repository.get(session.store, Kinds.Communities, session.store.communityId), (community) =>
    Option.exists(community, (c) => c.value.pollAnswers === "open")
  )

const countsOf = (s: Poll.SlotScore): SlotCounts => ({
  yes: s.yes.length,
  ifNeedBe: s.ifNeedBe.length,
  no: s.no.length,
  noAnswer: s.noAnswer.length,
  requiredMissing: s.requiredMissing.length
})

/**
 * The standing with every member id the actor may not see removed; when any was removed, the
 * explanation (which names people) is replaced by one in counts.
 */
export const pollStandingFor = (actor: Actor, decision: Poll.Decision, openPoll: boolean) => {
  let hidden = false
  const visible = (ids: ReadonlyArray<MemberId>) =>
    ids.filter((memberId) => {
      const ok = ReadPolicy.mayRead(actor, "poll-answers", { memberId, openPoll })
      if (!ok) hidden = true
      return ok
    })
  const slot = (s: Poll.SlotScore): SlotStanding => ({
    ...s,
    counts: countsOf(s),
    requiredMissing: visible(s.requiredMissing),
    yes: visible(s.yes),
    ifNeedBe: visible(s.ifNeedBe),
    no: visible(s.no),
    noAnswer: visible(s.noAnswer)
  })
  const ranking = decision.ranking.map(slot)
  const explanation = (): Poll.Explanation => {
    if (!hidden) return decision.explanation
    return {
      _tag: "SlotCounts",
      slots: decision.ranking.map((s) => ({
        slotId: s.slotId,
        yes: s.yes.length,
        ifNeedBe: s.ifNeedBe.length,
        cannot: s.no.length + s.noAnswer.length,
        requiredMissing: s.requiredMissing.length
      }))
    }
  }
  if (decision._tag !== "Decided") return { ...decision, ranking, explanation: explanation() }
  // The year's attendance behind the fairness weights is about each member too: the reader sees
  // their own line, and the figures over everyone.
  const fairness = {
    ...decision.fairness,
    members: decision.fairness.members.filter((m) => visible([m.memberId]).length === 1),
    lowest: visible(decision.fairness.lowest)
  }
  return {
    ...decision,
    chosen: slot(decision.chosen),
    runnerUp: decision.runnerUp === undefined ? undefined : slot(decision.runnerUp),
    ranking,
    fairness,
    explanation: explanation()
  }
}
