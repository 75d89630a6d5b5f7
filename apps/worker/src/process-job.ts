import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isFinished, type JobDocument, type JobRuns, type VideoStore } from '@movie-generator/jobs';
import {
  PipelineError,
  type PipelineOptions,
  type PipelineResult,
  type StageName,
} from '@movie-generator/pipeline';
import type { Logger } from 'pino';
import { COMPLETION_RETRY, type CompletionRetry, completeDurably } from './complete-job.ts';
import type { WorkerConfig } from './env.ts';
import { ERROR_OF_STEP, returnsDailyJob, STEP_OF_STAGE, toPipelineError } from './job-error.ts';
import { jobPipelineOptions, type SharedPipelineOptions } from './job-options.ts';
import { removeOutputs, type StoredOutputs, storeOutputs } from './job-outputs.ts';
import { JobPace } from './job-pace.ts';
import { type LostReason, watchJob } from './job-watch.ts';
import { workerMsg } from './messages.ts';
import type { JobOutcome, WorkerMetrics } from './metrics.ts';
import { ProgressWriter } from './progress-writer.ts';
import { backoffDelay, type RetryPolicy, shouldRetry, sleep } from './retry.ts';

export type RunPipeline = (url: string, options: PipelineOptions) => Promise<PipelineResult>;

export interface ProcessJobConfig {
  workerId: string;
  /** Parent of the per-job work directories. */
  workDir: string;
  /** Options shared by every run; the job's own language, size, orientation and style are added per job. */
  pipeline: SharedPipelineOptions;
  retry: RetryPolicy;
  maxJobStarts: number;
  progressIntervalMs: number;
  cancelPollMs: number;
  /** How often the queue lock is renewed (well within its lifetime). */
  heartbeatMs: number;
  /** Retrying the completion write while MongoDB is away (default COMPLETION_RETRY). */
  completionRetry?: CompletionRetry;
}

/**
 * What processJob needs of the worker's settings. The lock is renewed four times per lifetime: a
 * busy event loop or a slow write must not lose it.
 */
export function processJobConfig(
  config: Pick<
    WorkerConfig,
    | 'workerId'
    | 'workDir'
    | 'pipeline'
    | 'retry'
    | 'maxJobStarts'
    | 'progressIntervalMs'
    | 'cancelPollMs'
    | 'lockLifetimeMs'
  >,
): ProcessJobConfig {
  return {
    workerId: config.workerId,
    workDir: config.workDir,
    pipeline: config.pipeline,
    retry: config.retry,
    maxJobStarts: config.maxJobStarts,
    progressIntervalMs: config.progressIntervalMs,
    cancelPollMs: config.cancelPollMs,
    heartbeatMs: Math.max(250, Math.min(30_000, Math.floor(config.lockLifetimeMs / 4))),
  };
}

export interface ProcessJobDeps {
  store: JobRuns;
  videoStore: VideoStore;
  runPipeline: RunPipeline;
  config: ProcessJobConfig;
  log: Logger;
  metrics?: WorkerMetrics;
}

export interface JobControl {
  /** Aborts when the worker must let the job go (hard shutdown); the job is left for another worker. */
  interrupt?: AbortSignal;
  /** Renews the queue lock; throws only when the lock is lost. */
  keepAlive?: () => Promise<void>;
  /** Called with the job's work directory while it exists (the cleanup sweep skips it). */
  onWorkDir?: (dir: string | null) => void;
  /** True once the worker has begun shutting down (it lets running jobs finish). */
  draining?: () => boolean;
  /**
   * Called when a job that failed during the shutdown is handed back instead of failed: the
   * caller puts it back on the queue for another worker.
   */
  onHandBack?: () => void;
}

/** Prefix of every per-job work directory; the cleanup sweep removes old ones left by killed workers. */
export const WORK_DIR_PREFIX = 'mg-job-';

/**
 * Runs one job: claims it, runs the pipeline with progress written to the job document,
 * retries transient failures, stores the MP4 and marks the job completed or failed. Stops
 * within about `cancelPollMs` (plus the pipeline's own abort time) when the job is cancelled.
 * Never leaves files behind. Throws only when MongoDB itself fails.
 */
export async function processJob(
  jobId: string,
  deps: ProcessJobDeps,
  control: JobControl = {},
): Promise<JobOutcome> {
  const { store, config } = deps;
  const log = deps.log.child({ jobId, workerId: config.workerId });

  const prior = await store.find(jobId);
  if (!prior || isFinished(prior.status)) {
    log.info({ status: prior?.status ?? 'gone' }, 'job: nothing to do');
    return 'skipped';
  }
  if (prior.attempts >= config.maxJobStarts) {
    // Its workers kept dying (out of memory, killed): give up instead of looping forever.
    const error = new PipelineError(ERROR_OF_STEP[prior.currentStep ?? 'fetch'], {
      detail: `started ${prior.attempts} times without finishing`,
    });
    log.error(
      { code: error.code, detail: error.detail, step: prior.currentStep },
      'job: failed (too many starts)',
    );
    await store.fail(jobId, { code: error.code, message: error.userMessage });
    deps.metrics?.failed.inc({ code: error.code });
    return 'failed';
  }
  if (prior.status === 'processing') {
    log.warn(
      { previousWorker: prior.workerId, attempts: prior.attempts },
      'job: taking over from a stopped worker',
    );
  }
  const doc = await store.start(jobId, config.workerId);
  if (!doc) return 'skipped';

  const run = new JobRun(doc, deps, control, log);
  deps.metrics?.running.inc();
  const startedAt = performance.now();
  let outcome: JobOutcome = 'failed';
  try {
    outcome = await run.execute();
    return outcome;
  } finally {
    deps.metrics?.running.dec();
    deps.metrics?.jobDuration.observe({ outcome }, (performance.now() - startedAt) / 1000);
    if (outcome === 'cancelled') deps.metrics?.cancelled.inc();
  }
}

type StopReason = LostReason | 'shutdown';

/** The state of one job while this worker runs it. */
class JobRun {
  private readonly abort = new AbortController();
  private stopReason: StopReason | null = null;
  private readonly writer: ProgressWriter;
  private stage: StageName | null = null;
  private readonly pace: JobPace;

  constructor(
    private readonly doc: JobDocument,
    private readonly deps: ProcessJobDeps,
    private readonly control: JobControl,
    private readonly log: Logger,
  ) {
    this.pace = new JobPace(doc, deps.store, deps.config, log);
    this.writer = new ProgressWriter({
      minIntervalMs: deps.config.progressIntervalMs,
      write: (update) => deps.store.progress(doc.jobId, update, { workerId: deps.config.workerId }),
      onRefused: () =>
        this.stop('cancelled', 'a progress write found the job no longer processing, or no longer ours'),
      onError: (error) => log.warn({ err: error }, 'job: progress write failed'),
    });
  }

  private stop(reason: StopReason, detail: string): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    this.log.info({ reason, detail }, 'job: stopping');
    this.abort.abort(new PipelineError('CANCELLED', { detail: `${reason}: ${detail}` }));
  }

  /** The outcome of a run that was stopped from outside. */
  private stoppedOutcome(): JobOutcome {
    return this.stopReason === 'cancelled' ? 'cancelled' : 'interrupted';
  }

  async execute(): Promise<JobOutcome> {
    const { config } = this.deps;
    const onInterrupt = () => this.stop('shutdown', 'the worker is shutting down');
    if (this.control.interrupt?.aborted) onInterrupt();
    this.control.interrupt?.addEventListener('abort', onInterrupt, { once: true });
    const watch = watchJob({
      jobId: this.doc.jobId,
      workerId: config.workerId,
      store: this.deps.store,
      pollMs: config.cancelPollMs,
      heartbeatMs: config.heartbeatMs,
      keepAlive: this.control.keepAlive,
      onHeartbeat: () => this.writer.refreshIfIdle(config.heartbeatMs),
      onLost: (reason, detail) => this.stop(reason, detail),
      onError: (error) => this.log.warn({ err: error }, 'job: status check failed'),
    });
    this.writer.update({ step: 'fetch', progress: 0, message: workerMsg.starting });
    await this.pace.load();
    this.log.info({ url: this.doc.url, attempts: this.doc.attempts }, 'job: started');
    try {
      return await this.runWithRetries();
    } finally {
      watch.stop();
      this.control.interrupt?.removeEventListener('abort', onInterrupt);
      if (this.stopReason === 'shutdown') {
        // Tell the user why progress restarts; the job stays processing until another worker takes it.
        this.writer.update({
          ...(this.writer.current ?? { step: 'fetch', progress: 0 }),
          message: workerMsg.restarting,
        });
        await this.writer.flush();
      }
      await this.writer.close();
    }
  }

  private async runWithRetries(): Promise<JobOutcome> {
    const { config, store, metrics } = this.deps;
    for (let retries = 0; ; retries++) {
      let stored: StoredOutputs;
      try {
        stored = await this.runOnce();
      } catch (thrown) {
        if (this.stopReason) return this.stoppedOutcome();
        const error = toPipelineError(thrown, this.stage ? STEP_OF_STAGE[this.stage] : null);
        if (this.control.draining?.()) {
          // A failure during shutdown is most likely the shutdown's doing: a signal sent to the
          // whole process group (Ctrl-C, systemd) kills ffmpeg, open_jtalk and Chromium too.
          // Another worker starts the job over; a job that really fails fails there.
          this.log.warn(
            { code: error.code, detail: error.detail, err: thrown },
            'job: failed while shutting down; handing it back',
          );
          this.stop('shutdown', 'failed while the worker was shutting down');
          this.control.onHandBack?.();
          return this.stoppedOutcome();
        }
        const context = {
          code: error.code,
          detail: error.detail,
          transient: error.transient,
          stage: this.stage,
        };
        if (shouldRetry(error, retries, config.retry)) {
          const delayMs = backoffDelay(config.retry, retries + 1);
          this.log.warn(
            { ...context, err: thrown, retry: retries + 1, delayMs },
            'job: transient failure, retrying',
          );
          metrics?.retries.inc({ code: error.code });
          const at = this.writer.current ?? { step: 'fetch' as const, progress: 0 };
          this.writer.update({ ...at, message: workerMsg.retrying(retries + 1, config.retry.attempts) });
          await this.writer.flush();
          await sleep(delayMs, this.abort.signal);
          if (this.stopReason) return this.stoppedOutcome();
          this.writer.restart();
          this.stage = null;
          continue;
        }
        this.log.error({ ...context, err: thrown, retries }, 'job: failed');
        await this.writer.close();
        await store.fail(
          this.doc.jobId,
          { code: error.code, message: error.userMessage },
          // Nothing was spoken or rendered for a page that could not be read: the daily job goes back.
          { workerId: this.deps.config.workerId, returnDailyJob: returnsDailyJob(error.code) },
        );
        metrics?.failed.inc({ code: error.code });
        return 'failed';
      }
      return this.finish(stored);
    }
  }

  /** One pipeline run in a fresh work directory (always removed), then the MP4 into the store. */
  private async runOnce(): Promise<StoredOutputs> {
    const { config } = this.deps;
    await mkdir(config.workDir, { recursive: true });
    const dir = await mkdtemp(join(config.workDir, `${WORK_DIR_PREFIX}${this.doc.jobId}-`));
    this.control.onWorkDir?.(dir);
    try {
      const result = await this.deps.runPipeline(this.doc.url, {
        ...jobPipelineOptions(this.doc, config.pipeline),
        outPath: join(dir, 'video.mp4'),
        workDir: dir,
        signal: this.abort.signal,
        log: this.log,
        onProgress: (p) => {
          this.stage = p.stage;
          this.writer.update({
            step: STEP_OF_STAGE[p.stage],
            progress: this.pace.percent(p.stage, p.stagePercent),
            message: p.message,
          });
        },
        onScript: (script) => this.pace.describe(script),
      });
      if (this.stopReason) throw new PipelineError('CANCELLED', { detail: this.stopReason });
      try {
        this.writer.update({
          step: 'render',
          progress: this.pace.percent('store', 0),
          message: workerMsg.saving,
        });
        return await storeOutputs(this.doc.jobId, result, this.deps.videoStore, this.log);
      } catch (error) {
        // A storage hiccup is worth another run; a broken store fails the job as a render failure.
        throw toPipelineError(error, 'render', { transient: true });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      this.control.onWorkDir?.(null);
    }
  }

  /**
   * Marks the job completed, retrying while MongoDB is away, and keeps the video until the outcome
   * is known: removed when the job turns out cancelled or taken over; kept when MongoDB stayed
   * away, and the job handed back to the queue (the cleanup removes the video if nobody uses it).
   */
  private async finish(stored: StoredOutputs): Promise<JobOutcome> {
    const { store, videoStore, metrics, config } = this.deps;
    const { result } = stored;
    await this.writer.close();
    const outcome = this.stopReason
      ? 'refused'
      : await completeDurably({
          store,
          jobId: this.doc.jobId,
          result: {
            video: stored.video,
            videoSize: stored.size,
            durationSec: result.durationSec,
            artifacts: stored.artifacts,
          },
          workerId: config.workerId,
          retry: config.completionRetry ?? COMPLETION_RETRY,
          signal: this.control.interrupt,
          log: this.log,
        });
    if (outcome === 'unknown') {
      this.log.error({ video: stored.video }, 'job: completion not recorded; video kept, job handed back');
      this.stop('shutdown', 'MongoDB did not record the completion');
      this.control.onHandBack?.();
      return this.stoppedOutcome();
    }
    if (outcome === 'refused') {
      await removeOutputs(stored, videoStore);
      this.log.info(
        { reason: this.stopReason ?? 'cancelled' },
        'job: stopped after rendering; video removed',
      );
      return this.stopReason ? this.stoppedOutcome() : 'cancelled';
    }
    for (const [stage, seconds] of Object.entries(result.stageSeconds)) {
      metrics?.stageDuration.observe({ stage }, seconds);
    }
    await this.pace.record(result.stageSeconds, stored.storeSec);
    metrics?.completed.inc();
    this.log.info(
      {
        durationSec: result.durationSec,
        videoSize: stored.size,
        stageSeconds: result.stageSeconds,
        renderer: result.renderer,
      },
      'job: completed',
    );
    return 'completed';
  }
}
