// sessions plan
import { describe, expect, it } from "vitest"
import { community } from "./Setup.js"

describe("grenzeloos sessions", () => {
  it("plans every learning group's sessions and queues their invitations", async () => {
    const rijk = await community({ members: 12 })
    await rijk.json(
      "facilitators",
      "add",
      "--name",
      "Bas Verhoef",
      "--email",
      "bas.verhoef@rws.nl",
      "--max-groups",
      "3"
    )
    const formed = await rijk.json("groups", "form", "--round", "2027", "--size", "5-7", "--publish")
    const planned = await rijk.at(
      "sessions",
      "plan",
      "--round",
      formed.round.id,
      "--sessions",
      "3",
      "--start",
      "16:00",
      "--weekdays",
      "dinsdag,donderdag",
      "--location",
      "Beatrixgebouw, Utrecht"
    )
    expect(planned.code).toBe(0)
    expect(planned.stdout).toMatch(
      /3 bijeenkomsten per groep voor 2 leergroepen gepland \(6 in totaal\); \d+ uitnodigingen staan klaar/
    )
    // Each group's dates, by the group's name, as its members read them.
    for (const group of formed.groups) expect(planned.stdout).toContain(`\n${group.name}\n  1. `)
    expect(planned.stdout).toMatch(/ {2}3\. (dinsdag|donderdag) \d+ \w+ 20\d\d om 16:00/)
    const wrong = await rijk.at("sessions", "plan", "--round", formed.round.id, "--weekdays", "dinsdg")
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain("--weekdays")
  })
})
