#!/usr/bin/env bash
# Re-creates the posterior shipped with the default scenario: ABC-SMC on central-asia-prior (the curated parameter
# values and ranges, the ranges as a uniform prior; with the structural assumptions: dispute intensities and the
# regional states' strategies) against 1992-2008, and copies the weighted sample to
# core/src/main/resources/org/multivector/scenario/builtin/central-asia.posterior.csv. Deterministic: the same data and seed give the same file. Extra arguments go to
# calibrate (e.g. --threads 2). docs/VALIDATION.md describes the posterior.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# a build artefact: a posterior of other data is another study, and a study directory is never replaced
rm -rf target/calibration/posterior target/calibration/.posterior.checkpoint target/calibration/.posterior.request.checkpoint
./multivector calibrate --scenario central-asia-prior --method abc-smc --train 1992-2008 --seed 1992 \
  --particles 200 --generations 30 --structural --chains 4 --out target/calibration --name posterior -q "$@"
cp target/calibration/posterior/posterior.csv core/src/main/resources/org/multivector/scenario/builtin/central-asia.posterior.csv
echo "posterior-default: core/src/main/resources/org/multivector/scenario/builtin/central-asia.posterior.csv updated; target/calibration/posterior/ holds the report"
