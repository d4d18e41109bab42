/**
 * `pnpm bench storage [--runs N] [--skip-postgres]`: the Store adapters against the targets of
 * issue 6 — import 10,000 members (SQLite under 2 s, PostgreSQL under 5 s), load a community of
 * 1,000 members with 4 rounds of groups, ballots and polls (SQLite under 100 ms), and 8 concurrent
 * writers × 1,000 conflicting read-modify-write updates on PostgreSQL where every update lands or
 * conflicts and the final state is the sum of the landed ones.
 *
 * PostgreSQL runs when `GRENZELOOS_TEST_POSTGRES_URL` is set (a schema of its own, dropped after).
 * SQLite runs in a temporary file (WAL, synchronous NORMAL: the default) and in memory.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { Domain, Repository, Rng, Store } from "@grenzeloos/core"
import { PgStore } from "@grenzeloos/storage-postgres"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Synthetic } from "@grenzeloos/testkit"
import { Effect, Either, Layer, Option, Schema } from "effect"
import type { Suite } from "../Suite.js"
import { elapsedMs, table } from "../Table.js"

const IMPORT_MEMBERS = 10_000
const LOAD_MEMBERS = 1_000
const BATCH = 500

// The kinds `Repository.loadCommunity` reads besides the community record.
const SNAPSHOT_KINDS = [
  Repository.Members,
  Repository.Facilitators,
  Repository.Rounds,
  Repository.LearningGroups,
  Repository.Themes,
  Repository.VotingRounds,
  Repository.Ballots,
  Repository.Gatherings,
  Repository.AvailabilityPolls,
  Repository.PollResponses
].map((kind) => kind.kind)

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

const importMembers = (communityId: string, members: ReadonlyArray<Domain.Member>) =>
  Effect.gen(function* () {
    const store = yield* Store.forCommunity(communityId)
    const start = performance.now()
    for (let i = 0; i < members.length; i += BATCH) {
      const writes = yield* Effect.forEach(members.slice(i, i + BATCH), (m) => Repository.put(Repository.Members, m, 0))
      yield* store.commit({ writes })
    }
    const ms = elapsedMs(start)
    const count = (yield* store.findAll("member")).length
    return { ms, count }
  })

/** 1,000 members, 4 rounds with groups of 6, 4 voting rounds with a ballot per member, 4 polls with a response per member. */
const communityRecords = (communityId: string) => {
  const generated = Synthetic.community({ seed: 6, members: LOAD_MEMBERS, communityId })
  const rng = Rng.make(6)
  const memberIds = generated.members.map((m) => m.id)
  const themeIds = generated.themes.map((t) => t.id)
  const writes: Array<Effect.Effect<Store.Write, Store.StoreInvalidRequest>> = [
    Repository.put(Repository.Communities, generated.community, 0),
    ...generated.members.map((m) => Repository.put(Repository.Members, m, 0)),
    ...generated.facilitators.map((f) => Repository.put(Repository.Facilitators, f, 0)),
    ...generated.themes.map((t) => Repository.put(Repository.Themes, t, 0))
  ]
  for (let r = 1; r <= 4; r++) {
    const year = 2026 + r
    const roundId = `r-${year}`
    writes.push(
      Repository.put(
        Repository.Rounds,
        Schema.decodeUnknownSync(Domain.Round)({
          id: roundId,
          communityId,
          name: `Leergroepen ${year}`,
          startsOn: `${year}-01-15`,
          endsOn: `${year}-12-15`,
          status: r === 4 ? "active" : "closed"
        }),
        0
      )
    )
    const shuffled = Rng.shuffle(rng, memberIds)
    for (let g = 0; g * 6 < shuffled.length; g++)
      writes.push(
        Repository.put(
          Repository.LearningGroups,
          Schema.decodeUnknownSync(Domain.LearningGroup)({
            id: `g-${year}-${g + 1}`,
            communityId,
            roundId,
            name: `Leergroep ${g + 1}`,
            memberIds: shuffled.slice(g * 6, g * 6 + 6),
            facilitatorId: generated.facilitators[g % generated.facilitators.length]?.id,
            formedAt: `${year - 1}-12-01T09:00:00.000Z`
          }),
          0
        )
      )
    const votingRoundId = `v-${year}-q1`
    writes.push(
      Repository.put(
        Repository.VotingRounds,
        Schema.decodeUnknownSync(Domain.VotingRound)({
          id: votingRoundId,
          communityId,
          title: `Agenda ${year} Q1`,
          themeIds,
          format: { _tag: "approval", maxApprovals: 3 },
          status: "closed",
          opensAt: `${year}-01-02T09:00:00.000Z`,
          closesAt: `${year}-01-16T17:00:00.000Z`
        }),
        0
      )
    )
    for (const memberId of memberIds)
      writes.push(
        Repository.put(
          Repository.Ballots,
          Schema.decodeUnknownSync(Domain.Ballot)({
            id: `b-${year}-${memberId}`,
            communityId,
            votingRoundId,
            memberId,
            castAt: `${year}-01-05T10:12:00.000Z`,
            content: { _tag: "approval", themeIds: Rng.shuffle(rng, themeIds).slice(0, 3) }
          }),
          0
        )
      )
    const pollId = `p-${year}-q1`
    const slots = [3, 4, 10, 11, 17].map((day, i) => ({
      id: `s-${i + 1}`,
      startsAt: `${year}-03-${String(day).padStart(2, "0")}T13:00:00.000+01:00[Europe/Amsterdam]`,
      durationMinutes: 180
    }))
    writes.push(
      Repository.put(
        Repository.AvailabilityPolls,
        Schema.decodeUnknownSync(Domain.AvailabilityPoll)({
          id: pollId,
          communityId,
          title: `Kwartaalbijeenkomst ${year} Q1`,
          slots,
          requiredMemberIds: [],
          status: "closed",
          decidedSlotId: "s-2"
        }),
        0
      )
    )
    const answers = ["yes", "if-need-be", "no"] as const
    for (const memberId of memberIds)
      writes.push(
        Repository.put(
          Repository.PollResponses,
          Schema.decodeUnknownSync(Domain.PollResponse)({
            id: `pr-${year}-${memberId}`,
            communityId,
            pollId,
            memberId,
            answers: slots.map((s) => ({ slotId: s.id, answer: answers[rng.int(3)] })),
            respondedAt: `${year}-02-01T08:00:00.000Z`
          }),
          0
        )
      )
    writes.push(
      Repository.put(
        Repository.Gatherings,
        Schema.decodeUnknownSync(Domain.Gathering)({
          id: `gt-${year}-q1`,
          communityId,
          title: `Kwartaalbijeenkomst ${year} Q1`,
          quarter: `${year}-Q1`,
          status: "held",
          startsAt: slots[1]?.startsAt,
          durationMinutes: 180,
          programme: themeIds.slice(0, 3).map((themeId) => ({ themeId, durationMinutes: 45 })),
          rsvps: [],
          attendance: memberIds.slice(0, 80),
          sequence: 1
        }),
        0
      )
    )
  }
  return writes
}

const loadCommunity = (communityId: string, runs: number) =>
  Effect.gen(function* () {
    const store = yield* Store.forCommunity(communityId)
    const writes = yield* Effect.all(communityRecords(communityId))
    for (let i = 0; i < writes.length; i += BATCH) yield* store.commit({ writes: writes.slice(i, i + BATCH) })
    for (let i = 0; i < 3; i++) yield* Repository.loadCommunity(store)
    const times: Array<number> = []
    // CPU time of the process (user + system) beside the wall time: on a shared machine the wall
    // time also counts the time other work held the cores.
    const cpuTimes: Array<number> = []
    let snapshot: Repository.CommunitySnapshot | undefined
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      const cpuStart = process.cpuUsage()
      snapshot = yield* Repository.loadCommunity(store)
      times.push(elapsedMs(start))
      const cpu = process.cpuUsage(cpuStart)
      cpuTimes.push((cpu.user + cpu.system) / 1000)
    }
    // The same reads without decoding with the schemas (JSON is parsed), to show where the time goes.
    const rawTimes: Array<number> = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      yield* store.get(Repository.Communities.kind, communityId)
      yield* store.readKinds(SNAPSHOT_KINDS)
      rawTimes.push(elapsedMs(start))
    }
    const s = snapshot as Repository.CommunitySnapshot
    const records =
      1 +
      s.members.length +
      s.facilitators.length +
      s.rounds.length +
      s.groups.length +
      s.themes.length +
      s.votingRounds.length +
      s.ballots.length +
      s.gatherings.length +
      s.polls.length +
      s.pollResponses.length
    return {
      median: median(times),
      worst: Math.max(...times),
      cpu: median(cpuTimes),
      raw: median(rawTimes),
      records,
      stored: writes.length
    }
  })

const conflictingWriters = (communityId: string, writers: number, updatesPerWriter: number) =>
  Effect.gen(function* () {
    const store = yield* Store.forCommunity(communityId)
    yield* store.commit({ writes: [Store.put("counter", "c-1", 0, { n: 0 })] })
    let landed = 0
    let conflicts = 0
    let failures = 0
    const start = performance.now()
    yield* Effect.forEach(
      Array.from({ length: writers }),
      () =>
        Effect.forEach(
          Array.from({ length: updatesPerWriter }),
          () =>
            Effect.gen(function* () {
              const current = Option.getOrThrow(yield* store.get("counter", "c-1"))
              const n = (current.document as { n: number }).n
              const result = yield* Effect.either(
                store.commit({ writes: [Store.put("counter", "c-1", current.version, { n: n + 1 })] })
              )
              if (Either.isRight(result)) landed++
              else if (result.left._tag === "StoreConflict") conflicts++
              else failures++
            }),
          { discard: true }
        ),
      { concurrency: "unbounded", discard: true }
    )
    const ms = elapsedMs(start)
    const final = Option.getOrThrow(yield* store.get("counter", "c-1"))
    return { ms, landed, conflicts, failures, n: (final.document as { n: number }).n, version: final.version }
  })

const dropSchema = (schema: string) =>
  Layer.scopedDiscard(
    Effect.addFinalizer(() =>
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).pipe(
        Effect.ignore
      )
    )
  )

const suite: Suite = {
  description: "Store adapters: import 10,000 members, load a 1,000-member community, conflicting writers",
  run: async (args) => {
    const runsAt = args.indexOf("--runs")
    const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 20
    const pgUrl = args.includes("--skip-postgres") ? undefined : process.env.GRENZELOOS_TEST_POSTGRES_URL
    const rows: Array<Array<string | number>> = []
    const members = Synthetic.community({ seed: 10, members: IMPORT_MEMBERS, communityId: "bench-import" }).members

    const dir = mkdtempSync(join(tmpdir(), "grenzeloos-bench-"))
    try {
      const adapters: Array<[string, () => Layer.Layer<Store.Store, unknown>]> = [
        ["sqlite file", () => SqliteStore.layer({ filename: join(dir, `bench-${Date.now()}.db`) })],
        ["sqlite :memory:", () => SqliteStore.layer({ filename: ":memory:" })]
      ]
      if (pgUrl !== undefined) {
        const schema = `gz_bench_${process.pid}_${Date.now()}`
        adapters.push([
          "postgres",
          () =>
            Layer.merge(Layer.effect(Store.Store, PgStore.make({ schema })), dropSchema(schema)).pipe(
              Layer.provide(Layer.orDie(PgStore.clientLayer({ url: pgUrl, maxConnections: 10 })))
            )
        ])
      } else console.warn("GRENZELOOS_TEST_POSTGRES_URL is not set: the PostgreSQL rows are skipped")

      for (const [name, makeLayer] of adapters) {
        const program = Effect.gen(function* () {
          const imported = yield* importMembers("bench-import", members)
          const target = name === "postgres" ? 5000 : 2000
          rows.push([
            `import ${IMPORT_MEMBERS} members`,
            name,
            imported.ms,
            target,
            imported.ms < target && imported.count === IMPORT_MEMBERS ? "yes" : "NO",
            `${imported.count} stored, batches of ${BATCH}`
          ])
          const loaded = yield* loadCommunity("bench-load", runs)
          rows.push([
            `load ${LOAD_MEMBERS}-member community, 4 rounds`,
            name,
            loaded.median,
            100,
            name.startsWith("sqlite") ? (loaded.median < 100 ? "yes" : "NO") : "(no target)",
            `${loaded.records} records decoded (${loaded.stored} stored), worst ${loaded.worst.toFixed(1)} ms of ${runs}; CPU ${loaded.cpu.toFixed(1)} ms; without schema decoding ${loaded.raw.toFixed(1)} ms`
          ])
          if (name === "postgres") {
            const w = yield* conflictingWriters("bench-rmw", 8, 1000)
            const ok =
              w.landed + w.conflicts === 8000 && w.failures === 0 && w.n === w.landed && w.version === w.landed + 1
            rows.push([
              "8 writers × 1,000 conflicting RMW",
              name,
              w.ms,
              "(none)",
              ok ? "yes" : "NO",
              `${w.landed} landed + ${w.conflicts} conflicts (${w.failures} other errors); final n = ${w.n}, version ${w.version}`
            ])
          }
        })
        await Effect.runPromise(Effect.provide(program, makeLayer()).pipe(Effect.scoped))
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    console.log(table(["case", "adapter", "ms (median)", "target ms", "met", "notes"], rows))
  }
}

export default suite
