/**
 * The column of an imported sheet that says which member a row is about, read the same way for
 * every file a member fills in (ballots, poll answers): by member id, e-mail address or name, the
 * header recognised as in {@link Columns}. A name names a member only when exactly one member of
 * the community has it; otherwise the row's problem says so and names the column.
 *
 * @internal
 */
import type { Domain } from "@grenzeloos/core"
import * as Columns from "./Columns.js"

/** How the column names a member. */
export type By = "id" | "email" | "name"

/** A member as the reader knows them; `email` only when the sheet names members by address. */
export interface Known {
  readonly id: string
  readonly name?: string
  readonly email?: string
}

/** How a header names members, or `undefined` when it is not a member column. */
export const byOf = (header: string): By | undefined => {
  const field = Columns.fieldOf(header)
  return field === "id" || field === "email" || field === "name" ? field : undefined
}

const keyOf = (by: By, text: string) =>
  by === "id" ? text.trim() : by === "email" ? text.trim().toLowerCase() : Columns.fold(text)

const pick = (language: Domain.Language, nl: string, en: string) => (language === "en" ? en : nl)

/**
 * The member a cell names, or what is wrong with it: a sentence that says what to do, for the
 * row's problem under the member column's header.
 */
export const resolver = (
  by: By,
  header: string,
  members: ReadonlyArray<Known>,
  language: Domain.Language
): ((cell: string) => { readonly memberId: string } | { readonly problem: string }) => {
  const byKey = new Map<string, string | null>()
  for (const m of members) {
    const value = by === "id" ? m.id : by === "email" ? m.email : m.name
    if (value === undefined) continue
    const key = keyOf(by, value)
    // Two members with the same name (or address) cannot be told apart by it.
    byKey.set(key, byKey.has(key) ? null : m.id)
  }
  return (cell) => {
    const ref = cell.trim()
    const memberId = byKey.get(keyOf(by, ref))
    if (typeof memberId === "string") return { memberId }
    if (ref === "")
      return {
        problem: pick(
          language,
          `de kolom "${header}" is leeg: vul in wie dit is`,
          `the column "${header}" is empty: fill in who this is`
        )
      }
    if (memberId === null)
      return {
        problem: pick(
          language,
          `meer dan één lid heet "${ref}": zet in de kolom "${header}" het lidnummer of e-mailadres, of voeg een kolom Lidnummer of E-mail toe`,
          `more than one member is called "${ref}": put the member id or e-mail address in the column "${header}", or add a Member id or E-mail column`
        )
      }
    return {
      problem:
        by === "id"
          ? pick(
              language,
              `geen lid met lidnummer "${ref}" in deze community (zie grenzeloos members list)`,
              `no member with id "${ref}" in this community (see grenzeloos members list)`
            )
          : by === "email"
            ? pick(
                language,
                "geen lid met dit e-mailadres in deze community (zie grenzeloos members list)",
                "no member with this e-mail address in this community (see grenzeloos members list)"
              )
            : pick(
                language,
                `geen lid "${ref}" in deze community: schrijf de naam zoals grenzeloos members list hem toont, of gebruik een kolom Lidnummer of E-mail`,
                `no member "${ref}" in this community: write the name as grenzeloos members list shows it, or use a Member id or E-mail column`
              )
    }
  }
}
