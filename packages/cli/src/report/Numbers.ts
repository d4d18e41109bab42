/**
 * One number format per language for `report.html`: every count, decimal and percentage on the
 * page goes through the formatter of the page's language, so a Dutch page reads `12,5 %` and
 * `1.250` throughout, as the engines' own Dutch texts do, and never mixes in `12.5%`.
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
/** Dutch writes a space before the percent sign (`12,5 %`, as the engines' texts); no break there. */
const PERCENT: Record<Language, string> = { nl: "\u00a0%", en: "%" }

/**
 * The formatters of a language (`Intl.NumberFormat("nl-NL")` or `("en-GB")`).
 *
 * `of("nl").percent(0.125, 1)` is `"12,5 %"`; `of("en").number(1250)` is `"1,250"`.
 *
 * @since 0.2.0
 */
export const of = (language: Language): Numbers => {
  const locale = LOCALES[language]
  const cache = new Map<number, Intl.NumberFormat>()
  const formatter = (digits: number) => {
    let f = cache.get(digits)
    if (f === undefined) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })
      cache.set(digits, f)
    }
    return f
  }
  const number = (n: number, digits = 0) => formatter(digits).format(n)
  return {
    number,
    percent: (share, digits = 0) => `${number(share * 100, digits)}${PERCENT[language]}`
  }
}
