#!/bin/sh
# The ops CLI in the images: `docker compose exec server mg-ops stats`, `kubectl exec deploy/server -- mg-ops list`.
# `mg-ops run [jobId]` needs the worker's code: in the worker image it runs apps/worker/src/run-job.ts.
if [ "$1" = run ] && [ -f /app/apps/worker/src/run-job.ts ]; then
  shift
  cd /app && exec node --import tsx apps/worker/src/run-job.ts "$@"
fi
exec node /app/mg-ops.mjs "$@"
