# Local container stack only (compose.local.yaml): the embedded MongoDB-wire server, bundled on
# the host into one file by `npm run stack -- build`. The build context is that bundle's directory.
ARG NODE_IMAGE=node:20-bookworm-slim
FROM ${NODE_IMAGE}
WORKDIR /app
COPY embedded-mongo.mjs /app/
USER node
EXPOSE 27017
CMD ["node", "/app/embedded-mongo.mjs"]
