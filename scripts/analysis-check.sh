#!/usr/bin/env bash
# Runs the analysis examples (examples/analysis/: an R script and a Jupyter notebook) against fresh studies made by
# the command line, and checks each drew its figures. Installs what they need from Debian when it is missing:
# r-base-core, r-cran-ggplot2, python3-pandas, python3-matplotlib, jupyter-nbconvert, python3-ipykernel.
# .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
need=()
command -v Rscript > /dev/null 2>&1 || need+=(r-base-core)
Rscript -e 'library(ggplot2)' > /dev/null 2>&1 || need+=(r-cran-ggplot2)
/usr/bin/python3 -c 'import pandas' > /dev/null 2>&1 || need+=(python3-pandas)
/usr/bin/python3 -c 'import matplotlib' > /dev/null 2>&1 || need+=(python3-matplotlib)
command -v jupyter-nbconvert > /dev/null 2>&1 || need+=(jupyter-nbconvert)
/usr/bin/python3 -c 'import ipykernel' > /dev/null 2>&1 || need+=(python3-ipykernel)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./multivector compare -q --runs 100 --out "$tmp/runs" --name compare
./multivector ensemble -q --runs 200 --out "$tmp/runs" --name ensemble
Rscript examples/analysis/founding-question.R "$tmp/runs/compare" "$tmp/runs/ensemble" "$tmp/r"
for f in founding-question.png rsi-band.png; do
  [ -s "$tmp/r/$f" ] || { echo "analysis-check: the R script drew no $f" >&2; exit 1; }
done
# the notebook with the studies given, and (its --json path) making its own
MULTIVECTOR_HOME="$repo" MULTIVECTOR_OUT="$tmp/py" MULTIVECTOR_COMPARE="$tmp/runs/compare" \
  MULTIVECTOR_ENSEMBLE="$tmp/runs/ensemble" PYDEVD_DISABLE_FILE_VALIDATION=1 \
  jupyter-nbconvert --to notebook --execute --output "$tmp/executed.ipynb" examples/analysis/founding-question.ipynb \
  > /dev/null 2>&1 || { echo "analysis-check: the notebook failed" >&2; exit 1; }
MULTIVECTOR_HOME="$repo" MULTIVECTOR_OUT="$tmp/py2" PYDEVD_DISABLE_FILE_VALIDATION=1 \
  jupyter-nbconvert --to notebook --execute --output "$tmp/executed2.ipynb" examples/analysis/founding-question.ipynb \
  > /dev/null 2>&1 || { echo "analysis-check: the notebook failed making its own studies" >&2; exit 1; }
for f in py/founding-question-py.png py/rsi-band-py.png py2/founding-question-py.png; do
  [ -s "$tmp/$f" ] || { echo "analysis-check: the notebook drew no $f" >&2; exit 1; }
done
echo "analysis-check: R and the notebook redrew the comparison and the band"
