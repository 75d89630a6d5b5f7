import type { JobStatus } from '@movie-generator/api-contract';
import {
  enqueueGenerateVideo,
  GENERATE_VIDEO,
  isFinished,
  isJobRefused,
  type JobDocument,
} from '@movie-generator/jobs';
import type { OpsContext } from './context.ts';

/** One Agenda entry of a job (collection agendaJobs), as Agenda computes its state. */
export interface QueueEntry {
  id: string;
  state: string;
  nextRunAt: Date | null;
  lockedAt: Date | null;
  lastRunAt: Date | null;
  lastFinishedAt: Date | null;
  failReason: string | null;
}

export interface JobDetails {
  job: JobDocument;
  /** Past expiresAt: the API answers NOT_FOUND and the next cleanup deletes it. */
  expired: boolean;
  queueEntries: QueueEntry[];
}

export type RetryResult =
  | { outcome: 'retried'; job: JobDocument }
  | { outcome: 'not-found' }
  | { outcome: 'not-retryable'; status: JobStatus };

export type CancelResult =
  | { outcome: 'cancelled' }
  | { outcome: 'not-found' }
  | { outcome: 'expired' }
  | { outcome: 'not-cancellable'; status: JobStatus };

export interface PurgeReport {
  jobsRemoved: number;
  videosRemoved: number;
  bytesFreed: number;
  jobIds: string[];
}

export interface Stats {
  jobs: Record<JobStatus, number> & { total: number };
  queue: {
    /** Jobs waiting for a worker. */
    pending: number;
    /** Places in the queue taken, out of MAX_PENDING_JOBS. */
    slotsHeld: number;
    slotsCap: number;
    /** generate-video entries in Agenda, by Agenda's own state. */
    entries: { total: number; queued: number; running: number; scheduled: number; failed: number };
    /** Age of the oldest pending job in seconds, or null when none waits. */
    oldestPendingSec: number | null;
  };
  storage: { kind: 'gridfs' | 'fs'; videos: number; bytes: number };
}

export function listJobs(
  ctx: OpsContext,
  filter: { status?: JobStatus; limit?: number },
): Promise<JobDocument[]> {
  return ctx.admin.list(filter);
}

/** The whole document (client IP included: ops may see it), expired or not, and its queue entries. */
export async function showJob(ctx: OpsContext, jobId: string, now = new Date()): Promise<JobDetails | null> {
  const job = await ctx.admin.c.jobs.findOne({ jobId });
  if (!job) return null;
  return { job, expired: job.expiresAt <= now, queueEntries: await queueEntries(ctx, jobId) };
}

async function queueEntries(ctx: OpsContext, jobId: string): Promise<QueueEntry[]> {
  const queue = await ctx.queue();
  const { jobs } = await queue.queryJobs({ name: GENERATE_VIDEO, data: { jobId } });
  return jobs.map((j) => ({
    id: String(j._id),
    state: j.state,
    nextRunAt: j.nextRunAt ?? null,
    lockedAt: j.lockedAt ?? null,
    lastRunAt: j.lastRunAt ?? null,
    lastFinishedAt: j.lastFinishedAt ?? null,
    failReason: j.failReason ?? null,
  }));
}

/**
 * A failed or cancelled job goes back to pending and onto the queue, whatever the queue cap.
 * Its start count is reset too: a job failed for too many starts (its workers kept dying)
 * would otherwise fail again at once.
 */
export async function retryJob(ctx: OpsContext, jobId: string, now = new Date()): Promise<RetryResult> {
  const existing = await ctx.admin.c.jobs.findOne({ jobId });
  if (!existing) return { outcome: 'not-found' };
  if (!(await ctx.admin.resetForRetry(jobId, now)))
    return { outcome: 'not-retryable', status: existing.status };
  await enqueueGenerateVideo(await ctx.queue(), jobId);
  const job = await ctx.admin.c.jobs.findOne({ jobId });
  return { outcome: 'retried', job: job! };
}

/** Pending → cancelled at once; processing → cancelled, and its worker stops within seconds. */
export async function cancelJob(ctx: OpsContext, jobId: string, now = new Date()): Promise<CancelResult> {
  const existing = await ctx.admin.c.jobs.findOne({ jobId });
  if (!existing) return { outcome: 'not-found' };
  if (isFinished(existing.status)) return { outcome: 'not-cancellable', status: existing.status };
  try {
    // Null for an expired job: the cleanup deletes it, there is nothing left to stop.
    return (await ctx.admin.cancel(jobId, now)) ? { outcome: 'cancelled' } : { outcome: 'expired' };
  } catch (error) {
    // It finished between our read and the update.
    if (!isJobRefused(error, 'NOT_CANCELLABLE')) throw error;
    const after = await ctx.admin.c.jobs.findOne({ jobId });
    return after ? { outcome: 'not-cancellable', status: after.status } : { outcome: 'not-found' };
  }
}

/**
 * Deletes expired jobs now (what the worker's cleanup does every CLEANUP_INTERVAL) — or, with
 * `finished`, every completed, failed and cancelled job too — with their videos and queue
 * entries. The video goes first: if that fails, the job stays and a later run tries again.
 */
export async function purgeJobs(
  ctx: OpsContext,
  options: { finished?: boolean },
  now = new Date(),
): Promise<PurgeReport> {
  const report: PurgeReport = { jobsRemoved: 0, videosRemoved: 0, bytesFreed: 0, jobIds: [] };
  const queue = await ctx.queue();
  for (const job of await ctx.admin.findPurgeable({ finished: options.finished }, now)) {
    if (job.video) {
      const size = await ctx.videoStore.size(job.video);
      await ctx.videoStore.remove(job.video);
      report.videosRemoved += 1;
      report.bytesFreed += size ?? 0;
    }
    // The poster and subtitles stored beside the video go with it.
    for (const artifact of Object.values(job.artifacts ?? {})) {
      if (!artifact) continue;
      report.bytesFreed += (await ctx.videoStore.size(artifact)) ?? 0;
      await ctx.videoStore.remove(artifact);
    }
    await queue.cancel({ name: GENERATE_VIDEO, data: { jobId: job.jobId } });
    await ctx.admin.remove(job.jobId);
    report.jobsRemoved += 1;
    report.jobIds.push(job.jobId);
  }
  return report;
}

export async function stats(ctx: OpsContext, now = new Date()): Promise<Stats> {
  const { admin, env } = ctx;
  const queue = await ctx.queue();
  const [counts, slotsHeld, oldest, overview, bytes, videos] = await Promise.all([
    admin.countsByStatus(),
    admin.c.queueSlots.countDocuments({ n: { $lt: env.MAX_PENDING_JOBS }, holder: { $ne: null } }),
    admin.c.jobs.find({ status: 'pending' }).sort({ createdAt: 1 }).limit(1).next(),
    queue.getJobsOverview(),
    ctx.videoStore.totalBytes(),
    admin.c.jobs.countDocuments({ video: { $ne: null } }),
  ]);
  const entries = overview.find((o) => o.name === GENERATE_VIDEO);
  return {
    jobs: { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) },
    queue: {
      pending: counts.pending,
      slotsHeld,
      slotsCap: env.MAX_PENDING_JOBS,
      entries: {
        total: entries?.total ?? 0,
        queued: entries?.queued ?? 0,
        running: entries?.running ?? 0,
        scheduled: entries?.scheduled ?? 0,
        failed: entries?.failed ?? 0,
      },
      oldestPendingSec: oldest ? Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000) : null,
    },
    storage: { kind: ctx.videoStore.kind, videos, bytes },
  };
}
