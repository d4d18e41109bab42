// Private to the use cases (not re-exported): the fairness records the carried agenda methods read
// when a vote closes and write after it (decision 0027). Kept out of Voting.ts so that the use case
// itself changes by two lines.
import { Effect } from "effect"
import * as Carried from "../agenda/Carried.js"
import type { AgendaResult } from "../agenda/Prioritise.js"
import { FairnessRecord } from "../domain/FairnessRecord.js"
import { FairnessRecordId, MemberId } from "../domain/Ids.js"
import type { VotingRound } from "../domain/VotingRound.js"
import type { CommunityStore, StoreError } from "../ports/Store.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import { naturalKey } from "./Runner.js"

const isCarried = (method: string): method is Carried.CarriedMethod =>
  method === "perpetual-phragmen" || method === "equal-shares-carried"

/**
 * The stored records a carried method starts from (each member's last {@link Carried.windowMeetings}
 * records, which is all the engine reads); undefined for the other methods.
 */
export const carriedFairness = (
  store: CommunityStore,
  method: string
): Effect.Effect<ReadonlyArray<Carried.MemberRecord> | undefined, StoreError> =>
  isCarried(method)
    ? Effect.map(Repository.all(store, Kinds.FairnessRecords), (stored) =>
        // A stored record is an engine record with its community and id besides.
        [...Carried.byMember(stored.map((r) => r.value)).values()].flatMap((latestFirst) =>
          latestFirst.slice(0, Carried.windowMeetings)
        )
      )
    : Effect.succeed(undefined)

/** The records of a closed vote, to store (none when the method does not carry fairness). */
export const fairnessRecords = (
  round: VotingRound,
  result: AgendaResult
): ReadonlyArray<{ readonly value: FairnessRecord; readonly version: number }> =>
  (result.carried?.records ?? []).map((r) => ({
    value: new FairnessRecord({
      id: FairnessRecordId.make(naturalKey(round.id, r.memberId)),
      communityId: round.communityId,
      votingRoundId: round.id,
      memberId: MemberId.make(r.memberId),
      meeting: r.meeting,
      method: r.method,
      decay: r.decay,
      voted: r.voted,
      fairShareMinutes: r.fairShareMinutes,
      carriedInMinutes: r.carriedInMinutes,
      owedMinutes: r.owedMinutes,
      gotMinutes: r.gotMinutes,
      supportedMinutes: r.supportedMinutes,
      balanceMinutes: r.balanceMinutes
    }),
    version: 0
  }))
