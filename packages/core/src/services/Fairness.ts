/**
 * Fairness over the year, read back: the stored fairness records of the carried votes (decision
 * 0027), each with the member's name, for the programme team's report.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import { authorize, begin } from "./Runner.js"

/**
 * Every stored fairness record of the community's carried votes, oldest vote first and by name
 * within a vote: what each member was owed and what they got, and the balance carried to the
 * next vote. For the programme team only (the read policy's `fairness-records`: the member reads
 * their own in `Privacy.exportMember`). Reads are not audited, as the other listings.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Services } from "@grenzeloos/core"
 *
 * const team = { _tag: "ProgrammeTeam", communityId: "rijk", facilitatorId: "f-01" } as const
 * const program = Effect.map(Services.Fairness.getFairness(team), (records) =>
 *   records.map((r) => `${r.name}: ${r.gotMinutes} van ${r.owedMinutes} minuten`)
 * )
 * ```
 * @since 0.2.0
 */
export const getFairness = Effect.fn("Fairness.getFairness")(function* (actor: unknown) {
  const session = yield* begin(actor)
  yield* authorize(session, "fairness.read", { _tag: "Community", communityId: session.actor.communityId })
  const [records, members] = yield* Effect.all([
    Repository.all(session.store, Kinds.FairnessRecords),
    Repository.all(session.store, Kinds.Members)
  ])
  const names = new Map(members.map((m) => [m.value.id as string, m.value.name]))
  return records
    .map(({ value: r }) => ({ ...r, name: names.get(r.memberId) ?? r.memberId }))
    .sort((a, b) => a.meeting - b.meeting || a.name.localeCompare(b.name, "nl"))
})

/**
 * One member's account of one carried vote as {@link getFairness} returns it: the stored record
 * with the member's name as the directory has it (the name left after erasure for a forgotten
 * member; the record itself keeps only the pseudonymous id).
 *
 * @since 0.2.0
 */
export type FairnessEntry = Effect.Effect.Success<ReturnType<typeof getFairness>>[number]
