/**
 * Counting meetings over a finished rotation: the pairs that meet more than once, the meetings
 * beyond the first, and the summed within-group scores. These are counted from the rounds alone,
 * independently of the search's incremental tables, so a report never trusts the tables.
 */

/** The pairs that meet more than once and the meetings beyond the first, over `rounds`. */
export const repeatsOf = (
  size: number,
  rounds: ReadonlyArray<ArrayLike<number>>
): { readonly repeats: number; readonly extraMeetings: number } => {
  let repeats = 0
  let extraMeetings = 0
  for (let i = 0; i < size; i++)
    for (let j = i + 1; j < size; j++) {
      let met = 0
      for (const round of rounds) if (round[i] === round[j]) met++
      if (met > 1) {
        repeats++
        extraMeetings += met - 1
      }
    }
  return { repeats, extraMeetings }
}

/** The summed scores of the pairs that share a group, over all `rounds` (`score` row-major `size × size`). */
export const scoreOf = (size: number, rounds: ReadonlyArray<ArrayLike<number>>, score: Float64Array): number => {
  let total = 0
  for (const round of rounds)
    for (let i = 0; i < size; i++)
      for (let j = i + 1; j < size; j++) if (round[i] === round[j]) total += score[i * size + j] as number
  return total
}
