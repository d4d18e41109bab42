// Shared by the domain modules; not exported from the package.
//
// Records with rules across fields (no duplicates, an end after its start) are refinements of a
// struct. A generated struct rarely satisfies them by chance (ids drawn for tests repeat often),
// and filtering would reject nearly every sample. Instead, property-test data is generated from
// the struct and then repaired into a valid record, so every sample is used.
import type { FastCheck } from "effect"

type LazyArbitrary<A> = (fc: typeof FastCheck) => FastCheck.Arbitrary<A>

/**
 * An `arbitrary` annotation for a refinement: draw from the refined schema's own arbitrary, then
 * `repair`. Effect 3 passes the arbitrary of the unrefined schema as the first argument of a
 * refinement's arbitrary annotation.
 */
export const repairArbitrary = <A>(repair: (value: A) => A) =>
  // biome-ignore lint/suspicious/noExplicitAny: the annotation's declared type lists no `from` argument in effect 3
  ((from: LazyArbitrary<A>) => (fc: typeof FastCheck) => from(fc).map(repair)) as any

/** Keeps the first element of every key, dropping repeats. */
export const uniqueBy = <A>(items: ReadonlyArray<A>, key: (item: A) => string): Array<A> => {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
