/**
 * Finding a person's name in free text, for erasure: the name and its known variants (without
 * diacritics, first and last name without the infix, the family name with its infix), matched
 * as whole words regardless of case and accents, and the forms an id made from the name takes
 * (`ijsbrand-de-vries`, `ijsbrand.devries`). Private: `Privacy.forgetMember` builds on it.
 */

/** What erasure writes where a name stood. */
export const NAME_REMOVED = "[naam verwijderd]"

// One character folded: no diacritics, lower case (ligatures such as "ĳ" become "ij").
const foldChar = (c: string): string => c.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()

/** The text folded, and for every folded position the position in the text it came from. */
const folded = (text: string): { readonly text: string; readonly origin: ReadonlyArray<number> } => {
  let out = ""
  const origin: Array<number> = []
  let i = 0
  for (const c of text) {
    const f = foldChar(c)
    for (let k = 0; k < f.length; k++) origin.push(i)
    out += f
    i += c.length
  }
  origin.push(i)
  return { text: out, origin }
}

const fold = (text: string) => folded(text).text
const WORD = /[\p{L}\p{N}]/u

/**
 * The variants of a person's name erasure looks for, folded: the full name; first and last
 * word; the family name with its infix ("de Vries", "van 't Hoff") when it has more than one word
 * or at least five letters. A first name alone is not looked for: it matches too many others.
 */
export const variants = (name: string): ReadonlyArray<string> => {
  const words = name.split(/\s+/u).filter((w) => w.length > 0)
  const out = new Set<string>([fold(name)])
  const first = words[0]
  const last = words.at(-1)
  if (words.length > 2 && first !== undefined && last !== undefined) out.add(fold(`${first} ${last}`))
  const family = words.slice(1).join(" ")
  if (words.length > 1 && (words.length > 2 || family.length >= 5)) out.add(fold(family))
  return [...out].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)
}

/**
 * The text with every variant of the name replaced by {@link NAME_REMOVED}, and how many were
 * replaced.
 */
export const rewrite = (
  text: string,
  names: ReadonlyArray<string>
): { readonly text: string; readonly replaced: number } => {
  const f = folded(text)
  const spans: Array<readonly [number, number]> = []
  for (const v of names) {
    let from = 0
    for (;;) {
      const at = f.text.indexOf(v, from)
      if (at < 0) break
      const end = at + v.length
      const before = f.text[at - 1]
      const after = f.text[end]
      const whole = (before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after))
      const overlaps = spans.some(([s, e]) => at < e && end > s)
      if (whole && !overlaps) spans.push([at, end])
      from = at + 1
    }
  }
  if (spans.length === 0) return { text, replaced: 0 }
  spans.sort((a, b) => a[0] - b[0])
  let out = ""
  let last = 0
  for (const [s, e] of spans) {
    const start = f.origin[s] ?? 0
    const stop = f.origin[e] ?? text.length
    out += text.slice(last, start) + NAME_REMOVED
    last = stop
  }
  return { text: out + text.slice(last), replaced: spans.length }
}

/**
 * The forms an id made from the name may take: the full name and the first and last name, each
 * folded with its words joined by `-`, `.`, `_` or nothing (at least six characters).
 */
export const idForms = (name: string): ReadonlyArray<string> => {
  const words = fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
  const lists = [words]
  const first = words[0]
  const last = words.at(-1)
  if (words.length > 2 && first !== undefined && last !== undefined) lists.push([first, last])
  const out = new Set<string>()
  for (const list of lists) for (const sep of ["-", ".", "_", ""]) out.add(list.join(sep))
  return [...out].filter((f) => f.length >= 6)
}

/** Whether an id holds one of the forms (folded, anywhere in it). */
export const idNames = (id: string, forms: ReadonlyArray<string>): boolean => {
  const f = fold(id)
  return forms.some((form) => f.includes(form))
}
