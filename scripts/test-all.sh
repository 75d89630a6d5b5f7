#!/usr/bin/env bash
# The whole test suite, as the README documents and .ci/run calls: setup, lint, typecheck, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
echo "[test] lint (biome)"
biome check .
echo "[test] architecture rules (dependency-cruiser)"
npm run --silent lint:deps
echo "[test] typecheck"
turbo run typecheck --output-logs=errors-only
echo "[test] tests"
# One package at a time: rendering tests need both cores.
turbo run test --concurrency=1 --continue
