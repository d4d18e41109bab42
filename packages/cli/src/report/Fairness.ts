/**
 * The "fairness over the year" section of `report.html` (issue 18): per member, how much of their
 * fair share of the programme their themes got over the carried votes; how the members' chances
 * to attend the year's gatherings are spread; and, when given, the minority's share of programme
 * minutes per method in the benchmark's simulation (`pnpm --silent bench fairness --json`). Every
 * chart is a CSS bar beside the same number as text, as in the rest of the report.
 *
 * @since 0.2.0
 * @internal
 */
import type { Agenda, Texts as CoreTexts, Scheduling } from "@grenzeloos/core"
import * as Texts from "../cli/Texts.js"
import { html, type Safe } from "./Html.js"
import * as Numbers from "./Numbers.js"
import { palette } from "./Palette.js"

/**
 * One row of `pnpm --silent bench fairness --json`.
 *
 * @since 0.2.0
 */
export interface SimulationRow {
  readonly scenario: string
  readonly method: string
  readonly carried: boolean
  readonly minorityShare: number | null
  readonly windowCoverage: number
  readonly gini: number
  readonly totalSatisfaction: number
}

/**
 * What the section shows; each part is left out when not given.
 *
 * @since 0.2.0
 */
export interface FairnessSection {
  /** The stored fairness records of the carried votes (`Repository.FairnessRecords`). */
  readonly records?: ReadonlyArray<Agenda.Carried.MemberRecord>
  /** The poll decision's figure for the coming gathering. */
  readonly attendance?: Scheduling.Poll.YearFairness
  readonly simulation?: ReadonlyArray<SimulationRow>
}

const numbers = Numbers.of("nl")
const percent = (share: number) => numbers.percent(share)
const bar = (share: number): Safe =>
  html`<span class="bar" aria-hidden="true"><span style="${`width:${Math.max(0, Math.min(100, share * 100)).toFixed(1)}%;background:${palette.bar}`}"></span></span>`

const membersPart = (records: ReadonlyArray<Agenda.Carried.MemberRecord>, nameOf: (id: string) => string): Safe => {
  const votes = new Set(records.map((r) => r.meeting)).size
  const byMember = new Map<string, { got: number; fair: number; supported: number; balance: number; latest: number }>()
  for (const r of records) {
    const m = byMember.get(r.memberId) ?? { got: 0, fair: 0, supported: 0, balance: 0, latest: 0 }
    m.got += r.gotMinutes
    m.fair += r.fairShareMinutes
    m.supported += r.supportedMinutes
    if (r.meeting >= m.latest) {
      m.latest = r.meeting
      m.balance = r.balanceMinutes
    }
    byMember.set(r.memberId, m)
  }
  const rows = [...byMember.entries()]
    .map(([id, m]) => ({ name: nameOf(id), share: m.fair > 0 ? m.got / m.fair : 1, ...m }))
    .sort((a, b) => a.share - b.share || a.name.localeCompare(b.name, "nl"))
  return html`<h3 id="eerlijk-programma">Het programma over ${votes} ${votes === 1 ? "stemronde" : "stemrondes"}</h3>
<p>Per lid: hoeveel minuten de thema's die het lid steunde op het programma kregen, en welk deel van zijn of haar eerlijke deel van de tijd dat was (gedeeld met wie dezelfde thema's steunde). Wie minder kreeg, neemt tegoed mee naar de volgende stemming; de laagste staan bovenaan.</p>
<table>
<caption>Eerlijk deel per lid over het jaar</caption>
<thead><tr><th scope="col">Naam</th><th scope="col" class="number">Minuten van eigen thema's</th><th scope="col">Deel van het eerlijke deel</th><th scope="col" class="number">Tegoed voor de volgende stemming</th></tr></thead>
<tbody>
${rows.map(
  (r) =>
    html`<tr><th scope="row">${r.name}</th><td class="number">${numbers.number(r.supported)}</td><td class="chart">${bar(Math.min(1, r.share))}${percent(r.share)}</td><td class="number">${numbers.number(r.balance, 1)} min</td></tr>\n`
)}</tbody>
</table>`
}

const attendancePart = (
  f: Scheduling.Poll.YearFairness,
  naming: CoreTexts.Naming,
  language: Numbers.Language
): Safe => {
  const buckets = [
    { label: `minder dan ${percent(0.25)}`, from: 0, to: 0.25 },
    { label: `${percent(0.25)} tot ${percent(0.5)}`, from: 0.25, to: 0.5 },
    { label: `${percent(0.5)} tot ${percent(0.75)}`, from: 0.5, to: 0.75 },
    { label: `${percent(0.75)} tot ${percent(1)}`, from: 0.75, to: 1 },
    { label: "alle bijeenkomsten", from: 1, to: Number.POSITIVE_INFINITY }
  ]
  const shares = f.members.map((m) => m.attended / m.gatherings)
  const counts = buckets.map((b) => shares.filter((s) => s >= b.from && s < b.to).length)
  const most = Math.max(1, ...counts)
  return html`<h3 id="eerlijk-datum">Kans om erbij te zijn</h3>
<p>${Texts.of(language).yearAttendance(f, naming)}</p>
<table>
<caption>Leden naar het deel van de bijeenkomsten waar ze bij kunnen zijn</caption>
<thead><tr><th scope="col">Deel van de bijeenkomsten</th><th scope="col">Leden</th></tr></thead>
<tbody>
${buckets.map((b, k) => html`<tr><th scope="row">${b.label}</th><td class="chart">${bar((counts[k] ?? 0) / most)}${numbers.number(counts[k] ?? 0)}</td></tr>\n`)}</tbody>
</table>`
}

const simulationPart = (rows: ReadonlyArray<SimulationRow>): Safe => {
  const minority = rows.filter((r) => r.minorityShare !== null)
  return html`<h3 id="eerlijk-simulatie">De minderheid in de simulatie</h3>
<p>Een gesimuleerde community van ${numbers.number(100)} leden, ${numbers.number(8)} bijeenkomsten van ${numbers.number(180)} minuten, thema's van 45 tot 90 minuten. Een hechte minderheid van ${percent(0.3)} of ${percent(0.15)} stemt op eigen thema's; het doel is dat ze over de bijeenkomsten heen ongeveer haar deel van de tijd krijgt.</p>
<table>
<caption>Deel van de programmaminuten voor de minderheid, per methode</caption>
<thead><tr><th scope="col">Minderheid</th><th scope="col">Methode</th><th scope="col">Onthoudt eerdere stemmingen</th><th scope="col">Deel van de minuten</th><th scope="col" class="number">Gini</th></tr></thead>
<tbody>
${minority.map(
  (r) =>
    html`<tr><th scope="row">${numbers.percent(Number(r.scenario.replace("minority-", "")) / 100)}</th><td>${r.method}</td><td>${r.carried ? "ja" : "nee"}</td><td class="chart">${bar(r.minorityShare ?? 0)}${percent(r.minorityShare ?? 0)}</td><td class="number">${numbers.number(r.gini, 2)}</td></tr>\n`
)}</tbody>
</table>`
}

/**
 * Renders the section; the report calls it only when it has something to show. `naming` names
 * members by name (an id it does not know stays an id); `language` is the page's.
 *
 * @since 0.2.0
 */
export const section = (input: FairnessSection, naming: CoreTexts.Naming, language: Numbers.Language = "nl"): Safe => {
  const nameOf = (id: string) => naming.person?.(id) ?? id
  return html`<section aria-labelledby="eerlijkheid-jaar"><h2 id="eerlijkheid-jaar">Eerlijkheid over het jaar</h2>
${input.records === undefined || input.records.length === 0 ? "" : membersPart(input.records, nameOf)}
${input.attendance === undefined ? "" : attendancePart(input.attendance, naming, language)}
${input.simulation === undefined || input.simulation.length === 0 ? "" : simulationPart(input.simulation)}
</section>`
}
