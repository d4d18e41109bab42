/**
 * The demo: one quarter in the life of the community of programme directors.
 *
 * Today it generates the synthetic community and shows who is in it and what is on the backlog;
 * each engine that lands extends this same script toward the full quarterly cycle.
 *
 * Run it with `pnpm demo` from the repository root.
 */
import { Synthetic } from "@grenzeloos/testkit"
import { Report } from "./Report.js"

const seed = Number(process.env.GRENZELOOS_SEED ?? 2026)
const { community, members, facilitators, themes } = Synthetic.community({ seed })

console.log(Report.title(`${community.name} — synthetische community (seed ${seed})`))
console.log(
  `${members.length} leden, ${facilitators.length} begeleiders, ${themes.length} thema's op de voorraadagenda\n`
)

console.log(Report.heading("Leden per organisatie"))
console.log(
  Report.barTable(
    Report.countBy(members, (m) => m.organisation),
    { label: "Organisatie", value: "Leden" }
  )
)

console.log(Report.heading("Leden per status"))
const STATUS = {
  invited: "uitgenodigd",
  "intake-planned": "intake gepland",
  active: "actief",
  paused: "gepauzeerd",
  left: "vertrokken"
} as const
console.log(
  Report.barTable(
    Report.countBy(members, (m) => STATUS[m.status]),
    { label: "Status", value: "Leden" }
  )
)

console.log(Report.heading("Voorraadagenda"))
const interest = Report.countBy(
  members.flatMap((m) => m.interests),
  (i) => i
)
console.log(
  Report.table(
    ["Thema", "Minuten", "Geïnteresseerde leden"],
    themes
      .map((t) => [t.title, t.durationMinutes, interest.get(t.title) ?? 0] as const)
      .sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0], "nl"))
  )
)
