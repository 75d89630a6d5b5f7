import { once } from 'node:events';
import { connectMongo } from '@movie-generator/jobs';
import { pino } from 'pino';
import { createApp } from './app.ts';
import { loadEnv } from './env.ts';
import { createMetrics } from './metrics.ts';
import { createMetricsApp } from './routes/metrics.ts';
import { createServices } from './services.ts';

/** In-flight requests get this long to finish on SIGTERM/SIGINT before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

const env = loadEnv();
const logger = pino({ name: 'server', level: env.LOG_LEVEL });

const { client, db } = await connectMongo(env.MONGODB_URI, env.MONGODB_DB, { log: logger });
const services = await createServices(env, db);
let shuttingDown = false;
const metrics = createMetrics();
const app = createApp({ env, db, logger, ...services, shuttingDown: () => shuttingDown }, metrics);

const server = app.listen(env.PORT, env.HOST);
await once(server, 'listening');
// Prometheus scrapes this port; it is not published through the Ingress or compose's ports.
const metricsServer = createMetricsApp({ metrics, logger, ...services }).listen(env.METRICS_PORT, env.HOST);
await once(metricsServer, 'listening');
logger.info(
  {
    address: server.address(),
    metricsAddress: metricsServer.address(),
    version: env.APP_VERSION,
    storage: env.STORAGE,
    trustProxy: env.TRUST_PROXY,
  },
  'server listening',
);

async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'shutting down');
  metricsServer.close();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  await closed;
  clearTimeout(timer);
  // The queue was never started, so there is nothing to drain; closing the client ends Agenda too.
  await client.close();
  logger.info('stopped');
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
