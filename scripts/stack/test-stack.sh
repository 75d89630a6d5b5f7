#!/usr/bin/env bash
# `npm run test:stack`: the container checks end to end, timed — build (cached layers), up,
# smoke, the k3s overlay through podman kube play — and everything removed afterwards, pass or
# fail. Not part of `npm test`/CI (it needs Podman and ~10 minutes warm, ~25 cold). Run it before
# every change to docker/, compose*.yaml or k8s/ is committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
stack() { npm run -s stack -- "$@"; }
step() { # <name> <command…>
  local t
  t=$(date +%s)
  "${@:2}"
  echo "[test:stack] $1: $(( $(date +%s) - t )) s"
}
cleanup() { stack kube down >/dev/null 2>&1 || true; stack down >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
step build stack build
step up stack up
step smoke stack smoke
stack down
step kube stack kube
echo "[test:stack] passed"
