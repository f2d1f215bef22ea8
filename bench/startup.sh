#!/usr/bin/env bash
# Start-up, whole process, as the ratio the release issue asks for: the main job (./multivector run, after the
# build and its class archive exist) against a bare `java -version` on the same machine, median of N runs each;
# and `bargain` on KTAB's 7-actor input beside KTAB's own 0.11 s. Usage: bench/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-9}
./multivector --version > /dev/null # builds the jar and the class archive if needed
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { # the command's wall time in seconds, N times
  for _ in $(seq "$n"); do
    s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N)
    awk -v s="$s" -v e="$e" 'BEGIN {print e - s}'
  done
}
jv=$(secs java -version | median)
run=$(secs ./multivector run -q --out "$tmp/runs" | median)
val=$(secs ./multivector validate central-asia | median)
brg=$(secs ./multivector bargain -q core/src/test/resources/ktab/inputs/dummyData_3Dim.csv --out "$tmp/b" | median)
printf 'java -version          %6.3f s\n' "$jv"
printf 'multivector run        %6.3f s   %5.1f x java -version (target 2.5 x)\n' "$run" "$(awk -v a="$run" -v b="$jv" 'BEGIN {print a / b}')"
printf 'multivector validate   %6.3f s   %5.1f x\n' "$val" "$(awk -v a="$val" -v b="$jv" 'BEGIN {print a / b}')"
printf 'multivector bargain    %6.3f s   (KTAB 7-actor dummyData_3Dim: KTAB 0.11 s)\n' "$brg"
