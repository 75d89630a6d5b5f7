#!/bin/sh
# The ops CLI in the images: `docker compose exec server mg-ops stats`, `kubectl exec deploy/server -- mg-ops list`.
exec node /app/mg-ops.mjs "$@"
