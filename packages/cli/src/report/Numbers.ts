/**
 * One number format per language for `report.html`: every count, decimal and percentage on the
 * page goes through the formatter of the page's language, so a Dutch page reads `12,5%` and
 * `1.250` throughout and never mixes in `12.5%`.
 *
 * @since 0.2.0
 */

/**
 * The languages the report formats numbers for.
 *
 * @since 0.2.0
 */
export type Language = "nl" | "en"

/**
 * The number formatters of one language.
 *
 * @since 0.2.0
 */
export interface Numbers {
  /** A count or a decimal, with at most `digits` decimals (default 0). */
  readonly number: (n: number, digits?: number) => string
  /** A share from 0 to 1 as a percentage, with at most `digits` decimals (default 0). */
  readonly percent: (share: number, digits?: number) => string
}

const LOCALES: Record<Language, string> = { nl: "nl-NL", en: "en-GB" }

/**
 * The formatters of a language (`Intl.NumberFormat("nl-NL")` or `("en-GB")`).
 *
 * `of("nl").percent(0.125, 1)` is `"12,5%"`; `of("en").number(1250)` is `"1,250"`.
 *
 * @since 0.2.0
 */
export const of = (language: Language): Numbers => {
  const locale = LOCALES[language]
  const cache = new Map<string, Intl.NumberFormat>()
  const formatter = (style: "decimal" | "percent", digits: number) => {
    const key = `${style}:${digits}`
    let f = cache.get(key)
    if (f === undefined) {
      f = new Intl.NumberFormat(locale, { style, maximumFractionDigits: digits })
      cache.set(key, f)
    }
    return f
  }
  return {
    number: (n, digits = 0) => formatter("decimal", digits).format(n),
    percent: (share, digits = 0) => formatter("percent", digits).format(share)
  }
}
