import { Services } from "@grenzeloos/core"
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"

const closing = (now: string, days: number, zone = "Europe/Amsterdam") =>
  DateTime.formatIso(Services.Voting.closingTime(DateTime.unsafeMake(now), days, zone))

describe("Voting.closingTime", () => {
  it("closes at 23:59 on the last day in the community's zone, not at the minute the vote was opened", () => {
    // Opened on Friday 4 June 2027 at 15:51 in Amsterdam (summer time, UTC+2).
    expect(closing("2027-06-04T13:51:00Z", 14)).toBe("2027-06-18T21:59:00.000Z")
  })

  it("counts calendar days in the zone across the change to winter time", () => {
    // Opened Tuesday 19 October 2027 at 10:00 (UTC+2); 31 October is winter time (UTC+1).
    expect(closing("2027-10-19T08:00:00Z", 14)).toBe("2027-11-02T22:59:00.000Z")
  })

  it("takes the day in the community's zone, also late in the evening", () => {
    // 21:30 UTC is 23:30 on 4 June in Amsterdam: the vote closes on 5 June.
    expect(closing("2027-06-04T21:30:00Z", 1)).toBe("2027-06-05T21:59:00.000Z")
    // In New York it is still 3 June.
    expect(closing("2027-06-04T02:00:00Z", 1, "America/New_York")).toBe("2027-06-05T03:59:00.000Z")
  })
})
