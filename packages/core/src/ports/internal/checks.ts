// Validation of the requests the Store service receives: the shapes of ids, kinds, index fields,
// limits, versions, times, labels and texts, collected as problems (every problem at once, with its
// path) and turned into one `StoreInvalidRequest`. Not exported from the package.
import type { Problem } from "../../domain/DecodeError.js"
import { StoreInvalidRequest, StoreMigrationError } from "../StoreError.js"

export const ID = /^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,127}$/
export const KIND = /^[a-z][a-z0-9-]{0,63}$/
export const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
export const MAX_INDEX_VALUE = 512
export const MAX_LIMIT = 1000
export const MAX_KINDS = 100
export const DEFAULT_LIMIT = 100

export type Problems = Array<Problem>

export const checkId = (problems: Problems, path: string, value: unknown, what = "an id") => {
  if (typeof value !== "string" || !ID.test(value))
    problems.push({
      path,
      message: `expected ${what} (1–128 characters: letters, digits and - _ . : ~, starting with a letter or digit), got ${JSON.stringify(value)}`
    })
}

export const checkKind = (problems: Problems, path: string, value: unknown) => {
  if (typeof value !== "string" || !KIND.test(value))
    problems.push({
      path,
      message: `expected a record kind (lower-case letters, digits and -, e.g. "member"), got ${JSON.stringify(value)}`
    })
}

export const checkLimit = (problems: Problems, value: number | undefined, fallback: number): number => {
  const limit = value ?? fallback
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    problems.push({ path: "limit", message: `expected a whole number from 1 to ${MAX_LIMIT}, got ${limit}` })
  return limit
}

export const checkVersion = (problems: Problems, path: string, value: unknown) => {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    problems.push({ path, message: `expected a version (a whole number, 0 for a new record), got ${String(value)}` })
}

export const checkTime = (problems: Problems, path: string, value: unknown) => {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    problems.push({ path, message: `expected epoch milliseconds (a whole number), got ${String(value)}` })
}

// U+0000 cannot be stored in a PostgreSQL text column, so no adapter is asked to store it outside
// a JSON document (where it is escaped as \u0000).
export const notStreaming = (adapter: string, what: string) =>
  new StoreMigrationError({
    adapter,
    reason: `${what}, and the ${adapter} adapter does not keep outbox streams (it does not declare capabilities.outboxStreams: it was written for Store port 0.1); nothing was written. Upgrade the adapter: see "Upgrading an adapter" in docs/guides/writing-a-storage-adapter.md`
  })

export const LABEL = /^[a-z0-9][a-z0-9.-]{0,99}$/

export const checkLabel = (problems: Problems, path: string, value: unknown) => {
  if (typeof value !== "string" || !LABEL.test(value))
    problems.push({
      path,
      message: `expected a label of lower-case letters, digits, . and - (at most 100, e.g. gathering.invited), got ${JSON.stringify(value)}`
    })
}

export const checkText = (problems: Problems, path: string, value: unknown, max: number) => {
  if (typeof value !== "string" || value.length === 0 || value.length > max || value.includes("\u0000"))
    problems.push({
      path,
      message: `expected text of 1 to ${max} characters without U+0000, got ${JSON.stringify(value)}`
    })
}

export const withoutNul = (text: string): string => text.replaceAll("\u0000", "\uFFFD")

export const invalid = (operation: string, problems: Problems) =>
  new StoreInvalidRequest({ operation, problems: problems as [Problem, ...Array<Problem>] })

export const notUnique = (adapter: string) =>
  new StoreMigrationError({
    adapter,
    reason: `the batch claims unique index fields, and the ${adapter} adapter does not enforce them (it does not declare capabilities.uniqueFields: it was written for Store port 0.1); nothing was written. Upgrade the adapter: see "Upgrading an adapter" in docs/guides/writing-a-storage-adapter.md`
  })

export const newId = (): string => globalThis.crypto.randomUUID()
