import { type JobRuns, type StoredArtifacts, type StoredVideo, sameVideo } from '@movie-generator/jobs';
import type { Logger } from 'pino';
import { backoffDelay, sleep } from './retry.ts';

/** How long, and how often, a worker keeps trying to record a finished job while MongoDB is away. */
export interface CompletionRetry {
  /** Gives up once the next wait would end past this long after the first try. */
  deadlineMs: number;
  /** Wait before retry n is backoffMs[n-1]; the last entry repeats. */
  backoffMs: number[];
}

/** About two minutes: longer than a MongoDB restart or a replica-set election. */
export const COMPLETION_RETRY: CompletionRetry = {
  deadlineMs: 120_000,
  backoffMs: [500, 1000, 2000, 4000, 8000, 15_000],
};

/**
 * `completed`: recorded. `refused`: the job is no longer this worker's (cancelled, taken over).
 * `unknown`: MongoDB did not answer in time; the job may or may not be marked completed.
 */
export type CompletionOutcome = 'completed' | 'refused' | 'unknown';

export interface CompleteDurablyOptions {
  store: JobRuns;
  jobId: string;
  result: { video: StoredVideo; videoSize: number; durationSec: number; artifacts?: StoredArtifacts };
  workerId: string;
  retry: CompletionRetry;
  /** Stops the retrying (the worker is shutting down): the outcome is then `unknown`. */
  signal?: AbortSignal;
  log: Logger;
}

/**
 * Marks a finished job completed, retrying while MongoDB fails. A retry that finds the job no
 * longer processing re-reads it: an earlier try may have been written before its answer was lost,
 * and then the job is completed with this very video.
 */
export async function completeDurably(options: CompleteDurablyOptions): Promise<CompletionOutcome> {
  const { store, jobId, result, workerId, retry, signal, log } = options;
  const started = Date.now();
  let failedBefore = false;
  for (let attempt = 1; ; attempt++) {
    try {
      if (await store.complete(jobId, result, { workerId })) return 'completed';
      if (!failedBefore) return 'refused';
      const doc = await store.find(jobId);
      const ours = doc?.status === 'completed' && doc.video !== null && sameVideo(doc.video, result.video);
      return ours ? 'completed' : 'refused';
    } catch (error) {
      failedBefore = true;
      const waitMs = backoffDelay({ attempts: 0, backoffMs: retry.backoffMs }, attempt);
      if (signal?.aborted || Date.now() - started + waitMs > retry.deadlineMs) {
        log.error({ err: error, attempts: attempt }, 'job: could not record the completion; giving up');
        return 'unknown';
      }
      log.warn({ err: error, attempt, waitMs }, 'job: could not record the completion; retrying');
      await sleep(waitMs, signal);
    }
  }
}
