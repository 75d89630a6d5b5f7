import type { JobStatus } from '@movie-generator/api-contract';
import type { JobCollections } from './collections.ts';
import { FINISHED_STATUSES, type JobDocument } from './document.ts';
import { cancelJob } from './job-common.ts';
import { releaseQueueSlot } from './queue-slots.ts';

/** What the admin side (the ops CLI, the workers' cleanup) needs to know. */
export interface JobAdminSettings {
  /** How long a job is kept, counted again from an ops retry. */
  retentionMs: number;
}

/**
 * The admin side of the jobs, for the ops CLI and the cleanup: list, cancel, retry, purge, counts.
 * Its reads return documents as stored, unchecked (parseJobDocument is for the API's and the
 * workers' reads): an operator must still be able to see and remove a job of an odd shape.
 */
export interface JobAdmin {
  readonly c: JobCollections;
  /** Newest first; expired jobs too. */
  list(filter?: { status?: JobStatus; limit?: number }): Promise<JobDocument[]>;
  /**
   * Cancels a pending or processing job (see JobIntake.cancel); the cancelled document, null when
   * unknown or expired, a JobRefusedError NOT_CANCELLABLE when finished.
   */
  cancel(jobId: string, now?: Date): Promise<JobDocument | null>;
  /**
   * Failed or cancelled → pending again (ops retry); the caller re-enqueues it. Ignores the queue
   * cap. Worker starts count from zero again, so a job failed for dying workers can run again.
   */
  resetForRetry(jobId: string, now?: Date): Promise<boolean>;
  /** Jobs past their expiry, or (with finished) every finished job. */
  findPurgeable(options?: { finished?: boolean }, now?: Date): Promise<JobDocument[]>;
  /** Deletes the job document and frees its place in the queue (its video is the caller's). */
  remove(jobId: string): Promise<void>;
  countsByStatus(): Promise<Record<JobStatus, number>>;
}

export function createJobAdmin(c: JobCollections, settings: JobAdminSettings): JobAdmin {
  return {
    c,

    list(filter = {}) {
      return c.jobs
        .find(filter.status ? { status: filter.status } : {})
        .sort({ createdAt: -1 })
        .limit(filter.limit ?? 50)
        .toArray();
    },

    cancel: (jobId, now = new Date()) => cancelJob(c, jobId, now),

    async resetForRetry(jobId, now = new Date()) {
      const res = await c.jobs.updateOne(
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
            expiresAt: new Date(now.getTime() + settings.retentionMs),
          },
        },
      );
      return res.modifiedCount === 1;
    },

    findPurgeable(options = {}, now = new Date()) {
      const expired = { expiresAt: { $lte: now } };
      return c.jobs
        .find(options.finished ? { $or: [expired, { status: { $in: [...FINISHED_STATUSES] } }] } : expired)
        .toArray();
    },

    async remove(jobId) {
      await c.jobs.deleteOne({ jobId });
      await releaseQueueSlot(c, jobId);
    },

    async countsByStatus() {
      const rows = await c.jobs
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
    },
  };
}
