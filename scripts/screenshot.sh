#!/usr/bin/env bash
# Takes a screenshot of a page or file with Debian's headless Chromium, in a fresh profile.
# Usage: scripts/screenshot.sh URL-or-FILE OUT.png [WIDTH,HEIGHT]
set -euo pipefail
target="$1"; out="$2"; size="${3:-1200,2400}"
case "$target" in
  http://*|https://*|file://*) url="$target" ;;
  *) url="file://$(cd "$(dirname "$target")" && pwd)/$(basename "$target")" ;;
esac
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
  --disable-component-update --no-first-run --disable-sync --user-data-dir="$profile" \
  --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1" \
  --hide-scrollbars --virtual-time-budget=3000 --window-size="$size" --screenshot="$out" "$url" 2>/dev/null
