import type { JobView } from '@movie-generator/api-contract';
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
    language: doc.language,
    size: doc.size,
    vertical: doc.vertical,
    style: doc.style,
    createdAt: doc.createdAt.toISOString(),
    startedAt: iso(doc.startedAt),
    completedAt: iso(doc.completedAt),
    expiresAt: doc.expiresAt.toISOString(),
  };
}

/**
 * A rough ETA: a processing job extrapolates its own progress; a pending job waits for the
 * jobs ahead of it, `concurrency` at a time, each taking about `typicalJobSec`.
 */
export function estimateEtaSec(
  doc: JobDocument,
  queuePosition: number | null,
  typicalJobSec: number,
  concurrency: number,
  now: Date,
): number | null {
  if (doc.status === 'processing') {
    // The worker's percent is weighted by measured stage times (see stage-timings.ts), so what is
    // left is the expected time's unfinished share; once a tenth is done, the job's own pace.
    const expected = doc.expectedSec ?? typicalJobSec;
    if (!doc.startedAt || doc.progress < 10)
      return Math.max(1, Math.round((expected * (100 - doc.progress)) / 100));
    const elapsed = (now.getTime() - doc.startedAt.getTime()) / 1000;
    return Math.max(1, Math.round((elapsed / doc.progress) * (100 - doc.progress)));
  }
  if (doc.status === 'pending' && queuePosition !== null) {
    const rounds = Math.ceil(queuePosition / Math.max(1, concurrency));
    return Math.round(rounds * typicalJobSec);
  }
  return null;
}
