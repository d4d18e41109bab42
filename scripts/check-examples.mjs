#!/usr/bin/env node
// Type-checks the examples a reader copies: every ```ts block inside an `@example` of the TSDoc
// comments in packages/*/src (published packages only) and every ```ts block in docs/**/*.md and
// README.md. Each block becomes its own module under node_modules/.cache/grenzeloos-examples/,
// where `@grenzeloos/*` resolve to the workspace sources (the `@grenzeloos/source` condition) and
// the packages' own dependencies resolve as they do for the packages. All blocks are checked in
// one TypeScript program with the settings of tsconfig.base.json, except that unused locals and
// parameters are allowed and every block is a module (so top-level await works).
// A block that is deliberately not a TypeScript program belongs in another fence (```text, ```sh).
// Usage: node scripts/check-examples.mjs [path prefix ...]   (default: everything)
//
// A run over everything (no path prefix, as in CI) then also requires completeness, and fails
// when a public name lacks its TSDoc or a public value its example. With --missing it only
// reports completeness: every public name (what a package's entry
// points export, following `export * as X`, `export *` and named re-exports, and recursing into
// the namespaces) that has no TSDoc comment or no @since, and every public value (function,
// constant, class, enum) that has no @example. Types and interfaces need the sentence and @since,
// not an example. Counts per package; `--missing --strict` exits 1 when anything is missing
// (for CI, once the counts are zero). `--missing --list` also prints every missing name.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import ts from "typescript"

const root = resolve(import.meta.dirname, "..")
const cache = join(root, "node_modules", ".cache", "grenzeloos-examples")
const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith("--")))
const only = process.argv
  .slice(2)
  .filter((a) => !a.startsWith("--"))
  .map((p) => relative(root, resolve(p)).split(sep).join("/"))
const started = performance.now()

const posix = (path) => relative(root, path).split(sep).join("/")
const walk = (dir, keep) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : walk(path, keep)
    return keep(path) ? [path] : []
  })

// ── the packages a reader installs ─────────────────────────────────────────────────────────────
const packages = readdirSync(join(root, "packages"))
  .map((dir) => join(root, "packages", dir))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => manifest.private !== true)

// ── completeness (--missing) ────────────────────────────────────────────────────────────────────
// The entry points are the `@grenzeloos/source` targets of each package's exports map (what a
// reader imports); everything reachable from them is public, everything else is private.
const completeness = (strict) => {
  const entriesOf = ({ dir, manifest }) =>
    Object.values(manifest.exports ?? {})
      .map((target) => (typeof target === "object" && target !== null ? target["@grenzeloos/source"] : undefined))
      .filter((target) => typeof target === "string")
      .map((target) => resolve(dir, target))
  const selected = packages.filter(
    ({ dir }) =>
      only.length === 0 || only.some((prefix) => posix(dir).startsWith(prefix) || prefix.startsWith(posix(dir)))
  )
  const configPath = join(root, "tsconfig.base.json")
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath)
  const program = ts.createProgram({
    rootNames: selected.flatMap(entriesOf),
    options: { ...parsed.options, noEmit: true }
  })
  const checker = program.getTypeChecker()

  // The TSDoc of a declaration is the last /** comment before the statement that holds it (for
  // `export const a = …` that is the variable statement; for `export * as X` the export).
  const docOf = (declaration) => {
    let node = declaration
    while (node.parent !== undefined && !ts.isSourceFile(node.parent) && !ts.isModuleBlock(node.parent))
      node = node.parent
    const source = node.getSourceFile().text
    const comments = (ts.getLeadingCommentRanges(source, node.pos) ?? [])
      .map((range) => source.slice(range.pos, range.end))
      .filter((text) => text.startsWith("/**"))
    return comments.at(-1)
  }
  const described = (doc) =>
    doc
      .split("\n")
      .map((l) => l.replace(/^\s*\/?\*+\/?\s?/, "").trim())
      .some((l) => l !== "" && !l.startsWith("@"))
  const valueFlags = ts.SymbolFlags.Function | ts.SymbolFlags.Variable | ts.SymbolFlags.Class | ts.SymbolFlags.Enum
  const where = (declaration) => {
    const file = declaration.getSourceFile()
    return `${posix(file.fileName)}:${file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1}`
  }

  const report = []
  for (const pkg of selected) {
    const missing = { comment: [], since: [], example: [] }
    let names = 0
    const seen = new Set()
    const check = (name, declarations, isValue) => {
      const docs = declarations.map(docOf).filter((d) => d !== undefined)
      const at = declarations[0] === undefined ? "?" : where(declarations[0])
      names++
      if (!docs.some(described)) missing.comment.push(`${name} (${at})`)
      if (!docs.some((d) => /@since\b/.test(d))) missing.since.push(`${name} (${at})`)
      if (isValue && !docs.some((d) => /@example\b/.test(d))) missing.example.push(`${name} (${at})`)
    }
    const visitModule = (moduleSymbol, prefix) => {
      for (const exported of checker.getExportsOfModule(moduleSymbol)) {
        const name = `${prefix}${exported.getName()}`
        const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
        const isNamespace = (target.declarations ?? []).some((d) => ts.isSourceFile(d))
        if (isNamespace) {
          // `export * as X from "./x.js"`: the comment sits on the export itself.
          check(name, exported.declarations ?? [], false)
          if (seen.has(target)) continue
          seen.add(target)
          visitModule(target, `${name}.`)
          continue
        }
        if (seen.has(target)) continue
        seen.add(target)
        check(name, target.declarations ?? [], (target.flags & valueFlags) !== 0)
      }
    }
    for (const entry of entriesOf(pkg)) {
      const file = program.getSourceFile(entry)
      const moduleSymbol = file === undefined ? undefined : checker.getSymbolAtLocation(file)
      if (moduleSymbol !== undefined) visitModule(moduleSymbol, "")
    }
    report.push({ name: pkg.manifest.name, names, missing })
  }

  const total = (key) => report.reduce((sum, r) => sum + r.missing[key].length, 0)
  console.log("Public names per package, and how many lack a TSDoc sentence, @since, or (values) @example:")
  console.log(
    `  ${"names".padStart(5)} ${"no doc".padStart(7)} ${"@since".padStart(7)} ${"@example".padStart(8)}  package`
  )
  for (const r of report)
    console.log(
      `  ${String(r.names).padStart(5)} ${String(r.missing.comment.length).padStart(7)} ${String(r.missing.since.length).padStart(7)} ${String(r.missing.example.length).padStart(8)}  ${r.name}`
    )
  const open = total("comment") + total("since") + total("example")
  if (flags.has("--list") || (strict && open > 0))
    for (const r of report)
      for (const [key, label] of [
        ["comment", "no TSDoc sentence"],
        ["since", "no @since"],
        ["example", "no @example"]
      ])
        for (const item of r.missing[key])
          (strict && open > 0 ? console.error : console.log)(`${r.name}: ${label}: ${item}`)
  if (open === 0) console.log("Every public name is described with @since, and every public value has an example.")
  else if (strict) {
    console.error(
      `\n${open} missing: every public name needs a TSDoc sentence and @since, every public value an @example.`
    )
    process.exit(1)
  }
}
if (flags.has("--missing")) {
  completeness(flags.has("--strict"))
  process.exit(0)
}

// ── extraction ─────────────────────────────────────────────────────────────────────────────────
const isTs = (info) => /^(ts|typescript|mts)\b/.test(info.trim())

// The name declared right after a comment, for messages ("example of castBallot").
const declaredName = (text) => {
  const line = text.split("\n").find((l) => l.trim() !== "" && !l.trim().startsWith("//")) ?? ""
  const declaration =
    /^\s*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:const|let|var|function\*?|class|interface|type|namespace|enum)\s+([A-Za-z_$][\w$]*)/.exec(
      line
    ) ?? /^\s*(?:(?:readonly|static|public|protected|get|set|async)\s+)*([A-Za-z_$][\w$]*)\??\s*[:(=<]/.exec(line)
  return declaration?.[1] ?? "the module"
}

// The /** comments of a module, found by the parser (so "/**" inside a string is not one).
const docComments = (source) => {
  const found = new Map()
  const visit = (node) => {
    for (const range of ts.getLeadingCommentRanges(source, node.pos) ?? []) {
      const text = source.slice(range.pos, range.end)
      if (range.kind === ts.SyntaxKind.MultiLineCommentTrivia && text.startsWith("/**"))
        found.set(range.pos, { pos: range.pos, end: range.end, text })
    }
    ts.forEachChild(node, visit)
  }
  const file = ts.createSourceFile("module.ts", source, ts.ScriptTarget.Latest, false)
  visit(file)
  visit(file.endOfFileToken)
  return [...found.values()].sort((a, b) => a.pos - b.pos)
}

const tsdocBlocks = (file) => {
  const source = readFileSync(file, "utf8")
  const blocks = []
  for (const comment of docComments(source)) {
    if (!comment.text.includes("@example")) continue
    const firstLine = source.slice(0, comment.pos).split("\n").length
    const name = declaredName(source.slice(comment.end))
    const lines = comment.text.split("\n").map((l) => l.replace(/^\s*\/?\*\*?\/?\s?/, "").replace(/\s*\*\/$/, ""))
    let inExample = false
    let fence
    lines.forEach((line, i) => {
      if (fence !== undefined) {
        if (line.trim() === fence.marker) {
          if (fence.ts) blocks.push({ line: fence.line, name: `example of ${name}`, code: fence.code.join("\n") })
          fence = undefined
        } else fence.code.push(line.replaceAll("*\\/", "*/"))
        return
      }
      const tag = /^\s*@(\w+)/.exec(line)
      if (tag !== null) inExample = tag[1] === "example"
      const open = /^\s*(`{3,}|~{3,})(.*)$/.exec(line)
      if (open !== null) fence = { marker: open[1], ts: inExample && isTs(open[2]), line: firstLine + i + 1, code: [] }
    })
  }
  return blocks
}

const markdownBlocks = (file) => {
  const lines = readFileSync(file, "utf8").split("\n")
  const blocks = []
  let heading = "the top"
  let fence
  lines.forEach((line, i) => {
    if (fence !== undefined) {
      if (line.trim() === fence.marker) {
        if (fence.ts) blocks.push({ line: fence.line, name: `example under "${heading}"`, code: fence.code.join("\n") })
        fence = undefined
      } else fence.code.push(line.startsWith(fence.indent) ? line.slice(fence.indent.length) : line.trimStart())
      return
    }
    const title = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (title !== null) heading = title[1]
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(line)
    if (open !== null) fence = { indent: open[1], marker: open[2], ts: isTs(open[3]), line: i + 2, code: [] }
  })
  return blocks
}

const sources = [
  ...packages.flatMap(({ dir, manifest }) =>
    walk(join(dir, "src"), (f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).map((file) => ({
      group: manifest.name,
      file,
      blocks: tsdocBlocks(file)
    }))
  ),
  ...[
    ...walk(join(root, "docs"), (f) => f.endsWith(".md") && !posix(f).startsWith("docs/api/")),
    join(root, "README.md")
  ].map((file) => ({ group: posix(file).split("/").slice(0, -1).join("/") || ".", file, blocks: markdownBlocks(file) }))
]
  .filter(({ file }) => only.length === 0 || only.some((prefix) => posix(file).startsWith(prefix)))
  .flatMap(({ group, file, blocks }) => blocks.map((block) => ({ ...block, group, origin: posix(file) })))

const perGroup = new Map()
for (const block of sources) perGroup.set(block.group, (perGroup.get(block.group) ?? 0) + 1)
console.log(`Found ${sources.length} \`\`\`ts example blocks:`)
for (const [group, count] of perGroup) console.log(`  ${String(count).padStart(4)}  ${group}`)
if (sources.length === 0) {
  console.error("No example blocks found: is the path right?")
  process.exit(1)
}

// ── a folder where the workspace packages resolve as a reader's project would ───────────────────
rmSync(cache, { recursive: true, force: true })
mkdirSync(join(cache, "node_modules"), { recursive: true })
writeFileSync(join(cache, "package.json"), `${JSON.stringify({ private: true, type: "module" }, null, 2)}\n`)
const link = (name, target) => {
  const at = join(cache, "node_modules", name)
  if (existsSync(at)) return
  mkdirSync(dirname(at), { recursive: true })
  symlinkSync(target, at, "dir")
}
for (const { dir, manifest } of packages) link(manifest.name, dir)
// What the packages depend on (effect, @effect/sql, …), as pnpm installed it for them.
for (const { dir } of packages) {
  const modules = join(dir, "node_modules")
  if (!existsSync(modules)) continue
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith(".")) continue
    const names = entry.startsWith("@") ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry]
    for (const name of names) {
      const target = join(modules, name)
      if (existsSync(target)) link(name, realpathSync(target)) // a dangling link is no dependency
    }
  }
}

const files = sources.map((block, i) => {
  const slug = `${block.origin.replace(/[^\w.-]+/g, "_")}_L${block.line}`
  const path = join(cache, `${String(i + 1).padStart(4, "0")}_${slug}.ts`)
  writeFileSync(path, `${block.code}\n`)
  return { ...block, path }
})

// ── one program ─────────────────────────────────────────────────────────────────────────────────
const configPath = join(root, "tsconfig.base.json")
const config = ts.readConfigFile(configPath, ts.sys.readFile)
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath)
const configErrors = [config.error, ...parsed.errors].filter((d) => d !== undefined && d.code !== 18003)
const options = {
  ...parsed.options,
  noEmit: true,
  declaration: false,
  sourceMap: false,
  noUnusedLocals: false,
  noUnusedParameters: false,
  moduleDetection: ts.ModuleDetectionKind.Force
}
console.log(`Type-checking ${files.length} blocks in one program …`)
const program = ts.createProgram({ rootNames: files.map((f) => f.path), options })
const byPath = new Map(files.map((f) => [resolve(f.path), f]))

const failures = []
const line = (text) => ts.flattenDiagnosticMessageText(text, "\n  ")
for (const d of [...configErrors, ...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()])
  failures.push(`tsconfig: TS${d.code} ${line(d.messageText)}`)
const failing = new Set()
for (const sourceFile of program.getRootFileNames().map((f) => program.getSourceFile(f))) {
  if (sourceFile === undefined) continue
  const block = byPath.get(resolve(sourceFile.fileName))
  for (const d of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
    const at = d.start === undefined ? 0 : sourceFile.getLineAndCharacterOfPosition(d.start).line
    failing.add(block)
    failures.push(`${block.origin}:${block.line + at} (${block.name}): TS${d.code} ${line(d.messageText)}`)
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1)
if (failures.length > 0) {
  for (const failure of failures) console.error(failure)
  console.error(
    `\n${failing.size} of ${files.length} example blocks do not compile (${failures.length} errors, ${seconds} s).` +
      `\nThe modules are in ${posix(cache)}/; a block that is not meant to compile belongs in a \`\`\`text fence.`
  )
  process.exit(1)
}
console.log(`All ${files.length} example blocks compile (${seconds} s).`)
if (only.length === 0) completeness(true)
