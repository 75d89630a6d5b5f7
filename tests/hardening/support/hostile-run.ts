import { readFile } from 'node:fs/promises';
import { connectMongo, isFinished } from '@movie-generator/jobs';
import { getBundle } from '@movie-generator/pipeline';
import { HOSTILE_PAGES, type HostilePageName } from '@movie-generator/pipeline/testing';
import { startTestServer, type TestServer } from '@movie-generator/server/src/testing/test-server.ts';
import { freePort, startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';
import type { Db, MongoClient } from 'mongodb';
import { processTreeMemory } from '../../../packages/pipeline/bench/process-tree-rss.ts';
import { ARTICLE_FIXTURES } from './paths.ts';
import { type ServiceProcess, startMongoProcess } from './processes.ts';
import { type ChildWorker, startChildWorker, waitUntil } from './workers.ts';

/**
 * A deployed-like worker (its own process, concurrency 2, /healthz and /metrics on a port)
 * against MongoDB in another process, with jobs created through the real API, and a site that
 * serves the hostile pages next to a normal article. `runPair` sends one hostile page and one
 * normal article at the same time and watches the worker from outside while they run.
 */
export interface HostileBench {
  worker: ChildWorker;
  server: TestServer;
  site: TestHttpServer;
  db: Db;
  healthUrl: string;
  metricsUrl: string;
  close(): Promise<void>;
}

export async function startHostileBench(
  workDir: string,
  env: Record<string, string> = {},
): Promise<HostileBench> {
  const pages = new Map<string, string>();
  for (const name of Object.keys(HOSTILE_PAGES) as HostilePageName[]) pages.set(name, HOSTILE_PAGES[name]());
  pages.set('article', await readFile(`${ARTICLE_FIXTURES}en.html`, 'utf8'));
  const site = await startHttpServer((req, res) => {
    const body = pages.get(new URL(req.url, 'http://x').pathname.slice(1));
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  let mongo: ServiceProcess | undefined;
  let client: MongoClient | undefined;
  let server: TestServer | undefined;
  let worker: ChildWorker | undefined;
  const close = async () => {
    worker?.kill('SIGKILL');
    if (worker) await worker.exited;
    await server?.close();
    await client?.close();
    await mongo?.stop();
    await site.close();
  };
  try {
    const started = await startMongoProcess();
    mongo = started;
    const dbName = 'mg_hardening_isolation';
    const connected = await connectMongo(started.uri, dbName);
    client = connected.client;
    server = await startTestServer(connected.db, {
      ALLOW_PRIVATE_NETWORK: 'true',
      MAX_PENDING_JOBS: '20',
      DAILY_JOB_LIMIT: '1000',
    });
    const port = await freePort();
    const bundleDir = await getBundle();
    worker = await startChildWorker(
      { uri: started.uri, dbName, workDir, bundleDir, maxPending: 20 },
      { WORKER_CONCURRENCY: '2', WORKER_METRICS_PORT: String(port), ...env },
    );
    return {
      worker,
      server,
      site,
      db: connected.db,
      healthUrl: `http://127.0.0.1:${port}/healthz`,
      metricsUrl: `http://127.0.0.1:${port}/metrics`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface JobOutcome {
  status: string;
  errorCode?: string;
  /** From creation until the job was seen in a final state. */
  seconds: number;
}

/** A hostile page, or 'article' for a control pair of two normal articles. */
export type PairPage = HostilePageName | 'article';

export interface PairFigures {
  page: PairPage;
  hostile: JobOutcome;
  normal: JobOutcome;
  /**
   * While the hostile job ran (until it ended, plus the next second): the worker's longest
   * event-loop stall (its own monitorEventLoopDelay, via /metrics) and slowest /healthz answer.
   */
  whileHostile: { maxEventLoopStallMs: number; maxHealthzMs: number; slowHealthz: number };
  /** The same until both jobs ended (the normal job's own speech and render included). */
  maxEventLoopStallMs: number;
  maxHealthzMs: number;
  /** /healthz probes (every 250 ms), those that took 2 s or more, those unanswered within 5 s. */
  healthzProbes: number;
  slowHealthz: number;
  failedHealthz: number;
  /** Peak RSS of the worker's node process (main thread and stage threads). */
  peakWorkerRssMB: number;
  /** Peak RSS and PSS of its whole process tree (Chromium, kept warm for renders, included). */
  peakTreeRssMB: number;
  peakTreePssMB: number;
}

async function timed(url: string, timeoutMs: number): Promise<{ ms: number; ok: boolean; body: string }> {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { ms: performance.now() - started, ok: res.ok, body };
  } catch {
    return { ms: performance.now() - started, ok: false, body: '' };
  }
}

/** Runs `probe` every `everyMs` until stopped, one at a time. */
function every(everyMs: number, probe: () => Promise<void>): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await probe();
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (performance.now() - started))));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/** Sends a hostile page and the normal article at once and watches the worker until both end. */
export async function runPair(
  bench: HostileBench,
  page: PairPage,
  timeoutMs = 300_000,
): Promise<PairFigures> {
  const pid = bench.worker.process.pid!;
  const figures = {
    maxStall: 0,
    maxHealthz: 0,
    slowHealthz: 0,
    failedHealthz: 0,
    probes: 0,
    workerRss: 0,
    treeRss: 0,
    treePss: 0,
  };
  const scrapeLag = async () => {
    const { body, ok } = await timed(bench.metricsUrl, 10_000);
    const lag = /^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(body)?.[1];
    if (ok && lag) figures.maxStall = Math.max(figures.maxStall, Number(lag) * 1000);
  };
  await scrapeLag(); // resets the worker's histogram: what follows is this pair's
  const stops = [
    every(250, async () => {
      const { ms, ok } = await timed(bench.healthUrl, 5000);
      figures.probes += 1;
      figures.maxHealthz = Math.max(figures.maxHealthz, ms);
      if (ms >= 2000) figures.slowHealthz += 1;
      if (!ok) figures.failedHealthz += 1;
    }),
    every(1000, scrapeLag),
    every(200, async () => {
      const tree = processTreeMemory(pid);
      const own = Number((await readFile(`/proc/${pid}/statm`, 'utf8')).split(' ')[1]) * 4096;
      figures.workerRss = Math.max(figures.workerRss, own);
      figures.treeRss = Math.max(figures.treeRss, tree.rss);
      figures.treePss = Math.max(figures.treePss, tree.pss);
    }),
  ];
  const create = async (path: string) => {
    const { id } = await bench.server.client.job.create.mutate({
      url: `${bench.site.url}/${path}?t=${Date.now()}`,
    });
    return { id, created: performance.now() };
  };
  const [hostileJob, normalJob] = await Promise.all([create(page), create('article')]);
  const outcome = async ({ id, created }: { id: string; created: number }): Promise<JobOutcome> => {
    const doc = await waitUntil(
      async () => {
        const d = await bench.db.collection('jobs').findOne({ jobId: id });
        return d && isFinished(d.status) ? d : undefined;
      },
      timeoutMs,
      `job ${id} (${page})`,
    );
    return {
      status: doc.status as string,
      ...(doc.errorCode ? { errorCode: doc.errorCode as string } : {}),
      seconds: Number(((performance.now() - created) / 1000).toFixed(1)),
    };
  };
  let jobs: [JobOutcome, JobOutcome];
  let whileHostile: PairFigures['whileHostile'] | undefined;
  const hostileEnded = outcome(hostileJob).then(async (result) => {
    await scrapeLag();
    whileHostile = {
      maxEventLoopStallMs: Math.round(figures.maxStall),
      maxHealthzMs: Math.round(figures.maxHealthz),
      slowHealthz: figures.slowHealthz,
    };
    return result;
  });
  try {
    jobs = await Promise.all([hostileEnded, outcome(normalJob)]);
  } finally {
    await Promise.all(stops.map((stop) => stop()));
    await scrapeLag();
  }
  const mb = (bytes: number) => Math.round(bytes / 1e6);
  return {
    page,
    hostile: jobs[0],
    normal: jobs[1],
    whileHostile: whileHostile!,
    maxEventLoopStallMs: Math.round(figures.maxStall),
    maxHealthzMs: Math.round(figures.maxHealthz),
    healthzProbes: figures.probes,
    slowHealthz: figures.slowHealthz,
    failedHealthz: figures.failedHealthz,
    peakWorkerRssMB: mb(figures.workerRss),
    peakTreeRssMB: mb(figures.treeRss),
    peakTreePssMB: mb(figures.treePss),
  };
}
