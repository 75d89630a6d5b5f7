import { type ChildProcess, spawn } from 'node:child_process';
import {
  createJobAdmin,
  createJobRuns,
  GridFsVideoStore,
  type JobRuns,
  jobCollections,
  prepareJobCollections,
} from '@movie-generator/jobs';
import { runPipeline, silentLogger } from '@movie-generator/pipeline';
import { collectJsonLines, waitUntil as pollUntil } from '@movie-generator/test-helpers';
import { loadConfig, type WorkerConfig } from '@movie-generator/worker/src/env.ts';
import type { RunPipeline } from '@movie-generator/worker/src/process-job.ts';
import { createWorker, type Worker } from '@movie-generator/worker/src/worker.ts';
import type { Db } from 'mongodb';
import { WORKER_APP_DIR } from './paths.ts';

export interface WorkerSetup {
  uri: string;
  dbName: string;
  workDir: string;
  bundleDir: string;
  maxPending: number;
}

/** Worker environment for test-sized jobs: 320×180, three short sections, quick polling and retries. */
export function workerEnv(setup: WorkerSetup, env: Record<string, string> = {}): Record<string, string> {
  return {
    MONGODB_URI: setup.uri,
    MONGODB_DB: setup.dbName,
    WORK_DIR: setup.workDir,
    ALLOW_PRIVATE_NETWORK: 'true',
    SCRIPT_MAX_SECTIONS: '3',
    SCRIPT_CHAR_BUDGET: '100',
    PIPELINE_FRAME: '320x180',
    REMOTION_BUNDLE_DIR: setup.bundleDir,
    WORKER_CONCURRENCY: '1',
    QUEUE_POLL_MS: '200',
    CANCEL_POLL_MS: '500',
    RETRY_BACKOFF_MS: '300,600',
    MAX_PENDING_JOBS: String(setup.maxPending),
    WORKER_METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
    ...env,
  };
}

export interface InProcessWorker {
  worker: Worker;
  config: WorkerConfig;
  runs: JobRuns;
}

/** The real worker (Agenda, processJob, the pipeline) in this process, over `db`. */
export async function startInProcessWorker(
  db: Db,
  setup: WorkerSetup,
  env: Record<string, string> = {},
  run: RunPipeline = runPipeline,
): Promise<InProcessWorker> {
  const config = loadConfig(workerEnv(setup, env));
  const jobs = jobCollections(db);
  await prepareJobCollections(jobs, config.jobs);
  const runs = createJobRuns(jobs, config.jobs);
  const worker = createWorker({
    runs,
    admin: createJobAdmin(jobs, config.jobs),
    videoStore: new GridFsVideoStore(db),
    runPipeline: run,
    config,
    log: silentLogger,
  });
  await worker.start();
  return { worker, config, runs };
}

export async function stopInProcessWorker(w: InProcessWorker | undefined): Promise<void> {
  if (!w) return;
  w.worker.interrupt();
  await w.worker.stop(0);
}

export interface ChildWorker {
  process: ChildProcess;
  /** Parsed pino lines so far. */
  logs: Record<string, unknown>[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** Kills its whole process group (Chromium, ffmpeg, open_jtalk included). */
  kill(signal: NodeJS.Signals): void;
}

/** `apps/worker/src/main.ts` in a process group of its own, as a deployment runs it. */
export async function startChildWorker(
  setup: WorkerSetup,
  env: Record<string, string>,
): Promise<ChildWorker> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: WORKER_APP_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...workerEnv(setup, { LOG_LEVEL: 'info', ...env }),
    },
  });
  const logs = collectJsonLines(child.stdout!);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  const worker: ChildWorker = {
    process: child,
    logs,
    stderr: () => stderr,
    exited,
    alive,
    kill: (signal) => {
      if (alive()) process.kill(-child.pid!, signal);
    },
  };
  await Promise.race([
    waitUntil(() => logs.some((l) => l.msg === 'worker: started'), 120_000, 'the child worker to start'),
    exited.then(({ code }) => {
      throw new Error(
        `the child worker exited (${code}) before starting: ${stderr.slice(-2000)} ${JSON.stringify(logs.slice(-5)).slice(-3000)}`,
      );
    }),
  ]);
  return worker;
}

/** Polls `check` every 100 ms (the fault tests watch whole processes) until it is not undefined/false. */
export function waitUntil<T>(
  check: () => T | Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<Exclude<T, false | undefined>> {
  return pollUntil(check, timeoutMs, what, 100);
}
