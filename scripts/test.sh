#!/usr/bin/env bash
# Everything `npm test` checks, stopping at the first failure: types, lint, unit and integration
# tests, then the end-to-end suite. Tests run against a throwaway keyring (scripts/with-keyring.sh),
# never the keyring of whoever runs them.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1" >&2; }

step 'Type check'
npx tsc --noEmit -p tsconfig.json

step 'Lint'
npx biome check .

step 'Unit and integration tests'
bash scripts/with-keyring.sh npx vitest run

step 'End-to-end tests'
display=()
# The Electron suite needs a display; CI machines have none, but Xvfb gives one.
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]] && command -v xvfb-run >/dev/null; then
  display=(xvfb-run --auto-servernum)
fi
bash scripts/with-keyring.sh "${display[@]}" npm run test:e2e

step 'All checks passed'
