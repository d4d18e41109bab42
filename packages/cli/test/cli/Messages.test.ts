// The core's refusals as the person at the command line reads them: in the --lang language.
import { Domain, Services } from "@grenzeloos/core"
import { describe, expect, it } from "vitest"
import { NotConfirmed, Unwritable } from "../../src/cli/Errors.js"
import * as Messages from "../../src/cli/Messages.js"

const refusals = [
  new Services.NotAllowed({ action: "case.read", missing: "membership of the learning group" }),
  new Services.MemberCannotAct({ action: "ballot.cast", memberId: "m-009", state: "left" }),
  new Domain.GatheringLifecycle.GatheringStateError({
    gatheringId: "g-1",
    title: "Kwartaalbijeenkomst 2027-Q1",
    state: "planned",
    step: "moveGathering",
    needs: ["date-decided", "invited"],
    possible: ["proposeDates", "setProgramme", "changeProgramme", "cancelGathering"]
  })
]

describe("Messages.of", () => {
  it("says every refusal of the core in Dutch to a Dutch user, and names commands instead of use cases", () => {
    const [notAllowed, cannotAct, state] = refusals.map((e) => Messages.of(e, "nl"))
    expect(notAllowed).toBe("u mag case.read niet: daarvoor is nodig: lidmaatschap van de leergroep")
    expect(cannotAct).toBe("lid m-009 kan ballot.cast niet: het lid heeft de community verlaten")
    expect(state).toContain('bijeenkomst "Kwartaalbijeenkomst 2027-Q1" is gepland (nog geen datumprikker)')
    expect(state).toContain("grenzeloos meeting move")
    expect(state).toContain("grenzeloos meeting cancel")
    for (const text of [notAllowed, cannotAct, state]) expect(text).not.toMatch(/not allowed|cannot|needs it to be/)
  })

  it("says them in English to an English user", () => {
    const [notAllowed, cannotAct, state] = refusals.map((e) => Messages.of(e, "en"))
    expect(notAllowed).toBe("not allowed to case.read: this needs membership of the learning group")
    expect(cannotAct).toBe("member m-009 cannot ballot.cast: the member has left the community")
    expect(state).toContain("needs it to be given a date, not yet invited or invited")
  })

  it("says the command line's own refusals in one language, not both side by side", () => {
    const confirm = new NotConfirmed({ what: "grenzeloos forget member m-001" })
    const out = new Unwritable({ option: "--out", path: "/verslag.html", reason: "EACCES" })
    expect(Messages.of(confirm, "nl")).toBe(
      "grenzeloos forget member m-001 kan niet ongedaan worden gemaakt: bevestig met --yes"
    )
    expect(Messages.of(confirm, "en")).toBe("grenzeloos forget member m-001 cannot be undone: confirm with --yes")
    expect(Messages.of(out, "nl")).toBe(
      "--out: /verslag.html is niet te schrijven (EACCES); kies een andere map of naam"
    )
    expect(Messages.of(out, "en")).toBe(
      "--out: /verslag.html cannot be written (EACCES); choose another folder or name"
    )
    // The file system's reason, said plainly (the merge of two branches once dropped this).
    const denied = new Unwritable({
      option: "--out",
      path: "/verslag.html",
      reason: "EACCES",
      kind: "PermissionDenied"
    })
    expect(Messages.of(denied, "nl")).toBe(
      "--out: /verslag.html is niet te schrijven (geen toestemming om daar te schrijven); kies een andere map of naam"
    )
    expect(Messages.of(denied, "en")).toBe(
      "--out: /verslag.html cannot be written (no permission to write there); choose another folder or name"
    )
  })
})
