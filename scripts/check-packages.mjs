#!/usr/bin/env node
// Packs every publishable package as npm would publish it, then checks the tarballs:
//  - publint (package.json fields, exports, files),
//  - @arethetypeswrong/cli (types resolve for import and require, under node10/node16/bundler),
//  - a smoke test: a fresh project installs the tarballs from disk and `import`s and `require`s
//    each package with plain Node.js, and type-checks an ESM and a CommonJS consumer with tsc.
// Usage: node scripts/check-packages.mjs [--runtime-only] [folder ...]   (after `pnpm build`; default: every package)
// --runtime-only leaves out publint and attw, which read the tarballs and say the same on every
// Node.js line: CI runs them once, on the floor, and only the smoke test on the other lines.
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: "inherit", ...options })
const step = (text) => console.log(`\n▶ ${text}`)

const args = process.argv.slice(2)
const runtimeOnly = args.includes("--runtime-only")
const only = args.filter((a) => !a.startsWith("--"))
const packages = readdirSync(join(root, "packages"))
  .filter((dir) => only.length === 0 || only.includes(dir))
  .map((dir) => join(root, "packages", dir))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => manifest.private !== true)

const out = mkdtempSync(join(tmpdir(), "grenzeloos-pack-"))
const tarballs = new Map()
for (const { dir, manifest } of packages) {
  step(`pack ${manifest.name}`)
  const before = new Set(readdirSync(out))
  run("pnpm", ["pack", "--pack-destination", out], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] })
  const tarball = readdirSync(out).find((f) => !before.has(f))
  if (tarball === undefined) throw new Error(`pnpm pack produced no tarball for ${manifest.name}`)
  tarballs.set(manifest.name, join(out, tarball))

  if (runtimeOnly) continue
  step(`publint ${manifest.name}`)
  run("pnpm", ["exec", "publint", "--strict", join(out, tarball)], { cwd: root })

  step(`are the types wrong? ${manifest.name}`)
  run("pnpm", ["exec", "attw", join(out, tarball), "--format", "table-flipped"], { cwd: root })
}

step("smoke test: install the tarballs into a fresh project")
const consumer = join(out, "consumer")
mkdirSync(consumer)
const peers = {}
for (const { manifest } of packages) {
  for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
    if (!tarballs.has(name) && !["vitest", "@effect/vitest"].includes(name)) peers[name] = range
  }
}
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
writeFileSync(
  join(consumer, "package.json"),
  JSON.stringify(
    {
      name: "consumer",
      private: true,
      dependencies: {
        ...peers,
        ...Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`])),
        typescript: rootManifest.devDependencies.typescript,
        "@types/node": rootManifest.devDependencies["@types/node"]
      },
      // Local tarballs depend on each other through workspace ranges that npm resolves to the
      // same versions: point them at the files, not the registry.
      overrides: Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]))
    },
    null,
    2
  )
)
// --ignore-scripts: native addons (better-sqlite3) load lazily, and this check is about module
// resolution and types; compiling them again would add minutes to CI for nothing.
run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--legacy-peer-deps", "--ignore-scripts"], {
  cwd: consumer
})

for (const name of tarballs.keys()) {
  if (name === "@grenzeloos/testkit") continue // needs vitest at import time; covered by attw
  step(`import and require ${name}`)
  run(
    "node",
    [
      "--input-type=module",
      "-e",
      `const m = await import(${JSON.stringify(name)}); if (Object.keys(m).length === 0) throw new Error("no exports"); console.log("import ok:", Object.keys(m).sort().join(", "))`
    ],
    { cwd: consumer }
  )
  run(
    "node",
    [
      "-e",
      `const m = require(${JSON.stringify(name)}); if (Object.keys(m).length === 0) throw new Error("no exports"); console.log("require ok:", Object.keys(m).sort().join(", "))`
    ],
    { cwd: consumer }
  )
}

step("type-check an ESM and a CommonJS consumer of @grenzeloos/core")
const sample = `import { Domain } from "@grenzeloos/core"
import { Either } from "effect"
const result = Domain.decode(Domain.Member)({})
const count: number = Either.isLeft(result) ? result.left.problems.length : 0
export const id: Domain.MemberId = Domain.MemberId.make("m-001")
export { count }
`
for (const [dir, type, module] of [
  ["esm", "module", "NodeNext"],
  ["cjs", "commonjs", "NodeNext"]
]) {
  const d = join(consumer, dir)
  mkdirSync(d)
  writeFileSync(join(d, "package.json"), JSON.stringify({ type }))
  writeFileSync(join(d, "index.ts"), sample)
  writeFileSync(
    join(d, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module,
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: []
      },
      files: ["index.ts"]
    })
  )
  run(join(consumer, "node_modules", ".bin", "tsc"), ["-p", d])
  console.log(`types ok (${type})`)
}
console.log(`\nAll ${tarballs.size} packages packed and checked.`)
