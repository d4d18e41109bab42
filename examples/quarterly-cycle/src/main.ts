/**
 * The demo: one quarter in the life of the community of programme directors.
 *
 * It generates the synthetic community and runs the engines on it as the programme team would in a
 * quarter: learning groups formed with their explanation, a vote on the backlog themes with the
 * programme chosen by the Method of Equal Shares, candidate dates that avoid holidays, the
 * availability poll decided, and the invitation written as an iCalendar file. Later releases run
 * the same quarter through the services and a store, so that a second run continues the history.
 *
 * Run it with `pnpm demo` from the repository root. `GRENZELOOS_SEED` picks another community;
 * `GRENZELOOS_OUT` another output folder (default `out/`).
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { Agenda, Domain, Grouping, ICalendar, Scheduling } from "@grenzeloos/core"
import { Synthetic } from "@grenzeloos/testkit"
import { DateTime, Either, Schema } from "effect"
import { Report } from "./Report.js"

const seed = Number(process.env.GRENZELOOS_SEED ?? 2026)
const outDir = resolve(process.env.GRENZELOOS_OUT ?? "out")
const generated = Synthetic.community({ seed })
const { community, members, facilitators, themes } = generated
const quarter = Domain.Quarter.make("2026-Q2")
const active = members.filter((m) => m.status === "active")
const nameOf = new Map<string, string>([...members, ...facilitators].map((p) => [p.id, p.name]))
const orgOf = new Map<string, string>(members.map((m) => [m.id, m.organisation]))
const titleOf = new Map<string, string>(themes.map((t) => [t.id, t.title]))

const orFail = <A, E extends { readonly message: string }>(result: Either.Either<A, E>): A =>
  Either.getOrElse(result, (error) => {
    console.error(error.message)
    process.exit(1)
  })

console.log(Report.title(`${community.name} — kwartaal ${quarter} (synthetische community, seed ${seed})`))
console.log(
  `${members.length} leden (${active.length} actief), ${facilitators.length} begeleiders, ${themes.length} thema's op de voorraadagenda`
)

// 1. The community ------------------------------------------------------------------------------
console.log(Report.heading("1. Leden per organisatie"))
console.log(
  Report.barTable(
    Report.countBy(members, (m) => m.organisation),
    { label: "Organisatie", value: "Leden" }
  )
)

// 2. Learning groups ----------------------------------------------------------------------------
console.log(Report.heading("2. Leergroepen voor 2026"))
const grouping = orFail(
  Grouping.Form.form(
    {
      members: active.map(Grouping.Input.fromMember),
      size: { min: 5, max: 7 },
      policy: Grouping.Input.defaultPolicy,
      facilitators: facilitators.map((f) => ({ id: f.id, name: f.name, maxGroups: f.maxGroups ?? 3 }))
    },
    { seed, timeLimitMs: 500, language: "nl" }
  )
)
console.log(
  Report.table(
    ["Groep", "Begeleider", "Leden", "Organisaties", "Score"],
    grouping.groups.map((g) => [
      `Leergroep ${g.index + 1}`,
      g.facilitatorId === undefined ? "—" : (nameOf.get(g.facilitatorId) ?? g.facilitatorId),
      g.memberIds.length,
      new Set(g.memberIds.map((id) => orgOf.get(id))).size,
      Math.round(g.score)
    ])
  )
)
const firstGroup = grouping.groups[0]
if (firstGroup !== undefined) {
  console.log(`\nLeergroep 1: ${firstGroup.memberIds.map((id) => nameOf.get(id) ?? id).join(", ")}`)
  for (const e of grouping.explanations.filter((x) => x.group === 0).slice(0, 3)) {
    console.log(`  · ${nameOf.get(e.memberId) ?? e.memberId}: ${e.text}`)
  }
}
console.log(`\nNiet gehaalde wensen: ${grouping.unmet.length === 0 ? "geen" : grouping.unmet.length}`)

// 3. The vote and the programme -----------------------------------------------------------------
console.log(Report.heading("3. Stemronde en programma (Method of Equal Shares, 180 minuten)"))
const [firstTheme, ...otherThemes] = themes.map((t) => t.id)
if (firstTheme === undefined) throw new Error("the synthetic community has no themes")
const votingRound = Schema.decodeUnknownSync(Domain.VotingRound)({
  id: `v-${quarter}`,
  communityId: community.id,
  title: `Programma kwartaalbijeenkomst ${quarter}`,
  themeIds: [firstTheme, ...otherThemes],
  format: { _tag: "approval" },
  status: "closed",
  opensAt: "2026-02-02T08:00:00.000Z",
  closesAt: "2026-02-16T17:00:00.000Z"
})
const ballots = Synthetic.ballots(generated, votingRound, { seed })
const agenda = orFail(
  Agenda.Prioritise.prioritise({
    ...Agenda.Input.fromDomain({ round: votingRound, themes, ballots }),
    budget: { _tag: "minutes", minutes: 180 },
    method: { _tag: "equal-shares" },
    rules: { maxThemes: 4 },
    language: "nl"
  })
)
console.log(`${ballots.length} stemmen uitgebracht. ${agenda.summary}\n`)
console.log(
  Report.table(
    ["Plaats", "Thema", "Minuten", "Stemmen", "Op het programma"],
    agenda.backlog.map((t) => [
      t.place,
      titleOf.get(t.themeId) ?? t.themeId,
      t.durationMinutes,
      t.supporters,
      t.inProgramme ? "ja" : "nee"
    ])
  )
)
console.log(
  `\nEerlijkheid: ${Math.round(agenda.fairness.shareWithAtLeastOne * 100)}% van de ${agenda.fairness.voters} stemmers ziet minstens één van hun thema's op het programma.`
)

// 4. Candidate dates and the availability poll --------------------------------------------------
console.log(Report.heading(`4. Datumprikker voor ${quarter}`))
const proposal = orFail(
  Scheduling.CandidateSlots.propose({
    quarter,
    count: 6,
    weekdays: ["tuesday", "thursday"],
    startTimes: [Scheduling.LocalTime.TimeOfDay.make("13:00")],
    durationMinutes: 240,
    previousMeetingOn: Domain.CalendarDate.make("2026-03-12"),
    calendar: { schoolRegions: ["middle"] }
  })
)
const [firstSlot, ...otherSlots] = proposal.slots
if (firstSlot === undefined) throw new Error(proposal.shortfall ?? "no candidate dates")
const poll = Schema.decodeUnknownSync(Domain.AvailabilityPoll)({
  id: `p-${quarter}`,
  communityId: community.id,
  title: `Datum kwartaalbijeenkomst ${quarter}`,
  slots: [firstSlot, ...otherSlots].map((s) => ({
    id: s.id,
    startsAt: DateTime.formatIsoZoned(s.startsAt),
    durationMinutes: s.durationMinutes
  })),
  requiredMemberIds: [],
  status: "open"
})
const responses = Synthetic.pollResponses(generated, poll, { seed, respondedAt: "2026-03-20T09:00:00.000Z" })
const decision = orFail(Scheduling.Poll.decide({ poll, invitees: active.map((m) => m.id), responses, capacity: 80 }))
const dayFormat = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam"
})
const when = (d: DateTime.DateTime) => dayFormat.format(DateTime.toDateUtc(d))
console.log(
  `${proposal.eligibleDays} geschikte dagen; ${proposal.excluded.length} dagen vallen af (feestdagen, schoolvakanties, te kort na de vorige bijeenkomst).\n`
)
console.log(
  Report.table(
    ["Moment", "Ja", "Als het moet", "Nee", "Geen antwoord", ""],
    [...decision.ranking]
      .sort((a, b) => a.index - b.index)
      .map((s) => [
        when(s.startsAt),
        s.yes.length,
        s.ifNeedBe.length,
        s.no.length,
        s.noAnswer.length,
        "█".repeat(Math.round(s.yes.length / 3)) + "▒".repeat(Math.round(s.ifNeedBe.length / 3))
      ])
  )
)
if (decision._tag !== "Decided") {
  console.log(`\n${decision.explanation.nl}`)
  process.exit(1)
}
const cannot = (s: Scheduling.Poll.SlotScore) => s.no.length + s.noAnswer.length
console.log(
  `\nGekozen: ${when(decision.chosen.startsAt)} — ${decision.chosen.yes.length} ja, ${decision.chosen.ifNeedBe.length} als het moet, ${cannot(decision.chosen)} kunnen niet of antwoordden niet.`
)
if (decision.runnerUp !== undefined) {
  console.log(
    `Tweede keus: ${when(decision.runnerUp.startsAt)} — ${decision.runnerUp.yes.length} ja, ${decision.runnerUp.ifNeedBe.length} als het moet.`
  )
}
console.log(
  "Volgorde: eerst wie er moet zijn, dan wie kan komen (ja of als het moet), bij gelijke stand de meeste ja's, dan de vroegste datum."
)
const pair = Scheduling.Poll.bestPair({ poll, invitees: active.map((m) => m.id), responses, capacity: 80 })
if (Either.isRight(pair) && pair.right._tag === "Pair") {
  console.log(
    `Twee keer organiseren? ${when(pair.right.first.startsAt)} en ${when(pair.right.second.startsAt)}: dan kunnen ${pair.right.reached} leden minstens één keer (${pair.right.neither.length} bij geen van beide).`
  )
}

// 5. The gathering and its invitation -----------------------------------------------------------
console.log(Report.heading("5. Uitnodiging"))
const gathering = Schema.decodeUnknownSync(Domain.Gathering)({
  id: `g-${quarter}`,
  communityId: community.id,
  title: `Kwartaalbijeenkomst ${quarter}`,
  quarter,
  status: "scheduled",
  startsAt: DateTime.formatIsoZoned(decision.chosen.startsAt as DateTime.Zoned),
  durationMinutes: 240,
  venue: { name: "Nieuwspoort", address: "Lange Poten 10, Den Haag", capacity: 80 },
  programme: agenda.programme.map((t) => ({ themeId: t.themeId, durationMinutes: t.durationMinutes })),
  rsvps: [],
  attendance: [],
  sequence: 0
})
const event = orFail(
  ICalendar.Invitation.fromGathering(gathering, {
    uidDomain: "grenzeloos.example",
    organizer: { name: "Programmateam Grenzeloos Samenwerken", email: "programmateam@grenzeloos.example" },
    attendees: active.map((m) => ({ name: m.name, email: m.email, role: "required" as const, rsvp: true })),
    themeTitles: titleOf
  })
)
const ics = orFail(
  ICalendar.Invitation.render({
    method: "REQUEST",
    events: [event],
    stamp: DateTime.unsafeMake("2026-03-27T09:00:00Z")
  })
)
mkdirSync(outDir, { recursive: true })
const icsPath = join(outDir, `${gathering.id}.ics`)
writeFileSync(icsPath, ics)
console.log(`${gathering.title} op ${when(decision.chosen.startsAt)}, ${gathering.venue?.name}.`)
console.log(`Programma: ${agenda.programme.map((t) => titleOf.get(t.themeId) ?? t.themeId).join(" · ")}`)
console.log(`Uitnodiging voor ${active.length} leden geschreven naar ${icsPath}`)
console.log("E-mailadressen staan alleen in de uitnodiging zelf; in uitvoer en logs blijven ze afgeschermd.")
