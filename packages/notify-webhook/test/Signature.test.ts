import { describe, expect, it } from "@effect/vitest"
import { Signature } from "@grenzeloos/notify-webhook"
import { Redacted } from "effect"
import { Webhook } from "standardwebhooks"

// The published test vector of the Standard Webhooks specification.
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
const ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
const TIMESTAMP = 1614265330
const PAYLOAD = '{"test": 2432232314}'
const EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

describe("Signature", () => {
  it("matches the specification's published test vector", () => {
    expect(Signature.sign(Redacted.make(SECRET), ID, TIMESTAMP, PAYLOAD)).toBe(EXPECTED)
  })

  it("agrees with the reference library for any message", () => {
    const reference = new Webhook(SECRET)
    for (const [i, body] of ['{"a":1}', "", '{"naam":"IJsbrand – één"}', "x".repeat(10_000)].entries()) {
      const id = `msg_${i}`
      const ts = TIMESTAMP + i * 17
      expect(Signature.sign(Redacted.make(SECRET), id, ts, body)).toBe(reference.sign(id, new Date(ts * 1000), body))
    }
  })

  it("signs with every secret so a receiver on either key accepts it during rotation", () => {
    const next = "whsec_QWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo0MjQyNDI="
    const now = Math.floor(Date.now() / 1000)
    const header = Signature.header([Redacted.make(SECRET), Redacted.make(next)], ID, now, PAYLOAD)
    expect(header.split(" ")).toHaveLength(2)
    const headers = { "webhook-id": ID, "webhook-timestamp": String(now), "webhook-signature": header }
    expect(new Webhook(SECRET).verify(PAYLOAD, headers)).toEqual({ test: 2432232314 })
    expect(new Webhook(next).verify(PAYLOAD, headers)).toEqual({ test: 2432232314 })
    const other = "whsec_b3RoZXJvdGhlcm90aGVyb3RoZXJvdGhlcg=="
    expect(() => new Webhook(other).verify(PAYLOAD, headers)).toThrow()
  })
})
