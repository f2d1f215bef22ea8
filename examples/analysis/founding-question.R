# The founding question and an ensemble band, redrawn in R from a study's own tables.
#
#   Rscript examples/analysis/founding-question.R COMPARE_DIR ENSEMBLE_DIR [OUT_DIR]
#
# COMPARE_DIR is the directory of a `multivector compare` study (it holds comparison.csv), ENSEMBLE_DIR that of a
# `multivector ensemble` (summary.csv). Writes founding-question.png and rsi-band.png to OUT_DIR (default: .).
# Needs R and ggplot2 (Debian: r-base-core, r-cran-ggplot2). The same tables are in runs/results.duckdb
# (docs/RESULTS.md); `multivector export --format csv` copies every table to CSV.
suppressPackageStartupMessages(library(ggplot2))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) {
  stop("usage: Rscript founding-question.R COMPARE_DIR ENSEMBLE_DIR [OUT_DIR]")
}
out <- if (length(args) >= 3) args[3] else "."
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# 1. The founding question: does Kazakhstan's multi-vector policy make the region more stable than the
#    alternatives? Each alternative's paired difference in mean RSI from the baseline, with its 95 % interval.
cmp <- read.csv(file.path(args[1], "comparison.csv"), stringsAsFactors = FALSE)
rsi <- subset(cmp, metric == "rsi" & strategy != baseline)
if (nrow(rsi) == 0) stop("no alternative strategies in ", args[1])
rsi$strategy <- factor(rsi$strategy, levels = rev(rsi$strategy))
p1 <- ggplot(rsi, aes(x = diff, y = strategy)) +
  geom_vline(xintercept = 0, linetype = "dashed", colour = "grey40") +
  geom_errorbarh(aes(xmin = diff_lo, xmax = diff_hi), height = 0.2) +
  geom_point(size = 2.5) +
  labs(
    title = sprintf("Mean RSI from %d: each strategy of %s minus %s", rsi$branch_year[1], rsi$actor[1], rsi$baseline[1]),
    subtitle = sprintf("%d runs, common random numbers; bars: 95 %% confidence intervals", rsi$runs[1]),
    x = "difference in mean RSI (points of 0-100)", y = NULL
  ) +
  theme_minimal(base_size = 12)
ggsave(file.path(out, "founding-question.png"), p1, width = 8, height = 3.5, dpi = 100)

# 2. The ensemble's band of the Regional Stability Index.
ens <- read.csv(file.path(args[2], "summary.csv"), stringsAsFactors = FALSE)
band <- subset(ens, actor == "REGION" & variable == "rsi")
if (nrow(band) == 0) stop("no REGION rsi rows in ", args[2])
p2 <- ggplot(band, aes(x = year)) +
  geom_ribbon(aes(ymin = p05, ymax = p95), fill = "grey85") +
  geom_ribbon(aes(ymin = p25, ymax = p75), fill = "grey65") +
  geom_line(aes(y = p50), linewidth = 0.8) +
  coord_cartesian(ylim = c(0, 100)) +
  labs(
    title = "Regional Stability Index: median, 50 % and 90 % bands",
    subtitle = sprintf("%d runs", max(band$n)),
    x = "year", y = "RSI (0-100)"
  ) +
  theme_minimal(base_size = 12)
ggsave(file.path(out, "rsi-band.png"), p2, width = 8, height = 4, dpi = 100)

for (i in seq_len(nrow(rsi))) {
  cat(sprintf("%-18s %+6.2f [%+6.2f, %+6.2f]\n", rsi$strategy[i], rsi$diff[i], rsi$diff_lo[i], rsi$diff_hi[i]))
}
cat("wrote", file.path(out, "founding-question.png"), "and", file.path(out, "rsi-band.png"), "\n")
