#!/usr/bin/env node
// Shows what a release would publish, and publishes it when asked to.
//
//   node scripts/release.mjs [--dry-run]      build, pack every publishable package, print a table of
//                                             what would be published; publishes nothing (the default)
//   node scripts/release.mjs --publish        the same, then the release checks and `changeset publish`;
//                                             only from a clean tree with every changeset versioned
//   --skip-build                              use the packages' existing dist/ (CI builds just before)
//   node scripts/release.mjs --open 0.N.0     before a breaking change in 0.x: set every publishable
//                                             package to 0.N.0-0, so that the next `changeset version`
//                                             gives 0.N.0 everywhere (docs/releasing.md)
//
// The policy it enforces (docs/decisions/0080-versioning-0x.md, docs/releasing.md): every published
// package is in one changesets `fixed` group and carries the same 0.x version; packed manifests
// contain no `workspace:` ranges; prerelease versions (such as the 0.1.0-0 a new line starts from)
// are never published outside changesets' pre mode.
import { execFile, execFileSync, spawn } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { promisify } from "node:util"

const root = resolve(import.meta.dirname, "..")
// A failed step has already said what failed: end with its message rather than a stack trace.
process.on("uncaughtException", (error) => {
  // A failed command: show what it said (pnpm pack prints its error as JSON on stdout).
  const said = [error.stderr, error.stdout].map((text) => `${text ?? ""}`.trim()).filter((text) => text !== "")
  fail([error.message.split("\n")[0], ...said].join("\n"))
})
const execFileAsync = promisify(execFile)
const usage =
  "Usage: node scripts/release.mjs [--dry-run | --publish] [--skip-build]\n       node scripts/release.mjs --open 0.N.0"

// ---- arguments: unknown flags are errors, so that a typo never turns into a publish -------------
const args = process.argv.slice(2)
if (args.includes("--help") || args.includes("-h")) {
  console.log(usage)
  process.exit(0)
}
if (args[0] === "--open") {
  openLine(args[1], args.length)
  process.exit(0)
}
const unknown = args.filter((a) => !["--dry-run", "--publish", "--skip-build"].includes(a))
if (unknown.length > 0) fail(`unknown argument ${unknown.join(" ")}\n${usage}`)
if (args.includes("--dry-run") && args.includes("--publish"))
  fail(`--dry-run and --publish exclude each other\n${usage}`)
const publish = args.includes("--publish")
const skipBuild = args.includes("--skip-build")

function fail(message) {
  console.error(`release: ${message}`)
  process.exit(1)
}

// Opens the next 0.x line: every publishable package goes to 0.N.0-0, whose caret range admits
// 0.N.0, so changesets keeps the plugins' `workspace:^` peers in range (decision 0080).
function openLine(target, count) {
  const match = /^0\.(\d+)\.0$/.exec(target ?? "")
  if (count !== 2 || match === null) fail(`--open wants one version of the form 0.N.0\n${usage}`)
  const dirs = readdirSync(join(root, "packages"))
    .map((dir) => join(root, "packages", dir, "package.json"))
    .filter((file) => existsSync(file))
    .map((file) => ({ file, text: readFileSync(file, "utf8") }))
    .map((entry) => ({ ...entry, manifest: JSON.parse(entry.text) }))
    .filter(({ manifest }) => manifest.private !== true)
  for (const { manifest } of dirs) {
    const current = /^0\.(\d+)\./.exec(manifest.version)
    if (current === null) fail(`${manifest.name} is at ${manifest.version}, not 0.x`)
    if (Number(match[1]) <= Number(current[1])) {
      fail(`${target} does not open a new line: ${manifest.name} is already at ${manifest.version}`)
    }
  }
  for (const { file, text, manifest } of dirs) {
    // Change only the version line, so that the diff is one line per package.
    const next = text.replace(/^(\s*"version":\s*)"[^"]*"/m, `$1"${target}-0"`)
    writeFileSync(file, next)
    console.log(`${manifest.name}: ${manifest.version} → ${target}-0`)
  }
  console.log(
    `\nCommit these ${dirs.length} files with the breaking change's changeset; \`pnpm changeset version\` then gives ${target}.`
  )
}

// ---- progress for the slow steps: a live line on a terminal, start/end lines in CI logs --------
const tty = process.stdout.isTTY === true
async function step(label, work) {
  const started = Date.now()
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1)
  let current = label
  let timer
  if (tty) {
    const frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
    let i = 0
    timer = setInterval(
      () => process.stdout.write(`\r\x1b[2K${frames[i++ % frames.length]} ${current} ${seconds()}s`),
      100
    )
  } else {
    console.log(`▶ ${label}`)
  }
  const update = (text) => {
    current = text
    if (!tty) console.log(`  ${text}`)
  }
  try {
    const result = await work(update)
    if (tty) process.stdout.write("\r\x1b[2K")
    console.log(`✓ ${label} (${seconds()}s)`)
    return result
  } catch (error) {
    if (tty) process.stdout.write("\r\x1b[2K")
    console.log(`✗ ${label} (${seconds()}s)`)
    throw error
  } finally {
    clearInterval(timer)
  }
}

// ---- the packages ---------------------------------------------------------------------------------
const packages = readdirSync(join(root, "packages"))
  .map((dir) => join(root, "packages", dir))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => manifest.private !== true)
  .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name))

const config = JSON.parse(readFileSync(join(root, ".changeset", "config.json"), "utf8"))
const preStateFile = join(root, ".changeset", "pre.json")
const preState = existsSync(preStateFile) ? JSON.parse(readFileSync(preStateFile, "utf8")) : undefined
const inPreMode = preState?.mode === "pre"
const distTag = inPreMode ? preState.tag : "latest"

/** Problems that make the packages unfit to publish: reported in both modes, exit code 1. */
const errors = []
/** Conditions that only block the real publish (pending changesets, a dirty tree, …). */
const blockers = []

// The fixed group is what keeps plugins' `workspace:^` peers in range on a 0.x minor (decision 0080).
const fixedGroup = (config.fixed ?? []).find((group) =>
  group.some((pattern) => pattern === "@grenzeloos/*" || pattern === "@grenzeloos/core")
)
const inFixedGroup = (name) =>
  fixedGroup?.some((pattern) =>
    pattern.endsWith("/*")
      ? name.startsWith(pattern.slice(0, -1)) && !name.slice(pattern.length - 1).includes("/")
      : pattern === name
  ) ?? false
for (const { manifest } of packages) {
  if (!inFixedGroup(manifest.name)) {
    errors.push(`${manifest.name} is not in the changesets "fixed" group of .changeset/config.json`)
  }
  if (/^\d+/.exec(manifest.version)?.[0] !== "0") {
    errors.push(
      `${manifest.name} is at ${manifest.version}: the 0.x policy (docs/decisions/0080-versioning-0x.md) is in force; 1.0.0 is a decision to record first`
    )
  }
}
const prereleases = packages.filter(({ manifest }) => manifest.version.includes("-"))
if (prereleases.length > 0 && !inPreMode) {
  const distinct = [...new Set(prereleases.map(({ manifest }) => manifest.version))]
  const which =
    distinct.length === 1 && prereleases.length === packages.length
      ? `every package is at the prerelease ${distinct[0]}`
      : prereleases.map(({ manifest }) => `${manifest.name}@${manifest.version}`).join(", ")
  blockers.push(`${which}: run \`pnpm changeset version\` first (prereleases are published only in pre mode)`)
}
const versions = new Set(packages.map(({ manifest }) => manifest.version))
if (versions.size > 1) {
  errors.push(
    `the published packages have different versions (${[...versions].join(", ")}); the fixed group keeps them equal`
  )
}

// ---- what the pending changesets would do ---------------------------------------------------------
const plan = await step("reading the pending changesets", async () => {
  // The same plan `changeset status` prints, from the package the CLI uses. Unlike `changeset status`
  // it needs no git base branch (a CI checkout may not have `main`) and reads every changeset.
  const requireFromCli = createRequire(createRequire(import.meta.url).resolve("@changesets/cli/package.json"))
  const { default: getReleasePlan } = requireFromCli("@changesets/get-release-plan")
  return getReleasePlan(root)
})
if (plan.changesets.length > 0) {
  const count = plan.changesets.length === 1 ? "1 changeset is" : `${plan.changesets.length} changesets are`
  blockers.push(`${count} not versioned yet: run \`pnpm changeset version\` and commit`)
}
const beyond = plan.releases.filter((release) => release.type !== "none" && !release.newVersion.startsWith("0."))
if (beyond.length > 0) {
  const which = beyond.map((release) => `${release.name} → ${release.newVersion}`).join(", ")
  errors.push(
    `the pending changesets would leave 0.x (${which}): open the next 0.x line instead with \`node scripts/release.mjs --open 0.N.0\` (docs/releasing.md, "A breaking change in 0.x")`
  )
}

// ---- build -----------------------------------------------------------------------------------------
if (!skipBuild) {
  const buildable = packages.filter(({ manifest }) => manifest.scripts?.build !== undefined).length
  await step(`building ${buildable} packages`, (update) => {
    return new Promise((resolvePromise, reject) => {
      const child = spawn("pnpm", ["build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] })
      let log = ""
      let done = 0
      const onData = (chunk) => {
        const text = chunk.toString()
        log += text
        for (const line of text.split("\n")) {
          const finished = /^(\S+) build: Done/.exec(line.trim())
          if (finished) update(`building ${buildable} packages (${++done}/${buildable} done: ${finished[1]})`)
        }
      }
      child.stdout.on("data", onData)
      child.stderr.on("data", onData)
      child.on("error", reject)
      child.on("close", (code) => {
        if (code === 0) resolvePromise()
        else {
          console.error(log)
          reject(new Error(`\`pnpm build\` failed with exit code ${code} (its output is above)`))
        }
      })
    })
  })
}

// ---- pack ------------------------------------------------------------------------------------------
const out = mkdtempSync(join(tmpdir(), "grenzeloos-release-"))
const packed = await step(`packing ${packages.length} packages`, async (update) => {
  const results = []
  for (const [index, { dir, manifest }] of packages.entries()) {
    update(`packing ${packages.length} packages (${index + 1}/${packages.length}: ${manifest.name})`)
    if (!existsSync(join(dir, "dist"))) {
      errors.push(`${manifest.name} has no dist/: build it (leave out --skip-build)`)
    }
    const { stdout } = await execFileAsync("pnpm", ["pack", "--json", "--pack-destination", out], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024
    })
    // pnpm prints the banner of the package's `prepack` script (scripts/prepack.mjs) before the JSON.
    const info = JSON.parse(stdout.slice(stdout.search(/^\{/m)))
    // The manifest as npm will see it: pnpm has replaced the workspace: ranges.
    const packedManifest = JSON.parse(
      execFileSync("tar", ["-xzOf", info.filename, "package/package.json"], { encoding: "utf8" })
    )
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
      for (const [name, range] of Object.entries(packedManifest[field] ?? {})) {
        if (String(range).startsWith("workspace:")) {
          errors.push(`${manifest.name}: ${field}.${name} is still "${range}" in the tarball`)
        }
      }
    }
    // Every file the manifest points at must be in the tarball (a half-finished build leaves some out).
    const inTarball = new Set(info.files.map((f) => f.path.replace(/^\.\//, "")))
    const pointers = []
    const collect = (value) => {
      if (typeof value === "string") pointers.push(value)
      else if (value !== null && typeof value === "object") for (const v of Object.values(value)) collect(v)
    }
    collect([
      packedManifest.main,
      packedManifest.module,
      packedManifest.types,
      packedManifest.bin,
      packedManifest.exports
    ])
    for (const pointer of pointers.filter((p) => p.startsWith("./") || /^[\w@-][\w./@-]*\.\w+$/.test(p))) {
      const path = pointer.replace(/^\.\//, "")
      if (!path.includes("*") && !inTarball.has(path)) {
        errors.push(`${manifest.name}: package.json points at ${pointer}, which is not in the tarball`)
      }
    }
    results.push({
      name: manifest.name,
      version: packedManifest.version,
      tarball: info.filename,
      size: statSync(info.filename).size,
      files: info.files.length,
      coreRange:
        packedManifest.peerDependencies?.["@grenzeloos/core"] ?? packedManifest.dependencies?.["@grenzeloos/core"]
    })
  }
  return results
})

// ---- the registry ----------------------------------------------------------------------------------
const onRegistry = await step(`asking the registry about ${packed.length} versions`, async () => {
  const ask = async ({ name, version }) => {
    try {
      const { stdout } = await execFileAsync(
        "npm",
        ["view", `${name}@${version}`, "version", "--json", "--fetch-timeout=5000", "--fetch-retries=0"],
        { cwd: root, timeout: 10_000 }
      )
      return stdout.trim() === "" ? "no" : "yes"
    } catch (error) {
      // npm prints a JSON error on stdout: E404 means "not there"; anything else means we do not know.
      const code = /"code":\s*"([^"]+)"/.exec(error.stdout ?? "")?.[1]
      return code === "E404" ? "no" : "unknown (offline)"
    }
  }
  return Promise.all(packed.map(ask))
})

// ---- the table -------------------------------------------------------------------------------------
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`
const rows = packed.map((p, i) => [
  p.name,
  p.version,
  kib(p.size),
  String(p.files),
  distTag,
  p.coreRange ?? "-",
  onRegistry[i]
])
const header = ["package", "version", "tarball", "files", "dist-tag", "@grenzeloos/core range", "on the registry"]
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)))
const right = new Set([2, 3])
const line = (cells) =>
  cells.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ")
console.log(`\n${line(header)}\n${widths.map((w) => "─".repeat(w)).join("  ")}`)
for (const row of rows) console.log(line(row))
const total = packed.reduce((sum, p) => sum + p.size, 0)
console.log(`${packed.length} packages, ${kib(total)} in all; tarballs in ${out}`)

if (plan.releases.length > 0) {
  console.log(`\nAfter \`pnpm changeset version\` (pending changesets: ${plan.changesets.length}):`)
  const planned = plan.releases.filter((r) => r.type !== "none").sort((a, b) => a.name.localeCompare(b.name))
  for (const release of planned) {
    console.log(`  ${release.name.padEnd(widths[0])}  ${release.oldVersion} → ${release.newVersion} (${release.type})`)
  }
}

const wouldPublish = packed.filter((_, i) => onRegistry[i] !== "yes")
const unknownCount = onRegistry.filter((answer) => answer.startsWith("unknown")).length
if (wouldPublish.length === 0) blockers.push("every version is already on the registry: nothing to publish")
const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trimEnd()
if (dirty !== "") {
  const entries = dirty.split("\n")
  const shown = entries
    .slice(0, 10)
    .map((entry) => `\n      ${entry}`)
    .join("")
  const more = entries.length > 10 ? `\n      … and ${entries.length - 10} more` : ""
  blockers.push(`the working tree is not clean (commit or remove these first):${shown}${more}`)
}

if (!publish) {
  const status =
    unknownCount > 0
      ? `${wouldPublish.length} of ${packed.length} would be published (${unknownCount} unknown: registry not reachable)`
      : `${wouldPublish.length} of ${packed.length} would be published`
  console.log(`\nDry run: ${status}. Nothing was published.`)
}
if (blockers.length > 0) {
  console.log(`\n${publish ? "Cannot publish" : "A real publish would stop here"}:`)
  for (const b of blockers) console.log(`  - ${b}`)
}
if (errors.length > 0) {
  console.error("\nProblems:")
  for (const e of new Set(errors)) console.error(`  - ${e}`)
  process.exit(1)
}
if (!publish) process.exit(0)

// ---- the real publish --------------------------------------------------------------------------------
if (blockers.length > 0) process.exit(1)

console.log("\n▶ release checks: publint, are-the-types-wrong, import/require smoke test")
execFileSync("node", [join(root, "scripts", "check-packages.mjs")], { cwd: root, stdio: "inherit" })
console.log(`\n▶ changeset publish (dist-tag ${distTag})`)
execFileSync("pnpm", ["exec", "changeset", "publish"], { cwd: root, stdio: "inherit" })
console.log("\nPublished. Push the commit and the tags: git push --follow-tags")
