import {
  ACTIVE_STATUSES,
  type JobErrorCode,
  type JobStatus,
  type JobStep,
  type Language,
  type LocalizedText,
} from '@movie-generator/api-contract';
import type { JobCollections } from './collections.ts';
import { type JobDocument, parseJobDocument, type StoredArtifacts, type StoredVideo } from './document.ts';
import { findLiveJob } from './job-common.ts';
import { releaseQueueSlot } from './queue-slots.ts';
import { returnFailedJob } from './quota.ts';

/** What the run side (the workers) needs to know. */
export interface JobRunSettings {
  /** How long a job and its video are kept, counted again from completion. */
  retentionMs: number;
}

/** How a worker-side write is made. */
export interface WriteOptions {
  now?: Date;
  /**
   * Write only while this worker owns the job. A worker that lost its lock (it stalled, and the
   * queue gave the job to another) must not write over its successor's progress or result.
   */
  workerId?: string;
}

export interface ProgressUpdate {
  progress: number;
  step: JobStep;
  message: LocalizedText;
}

/** What a worker learns about a job while it runs (see JobRuns.annotate). */
export interface JobFacts {
  title?: string;
  language?: Language;
  expectedSec?: number;
}

export interface JobResult {
  video: StoredVideo;
  videoSize: number;
  durationSec: number;
  artifacts?: StoredArtifacts;
}

/** The run side of the jobs, for the workers: start, progress, complete, fail. */
export interface JobRuns {
  readonly c: JobCollections;
  /** The job document, or null when unknown or past its expiry. */
  find(jobId: string, now?: Date): Promise<JobDocument | null>;
  /**
   * Moves the job to processing for this worker (also taking over a job whose worker died),
   * and frees its place in the queue. Null when it was cancelled or has finished.
   */
  start(jobId: string, workerId: string, now?: Date): Promise<JobDocument | null>;
  /**
   * Writes progress; false when the job is no longer processing (cancelled) or, with
   * `workerId`, no longer this worker's: stop the work.
   */
  progress(jobId: string, update: ProgressUpdate, options?: WriteOptions): Promise<boolean>;
  /**
   * Writes what the worker learnt about the job beside its progress: the article's title and
   * narration language once the script exists, the expected processing time at the start.
   * Same ownership rule as `progress`.
   */
  annotate(jobId: string, facts: JobFacts, options?: WriteOptions): Promise<boolean>;
  /** True while the job is still processing (not cancelled). */
  isProcessing(jobId: string): Promise<boolean>;
  /**
   * Marks the job completed; false when it was cancelled meanwhile or, with `workerId`, taken
   * over by another worker (the caller removes the video).
   */
  complete(jobId: string, result: JobResult, options?: WriteOptions): Promise<boolean>;
  /**
   * Fails a pending or processing job (with `workerId`, only while that worker owns it); false
   * when there was nothing to fail. With `returnDailyJob` (the page could not be read: nothing
   * was spoken or rendered) the client gets its daily job back, once per job, and the failure
   * counts toward the failed-jobs cap instead.
   */
  fail(
    jobId: string,
    error: { code: JobErrorCode; message: LocalizedText },
    options?: WriteOptions & { returnDailyJob?: boolean },
  ): Promise<boolean>;
}

/** The job document filter for a write to a job in one of `statuses`, owned by `workerId` when given. */
function writable(jobId: string, statuses: readonly JobStatus[], workerId: string | undefined) {
  return {
    jobId,
    status: { $in: [...statuses] },
    ...(workerId === undefined ? {} : { workerId }),
  };
}

export function createJobRuns(c: JobCollections, settings: JobRunSettings): JobRuns {
  /** Gives the job's daily job back to its client, unless this job already did (an ops retry). */
  const returnDailyJob = async (jobId: string): Promise<void> => {
    const doc = await c.jobs.findOneAndUpdate(
      { jobId, dailyJobReturned: { $ne: true } },
      { $set: { dailyJobReturned: true } },
    );
    if (doc) await returnFailedJob(c, doc.clientIp, doc.createdAt);
  };

  return {
    c,

    find: (jobId, now = new Date()) => findLiveJob(c, jobId, now),

    async start(jobId, workerId, now = new Date()) {
      const raw = await c.jobs.findOneAndUpdate(
        { jobId, status: { $in: [...ACTIVE_STATUSES] } },
        {
          $set: {
            status: 'processing',
            workerId,
            startedAt: now,
            updatedAt: now,
            progress: 0,
            currentStep: 'fetch',
          },
          $inc: { attempts: 1 },
        },
        { returnDocument: 'after' },
      );
      await releaseQueueSlot(c, jobId);
      return raw && parseJobDocument(raw);
    },

    async progress(jobId, update, options = {}) {
      const now = options.now ?? new Date();
      const res = await c.jobs.updateOne(writable(jobId, ['processing'], options.workerId), {
        $set: {
          progress: Math.max(0, Math.min(100, update.progress)),
          currentStep: update.step,
          progressMessage: update.message,
          updatedAt: now,
        },
      });
      return res.matchedCount === 1;
    },

    async annotate(jobId, facts, options = {}) {
      const set: Partial<JobDocument> = {};
      if (facts.title !== undefined) set.title = facts.title;
      if (facts.language !== undefined) set.language = facts.language;
      if (facts.expectedSec !== undefined) set.expectedSec = facts.expectedSec;
      const res = await c.jobs.updateOne(writable(jobId, ['processing'], options.workerId), {
        $set: { ...set, updatedAt: options.now ?? new Date() },
      });
      return res.matchedCount === 1;
    },

    async isProcessing(jobId) {
      return (await c.jobs.countDocuments({ jobId, status: 'processing' })) === 1;
    },

    async complete(jobId, result, options = {}) {
      const now = options.now ?? new Date();
      const res = await c.jobs.updateOne(writable(jobId, ['processing'], options.workerId), {
        $set: {
          status: 'completed',
          progress: 100,
          progressMessage: { ja: '完了しました', en: 'Done' },
          video: result.video,
          artifacts: result.artifacts ?? {},
          videoSize: result.videoSize,
          durationSec: result.durationSec,
          completedAt: now,
          updatedAt: now,
          expiresAt: new Date(now.getTime() + settings.retentionMs),
        },
      });
      return res.matchedCount === 1;
    },

    async fail(jobId, error, options = {}) {
      const now = options.now ?? new Date();
      const res = await c.jobs.updateOne(writable(jobId, ACTIVE_STATUSES, options.workerId), {
        $set: {
          status: 'failed',
          errorCode: error.code,
          errorMessage: error.message,
          completedAt: now,
          updatedAt: now,
        },
      });
      // Idempotent: a slot already released (at start, or by a cancel) stays free.
      await releaseQueueSlot(c, jobId);
      if (res.matchedCount === 1 && options.returnDailyJob) await returnDailyJob(jobId);
      return res.matchedCount === 1;
    },
  };
}
