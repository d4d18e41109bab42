/**
 * Fairness carried across meetings: what each member was owed in a vote and what they got, as an
 * explicit record per member and vote that is the input of the next vote and its output.
 *
 * The measure is the "share" of Maly, Rey, Endriss & Lackner (2023), "Fairness in Participatory
 * Budgeting via Equality of Resources" (AAMAS): every voter is owed an equal part of the time the
 * method distributes (`fairShareMinutes`, the meeting's minutes after pins divided by the members
 * who voted), and what they got is what the method charged them for the themes they supported
 * (their Equal Shares payments, or the rise of their Phragmén load). The difference, plus what was
 * carried in, is carried out after a decay: `balance = decay × (carriedIn + fairShare − got)`.
 * A member who got less than their share carries a positive balance and weighs more in the next
 * vote; one who got more carries a negative balance (decision records 0025–0027). A member who did
 * not vote keeps their balance, decayed. Nothing is recomputed from earlier votes: the records of
 * the last vote are the whole state.
 *
 * @since 0.2.0
 */

/**
 * The methods that carry fairness over: perpetual Phragmén (decision 0025) and Equal Shares with
 * carried budgets (decision 0026).
 *
 * @since 0.2.0
 */
export type CarriedMethod = "perpetual-phragmen" | "equal-shares-carried"

/**
 * The decay of a carried balance per vote when the method does not name one: a balance loses a
 * quarter of its size at every vote, so half of it is left after about 2.4 votes (seven months
 * for a community that meets every quarter). Decision record 0027 gives the measurements behind it.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Carried.defaultDecay // 0.75
 * ```
 * @since 0.2.0
 */
export const defaultDecay = 0.75

/**
 * One member's account of one vote.
 *
 * @example
 * ```ts
 * import type { Agenda } from "@grenzeloos/core"
 *
 * const record: Agenda.Carried.MemberRecord = {
 *   memberId: "m-001", meeting: 3, votingRoundId: "v-2027-q3", method: "perpetual-phragmen", decay: 0.75,
 *   voted: true, fairShareMinutes: 1.8, carriedInMinutes: 2.1, owedMinutes: 3.9, gotMinutes: 0,
 *   supportedMinutes: 0, balanceMinutes: 2.925
 * }
 * ```
 * @since 0.2.0
 */
export interface MemberRecord {
  readonly memberId: string
  /** The place of the vote in the community's sequence of carried votes, from 1. */
  readonly meeting: number
  /** The voting round this record closes, when known. */
  readonly votingRoundId?: string
  readonly method: CarriedMethod
  readonly decay: number
  /** Whether the member voted; one who did not is owed nothing new and keeps their balance, decayed. */
  readonly voted: boolean
  /** The equal part of the minutes the method distributed (0 for a member who did not vote). */
  readonly fairShareMinutes: number
  /** The balance carried in from the member's previous record (0 for the first). */
  readonly carriedInMinutes: number
  /** `fairShareMinutes + carriedInMinutes`. */
  readonly owedMinutes: number
  /** What the method charged the member for the programmed themes they supported. */
  readonly gotMinutes: number
  /** The programme minutes of the themes the member supported (their satisfaction). */
  readonly supportedMinutes: number
  /** Carried out to the next vote: `decay × (owedMinutes − gotMinutes)`. */
  readonly balanceMinutes: number
}

/**
 * How much a member's vote weighs this time and why, from their last records: the data behind
 * the sentence of {@link Texts.carried}.
 *
 * @since 0.2.0
 */
export interface Weight {
  readonly memberId: string
  /** How many earlier votes the window covers (at most {@link windowMeetings}; 0 for a newcomer). */
  readonly meetings: number
  /** Over those votes: the programme minutes of the themes the member supported. */
  readonly supportedMinutes: number
  /** Over those votes: what the member got and what was fairly theirs. */
  readonly gotMinutes: number
  readonly fairShareMinutes: number
  /** This vote: the equal share, and what the member starts with (share plus carried balance). */
  readonly shareMinutes: number
  readonly startMinutes: number
}

/**
 * How many earlier votes a member's explanation looks back on.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Carried.windowMeetings // 3
 * ```
 * @since 0.2.0
 */
export const windowMeetings = 3

/**
 * A problem with carried records, as input problems (path and message).
 *
 * @since 0.2.0
 */
export interface RecordProblem {
  readonly path: string
  readonly message: string
}

/**
 * Checks carried records: finite minutes, meetings from 1, a decay from 0 to 1, and one record
 * per member and meeting.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Carried.check([]) // []
 * ```
 * @since 0.2.0
 */
export const check = (records: ReadonlyArray<MemberRecord>, path = "carried"): Array<RecordProblem> => {
  const problems: Array<RecordProblem> = []
  const seen = new Set<string>()
  records.forEach((r, k) => {
    const key = `${r.meeting}\u0000${r.memberId}`
    if (seen.has(key))
      problems.push({ path: `${path}[${k}]`, message: `member ${r.memberId} has two records for vote ${r.meeting}` })
    seen.add(key)
    if (!Number.isInteger(r.meeting) || r.meeting < 1)
      problems.push({ path: `${path}[${k}].meeting`, message: `expected a vote number of 1 or more, got ${r.meeting}` })
    if (!(r.decay >= 0 && r.decay <= 1))
      problems.push({ path: `${path}[${k}].decay`, message: `expected a decay from 0 to 1, got ${r.decay}` })
    for (const field of [
      "fairShareMinutes",
      "carriedInMinutes",
      "owedMinutes",
      "gotMinutes",
      "supportedMinutes",
      "balanceMinutes"
    ] as const)
      if (!Number.isFinite(r[field]))
        problems.push({ path: `${path}[${k}].${field}`, message: `expected a number of minutes, got ${r[field]}` })
  })
  return problems
}

/**
 * Per member, their records from the latest first (the state a vote starts from).
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Carried.byMember([]).size // 0
 * ```
 * @since 0.2.0
 */
export const byMember = (records: ReadonlyArray<MemberRecord>): Map<string, Array<MemberRecord>> => {
  const map = new Map<string, Array<MemberRecord>>()
  for (const r of records) {
    const list = map.get(r.memberId)
    if (list === undefined) map.set(r.memberId, [r])
    else list.push(r)
  }
  for (const list of map.values()) list.sort((a, b) => b.meeting - a.meeting)
  return map
}

/**
 * The number of the next vote: one after the latest record's.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Carried.nextMeeting([]) // 1
 * ```
 * @since 0.2.0
 */
export const nextMeeting = (records: ReadonlyArray<MemberRecord>): number => {
  let latest = 0
  for (const r of records) if (r.meeting > latest) latest = r.meeting
  return latest + 1
}

/**
 * What each member brings into the next vote: the balance of their latest record (0 for a member
 * without one).
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Carried.balances(["m-1"], new Map()) // [0]
 * ```
 * @since 0.2.0
 */
export const balances = (
  memberIds: ReadonlyArray<string>,
  history: ReadonlyMap<string, ReadonlyArray<MemberRecord>>
): Array<number> => memberIds.map((id) => history.get(id)?.[0]?.balanceMinutes ?? 0)

/**
 * One voter's part of a closed vote, as the method measured it.
 *
 * @since 0.2.0
 */
export interface VoterOutcome {
  readonly memberId: string
  readonly gotMinutes: number
  readonly supportedMinutes: number
}

/**
 * Closes a vote: a new record for every member who voted and for every member with an earlier
 * record who did not (their balance carried on, decayed).
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * const records = Agenda.Carried.close({
 *   method: "equal-shares-carried", decay: 0.75, meeting: 1, fairShareMinutes: 60,
 *   voters: [{ memberId: "m-1", gotMinutes: 120, supportedMinutes: 120 }, { memberId: "m-2", gotMinutes: 0, supportedMinutes: 0 }],
 *   history: new Map()
 * })
 * records.map((r) => r.balanceMinutes) // [-45, 45]
 * ```
 * @since 0.2.0
 */
export const close = (vote: {
  readonly method: CarriedMethod
  readonly decay: number
  readonly meeting: number
  readonly votingRoundId?: string
  readonly fairShareMinutes: number
  readonly voters: ReadonlyArray<VoterOutcome>
  readonly history: ReadonlyMap<string, ReadonlyArray<MemberRecord>>
}): Array<MemberRecord> => {
  const round = vote.votingRoundId === undefined ? {} : { votingRoundId: vote.votingRoundId }
  const record = (memberId: string, voted: boolean, got: number, supported: number): MemberRecord => {
    const carriedIn = vote.history.get(memberId)?.[0]?.balanceMinutes ?? 0
    const fair = voted ? vote.fairShareMinutes : 0
    const owed = fair + carriedIn
    return {
      memberId,
      meeting: vote.meeting,
      ...round,
      method: vote.method,
      decay: vote.decay,
      voted,
      fairShareMinutes: fair,
      carriedInMinutes: carriedIn,
      owedMinutes: owed,
      gotMinutes: got,
      supportedMinutes: supported,
      balanceMinutes: vote.decay * (owed - got)
    }
  }
  const voted = new Set(vote.voters.map((v) => v.memberId))
  return [
    ...vote.voters.map((v) => record(v.memberId, true, v.gotMinutes, v.supportedMinutes)),
    ...[...vote.history.keys()].filter((id) => !voted.has(id)).map((id) => record(id, false, 0, 0))
  ]
}

/**
 * How much a member's vote weighs this time, from their records of the last
 * {@link windowMeetings} votes and this vote's share.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * const w = Agenda.Carried.weight("m-1", [], 1.8)
 * w.startMinutes // 1.8
 * ```
 * @since 0.2.0
 */
export const weight = (memberId: string, latestFirst: ReadonlyArray<MemberRecord>, shareMinutes: number): Weight => {
  const window = latestFirst.slice(0, windowMeetings)
  const sum = (f: (r: MemberRecord) => number) => window.reduce((s, r) => s + f(r), 0)
  return {
    memberId,
    meetings: window.length,
    supportedMinutes: sum((r) => r.supportedMinutes),
    gotMinutes: sum((r) => r.gotMinutes),
    fairShareMinutes: sum((r) => r.fairShareMinutes),
    shareMinutes,
    startMinutes: shareMinutes + (latestFirst[0]?.balanceMinutes ?? 0)
  }
}
