/**
 * Strings as small integer codes, in order of first appearance: the matrix build and the
 * description compare organisations and programmes as codes instead of strings.
 *
 * @internal
 */

/** The code of each value, and how many different values there are. */
export const codes = (values: ReadonlyArray<string>): { readonly of: Int32Array; readonly count: number } => {
  const index = new Map<string, number>()
  const of = Int32Array.from(values, (v) => {
    let c = index.get(v)
    if (c === undefined) {
      c = index.size
      index.set(v, c)
    }
    return c
  })
  return { of, count: index.size }
}
