# syntax=docker/dockerfile:1
# The Agenda worker: runs the pipeline (Open JTalk, espeak-ng, Chromium + Remotion, ffmpeg).
# Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t movie-generator/worker:0.1.0 .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every workspace installed; the Remotion bundle and the ops CLI built ahead ----
FROM ${NODE_IMAGE} AS build
WORKDIR /src
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
# See server.Dockerfile for why this is `npm install` and not `npm ci`.
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
 && npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error
COPY . .
RUN node docker/bundle.mjs /out ops \
 && npx tsx docker/prebundle.ts /out/remotion-bundle

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
# contrib holds the Open JTalk voice (hts-voice-nitech-jp-atr503-m001).
RUN sed -i 's/^Components: main$/Components: main contrib/' /etc/apt/sources.list.d/debian.sources \
 && apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates tini chromium fonts-noto-cjk ffmpeg espeak-ng \
      open-jtalk open-jtalk-mecab-naist-jdic hts-voice-nitech-jp-atr503-m001 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
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
# Only the worker's production dependencies (TypeScript runs through tsx: no build step).
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
 && npm install --omit=dev -w @movie-generator/worker --include-workspace-root=false \
      --no-save --no-audit --no-fund --ignore-scripts --loglevel=error
COPY apps/worker/ apps/worker/
COPY packages/api-contract/ packages/api-contract/
COPY packages/jobs/ packages/jobs/
COPY packages/pipeline/ packages/pipeline/
COPY packages/url-policy/ packages/url-policy/
COPY remotion/ remotion/
COPY tooling/typescript/ tooling/typescript/
COPY --from=build /out/remotion-bundle/ /app/remotion-bundle/
COPY --from=build /out/mg-ops.mjs /app/
COPY --chmod=755 docker/mg-ops.sh /usr/local/bin/mg-ops
# Chromium and fontconfig write their profile and caches under XDG dirs: keep them in /tmp,
# so the root filesystem can be read-only (Kubernetes mounts an emptyDir on /tmp).
ENV NODE_ENV=production \
    CHROMIUM_PATH=/usr/bin/chromium \
    REMOTION_BUNDLE_DIR=/app/remotion-bundle \
    WORK_DIR=/app/work \
    DATA_DIR=/data \
    WORKER_METRICS_PORT=9464 \
    XDG_CONFIG_HOME=/tmp/.config \
    XDG_CACHE_HOME=/tmp/.cache
RUN mkdir -p /app/work /data && chown node:node /app/work /data
USER node
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WORKER_METRICS_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# node --import tsx (not the tsx CLI): one process, so SIGTERM reaches the worker's drain directly.
CMD ["node", "--import", "tsx", "apps/worker/src/main.ts"]
