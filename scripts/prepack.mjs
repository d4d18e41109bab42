#!/usr/bin/env node
// `prepack` of every published package: `pnpm pack` or `pnpm publish` in a package folder packs a
// complete, current build, or refuses.
//  - Every file the manifest points at (exports, main, module, types, bin) must exist, and none may
//    be older than the newest file under src/. When one is missing or stale, the package is built
//    (`pnpm run build`) first; a build that was just made (as in CI) is packed as it is.
//  - After that, a file that is still missing stops the pack with what is missing and what to do.
// Usage (from a package's folder, as its `prepack` script): node ../../scripts/prepack.mjs
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"

const dir = process.cwd()
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))

/** Every file the published manifest points at, except the workspace-only source condition. */
const targets = () => {
  const found = new Set()
  const walk = (value, key) => {
    if (key === "@grenzeloos/source") return
    if (typeof value === "string") {
      if (value.startsWith("./") && value !== "./package.json") found.add(value)
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, k)
    }
  }
  walk(manifest.exports)
  for (const field of ["main", "module", "types"]) walk(manifest[field])
  walk(typeof manifest.bin === "string" ? manifest.bin : manifest.bin && Object.values(manifest.bin))
  return [...found].map((file) => join(dir, file))
}

const newestSource = (folder) => {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

const problems = () => {
  const sources = existsSync(join(dir, "src")) ? newestSource(join(dir, "src")) : 0
  return targets().flatMap((file) => {
    if (!existsSync(file)) return [`${relative(dir, file)} is missing`]
    if (statSync(file).mtimeMs < sources) return [`${relative(dir, file)} is older than src/`]
    return []
  })
}

const before = problems()
if (before.length > 0) {
  console.error(`${manifest.name}: building before packing (${before[0]}${before.length > 1 ? ", …" : ""})`)
  try {
    execFileSync("pnpm", ["run", "build"], { cwd: dir, stdio: ["ignore", process.stderr, "inherit"] })
  } catch {
    console.error(`${manifest.name}: not packed, its build failed (see above). Fix what it reports and pack again.`)
    process.exit(1)
  }
}
const after = problems().filter((problem) => problem.endsWith("is missing"))
if (after.length > 0) {
  console.error(
    `${manifest.name}: not packed, the build is incomplete:\n  ${after.join("\n  ")}\n` +
      "Run `pnpm build` at the root of the workspace, fix what it reports, and pack again."
  )
  process.exit(1)
}
