# syntax=docker/dockerfile:1
# The HTTP server (tRPC, video downloads, health, metrics) and the built web app.
# Build from the repository root:
#   docker build -f docker/server.Dockerfile -t movie-generator/server:0.1.0 .
# The runtime image holds Node, tini, one bundled server file and the web app: no node_modules.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: the server's, the ops CLI's and the web app's workspaces installed, the web app built,
# the server and ops CLI bundled ----
FROM ${NODE_IMAGE} AS build
WORKDIR /src
# smartmongo (tests only) would download a mongod binary in its postinstall.
ENV MONGOMS_DISABLE_POSTINSTALL=1
COPY package.json package-lock.json .npmrc ./
COPY apps/ops/package.json apps/ops/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/api-contract/package.json packages/api-contract/
COPY packages/embedded-mongo/package.json packages/embedded-mongo/
COPY packages/jobs/package.json packages/jobs/
COPY packages/pipeline/package.json packages/pipeline/
COPY packages/test-helpers/package.json packages/test-helpers/
COPY packages/url-policy/package.json packages/url-policy/
COPY remotion/package.json remotion/
COPY tests/package.json tests/
COPY tooling/typescript/package.json tooling/typescript/
# The optional secret `ca` is an extra CA bundle for npm behind a TLS-intercepting proxy
# (`--secret id=ca,src=$NODE_EXTRA_CA_CERTS`); it never enters a layer. Without it nothing changes.
# `npm install` follows package-lock.json. (`npm ci` refuses this lockfile: it lacks other
# platforms' optional binaries, npm/cli#9846; switch to `npm ci` once it accepts it.)
# Only the three workspaces built here (and the root's tsx, which brings esbuild for the bundler):
# none of them depends on the pipeline, so Remotion, webpack and sharp are not installed.
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
 && npm install -w @movie-generator/server -w @movie-generator/ops -w @movie-generator/web \
      --include-workspace-root --no-save --no-audit --no-fund --ignore-scripts --loglevel=error
COPY . .
RUN npm run build -w @movie-generator/web \
 && node docker/bundle.mjs /out server ops

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/ /app/
COPY --from=build /src/apps/web/dist/ /app/web/
COPY --chmod=755 docker/mg-ops.sh /usr/local/bin/mg-ops
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    WEB_DIST_DIR=/app/web \
    DATA_DIR=/data
# DATA_DIR holds videos only with STORAGE=fs (a volume shared with the workers).
RUN mkdir -p /data && chown node:node /data
# The node user of the official image (uid 1000).
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini: signals reach node, zombies are reaped.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "/app/server.mjs"]
