import { MemoryStore, Services } from "@grenzeloos/core"
import { Scenario, Synthetic } from "@grenzeloos/testkit"
import { Effect, Layer } from "effect"

const layer = Services.UseCases.layer.pipe(
  Layer.provide(MemoryStore.layer),
  Layer.provide(Services.Ids.layer),
  Layer.provide(
    Services.Settings.layer({ organizer: { name: "Team", email: "team@example.nl" }, uidDomain: "example.nl" })
  )
)
const generated = Synthetic.community({
  members: Number(process.env.N ?? 100),
  facilitators: Math.max(5, Math.ceil(Number(process.env.N ?? 100) / 20))
})
const t0 = performance.now()
const program = Effect.gen(function* () {
  const a = yield* Scenario.quarter({
    generated,
    onStep: (s) => console.log(`${(performance.now() - t0).toFixed(0)} ms: ${s}`)
  })
  console.log(
    a.quarter,
    a.registered.created.length,
    a.intakes,
    a.groups.groups.length,
    a.repeatedPairs,
    a.ballots,
    a.agenda.programme.length,
    a.decision.chosen.slotId,
    a.invitation,
    a.reminders,
    a.attendance
  )
  const b = yield* Scenario.quarter({ generated })
  console.log(
    b.quarter,
    b.registered,
    b.intakes,
    b.groups.groups.length,
    b.repeatedPairs,
    b.ballots,
    b.agenda.programme.length,
    b.decision.chosen.slotId,
    b.invitation,
    b.reminders,
    b.attendance,
    b.themesProposed
  )
})
Effect.runPromise(Effect.provide(program, layer)).then(
  () => console.log(`${(performance.now() - t0).toFixed(0)} ms`),
  (e) => {
    console.error("FAILED", e)
    process.exit(1)
  }
)
