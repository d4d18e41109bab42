# Runs anticlust's TPSDP (three_phase_search_anticlustering, Yang et al. 2022) on one MDGPLIB
# instance with equal group sizes and prints one JSON line. Called by `pnpm bench grouping --peer`.
# usage: Rscript tpsdp.R <instance-file> <seed> <seconds>
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
seed <- as.integer(args[2])
seconds <- as.numeric(args[3])
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
run <- function(iterations) {
  set.seed(seed)
  start <- proc.time()[["elapsed"]]
  groups <- three_phase_search_anticlustering(D, K = K, N = n, clusters = lower, number_iterations = iterations)
  list(groups = groups, seconds = proc.time()[["elapsed"]] - start)
}
# TPSDP counts iterations, not seconds, and its population shrinks over the iterations asked for,
# so a short run does not show what one iteration of a long run costs: the count doubles until a
# run takes at least 30 % of the limit, and the measured run gets that count scaled to the limit
iterations <- 2
probe <- run(iterations)
while (probe$seconds < 0.3 * seconds && iterations < 1e6) {
  iterations <- iterations * 2
  probe <- run(iterations)
}
iterations <- max(1, floor(iterations * seconds / max(1e-3, probe$seconds)))
result <- run(iterations)
g <- result$groups
objective <- 0
for (k in unique(g)) {
  idx <- which(g == k)
  objective <- objective + sum(D[idx, idx]) / 2
}
sizes_ok <- all(sort(as.integer(table(g))) == sort(lower))
cat(sprintf('{"objective":%.6f,"seconds":%.3f,"iterations":%d,"sizesOk":%s}\n', objective, result$seconds, iterations, tolower(sizes_ok)))
