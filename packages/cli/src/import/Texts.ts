/**
 * The texts of the member import, Dutch first and English second, in one place.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */
import type { Domain } from "@grenzeloos/core"

type Language = Domain.Language

const pick = (language: Language, nl: string, en: string) => (language === "en" ? en : nl)

/**
 * No row in the first rows names at least two member fields.
 *
 * @since 0.1.0
 */
export const noHeader = (language: Language, within: number): string =>
  pick(
    language,
    `geen kopregel gevonden in de eerste ${within} rijen: verwacht kolommen zoals "naam", "e-mail", "organisatie" en "programma"`,
    `no header row found in the first ${within} rows: expected columns such as "name", "email", "organisation" and "programme"`
  )

/**
 * A required column is missing from the header row.
 *
 * @since 0.1.0
 */
export const missingColumn = (language: Language, field: "name" | "email" | "organisation" | "programme"): string => {
  const names = {
    name: ['"naam" (of "voornaam" en "achternaam")', '"name" (or "first name" and "last name")'],
    email: ['"e-mail"', '"email"'],
    organisation: ['"organisatie"', '"organisation"'],
    programme: ['"programma"', '"programme"']
  } as const
  const [nl, en] = names[field]
  return pick(language, `de kolom ${nl} ontbreekt`, `the column ${en} is missing`)
}

/**
 * A column header occurs twice; only the first column is read.
 *
 * @since 0.1.0
 */
export const repeatedColumn = (language: Language, header: string, first: string): string =>
  pick(
    language,
    `de kolom "${header}" betekent hetzelfde als "${first}"; alleen "${first}" wordt gelezen`,
    `the column "${header}" means the same as "${first}"; only "${first}" is read`
  )

/**
 * A column whose header is not a member field; it is left out of the import.
 *
 * @since 0.1.0
 */
export const ignoredColumn = (language: Language, header: string): string =>
  pick(
    language,
    `de kolom "${header}" wordt niet gelezen (geen gegeven van een lid dat Grenzeloos bewaart)`,
    `the column "${header}" is not read (not a member field Grenzeloos keeps)`
  )

/**
 * An e-mail address that is not one (the address itself is not repeated: it is personal data).
 *
 * @since 0.1.0
 */
export const invalidEmail = (language: Language): string =>
  pick(
    language,
    "geen geldig e-mailadres (verwacht iets als naam@ministerie.nl, zonder spaties)",
    "not a valid e-mail address (expected something like name@ministry.nl, without spaces)"
  )

/**
 * A status the import does not know, with the words it does know.
 *
 * @since 0.2.0
 */
export const unknownStatus = (language: Language, value: string): string =>
  pick(
    language,
    `onbekende status "${value}": gebruik actief, nieuw (of uitgenodigd: nog zonder intake), intake gepland, gepauzeerd of vertrokken`,
    `unknown status "${value}": use active, new (or invited: no intake yet), intake planned, paused or left`
  )

/**
 * A preferred language the import does not know.
 *
 * @since 0.2.0
 */
export const unknownLanguage = (language: Language, value: string): string =>
  pick(
    language,
    `onbekende taal "${value}": gebruik Nederlands (nl) of Engels (en)`,
    `unknown language "${value}": use Dutch (nl) or English (en)`
  )

/**
 * The same member (by e-mail address or id) is in the file twice.
 *
 * @since 0.1.0
 */
export const duplicate = (language: Language, by: "email" | "id", firstRow: number): string =>
  by === "email"
    ? pick(
        language,
        `dubbel lid: hetzelfde e-mailadres staat al in rij ${firstRow}`,
        `duplicate member: the same e-mail address is already in row ${firstRow}`
      )
    : pick(
        language,
        `dubbel lid: hetzelfde lidnummer staat al in rij ${firstRow}`,
        `duplicate member: the same member id is already in row ${firstRow}`
      )

/**
 * An organisation that is not on the community's list, with the closest spelling if there is one.
 *
 * @since 0.1.0
 */
export const unknownOrganisation = (language: Language, value: string, suggestion: string | undefined): string =>
  suggestion === undefined
    ? pick(
        language,
        `onbekende organisatie "${value}": die staat niet op de lijst van de community`,
        `unknown organisation "${value}": it is not on the community's list`
      )
    : pick(
        language,
        `onbekende organisatie "${value}"; bedoelt u "${suggestion}"?`,
        `unknown organisation "${value}"; did you mean "${suggestion}"?`
      )

/**
 * The label of a problem's row and column, for a line of the report.
 *
 * @since 0.1.0
 */
export const where = (language: Language, row: number | undefined, column: string | undefined): string => {
  const parts: Array<string> = []
  if (row !== undefined) parts.push(pick(language, `rij ${row}`, `row ${row}`))
  if (column !== undefined) parts.push(pick(language, `kolom "${column}"`, `column "${column}"`))
  return parts.length === 0 ? pick(language, "bestand", "file") : parts.join(", ")
}
