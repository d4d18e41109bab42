import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { escapeText } from "../../src/report/Html.js"
import { contrast, palette } from "../../src/report/Palette.js"
import * as Report from "../../src/report/Report.js"
import { quarter } from "./Quarter.js"

describe("Report.render", () => {
  const input = quarter()

  it("is one self-contained document: no scripts, no external resources", () => {
    const page = Report.render(input)
    expect(page.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true)
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i)
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i)
  })

  it("says when the gathering was moved or cancelled after the poll decided its date", () => {
    const meeting = input.meeting
    if (meeting === undefined) throw new Error("the sample quarter has a date")
    expect(Report.render(input)).not.toMatch(/afgelast|verplaatst/)
    const cancelled = Report.render({ ...input, meeting: { ...meeting, since: { _tag: "Cancelled" } } })
    expect(cancelled).toContain("De bijeenkomst is daarna afgelast.")
    const moved = Report.render({
      ...input,
      meeting: { ...meeting, since: { _tag: "Moved", startsAt: DateTime.unsafeMake("2027-03-18T13:00:00Z") } }
    })
    expect(moved).toContain("Daarna verplaatst naar donderdag 18 maart 2027 om 14:00.")
  })

  it("escapes every text from the data", () => {
    const [first, second, ...others] = input.people
    const page = Report.render({
      ...input,
      community: { name: 'Rijk & "Regio"' },
      people: [
        { ...first!, name: '<script>alert("x")</script>' },
        { ...second!, name: "Jan van 't Hoff", organisation: "<b>BZK</b>" },
        ...others
      ]
    })
    expect(page).not.toContain('<script>alert("x")</script>')
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    expect(page).toContain("Jan van &#39;t Hoff")
    expect(page).toContain("&lt;b&gt;BZK&lt;/b&gt;")
    expect(page).toContain("<h1>Rijk &amp; &quot;Regio&quot;</h1>")
  })

  it("says which sections it does not contain instead of leaving them out", () => {
    const page = Report.render({ community: { name: "Rijk" }, generatedAt: DateTime.unsafeMake(0), people: [] })
    expect(page).toContain("Dit verslag bevat geen leergroepen.")
    expect(page).toContain("Dit verslag bevat geen programma.")
    expect(page).toContain("Dit verslag bevat geen datum.")
  })

  it("leaves the why column out when the groups come without the engine's explanations", () => {
    const grouping = input.groups!.grouping
    const page = Report.render({
      ...input,
      groups: { title: "Leergroepen", grouping: { groups: grouping.groups, explanations: [], unmet: [] } }
    })
    expect(page).toContain(">Leden van Leergroep 1:</span>")
    expect(page).not.toContain("waarom in deze groep")
    expect(page).not.toContain(escapeText(grouping.explanations[0]!.text))
    const explained = Report.render(input)
    expect(explained).toContain("en waarom in deze groep</summary>")
    expect(explained).toContain(escapeText(grouping.explanations[0]!.text))
  })

  it("names each group as its members were e-mailed, not by its place on the page", () => {
    const grouping = input.groups!.grouping
    const page = Report.render({
      ...input,
      groups: {
        title: "Leergroepen",
        grouping: { ...grouping, groups: grouping.groups.map((g, i) => ({ ...g, name: `Leergroep ${i + 13}` })) }
      }
    })
    expect(page).toContain(">Leergroep 14</h3>")
    expect(page).toContain(">Leden van Leergroep 14:</span>")
    expect(page).not.toContain(">Leergroep 2</h3>")
  })

  it("writes every percentage and decimal the Dutch way, never a mix", () => {
    const page = Report.render({
      ...input,
      fairness: {
        simulation: [
          {
            scenario: "minority-15",
            method: "equal-shares",
            carried: true,
            minorityShare: 0.125,
            windowCoverage: 1,
            gini: 0.25,
            totalSatisfaction: 1
          }
        ]
      }
    })
    const text = page.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]*>/g, " ")
    expect(text).toMatch(/\d\u00a0%/)
    expect(text).not.toMatch(/\d%/)
    expect(text).toContain("13\u00a0%")
    expect(text).toContain("0,25")
    expect(text).not.toMatch(/\b0\.\d/)
  })

  it("draws the attendance of the year's gatherings, with the numbers as text", () => {
    const page = Report.render({
      ...input,
      attendance: [
        {
          title: "Bijeenkomst 2026-Q3",
          startsAt: DateTime.unsafeMake("2026-09-15T11:00:00Z"),
          accepted: 1234,
          attended: 31
        },
        { title: "Bijeenkomst 2026-Q4", accepted: 40, attended: 35 }
      ]
    })
    expect(page).toContain('id="aanwezigheid">Aanwezigheid over het jaar</h3>')
    expect(page).toMatch(/<svg role="img" aria-label="Aanwezigheid over het jaar: [^"]+"/)
    expect(page).toContain(
      '<tr><th scope="row">Bijeenkomst 2026-Q3 (15 sep 2026)</th><td class="number">1.234</td><td class="number">31</td></tr>'
    )
    expect(Report.render(input)).not.toContain("Aanwezigheid over het jaar")
  })

  it("adds who was invited when the gatherings stored their invitees", () => {
    const page = Report.render({
      ...input,
      attendance: [
        { title: "Bijeenkomst 2026-Q3", invited: 1500, accepted: 1234, attended: 31 },
        { title: "Bijeenkomst 2026-Q4", accepted: 40, attended: 35 }
      ]
    })
    expect(page).toMatch(/aria-label="Aanwezigheid over het jaar: per bijeenkomst hoeveel leden zijn uitgenodigd/)
    expect(page).toContain('<th scope="col" class="number">Uitgenodigd</th>')
    expect(page).toContain(
      '<tr><th scope="row">Bijeenkomst 2026-Q3</th><td class="number">1.500</td><td class="number">1.234</td><td class="number">31</td></tr>'
    )
    // A gathering from before invitees were stored says so instead of a number.
    expect(page).toContain('<tr><th scope="row">Bijeenkomst 2026-Q4</th><td class="number">—</td>')
  })

  it("draws the groups by organisation and the votes per theme, each with a text alternative", () => {
    const page = Report.render(input)
    expect(page).toMatch(/<svg role="img" aria-label="Leden per organisatie in elke leergroep: [^"]+"/)
    expect(page).toMatch(/<svg role="img" aria-label="Stemmen per thema: [^"]+"/)
    const programmed = input.agenda!.result.backlog.filter((t) => t.inProgramme).length
    expect(page.match(/✓ programma<\/text>/g)?.length).toBe(programmed)
  })

  it("uses colours with enough contrast: 4.5:1 for text, 3:1 for chart parts", () => {
    for (const text of [palette.text, palette.muted, palette.accent]) {
      for (const bg of [palette.background, palette.headerBackground, palette.chosenBackground]) {
        expect(contrast(text, bg)).toBeGreaterThanOrEqual(4.5)
      }
    }
    for (const part of [palette.bar, palette.ifNeedBe, palette.no, palette.rule, ...palette.categories]) {
      expect(contrast(part, palette.background)).toBeGreaterThanOrEqual(3)
    }
    // Adjacent parts of the poll's stacked bar stay apart from each other too.
    expect(contrast(palette.bar, palette.ifNeedBe)).toBeGreaterThan(1.2)
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5)
  })
})
