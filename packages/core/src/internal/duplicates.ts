// Shared by the domain modules; not exported from the package.
import type { Schema } from "effect"

type FilterIssue = Schema.FilterIssue

/** Issues for every repeated value of `key` in `items`, pointing at the repeat. */
export const duplicatesIn = <A>(
  items: ReadonlyArray<A>,
  key: (item: A) => string,
  path: ReadonlyArray<PropertyKey>,
  describe: (value: string) => string
): Array<FilterIssue> => {
  const seen = new Set<string>()
  const issues: Array<FilterIssue> = []
  items.forEach((item, index) => {
    const k = key(item)
    if (seen.has(k)) issues.push({ path: [...path, index], message: describe(k) })
    seen.add(k)
  })
  return issues
}
