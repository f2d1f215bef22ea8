#!/usr/bin/env bash
# Scale checks for the study executor, through the real CLI (documented in docs/PERFORMANCE.md):
#   1. 1,000,000 runs of the default scenario on 2 threads with a 512 MB heap cap (wall time, peak heap);
#   2. 100,000 runs on threads(2) against Spark local[2] (overhead of Spark).
# Usage: bench/scale.sh [RUNS_BIG] [RUNS_SPARK]   (defaults 1000000 and 100000; 0 skips that part)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
big="${1:-1000000}"
small="${2:-100000}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

wall() { # prints seconds taken by the command
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
}

# build the jars first, so no timing below includes a build
"$here/multivector" --version > /dev/null
"$here/multivector" --engine spark --version > /dev/null 2>&1 || true

if [ "$big" -gt 0 ]; then
echo "1) $big runs, threads(2), -Xmx512m"
log="$out/gc.log"
t=$(JAVA_OPTS="-Xmx512m -Xlog:gc:file=$log" wall "$here/multivector" ensemble -q --runs "$big" --threads 2 --out "$out" --name big)
peak=$(grep -o '[0-9]*M->[0-9]*M' "$log" | sed 's/M->.*//' | sort -n | tail -1)
echo "   wall ${t} s, peak heap before GC ${peak:-?} MB"
fi

if [ "$small" -le 0 ]; then
  exit 0
fi
echo "2) $small runs: threads(2) vs spark local[2]"
tt=$(wall "$here/multivector" ensemble -q --runs "$small" --threads 2 --out "$out" --name t)
ts=$(wall "$here/multivector" ensemble -q --runs "$small" --engine spark --master "local[2]" --out "$out" --name s)
cmp -s "$out/t/summary.csv" "$out/s/summary.csv" && same=identical || same=DIFFERENT
echo "   threads ${tt} s, spark ${ts} s, overhead $(awk -v a="$tt" -v b="$ts" 'BEGIN { printf "%.1f", 100 * (b - a) / a }') %, summaries $same"
