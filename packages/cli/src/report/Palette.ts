/**
 * The colours of the report and the contrast they must keep (WCAG 2.2: 4.5:1 for text, 3:1 for
 * the parts of a chart), with the contrast formula so that a test holds the palette to it.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */

/**
 * The report's colours as `#rrggbb`.
 *
 * @since 0.1.0
 */
export const palette = {
  background: "#ffffff",
  text: "#1b1b1b",
  muted: "#4d4d4d",
  accent: "#0b4f8a",
  rule: "#6b6b6b",
  headerBackground: "#eef1f4",
  chosenBackground: "#e6f0f7",
  /** Bars: votes, fairness, "yes" in the poll. */
  bar: "#1d5e8c",
  ifNeedBe: "#a65300",
  no: "#6b6b6b",
  /** Organisations in the groups chart, in order of size; the rest share `no`. */
  categories: ["#1d5e8c", "#a65300", "#2e7d32", "#8e24aa", "#c62828", "#00796b", "#6d4c41", "#ad1457"]
} as const

const channel = (hex: string, offset: number): number => {
  const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/**
 * The relative luminance of a `#rrggbb` colour (WCAG 2.2).
 *
 * @since 0.1.0
 */
export const luminance = (hex: string): number =>
  0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5)

/**
 * The contrast ratio of two `#rrggbb` colours, from 1 (none) to 21 (black on white).
 *
 * @since 0.1.0
 */
export const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}
