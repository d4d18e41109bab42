/**
 * Plain-text tables and bar charts for the terminal, so the demo's results can be looked at rather
 * than read.
 */

const width = (s: string) => [...s].length

const pad = (s: string, n: number, right = false) => {
  const fill = " ".repeat(Math.max(0, n - width(s)))
  return right ? fill + s : s + fill
}

export const Report = {
  title: (text: string): string => `\n${text}\n${"═".repeat(width(text))}`,

  heading: (text: string): string => `\n${text}\n${"─".repeat(width(text))}`,

  countBy: <A>(items: ReadonlyArray<A>, key: (item: A) => string): Map<string, number> => {
    const counts = new Map<string, number>()
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
    return counts
  },

  /** A table whose numeric columns are right-aligned. */
  table: (headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>): string => {
    const cells = rows.map((r) => r.map(String))
    const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ""))))
    const numeric = headers.map((_, i) => rows.every((r) => typeof r[i] === "number"))
    const line = (r: ReadonlyArray<string>) => r.map((c, i) => pad(c, widths[i] ?? 0, numeric[i])).join("  ")
    return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n")
  },

  /** Counts as a table with a bar per row, largest first. */
  barTable: (counts: Map<string, number>, names: { label: string; value: string }): string => {
    const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "nl"))
    const max = Math.max(1, ...rows.map(([, n]) => n))
    return Report.table(
      [names.label, names.value, ""],
      rows.map(([label, n]) => [label, n, "█".repeat(Math.max(1, Math.round((n / max) * 30)))])
    )
  }
}
