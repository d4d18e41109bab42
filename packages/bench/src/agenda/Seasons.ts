/**
 * A seeded simulation of two years of a community's meetings for the fairness benchmark: 8
 * meetings of 180 minutes, 100 members, themes of 45–90 minutes, and a method that chooses each
 * programme (carrying its records from one vote to the next when it is a carried method).
 *
 * Scenarios:
 * - `minority-30` / `minority-15`: a cohesive minority of 30 % (15 %) approves only its own themes,
 *   the majority only the others; every meeting 3 new themes of each side join the backlog, and a
 *   theme leaves it once programmed.
 * - `realistic`: the synthetic community of `@grenzeloos/testkit` (its members' interests and
 *   ballots), the 14 backlog themes on every round, a theme resting one meeting after it was held.
 */
import { Agenda, Domain, Rng } from "@grenzeloos/core"
import { Synthetic } from "@grenzeloos/testkit"
import { Either, Schema } from "effect"

export type Scenario = "minority-30" | "minority-15" | "realistic"

export const MEETINGS = 8
export const MEETING_MINUTES = 180
const MEMBERS = 100

/** One meeting of the simulation: per member who voted, the themes they supported; and the programme. */
export interface Meeting {
  readonly supported: ReadonlyMap<string, ReadonlyArray<string>>
  readonly programme: ReadonlyArray<string>
  readonly minutes: ReadonlyMap<string, number>
}

export interface Simulation {
  readonly scenario: Scenario
  readonly method: Agenda.Input.Method
  readonly members: ReadonlyArray<string>
  /** The members of the minority (empty for `realistic`). */
  readonly minority: ReadonlySet<string>
  /** Themes of the minority (empty for `realistic`). */
  readonly minorityThemes: ReadonlySet<string>
  readonly meetings: ReadonlyArray<Meeting>
  /** The carried records after the last vote (carried methods only). */
  readonly records: ReadonlyArray<Agenda.Carried.MemberRecord>
}

interface Round {
  readonly themes: ReadonlyArray<Agenda.Input.ThemeInput>
  readonly ballots: ReadonlyArray<Agenda.Input.BallotInput>
}

const memberId = (k: number) => `m-${String(k).padStart(3, "0")}`

/** Runs one method over the 8 meetings of a scenario. */
export const simulate = (scenario: Scenario, method: Agenda.Input.Method, seed: number): Simulation => {
  const meetings: Array<Meeting> = []
  let records: ReadonlyArray<Agenda.Carried.MemberRecord> = []
  const vote = (round: Round, rules: Agenda.Input.StandingRules): ReadonlyArray<string> => {
    const result = Either.getOrThrow(
      Agenda.Prioritise.prioritise({
        round: { themeIds: round.themes.map((t) => t.id), format: { _tag: "approval" } },
        themes: round.themes,
        ballots: round.ballots,
        budget: { _tag: "minutes", minutes: MEETING_MINUTES },
        method,
        rules,
        ...(records.length > 0 ? { carried: records } : {})
      })
    )
    if (result.carried !== undefined) records = result.carried.records
    const programme = result.programme.map((t) => t.themeId)
    meetings.push({
      supported: new Map(
        round.ballots.map((b) => [b.memberId, b.content._tag === "approval" ? b.content.themeIds : []])
      ),
      programme,
      minutes: new Map(round.themes.map((t) => [t.id, t.durationMinutes]))
    })
    return programme
  }

  if (scenario === "realistic") {
    const community = Synthetic.community({ seed })
    const lastHeld = new Map<string, number>()
    for (let k = 0; k < MEETINGS; k++) {
      const themeIds = community.themes.map((t) => t.id)
      const round = Schema.decodeUnknownSync(Domain.VotingRound)({
        id: `v-${k + 1}`,
        communityId: community.community.id,
        title: `Ronde ${k + 1}`,
        themeIds,
        format: { _tag: "approval" },
        status: "closed",
        opensAt: "2027-01-04T08:00:00.000Z",
        closesAt: "2027-01-18T17:00:00.000Z"
      })
      const ballots = Synthetic.ballots(community, round, { seed: seed * 100 + k }).map((b) => ({
        memberId: b.memberId,
        content: b.content
      }))
      const themes = community.themes.map((t) => {
        const held = lastHeld.get(t.id)
        return {
          id: t.id,
          title: t.title,
          durationMinutes: t.durationMinutes,
          ...(held === undefined ? {} : { lastDiscussedMeetingsAgo: k - held })
        }
      })
      const programme = vote({ themes, ballots }, { coolingOff: { meetings: 1 } })
      for (const id of programme) lastHeld.set(id, k)
    }
    const members = [...new Set(meetings.flatMap((m) => [...m.supported.keys()]))].sort()
    return { scenario, method, members, minority: new Set(), minorityThemes: new Set(), meetings, records }
  }

  const rng = Rng.make(seed)
  const minorityCount = scenario === "minority-30" ? 30 : 15
  const members = Array.from({ length: MEMBERS }, (_, k) => memberId(k))
  const minority = new Set(members.slice(0, minorityCount))
  const minorityThemes = new Set<string>()
  const backlog: Array<Agenda.Input.ThemeInput> = []
  let next = 0
  const propose = (side: "a" | "b") => {
    const id = `t-${side}${String(next++).padStart(3, "0")}`
    if (side === "b") minorityThemes.add(id)
    backlog.push({ id, durationMinutes: 45 + 15 * rng.int(4) })
  }
  for (let k = 0; k < MEETINGS; k++) {
    for (let j = 0; j < 3; j++) {
      propose("a")
      propose("b")
    }
    const ballots = members.map((id) => ({
      memberId: id,
      content: {
        _tag: "approval" as const,
        themeIds: backlog.filter((t) => minorityThemes.has(t.id) === minority.has(id)).map((t) => t.id)
      }
    }))
    const programme = new Set(vote({ themes: [...backlog], ballots }, {}))
    for (let i = backlog.length - 1; i >= 0; i--) if (programme.has(backlog[i]?.id ?? "")) backlog.splice(i, 1)
  }
  return { scenario, method, members, minority, minorityThemes, meetings, records }
}

/** The figures of the issue for one simulation. */
export interface Figures {
  /** The minority's share of the programme minutes over all meetings (null for `realistic`). */
  readonly minorityShare: number | null
  /** Share of members who see a supported theme programmed in every window of 2 meetings. */
  readonly windowCoverage: number
  /** Gini coefficient of per-member satisfaction (supported programme minutes over all meetings). */
  readonly gini: number
  /** Sum of per-member satisfaction, in minutes. */
  readonly totalSatisfaction: number
}

/** The Gini coefficient of non-negative values (0: all equal; 0 when all are 0). */
export const gini = (values: ReadonlyArray<number>): number => {
  const xs = [...values].sort((a, b) => a - b)
  const n = xs.length
  const total = xs.reduce((s, x) => s + x, 0)
  if (n === 0 || total === 0) return 0
  let weighted = 0
  xs.forEach((x, i) => {
    weighted += (i + 1) * x
  })
  return (2 * weighted) / (n * total) - (n + 1) / n
}

export const figures = (sim: Simulation): Figures => {
  const satisfaction = new Map(sim.members.map((id) => [id, 0]))
  const hitIn = sim.meetings.map((meeting) => {
    const inProgramme = new Set(meeting.programme)
    const hit = new Set<string>()
    for (const [id, supported] of meeting.supported) {
      let minutes = 0
      for (const t of supported) if (inProgramme.has(t)) minutes += meeting.minutes.get(t) ?? 0
      if (minutes > 0) hit.add(id)
      satisfaction.set(id, (satisfaction.get(id) ?? 0) + minutes)
    }
    return hit
  })
  const covered = sim.members.filter((id) => {
    for (let k = 0; k + 1 < hitIn.length; k++) if (!hitIn[k]?.has(id) && !hitIn[k + 1]?.has(id)) return false
    return true
  }).length
  let programmeMinutes = 0
  let minorityMinutes = 0
  for (const meeting of sim.meetings)
    for (const t of meeting.programme) {
      const minutes = meeting.minutes.get(t) ?? 0
      programmeMinutes += minutes
      if (sim.minorityThemes.has(t)) minorityMinutes += minutes
    }
  const values = [...satisfaction.values()]
  return {
    minorityShare: sim.scenario === "realistic" || programmeMinutes === 0 ? null : minorityMinutes / programmeMinutes,
    windowCoverage: sim.members.length === 0 ? 0 : covered / sim.members.length,
    gini: gini(values),
    totalSatisfaction: values.reduce((s, x) => s + x, 0)
  }
}
