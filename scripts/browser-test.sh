#!/usr/bin/env bash
# Browser test of `dossier serve` (browser-tests/test.mjs). Skips, exit 0, with a
# message when Chromium, Node.js or playwright-core is missing: run
# scripts/install-browser-deps.sh first. Screenshots land in target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if ! command -v node >/dev/null; then
  echo "browser-test: SKIPPED: node is not installed (scripts/install-browser-deps.sh)"
  exit 0
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "browser-test: SKIPPED: $CHROMIUM is not installed (scripts/install-browser-deps.sh)"
  exit 0
fi
if [ ! -d browser-tests/node_modules/playwright-core ]; then
  if ! (cd browser-tests && npm ci --no-audit --no-fund >/dev/null 2>&1); then
    echo "browser-test: SKIPPED: playwright-core is not installed and npm ci failed (scripts/install-browser-deps.sh)"
    exit 0
  fi
fi
cargo build -q -p dossier-cli
export CHROMIUM
exec node browser-tests/test.mjs
