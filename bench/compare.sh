#!/usr/bin/env bash
# Compares the JMH suite on two commits in one session, as ratios (HEAD / BASE: below 1 is faster for times), so a regression
# shows as a ratio on a noisy machine, not as an absolute time. Both commits are built in temporary worktrees; their
# benchmark jars then run in alternating rounds (BASE, HEAD, BASE, HEAD, ...) so that drift of the machine falls on
# both alike, and each benchmark's ratio is the median over the rounds.
# Usage: bench/compare.sh BASE HEAD [REGEX] [ROUNDS]   e.g. bench/compare.sh main~3 HEAD EngineBenchmark 3
# Environment: JMH_OPTS (default "-f 1 -wi 3 -i 5 -w 1 -r 1") is passed to every JMH run.
# With --paired run|lockstep (bench/compare.sh --paired run BASE HEAD [PAIRS] [SCENARIO]) the two builds' engines run
# in one JVM instead, each in its own class loader, in adjacent batches of the same runs (PairedBatches): the median of
# the pairs' time ratios, its quartiles, and whether every output kept its bits. On a VM whose speed drifts, this is the
# steadier figure for the engine.
set -euo pipefail
usage="usage: bench/compare.sh BASE HEAD [REGEX] [ROUNDS] | bench/compare.sh --paired run|lockstep BASE HEAD [PAIRS] [SCENARIO]"
paired=""
if [ "${1:-}" = "--paired" ]; then
  paired="${2:-}"
  if [ "$paired" != run ] && [ "$paired" != lockstep ]; then
    echo "bench/compare.sh: --paired takes run or lockstep, not '${paired}'" >&2
    echo "$usage" >&2
    exit 2
  fi
  shift 2
fi
if [ $# -lt 2 ]; then
  echo "$usage" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="$1"
head="$2"
regex="${3:-.}"
rounds="${4:-3}"
opts="${JMH_OPTS:--f 1 -wi 3 -i 5 -w 1 -r 1}"
work="$(mktemp -d)"
cleanup() {
  git -C "$here" worktree remove --force "$work/base" > /dev/null 2>&1 || true
  git -C "$here" worktree remove --force "$work/head" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
for side in base head; do
  rev="$base"
  if [ "$side" = head ]; then rev="$head"; fi
  if ! git -C "$here" rev-parse --verify -q "$rev^{commit}" > /dev/null; then
    echo "bench/compare.sh: '$rev' is not a commit of this repository" >&2
    exit 2
  fi
  git -C "$here" worktree add -q --detach "$work/$side" "$rev"
  echo "building the benchmarks of $side ($(git -C "$here" rev-parse --short "$rev"))..." >&2
  (cd "$work/$side" && ./mvnw -B -q -pl bench -am package -DskipTests -Dspotless.check.skip=true > "$work/$side.build.log" 2>&1) || {
    echo "bench/compare.sh: the build of $rev failed; its log:" >&2
    tail -20 "$work/$side.build.log" >&2
    exit 1
  }
done
if [ -n "$paired" ]; then
  # PAIRS and SCENARIO in the places of REGEX and ROUNDS; PairedBatches checks them (exit 2)
  args=("$work/base/bench/target/benchmarks.jar" "$work/head/bench/target/benchmarks.jar" "$paired")
  if [ $# -ge 3 ]; then args+=("$3"); fi
  if [ $# -ge 4 ]; then args+=("$4"); fi
  # the harness comes from whichever build has it (it drives both engines through their public API only)
  harness=""
  jar="$(command -v jar || echo "$(dirname "$(readlink -f "$(command -v java)")")/jar")"
  for side in head base; do
    # grep -c reads the whole listing (grep -q could stop early, and pipefail would then see jar's SIGPIPE)
    if "$jar" tf "$work/$side/bench/target/benchmarks.jar" | grep -c '^org/multivector/bench/PairedBatches.class$' > /dev/null; then
      harness="$work/$side/bench/target/benchmarks.jar"
      break
    fi
  done
  if [ -z "$harness" ]; then
    echo "bench/compare.sh: neither build has PairedBatches; pass --paired with at least one commit that has it" >&2
    exit 2
  fi
  java -Xmx1g -cp "$harness" org.multivector.bench.PairedBatches "${args[@]}"
  exit 0
fi
for r in $(seq "$rounds"); do
  for side in base head; do
    echo "round $r of $rounds: $side" >&2
    # shellcheck disable=SC2086
    java -jar "$work/$side/bench/target/benchmarks.jar" "$regex" $opts -rf csv -rff "$work/$side.$r.csv" > "$work/$side.$r.log" 2>&1 || {
      echo "bench/compare.sh: JMH failed on $side; its log:" >&2
      tail -20 "$work/$side.$r.log" >&2
      exit 1
    }
  done
done
# each CSV row: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"[,"Param: name"...]; a
# benchmark with parameters is one row per combination, keyed by its name and values ("ensemble threads=2");
# secondary results (":gc..." and the like) are left out
for side in base head; do
  for r in $(seq "$rounds"); do
    awk -F, -v side="$side" -v r="$r" '
      { gsub(/["\r]/, "") } # JMH writes CRLF lines
      NR == 1 { for (i = 8; i <= NF; i++) { name[i] = $i; sub(/^Param: /, "", name[i]) } next }
      $1 !~ /:/ {
        key = $1
        for (i = 8; i <= NF; i++) if ($i != "") key = key "|" name[i] "=" $i
        print side, r, key, $5, $7
      }' "$work/$side.$r.csv"
  done
done > "$work/all.txt"
printf '%-60s %14s %14s %8s\n' benchmark base head ratio
awk '
  { key = $3; gsub(/\|/, " ", key); score[$1, key, $2] = $4; unit[key] = $5; keys[key] = 1; n[$1, key]++ }
  function median(side, key,    i, k, v, t, j) {
    k = 0
    for (i = 1; i <= n[side, key]; i++) v[++k] = score[side, key, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
  }
  END {
    for (key in keys) {
      if (n["base", key] == 0 || n["head", key] == 0) { printf "%-60s %s\n", key, "(only on one side)"; continue }
      b = median("base", key); h = median("head", key)
      printf "%-60s %10.3f %-3s %10.3f %-3s %8.3f\n", key, b, unit[key], h, unit[key], h / b
    }
  }' "$work/all.txt" | sort
echo "(median of $rounds alternating rounds; ratio = head / base: below 1 is faster for times, above 1 for ops/s)" >&2
