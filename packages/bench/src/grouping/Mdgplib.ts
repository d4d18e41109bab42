/**
 * Reads MDGPLIB instances (first line `n G ss|ds a1 b1 ... aG bG`, then lines `i j d`) and the
 * TPSDP best-known values from the shared benchmark data.
 */
import { readFileSync } from "node:fs"
import { basename, dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import type { Grouping } from "@grenzeloos/core"

/**
 * `/work/shared/bench-data`, resolved relative to the repository root, or `GRENZELOOS_BENCH_DATA`
 * when set (a git worktree sits one level deeper than the main checkout).
 */
export const benchData =
  process.env.GRENZELOOS_BENCH_DATA ??
  resolve(dirname(fileURLToPath(import.meta.url)), "../../../../../shared/bench-data")

/** An MDGPLIB instance as a grouping problem. */
export interface Instance {
  readonly name: string
  readonly problem: Grouping.Search.Problem
}

/** Parses one instance file. */
export const read = (file: string): Instance => {
  const tokens = readFileSync(file, "utf8")
    .split(/\s+/)
    .filter((t) => t.length > 0)
  let at = 0
  const next = () => tokens[at++] ?? ""
  const n = Number(next())
  const G = Number(next())
  next() // ss | ds
  const minSizes: Array<number> = []
  const maxSizes: Array<number> = []
  for (let g = 0; g < G; g++) {
    minSizes.push(Number(next()))
    maxSizes.push(Number(next()))
  }
  const score = new Float64Array(n * n)
  while (at + 2 < tokens.length) {
    const i = Number(next())
    const j = Number(next())
    const d = Number(next())
    score[i * n + j] = d
    score[j * n + i] = d
  }
  return { name: basename(file).replace(/\.txt$/, ""), problem: { size: n, score, minSizes, maxSizes } }
}

/** The instance files in the shared data, sorted by name. */
export const instanceDir = join(benchData, "mdgp", "instances")

/** The TPSDP best-known objective per instance name. */
export const bestKnown = (): ReadonlyMap<string, number> => {
  const lines = readFileSync(join(benchData, "mdgp", "best-known-tpsdp.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
  return new Map(
    lines.map((line) => {
      const cells = line.split(",")
      return [cells[0] ?? "", Number(cells[5])] as const
    })
  )
}

/** Why an assignment breaks the instance's size bounds (checked independently of the engine), or undefined. */
export const sizeViolation = (instance: Instance, assignment: ArrayLike<number>): string | undefined => {
  const { minSizes, maxSizes } = instance.problem
  const counts = new Array<number>(minSizes.length).fill(0)
  for (let i = 0; i < assignment.length; i++) {
    const g = assignment[i] as number
    if (!(g >= 0 && g < counts.length)) return `${instance.name}: person ${i} is in group ${g}, which does not exist`
    counts[g] = (counts[g] as number) + 1
  }
  for (let g = 0; g < counts.length; g++)
    if ((counts[g] as number) < (minSizes[g] as number) || (counts[g] as number) > (maxSizes[g] as number))
      return `${instance.name}: group ${g} has ${counts[g]} people, allowed ${minSizes[g]}–${maxSizes[g]}`
  return undefined
}
