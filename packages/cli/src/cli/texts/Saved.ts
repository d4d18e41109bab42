/**
 * The command whose saved output each of `report`'s file options reads, as the texts of every
 * language name it.
 *
 * @internal
 */
export const SAVED_SOURCES = {
  "--groups": "groups form --json",
  "--agenda": "agenda prioritise --json",
  "--simulation": "pnpm --silent bench fairness --json"
} as const
