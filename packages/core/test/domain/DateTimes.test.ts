import { Domain } from "@grenzeloos/core"
import { DateTime, Either, Schema } from "effect"
import { describe, expect, it } from "vitest"

describe("dates are real calendar dates", () => {
  it("a timestamp or zoned time on 30 February is refused, not rolled over to March", () => {
    for (const text of ["2027-02-30T10:00:00Z", "2027-02-29T10:00:00.000Z", "2027-04-31", "2027-13-01T00:00:00Z"]) {
      const result = Schema.decodeUnknownEither(Domain.Timestamp)(text)
      expect(Either.isLeft(result), text).toBe(true)
      if (Either.isLeft(result)) expect(result.left.message).toContain("expected an ISO date and time in UTC")
    }
    const zoned = Schema.decodeUnknownEither(Domain.ZonedDateTime)("2027-02-30T10:00:00+01:00[Europe/Amsterdam]")
    expect(Either.isLeft(zoned)).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(Domain.CalendarDate)("2027-02-30"))).toBe(true)
  })

  it("real dates still decode, leap days included", () => {
    const leap = Schema.decodeUnknownSync(Domain.Timestamp)("2028-02-29T10:00:00Z")
    expect(DateTime.formatIso(leap)).toBe("2028-02-29T10:00:00.000Z")
    const zoned = Schema.decodeUnknownSync(Domain.ZonedDateTime)("2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]")
    expect(DateTime.formatIsoZoned(zoned)).toBe("2027-03-11T13:00:00.000+01:00[Europe/Amsterdam]")
    expect(Schema.decodeUnknownSync(Domain.CalendarDate)("0004-02-29")).toBe("0004-02-29")
  })
})
