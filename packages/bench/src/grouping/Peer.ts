/**
 * The peer of the MDGP benchmark: anticlust's TPSDP (`three_phase_search_anticlustering`), run
 * through `Rscript` when R and the anticlust package are installed (see the grouping guide). Never
 * part of CI.
 */
import { spawnSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const script = join(dirname(fileURLToPath(import.meta.url)), "tpsdp.R")

/** Why the peer cannot run here, or `undefined` when R and anticlust are installed. */
export const missing = (): string | undefined => {
  const probe = spawnSync("Rscript", ["-e", 'cat(requireNamespace("anticlust", quietly = TRUE))'], {
    encoding: "utf8"
  })
  if (probe.error !== undefined) return "R is not installed (no Rscript on the PATH)"
  if (probe.stdout.trim() !== "TRUE") return "R is installed, but the R package anticlust is not"
  return undefined
}

/** One run of TPSDP: its objective (recomputed in R from the distances), seconds and iterations. */
export interface PeerRun {
  readonly objective: number
  readonly seconds: number
  readonly iterations: number
}

/**
 * Runs TPSDP on an instance file with a seed and a time budget, in wall seconds or (`"cpu"`) CPU
 * seconds of the R process; a string says why it could not. Without `iterations` the script first
 * finds how many iterations fill the budget (up to about twice the budget again); pass the count
 * an earlier run on the same instance and budget returned to skip that.
 */
export const run = (
  file: string,
  seed: number,
  seconds: number,
  clock: "wall" | "cpu" = "wall",
  iterations?: number
): PeerRun | string => {
  const args = [
    script,
    file,
    String(seed),
    String(seconds),
    clock,
    ...(iterations === undefined ? [] : [String(iterations)])
  ]
  const result = spawnSync("Rscript", args, { encoding: "utf8" })
  if (result.status !== 0) {
    // R ends its error output with "Execution halted": the reason is the line that starts "Error"
    const lines = result.stderr.trim().split("\n")
    if (lines.some((l) => l.includes("exact group sizes"))) return "n/a (ranged sizes)"
    const reason = lines.find((l) => l.startsWith("Error")) ?? lines.pop() ?? `exit code ${result.status}`
    return `failed: ${reason}`
  }
  const parsed = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as PeerRun & { sizesOk: boolean }
  if (!parsed.sizesOk) return "failed: group sizes differ from the instance"
  return parsed
}
