/**
 * `npm run bench:progress [-- --size 720p|1080p] [--vertical] [--renderer fast|full] [--jobs N]
 * [--article ja|en]`
 *
 * A fresh install's first job, watched as the web app sees it: an empty database (no
 * stage_timings), a fresh worker process (`src/main.ts`, offline voices, the default renderer),
 * and the bundled sample article served on 127.0.0.1. The job is created like the server creates
 * one, once the worker has started; every 0.5 s its view (the percent and ETA that `job.get`
 * returns) is compared with the real elapsed share of the job (startedAt → completedAt) and the
 * real time left. Prints the maximum and mean deviation and writes
 * bench-results/first-job-progress.json. With `--jobs N`, N jobs run one after another on the
 * same worker and database (the second onwards weighs its bands by the measured times).
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createJobIntake,
  createQueue,
  enqueueGenerateVideo,
  isFinished,
  type JobIntake,
  jobCollections,
  prepareJobCollections,
  type StageTimingDocument,
} from '@movie-generator/jobs';
import { DEFAULT_VIDEO_SIZE, VideoSizeSchema } from '@movie-generator/pipeline';
import {
  collectJsonLines,
  makeTempDir,
  startHttpServer,
  startTestMongo,
  waitUntil,
} from '@movie-generator/test-helpers';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: DEFAULT_VIDEO_SIZE },
    vertical: { type: 'boolean', default: false },
    renderer: { type: 'string', default: 'fast' },
    jobs: { type: 'string', default: '1' },
    article: { type: 'string', default: 'ja' },
    'sample-ms': { type: 'string', default: '500' },
  },
});
const size = VideoSizeSchema.parse(values.size);
const renderer = values.renderer === 'full' ? 'full' : 'fast';
const jobCount = Math.max(1, Number(values.jobs));
const sampleMs = Math.max(100, Number(values['sample-ms']));

const appDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(appDir, '../../bench-results');
const articleFile = values.article === 'en' ? 'en.html' : 'ja-utf8.html';
const html = await readFile(join(appDir, '../../packages/pipeline/fixtures/articles', articleFile));

type JobView = NonNullable<Awaited<ReturnType<JobIntake['view']>>>;

const round = (n: number, d = 1) => Number(n.toFixed(d));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sample {
  /** Seconds since the job started (its startedAt). */
  sec: number;
  step: string | null;
  /** The percent the web app shows. */
  percent: number;
  /** Elapsed ÷ the job's real total, 0–100. */
  elapsedPercent: number;
  /** The ETA the web app shows, and the real time left, in seconds. */
  etaSec: number | null;
  leftSec: number;
}

const loadBefore = loadavg();
const mongo = await startTestMongo();
const site = await startHttpServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
const work = await makeTempDir('mg-bench-progress-');
// The server's side: creates jobs and answers job.get (its ETA uses the same figures as the page).
const serverJobs = {
  dailyLimit: 0,
  maxPending: 20,
  retentionMs: 3600_000,
  totalConcurrency: 2,
  typicalJobSec: 60,
};
await prepareJobCollections(jobCollections(mongo.db), serverJobs);
const serverStore = createJobIntake(jobCollections(mongo.db), serverJobs);
const queue = createQueue(mongo.db);
await queue.ready;

// A worker process as `npm start` runs it: defaults except the database, loopback pages and the
// work directory. Only PATH and HOME are passed on, so no API key turns the offline voices off.
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: appDir,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    MONGODB_URI: mongo.uri,
    MONGODB_DB: mongo.dbName,
    WORK_DIR: work.dir,
    ALLOW_PRIVATE_NETWORK: 'true',
    WORKER_METRICS_PORT: '0',
    RENDERER: renderer,
    LOG_LEVEL: 'info',
  },
});
const logs = collectJsonLines(child.stdout!);
let stderr = '';
child.stderr!.on('data', (chunk: Buffer) => {
  stderr = (stderr + chunk.toString()).slice(-20_000);
});
const alive = () => child.exitCode === null && child.signalCode === null;

const jobs: Record<string, unknown>[] = [];
try {
  const workerStarted = performance.now();
  await waitUntil(
    () => {
      if (!alive()) throw new Error(`the worker exited: ${stderr.slice(-2000)}`);
      return logs.some((l) => l.msg === 'worker: started');
    },
    180_000,
    'the worker to start',
  );
  const warmupSec = logs.find((l) => l.msg === 'worker: renderer ready')?.seconds as number | undefined;
  console.error(`[bench] worker started in ${round((performance.now() - workerStarted) / 1000)} s`);

  for (let n = 1; n <= jobCount; n++) {
    const timingsBefore = await mongo.db.collection<StageTimingDocument>('stage_timings').findOne({});
    const { id } = await serverStore.create(
      { url: `${site.url}/article?n=${n}`, size, vertical: values.vertical },
      `192.0.2.${n}`,
      (jobId) => enqueueGenerateVideo(queue, jobId),
    );
    const raw: { at: number; view: JobView }[] = [];
    let view: JobView | null = null;
    for (;;) {
      view = await serverStore.view(id);
      if (!view) throw new Error(`job ${id} vanished`);
      if (view.status === 'processing') raw.push({ at: Date.now(), view });
      if (isFinished(view.status)) break;
      if (!alive()) throw new Error(`the worker exited: ${stderr.slice(-2000)}`);
      await sleep(sampleMs);
    }
    if (view.status !== 'completed')
      throw new Error(`job ${n} ended ${view.status}: ${JSON.stringify(view)}`);
    const start = Date.parse(view.startedAt!);
    const end = Date.parse(view.completedAt!);
    const totalSec = (end - start) / 1000;
    const samples: Sample[] = raw.map(({ at, view: v }) => ({
      sec: round((at - start) / 1000, 2),
      step: v.step,
      percent: v.progress,
      elapsedPercent: round((100 * Math.min(end - start, Math.max(0, at - start))) / (end - start), 2),
      etaSec: v.etaSec,
      leftSec: round(Math.max(0, end - at) / 1000, 2),
    }));
    const deviations = samples.map((s) => Math.abs(s.percent - s.elapsedPercent));
    // Smoothness: the largest rise between two samples and the longest time the percent stood still.
    let maxRise = 0;
    let longestStillSec = 0;
    let stillSince = samples[0]?.sec ?? 0;
    for (let i = 1; i < samples.length; i++) {
      maxRise = Math.max(maxRise, samples[i]!.percent - samples[i - 1]!.percent);
      if (samples[i]!.percent !== samples[i - 1]!.percent) stillSince = samples[i]!.sec;
      longestStillSec = Math.max(longestStillSec, samples[i]!.sec - stillSince);
    }
    const etaErrors = samples.filter((s) => s.etaSec !== null).map((s) => Math.abs(s.etaSec! - s.leftSec));
    const doc = await mongo.db.collection('jobs').findOne({ jobId: id });
    // The worker adds the job's store time to the running totals when it completes.
    const timingsAfter = await waitUntil(
      async () =>
        (await mongo.db.collection<StageTimingDocument>('stage_timings').findOne({ n })) ?? undefined,
      10_000,
      'the stage times of the job',
    );
    const storeSec = (timingsAfter.sec.store ?? 0) - (timingsBefore?.sec.store ?? 0);
    const completed = logs.findLast((l) => l.msg === 'job: completed' && l.jobId === id);
    const rendered = logs.findLast((l) => l.msg === 'render: done' && l.jobId === id);
    const figures = {
      job: n,
      language: view.language,
      measuredBefore: timingsBefore !== null,
      totalSec: round(totalSec, 2),
      expectedSec: doc?.expectedSec ?? null,
      videoDurationSec: round(view.durationSec ?? 0, 1),
      samples: samples.length,
      maxDeviation: round(Math.max(...deviations)),
      meanDeviation: round(deviations.reduce((a, b) => a + b, 0) / deviations.length),
      maxRise,
      longestStillSec: round(longestStillSec),
      maxEtaErrorSec: etaErrors.length ? round(Math.max(...etaErrors)) : null,
      meanEtaErrorSec: etaErrors.length
        ? round(etaErrors.reduce((a, b) => a + b, 0) / etaErrors.length)
        : null,
      stageSeconds: Object.fromEntries(
        Object.entries({ ...(completed?.stageSeconds as Record<string, number>), store: storeSec }).map(
          ([k, v]) => [k, round(v, 2)],
        ),
      ),
      render: rendered
        ? {
            framesRendered: rendered.framesRendered,
            renderSec: round(rendered.renderSec as number, 2),
            encodeSec: round(rendered.encodeSec as number, 2),
          }
        : null,
      rows: samples,
    };
    jobs.push(figures);
    console.error(
      `[bench] job ${n}: ${figures.totalSec} s (expected ${figures.expectedSec} s), ${samples.length} samples, ` +
        `deviation max ${figures.maxDeviation} / mean ${figures.meanDeviation} points, ` +
        `largest rise ${maxRise} points, still for ${figures.longestStillSec} s at most, ` +
        `ETA error max ${figures.maxEtaErrorSec} / mean ${figures.meanEtaErrorSec} s`,
    );
  }

  const timing = await mongo.db.collection<StageTimingDocument>('stage_timings').findOne({});
  const report = {
    recordedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      node: process.version,
      loadAverageBefore: loadBefore.map((l) => round(l, 2)),
      loadAverageAfter: loadavg().map((l) => round(l, 2)),
    },
    size,
    vertical: values.vertical,
    renderer,
    article: articleFile,
    sampleMs,
    workerWarmupSec: warmupSec === undefined ? null : round(warmupSec, 2),
    stageTimings: timing ? { key: timing.key, n: timing.n, sec: timing.sec } : null,
    jobs,
  };
  await mkdir(outDir, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  await writeFile(join(outDir, 'first-job-progress.json'), `${json}\n`);
  const { jobs: _rows, ...summary } = report;
  console.log(
    JSON.stringify(
      { ...summary, jobs: jobs.map(({ rows: _r, ...rest }) => rest) },
      (_k, v) => (v === undefined ? null : v),
      2,
    ),
  );
  console.error(`[bench] → ${join(outDir, 'first-job-progress.json')}`);
} finally {
  // The worker's whole process group (Chromium, ffmpeg, open_jtalk), then what this process opened.
  if (alive()) process.kill(-child.pid!, 'SIGTERM');
  await Promise.race([
    new Promise((r) => child.once('exit', r)),
    sleep(15_000).then(() => alive() && process.kill(-child.pid!, 'SIGKILL')),
  ]);
  await queue.stop().catch(() => undefined);
  await site.close();
  await mongo.stop();
  await work.cleanup();
}
