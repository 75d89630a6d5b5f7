import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import {
  createJobAdmin,
  createJobIntake,
  createJobRuns,
  createQueue,
  enqueueGenerateVideo,
  GridFsVideoStore,
  type JobDocument,
  type JobIntake,
  type JobIntakeSettings,
  type JobRuns,
  jobCollections,
  type ProgressUpdate,
  prepareJobCollections,
  type StoredVideo,
} from '@movie-generator/jobs';
import { runPipeline, silentLogger } from '@movie-generator/pipeline';
import {
  makeTempDir,
  type RecordedRequest,
  startHttpServer,
  startTestMongo,
  type TestHttpServer,
  type TestMongo,
} from '@movie-generator/test-helpers';
import type { Agenda } from 'agenda';
import { inject } from 'vitest';
import { loadConfig, type WorkerConfig } from '../env.ts';
import { WorkerMetrics } from '../metrics.ts';
import type { RunPipeline } from '../process-job.ts';
import { createWorker, type Worker } from '../worker.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A Remotion bundle built once by the global setup and shared by every test file and child worker. */
    bundleDir: string;
  }
}

const FIXTURES = fileURLToPath(new URL('../../../../packages/pipeline/fixtures/articles/', import.meta.url));

/** The server side's settings (quota and queue cap set high enough for tests). */
export const SERVER_JOBS: JobIntakeSettings = {
  dailyLimit: 1000,
  maxPending: 20,
  retentionMs: 24 * 3600_000,
  totalConcurrency: 2,
  typicalJobSec: 30,
};

export interface ProgressWrite {
  at: number;
  jobId: string;
  update: ProgressUpdate;
  accepted: boolean;
}

/** A worker's run side that records every progress write (time, job, update, accepted) as it makes it. */
export type RecordingJobRuns = JobRuns & {
  readonly writes: ProgressWrite[];
  writesOf(jobId: string): ProgressWrite[];
};

export function recordingJobRuns(inner: JobRuns): RecordingJobRuns {
  const writes: ProgressWrite[] = [];
  return {
    ...inner,
    async progress(jobId, update, options) {
      const at = performance.now();
      const accepted = await inner.progress(jobId, update, options);
      writes.push({ at, jobId, update, accepted });
      return accepted;
    },
    writes,
    writesOf: (jobId) => writes.filter((w) => w.jobId === jobId),
  };
}

/**
 * Article pages for the worker tests, by path (the query string is ignored, so `?n=` makes
 * every job's URL unique and its requests countable):
 * /en, /ja — real articles; /short — too little text; /flaky — 503 twice, then the article;
 * /down — always 503; /forbidden — always 403; /hang — never answers.
 */
export async function startArticleServer(): Promise<
  TestHttpServer & { requestsTo(url: string): RecordedRequest[] }
> {
  const [en, ja, short] = await Promise.all(
    ['en.html', 'ja-utf8.html', 'too-short.html'].map((name) => readFile(join(FIXTURES, name))),
  );
  const flakyCount = new Map<string, number>();
  const html = { 'content-type': 'text/html; charset=utf-8' };
  const server = await startHttpServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/en') return void res.writeHead(200, html).end(en);
    if (path === '/ja') return void res.writeHead(200, html).end(ja);
    if (path === '/short') return void res.writeHead(200, html).end(short);
    if (path === '/down') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
    if (path === '/forbidden') return void res.writeHead(403, { 'content-type': 'text/html' }).end('no');
    if (path === '/flaky') {
      const n = (flakyCount.get(req.url) ?? 0) + 1;
      flakyCount.set(req.url, n);
      if (n <= 2) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      return void res.writeHead(200, html).end(en);
    }
    if (path === '/hang') return; // the response never comes; the client gives up
    res.writeHead(404).end();
  });
  return Object.assign(server, {
    requestsTo: (url: string) => server.requests.filter((r) => new URL(r.url, server.url).href === url),
  });
}

export interface Harness {
  mongo: TestMongo;
  /** Creates, shows and cancels jobs like the server does. */
  intake: JobIntake;
  /** A run side of no worker, for tests that write to a job as some worker would. */
  runs: JobRuns;
  /** An Agenda that only enqueues, like the server's. */
  client: Agenda;
  videoStore: GridFsVideoStore;
  articles: Awaited<ReturnType<typeof startArticleServer>>;
  workDir: string;
  bundleDir: string;
  /** Worker configuration through the real env parser, with test-sized renders. */
  config(env?: Record<string, string>): WorkerConfig;
  /** A worker's run side that records progress writes. */
  workerRuns(config: WorkerConfig): RecordingJobRuns;
  createJob(
    path: string,
    options?: { language?: 'ja' | 'en'; style?: 'narration' | 'dialogue'; now?: Date },
  ): Promise<{ id: string; url: string }>;
  job(id: string): Promise<JobDocument>;
  waitForJob(id: string, until: (doc: JobDocument) => boolean, timeoutMs?: number): Promise<JobDocument>;
  /** Copies a stored video to a file (for ffprobe). */
  download(video: StoredVideo, path: string): Promise<void>;
  /** mg-job-* directories left in the work dir. */
  leftoverWorkDirs(): Promise<string[]>;
  /**
   * An in-process worker (the real pipeline unless `run` is given) with a recording store and
   * metrics of its own, started; `reset` stops it.
   */
  startWorker(env?: Record<string, string>, run?: RunPipeline): Promise<StartedWorker>;
  /** Between tests: interrupts and stops the workers startWorker started, then empties the database. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface StartedWorker {
  worker: Worker;
  /** The worker's run side, recording its progress writes. */
  store: RecordingJobRuns;
  metrics: WorkerMetrics;
  config: WorkerConfig;
}

export async function startHarness(): Promise<Harness> {
  const mongo = await startTestMongo();
  const c = jobCollections(mongo.db);
  await prepareJobCollections(c, SERVER_JOBS);
  const intake = createJobIntake(c, SERVER_JOBS);
  const client = createQueue(mongo.db);
  await client.ready;
  const videoStore = new GridFsVideoStore(mongo.db);
  const articles = await startArticleServer();
  const temp = await makeTempDir('mg-worker-test-');
  const bundleDir = inject('bundleDir');
  const workers: Worker[] = [];
  let jobCount = 0;

  const harness: Harness = {
    mongo,
    intake,
    runs: createJobRuns(c, SERVER_JOBS),
    client,
    videoStore,
    articles,
    workDir: temp.dir,
    bundleDir,
    config: (env = {}) =>
      loadConfig({
        MONGODB_URI: mongo.uri,
        MONGODB_DB: mongo.dbName,
        WORK_DIR: temp.dir,
        ALLOW_PRIVATE_NETWORK: 'true',
        SCRIPT_MAX_SECTIONS: '3',
        SCRIPT_CHAR_BUDGET: '100',
        PIPELINE_FRAME: '320x180',
        REMOTION_BUNDLE_DIR: bundleDir,
        WORKER_CONCURRENCY: '1',
        QUEUE_POLL_MS: '200',
        CANCEL_POLL_MS: '500',
        RETRY_BACKOFF_MS: '300,600',
        MAX_PENDING_JOBS: String(SERVER_JOBS.maxPending),
        LOG_LEVEL: 'silent',
        ...env,
      }),
    workerRuns: (config) => recordingJobRuns(createJobRuns(c, config.jobs)),
    async createJob(path, options = {}) {
      jobCount += 1;
      const url = `${articles.url}${path}?n=${jobCount}`;
      const { id } = await intake.create(
        { url, size: '720p', vertical: false, language: options.language, style: options.style },
        `192.0.2.${jobCount % 250}`,
        (jobId) => enqueueGenerateVideo(client, jobId),
        options.now,
      );
      return { id, url };
    },
    async job(id) {
      const doc = await c.jobs.findOne({ jobId: id });
      if (!doc) throw new Error(`job ${id} not found`);
      return doc;
    },
    async waitForJob(id, until, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const doc = await harness.job(id);
        if (until(doc)) return doc;
        if (Date.now() > deadline) {
          throw new Error(`job ${id} did not reach the state in ${timeoutMs} ms: ${JSON.stringify(doc)}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async download(video, path) {
      await pipeline(videoStore.open(video), createWriteStream(path));
    },
    async leftoverWorkDirs() {
      return (await readdir(temp.dir)).filter((name) => name.startsWith('mg-job-'));
    },
    async startWorker(env = {}, run = runPipeline) {
      const config = harness.config(env);
      const store = harness.workerRuns(config);
      const metrics = new WorkerMetrics();
      const worker = createWorker({
        runs: store,
        admin: createJobAdmin(c, config.jobs),
        videoStore,
        runPipeline: run,
        config,
        log: silentLogger,
        metrics,
      });
      workers.push(worker);
      await worker.start();
      return { worker, store, metrics, config };
    },
    async reset() {
      for (const worker of workers.splice(0)) {
        worker.interrupt();
        await worker.stop(0);
      }
      await mongo.db.dropDatabase();
      await prepareJobCollections(c, SERVER_JOBS);
    },
    async close() {
      await articles.close();
      await mongo.stop();
      await temp.cleanup();
    },
  };
  return harness;
}

export const quietLog = silentLogger;
