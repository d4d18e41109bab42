// Prints the report of a 100-member community to A4 with Chromium and counts the pages: the issue
// asks for at most three. Set GRENZELOOS_REPORT_PDF to a path to keep the PDF and look at it.
import { existsSync, writeFileSync } from "node:fs"
import { DateTime } from "effect"
import { chromium } from "playwright-core"
import { describe, expect, it } from "vitest"
import * as Report from "../../src/report/Report.js"
import { quarter } from "./Quarter.js"

const CHROMIUM = process.env.GRENZELOOS_CHROMIUM ?? "/usr/bin/chromium"

/** The pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
const pageCount = (pdf: Buffer): number => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length

describe("report.html printed on A4", () => {
  it("fits the report of (at least) 100 grouped members on at most 3 pages", { timeout: 60_000 }, async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium), as .ci/run does`
      )
    }
    const base = quarter(2026, 125)
    // A year of four held gatherings, so that the attendance picture is on the paper too.
    const input: Report.ReportInput = {
      ...base,
      attendance: ["2026-03-10", "2026-06-16", "2026-09-15", "2026-11-24"].map((day, i) => ({
        title: `Kwartaalbijeenkomst 2026-Q${i + 1}`,
        startsAt: DateTime.unsafeMake(`${day}T12:00:00Z`),
        accepted: 70 + i,
        attended: 60 + 2 * i
      }))
    }
    const members = input.groups!.grouping.groups.reduce((n, g) => n + g.memberIds.length, 0)
    expect(members).toBeGreaterThanOrEqual(100)
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu"]
    })
    try {
      const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
      await page.setContent(Report.render(input))
      const pdf = await page.pdf({ format: "A4" })
      if (process.env.GRENZELOOS_REPORT_PDF !== undefined) writeFileSync(process.env.GRENZELOOS_REPORT_PDF, pdf)
      const pages = pageCount(pdf)
      expect(pages).toBeGreaterThan(0)
      expect(pages).toBeLessThanOrEqual(3)
    } finally {
      await browser.close()
    }
  })
})
