import { ACTIVE_STATUSES, JOB_ERRORS } from '@movie-generator/api-contract';
import type { JobCollections } from './collections.ts';
import { type JobDocument, parseJobDocument } from './document.ts';
import { JobRefusedError } from './errors.ts';
import { releaseQueueSlot } from './queue-slots.ts';

/** What more than one side does: read a live job, cancel one. */

/** The job document, or null when unknown or past its expiry. */
export async function findLiveJob(c: JobCollections, jobId: string, now: Date): Promise<JobDocument | null> {
  const raw = await c.jobs.findOne({ jobId });
  if (!raw || raw.expiresAt <= now) return null;
  return parseJobDocument(raw);
}

/**
 * Cancels a pending job at once, or marks a processing one cancelled (its worker sees it on its
 * next progress write and aborts), and frees its place in the queue. Returns the cancelled
 * document; null when the job is unknown or expired. A finished job is refused with
 * NOT_CANCELLABLE.
 */
export async function cancelJob(c: JobCollections, jobId: string, now: Date): Promise<JobDocument | null> {
  const raw = await c.jobs.findOneAndUpdate(
    { jobId, status: { $in: [...ACTIVE_STATUSES] }, expiresAt: { $gt: now } },
    {
      $set: {
        status: 'cancelled',
        completedAt: now,
        updatedAt: now,
        errorCode: 'CANCELLED',
        errorMessage: JOB_ERRORS.CANCELLED,
      },
    },
    { returnDocument: 'after' },
  );
  if (raw) {
    await releaseQueueSlot(c, jobId);
    return parseJobDocument(raw);
  }
  if (!(await findLiveJob(c, jobId, now))) return null;
  throw new JobRefusedError('NOT_CANCELLABLE');
}
