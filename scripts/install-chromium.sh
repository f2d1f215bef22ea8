#!/usr/bin/env bash
# Installs Debian's Chromium and chromedriver for the dashboard tests and for looking at reports.
# Does nothing when both are already on PATH. Never downloads a browser from anywhere but apt.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: apt-get not found; install Chromium and chromedriver with your package manager" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation fonts-dejavu-core >/dev/null
echo "install-chromium: $(chromium --version 2>/dev/null | tail -n 1)"
