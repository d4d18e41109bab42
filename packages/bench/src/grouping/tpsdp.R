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
# TPSDP counts iterations, not seconds: two short runs give the cost of one iteration, and the
# measured run gets as many as fit in the time limit (its population shrinks, so it may end early)
one <- run(1)
three <- run(3)
per <- max(1e-3, (three$seconds - one$seconds) / 2)
iterations <- max(1, floor((seconds - max(0, one$seconds - per)) / per))
result <- run(iterations)
g <- result$groups
objective <- 0
for (k in unique(g)) {
  idx <- which(g == k)
  objective <- objective + sum(D[idx, idx]) / 2
}
sizes_ok <- all(sort(as.integer(table(g))) == sort(lower))
cat(sprintf('{"objective":%.6f,"seconds":%.3f,"iterations":%d,"sizesOk":%s}\n', objective, result$seconds, iterations, tolower(sizes_ok)))
