import { Store } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { encodeBatch } from "../../src/ports/internal/encodeBatch.js"

const context = {
  communityId: "rijk",
  batchId: "b-1",
  now: 1_800_000_000_000,
  capabilities: { name: "test", maxDocumentBytes: 1024 }
}

describe("encodeBatch (the pure part of Store.commit)", () => {
  it("sorts the writes by kind and id, encodes JSON and fills the times in from now", () => {
    const encoded = Either.getOrThrow(
      encodeBatch(
        {
          writes: [
            Store.put("theme", "t-2", 0, { title: "Woo" }, { status: "backlog" }),
            Store.put("member", "m-1", 3, { name: "Ann" }, { email: "ann@example.org" }, ["email"]),
            Store.remove("theme", "t-1", 2)
          ],
          outbox: [{ id: "msg-1", topic: "notify.email", payload: { n: 1 } }],
          audit: [{ id: "a-1", actor: "x", action: "theme.propose" }]
        },
        context
      )
    )
    expect(encoded.batch.writes.map((w) => `${w.kind}/${w.id}`)).toEqual(["member/m-1", "theme/t-1", "theme/t-2"])
    expect(encoded.versions).toEqual([
      { kind: "member", id: "m-1", version: 4 },
      { kind: "theme", id: "t-1", version: 0 },
      { kind: "theme", id: "t-2", version: 1 }
    ])
    expect(encoded.batch.outbox[0]?.payload).toBe('{"n":1}')
    expect(encoded.batch.outbox[0]?.availableAt).toBe(context.now)
    expect(encoded.batch.audit[0]?.at).toBe(context.now)
    expect([encoded.empty, encoded.claimsUnique, encoded.usesStreams]).toEqual([false, true, false])
  })

  it("returns every problem at once, with its path", () => {
    const result = encodeBatch(
      {
        writes: [Store.put("theme", "t-1", 0, {}), Store.put("theme", "t-1", 0, {}), Store.remove("theme", "t-2", 0)],
        audit: [
          { id: "a-1", actor: "x", action: "y" },
          { id: "a-1", actor: "x", action: "y" }
        ]
      },
      context
    )
    expect(Either.isLeft(result) ? result.left.map((p) => p.path) : []).toEqual([
      "writes[1]",
      "writes[2].expectedVersion",
      "audit[1].id"
    ])
  })

  it("an empty batch is empty: the driver is not asked", () => {
    expect(Either.getOrThrow(encodeBatch({}, context)).empty).toBe(true)
  })
})
