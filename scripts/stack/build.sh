#!/usr/bin/env bash
# `npm run stack -- build`: the images of the local container stack, built with Podman.
#   1. the Node 20 base (scripts/stack/base-image.sh), unless STACK_BASE_IMAGE is pulled or exists;
#   2. docker/server.Dockerfile and docker/worker.Dockerfile on top of it (NODE_IMAGE build arg;
#      on a host with a registry the same Dockerfiles build from node:20-bookworm-slim unchanged);
#   3. the embedded MongoDB-wire server of compose.local.yaml (bundled here, then imaged).
# Then prints the image sizes. Layers are cached: a second build only redoes what changed.
set -euo pipefail
source "$(dirname "$0")/podman.sh"
cd "$STACK_DIR"

TAG="${IMAGE_TAG:-0.1.0}"
elapsed() { echo "  ($(( $(date +%s) - $1 )) s)"; }

t=$(date +%s)
bash scripts/stack/base-image.sh "$STACK_BASE_IMAGE"
elapsed "$t"

# The CA bundle this machine trusts on top of the system ones (a TLS-intercepting proxy): npm in
# the build steps needs it too. A build secret, so it never lands in a layer; optional.
secret=()
if [[ -n "${NODE_EXTRA_CA_CERTS:-}" && -f "$NODE_EXTRA_CA_CERTS" ]]; then
  secret=(--secret "id=ca,src=$NODE_EXTRA_CA_CERTS")
fi

build() { # <name> <dockerfile> <context>
  local t
  t=$(date +%s)
  echo "building movie-generator/$1:$TAG from $2 …"
  pod build --format docker --network host --layers "${secret[@]}" \
    --build-arg "NODE_IMAGE=$STACK_BASE_IMAGE" \
    -f "$2" -t "movie-generator/$1:$TAG" "$3" >"$STACK_STATE/build-$1.log" 2>&1 \
    || { tail -40 "$STACK_STATE/build-$1.log"; echo "build of $1 failed: $STACK_STATE/build-$1.log"; exit 1; }
  elapsed "$t"
}

build server docker/server.Dockerfile .
build worker docker/worker.Dockerfile .

mkdir -p "$STACK_STATE/embedded-mongo"
nice -n 15 npx esbuild docker/embedded-mongo.ts --bundle --platform=node --target=node20 --format=esm \
  --log-level=warning --outfile="$STACK_STATE/embedded-mongo/embedded-mongo.mjs" \
  --banner:js="import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);"
build embedded-mongo docker/embedded-mongo.Dockerfile "$STACK_STATE/embedded-mongo"

echo
echo "image sizes:"
pod images --filter reference='movie-generator/*' --format '{{.Repository}}:{{.Tag}}  {{.Size}}'
