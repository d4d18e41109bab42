/**
 * How the command line's texts name people they know by id: by name where the caller knows it
 * (the core's `Texts.Naming`), the id otherwise, and a long list as its first five and how many
 * more.
 *
 * @internal
 */
import type { Texts as CoreTexts } from "@grenzeloos/core"

/** A person's name, or their id when the naming does not know them. */
export const named =
  (naming: CoreTexts.Naming | undefined) =>
  (id: string): string =>
    naming?.person?.(id) ?? id

/** People by name, the first five and how many more, or a dash for none. */
export const list = (ids: ReadonlyArray<string>, naming: CoreTexts.Naming | undefined): string => {
  if (ids.length === 0) return "—"
  const shown = ids.slice(0, 5).map(named(naming)).join(", ")
  return ids.length > 5 ? `${shown} (+${ids.length - 5})` : shown
}
