#!/usr/bin/env bash
# Builds the release archives (./mvnw -B -Prelease package) and runs the main job from each, unpacked in a
# temporary directory outside the source tree, with nothing but a Java runtime on the PATH. .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
./mvnw -B -q -Prelease package -DskipTests -Dspotless.check.skip=true -pl cli -am
version=$(sed -n 's/^version=//p' core/target/classes/org/multivector/version.properties)
java_bin=$(dirname "$(readlink -f "$(command -v java)")")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for fmt in tar.gz zip; do
  dir="$tmp/$fmt"
  mkdir -p "$dir"
  if [ "$fmt" = tar.gz ]; then
    tar -xzf "$src/cli/target/multivector-$version.tar.gz" -C "$dir"
  else
    (cd "$dir" && "$java_bin/jar" xf "$src/cli/target/multivector-$version.zip")
    chmod +x "$dir/multivector-$version/bin/multivector" # jar keeps no file modes
  fi
  app="$dir/multivector-$version"
  for f in bin/multivector bin/multivector.cmd lib/multivector.jar LICENSE NOTICE THIRD-PARTY.md CITATION.cff \
           README.md docs/CLI.md examples/bargaining/caspian.yaml data/SOURCES.md; do
    [ -e "$app/$f" ] || { echo "release-check: $fmt lacks $f" >&2; exit 1; }
  done
  # only a Java runtime: no Maven, no source tree, another working directory, a clean environment
  out=$(cd "$tmp" && env -i PATH="$java_bin:/usr/bin:/bin" HOME="$tmp" "$app/bin/multivector" run --out "$tmp/runs-$fmt")
  echo "$out" | grep -q "RSI" || { echo "release-check: $fmt: run printed no RSI table" >&2; echo "$out" >&2; exit 1; }
  [ -f "$(ls "$tmp/runs-$fmt"/run-central-asia-*/report.html | head -1)" ] || { echo "release-check: no report" >&2; exit 1; }
  ls "$tmp"/.cache/multivector/multivector-*.jsa > /dev/null 2>&1 \
    || { echo "release-check: $fmt: the first run archived no classes" >&2; exit 1; }
  out2=$(cd "$tmp" && env -i PATH="$java_bin:/usr/bin:/bin" HOME="$tmp" "$app/bin/multivector" run --out "$tmp/runs2-$fmt")
  echo "$out2" | grep -q "RSI" || { echo "release-check: $fmt: a run with the class archive failed" >&2; exit 1; }
  rm -rf "$tmp/.cache"
  got=$(env -i PATH="$java_bin:/usr/bin:/bin" "$app/bin/multivector" --version)
  [ "$got" = "multivector $version" ] || { echo "release-check: --version said '$got'" >&2; exit 1; }
  # init finds the installation's data/ from any directory
  (cd "$tmp" && env -i PATH="$java_bin:/usr/bin:/bin" HOME="$tmp" "$app/bin/multivector" init --states ARM,AZE,GEO \
      --poles RUS,TUR --from 1995 --to 2010 --out "$tmp/caucasus-${fmt%%.*}.yaml" > /dev/null)
  echo "release-check: $fmt ok ($(du -h "$src/cli/target/multivector-$version.$fmt" | cut -f1))"
done
# the checkout's launcher, too, finds the checkout's data/ from any directory
(cd "$tmp" && "$src/multivector" init --states ARM,AZE,GEO --poles RUS,TUR --from 1995 --to 2010 \
    --out "$tmp/caucasus-checkout.yaml" > /dev/null)
echo "release-check: the checkout's launcher ok"
