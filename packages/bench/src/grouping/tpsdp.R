# Runs anticlust's TPSDP (three_phase_search_anticlustering, Yang et al. 2022) on one MDGPLIB
# instance with equal group sizes and prints one JSON line. Called by `pnpm bench grouping --peer`.
# usage: Rscript tpsdp.R <instance-file> <seed> <seconds> [wall|cpu] [iterations]
# (with iterations, the count found by an earlier call on the same instance and limit, no calibration)
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
seed <- as.integer(args[2])
seconds <- as.numeric(args[3])
cpu <- length(args) >= 4 && args[4] == "cpu"
known <- if (length(args) >= 5) as.integer(args[5]) else NA
suppressPackageStartupMessages(library(anticlust))
tokens <- scan(file, what = character(), quiet = TRUE)
n <- as.integer(tokens[1])
K <- as.integer(tokens[2])
bounds <- as.integer(tokens[4:(3 + 2 * K)])
lower <- bounds[seq(1, 2 * K, 2)]
upper <- bounds[seq(2, 2 * K, 2)]
if (any(lower != upper)) stop("anticlust takes exact group sizes or one range for all groups")
cells <- matrix(as.numeric(tokens[(4 + 2 * K):length(tokens)]), ncol = 3, byrow = TRUE)
D <- matrix(0, n, n)
D[cbind(cells[, 1] + 1, cells[, 2] + 1)] <- cells[, 3]
D[cbind(cells[, 2] + 1, cells[, 1] + 1)] <- cells[, 3]
# wall time, or with `cpu` the CPU time of this process (user and system), like `--cpu-clock`
now <- function() {
  t <- proc.time()
  if (cpu) t[["user.self"]] + t[["sys.self"]] else t[["elapsed"]]
}
run <- function(iterations) {
  set.seed(seed)
  start <- now()
  groups <- three_phase_search_anticlustering(D, K = K, N = n, clusters = lower, number_iterations = iterations)
  list(groups = groups, seconds = now() - start)
}
# TPSDP counts iterations, not seconds, and its population shrinks over the iterations asked for,
# so a short run does not show what one iteration of a long run costs: the count doubles until a
# run takes at least 30 % of the limit, then is scaled to the limit; a run that ends below 85 % of
# the limit (or above 110 %) is scaled again, up to three times (one scaling ended at 50-65 %)
if (!is.na(known)) {
  iterations <- known
  result <- run(iterations)
} else {
  iterations <- 2
  result <- run(iterations)
  while (result$seconds < 0.3 * seconds && iterations < 1e6) {
    iterations <- iterations * 2
    result <- run(iterations)
  }
}
for (attempt in 1:3) {
  if (!is.na(known)) break
  if (result$seconds >= 0.85 * seconds && result$seconds <= 1.1 * seconds) break
  iterations <- max(1, floor(iterations * seconds / max(1e-3, result$seconds)))
  result <- run(iterations)
}
g <- result$groups
objective <- 0
for (k in unique(g)) {
  idx <- which(g == k)
  objective <- objective + sum(D[idx, idx]) / 2
}
sizes_ok <- all(sort(as.integer(table(g))) == sort(lower))
cat(sprintf('{"objective":%.6f,"seconds":%.3f,"iterations":%d,"sizesOk":%s}\n', objective, result$seconds, iterations, tolower(sizes_ok)))
