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

/** Runs TPSDP on an instance file with a seed and a time budget; a string says why it could not. */
export const run = (file: string, seed: number, seconds: number): PeerRun | string => {
  const result = spawnSync("Rscript", [script, file, String(seed), String(seconds)], { encoding: "utf8" })
  if (result.status !== 0) {
    const last = result.stderr.trim().split("\n").pop() ?? ""
    return last.includes("exact group sizes") ? "n/a (ranged sizes)" : `failed: ${last}`
  }
  const parsed = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as PeerRun & { sizesOk: boolean }
  if (!parsed.sizesOk) return "failed: group sizes differ from the instance"
  return parsed
}
