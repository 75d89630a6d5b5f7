#!/usr/bin/env bash
# One-time (and idempotent) setup: Debian packages when missing, then npm packages when the
# lockfile changed since the last install. Quick when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh

# smartmongo's postinstall would try to download a mongod binary, which this project never uses.
export MONGOMS_DISABLE_POSTINSTALL=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm packages"
  # `npm ci` rejects this lockfile: it has no entries for other platforms' optional binaries
  # (biome, turbo), which the registry here does not serve (npm/cli#9846). `npm install` follows
  # the lockfile just the same; --no-save keeps it untouched.
  npm install --no-save --no-audit --no-fund --loglevel=error
else
  echo "[setup] npm packages: up to date"
fi

# A Remotion browser download interrupted in the past leaves this lock behind; it blocks renders.
rm -f node_modules/.remotion/chrome-headless-shell/download.lock

# The CLI compiled to JavaScript (under a second), so a fresh `movie-generator` starts without tsx.
npx tsx packages/pipeline/scripts/build-cli.ts

# The video template bundle, built once into the disk cache (seconds), so the first video does not wait for it.
if [ "${MOVIE_GENERATOR_CACHE_DIR:-}" != "off" ]; then
  npx tsx packages/pipeline/scripts/prepare-bundle.ts
fi
