#!/usr/bin/env bash
# Simulation-based calibration of ABC-SMC on the model itself (docs/VALIDATION.md, "Does the posterior cover?"):
# fits synthetic data generated at known parameter values and counts how often the 90 % intervals cover them.
# Arguments (all optional): replicates particles generations runs-per-point threads PARAMETER...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -B -q package -DskipTests -pl bench -am
reps="${1:-20}"; particles="${2:-60}"; generations="${3:-8}"; runs="${4:-4}"; threads="${5:-2}"
shift $(( $# < 5 ? $# : 5 ))
params=("$@")
if [ ${#params[@]} -eq 0 ]; then params=(unrest-base tension-base incident-base); fi
java -cp bench/target/benchmarks.jar org.multivector.bench.SyntheticCoverage \
  "$reps" "$particles" "$generations" "$runs" "$threads" "${params[@]}"
