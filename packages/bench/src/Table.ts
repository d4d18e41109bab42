/** Formats rows as a plain-text table with aligned columns (numbers right-aligned). */
export const table = (headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>): string => {
  const cells = rows.map((row) => row.map((c) => (typeof c === "number" ? formatNumber(c) : c)))
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)))
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number"))
  const line = (row: ReadonlyArray<string>) =>
    row.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ")
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n")
}

const formatNumber = (n: number): string =>
  Number.isInteger(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(1) : n.toFixed(3)

/** Milliseconds since `start` (from `performance.now()`). */
export const elapsedMs = (start: number): number => performance.now() - start
