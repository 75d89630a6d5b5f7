// The embedded MongoDB-wire server in a process of its own (the load test keeps the database off
// the event loop that generates the load, as a real deployment would). Prints {"port": n}.
import { startEmbeddedMongo } from '@movie-generator/embedded-mongo';

const mongo = await startEmbeddedMongo();
process.stdout.write(`${JSON.stringify({ port: mongo.port })}\n`);
const stop = () => {
  void mongo.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
