/**
 * `pnpm bench <suite> [...]`: runs one benchmark suite (or all of them) and prints its table.
 * A suite is a module in `./suites/` whose default export is a `Suite`.
 */
import { readdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Suite } from "./Suite.js"

const here = dirname(fileURLToPath(import.meta.url))
const available = readdirSync(join(here, "suites"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort()

const [name, ...rest] = process.argv.slice(2)
if (name === undefined || name === "--help" || name === "-h") {
  console.log(`usage: pnpm bench <suite> [options]\n\nsuites: ${available.join(", ")}, all`)
  process.exit(name === undefined ? 1 : 0)
}
const names = name === "all" ? available : [name]
for (const suiteName of names) {
  if (!available.includes(suiteName)) {
    console.error(`unknown benchmark suite "${suiteName}"; choose one of: ${available.join(", ")}, all`)
    process.exit(2)
  }
  const suite = ((await import(`./suites/${suiteName}.ts`)) as { default: Suite }).default
  // With --json a suite prints its data alone, so that scripts can read stdout as it is.
  if (!rest.includes("--json")) console.log(`\n# ${suiteName}: ${suite.description}\n`)
  await suite.run(rest)
}
