import { JobSettingsSchema, type JobView } from '@movie-generator/api-contract';
import type { JobDocument } from './document.ts';

export interface ViewExtras {
  queuePosition: number | null;
  etaSec: number | null;
}

/** The public view of a job document: never the client IP, the worker or storage internals. */
export function toJobView(doc: JobDocument, extras: ViewExtras): JobView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const completed = doc.status === 'completed';
  return {
    id: doc.jobId,
    url: doc.url,
    status: doc.status,
    progress: Math.round(doc.progress),
    step: doc.currentStep,
    message: doc.progressMessage,
    queuePosition: doc.status === 'pending' ? extras.queuePosition : null,
    etaSec: extras.etaSec,
    errorCode: doc.errorCode,
    errorMessage: doc.errorMessage,
    title: doc.title ?? null,
    videoUrl: completed ? `/videos/${doc.jobId}.mp4` : null,
    posterUrl: completed && doc.artifacts?.poster ? `/videos/${doc.jobId}.jpg` : null,
    captionsUrl: completed && doc.artifacts?.vtt ? `/videos/${doc.jobId}.vtt` : null,
    subtitlesUrl: completed && doc.artifacts?.srt ? `/videos/${doc.jobId}.srt` : null,
    videoSize: doc.videoSize,
    durationSec: doc.durationSec,
    ...JobSettingsSchema.parse(doc),
    createdAt: doc.createdAt.toISOString(),
    startedAt: iso(doc.startedAt),
    completedAt: iso(doc.completedAt),
    expiresAt: doc.expiresAt.toISOString(),
  };
}

/**
 * A rough ETA. A processing job: what is left of its total time, the total blended from the
 * expected one (`expectedSec`, from the same stage times that weigh its percent) and the one its
 * own pace gives (elapsed ÷ done), the pace weighing as much as the job is done. At the start
 * that is the expected time; later a job that runs slow (a loaded machine) moves the ETA out
 * gradually, with no jump, and an early percent a few points off does not swing it. A pending job
 * waits for the jobs ahead of it, `concurrency` at a time, each taking about `typicalJobSec`.
 */
export function estimateEtaSec(
  doc: JobDocument,
  queuePosition: number | null,
  typicalJobSec: number,
  concurrency: number,
  now: Date,
): number | null {
  if (doc.status === 'processing') {
    const expected = doc.expectedSec ?? typicalJobSec;
    const done = Math.max(0, Math.min(100, doc.progress)) / 100;
    const elapsed = doc.startedAt ? Math.max(0, (now.getTime() - doc.startedAt.getTime()) / 1000) : 0;
    // (1 − done) × total, total = (1 − done) × expected + done × (elapsed ÷ done).
    return Math.max(1, Math.round((1 - done) * ((1 - done) * expected + elapsed)));
  }
  if (doc.status === 'pending' && queuePosition !== null) {
    const rounds = Math.ceil(queuePosition / Math.max(1, concurrency));
    return Math.round(rounds * typicalJobSec);
  }
  return null;
}
