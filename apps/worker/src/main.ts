import {
  connectMongo,
  createJobAdmin,
  createJobRuns,
  createVideoStore,
  jobCollections,
  prepareJobCollections,
} from '@movie-generator/jobs';
import {
  closeRenderer,
  createLogger,
  runPipeline,
  warmRenderer,
  warmStageThreads,
} from '@movie-generator/pipeline';
import { loadConfig } from './env.ts';
import { type Health, type MetricsServer, startMetricsServer, WorkerMetrics } from './metrics.ts';
import { sleep } from './retry.ts';
import { createWorker } from './worker.ts';

/**
 * The worker process: environment → MongoDB → warm renderer → Agenda. SIGTERM/SIGINT stop
 * taking jobs and let running ones finish for up to SHUTDOWN_GRACE_MS; a second signal
 * interrupts them (they go back to the queue for another worker); a third exits at once.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel, 'worker');
  log.info(
    { workerId: config.workerId, storage: config.storage.kind, workDir: config.workDir },
    'worker: starting',
  );
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (error: unknown) => {
      log.fatal({ err: error, event }, 'worker: crashed');
      process.exit(1);
    });
  }

  const { client, db } = await connectMongo(config.mongo.uri, config.mongo.dbName, { log });
  const jobs = jobCollections(db);
  await prepareJobCollections(jobs, config.jobs);
  const videoStore = createVideoStore(config.storage.kind, db, config.storage.dataDir);
  const metrics = new WorkerMetrics({ processMetrics: true });
  const worker = createWorker({
    runs: createJobRuns(jobs, config.jobs),
    admin: createJobAdmin(jobs, config.jobs),
    videoStore,
    runPipeline,
    config,
    log,
    metrics,
  });

  let server: MetricsServer | null = null;
  let shuttingDown = false;
  const shutdown = async () => {
    await worker.stop(config.shutdownGraceMs);
    await closeRenderer().catch((error: unknown) =>
      log.warn({ err: error }, 'worker: closing the renderer failed'),
    );
    await server?.close();
    await client.close();
    log.info('worker: bye');
  };
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals === 1) {
      shuttingDown = true;
      log.info({ signal, graceMs: config.shutdownGraceMs }, 'worker: shutting down');
      shutdown()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          log.fatal({ err: error }, 'worker: shutdown failed');
          process.exit(1);
        });
    } else if (signals === 2) {
      log.warn({ signal }, 'worker: second signal; interrupting running jobs');
      worker.interrupt();
    } else {
      log.fatal({ signal }, 'worker: third signal; exiting now');
      process.exit(1);
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  // Bundle the compositions and open Chromium once, before the first job needs them; start the
  // threads that extract pages and build scripts (one per concurrent job) meanwhile.
  warmStageThreads(config.pipeline.isolation, config.concurrency);
  const warmStarted = performance.now();
  await warmRenderer(config.pipeline.render);
  log.info({ seconds: (performance.now() - warmStarted) / 1000 }, 'worker: renderer ready');
  if (shuttingDown) return;

  const health = async (): Promise<Health> => ({
    status: worker.draining() ? 'draining' : 'ok',
    workerId: config.workerId,
    runningJobs: worker.runningJobs(),
    mongo: await Promise.race([
      db.command({ ping: 1 }).then(
        () => 'ok' as const,
        () => 'down' as const,
      ),
      sleep(2000).then(() => 'down' as const),
    ]),
  });
  if (config.metricsPort > 0) {
    server = await startMetricsServer(config.metricsPort, metrics, health);
    log.info({ port: server.port }, 'worker: metrics on /metrics, health on /healthz');
  }

  if (!shuttingDown) await worker.start();
}

main().catch(async (error: unknown) => {
  createLogger('fatal', 'worker').fatal({ err: error }, 'worker: could not start');
  await closeRenderer().catch(() => undefined);
  process.exit(1);
});
