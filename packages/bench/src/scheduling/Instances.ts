/**
 * Seeded synthetic instances for the scheduling benchmarks, shaped like the community's own data:
 * 100 members, a poll with 60 slots, 10 facilitators offering 400 intake slots, 20 learning groups.
 */
import { Domain, Rng, Scheduling } from "@grenzeloos/core"
import { DateTime } from "effect"

const member = (i: number) => Domain.MemberId.make(`m-${String(i).padStart(3, "0")}`)
const amsterdam = { timeZone: "Europe/Amsterdam" } as const
const WEEKDAYS: ReadonlyArray<Domain.Weekday> = ["monday", "tuesday", "wednesday", "thursday", "friday"]

/** A poll of `members` × `slots`: about 40 % yes, 20 % if need be, 35 % no, 5 % no answer. */
export const poll = (seed: number, members = 100, slots = 60): Scheduling.Poll.Input => {
  const rng = Rng.make(seed)
  const slotList = Array.from({ length: slots }, (_, k) => ({
    id: Domain.SlotId.make(`s-${k}`),
    startsAt: DateTime.unsafeMakeZoned(Date.UTC(2027, 0, 4 + Math.floor(k / 2), k % 2 === 0 ? 9 : 13), amsterdam)
  }))
  const invitees = Array.from({ length: members }, (_, i) => member(i))
  const responses = invitees.map((memberId) => ({
    memberId,
    answers: slotList.flatMap((s) => {
      const x = rng.next()
      return x < 0.05
        ? []
        : [{ slotId: s.id, answer: x < 0.45 ? ("yes" as const) : x < 0.65 ? ("if-need-be" as const) : ("no" as const) }]
    })
  }))
  return {
    poll: { id: "bench", slots: slotList, requiredMemberIds: [] },
    invitees,
    responses,
    capacity: 80,
    missedLastGathering: Rng.shuffle(rng, invitees).slice(0, 15)
  }
}

/** Intakes: `members` new members, `facilitators` facilitators each offering slots over 10 working days. */
export const intakes = (seed: number, members = 100, slots = 400, facilitators = 10): Scheduling.Intakes.Input => {
  const rng = Rng.make(seed)
  const facilitatorIds = Array.from({ length: facilitators }, (_, f) => Domain.FacilitatorId.make(`f-${f}`))
  const slotList: Array<Scheduling.Intakes.Slot> = []
  for (let j = 0; j < slots; j++) {
    const f = j % facilitators
    const k = Math.floor(j / facilitators) // the facilitator's k-th slot
    const day = Math.floor(k / 4) // four slots a day: 09:00, 11:00, 14:00, 16:00
    const week = Math.floor(day / 5)
    const date = 4 + week * 7 + (day % 5) // Mondays from 4 January 2027
    const hour = [9, 11, 14, 16][k % 4] as number
    slotList.push({
      id: Domain.SlotId.make(`i-${j}`),
      facilitatorId: facilitatorIds[f] as Domain.FacilitatorId,
      startsAt: DateTime.unsafeMakeZoned(Date.UTC(2027, 0, date, hour - 1), amsterdam),
      durationMinutes: 60,
      preference: rng.next() < 0.7 ? "preferred" : "possible"
    })
  }
  const memberList = Array.from({ length: members }, (_, i) => {
    const weekdays = Rng.shuffle(rng, WEEKDAYS).slice(0, 3)
    const partsOfDay: Array<Domain.PartOfDay> =
      rng.next() < 0.5 ? ["morning", "afternoon"] : [rng.next() < 0.5 ? "morning" : "afternoon"]
    return {
      id: member(i),
      availability: { weekdays, partsOfDay, unavailableOn: [] },
      preferredFacilitatorIds: Rng.shuffle(rng, facilitatorIds).slice(0, 1),
      preferredSlotIds: Rng.shuffle(rng, slotList)
        .slice(0, 40)
        .map((s) => s.id),
      unavailableSlotIds: slotList.filter(() => rng.next() < 0.1).map((s) => s.id)
    }
  })
  return {
    members: memberList,
    slots: slotList,
    facilitators: facilitatorIds.map((id) => ({ id, maxPerDay: 2 }))
  }
}

/** Sessions: `groups` groups of six over a year, `facilitators` facilitators, members with days off. */
export const sessions = (
  seed: number,
  groups = 20,
  sessionsPerGroup = 6,
  facilitators = 5
): Scheduling.Sessions.Input => {
  const rng = Rng.make(seed)
  const people = Rng.shuffle(
    rng,
    Array.from({ length: 100 }, (_, i) => i)
  )
  const first = Date.UTC(2027, 0, 1)
  const dayOff = () => Domain.CalendarDate.make(new Date(first + rng.int(365) * 86_400_000).toISOString().slice(0, 10))
  return {
    from: Domain.CalendarDate.make("2027-01-01"),
    to: Domain.CalendarDate.make("2027-12-31"),
    groups: Array.from({ length: groups }, (_, g) => ({
      id: Domain.LearningGroupId.make(`g-${g}`),
      // Groups of six; members in two groups each when there are more than 16 groups.
      memberIds: Array.from({ length: 6 }, (_, k) => member(people[(g * 6 + k) % 100] as number)),
      facilitatorId: Domain.FacilitatorId.make(`f-${g % facilitators}`),
      sessions: sessionsPerGroup,
      preferredWeekday: (["tuesday", "wednesday", "thursday"] as const)[rng.int(3)] as Domain.Weekday,
      startTime: Scheduling.LocalTime.TimeOfDay.make("14:00"),
      durationMinutes: 180
    })),
    members: Array.from({ length: 100 }, (_, i) => ({
      id: member(i),
      unavailableOn: Array.from({ length: 10 }, dayOff)
    })),
    facilitators: Array.from({ length: facilitators }, (_, f) => ({
      id: Domain.FacilitatorId.make(`f-${f}`),
      unavailableOn: Array.from({ length: 15 }, dayOff)
    })),
    calendar: {
      blackouts: [
        {
          from: Domain.CalendarDate.make("2027-07-19"),
          to: Domain.CalendarDate.make("2027-08-27"),
          reason: "zomerreces"
        }
      ]
    }
  }
}
