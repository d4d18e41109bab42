// Opens report.html in a real headless browser (Debian's Chromium, driven by playwright-core) with
// JavaScript disabled, and checks what a person sees.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { DateTime } from "effect"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as Report from "../../src/report/Report.js"
import { quarter } from "./Quarter.js"

const CHROMIUM = process.env.GRENZELOOS_CHROMIUM ?? "/usr/bin/chromium"

const input = quarter()
const people = input.people.map((p, i) =>
  i === 0 ? { ...p, name: "Jan van 't Hoff" } : i === 1 ? { ...p, name: '<script>document.title="xss"</script>' } : p
)
const report = { ...input, people }

describe("report.html in Chromium, without JavaScript", () => {
  let browser: Browser
  let page: Page
  const requests: Array<string> = []
  let url: string

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium), as .ci/run does`
      )
    }
    const dir = mkdtempSync(join(tmpdir(), "grenzeloos-report-"))
    const file = join(dir, "report.html")
    writeFileSync(file, Report.render(report))
    url = pathToFileURL(file).href
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync"
      ]
    })
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "nl-NL" })
    page = await context.newPage()
    page.on("request", (request) => requests.push(request.url()))
    await page.goto(url)
    if (process.env.GRENZELOOS_REPORT_SCREENSHOT !== undefined) {
      await page.screenshot({ path: process.env.GRENZELOOS_REPORT_SCREENSHOT, fullPage: true })
    }
  })

  afterAll(async () => {
    await browser?.close()
  })

  it("loads nothing but the page itself", () => {
    expect(requests).toEqual([url])
  })

  it("is in Dutch with the community's name as the title and the sections as headings", async () => {
    expect(await page.locator("html").getAttribute("lang")).toBe("nl")
    await expect(page.title()).resolves.toBe(`${input.community.name} — verslag`)
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person sees
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(input.community.name)
    expect(await page.getByRole("heading", { level: 2 }).allInnerTexts()).toEqual([
      "Leergroepen 2027",
      "Programma kwartaalbijeenkomst 2027-Q1",
      "Datum kwartaalbijeenkomst 2027-Q1"
    ])
  })

  it("shows each learning group with its members, their organisations and why", async () => {
    const grouping = report.groups!.grouping
    const group = grouping.groups[0]!
    const box = page
      .locator("div.group")
      .filter({ has: page.getByRole("heading", { level: 3, name: "Leergroep 1", exact: true }) })
    const byId = new Map(people.map((p) => [p.id, p]))
    const list = (await box.locator("p.members").textContent()) ?? ""
    for (const id of group.memberIds) {
      const person = byId.get(id)!
      expect(list).toContain(`${person.name} (${person.organisation})`)
    }
    // Why each member is in the group: folded away, and opened without JavaScript by its summary.
    const someone = byId.get(group.memberIds[0]!)!
    const why = grouping.explanations.find((e) => e.memberId === someone.id)!.text
    const line = box.getByRole("listitem").filter({ has: page.getByText(someone.name, { exact: true }) })
    await expect(line.isVisible()).resolves.toBe(false)
    await box.getByText("Organisaties, programma's en waarom in deze groep").click()
    await expect(line.isVisible()).resolves.toBe(true)
    await expect(line.textContent()).resolves.toBe(
      `${someone.name}, ${someone.organisation}, ${someone.programme}: ${why}`
    )
    expect(await page.getByRole("heading", { level: 3, name: /^Leergroep \d+$/ }).count()).toBe(grouping.groups.length)
  })

  it("shows names as written, markup in a name as text", async () => {
    expect(await page.getByText("Jan van 't Hoff", { exact: true }).count()).toBeGreaterThan(0)
    expect(await page.getByText('<script>document.title="xss"</script>', { exact: true }).count()).toBeGreaterThan(0)
    await expect(page.title()).resolves.not.toBe("xss")
  })

  it("shows the programme with the votes behind it and how many voters it serves", async () => {
    const result = report.agenda!.result
    const titles = new Map(report.agenda!.themes.map((t) => [t.id, t.title]))
    const programme = page.getByRole("table", { name: "Het programma", exact: true })
    expect(await programme.getByRole("rowheader").allInnerTexts()).toEqual(
      result.programme.map((t) => titles.get(t.themeId))
    )
    const votes = page.getByRole("table", { name: /Alle thema's van de stemronde/ })
    expect(await votes.getByRole("row").count()).toBe(result.backlog.length + 1)
    const top = result.backlog[0]!
    const cells = await votes
      .getByRole("row", { name: titles.get(top.themeId)! })
      .getByRole("cell")
      .allInnerTexts()
    expect(cells.slice(0, 4)).toEqual(["1", `${top.durationMinutes} min`, String(top.supporters), "ja"])
    const share = `${Math.round(result.fairness.shareWithAtLeastOne * 100)}\u00a0% van de stemmers (${result.fairness.withAtLeastOne} van ${result.fairness.voters})`
    await expect(page.getByText(share).isVisible()).resolves.toBe(true)
  })

  it("shows the chosen date and the attendance per candidate slot", async () => {
    const decision = report.meeting!.decision
    if (decision._tag !== "Decided") throw new Error("the synthetic poll should decide")
    const format = new Intl.DateTimeFormat("nl-NL", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Amsterdam"
    })
    const chosen = format.format(DateTime.toDateUtc(decision.chosen.startsAt))
    await expect(page.getByText(`Gekozen: ${chosen} (240 minuten)`).isVisible()).resolves.toBe(true)
    const table = page.getByRole("table", { name: /Beschikbaarheid per moment/ })
    expect(await table.getByRole("row").count()).toBe(decision.ranking.length + 1)
    const short = new Intl.DateTimeFormat("nl-NL", {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Amsterdam"
    }).format(DateTime.toDateUtc(decision.chosen.startsAt))
    const row = table.getByRole("row", { name: short })
    const cells = await row.getByRole("cell").allInnerTexts()
    expect(cells).toEqual([
      String(decision.chosen.yes.length),
      String(decision.chosen.ifNeedBe.length),
      String(decision.chosen.no.length),
      String(decision.chosen.noAnswer.length),
      "",
      "gekozen"
    ])
    // The chart says in words what it shows.
    await expect(row.getByRole("img").getAttribute("aria-label")).resolves.toBe(
      `${decision.chosen.yes.length} ja, ${decision.chosen.ifNeedBe.length} als het moet, ${decision.chosen.no.length} nee, ${decision.chosen.noAnswer.length} geen antwoord`
    )
  })

  it("can be navigated by its table of contents", async () => {
    const links = page.getByRole("navigation", { name: "Inhoud" }).getByRole("link")
    expect(await links.allInnerTexts()).toEqual([
      "Leergroepen 2027",
      "Programma kwartaalbijeenkomst 2027-Q1",
      "Datum kwartaalbijeenkomst 2027-Q1"
    ])
    await links.nth(2).click()
    expect(page.url()).toBe(`${url}#datum`)
  })
})
