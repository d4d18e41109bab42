// What members do in a quarter, generated: the ballots they cast and how they answer an
// availability poll. Kept apart from the community itself so that adding activity never changes
// the community a seed produces.

import { Domain, Rng } from "@grenzeloos/core"
import { DateTime, Schema } from "effect"

const DAY_NAMES: ReadonlyArray<Domain.Weekday> = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday"
]

/**
 * Ballots for a voting round: members who are active vote (most of them), supporting the themes
 * that match their interests and sometimes one more.
 */
export const ballotsFor = (
  members: ReadonlyArray<Domain.Member>,
  themes: ReadonlyArray<Domain.Theme>,
  round: Domain.VotingRound,
  seed: number
): Array<Domain.Ballot> => {
  const rng = Rng.make(seed)
  const onBallot = new Set<string>(round.themeIds)
  const byTitle = new Map<string, string>(themes.filter((t) => onBallot.has(t.id)).map((t) => [t.title, t.id]))
  const allIds: Array<string> = [...onBallot]
  const opensAt = DateTime.toEpochMillis(round.opensAt)
  const span = Math.max(1, DateTime.toEpochMillis(round.closesAt) - opensAt)
  return members
    .filter((m) => m.status === "active" && rng.next() < 0.85)
    .map((member, index) => {
      const wanted: Array<string> = member.interests.flatMap((i) => {
        const id = byTitle.get(i)
        return id === undefined ? [] : [id]
      })
      if (rng.next() < 0.4 && allIds.length > 0) wanted.push(allIds[rng.int(allIds.length)] ?? "")
      const themeIds = [...new Set(wanted)]
      const content = ((): unknown => {
        switch (round.format._tag) {
          case "approval":
            return { _tag: "approval", themeIds: themeIds.slice(0, round.format.maxApprovals ?? themeIds.length) }
          case "dots": {
            const dots = new Map<string, number>()
            for (let d = 0; d < round.format.dotsPerMember && themeIds.length > 0; d++) {
              const id = themeIds[rng.int(themeIds.length)] as string
              dots.set(id, (dots.get(id) ?? 0) + 1)
            }
            return { _tag: "dots", dots: [...dots].map(([themeId, n]) => ({ themeId, dots: n })) }
          }
          case "scores": {
            const { minScore, maxScore } = round.format
            return {
              _tag: "scores",
              scores: allIds.map((themeId) => ({
                themeId,
                score: themeIds.includes(themeId) ? maxScore - rng.int(2) : minScore + rng.int(2)
              }))
            }
          }
          case "ranking":
            return { _tag: "ranking", ranking: Rng.shuffle(rng, themeIds) }
        }
      })()
      return Schema.decodeUnknownSync(Domain.Ballot)({
        id: `${round.id}-b-${String(index + 1).padStart(3, "0")}`,
        communityId: round.communityId,
        votingRoundId: round.id,
        memberId: member.id,
        castAt: DateTime.formatIso(DateTime.unsafeMake(opensAt + rng.int(span))),
        content
      })
    })
}

/**
 * Answers to an availability poll: a member says yes on the weekdays and parts of the day they
 * usually can, "if need be" on other weekdays now and then, and no on days they already know they
 * cannot. About one in eight does not answer.
 */
export const pollResponsesFor = (
  members: ReadonlyArray<Domain.Member>,
  poll: Domain.AvailabilityPoll,
  respondedAt: string,
  seed: number
): Array<Domain.PollResponse> => {
  const rng = Rng.make(seed)
  return members
    .filter((m) => m.status === "active" && rng.next() < 0.88)
    .map((member, index) =>
      Schema.decodeUnknownSync(Domain.PollResponse)({
        id: `${poll.id}-r-${String(index + 1).padStart(3, "0")}`,
        communityId: poll.communityId,
        pollId: poll.id,
        memberId: member.id,
        answers: poll.slots.map((slot) => {
          const parts = DateTime.toParts(slot.startsAt)
          const date = DateTime.formatIsoDateUtc(DateTime.unsafeMake(Date.UTC(parts.year, parts.month - 1, parts.day)))
          const weekday = DAY_NAMES[parts.weekDay] ?? "monday"
          const part = parts.hours < 12 ? "morning" : parts.hours < 18 ? "afternoon" : "evening"
          const availability = member.availability
          const answer =
            availability?.unavailableOn.includes(date as Domain.CalendarDate) === true
              ? "no"
              : availability === undefined ||
                  (availability.weekdays.includes(weekday) && availability.partsOfDay.includes(part))
                ? rng.next() < 0.85
                  ? "yes"
                  : "if-need-be"
                : rng.next() < 0.3
                  ? "if-need-be"
                  : "no"
          return { slotId: slot.id, answer }
        }),
        respondedAt
      })
    )
}
