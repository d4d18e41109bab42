/**
 * `pnpm --silent bench:pb <file.pb> --method equal-shares|greedy [--sat cost|cardinality]
 * [--completion none|add1|add1-utilitarian|utilitarian] [--increment N] [--stop exhaustive|budget] [--ties supporters-cost-id|id]`
 *
 * Prints one JSON object: `{"selected": [...], "cost": N, "seconds": S}` with the project ids in
 * order of selection. `seconds` covers the method only (not reading the file).
 */
import { readFileSync } from "node:fs"
import { Agenda } from "@grenzeloos/core"
import { Either } from "effect"

const usage =
  "usage: pnpm --silent bench:pb <file.pb> --method equal-shares|greedy [--sat cost|cardinality] [--completion none|add1|add1-utilitarian|utilitarian] [--increment N] [--stop exhaustive|budget] [--ties supporters-cost-id|id]"

const args = process.argv.slice(2)
const flags = new Map<string, string>()
const positional: Array<string> = []
for (let i = 0; i < args.length; i++) {
  const a = args[i] ?? ""
  if (a.startsWith("--")) {
    const [k, v] = a.includes("=") ? a.slice(2).split("=", 2) : [a.slice(2), args[++i]]
    flags.set(k ?? "", v ?? "")
  } else positional.push(a)
}
const fail = (message: string): never => {
  console.error(`${message}\n${usage}`)
  process.exit(2)
}
const file = positional[0] ?? fail("missing the .pb file")
const method = flags.get("method") ?? "equal-shares"
const sat = flags.get("sat")
if (sat !== undefined && sat !== "cost" && sat !== "cardinality") fail(`unknown --sat ${sat}`)
const completion = flags.get("completion") ?? "add1"
if (!["none", "add1", "add1-utilitarian", "utilitarian"].includes(completion))
  fail(`unknown --completion ${completion}`)
const stopFlag = flags.get("stop") ?? "exhaustive"
const stop =
  stopFlag === "budget" ? "budget" : stopFlag === "exhaustive" ? "exhaustive" : fail(`unknown --stop ${stopFlag}`)
const increment = Number(flags.get("increment") ?? "1")
const tiesFlag = flags.get("ties") ?? "supporters-cost-id"
const ties =
  tiesFlag === "id"
    ? "id"
    : tiesFlag === "supporters-cost-id"
      ? "supporters-cost-id"
      : fail(`unknown --ties ${tiesFlag}`)

const parsed = Either.flatMap(Agenda.Pabulib.parse(readFileSync(file, "utf8"), file), Agenda.Pabulib.toElection)
if (Either.isLeft(parsed)) {
  console.error(parsed.left.message)
  process.exit(1)
}
const election = parsed.right
const satisfaction = sat as Agenda.Election.Satisfaction | undefined

const started = performance.now()
let selected: ReadonlyArray<string>
let cost = 0
if (method === "equal-shares") {
  const outcome = Agenda.EqualShares.select(election, {
    ...(satisfaction === undefined ? {} : { satisfaction }),
    completion: completion as Agenda.EqualShares.Completion,
    add1: { increment, integral: true, stop }
  })
  if (Either.isLeft(outcome)) {
    console.error(outcome.left.message)
    process.exit(1)
  }
  selected = outcome.right.selected.map((s) => s.id)
  cost = outcome.right.totalCost
} else if (method === "greedy") {
  const outcome = Agenda.Greedy.select(election, { ties, ...(satisfaction === undefined ? {} : { satisfaction }) })
  if (Either.isLeft(outcome)) {
    console.error(outcome.left.message)
    process.exit(1)
  }
  selected = outcome.right.selected.map((s) => s.id)
  cost = outcome.right.totalCost
} else selected = fail(`unknown --method ${method}`)
const seconds = (performance.now() - started) / 1000
console.log(JSON.stringify({ selected, cost, seconds: Number(seconds.toFixed(4)) }))
