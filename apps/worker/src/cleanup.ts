import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type JobAdmin,
  type JobRuns,
  releaseStaleQueueSlots,
  sameVideo,
  type VideoStore,
} from '@movie-generator/jobs';
import { PipelineError } from '@movie-generator/pipeline';
import type { Logger } from 'pino';
import { WORK_DIR_PREFIX } from './process-job.ts';

export interface CleanupDeps {
  admin: JobAdmin;
  /** Fails the jobs whose worker vanished. */
  runs: Pick<JobRuns, 'fail'>;
  videoStore: VideoStore;
  log: Logger;
  /** Removes the queue entries of a deleted job (Agenda's generate-video documents). */
  removeQueueEntries?: (jobId: string) => Promise<void>;
  /** Where per-job work directories live. */
  workDir: string;
  /**
   * Work directories, and stored videos no job refers to, older than this are leftovers of a
   * killed worker (a video is saved moments before its job completes).
   */
  workDirMaxAgeMs: number;
  /** A processing job whose document has not changed for this long has no live worker. */
  stuckJobMs: number;
  /** Work directories of jobs running in this process right now (never removed). */
  activeWorkDirs?: () => Iterable<string>;
}

export interface CleanupReport {
  jobsRemoved: number;
  videosRemoved: number;
  slotsReleased: number;
  stuckJobsFailed: number;
  workDirsRemoved: number;
  /** Stored videos no job refers to, and the remains of interrupted saves. */
  orphanedVideosRemoved: number;
}

/**
 * The periodic cleanup: deletes expired jobs with their videos and queue entries, frees stale
 * queue places, fails jobs left processing by workers that vanished, and removes old work
 * directories and stored videos no job refers to. Each part runs even when another fails; failures are logged.
 */
export async function runCleanup(deps: CleanupDeps, now = new Date()): Promise<CleanupReport> {
  const report: CleanupReport = {
    jobsRemoved: 0,
    videosRemoved: 0,
    slotsReleased: 0,
    stuckJobsFailed: 0,
    workDirsRemoved: 0,
    orphanedVideosRemoved: 0,
  };
  const part = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      deps.log.error({ err: error, part: name }, 'cleanup: part failed');
    }
  };

  await part('expired jobs', async () => {
    for (const job of await deps.admin.findPurgeable({}, now)) {
      // Video first: if removing it fails, the job stays and the next run tries again.
      if (job.video) {
        await deps.videoStore.remove(job.video);
        report.videosRemoved += 1;
      }
      for (const artifact of Object.values(job.artifacts ?? {})) {
        if (artifact) await deps.videoStore.remove(artifact);
      }
      await deps.removeQueueEntries?.(job.jobId);
      await deps.admin.remove(job.jobId);
      report.jobsRemoved += 1;
      deps.log.info({ jobId: job.jobId, status: job.status }, 'cleanup: expired job removed');
    }
  });

  await part('queue slots', async () => {
    report.slotsReleased = await releaseStaleQueueSlots(deps.admin.c, now);
  });

  await part('stuck jobs', async () => {
    const before = now.getTime() - deps.stuckJobMs;
    const processing = await deps.admin.list({ status: 'processing', limit: 1000 });
    for (const job of processing.filter((j) => j.updatedAt.getTime() < before)) {
      const error = new PipelineError('TIMEOUT', {
        detail: `no progress since ${job.updatedAt.toISOString()}`,
      });
      await deps.runs.fail(job.jobId, { code: error.code, message: error.userMessage }, { now });
      report.stuckJobsFailed += 1;
      deps.log.warn(
        { jobId: job.jobId, workerId: job.workerId, updatedAt: job.updatedAt },
        'cleanup: stuck job failed',
      );
    }
  });

  await part('work dirs', async () => {
    report.workDirsRemoved = await removeOldWorkDirs(deps, now);
  });

  await part('orphaned videos', async () => {
    report.orphanedVideosRemoved = await removeOrphanedVideos(deps, now);
  });

  if (Object.values(report).some((n) => n > 0)) deps.log.info(report, 'cleanup: done');
  return report;
}

/** Old stored videos whose job does not refer to them, and the remains of interrupted saves. */
async function removeOrphanedVideos(deps: CleanupDeps, now: Date): Promise<number> {
  const before = new Date(now.getTime() - deps.workDirMaxAgeMs);
  let removed = 0;
  for await (const { jobId, video } of deps.videoStore.listStoredBefore(before)) {
    // Expired jobs count as owners here: the expired-jobs part removes them with their videos.
    const job = jobId
      ? await deps.admin.c.jobs.findOne({ jobId }, { projection: { video: 1, artifacts: 1 } })
      : null;
    const owned = [job?.video, ...Object.values(job?.artifacts ?? {})];
    if (owned.some((stored) => stored && sameVideo(stored, video))) continue;
    await deps.videoStore.remove(video);
    removed += 1;
    deps.log.warn({ jobId, video }, 'cleanup: orphaned video removed');
  }
  const incomplete = await deps.videoStore.removeIncompleteBefore(before);
  if (incomplete > 0) deps.log.warn({ count: incomplete }, 'cleanup: interrupted video saves removed');
  return removed + incomplete;
}

async function removeOldWorkDirs(deps: CleanupDeps, now: Date): Promise<number> {
  const active = new Set(deps.activeWorkDirs?.() ?? []);
  const entries = await readdir(deps.workDir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(WORK_DIR_PREFIX)) continue;
    const path = join(deps.workDir, entry.name);
    if (active.has(path)) continue;
    const info = await stat(path).catch(() => null);
    if (!info || now.getTime() - info.mtimeMs < deps.workDirMaxAgeMs) continue;
    await rm(path, { recursive: true, force: true });
    removed += 1;
    deps.log.info({ path }, 'cleanup: leftover work directory removed');
  }
  return removed;
}
