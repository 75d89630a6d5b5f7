import {
  CLEANUP,
  createQueue,
  GENERATE_VIDEO,
  type GenerateVideoData,
  type JobAdmin,
  type JobRuns,
  type VideoStore,
} from '@movie-generator/jobs';
import type { Agenda, Job } from 'agenda';
import type { Logger } from 'pino';
import { type CleanupReport, runCleanup } from './cleanup.ts';
import type { WorkerConfig } from './env.ts';
import type { WorkerMetrics } from './metrics.ts';
import { processJob, processJobConfig, type RunPipeline } from './process-job.ts';
import { sleep } from './retry.ts';

export type WorkerSettings = Pick<
  WorkerConfig,
  | 'workerId'
  | 'concurrency'
  | 'lockLifetimeMs'
  | 'queuePollMs'
  | 'maxJobStarts'
  | 'workDir'
  | 'retry'
  | 'pipeline'
  | 'progressIntervalMs'
  | 'cancelPollMs'
  | 'cleanup'
>;

export interface WorkerDeps {
  /** Starts, advances, completes and fails the jobs this worker runs. */
  runs: JobRuns;
  /** Finds and removes expired jobs for the cleanup. */
  admin: JobAdmin;
  videoStore: VideoStore;
  runPipeline: RunPipeline;
  config: WorkerSettings;
  log: Logger;
  metrics?: WorkerMetrics;
  /** The queue; by default a new Agenda on the jobs' database. */
  queue?: Agenda;
}

export interface Worker {
  readonly queue: Agenda;
  readonly workerId: string;
  /** Defines the jobs, schedules the cleanup and starts taking jobs. */
  start(): Promise<void>;
  /**
   * Stops taking jobs and waits up to `graceMs` for the running ones to finish. Jobs still
   * running then are interrupted: their pipeline is aborted and they go back to the queue,
   * due at once, for another worker to start over.
   */
  stop(graceMs: number): Promise<void>;
  /** Interrupts running jobs now (a second shutdown signal); ends a `stop` that is waiting. */
  interrupt(): void;
  runningJobs(): number;
  draining(): boolean;
  cleanup(): Promise<CleanupReport>;
}

/** How long interrupted handlers get to return their jobs to the queue before shutdown goes on. */
const INTERRUPT_WAIT_MS = 15_000;

/** A worker on the Agenda queue: `generate-video` jobs (WORKER_CONCURRENCY at once) and the `cleanup` schedule. */
export function createWorker(deps: WorkerDeps): Worker {
  const { config } = deps;
  const log = deps.log.child({ workerId: config.workerId });
  const queue =
    deps.queue ??
    createQueue(deps.runs.c.db, { processEvery: config.queuePollMs, lockLifetimeMs: config.lockLifetimeMs });
  const interrupt = new AbortController();
  const waitCut = new AbortController();
  const running = new Set<Promise<void>>();
  const workDirs = new Map<string, string>();
  let stopping: Promise<void> | null = null;

  queue.on('error', (error) => log.error({ err: error }, 'queue error'));
  queue.on('fail', (error, job) => log.error({ err: error, job: job.attrs?.name }, 'queue: handler threw'));

  const runJob = async (agendaJob: Job<GenerateVideoData>): Promise<void> => {
    const { jobId } = agendaJob.attrs.data;
    let handedBack = false;
    const outcome = await processJob(
      jobId,
      {
        store: deps.runs,
        videoStore: deps.videoStore,
        runPipeline: deps.runPipeline,
        log,
        metrics: deps.metrics,
        config: processJobConfig(config),
      },
      {
        interrupt: interrupt.signal,
        keepAlive: async () => {
          const givenUp = () => agendaJob.getCanceledMessage() !== undefined;
          if (givenUp())
            throw new Error(`the queue gave the job up: ${String(agendaJob.getCanceledMessage())}`);
          try {
            await agendaJob.touch();
          } catch (error) {
            if (givenUp()) throw error;
            log.warn({ err: error, jobId }, 'queue: lock renewal failed; trying again on the next heartbeat');
          }
        },
        onWorkDir: (dir) => (dir ? workDirs.set(jobId, dir) : workDirs.delete(jobId)),
        draining: () => stopping !== null,
        onHandBack: () => {
          handedBack = true;
        },
      },
    );
    if (outcome !== 'interrupted') return;
    if (interrupt.signal.aborted || handedBack) {
      // Due again at once: Agenda saves this with the unlock that follows the handler.
      agendaJob.attrs.nextRunAt = new Date();
      log.info({ jobId }, 'job: returned to the queue');
      return;
    }
    // Another worker owns the job now. Throwing keeps Agenda from deleting the queue entry
    // (removeOnComplete) that the other worker is still using.
    throw new Error(`job ${jobId} was taken over by another worker`);
  };

  queue.define<GenerateVideoData>(
    GENERATE_VIDEO,
    async (agendaJob) => {
      const task = runJob(agendaJob);
      running.add(task);
      try {
        await task;
      } finally {
        running.delete(task);
      }
    },
    // lockLimit = concurrency: a worker never holds jobs it cannot start while another is idle.
    {
      concurrency: config.concurrency,
      lockLimit: config.concurrency,
      lockLifetime: config.lockLifetimeMs,
      removeOnComplete: true,
    },
  );

  const cleanup = () =>
    runCleanup({
      admin: deps.admin,
      runs: deps.runs,
      videoStore: deps.videoStore,
      log,
      workDir: config.workDir,
      workDirMaxAgeMs: config.cleanup.workDirMaxAgeMs,
      stuckJobMs: config.cleanup.stuckJobMs,
      activeWorkDirs: () => workDirs.values(),
      removeQueueEntries: async (jobId) => {
        await queue.cancel({ name: GENERATE_VIDEO, data: { jobId } });
      },
    });

  queue.define(
    CLEANUP,
    async () => {
      await cleanup();
    },
    { concurrency: 1, lockLifetime: 10 * 60_000 },
  );

  return {
    queue,
    workerId: config.workerId,
    async start() {
      await queue.start();
      await queue.every(config.cleanup.interval, CLEANUP);
      log.info({ concurrency: config.concurrency, lockLifetimeMs: config.lockLifetimeMs }, 'worker: started');
    },
    stop(graceMs) {
      stopping ??= (async () => {
        // Stop polling and release jobs locked but not yet started; running handlers go on.
        await queue.stop(false);
        if (running.size > 0) {
          log.info({ running: running.size, graceMs }, 'worker: waiting for running jobs');
          await Promise.race([Promise.allSettled([...running]), sleep(graceMs, waitCut.signal)]);
        }
        if (running.size > 0) {
          log.warn({ running: running.size }, 'worker: interrupting running jobs; they go back to the queue');
          interrupt.abort();
          await Promise.race([Promise.allSettled([...running]), sleep(INTERRUPT_WAIT_MS)]);
        }
        log.info('worker: stopped');
      })();
      return stopping;
    },
    interrupt() {
      interrupt.abort();
      waitCut.abort();
    },
    runningJobs: () => running.size,
    draining: () => stopping !== null,
    cleanup,
  };
}
