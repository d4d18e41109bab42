/**
 * Fairness per member: how many of the themes a member supported made the programme, and the share
 * of voting members who got at least one (the "exclusion ratio" of equalshares.net, turned round).
 *
 * @since 0.1.0
 */

/**
 * One member's part of the outcome.
 *
 * @since 0.1.0
 */
export interface MemberFairness {
  readonly memberId: string
  /** Themes the member supported (ticked, dotted, scored above the minimum, ranked). */
  readonly supported: number
  /** Of them, those on the programme. */
  readonly inProgramme: number
}

/**
 * The fairness of an outcome over all members who voted.
 *
 * @since 0.1.0
 */
export interface Fairness {
  readonly members: ReadonlyArray<MemberFairness>
  readonly voters: number
  readonly withAtLeastOne: number
  /** `withAtLeastOne / voters` (0 when nobody voted). */
  readonly shareWithAtLeastOne: number
}

/**
 * Measures fairness per member from the themes each supported and the programme.
 *
 * @example
 * ```ts
 * import { Agenda } from "@grenzeloos/core"
 *
 * const fairness = Agenda.Fairness.measure(
 *   [{ memberId: "m-1", supported: ["t-woo"] }, { memberId: "m-2", supported: ["t-ego"] }],
 *   ["t-woo"]
 * )
 * fairness.shareWithAtLeastOne // 0.5
 * ```
 * @since 0.1.0
 */
export const measure = (
  ballots: ReadonlyArray<{ readonly memberId: string; readonly supported: ReadonlyArray<string> }>,
  programme: ReadonlyArray<string>
): Fairness => {
  const chosen = new Set(programme)
  const members = ballots.map((b) => ({
    memberId: b.memberId,
    supported: b.supported.length,
    inProgramme: b.supported.filter((id) => chosen.has(id)).length
  }))
  const withAtLeastOne = members.filter((m) => m.inProgramme > 0).length
  return {
    members,
    voters: members.length,
    withAtLeastOne,
    shareWithAtLeastOne: members.length === 0 ? 0 : withAtLeastOne / members.length
  }
}
