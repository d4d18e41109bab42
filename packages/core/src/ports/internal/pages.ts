// Reading a paged listing to its end: the one loop behind `Store.everyPage` and `findAll`.
import { Effect } from "effect"
import type { Page } from "../Store.js"

export const everyPage = <A, E, R>(
  list: (page: { readonly limit: number; readonly cursor?: string }) => Effect.Effect<Page<A>, E, R>,
  limit = 1000
): Effect.Effect<ReadonlyArray<A>, E, R> =>
  Effect.gen(function* () {
    const out: Array<A> = []
    let cursor: string | undefined
    do {
      const page: Page<A> = yield* list({ limit, ...(cursor === undefined ? {} : { cursor }) })
      for (const item of page.items) out.push(item)
      cursor = page.cursor
    } while (cursor !== undefined)
    return out
  })
