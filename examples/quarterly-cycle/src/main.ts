/**
 * The demo: one real quarter of the community of programme directors, run through the use cases
 * on the embedded SQLite store.
 *
 * The synthetic community of 100 members is imported, intakes are planned and held, the learning
 * groups of the quarter are formed (with their explanation) and published, the members vote on
 * the backlog themes and the programme is chosen by the Method of Equal Shares, candidate dates
 * avoid holidays, the availability poll is decided, invitations are sent (printed by the console
 * notifier, and the gathering's iCalendar file written to the output folder) and reminders are
 * queued. Every step runs on a simulated clock at its moment of the quarter.
 *
 * The store is a file (`out/grenzeloos.db`), so running the demo again continues the history: the
 * next quarter, with groups that avoid earlier pairs and a poll that weighs who missed the last
 * gathering. `GRENZELOOS_OUT` picks another output folder, `GRENZELOOS_DB` another database file,
 * `GRENZELOOS_SEED` another community.
 *
 * Run it with `pnpm demo` from the repository root.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { Dispatcher, Domain, ICalendar, Notifier, Services } from "@grenzeloos/core"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Scenario, Synthetic } from "@grenzeloos/testkit"
import { DateTime, Effect, Layer } from "effect"
import { Report } from "./Report.js"

const seed = Number(process.env.GRENZELOOS_SEED ?? 2026)
const outDir = resolve(process.env.GRENZELOOS_OUT ?? "out")
mkdirSync(outDir, { recursive: true })
const database = resolve(process.env.GRENZELOOS_DB ?? join(outDir, "grenzeloos.db"))
// The backlog in the community's own wording (the synthetic community's themes, in the same
// order, renamed; the members' interests follow, since they name the themes they care about).
const COMMUNITY_THEMES = [
  "Vormgeven van positieve dienstverlening",
  "Functionele conflicten organiseren",
  "Omgaan met sabotage",
  "Hoe organiseer je focus?",
  "Omgaan met eenzaamheid",
  "Effectief voorwaarden stellen als opdrachtnemer",
  "Wat is waarde toevoegen en wie moet die waarde ervaren?",
  "Het belang van lichtvoetigheid",
  "Hoe zie je wat zichtbaar wil worden in de opgave?",
  "Het managen van ego's (inclusief je eigen)",
  "Hoe behoud ik mijn mensen?",
  "Worstelen met de Wet open overheid (Woo)",
  "Levenskunst, of: groeien als je in de shit zit",
  "Omgaan met institutionele weerstand"
] as const
const synthetic = Synthetic.community({ seed })
const renamed = new Map(synthetic.themes.map((t, i) => [t.title as string, COMMUNITY_THEMES[i] ?? t.title]))
const generated: typeof synthetic = {
  ...synthetic,
  themes: synthetic.themes.map(
    (t) => new Domain.Theme({ ...t, title: Domain.Title.make(renamed.get(t.title) ?? t.title) })
  ),
  members: synthetic.members.map(
    (m) => new Domain.Member({ ...m, interests: m.interests.map((i) => renamed.get(i) ?? i) })
  )
}
const started = performance.now()

const dayFormat = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam"
})
const when = (d: DateTime.DateTime) => dayFormat.format(DateTime.toDateUtc(d))

// The console notifier prints one message of each kind in full (to the member first in the
// directory); the rest are counted.
const samples = new Map<string, Notifier.RenderedMessage>()
const delivered = new Map<string, number>()
const notifier = Notifier.fromPromise(["email"], async (message) => {
  const kind = message.event.type
  delivered.set(kind, (delivered.get(kind) ?? 0) + 1)
  const sample = samples.get(kind)
  // The first recipient in the directory, then the first subject (a facilitator gets one message per
  // group): the same sample whatever order the dispatcher sends in, and whatever the random ids.
  const keyOf = (m: Notifier.RenderedMessage) => `${m.recipients[0]?.memberId ?? ""}|${m.subject}`
  if (sample === undefined || keyOf(message).localeCompare(keyOf(sample), "nl", { numeric: true }) < 0)
    samples.set(kind, message)
  return { _tag: "Delivered", receipt: "printed" }
})

// An attachment as a member sees it in their mail client: its name and what it is, not its size.
const ATTACHMENT_KINDS: ReadonlyArray<readonly [string, string]> = [
  ["text/calendar", "agenda-uitnodiging"],
  ["application/pdf", "pdf-document"],
  ["text/html", "webpagina"]
]
const attachmentLine = (a: Notifier.RenderedMessage["attachments"][number]) => {
  const kind = ATTACHMENT_KINDS.find(([type]) => a.contentType.toLowerCase().startsWith(type))?.[1] ?? "bestand"
  return `Bijlage: ${a.filename} (${kind})`
}
const show = (message: Notifier.RenderedMessage) =>
  [Notifier.ConsoleNotifier.format({ ...message, attachments: [] }), ...message.attachments.map(attachmentLine)].join(
    "\n"
  )

const settings = Services.Settings.layer({
  organizer: { name: "Programmateam Grenzeloos Samenwerken", email: "programmateam@grenzeloos.example" },
  uidDomain: "grenzeloos.example"
})
const store = SqliteStore.layer({ filename: database })
const layer = Layer.mergeAll(
  Services.UseCases.layer.pipe(Layer.provide(Layer.mergeAll(store, Services.Ids.layer, settings))),
  store,
  Layer.succeed(Notifier.Notifier, notifier)
)

const program = Effect.gen(function* () {
  console.log(Report.title(`${generated.community.name} — één kwartaal (synthetische community, seed ${seed})`))
  console.log(`Database: ${database}`)
  const report = yield* Scenario.quarter({
    generated,
    seed,
    onStep: (step) => process.stderr.write(`· ${step}…\n`)
  })
  const { names, themeTitles, organisations } = report
  const nameOf = (id: string) => names.get(id) ?? id

  // 1. The community ------------------------------------------------------------------------------
  console.log(Report.heading(`1. Leden en intakes (${report.quarter})`))
  const { created, updated, unchanged } = report.registered
  console.log(
    `${created.length} nieuwe leden geïmporteerd, ${updated.length} bijgewerkt, ${unchanged.length} ongewijzigd. ` +
      `${report.intakes.planned} intakes gepland en gehouden${report.intakes.unplaced > 0 ? `, ${report.intakes.unplaced} niet in te plannen` : ""}.`
  )
  console.log(
    Report.barTable(
      Report.countBy(
        report.groups.groups.flatMap((g) => g.memberIds),
        (id) => organisations.get(id) ?? "?"
      ),
      { label: "Organisatie", value: "Actieve leden" }
    )
  )

  // 2. Learning groups ----------------------------------------------------------------------------
  console.log(Report.heading(`2. Leergroepen ${report.quarter}`))
  const result = report.groups.result
  console.log(
    Report.table(
      ["Groep", "Begeleider", "Leden", "Organisaties", "Score"],
      report.groups.groups.map((g, k) => [
        `Leergroep ${k + 1}`,
        g.facilitatorId === undefined ? "—" : nameOf(g.facilitatorId),
        g.memberIds.length,
        new Set(g.memberIds.map((id) => organisations.get(id))).size,
        Math.round(result.groups[k]?.score ?? 0)
      ])
    )
  )
  const first = report.groups.groups[0]
  if (first !== undefined) {
    console.log(`\nLeergroep 1: ${first.memberIds.map(nameOf).join(", ")}`)
    for (const e of result.explanations.filter((x) => x.group === 0).slice(0, 3))
      console.log(`  · ${nameOf(e.memberId)}: ${e.text}`)
  }
  console.log(
    `\nPaar dat elkaar in een eerdere ronde al trof: ${report.repeatedPairs === 0 ? "geen" : report.repeatedPairs}. ` +
      `Niet gehaalde wensen: ${result.unmet.length === 0 ? "geen" : result.unmet.length}.`
  )

  // 3. The vote and the programme -----------------------------------------------------------------
  console.log(Report.heading("3. Stemronde en programma (methode van gelijke delen, 180 minuten)"))
  const agenda = report.agenda
  console.log(`${report.ballots} stemmen uitgebracht. ${agenda.summary}\n`)
  console.log(
    Report.table(
      ["Plaats", "Thema", "Minuten", "Stemmen", "Op het programma"],
      agenda.backlog.map((t) => [
        t.place,
        themeTitles.get(t.themeId) ?? t.themeId,
        t.durationMinutes,
        t.supporters,
        t.inProgramme ? "ja" : "nee"
      ])
    )
  )
  console.log(
    `\nEerlijkheid: ${Math.round(agenda.fairness.shareWithAtLeastOne * 100)}\u00a0% van de ${agenda.fairness.voters} stemmers ziet minstens één van hun thema's op het programma.`
  )

  // 4. Candidate dates and the poll ----------------------------------------------------------------
  console.log(Report.heading(`4. Datumprikker voor ${report.quarter}`))
  const decision = report.decision
  console.log(
    `${report.proposal.eligibleDays} geschikte dagen; ${report.proposal.excluded.length} dagen vallen af (feestdagen, schoolvakanties, te kort na de vorige bijeenkomst).\n`
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
  // Who did not answer is unknown, not "cannot come": the two are counted apart.
  console.log(
    `\nGekozen: ${when(decision.chosen.startsAt)} — ${decision.chosen.yes.length} ja, ${decision.chosen.ifNeedBe.length} als het moet, ${decision.chosen.no.length} kunnen niet, ${decision.chosen.noAnswer.length} antwoordden niet.`
  )
  if (decision.runnerUp !== undefined)
    console.log(
      `Tweede keus: ${when(decision.runnerUp.startsAt)} — ${decision.runnerUp.yes.length} ja, ${decision.runnerUp.ifNeedBe.length} als het moet.`
    )
  console.log(
    "Volgorde: eerst wie er moet zijn, dan wie kan komen (ja of als het moet, wie de vorige keer miste telt zwaarder), bij gelijke stand de meeste ja's, dan de vroegste datum."
  )
  if (report.pair?._tag === "Pair")
    console.log(
      `Twee keer organiseren? ${when(report.pair.first.startsAt)} en ${when(report.pair.second.startsAt)}: dan kunnen ${report.pair.reached} leden minstens één keer.`
    )

  // 5. Invitations and reminders -------------------------------------------------------------------
  console.log(Report.heading("5. Uitnodigingen en herinneringen"))
  const dispatched = yield* Effect.withClock(
    Dispatcher.runOnce({ communityId: generated.community.id, batchSize: 200 }),
    Scenario.clockAt(report.invitedAt)
  )
  // By kind: the idempotency keys hold random record ids, so sorting by them changed the order
  // between two fresh databases.
  for (const message of [...samples.values()].sort((a, b) => a.event.type.localeCompare(b.event.type)))
    console.log(`\n${show(message)}`)
  // The quarter is over once its gathering was held: closing it withdraws what still waits in the
  // outbox for it (the reminders), so the next run, a quarter later, sends nothing stale.
  const team = {
    _tag: "ProgrammeTeam",
    communityId: generated.community.id,
    facilitatorId:
      (generated.facilitators.find((f) => f.role === "programme-team") ?? generated.facilitators[0])?.id ?? ""
  } as const
  const heldAt =
    DateTime.toEpochMillis(report.gathering.startsAt ?? DateTime.unsafeMake(report.invitedAt)) + 2 * 86_400_000
  yield* Effect.withClock(
    Effect.flatMap(Services.UseCases.UseCases, (uc) => uc.closeGathering(team, { gatheringId: report.gathering.id })),
    Scenario.clockAt(heldAt)
  )
  const ics = ICalendar.Invitation.render({
    method: "REQUEST",
    events: [report.invitationEvent],
    stamp: DateTime.unsafeMake(report.invitedAt)
  })
  const icsPath = join(outDir, `${report.gathering.id}.ics`)
  if (ics._tag === "Right") writeFileSync(icsPath, ics.right)
  console.log(
    `\n${dispatched.delivered} berichten verstuurd (${[...delivered].map(([kind, n]) => `${n} × ${kind}`).join(", ")}); ` +
      `${report.reminders} herinneringen staan klaar voor 7 en 1 dag vooraf.`
  )
  console.log(`Uitnodiging voor ${report.invitation.invited} leden geschreven naar ${icsPath}`)
  console.log(
    `Na afloop: ${report.attendance} aanwezigen vastgelegd bij ${report.gathering.title} (${when(report.gathering.startsAt ?? DateTime.unsafeMake(report.invitedAt))}).`
  )
  console.log("E-mailadressen staan alleen in de berichten zelf; in uitvoer en logs blijven ze afgeschermd.")
  console.log(
    `\nKlaar in ${((performance.now() - started) / 1000).toFixed(1)} s. Draai de demo nog eens: de community gaat verder met het volgende kwartaal.`
  )
})

Effect.runPromise(Effect.provide(program, layer)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
