import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { type Access, Domain, Services } from "@grenzeloos/core"
import { describe, expect, it } from "vitest"

const { ReadPolicy } = Services
const community = Domain.CommunityId.make("rijk")
const m = (id: string) => Domain.MemberId.make(id)
const f = (id: string) => Domain.FacilitatorId.make(id)

// The guide's table, read as a person reads it: the header names the readers in order, each row
// a field, each cell one of four words.
const guide = readFileSync(
  fileURLToPath(new URL("../../../../docs/guides/privacy-and-security.md", import.meta.url)),
  "utf8"
)
const WORDS: Readonly<Record<string, Services.ReadPolicy.Rule>> = {
  yes: "yes",
  no: "no",
  "own group only": "group",
  "open poll only": "open-poll"
}
const HEADER = "| field | the member | another member | a facilitator | the programme team | an administrator |"
const cells = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim())

const guideTable = () => {
  const lines = guide.split("\n")
  const start = lines.indexOf(HEADER)
  if (start < 0) throw new Error("the privacy guide has no read-policy table with the expected header")
  const rows: Record<string, Record<string, string>> = {}
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break
    const [field = "", ...rules] = cells(line)
    rows[field.replace(/`/g, "")] = Object.fromEntries(
      ReadPolicy.readers.map((reader, k) => {
        const word = rules[k] ?? ""
        const rule = WORDS[word]
        if (rule === undefined) throw new Error(`unknown word "${word}" in the guide's row ${field}`)
        return [reader, rule]
      })
    )
  }
  return rows
}

describe("ReadPolicy: the guide's table is the code's table", () => {
  it("has the same fields, readers and rules", () => {
    expect(guideTable()).toStrictEqual(ReadPolicy.table)
    expect(Object.keys(guideTable())).toStrictEqual([...ReadPolicy.fields])
  })
})

// The cast: ann is the subject (and author of the case, in the group with bob); cas is a member
// outside the group; gina guest-facilitates the group, gus another; pia is programme team and
// facilitates the group, pim programme team without it.
const actors = {
  ann: { _tag: "Member", communityId: community, memberId: m("ann") },
  bob: { _tag: "Member", communityId: community, memberId: m("bob") },
  cas: { _tag: "Member", communityId: community, memberId: m("cas") },
  gina: { _tag: "Facilitator", communityId: community, facilitatorId: f("gina") },
  gus: { _tag: "Facilitator", communityId: community, facilitatorId: f("gus") },
  pia: { _tag: "ProgrammeTeam", communityId: community, facilitatorId: f("pia") },
  pim: { _tag: "ProgrammeTeam", communityId: community, facilitatorId: f("pim") },
  admin: { _tag: "Administrator", communityId: community, administratorId: "beheer-1" }
} as const satisfies Record<string, Access.Actor>
type Who = keyof typeof actors
const everyone = Object.keys(actors) as ReadonlyArray<Who>

const caseOfGina = { memberId: m("ann"), groupMemberIds: [m("ann"), m("bob")], groupFacilitatorId: f("gina") }
const caseOfPia = { ...caseOfGina, groupFacilitatorId: f("pia") }

// The specification, written out: for every field (and the facts that matter), who may read it.
const spec: ReadonlyArray<{
  readonly field: Services.ReadPolicy.Field
  readonly subject: Services.ReadPolicy.Subject
  readonly label: string
  readonly readers: ReadonlyArray<Who>
}> = [
  { field: "name", subject: { memberId: m("ann") }, label: "", readers: everyone },
  { field: "address", subject: { memberId: m("ann") }, label: "", readers: ["ann", "pia", "pim", "admin"] },
  { field: "interests", subject: { memberId: m("ann") }, label: "", readers: everyone },
  { field: "intake-notes", subject: { memberId: m("ann") }, label: "", readers: ["ann", "pia", "pim"] },
  { field: "case-text", subject: caseOfGina, label: "(group of gina)", readers: ["ann", "bob", "gina"] },
  { field: "case-text", subject: caseOfPia, label: "(group of pia)", readers: ["ann", "bob", "pia"] },
  { field: "ballot", subject: { memberId: m("ann") }, label: "", readers: ["ann"] },
  {
    field: "poll-answers",
    subject: { memberId: m("ann"), openPoll: false },
    label: "(private poll)",
    readers: ["ann", "pia", "pim"]
  },
  {
    field: "poll-answers",
    subject: { memberId: m("ann"), openPoll: true },
    label: "(open poll)",
    readers: ["ann", "bob", "cas", "gina", "gus", "pia", "pim"]
  },
  { field: "fairness-records", subject: { memberId: m("ann") }, label: "", readers: ["ann", "pia", "pim"] }
]

describe("ReadPolicy.mayRead: the whole matrix", () => {
  for (const { field, subject, label, readers } of spec)
    for (const who of everyone) {
      const expected = readers.includes(who)
      it(`${field} ${label} of ann by ${who}: ${expected ? "yes" : "no"}`, () => {
        expect(ReadPolicy.mayRead(actors[who], field, subject)).toBe(expected)
      })
    }

  it("covers every field", () => {
    expect(new Set(spec.map((s) => s.field))).toStrictEqual(new Set(ReadPolicy.fields))
  })

  it("withholds with the field and a reason, never the value", () => {
    const shown = ReadPolicy.shown(actors.admin, "intake-notes", { memberId: m("ann") }, () => "geheim")
    expect(shown).toStrictEqual({ withheld: true, field: "intake-notes", reason: expect.any(String) })
    expect(ReadPolicy.shown(actors.ann, "intake-notes", { memberId: m("ann") }, () => "geheim")).toBe("geheim")
  })
})
