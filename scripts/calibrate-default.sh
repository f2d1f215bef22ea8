#!/usr/bin/env bash
# Re-creates the calibration shipped in the default scenario: fits central-asia-prior (the curated
# parameter values) to 1992-2008, copies the overlay to data/central-asia-calibration.yaml and
# recompiles the embedded scenarios. Deterministic: the same data and seed give the same file.
# Extra arguments go to calibrate (e.g. --threads 2). docs/VALIDATION.md describes the fit.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# a build artefact: a calibration of other data is another study, and a study directory is never replaced
rm -rf target/calibration/default target/calibration/.default.checkpoint target/calibration/.default.request.checkpoint
./multivector calibrate --scenario central-asia-prior --train 1992-2008 --seed 1992 \
  --out target/calibration --name default -q "$@"
cp target/calibration/default/overlay.yaml data/central-asia-calibration.yaml
./multivector compile-scenario
echo "calibrate-default: data/central-asia-calibration.yaml and the embedded scenarios updated;" \
  "target/calibration/default/ holds the report"
