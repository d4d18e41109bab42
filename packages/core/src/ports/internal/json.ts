// JSON on the way into and out of a driver: documents, payloads and details are stored as text.
import { Either } from "effect"
import type { Problems } from "./checks.js"

// The UTF-8 length of a string without encoding it (no allocation per document).
export const utf8Length = (text: string): number => {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1
  }
  return bytes
}

export const toJson = (problems: Problems, path: string, value: unknown): string => {
  try {
    const text = JSON.stringify(value)
    if (typeof text !== "string") {
      problems.push({ path, message: "expected a JSON value (got undefined, a function or a symbol)" })
      return ""
    }
    return text
  } catch (error) {
    problems.push({ path, message: `is not JSON: ${error instanceof Error ? error.message : String(error)}` })
    return ""
  }
}

export const parseJson = (text: string): Either.Either<unknown, string> => {
  try {
    return Either.right(JSON.parse(text) as unknown)
  } catch (error) {
    return Either.left(error instanceof Error ? error.message : String(error))
  }
}
