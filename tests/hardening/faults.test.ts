// Faults with real processes: a worker killed mid-render, a worker told to stop mid-render,
// MongoDB going away (and coming back with or without its data), broken speech and script
// services, a full disk. Each ends with the count of jobs lost or stuck, which must be 0.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createJobAdmin, createJobRuns, GridFsVideoStore, jobCollections } from '@movie-generator/jobs';
import {
  closeRenderer,
  getBundle,
  PIPELINE_ERRORS,
  type PipelineErrorCode,
  silentLogger,
} from '@movie-generator/pipeline';
import { startTestServer, type TestServer } from '@movie-generator/server/src/testing/test-server.ts';
import { processGroupMembers } from '@movie-generator/test-helpers';
import { runCleanup } from '@movie-generator/worker/src/cleanup.ts';
import { loadConfig } from '@movie-generator/worker/src/env.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from './support/figures.ts';
import { type HostileSite, startHostileSite } from './support/hostile-site.ts';
import { type RestartableMongo, startRestartableMongo } from './support/mongo.ts';
import { leftoverWorkDirs, lostOrStuck, residue } from './support/residue.ts';
import { startBrokenService } from './support/stubs.ts';
import {
  type ChildWorker,
  type InProcessWorker,
  startChildWorker,
  startInProcessWorker,
  stopInProcessWorker,
  type WorkerSetup,
  waitUntil,
  workerEnv,
} from './support/workers.ts';

const FINAL = ['completed', 'failed', 'cancelled'];
const run = promisify(execFile);

let mongo: RestartableMongo;
let server: TestServer;
let site: HostileSite;
let workDir: string;
let setup: WorkerSetup;
let jobCount = 0;
const children: ChildWorker[] = [];
const inProcess: InProcessWorker[] = [];
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  const [m, s, bundleDir, dir] = await Promise.all([
    startRestartableMongo(),
    startHostileSite(),
    getBundle(),
    mkdtemp(join(tmpdir(), 'mg-hardening-faults-')),
  ]);
  [mongo, site, workDir] = [m, s, dir];
  setup = { uri: mongo.uri, dbName: mongo.dbName, workDir, bundleDir, maxPending: 20 };
  server = await startTestServer(mongo.db, {
    ALLOW_PRIVATE_NETWORK: 'true',
    MAX_PENDING_JOBS: '20',
    DAILY_JOB_LIMIT: '1000',
    // The tests poll every 100 ms, far more than a browser (every 2 s).
    API_RATE_LIMIT_PER_MIN: '0',
  });
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.exited;
  }
  for (const w of inProcess.splice(0)) await stopInProcessWorker(w);
});
afterAll(async () => {
  await recordFigures('faults', figures);
  await server?.close();
  await site?.close();
  await mongo?.close();
  await rm(workDir, { recursive: true, force: true });
  await closeRenderer();
});

/** A job for the local article, created through the API like a user would. */
async function createJob(): Promise<string> {
  jobCount += 1;
  const { id } = await server.client.job.create.mutate({ url: `${site.url}/article?n=${jobCount}` });
  return id;
}

const job = async (id: string) => {
  const doc = await mongo.db.collection('jobs').findOne({ jobId: id });
  if (!doc) throw new Error(`job ${id} is gone`);
  return doc;
};

async function waitForJob(id: string, until: (doc: Record<string, unknown>) => boolean, timeoutMs = 180_000) {
  return waitUntil(
    async () => {
      const doc = await mongo.db
        .collection('jobs')
        .findOne({ jobId: id })
        .catch(() => null);
      return doc && until(doc) ? doc : undefined;
    },
    timeoutMs,
    `job ${id}`,
  );
}

const finished = (id: string, timeoutMs?: number) =>
  waitForJob(id, (d) => FINAL.includes(d.status as string), timeoutMs);

async function child(env: Record<string, string>): Promise<ChildWorker> {
  const started = await startChildWorker(setup, env);
  children.push(started);
  return started;
}

async function worker(env: Record<string, string>): Promise<InProcessWorker> {
  const started = await startInProcessWorker(mongo.db, setup, env);
  inProcess.push(started);
  return started;
}

/** Prints and records the jobs lost or stuck; the test asserts it is 0. */
async function lostCount(fault: string, ids: string[], extra: Record<string, unknown> = {}): Promise<number> {
  const { lost, stuck } = await lostOrStuck(mongo.db, ids);
  const count = lost.length + stuck.length;
  const statuses = await mongo.db
    .collection('jobs')
    .find({ jobId: { $in: ids } })
    .project({ _id: 0, jobId: 1, status: 1, errorCode: 1, attempts: 1 })
    .toArray();
  console.log(`[hardening] ${fault}: jobs lost or stuck = ${count}`);
  figures[fault] = { jobs: ids.length, lostOrStuck: count, statuses, ...extra };
  return count;
}

describe('a worker killed mid-render', () => {
  it('another worker takes the job up after the lock lifetime and completes it; cleanup leaves no orphan', async () => {
    const doomed = await child({ WORKER_ID: 'w-doomed', LOCK_LIFETIME_MS: '4000' });
    const id = await createJob();
    await waitForJob(id, (d) => d.workerId === 'w-doomed');
    // The heir is up before the kill, so the takeover time is the lock's, not a start-up's.
    const heir = await child({ WORKER_ID: 'w-heir', LOCK_LIFETIME_MS: '4000' });
    await waitForJob(id, (d) => d.currentStep === 'render' || FINAL.includes(d.status as string));
    expect((await job(id)).status).toBe('processing');

    const pgid = doomed.process.pid!;
    doomed.kill('SIGKILL');
    const killedAt = Date.now();
    expect((await doomed.exited).signal).toBe('SIGKILL');
    await waitUntil(
      async () => (await processGroupMembers(pgid)).length === 0,
      15_000,
      'the killed group to go',
    );
    expect((await leftoverWorkDirs(workDir)).filter((d) => d.includes(id))).toHaveLength(1);

    await waitForJob(id, (d) => d.workerId === 'w-heir', 30_000);
    const takeoverMs = Date.now() - killedAt;
    const doc = await finished(id);
    expect(doc).toMatchObject({ status: 'completed', workerId: 'w-heir', attempts: 2, errorCode: null });
    expect(heir.alive()).toBe(true);

    // The dead worker's directory is the cleanup's to remove; nothing else is left.
    const report = await runCleanup({
      admin: createJobAdmin(jobCollections(mongo.db), loadConfig(workerEnv(setup)).jobs),
      runs: createJobRuns(jobCollections(mongo.db), loadConfig(workerEnv(setup)).jobs),
      videoStore: new GridFsVideoStore(mongo.db),
      log: silentLogger,
      workDir,
      workDirMaxAgeMs: 0,
      stuckJobMs: 30 * 60_000,
    });
    expect(report.workDirsRemoved).toBe(1);
    expect(await leftoverWorkDirs(workDir)).toEqual([]);
    const left = await residue(mongo.db, workDir);
    expect(left).toMatchObject({ slotsHeld: 0, videoFiles: 1, workDirs: [] });
    expect(await orphanChunks()).toBe(0);
    expect(await lostCount('SIGKILL mid-render', [id], { takeoverMs })).toBe(0);
  });
});

describe('a worker told to stop (SIGTERM) mid-render', () => {
  it('signalled alone (as Kubernetes and Docker do): finishes the running job, takes no new one, exits 0', async () => {
    const leaving = await child({ WORKER_ID: 'w-term', SHUTDOWN_GRACE_MS: '120000' });
    const first = await createJob();
    await waitForJob(
      first,
      (d) => d.workerId === 'w-term' && ['slides', 'render'].includes(d.currentStep as string),
    );
    const signalledAt = Date.now();
    leaving.process.kill('SIGTERM');
    const second = await createJob();

    const { code } = await leaving.exited;
    expect(code).toBe(0);
    const drainMs = Date.now() - signalledAt;
    expect(await job(first)).toMatchObject({ status: 'completed', workerId: 'w-term', attempts: 1 });
    expect(await job(second)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(leaving.logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['worker: stopped', 'worker: bye']),
    );
    // Nothing it started outlives it (tsx's esbuild helper takes a moment to notice).
    await waitUntil(
      async () => (await processGroupMembers(leaving.process.pid!)).length === 0,
      10_000,
      'its process group to go',
    );
    await mongo.db.collection('jobs').updateOne({ jobId: second }, { $set: { status: 'cancelled' } });
    expect(await leftoverWorkDirs(workDir)).toEqual([]);
    expect(await lostCount('SIGTERM to the worker process', [first], { drainMs })).toBe(0);
  });

  it('signalled with its whole process group (Ctrl-C, systemd): its tools die, the job goes back to the queue, not to failed', async () => {
    // A 720p render lasts several seconds, so the signal lands while the tools still run (at
    // 320×180 the job could finish first, and the drain would complete it instead).
    const leaving = await child({
      WORKER_ID: 'w-group',
      SHUTDOWN_GRACE_MS: '120000',
      PIPELINE_FRAME: '1280x720',
    });
    const id = await createJob();
    await waitForJob(id, (d) => d.workerId === 'w-group' && d.currentStep === 'render');
    // Signal while the encoder runs: between tools (say, while pictures download) the drain could
    // finish the job instead, which is right but not what this test is about.
    await waitUntil(
      async () => (await processGroupMembers(leaving.process.pid!)).some((c) => c.startsWith('ffmpeg')),
      120_000,
      'ffmpeg to run in the worker’s process group',
    );
    const signalledAt = Date.now();
    leaving.kill('SIGTERM');
    const { code } = await leaving.exited;
    expect(code).toBe(0);
    const exitMs = Date.now() - signalledAt;
    // ffmpeg or Chromium died with the group; the job was handed back, not failed.
    expect(await job(id)).toMatchObject({ status: 'processing', workerId: 'w-group', errorCode: null });
    expect(leaving.logs.some((l) => l.jobId === id && l.msg === 'job: returned to the queue')).toBe(true);

    await worker({ WORKER_ID: 'w-next' });
    expect(await finished(id)).toMatchObject({ status: 'completed', workerId: 'w-next', attempts: 2 });
    expect(await leftoverWorkDirs(workDir)).toEqual([]);
    expect(await lostCount('SIGTERM to the process group', [id], { exitMs })).toBe(0);
  });
});

describe('MongoDB goes away during processing', () => {
  async function readyz(): Promise<number> {
    const res = await fetch(`${server.url}/readyz`).catch(() => null);
    return res?.status ?? 0;
  }

  it('restarted with its data: /readyz goes 503 then 200, the worker reconnects and the job completes', async () => {
    const w = await child({ WORKER_ID: 'w-outage', LOCK_LIFETIME_MS: '30000' });
    const id = await createJob();
    await waitForJob(
      id,
      (d) => d.workerId === 'w-outage' && ['audio', 'slides', 'render'].includes(d.currentStep as string),
    );
    expect(await readyz()).toBe(200);

    // Down for 6 s, and in any case until the worker has run into the outage and said so: a
    // worker between two polls could otherwise sleep through a short one.
    const noticed = () => w.logs.some((l) => l.level === 40 || l.level === 50);
    const restart = mongo.restart({
      downMs: 6000,
      whileDown: () => waitUntil(noticed, 30_000, 'the worker to log the outage'),
    });
    const downSeen = await waitUntil(async () => (await readyz()) === 503, 10_000, '/readyz to answer 503');
    // An API call during the outage fails in bounded time with the INTERNAL error, not a hang.
    const apiStarted = Date.now();
    const during = await server.client.job.get.query({ id }).then(
      () => 'answered',
      (error: unknown) => (error as { data?: { appCode?: string } }).data?.appCode ?? 'error',
    );
    const apiDuringOutageMs = Date.now() - apiStarted;
    await restart;
    await waitUntil(async () => (await readyz()) === 200, 30_000, '/readyz to answer 200 again');

    const doc = await finished(id);
    expect(downSeen).toBe(true);
    expect(doc).toMatchObject({ status: 'completed', workerId: 'w-outage' });
    expect(w.alive()).toBe(true);
    // The worker noticed, said so in its logs, and carried on.
    expect(noticed()).toBe(true);
    expect(await leftoverWorkDirs(workDir)).toEqual([]);
    expect(
      await lostCount('MongoDB restart (data kept)', [id], { apiDuringOutage: during, apiDuringOutageMs }),
    ).toBe(0);
  });

  it('replaced by an empty one (in-memory data lost): the worker drops the vanished job cleanly and new jobs run', async () => {
    // At 720p the job is still running when the server goes (at 320×180 it could be done).
    const w = await child({ WORKER_ID: 'w-amnesia', LOCK_LIFETIME_MS: '30000', PIPELINE_FRAME: '1280x720' });
    const vanished = await createJob();
    await waitForJob(
      vanished,
      (d) => d.workerId === 'w-amnesia' && ['audio', 'slides', 'render'].includes(d.currentStep as string),
    );

    await mongo.stopServer();
    await waitUntil(async () => (await readyz()) === 503, 10_000, '/readyz to answer 503');
    await new Promise((r) => setTimeout(r, 2000));
    await mongo.startEmpty();
    await waitUntil(async () => (await readyz()) === 200, 30_000, '/readyz to answer 200 again');

    // The job's record is gone with the data; its worker must stop it and remove its files: while
    // it runs (the watch finds no document), or, had the video been made meanwhile, when the
    // completion finds no job (the video is then removed).
    const dropped = ['job: stopping', 'job: stopped after rendering; video removed'];
    await waitUntil(
      () => w.logs.some((l) => l.jobId === vanished && dropped.includes(l.msg as string)),
      60_000,
      'the worker to drop the vanished job',
    ).catch((error: unknown) => {
      const said = w.logs.filter((l) => l.jobId === vanished).map((l) => l.msg);
      throw new Error(`${String(error)}; the job's log: ${JSON.stringify(said)}`);
    });
    await waitUntil(async () => (await leftoverWorkDirs(workDir)).length === 0, 30_000, 'its work dir to go');
    expect(w.alive()).toBe(true);

    // The service works again: a new job is accepted and completed by the same worker process.
    const fresh = await createJob();
    const doc = await finished(fresh);
    expect(doc).toMatchObject({ status: 'completed', workerId: 'w-amnesia' });
    expect(await leftoverWorkDirs(workDir)).toEqual([]);
    // The vanished job's record went with the database (by design: in-memory); nothing is stuck.
    const { stuck } = await lostOrStuck(mongo.db, [vanished, fresh]);
    expect(stuck).toEqual([]);
    expect(await lostCount('MongoDB replaced empty (data lost)', [fresh], { vanishedWithData: 1 })).toBe(0);
  });
});

describe('speech and script services that fail', () => {
  it.each([
    {
      fault: 'VOICEVOX answers 500',
      mode: 'error' as const,
      env: (url: string) => ({ TTS_PROVIDER: 'voicevox', VOICEVOX_URL: url }),
      code: 'AUDIO_FAILED' as PipelineErrorCode,
      // 3 tries per request (2 retries inside the adapter) × 3 runs (2 job retries).
      requests: 9,
    },
    {
      fault: 'VOICEVOX never answers',
      mode: 'hang' as const,
      env: (url: string) => ({ TTS_PROVIDER: 'voicevox', VOICEVOX_URL: url, STAGE_TIMEOUT_AUDIO_MS: '3000' }),
      code: 'TIMEOUT' as PipelineErrorCode,
      requests: 1,
    },
    {
      fault: 'the LLM answers 500',
      mode: 'error' as const,
      env: (url: string) => ({ SCRIPT_PROVIDER: 'llm', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: url }),
      code: 'SCRIPT_FAILED' as PipelineErrorCode,
      // 3 tries per completion (the SDK's 2 retries) × 3 runs.
      requests: 9,
    },
    {
      fault: 'the LLM never answers',
      mode: 'hang' as const,
      env: (url: string) => ({
        SCRIPT_PROVIDER: 'llm',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: url,
        STAGE_TIMEOUT_SCRIPT_MS: '3000',
      }),
      code: 'TIMEOUT' as PipelineErrorCode,
      requests: 1,
    },
  ])(
    '$fault → bounded retries, then $code with its message',
    async ({ fault, mode, env, code, requests }) => {
      const service = await startBrokenService(mode);
      try {
        await worker({ WORKER_ID: `w-${mode}`, ...env(service.url) });
        const id = await createJob();
        const started = Date.now();
        const doc = await finished(id, 120_000);
        const failAfterMs = Date.now() - started;
        expect(doc).toMatchObject({
          status: 'failed',
          errorCode: code,
          errorMessage: PIPELINE_ERRORS[code],
          video: null,
          attempts: 1,
        });
        expect(service.requests.length).toBe(requests);
        expect(await leftoverWorkDirs(workDir)).toEqual([]);
        expect(await lostCount(fault, [id], { failAfterMs, requests: service.requests.length })).toBe(0);
      } finally {
        await service.close();
      }
    },
  );
});

describe('the work directory runs out of space', () => {
  let mountPoint: string;
  let mounted = false;

  beforeAll(async () => {
    mountPoint = await mkdtemp(join(tmpdir(), 'mg-hardening-full-'));
    // A 1 MiB tmpfs: a job's narration alone needs more. Needs root (CAP_SYS_ADMIN).
    mounted = await run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]).then(
      () => true,
      () => false,
    );
  });
  afterAll(async () => {
    if (mounted) await run('umount', [mountPoint]).catch(() => undefined);
    await rm(mountPoint, { recursive: true, force: true });
  });

  it('fails the job with a clear error and removes what it wrote', async () => {
    // Without root there is no small filesystem to fill: a work dir under a regular file
    // (ENOTDIR) is the stand-in for a disk that refuses writes.
    const target = mounted ? join(mountPoint, 'work') : join(mountPoint, 'not-a-dir', 'work');
    if (!mounted) await writeFile(join(mountPoint, 'not-a-dir'), 'x');
    else await mkdir(target);
    const videosBefore = (await residue(mongo.db)).videoFiles;
    await worker({ WORKER_ID: 'w-full', WORK_DIR: target });
    const id = await createJob();
    const doc = await finished(id, 180_000);
    expect(doc.status).toBe('failed');
    expect(['AUDIO_FAILED', 'SLIDES_FAILED', 'RENDER_FAILED']).toContain(doc.errorCode);
    expect(doc.errorMessage).toEqual(PIPELINE_ERRORS[doc.errorCode as PipelineErrorCode]);
    expect(doc.video).toBeNull();
    if (mounted) {
      expect(await readdir(target)).toEqual([]);
      const { stdout } = await run('df', ['--output=used', '-B1', mountPoint]);
      expect(Number(stdout.trim().split('\n').at(-1))).toBeLessThan(64 * 1024);
    }
    expect((await residue(mongo.db)).videoFiles).toBe(videosBefore);
    expect(
      await lostCount('work dir full', [id], {
        filesystem: mounted ? 'tmpfs 1 MiB' : 'ENOTDIR stand-in',
        errorCode: doc.errorCode,
      }),
    ).toBe(0);
  });
});

/** GridFS chunks whose file is gone. */
async function orphanChunks(): Promise<number> {
  const files = new Set(
    (await mongo.db.collection('videos.files').find().project({ _id: 1 }).toArray()).map((f) =>
      String(f._id),
    ),
  );
  const chunks = await mongo.db.collection('videos.chunks').find().project({ files_id: 1 }).toArray();
  return chunks.filter((c) => !files.has(String(c.files_id))).length;
}
