// Page cursors: opaque to callers, scoped to the query they belong to.
import { Either, Encoding } from "effect"
import type { Problems } from "./checks.js"
import { parseJson } from "./json.js"

// Cursors are opaque to callers: base64url of the scope they belong to and the last key.
export const encodeCursor = (scope: string, key: string | number): string =>
  Encoding.encodeBase64Url(JSON.stringify([scope, key]))

export const decodeCursor = (
  problems: Problems,
  scope: string,
  cursor: string | undefined
): string | number | undefined => {
  if (cursor === undefined) return undefined
  const decoded = Either.flatMap(Encoding.decodeBase64UrlString(cursor), (text) => parseJson(text))
  if (Either.isRight(decoded) && Array.isArray(decoded.right) && decoded.right[0] === scope) {
    const key: unknown = decoded.right[1]
    if (typeof key === "string" || typeof key === "number") return key
  }
  problems.push({ path: "cursor", message: "is not a cursor of this query (pass the cursor of the previous page)" })
  return undefined
}
