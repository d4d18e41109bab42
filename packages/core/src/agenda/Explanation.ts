/**
 * Why a theme is on the programme or not: a small tagged reason per theme, rendered to a sentence
 * in Dutch or English by {@link Texts.reason}.
 *
 * @since 0.1.0
 */

/**
 * The method that ordered the themes.
 *
 * @since 0.1.0
 */
export type MethodName =
  | "greedy"
  | "dots"
  | "score"
  | "borda"
  | "schulze"
  | "equal-shares"
  | "equal-shares-carried"
  | "perpetual-phragmen"

/**
 * Why a theme is in or out.
 *
 * @since 0.1.0
 */
export type Reason =
  /** The programme team pinned it (possibly over its cooling-off). */
  | { readonly _tag: "Pinned"; readonly coolingOffOverridden: boolean }
  /** An ordering method put it at `place` of `of` eligible themes, and it fitted. */
  | {
      readonly _tag: "Ranked"
      readonly method: MethodName
      readonly place: number
      readonly of: number
      readonly support: number
    }
  /** Equal Shares bought it at `step`; `payers` members paid at most `maxPayment` each of their `share`. */
  | {
      readonly _tag: "EqualShares"
      readonly step: number
      readonly payers: number
      readonly maxPayment: number
      readonly share: number
      readonly tiedWith: ReadonlyArray<string>
    }
  /** Phragmén bought it at `step`: its `supporters` shared its cost and ended with a load of `load` each. */
  | {
      readonly _tag: "Phragmen"
      readonly step: number
      readonly supporters: number
      readonly load: number
      readonly tiedWith: ReadonlyArray<string>
    }
  /** The utilitarian completion of Equal Shares added it with what was left. */
  | { readonly _tag: "Completion"; readonly support: number }
  /** Added so that the programme has at least `minThemes` themes. */
  | { readonly _tag: "AddedForMinimum"; readonly minThemes: number }
  /** It needs `needed` and only `remaining` was left. */
  | { readonly _tag: "DoesNotFit"; readonly needed: number; readonly remaining: number }
  /** The programme already had the maximum number of themes. */
  | { readonly _tag: "MaxThemes"; readonly maxThemes: number }
  /** Taking it would leave too little time to reach the minimum number of themes. */
  | { readonly _tag: "ReservedForMinimum"; readonly minThemes: number }
  /** It was discussed `meetingsAgo` meetings ago, within the cooling-off of `meetings`. */
  | { readonly _tag: "CoolingOff"; readonly meetingsAgo: number; readonly meetings: number }
  /** No member supported it. */
  | { readonly _tag: "NoSupport" }
  /** Equal Shares: at step `step` its supporters had only `money` left of their shares, it needs `needed`. */
  | { readonly _tag: "SupportersCannotPay"; readonly step: number; readonly money: number; readonly needed: number }

/**
 * The tags of the reasons that put a theme on the programme.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * Agenda.Explanation.isIn({ _tag: "Pinned", coolingOffOverridden: false }) // true
 * ```
 * @since 0.1.0
 */
export const isIn = (reason: Reason): boolean =>
  reason._tag === "Pinned" ||
  reason._tag === "Ranked" ||
  reason._tag === "EqualShares" ||
  reason._tag === "Phragmen" ||
  reason._tag === "Completion" ||
  reason._tag === "AddedForMinimum"
