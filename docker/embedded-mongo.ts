// The embedded MongoDB-wire server (CongoServer, in memory) as a container's process, for the
// local container stack only (compose.local.yaml): no MongoDB image or binary exists on the
// machines that test the stack. Never for production: no persistence, no unique indexes, no TTL.
import { startEmbeddedMongo } from '@movie-generator/embedded-mongo';

const mongo = await startEmbeddedMongo({ host: '0.0.0.0', port: 27017 });
console.log(`embedded MongoDB-wire server listening on 0.0.0.0:${mongo.port}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void mongo.stop().finally(() => process.exit(0));
  });
}
