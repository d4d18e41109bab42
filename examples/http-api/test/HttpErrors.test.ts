import { Store } from "@grenzeloos/core"
import { describe, expect, it } from "vitest"
import { fromUseCase } from "../src/HttpErrors.js"

// The storage failures cannot be provoked over HTTP against a healthy SQLite file, so their
// mapping is checked here: the status an HTTP client sees, and that the database's own text (which
// may quote stored data) does not reach the answer.
describe("storage errors as HTTP errors", () => {
  it("a concurrent change is a 409 that says to send again", () => {
    const error = fromUseCase(
      new Store.StoreConflict({
        communityId: "rijk",
        conflicts: [{ _tag: "VersionMismatch", kind: "member", id: "m-001", expectedVersion: 1, actualVersion: 2 }]
      })
    )
    expect(error).toMatchObject({ _tag: "Conflict", error: "StoreConflict" })
    expect(error._tag === "Conflict" && error.hint).toContain("send the request again")
  })

  it("an unavailable database is a 503 that says whether retrying is safe, without the driver's text", () => {
    const none = fromUseCase(
      new Store.StoreUnavailable({
        operation: "commit",
        batchApplied: "none",
        reason: "SQLITE_BUSY while writing member jan@bzk.nl"
      })
    )
    expect(none).toMatchObject({ _tag: "Unavailable", error: "StoreUnavailable", retry: "yes" })
    expect(none.message).not.toContain("SQLITE_BUSY")
    const unknown = fromUseCase(
      new Store.StoreUnavailable({ operation: "commit", batchApplied: "unknown", reason: "connection reset" })
    )
    expect(unknown).toMatchObject({ retry: "check" })
  })

  it("a stored record that does not decode names the record, not its content", () => {
    const error = fromUseCase(
      new Store.StoreDecodeError({
        communityId: "rijk",
        kind: "member",
        id: "m-001",
        problems: [{ path: "email", message: 'expected an e-mail address, got "jan@"' }]
      })
    )
    expect(error).toMatchObject({ _tag: "Unavailable", error: "StoreDecodeError", retry: "no" })
    expect(error.message).toContain("member m-001")
    expect(JSON.stringify(error)).not.toContain("@")
  })
})
