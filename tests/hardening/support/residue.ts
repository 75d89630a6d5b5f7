import { readdir } from 'node:fs/promises';
import { ACTIVE_STATUSES, type JobStatus } from '@movie-generator/api-contract';
import { GENERATE_VIDEO } from '@movie-generator/jobs';
import type { Db } from 'mongodb';

/** What a job leaves in MongoDB and on disk: everything that must be gone when it is refused or failed. */
export interface Residue {
  jobs: number;
  /** generate-video entries in Agenda's collection. */
  queueEntries: number;
  /** Queue places held (queue_slots with a holder). */
  slotsHeld: number;
  /** Daily quota counted, over every IP. */
  quotaUsed: number;
  videoFiles: number;
  videoChunks: number;
  /** mg-job-* work directories left in the work dir. */
  workDirs: string[];
}

export async function residue(db: Db, workDir?: string): Promise<Residue> {
  const [jobs, queueEntries, slotsHeld, quotas, videoFiles, videoChunks, workDirs] = await Promise.all([
    db.collection('jobs').countDocuments(),
    db.collection('agendaJobs').countDocuments({ name: GENERATE_VIDEO }),
    db.collection('queue_slots').countDocuments({ holder: { $ne: null } }),
    db.collection('quotas').find().toArray(),
    // Videos only: the poster and subtitle files stored beside each one are not counted.
    db.collection('videos.files').countDocuments({ filename: /\.mp4$/ }),
    db.collection('videos.chunks').countDocuments(),
    workDir ? leftoverWorkDirs(workDir) : Promise.resolve([]),
  ]);
  const quotaUsed = quotas.reduce((n, q) => n + (q.count as number), 0);
  return { jobs, queueEntries, slotsHeld, quotaUsed, videoFiles, videoChunks, workDirs };
}

export async function leftoverWorkDirs(workDir: string): Promise<string[]> {
  const names = await readdir(workDir).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith('mg-job-'));
}

/** Jobs not in a final state (pending or processing) among `ids`, plus ids whose record is gone. */
export async function lostOrStuck(
  db: Db,
  ids: readonly string[],
): Promise<{ lost: string[]; stuck: string[] }> {
  const docs = await db
    .collection('jobs')
    .find({ jobId: { $in: [...ids] } })
    .toArray();
  const found = new Map(docs.map((d) => [d.jobId as string, d.status as JobStatus]));
  return {
    lost: ids.filter((id) => !found.has(id)),
    stuck: ids.filter((id) =>
      (ACTIVE_STATUSES as readonly (JobStatus | undefined)[]).includes(found.get(id)),
    ),
  };
}
