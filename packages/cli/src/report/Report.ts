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
import { palette } from "./Palette.js"

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

const percent = (share: number) => `${Math.round(share * 100)}%`
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

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
@media print { h2 { break-after: avoid; } table { break-inside: auto; } tr { break-inside: avoid; } }
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
  const groups = grouping.groups.map((group) => {
    const number = group.index + 1
    const name = group.name ?? `Leergroep ${number}`
    const organisations = [
      ...new Set(group.memberIds.map((id) => people.get(id)?.organisation).filter((o) => o !== undefined))
    ]
    const unmet = grouping.unmet.filter((u) => u.group === group.index)
    return html`<h3 id="${`leergroep-${number}`}">${name}</h3>
<p>${plural(group.memberIds.length, "lid", "leden")} uit ${plural(organisations.length, "organisatie", "organisaties")}${
      group.facilitatorId === undefined ? "" : html`; begeleiding: ${nameOf(people, group.facilitatorId)}`
    }.</p>
<p><span class="muted">Organisaties:</span> ${organisations.join(", ")}</p>
<table>
<caption>Leden van ${name}</caption>
<thead><tr><th scope="col">Naam</th><th scope="col">Organisatie</th><th scope="col">Programma</th>${
      explained ? html`<th scope="col">Waarom in deze groep</th>` : ""
    }</tr></thead>
<tbody>
${group.memberIds.map((id) => {
  const person = people.get(id)
  return html`<tr><th scope="row">${person?.name ?? id}</th><td>${person?.organisation ?? "—"}</td><td>${
    person?.programme ?? "—"
  }</td>${explained ? html`<td>${explanation.get(id) ?? "—"}</td>` : ""}</tr>\n`
})}</tbody>
</table>
${
  !explained
    ? ""
    : unmet.length === 0
      ? html`<p class="muted">Alle wensen voor deze groep zijn gehaald.</p>`
      : html`<p>Niet gehaalde wensen:</p><ul>${unmet.map((u) => html`<li>${u.text}</li>`)}</ul>`
}`
  })
  return html`<section aria-labelledby="groepen"><h2 id="groepen">${section.title}</h2>
<p>${plural(members, "lid", "leden")} in ${plural(grouping.groups.length, "leergroep", "leergroepen")} van ${Math.min(...sizes)} tot ${Math.max(...sizes)} personen. De groepen zijn zo samengesteld dat leden uit verschillende organisaties en programma's elkaar ontmoeten, met gedeelde interesses, en zo weinig mogelijk met wie ze eerder in een groep zaten.${explained ? " Per lid staat erbij waarom." : ""}</p>
${groups}
</section>`
}

const agendaSection = (section: AgendaSection | undefined): Safe => {
  if (section === undefined) {
    return html`<section aria-labelledby="programma"><h2 id="programma">Programma</h2>
<p>Dit verslag bevat geen programma.</p></section>`
  }
  const { result } = section
  const title = new Map(section.themes.map((t) => [t.id, t.title]))
  const unit = (n: number) => (result.unit === "minutes" ? `${n} min` : plural(n, "blok", "blokken"))
  const maxSupporters = Math.max(1, ...result.backlog.map((t) => t.supporters))
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
    html`<tr><td class="number">${i + 1}</td><th scope="row">${title.get(t.themeId) ?? t.title ?? t.themeId}</th><td class="number">${unit(
      t.durationMinutes
    )}</td><td class="number">${t.supporters}</td><td>${t.explanation}</td></tr>\n`
)}</tbody>
</table>
<h3 id="stemmen">De stemmen per thema</h3>
<table>
<caption>Alle thema's van de stemronde, in de volgorde van de methode</caption>
<thead><tr><th scope="col" class="number">Plaats</th><th scope="col">Thema</th><th scope="col" class="number">Duur</th><th scope="col">Stemmen</th><th scope="col">Op het programma</th><th scope="col">Toelichting</th></tr></thead>
<tbody>
${result.backlog.map(
  (t) =>
    html`<tr><td class="number">${t.place}</td><th scope="row">${title.get(t.themeId) ?? t.title ?? t.themeId}</th><td class="number">${unit(
      t.durationMinutes
    )}</td><td class="chart">${bar(t.supporters / maxSupporters)}${t.supporters}</td><td>${t.inProgramme ? "ja" : "nee"}</td><td>${t.explanation}</td></tr>\n`
)}</tbody>
</table>
<h3 id="eerlijkheid">Hoe eerlijk is het programma?</h3>
<p class="highlight">${bar(fairness.shareWithAtLeastOne)}${percent(fairness.shareWithAtLeastOne)} van de stemmers (${fairness.withAtLeastOne} van ${fairness.voters}) ziet minstens één thema waarop ze stemden op het programma.</p>
${
  result.equalShares === undefined
    ? ""
    : html`<p>Bij Equal Shares krijgt elk lid een gelijk deel van de tijd (${unit(
        Math.round(result.equalShares.sharePerMember * 100) / 100
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
    html`<tr><th scope="row">${inProgramme === 0 ? "geen" : String(inProgramme)}</th><td class="chart">${bar(n / maxCount)}${n}</td></tr>\n`
)}</tbody>
</table>`
}
</section>`
}

const pollBar = (slot: Scheduling.Poll.SlotScore, invited: number): Safe => {
  const width = 240
  const scale = invited === 0 ? 0 : width / invited
  const yes = slot.yes.length * scale
  const ifNeedBe = slot.ifNeedBe.length * scale
  const no = slot.no.length * scale
  const label = `${slot.yes.length} ja, ${slot.ifNeedBe.length} als het moet, ${slot.no.length} nee, ${slot.noAnswer.length} geen antwoord`
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

const ORDER =
  "De volgorde: eerst de momenten waarop iedereen kan die erbij moet zijn, dan waarop de meeste leden kunnen komen (ja of als het moet; wie de vorige bijeenkomst miste telt zwaarder), dan de meeste keren ja, dan de vroegste datum."

const meetingSection = (
  section: MeetingSection | undefined,
  format: Intl.DateTimeFormat,
  people: ReadonlyMap<string, Person>
): Safe => {
  if (section === undefined) {
    return html`<section aria-labelledby="datum"><h2 id="datum">Datum</h2>
<p>Dit verslag bevat geen datum.</p></section>`
  }
  const { decision } = section
  const when = (slot: Scheduling.Poll.SlotScore) => format.format(DateTime.toDateUtc(slot.startsAt))
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
      section.durationMinutes === undefined ? "" : html` (${section.durationMinutes} minuten)`
    }</p>
<p>${chosen.yes.length} ja, ${chosen.ifNeedBe.length} als het moet, ${absent.length} kunnen niet of antwoordden niet.${
      runnerUp === undefined
        ? ""
        : html` Tweede keus: ${when(runnerUp)}, met ${runnerUp.yes.length} ja en ${runnerUp.ifNeedBe.length} als het moet.`
    }</p>
${
  absent.length === 0
    ? ""
    : html`<details><summary>Wie er op ${when(chosen)} niet bij kan zijn (${absent.length})</summary><p>${names(absent)}</p></details>`
}`
  })()
  return html`<section aria-labelledby="datum"><h2 id="datum">${section.title}</h2>
${headline}
<p class="muted">${ORDER}</p>
<p aria-hidden="true" class="muted">Legenda:<span class="key" style="${`background:${palette.bar}`}"></span>ja<span class="key" style="${`background:${palette.ifNeedBe}`}"></span>als het moet<span class="key" style="${`background:${palette.no}`}"></span>nee<span class="key" style="${`background:${palette.background}`}"></span>geen antwoord</p>
<table>
<caption>Beschikbaarheid per moment (${plural(invited, "genodigde", "genodigden")})</caption>
<thead><tr><th scope="col">Moment</th><th scope="col" class="number">Ja</th><th scope="col" class="number">Als het moet</th><th scope="col" class="number">Nee</th><th scope="col" class="number">Geen antwoord</th><th scope="col">Verdeling</th><th scope="col">Uitkomst</th></tr></thead>
<tbody>
${slots.map((slot) => {
  const chosen = slot.slotId === chosenId
  const place = decision.ranking.findIndex((s) => s.slotId === slot.slotId) + 1
  return html`<tr${chosen ? raw(' class="chosen"') : ""}><th scope="row">${when(slot)}</th><td class="number">${slot.yes.length}</td><td class="number">${
    slot.ifNeedBe.length
  }</td><td class="number">${slot.no.length}</td><td class="number">${slot.noAnswer.length}</td><td>${pollBar(
    slot,
    invited
  )}</td><td>${chosen ? html`<strong>gekozen</strong>` : html`${place}e keus${slot.feasible ? "" : " (niet iedereen die moet kan)"}`}</td></tr>\n`
})}</tbody>
</table>
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
    meetingSection(input.meeting, format, people),
    ...(input.fairness === undefined ? [] : [raw("\n"), Fairness.section(input.fairness, (id) => nameOf(people, id))])
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
