import {
  ApiError,
  type JobCreateInput,
  type JobStatus,
  type JobStep,
  type JobView,
  type Language,
  type LocalizedText,
  type QuotaView,
} from '@movie-generator/api-contract';
import { ObjectId } from 'mongodb';
import { ensureIndexes, type JobCollections } from './collections.ts';
import type { JobDocument, StoredArtifacts, StoredVideo } from './document.ts';
import { newJobId } from './ids.ts';
import { claimQueueSlot, ensureQueueSlots, releaseQueueSlot } from './queue-slots.ts';
import { consumeQuota, nextUtcMidnight, readQuota, refundQuota, returnFailedJob } from './quota.ts';
import { estimateEtaSec, toJobView } from './view.ts';

export interface JobStoreConfig {
  /** Jobs per client per UTC day; 0 means unlimited. */
  dailyLimit: number;
  /** Jobs per client per UTC day that may fail before any speech or rendering; 0 or unset: unlimited. */
  dailyFailedLimit?: number;
  /** Pending jobs at most. */
  maxPending: number;
  /** How long a job and its video are kept. */
  retentionMs: number;
  /** Jobs processed at once across all workers, for the ETA. */
  totalConcurrency: number;
  /** A typical job's processing time when there is no history yet, for the ETA. */
  typicalJobSec: number;
}

export type CreateRequest = Required<Pick<JobCreateInput, 'url' | 'size' | 'vertical'>> &
  Pick<JobCreateInput, 'language'>;

const FINISHED: JobStatus[] = ['completed', 'failed', 'cancelled'];

/** How a worker-side write is made. */
export interface WriteOptions {
  now?: Date;
  /**
   * Write only while this worker owns the job. A worker that lost its lock (it stalled, and the
   * queue gave the job to another) must not write over its successor's progress or result.
   */
  workerId?: string;
}

/** The job document filter for a write to a job in one of `statuses`, owned by `workerId` when given. */
function writable(jobId: string, statuses: JobStatus[], workerId: string | undefined) {
  return {
    jobId,
    status: { $in: statuses },
    ...(workerId === undefined ? {} : { workerId }),
  };
}

/** A job document as read, with its queue position while pending. */
export interface JobSnapshot {
  doc: JobDocument;
  queuePosition: number | null;
}

export interface ProgressUpdate {
  progress: number;
  step: JobStep;
  message: LocalizedText;
}

/** What a worker learns about a job while it runs (see JobStore.annotate). */
export interface JobFacts {
  title?: string;
  language?: Language;
  expectedSec?: number;
}

/** All reads and writes of jobs, for the server, the workers and the ops CLI. */
export class JobStore {
  constructor(
    readonly c: JobCollections,
    readonly config: JobStoreConfig,
  ) {}

  /** Indexes and queue slots; idempotent, run by every process at start. */
  async init(): Promise<void> {
    await ensureIndexes(this.c);
    await ensureQueueSlots(this.c, this.config.maxPending);
  }

  /**
   * Quota, then a place in the queue, then `admit` (job.create's DNS check: only requests that
   * may run cost a lookup), then the document, then `enqueue`. Whatever fails undoes the steps
   * before it, so a refused request leaves no job, slot or count behind.
   */
  async create(
    request: CreateRequest,
    clientIp: string,
    enqueue: (jobId: string) => Promise<void>,
    now = new Date(),
    admit: () => Promise<void> = async () => {},
  ): Promise<{ id: string }> {
    const decision = await consumeQuota(
      this.c,
      clientIp,
      { daily: this.config.dailyLimit, dailyFailed: this.config.dailyFailedLimit ?? 0 },
      now,
    );
    if (decision !== 'ok') throw new ApiError(decision, { resetsAt: nextUtcMidnight(now).toISOString() });

    const jobId = newJobId();
    if (!(await claimQueueSlot(this.c, jobId, this.config.maxPending))) {
      await refundQuota(this.c, clientIp, now);
      throw new ApiError('QUEUE_FULL');
    }
    try {
      await admit();
      await this.c.jobs.insertOne({
        _id: new ObjectId(),
        jobId,
        url: request.url,
        status: 'pending',
        progress: 0,
        progressMessage: null,
        currentStep: null,
        language: request.language ?? null,
        size: request.size,
        vertical: request.vertical,
        video: null,
        videoSize: null,
        durationSec: null,
        errorCode: null,
        errorMessage: null,
        clientIp,
        createdAt: now,
        updatedAt: now,
        startedAt: null,
        completedAt: null,
        expiresAt: new Date(now.getTime() + this.config.retentionMs),
        attempts: 0,
        workerId: null,
      });
      await enqueue(jobId);
      return { id: jobId };
    } catch (error) {
      await this.c.jobs.deleteOne({ jobId });
      await releaseQueueSlot(this.c, jobId);
      await refundQuota(this.c, clientIp, now);
      throw error;
    }
  }

  /** The job document, or null when unknown or past its expiry. */
  async find(jobId: string, now = new Date()): Promise<JobDocument | null> {
    const doc = await this.c.jobs.findOne({ jobId });
    if (!doc || doc.expiresAt <= now) return null;
    return doc;
  }

  async view(jobId: string, now = new Date()): Promise<JobView | null> {
    return this.viewOf(await this.snapshot(jobId), now);
  }

  /**
   * What a view is made of, read from MongoDB: the document and, while pending, its place in
   * the queue. Kept apart from `viewOf` so a cache can hold it and the view still ages (ETA,
   * expiry) with the clock.
   */
  async snapshot(jobId: string): Promise<JobSnapshot | null> {
    const doc = await this.c.jobs.findOne({ jobId });
    if (!doc) return null;
    const queuePosition =
      doc.status === 'pending'
        ? (await this.c.jobs.countDocuments({ status: 'pending', createdAt: { $lt: doc.createdAt } })) + 1
        : null;
    return { doc, queuePosition };
  }

  /** The public view of a snapshot at `now`: null once the job has expired. */
  async viewOf(snapshot: JobSnapshot | null, now = new Date()): Promise<JobView | null> {
    if (!snapshot || snapshot.doc.expiresAt <= now) return null;
    return this.toView(snapshot.doc, now, snapshot.queuePosition);
  }

  private async toView(doc: JobDocument, now: Date, queuePosition: number | null = null): Promise<JobView> {
    const typical = await this.typicalJobSec();
    return toJobView(doc, {
      queuePosition,
      etaSec: estimateEtaSec(doc, queuePosition, typical, this.config.totalConcurrency, now),
    });
  }

  private typicalCache: { at: number; value: number } | null = null;

  /** Mean processing time of the last 20 completed jobs (cached for a minute). */
  async typicalJobSec(): Promise<number> {
    if (this.typicalCache && Date.now() - this.typicalCache.at < 60_000) return this.typicalCache.value;
    const recent = await this.c.jobs
      .find(
        { status: 'completed', startedAt: { $ne: null } },
        { projection: { startedAt: 1, completedAt: 1 } },
      )
      .sort({ completedAt: -1 })
      .limit(20)
      .toArray();
    const durations = recent
      .filter((j) => j.startedAt && j.completedAt)
      .map((j) => (j.completedAt!.getTime() - j.startedAt!.getTime()) / 1000);
    const value = durations.length
      ? durations.reduce((a, b) => a + b, 0) / durations.length
      : this.config.typicalJobSec;
    this.typicalCache = { at: Date.now(), value };
    return value;
  }

  /**
   * Cancels a pending job at once, or marks a processing one cancelled (its worker sees it on
   * its next progress write and aborts). Finished jobs cannot be cancelled.
   */
  async cancel(jobId: string, now = new Date()): Promise<JobView | null> {
    const doc = await this.c.jobs.findOneAndUpdate(
      { jobId, status: { $in: ['pending', 'processing'] }, expiresAt: { $gt: now } },
      {
        $set: {
          status: 'cancelled',
          completedAt: now,
          updatedAt: now,
          errorCode: 'CANCELLED',
          errorMessage: { ja: 'キャンセルされました。', en: 'Cancelled.' },
        },
      },
      { returnDocument: 'after' },
    );
    if (doc) {
      await releaseQueueSlot(this.c, jobId);
      return this.toView(doc, now);
    }
    const existing = await this.find(jobId, now);
    if (!existing) return null;
    throw new ApiError('NOT_CANCELLABLE');
  }

  quota(clientIp: string, now = new Date()): Promise<QuotaView> {
    return readQuota(this.c, clientIp, this.config.dailyLimit, now);
  }

  // ---- worker side ----

  /**
   * Moves the job to processing for this worker (also taking over a job whose worker died),
   * and frees its place in the queue. Null when it was cancelled or has finished.
   */
  async start(jobId: string, workerId: string, now = new Date()): Promise<JobDocument | null> {
    const doc = await this.c.jobs.findOneAndUpdate(
      { jobId, status: { $in: ['pending', 'processing'] } },
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
    await releaseQueueSlot(this.c, jobId);
    return doc;
  }

  /**
   * Writes progress; false when the job is no longer processing (cancelled) or, with
   * `workerId`, no longer this worker's: stop the work.
   */
  async progress(jobId: string, update: ProgressUpdate, options: WriteOptions = {}): Promise<boolean> {
    const now = options.now ?? new Date();
    const res = await this.c.jobs.updateOne(writable(jobId, ['processing'], options.workerId), {
      $set: {
        progress: Math.max(0, Math.min(100, update.progress)),
        currentStep: update.step,
        progressMessage: update.message,
        updatedAt: now,
      },
    });
    return res.matchedCount === 1;
  }

  /**
   * Writes what the worker learnt about the job beside its progress: the article's title and
   * narration language once the script exists, the expected processing time at the start.
   * Same ownership rule as `progress`.
   */
  async annotate(jobId: string, facts: JobFacts, options: WriteOptions = {}): Promise<boolean> {
    const set: Partial<JobDocument> = {};
    if (facts.title !== undefined) set.title = facts.title;
    if (facts.language !== undefined) set.language = facts.language;
    if (facts.expectedSec !== undefined) set.expectedSec = facts.expectedSec;
    const res = await this.c.jobs.updateOne(writable(jobId, ['processing'], options.workerId), {
      $set: { ...set, updatedAt: options.now ?? new Date() },
    });
    return res.matchedCount === 1;
  }

  /** True while the job is still processing (not cancelled). */
  async isProcessing(jobId: string): Promise<boolean> {
    return (await this.c.jobs.countDocuments({ jobId, status: 'processing' })) === 1;
  }

  /**
   * Marks the job completed; false when it was cancelled meanwhile or, with `workerId`, taken
   * over by another worker (the caller removes the video).
   */
  async complete(
    jobId: string,
    result: { video: StoredVideo; videoSize: number; durationSec: number; artifacts?: StoredArtifacts },
    options: WriteOptions = {},
  ): Promise<boolean> {
    const now = options.now ?? new Date();
    const res = await this.c.jobs.updateOne(writable(jobId, ['processing'], options.workerId), {
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
        expiresAt: new Date(now.getTime() + this.config.retentionMs),
      },
    });
    return res.matchedCount === 1;
  }

  /**
   * Fails a pending or processing job (with `workerId`, only while that worker owns it); false
   * when there was nothing to fail. With `returnDailyJob` (the page could not be read: nothing
   * was spoken or rendered) the client gets its daily job back, once per job, and the failure
   * counts toward the failed-jobs cap instead.
   */
  async fail(
    jobId: string,
    error: { code: string; message: LocalizedText },
    options: WriteOptions & { returnDailyJob?: boolean } = {},
  ): Promise<boolean> {
    const now = options.now ?? new Date();
    const res = await this.c.jobs.updateOne(writable(jobId, ['pending', 'processing'], options.workerId), {
      $set: {
        status: 'failed',
        errorCode: error.code,
        errorMessage: error.message,
        completedAt: now,
        updatedAt: now,
      },
    });
    // Idempotent: a slot already released (at start, or by a cancel) stays free.
    await releaseQueueSlot(this.c, jobId);
    if (res.matchedCount === 1 && options.returnDailyJob) await this.returnDailyJob(jobId);
    return res.matchedCount === 1;
  }

  /** Gives the job's daily job back to its client, unless this job already did (an ops retry). */
  private async returnDailyJob(jobId: string): Promise<void> {
    const doc = await this.c.jobs.findOneAndUpdate(
      { jobId, dailyJobReturned: { $ne: true } },
      { $set: { dailyJobReturned: true } },
    );
    if (doc) await returnFailedJob(this.c, doc.clientIp, doc.createdAt);
  }

  // ---- operations ----

  list(filter: { status?: JobStatus; limit?: number } = {}): Promise<JobDocument[]> {
    return this.c.jobs
      .find(filter.status ? { status: filter.status } : {})
      .sort({ createdAt: -1 })
      .limit(filter.limit ?? 50)
      .toArray();
  }

  /**
   * Failed or cancelled → pending again (ops retry); the caller re-enqueues it. Ignores the queue
   * cap. Worker starts count from zero again, so a job failed for dying workers can run again.
   */
  async resetForRetry(jobId: string, now = new Date()): Promise<boolean> {
    const res = await this.c.jobs.updateOne(
      { jobId, status: { $in: ['failed', 'cancelled'] } },
      {
        $set: {
          status: 'pending',
          progress: 0,
          currentStep: null,
          progressMessage: null,
          errorCode: null,
          errorMessage: null,
          completedAt: null,
          workerId: null,
          attempts: 0,
          updatedAt: now,
          expiresAt: new Date(now.getTime() + this.config.retentionMs),
        },
      },
    );
    return res.modifiedCount === 1;
  }

  /** Jobs past their expiry, or (with finished) every finished job. */
  findPurgeable(options: { finished?: boolean } = {}, now = new Date()): Promise<JobDocument[]> {
    const expired = { expiresAt: { $lte: now } };
    return this.c.jobs
      .find(options.finished ? { $or: [expired, { status: { $in: FINISHED } }] } : expired)
      .toArray();
  }

  async remove(jobId: string): Promise<void> {
    await this.c.jobs.deleteOne({ jobId });
    await releaseQueueSlot(this.c, jobId);
  }

  async countsByStatus(): Promise<Record<JobStatus, number>> {
    const rows = await this.c.jobs
      .aggregate<{ _id: JobStatus; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }])
      .toArray();
    const counts: Record<JobStatus, number> = {
      pending: 0,
      processing: 0,
      completed: 0,
      failed: 0,
      cancelled: 0,
    };
    for (const r of rows) counts[r._id] = r.n;
    return counts;
  }
}

export function isFinished(status: JobStatus): boolean {
  return FINISHED.includes(status);
}
