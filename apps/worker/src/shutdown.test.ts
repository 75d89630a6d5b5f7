import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createJobAdmin } from '@movie-generator/jobs';
import { closeRenderer } from '@movie-generator/pipeline';
import {
  collectJsonLines,
  ffprobe,
  freePort,
  processGroupMembers,
  waitUntil,
} from '@movie-generator/test-helpers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCleanup } from './cleanup.ts';
import { type Harness, quietLog, SERVER_JOBS, startHarness } from './test-support/harness.ts';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const finished = (status: string) => ['completed', 'failed', 'cancelled'].includes(status);

interface ChildWorker {
  process: ChildProcess;
  /** Parsed pino lines written so far. */
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('worker processes: death, takeover and graceful shutdown', () => {
  let h: Harness;
  const children: ChildWorker[] = [];

  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        process.kill(-child.process.pid!, 'SIGKILL');
        await child.exited;
      }
    }
    await h.reset();
  });
  afterAll(async () => {
    await h?.close();
    await closeRenderer();
  });

  /** `tsx src/main.ts` in a process group of its own, configured like the in-process workers. */
  async function startChild(env: Record<string, string>): Promise<ChildWorker> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: APP_DIR,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MONGODB_URI: h.mongo.uri,
        MONGODB_DB: h.mongo.dbName,
        WORK_DIR: h.workDir,
        ALLOW_PRIVATE_NETWORK: 'true',
        SCRIPT_MAX_SECTIONS: '3',
        SCRIPT_CHAR_BUDGET: '100',
        PIPELINE_FRAME: '320x180',
        REMOTION_BUNDLE_DIR: h.bundleDir,
        WORKER_CONCURRENCY: '1',
        QUEUE_POLL_MS: '200',
        WORKER_METRICS_PORT: '0',
        MAX_PENDING_JOBS: '20',
        LOG_LEVEL: 'info',
        ...env,
      },
    });
    const logs = collectJsonLines(child.stdout!);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const worker: ChildWorker = { process: child, logs, exited };
    children.push(worker);
    await Promise.race([
      waitUntil(() => logs.some((l) => l.msg === 'worker: started'), 90_000, 'the child worker to start'),
      exited.then(({ code }) => {
        throw new Error(`the child worker exited (${code}) before starting: ${stderr.slice(-2000)}`);
      }),
    ]);
    return worker;
  }

  it('takes up the job of a SIGKILLed worker after the lock lifetime and completes it', async () => {
    const child = await startChild({ WORKER_ID: 'w-doomed', LOCK_LIFETIME_MS: '4000' });
    const { id } = await h.createJob('/en');
    await h.waitForJob(
      id,
      (d) => d.workerId === 'w-doomed' && (d.currentStep === 'render' || finished(d.status)),
    );
    expect((await h.job(id)).status).toBe('processing');

    const pgid = child.process.pid!;
    process.kill(-pgid, 'SIGKILL');
    const killedAt = Date.now();
    expect((await child.exited).signal).toBe('SIGKILL');
    await waitUntil(
      async () => (await processGroupMembers(pgid)).length === 0,
      10_000,
      'the killed group to go away',
    );
    // The dead worker's files are still there, and the job still looks like its.
    expect((await h.leftoverWorkDirs()).filter((d) => d.includes(id))).toHaveLength(1);
    expect(await h.job(id)).toMatchObject({ status: 'processing', workerId: 'w-doomed', attempts: 1 });
    // Its logs are JSON lines carrying the job id.
    expect(child.logs.some((l) => l.jobId === id && l.msg === 'job: started')).toBe(true);

    await h.startWorker({ WORKER_ID: 'w-heir', LOCK_LIFETIME_MS: '4000' });
    await h.waitForJob(id, (d) => d.workerId === 'w-heir');
    const takenAfterMs = Date.now() - killedAt;
    expect(takenAfterMs).toBeLessThan(4000 + 3000);

    const doc = await h.waitForJob(id, (d) => finished(d.status));
    expect(doc).toMatchObject({ status: 'completed', attempts: 2, workerId: 'w-heir' });
    const file = `${h.workDir}/taken-over.mp4`;
    await h.download(doc.video!, file);
    const probe = await ffprobe(file);
    expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);

    // The leftover directory is the cleanup's job; the heir's own directory is already gone.
    const report = await runCleanup({
      admin: createJobAdmin(h.intake.c, SERVER_JOBS),
      runs: h.runs,
      videoStore: h.videoStore,
      log: quietLog,
      workDir: h.workDir,
      workDirMaxAgeMs: 0,
      stuckJobMs: 30 * 60_000,
    });
    expect(report.workDirsRemoved).toBe(1);
    expect(await h.leftoverWorkDirs()).toEqual([]);
  });

  it('on SIGTERM stops taking jobs, finishes the running one, then exits 0; metrics and health are served', async () => {
    const port = await freePort();
    const child = await startChild({
      WORKER_ID: 'w-term',
      WORKER_METRICS_PORT: String(port),
      SHUTDOWN_GRACE_MS: '120000',
    });
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<
      string,
      unknown
    >;
    expect(health).toEqual({ status: 'ok', workerId: 'w-term', runningJobs: 0, mongo: 'ok' });

    const first = await h.createJob('/en');
    await h.waitForJob(
      first.id,
      (d) => d.workerId === 'w-term' && (d.currentStep === 'slides' || d.currentStep === 'render'),
    );
    const metricsText = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metricsText).toMatch(/^jobs_running 1$/m);
    expect(metricsText).toContain('# TYPE stage_duration_seconds histogram');

    child.process.kill('SIGTERM');
    const second = await h.createJob('/en'); // must not be taken: the worker is draining
    await waitUntil(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        return res ? ((await res.json()) as { status: string }).status === 'draining' : false;
      },
      10_000,
      'draining',
    );

    const { code } = await child.exited;
    expect(code).toBe(0);
    expect(await h.job(first.id)).toMatchObject({ status: 'completed', workerId: 'w-term', attempts: 1 });
    expect(await h.job(second.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(child.logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['worker: shutting down', 'worker: stopped', 'worker: bye']),
    );
    expect(await processGroupMembers(child.process.pid!)).toEqual([]);
  });

  it('returns a job still running when the grace period ends to the queue, where another worker starts it at once', async () => {
    // A long lock lifetime: the job must come back through the reschedule, not through lock expiry.
    const { worker: a, store: storeA } = await h.startWorker({
      WORKER_ID: 'w-leaving',
      LOCK_LIFETIME_MS: '600000',
    });
    const { id } = await h.createJob('/en');
    await h.waitForJob(
      id,
      (d) => d.workerId === 'w-leaving' && (d.currentStep === 'render' || finished(d.status)),
    );

    const stopStarted = performance.now();
    await a.stop(300);
    expect((performance.now() - stopStarted) / 1000).toBeLessThan(6);
    expect(a.runningJobs()).toBe(0);
    expect(await h.job(id)).toMatchObject({ status: 'processing', workerId: 'w-leaving' });
    expect(storeA.writesOf(id).at(-1)?.update.message.en).toMatch(/start over on another worker/);
    expect(await h.leftoverWorkDirs()).toEqual([]);

    const bStarted = Date.now();
    await h.startWorker({ WORKER_ID: 'w-next', LOCK_LIFETIME_MS: '600000' });
    await h.waitForJob(id, (d) => d.workerId === 'w-next', 10_000);
    expect(Date.now() - bStarted).toBeLessThan(5000);
    const doc = await h.waitForJob(id, (d) => finished(d.status));
    expect(doc).toMatchObject({ status: 'completed', attempts: 2, workerId: 'w-next' });
  });
});
