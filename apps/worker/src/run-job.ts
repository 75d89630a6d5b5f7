/**
 * `mg-ops run [jobId]` in the worker image (trouble case 2 of the operations guide): processes
 * one job in the foreground with the worker's own code and settings, its log lines on stdout,
 * and records the result in the job as a worker would. Without a job id: the oldest pending job.
 * The job's queue entry is removed first, so no running worker takes it up at the same time.
 *
 *   node --import tsx apps/worker/src/run-job.ts [jobId]
 * Exit status: 0 completed, 1 failed, cancelled or nothing to run.
 */
import {
  connectMongo,
  createJobRuns,
  createQueue,
  createVideoStore,
  GENERATE_VIDEO,
  jobCollections,
} from '@movie-generator/jobs';
import { closeRenderer, createLogger, runPipeline } from '@movie-generator/pipeline';
import { loadConfig } from './env.ts';
import { processJob, processJobConfig } from './process-job.ts';

const config = loadConfig({
  ...process.env,
  WORKER_ID: process.env.WORKER_ID ?? `mg-ops-run-${process.pid}`,
});
const log = createLogger(config.logLevel, 'worker');
const { client, db } = await connectMongo(config.mongo.uri, config.mongo.dbName, { log });
let code = 1;
try {
  const store = createJobRuns(jobCollections(db), config.jobs);
  // `mg-ops run -- <jobId>`: job ids may start with a dash.
  const jobId =
    process.argv.slice(2).find((arg) => arg !== '--') ??
    (await store.c.jobs.find({ status: 'pending' }).sort({ createdAt: 1 }).limit(1).next())?.jobId;
  if (!jobId) {
    console.error('no pending job to run');
  } else {
    const queue = createQueue(db);
    await queue.ready;
    const removed = await queue.cancel({ name: GENERATE_VIDEO, data: { jobId } });
    log.info({ jobId, queueEntriesRemoved: removed }, 'mg-ops run: processing the job in the foreground');
    const outcome = await processJob(jobId, {
      store,
      videoStore: createVideoStore(config.storage.kind, db, config.storage.dataDir),
      runPipeline,
      log,
      config: processJobConfig(config),
    });
    const job = await store.find(jobId);
    console.error(`job ${jobId}: ${outcome}${job?.errorCode ? ` (${job.errorCode})` : ''}`);
    code = outcome === 'completed' ? 0 : 1;
  }
} finally {
  await closeRenderer().catch(() => undefined);
  await client.close();
}
process.exit(code);
