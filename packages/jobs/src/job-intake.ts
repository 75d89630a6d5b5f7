import {
  type JobCreateInput,
  type JobView,
  jobSettingsOf,
  type QuotaView,
} from '@movie-generator/api-contract';
import { ObjectId } from 'mongodb';
import type { JobCollections } from './collections.ts';
import { type JobDocument, parseJobDocument } from './document.ts';
import { JobRefusedError } from './errors.ts';
import { newJobId } from './ids.ts';
import { cancelJob, findLiveJob } from './job-common.ts';
import { claimQueueSlot, releaseQueueSlot } from './queue-slots.ts';
import { consumeQuota, nextUtcMidnight, readQuota, refundQuota } from './quota.ts';
import { estimateEtaSec, toJobView } from './view.ts';

/** What the intake side (the server) needs to know. */
export interface JobIntakeSettings {
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

/** What job.create asked for; no style is a narration (the API's default). */
export type CreateRequest = Required<Pick<JobCreateInput, 'url' | 'size' | 'vertical'>> &
  Pick<JobCreateInput, 'language' | 'style'>;

/** A job document as read, with its queue position while pending. */
export interface JobSnapshot {
  doc: JobDocument;
  queuePosition: number | null;
}

/** The intake side of the jobs, for the server: create, view, cancel, quota. */
export interface JobIntake {
  readonly c: JobCollections;
  /**
   * Quota, then a place in the queue, then `admit` (job.create's DNS check: only requests that
   * may run cost a lookup), then the document, then `enqueue`. Whatever fails undoes the steps
   * before it, so a refused request leaves no job, slot or count behind. Refusals are
   * JobRefusedErrors (QUOTA_EXCEEDED, FAILED_JOB_LIMIT, QUEUE_FULL).
   */
  create(
    request: CreateRequest,
    clientIp: string,
    enqueue: (jobId: string) => Promise<void>,
    now?: Date,
    admit?: () => Promise<void>,
  ): Promise<{ id: string }>;
  /** The job document, or null when unknown or past its expiry. */
  find(jobId: string, now?: Date): Promise<JobDocument | null>;
  view(jobId: string, now?: Date): Promise<JobView | null>;
  /**
   * What a view is made of, read from MongoDB: the document and, while pending, its place in
   * the queue. Kept apart from `viewOf` so a cache can hold it and the view still ages (ETA,
   * expiry) with the clock.
   */
  snapshot(jobId: string): Promise<JobSnapshot | null>;
  /** The public view of a snapshot at `now`: null once the job has expired. */
  viewOf(snapshot: JobSnapshot | null, now?: Date): Promise<JobView | null>;
  /** Mean processing time of the last 20 completed jobs (cached for a minute). */
  typicalJobSec(): Promise<number>;
  /**
   * Cancels a pending job at once, or marks a processing one cancelled (its worker sees it on
   * its next progress write and aborts). Null when unknown or expired; a finished job is
   * refused with NOT_CANCELLABLE.
   */
  cancel(jobId: string, now?: Date): Promise<JobView | null>;
  quota(clientIp: string, now?: Date): Promise<QuotaView>;
}

export function createJobIntake(c: JobCollections, settings: JobIntakeSettings): JobIntake {
  let typicalCache: { at: number; value: number } | null = null;

  const typicalJobSec = async (): Promise<number> => {
    if (typicalCache && Date.now() - typicalCache.at < 60_000) return typicalCache.value;
    const recent = await c.jobs
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
      : settings.typicalJobSec;
    typicalCache = { at: Date.now(), value };
    return value;
  };

  const toView = async (
    doc: JobDocument,
    now: Date,
    queuePosition: number | null = null,
  ): Promise<JobView> => {
    const typical = await typicalJobSec();
    return toJobView(doc, {
      queuePosition,
      etaSec: estimateEtaSec(doc, queuePosition, typical, settings.totalConcurrency, now),
    });
  };

  const snapshot = async (jobId: string): Promise<JobSnapshot | null> => {
    const raw = await c.jobs.findOne({ jobId });
    if (!raw) return null;
    const doc = parseJobDocument(raw);
    const queuePosition =
      doc.status === 'pending'
        ? (await c.jobs.countDocuments({ status: 'pending', createdAt: { $lt: doc.createdAt } })) + 1
        : null;
    return { doc, queuePosition };
  };

  const viewOf = async (shot: JobSnapshot | null, now = new Date()): Promise<JobView | null> => {
    if (!shot || shot.doc.expiresAt <= now) return null;
    return toView(shot.doc, now, shot.queuePosition);
  };

  return {
    c,

    async create(request, clientIp, enqueue, now = new Date(), admit = async () => {}) {
      const decision = await consumeQuota(
        c,
        clientIp,
        { daily: settings.dailyLimit, dailyFailed: settings.dailyFailedLimit ?? 0 },
        now,
      );
      if (decision !== 'ok') throw new JobRefusedError(decision, { resetsAt: nextUtcMidnight(now) });

      const jobId = newJobId();
      if (!(await claimQueueSlot(c, jobId, settings.maxPending))) {
        await refundQuota(c, clientIp, now);
        throw new JobRefusedError('QUEUE_FULL');
      }
      try {
        await admit();
        await c.jobs.insertOne({
          _id: new ObjectId(),
          jobId,
          url: request.url,
          status: 'pending',
          progress: 0,
          progressMessage: null,
          currentStep: null,
          ...jobSettingsOf(request),
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
          expiresAt: new Date(now.getTime() + settings.retentionMs),
          attempts: 0,
          workerId: null,
        });
        await enqueue(jobId);
        return { id: jobId };
      } catch (error) {
        await c.jobs.deleteOne({ jobId });
        await releaseQueueSlot(c, jobId);
        await refundQuota(c, clientIp, now);
        throw error;
      }
    },

    find: (jobId, now = new Date()) => findLiveJob(c, jobId, now),

    async view(jobId, now = new Date()) {
      return viewOf(await snapshot(jobId), now);
    },

    snapshot,
    viewOf,
    typicalJobSec,

    async cancel(jobId, now = new Date()) {
      const doc = await cancelJob(c, jobId, now);
      return doc && toView(doc, now);
    },

    quota: (clientIp, now = new Date()) => readQuota(c, clientIp, settings.dailyLimit, now),
  };
}
