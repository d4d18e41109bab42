/**
 * `report.html`: one self-contained page in Dutch that a programme team can mail around, with the
 * learning groups (who, which organisations, why), the programme with the votes behind it and how
 * fairly it serves the members, and the chosen date with the attendance per candidate slot.
 *
 * The page has no scripts, fonts, images or style sheets from elsewhere: the style is inline and
 * the charts are CSS bars or inline SVG, each beside or inside a table that holds the same numbers
 * as text (WCAG 2.2: headings in order, table captions and header scopes, 4.5:1 text contrast,
 * language `nl`). Every text from the data is escaped.
 *
 * @since 0.1.0
 */
import type { Agenda, Grouping, Scheduling } from "@grenzeloos/core"
import { DateTime } from "effect"
import * as Fairness from "./Fairness.js"
import { html, type Part, raw, type Safe } from "./Html.js"
import * as Numbers from "./Numbers.js"
import { palette } from "./Palette.js"

// The fairness section's input is part of the report's input.
export type { FairnessSection, SimulationRow } from "./Fairness.js"

/**
 * A person the report names: a member (with organisation and programme) or a facilitator.
 *
 * @since 0.1.0
 */
export interface Person {
  readonly id: string
  readonly name: string
  readonly organisation?: string
  readonly programme?: string
}

/**
 * The learning groups of a round, as the grouping engine formed them (a `Grouping.Form.Grouping`
 * fits as it is). Without explanations the page says so instead of why per member.
 *
 * @since 0.1.0
 */
export interface GroupsSection {
  /** e.g. "Leergroepen 2027". */
  readonly title: string
  readonly grouping: {
    /** `name`: the group's name as stored and e-mailed to its members ("Leergroep 14"); without it, "Leergroep <index + 1>". */
    readonly groups: ReadonlyArray<
      Pick<Grouping.Form.Group, "index" | "memberIds" | "facilitatorId"> & { readonly name?: string }
    >
    readonly explanations: ReadonlyArray<Pick<Grouping.Form.Grouping["explanations"][number], "memberId" | "text">>
    readonly unmet: ReadonlyArray<Pick<Grouping.Form.Unmet, "group" | "text">>
  }
}

/**
 * One theme of the outcome as the page shows it (an `Agenda.Prioritise.ThemeOutcome` fits).
 *
 * @since 0.1.0
 */
export type ThemeLine = Pick<
  Agenda.Prioritise.ThemeOutcome,
  "themeId" | "title" | "inProgramme" | "place" | "durationMinutes" | "supporters" | "explanation"
>

/**
 * What the page shows of the agenda engine's outcome (an `Agenda.Prioritise.AgendaResult` fits
 * as it is).
 *
 * @since 0.1.0
 */
export interface AgendaOutcome {
  readonly method: Agenda.Explanation.MethodName
  readonly unit: Agenda.Texts.Unit
  readonly budget: number
  readonly used: number
  readonly summary: string
  readonly programme: ReadonlyArray<ThemeLine>
  readonly backlog: ReadonlyArray<ThemeLine>
  readonly fairness: Pick<Agenda.Fairness.Fairness, "voters" | "withAtLeastOne" | "shareWithAtLeastOne"> & {
    readonly members: ReadonlyArray<Pick<Agenda.Fairness.MemberFairness, "inProgramme">>
  }
  readonly equalShares?: { readonly sharePerMember: number }
}

/**
 * The programme of a gathering, as the agenda engine chose it from a voting round.
 *
 * @since 0.1.0
 */
export interface AgendaSection {
  /** e.g. "Programma kwartaalbijeenkomst 2027-Q1". */
  readonly title: string
  readonly result: AgendaOutcome
  /** Theme titles by id. */
  readonly themes: ReadonlyArray<{ readonly id: string; readonly title: string }>
}

/**
 * The date of a gathering, as the availability poll decided it.
 *
 * @since 0.1.0
 */
export interface MeetingSection {
  /** e.g. "Datum kwartaalbijeenkomst 2027-Q1". */
  readonly title: string
  readonly decision: Scheduling.Poll.Decision
  /** The length of the meeting, shown with the chosen date. */
  readonly durationMinutes?: number
  /** What happened to the gathering since the poll decided its date: moved, or cancelled. */
  readonly since?: { readonly _tag: "Moved"; readonly startsAt: DateTime.DateTime } | { readonly _tag: "Cancelled" }
}

/**
 * One gathering of the year as the attendance picture shows it: who was invited, who said yes
 * to the invitation and who was there (the stored invitees, RSVPs and attendance list).
 *
 * @since 0.2.0
 */
export interface GatheringAttendance {
  readonly title: string
  readonly startsAt?: DateTime.DateTime
  /** Members the invitation was sent to (the gathering's stored invitees); left out when unknown. */
  readonly invited?: number
  /** Members who answered yes to the invitation. */
  readonly accepted: number
  /** Members on the attendance list. */
  readonly attended: number
}

/**
 * Everything the report shows. A section left out is shown as not done yet.
 *
 * @since 0.1.0
 */
export interface ReportInput {
  readonly community: { readonly name: string }
  /** The zone dates are shown in (default `Europe/Amsterdam`). */
  readonly timeZone?: string
  readonly generatedAt: DateTime.DateTime
  /** Members and facilitators, to show names instead of ids. */
  readonly people: ReadonlyArray<Person>
  readonly groups?: GroupsSection
  readonly agenda?: AgendaSection
  readonly meeting?: MeetingSection
  /** The year's held gatherings, oldest first; the attendance picture is left out when empty. */
  readonly attendance?: ReadonlyArray<GatheringAttendance>
  /** "Fairness over the year" (issue 18); left out of the page when not given. */
  readonly fairness?: Fairness.FairnessSection
}

const METHODS: Record<Agenda.Explanation.MethodName, string> = {
  greedy: "meeste stemmen (goedkeuringsstemming)",
  dots: "stippen verdelen",
  score: "punten geven",
  borda: "Borda-telling",
  schulze: "Schulze-methode",
  "equal-shares": "Method of Equal Shares (gelijke delen)",
  "equal-shares-carried": "Method of Equal Shares met meegenomen tegoed",
  "perpetual-phragmen": "doorlopende methode van Phragmén"
}

const numbers = Numbers.of("nl")
const percent = (share: number) => numbers.percent(share)
const count = (n: number) => numbers.number(n)
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)

/** The organisations of the groups in order of size; the largest get a colour each, the rest share grey. */
const organisationColours = (organisations: ReadonlyArray<string>): ReadonlyMap<string, string> => {
  const sizes = new Map<string, number>()
  for (const o of organisations) sizes.set(o, (sizes.get(o) ?? 0) + 1)
  const ordered = [...sizes.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, "nl")).map(([o]) => o)
  return new Map(ordered.map((o, i) => [o, palette.categories[i] ?? palette.no]))
}

const OTHER = "overige organisaties"

/** A stacked bar per learning group, one colour per organisation, with a legend in text. */
const organisationChart = (
  groups: ReadonlyArray<{ readonly name: string; readonly organisations: ReadonlyArray<string> }>,
  colours: ReadonlyMap<string, string>
): Safe => {
  const unit = 22
  const labelWidth = 110
  const rowHeight = 16
  const most = Math.max(1, ...groups.map((g) => g.organisations.length))
  const width = labelWidth + most * unit + 4
  const height = groups.length * rowHeight + 4
  const label = `Leden per organisatie in elke leergroep: ${plural(groups.length, "groep", "groepen")}, elk blokje is één lid, de kleur is de organisatie.`
  const named = [...colours.entries()].filter(([, c]) => c !== palette.no)
  const rest = colours.size > named.length
  return html`<figure class="chart beside">
<svg role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${label}</title>
${groups.map((g, row) => {
  const y = 2 + row * rowHeight
  const ordered = [...g.organisations].sort(
    (a, b) => [...colours.keys()].indexOf(a) - [...colours.keys()].indexOf(b) || a.localeCompare(b, "nl")
  )
  return html`<text x="0" y="${y + 12}" font-size="11" fill="${palette.text}">${clip(g.name, 18)}</text>${ordered.map(
    (o, i) =>
      html`<rect x="${labelWidth + i * unit}" y="${y + 1}" width="${unit - 2}" height="${rowHeight - 3}" fill="${colours.get(o) ?? palette.no}"><title>${o}</title></rect>`
  )}
`
})}</svg>
<figcaption class="legend">${named.map(
    ([o, c]) => html`<span class="item"><span class="key" style="${`background:${c}`}"></span>${o}</span> `
  )}${rest ? html`<span class="item"><span class="key" style="${`background:${palette.no}`}"></span>${OTHER}</span>` : ""}</figcaption>
</figure>`
}

/** A horizontal bar per theme: its supporters, the programmed themes dark and marked. */
const votesChart = (
  themes: ReadonlyArray<{
    readonly title: string
    readonly supporters: number
    readonly duration: string
    readonly inProgramme: boolean
  }>
): Safe => {
  const labelWidth = 250
  const barWidth = 240
  const rowHeight = 16
  const most = Math.max(1, ...themes.map((t) => t.supporters))
  const width = labelWidth + barWidth + 160
  const height = themes.length * rowHeight + 4
  const label = `Stemmen per thema: ${plural(themes.length, "thema", "thema's")}, de thema's op het programma donker en gemarkeerd.`
  return html`<figure class="chart">
<svg role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${label}</title>
${themes.map((t, row) => {
  const y = 2 + row * rowHeight
  const w = Math.max(1, (t.supporters / most) * barWidth)
  return html`<text x="0" y="${y + 12}" font-size="11" fill="${palette.text}">${clip(t.title, 42)}</text><rect x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowHeight - 4}" fill="${t.inProgramme ? palette.bar : palette.no}"/><text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 12}" font-size="11" fill="${palette.text}">${count(t.supporters)} · ${t.duration}${t.inProgramme ? " ✓ programma" : ""}</text>
`
})}</svg>
<figcaption class="muted">Per thema het aantal stemmen en de duur; donker met ✓: op het programma.</figcaption>
</figure>`
}

const bar = (share: number, colour: string = palette.bar): Safe =>
  html`<span class="bar" aria-hidden="true"><span style="${`width:${Math.max(0, Math.min(100, share * 100)).toFixed(1)}%;background:${colour}`}"></span></span>`

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: ${palette.background}; color: ${palette.text};
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; color: ${palette.accent}; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .5rem; color: ${palette.accent}; border-bottom: 2px solid ${palette.accent}; }
h3 { font-size: 1.2rem; margin: 1.75rem 0 .25rem; }
p, li { max-width: 48rem; }
a { color: ${palette.accent}; }
a:focus-visible { outline: 3px solid ${palette.accent}; outline-offset: 2px; }
.muted { color: ${palette.muted}; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid ${palette.rule}; }
thead th { background: ${palette.headerBackground}; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.chosen { background: ${palette.chosenBackground}; }
td.chart { white-space: nowrap; }
.bar { display: inline-block; width: 8rem; height: .9rem; border: 1px solid ${palette.rule}; vertical-align: middle; margin-right: .4rem; }
.bar > span { display: block; height: 100%; }
.key { display: inline-block; width: .9rem; height: .9rem; vertical-align: middle; margin: 0 .25rem 0 .75rem; border: 1px solid ${palette.rule}; }
.highlight { font-size: 1.25rem; font-weight: 600; }
svg { vertical-align: middle; }
figure.chart { margin: .5rem 0 1rem; }
figure.chart svg { max-width: 100%; height: auto; }
.legend { font-size: .9rem; }
figure.beside { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: flex-start; }
figure.beside .legend { flex: 1 1 18rem; }
figure.beside .legend .item { display: block; white-space: normal; }
th.when { white-space: nowrap; }
thead th.number { white-space: normal; }
.legend .item { white-space: nowrap; }
.legend .key { margin-left: 0; }
.member { white-space: nowrap; }
.member .key { margin: 0 .2rem 0 0; width: .7rem; height: .7rem; }
.groups { columns: 3 14rem; column-gap: 1.25rem; }
.group { break-inside: avoid; }
.group h3 { margin: .75rem 0 0; font-size: 1.05rem; }
.group p.members { margin: 0 0 .25rem; font-size: .9rem; }
.label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
details { font-size: .9rem; }
@media print {
  body { font-size: 9.5pt; }
  table { font-size: 9pt; margin: .25rem 0 .5rem; }
  figure.chart { margin: .25rem 0 .5rem; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; margin-top: 1.25rem; }
  table { break-inside: auto; } tr { break-inside: avoid; }
  th, td { padding: .15rem .35rem; }
  nav { display: none; }
  .groups { columns: 4; column-gap: 1rem; }
  .group p.members { font-size: 8.5pt; }
  .print-hide { display: none; }
  .highlight { font-size: 1.05rem; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; } h3 { font-size: 1.05rem; margin-top: .75rem; }
  p { margin: .35rem 0; }
  details { display: none; }
}
@page { size: A4; margin: 14mm; }
`

const nameOf = (people: ReadonlyMap<string, Person>, id: string) => people.get(id)?.name ?? id

const dateFormatter = (timeZone: string) =>
  new Intl.DateTimeFormat("nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone
  })

const groupsSection = (section: GroupsSection | undefined, people: ReadonlyMap<string, Person>): Safe => {
  if (section === undefined) {
    return html`<section aria-labelledby="groepen"><h2 id="groepen">Leergroepen</h2>
<p>Dit verslag bevat geen leergroepen.</p></section>`
  }
  const { grouping } = section
  const explanation = new Map(grouping.explanations.map((e) => [e.memberId, e.text]))
  const explained = explanation.size > 0
  const members = grouping.groups.reduce((n, g) => n + g.memberIds.length, 0)
  const sizes = grouping.groups.map((g) => g.memberIds.length)
  const organisationOf = (id: string) => people.get(id)?.organisation ?? OTHER
  const colours = organisationColours(grouping.groups.flatMap((g) => g.memberIds.map(organisationOf)))
  const named = grouping.groups.map((group) => ({ group, name: group.name ?? `Leergroep ${group.index + 1}` }))
  const groups = named.map(({ group, name }) => {
    const number = group.index + 1
    const perOrganisation = new Map<string, number>()
    for (const id of group.memberIds) {
      const o = people.get(id)?.organisation
      if (o !== undefined) perOrganisation.set(o, (perOrganisation.get(o) ?? 0) + 1)
    }
    const unmet = grouping.unmet.filter((u) => u.group === group.index)
    const memberList = group.memberIds.map((id) => {
      const person = people.get(id)
      const organisation = organisationOf(id)
      return html`<span class="member"><span class="key" style="${`background:${colours.get(organisation) ?? palette.no}`}" aria-hidden="true"></span>${person?.name ?? id}<span class="label"> (${organisation})</span></span>`
    })
    return html`<div class="group"><h3 id="${`leergroep-${number}`}">${name}</h3>
<p class="members"><span class="muted">${plural(group.memberIds.length, "lid", "leden")} uit ${plural(perOrganisation.size, "organisatie", "organisaties")}${
      group.facilitatorId === undefined ? "" : html`; begeleiding: ${nameOf(people, group.facilitatorId)}`
    }${explained && unmet.length > 0 ? html`; ${plural(unmet.length, "wens", "wensen")} niet gehaald` : ""}.</span> <span class="label">Leden van ${name}:</span> ${memberList.flatMap((m, i) => (i === 0 ? [m] : [raw(", "), m]))}.</p>
<details><summary>${explained ? "Organisaties, programma's en waarom in deze groep" : "Organisaties en programma's"}</summary><ul>${group.memberIds.map(
      (id) => {
        const person = people.get(id)
        return html`<li><strong>${person?.name ?? id}</strong>, ${person?.organisation ?? "—"}, ${person?.programme ?? "—"}${explained ? html`: ${explanation.get(id) ?? "—"}` : ""}</li>`
      }
    )}${explained ? unmet.map((u) => html`<li>Niet gehaald: ${u.text}</li>`) : ""}</ul></details></div>`
  })
  return html`<section aria-labelledby="groepen"><h2 id="groepen">${section.title}</h2>
<p>${plural(members, "lid", "leden")} in ${plural(grouping.groups.length, "leergroep", "leergroepen")} van ${count(Math.min(...sizes))} tot ${count(Math.max(...sizes))} personen: leden uit verschillende organisaties en programma's met gedeelde interesses, zo weinig mogelijk met eerdere groepsgenoten. De kleur bij een naam is de organisatie.<span class="print-hide">${explained ? " Organisatie, programma en waarom ieder lid in zijn of haar groep zit staan onder de groep." : " Organisatie en programma van ieder lid staan onder de groep."}</span></p>
${organisationChart(
  named.map(({ group, name }) => ({ name, organisations: group.memberIds.map(organisationOf) })),
  colours
)}
<div class="groups">${groups}</div>
</section>`
}

const agendaSection = (section: AgendaSection | undefined): Safe => {
  if (section === undefined) {
    return html`<section aria-labelledby="programma"><h2 id="programma">Programma</h2>
<p>Dit verslag bevat geen programma.</p></section>`
  }
  const { result } = section
  const title = new Map(section.themes.map((t) => [t.id, t.title]))
  const unit = (n: number, digits = 0) =>
    result.unit === "minutes" ? `${numbers.number(n, digits)} min` : plural(n, "blok", "blokken")
  const { fairness } = result
  const distribution = new Map<number, number>()
  for (const m of fairness.members) distribution.set(m.inProgramme, (distribution.get(m.inProgramme) ?? 0) + 1)
  const counts = [...distribution.entries()].sort(([a], [b]) => a - b)
  const maxCount = Math.max(1, ...counts.map(([, n]) => n))
  return html`<section aria-labelledby="programma"><h2 id="programma">${section.title}</h2>
<p>${plural(fairness.voters, "lid heeft", "leden hebben")} gestemd. Gekozen met ${METHODS[result.method]}: ${plural(
    result.programme.length,
    "thema",
    "thema's"
  )} in ${unit(result.used)} van de ${unit(result.budget)}.</p>
<p>${result.summary}</p>
<table>
<caption>Het programma</caption>
<thead><tr><th scope="col" class="number">#</th><th scope="col">Thema</th><th scope="col" class="number">Duur</th><th scope="col" class="number">Stemmen</th><th scope="col">Waarom op het programma</th></tr></thead>
<tbody>
${result.programme.map(
  (t, i) =>
    html`<tr><td class="number">${count(i + 1)}</td><th scope="row">${title.get(t.themeId) ?? t.title ?? t.themeId}</th><td class="number">${unit(
      t.durationMinutes
    )}</td><td class="number">${count(t.supporters)}</td><td>${t.explanation}</td></tr>\n`
)}</tbody>
</table>
<h3 id="stemmen">De stemmen per thema</h3>
${votesChart(
  result.backlog.map((t) => ({
    title: title.get(t.themeId) ?? t.title ?? t.themeId,
    supporters: t.supporters,
    duration: unit(t.durationMinutes),
    inProgramme: t.inProgramme
  }))
)}
<table class="print-hide">
<caption>Alle thema's van de stemronde, in de volgorde van de methode</caption>
<thead><tr><th scope="col" class="number">Plaats</th><th scope="col">Thema</th><th scope="col" class="number">Duur</th><th scope="col" class="number">Stemmen</th><th scope="col">Op het programma</th></tr></thead>
<tbody>
${result.backlog.map(
  (t) =>
    html`<tr><td class="number">${count(t.place)}</td><th scope="row">${title.get(t.themeId) ?? t.title ?? t.themeId}</th><td class="number">${unit(
      t.durationMinutes
    )}</td><td class="number">${count(t.supporters)}</td><td>${t.inProgramme ? "ja" : "nee"}</td></tr>\n`
)}</tbody>
</table>
${
  result.backlog.some((t) => !t.inProgramme)
    ? html`<details><summary>Waarom de andere thema's niet op het programma kwamen</summary><ul>${result.backlog
        .filter((t) => !t.inProgramme)
        .map(
          (t) => html`<li><strong>${title.get(t.themeId) ?? t.title ?? t.themeId}</strong>: ${t.explanation}</li>`
        )}</ul></details>`
    : ""
}
<h3 id="eerlijkheid">Hoe eerlijk is het programma?</h3>
<p class="highlight">${bar(fairness.shareWithAtLeastOne)}${percent(fairness.shareWithAtLeastOne)} van de stemmers (${count(fairness.withAtLeastOne)} van ${count(fairness.voters)}) ziet minstens één thema waarop ze stemden op het programma.</p>
${
  result.equalShares === undefined
    ? ""
    : html`<p>Bij Equal Shares krijgt elk lid een gelijk deel van de tijd (${unit(
        result.equalShares.sharePerMember,
        1
      )}) om aan thema's te besteden; een thema komt op het programma als de leden die het steunen het samen kunnen betalen. Zo krijgt ook een kleinere groep met een eigen wens een plek.</p>`
}
${
  counts.length === 0
    ? ""
    : html`<table>
<caption>Hoeveel van hun thema's de leden op het programma zien</caption>
<thead><tr><th scope="col">Thema's van het lid op het programma</th><th scope="col">Leden</th></tr></thead>
<tbody>
${counts.map(
  ([inProgramme, n]) =>
    html`<tr><th scope="row">${inProgramme === 0 ? "geen" : count(inProgramme)}</th><td class="chart">${bar(n / maxCount)}${count(n)}</td></tr>\n`
)}</tbody>
</table>`
}
</section>`
}

const pollBar = (slot: Scheduling.Poll.SlotScore, invited: number): Safe => {
  const width = 140
  const scale = invited === 0 ? 0 : width / invited
  const yes = slot.yes.length * scale
  const ifNeedBe = slot.ifNeedBe.length * scale
  const no = slot.no.length * scale
  const label = `${count(slot.yes.length)} ja, ${count(slot.ifNeedBe.length)} als het moet, ${count(slot.no.length)} nee, ${count(slot.noAnswer.length)} geen antwoord`
  return html`<svg role="img" width="${width + 2}" height="18" viewBox="0 0 ${width + 2} 18" aria-label="${label}"><title>${label}</title><rect x="0.5" y="0.5" width="${
    width + 1
  }" height="17" fill="${palette.background}" stroke="${palette.rule}"/><rect x="1" y="1" width="${yes.toFixed(2)}" height="16" fill="${palette.bar}"/><rect x="${(
    1 + yes
  ).toFixed(
    2
  )}" y="1" width="${ifNeedBe.toFixed(2)}" height="16" fill="${palette.ifNeedBe}"/><rect x="${(1 + yes + ifNeedBe).toFixed(2)}" y="1" width="${no.toFixed(
    2
  )}" height="16" fill="${palette.no}"/></svg>`
}

/**
 * Per gathering up to three bars: invited (outline), yes to the invitation (light) and there
 * (dark), with the numbers as text.
 */
const attendancePart = (
  gatherings: ReadonlyArray<GatheringAttendance>,
  when: (d: DateTime.DateTime) => string
): Safe => {
  const labelWidth = 250
  const barWidth = 280
  const withInvited = gatherings.some((g) => g.invited !== undefined)
  const bars = withInvited ? 3 : 2
  const rowHeight = 4 + bars * 11
  const most = Math.max(1, ...gatherings.flatMap((g) => [g.invited ?? 0, g.accepted, g.attended]))
  const width = labelWidth + barWidth + 60
  const height = gatherings.length * rowHeight + 4
  const name = (g: GatheringAttendance) => (g.startsAt === undefined ? g.title : `${g.title} (${when(g.startsAt)})`)
  const label = withInvited
    ? "Aanwezigheid over het jaar: per bijeenkomst hoeveel leden zijn uitgenodigd (omlijnd), wie ja zei op de uitnodiging (licht) en wie er was (donker)."
    : "Aanwezigheid over het jaar: per bijeenkomst wie ja zei op de uitnodiging (licht) en wie er was (donker)."
  const barOf = (value: number, y: number, style: "outline" | "light" | "dark") => {
    const w = Math.max(1, (value / most) * barWidth)
    const fill = style === "dark" ? palette.bar : palette.background
    const stroke = style === "light" ? palette.bar : style === "outline" ? palette.text : "none"
    return html`<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="10" fill="${fill}" stroke="${stroke}"${style === "outline" ? html` stroke-dasharray="3 2"` : ""}/><text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 9}" font-size="10" fill="${palette.text}">${count(value)}</text>`
  }
  return html`<h3 id="aanwezigheid">Aanwezigheid over het jaar</h3>
<figure class="chart">
<svg role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${label}</title>
${gatherings.map((g, row) => {
  const y = 2 + row * rowHeight
  const first = withInvited ? barOf(g.invited ?? 0, y + 1, "outline") : ""
  const offset = withInvited ? 11 : 0
  return html`<text x="0" y="${y + 5 + bars * 5}" font-size="11" fill="${palette.text}">${clip(name(g), 42)}</text>${first}${barOf(g.accepted, y + 1 + offset, "light")}${barOf(g.attended, y + 12 + offset, "dark")}\n`
})}</svg>
<figcaption class="legend">${withInvited ? html`<span class="item"><span class="key" style="${`background:${palette.background};border:1px dashed ${palette.text}`}"></span>uitgenodigd</span> ` : ""}<span class="item"><span class="key" style="${`background:${palette.background};border-color:${palette.bar}`}"></span>ja op de uitnodiging</span> <span class="item"><span class="key" style="${`background:${palette.bar}`}"></span>aanwezig</span></figcaption>
</figure>
<table class="print-hide">
<caption>Aanwezigheid per bijeenkomst</caption>
<thead><tr><th scope="col">Bijeenkomst</th>${withInvited ? html`<th scope="col" class="number">Uitgenodigd</th>` : ""}<th scope="col" class="number">Ja op de uitnodiging</th><th scope="col" class="number">Aanwezig</th></tr></thead>
<tbody>
${gatherings.map(
  (g) =>
    html`<tr><th scope="row">${name(g)}</th>${withInvited ? html`<td class="number">${g.invited === undefined ? "—" : count(g.invited)}</td>` : ""}<td class="number">${count(g.accepted)}</td><td class="number">${count(g.attended)}</td></tr>\n`
)}</tbody>
</table>`
}

const ORDER =
  "De volgorde: eerst de momenten waarop iedereen kan die erbij moet zijn, dan waarop de meeste leden kunnen komen (ja of als het moet; wie de vorige bijeenkomst miste telt zwaarder), dan de meeste keren ja, dan de vroegste datum."

const meetingSection = (
  section: MeetingSection | undefined,
  format: Intl.DateTimeFormat,
  people: ReadonlyMap<string, Person>,
  attendance: ReadonlyArray<GatheringAttendance>
): Safe => {
  const year =
    attendance.length === 0
      ? ""
      : attendancePart(attendance, (d) =>
          new Intl.DateTimeFormat("nl-NL", {
            day: "numeric",
            month: "short",
            year: "numeric",
            timeZone: format.resolvedOptions().timeZone
          }).format(DateTime.toDateUtc(d))
        )
  if (section === undefined) {
    return html`<section aria-labelledby="datum"><h2 id="datum">Datum</h2>
<p>Dit verslag bevat geen datum.</p>${year}</section>`
  }
  const { decision } = section
  const when = (slot: Scheduling.Poll.SlotScore) => format.format(DateTime.toDateUtc(slot.startsAt))
  const shortFormat = new Intl.DateTimeFormat("nl-NL", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: format.resolvedOptions().timeZone
  })
  const short = (slot: Scheduling.Poll.SlotScore) => shortFormat.format(DateTime.toDateUtc(slot.startsAt))
  const slots = [...decision.ranking].sort((a, b) => a.index - b.index)
  const chosenId = decision._tag === "Decided" ? decision.chosen.slotId : undefined
  const invited = Math.max(0, ...slots.map((s) => s.yes.length + s.ifNeedBe.length + s.no.length + s.noAnswer.length))
  const names = (ids: ReadonlyArray<string>) =>
    ids
      .map((id) => nameOf(people, id))
      .sort((a, b) => a.localeCompare(b, "nl"))
      .join(", ")
  const headline = (() => {
    if (decision._tag !== "Decided") {
      return html`<p class="highlight">Geen datum: er is geen moment waarop iedereen die erbij moet zijn kan komen.</p>`
    }
    const { chosen, runnerUp } = decision
    const absent = [...chosen.no, ...chosen.noAnswer]
    return html`<p class="highlight">Gekozen: ${when(chosen)}${
      section.durationMinutes === undefined ? "" : html` (${count(section.durationMinutes)} minuten)`
    }</p>
<p>${count(chosen.yes.length)} ja, ${count(chosen.ifNeedBe.length)} als het moet, ${count(absent.length)} kunnen niet of antwoordden niet.${
      runnerUp === undefined
        ? ""
        : html` Tweede keus: ${when(runnerUp)}, met ${count(runnerUp.yes.length)} ja en ${count(runnerUp.ifNeedBe.length)} als het moet.`
    }</p>
${
  absent.length === 0
    ? ""
    : html`<details><summary>Wie er op ${when(chosen)} niet bij kan zijn (${count(absent.length)})</summary><p>${names(absent)}</p></details>`
}`
  })()
  const since =
    section.since === undefined
      ? ""
      : section.since._tag === "Cancelled"
        ? html`<p class="highlight">De bijeenkomst is daarna afgelast.</p>`
        : html`<p class="highlight">Daarna verplaatst naar ${format.format(DateTime.toDateUtc(section.since.startsAt))}.</p>`
  return html`<section aria-labelledby="datum"><h2 id="datum">${section.title}</h2>
${headline}
${since}
<p class="muted print-hide">${ORDER}</p>
<p aria-hidden="true" class="muted">Legenda:<span class="key" style="${`background:${palette.bar}`}"></span>ja<span class="key" style="${`background:${palette.ifNeedBe}`}"></span>als het moet<span class="key" style="${`background:${palette.no}`}"></span>nee<span class="key" style="${`background:${palette.background}`}"></span>geen antwoord</p>
<table>
<caption>Beschikbaarheid per moment (${plural(invited, "genodigde", "genodigden")})</caption>
<thead><tr><th scope="col">Moment</th><th scope="col" class="number">Ja</th><th scope="col" class="number">Als het moet</th><th scope="col" class="number">Nee</th><th scope="col" class="number">Geen antwoord</th><th scope="col">Verdeling</th><th scope="col">Uitkomst</th></tr></thead>
<tbody>
${slots.map((slot) => {
  const chosen = slot.slotId === chosenId
  const place = decision.ranking.findIndex((s) => s.slotId === slot.slotId) + 1
  return html`<tr${chosen ? raw(' class="chosen"') : ""}><th scope="row" class="when">${short(slot)}</th><td class="number">${count(slot.yes.length)}</td><td class="number">${count(slot.ifNeedBe.length)}</td><td class="number">${count(slot.no.length)}</td><td class="number">${count(slot.noAnswer.length)}</td><td>${pollBar(
    slot,
    invited
  )}</td><td>${chosen ? html`<strong>gekozen</strong>` : html`${count(place)}e keus${slot.feasible ? "" : " (niet iedereen die moet kan)"}`}</td></tr>\n`
})}</tbody>
</table>
${year}
</section>`
}

/**
 * Renders the report as one HTML page (a complete document, UTF-8).
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { DateTime } from "effect"
 * import { Report } from "@grenzeloos/cli"
 *
 * const page = Report.render({
 *   community: { name: "Programmadirecteuren Rijk" },
 *   generatedAt: DateTime.unsafeMake("2027-01-15T09:00:00Z"),
 *   people: []
 * })
 * writeFileSync("report.html", page)
 * ```
 * @since 0.1.0
 */
export const render = (input: ReportInput): string => {
  const timeZone = input.timeZone ?? "Europe/Amsterdam"
  const format = dateFormatter(timeZone)
  const people = new Map(input.people.map((p) => [p.id, p]))
  const contents: ReadonlyArray<[string, string]> = [
    ["groepen", input.groups?.title ?? "Leergroepen"],
    ["programma", input.agenda?.title ?? "Programma"],
    ["datum", input.meeting?.title ?? "Datum"],
    ...(input.fairness === undefined ? [] : [["eerlijkheid-jaar", "Eerlijkheid over het jaar"] as [string, string]])
  ]
  const body: Part = [
    groupsSection(input.groups, people),
    raw("\n"),
    agendaSection(input.agenda),
    raw("\n"),
    meetingSection(input.meeting, format, people, input.attendance ?? []),
    ...(input.fairness === undefined
      ? []
      : [raw("\n"), Fairness.section(input.fairness, { person: (id) => people.get(id)?.name }, "nl")])
  ]
  return html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${input.community.name} — verslag</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
<header>
<h1>${input.community.name}</h1>
<p class="muted">Verslag van de community, gemaakt op ${format.format(DateTime.toDateUtc(input.generatedAt))}.</p>
<nav aria-label="Inhoud"><ul>${contents.map(([id, title]) => html`<li><a href="${`#${id}`}">${title}</a></li>`)}</ul></nav>
</header>
${body}
</main>
</body>
</html>
`.value
}
