#!/usr/bin/env bash
# Install what the browser test needs: Debian's chromium (/usr/bin/chromium) and
# playwright-core from npm (browser-tests/package-lock.json). No browser download:
# playwright-core drives the Debian build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
if command -v npm >/dev/null; then
  (cd browser-tests && npm ci --no-audit --no-fund)
else
  echo "install-browser-deps: npm not found; install Node.js (Debian: nodejs npm)" >&2
  exit 1
fi
