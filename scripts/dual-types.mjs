#!/usr/bin/env node
// Gives CommonJS consumers their own declaration files.
//
// tsc emits one `.d.ts` per source file into the given folder. Because our packages are
// `"type": "module"`, TypeScript reads those as ES module types; a `require` consumer needs
// `.d.cts` files instead (see docs/decisions/0003-declarations-per-file.md). This copies every
// `.d.ts` to a `.d.cts` whose relative imports end in `.cjs`, so both trees resolve on their own.
// Usage: node scripts/dual-types.mjs dist/dts
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const dir = process.argv[2]
if (dir === undefined) {
  console.error("usage: node scripts/dual-types.mjs <declaration folder>")
  process.exit(2)
}

const SPECIFIER = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*?)\.js(["'])/g

let count = 0
const walk = (folder) => {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (name.endsWith(".d.ts")) {
      const source = readFileSync(path, "utf8")
      const cjs = source
        .replace(SPECIFIER, "$1$2.cjs$3")
        .replace(/\/\/# sourceMappingURL=(.*)\.d\.ts\.map/, "//# sourceMappingURL=$1.d.ts.map")
      writeFileSync(path.replace(/\.d\.ts$/, ".d.cts"), cjs)
      count++
    }
  }
}
walk(dir)
console.log(`dual-types: wrote ${count} .d.cts files in ${dir}`)
