import type { PipelineError } from '@movie-generator/pipeline';

export interface RetryPolicy {
  /** Retries after the first run (so attempts + 1 runs at most). */
  attempts: number;
  /** Wait before retry n is backoffMs[n-1]; the last entry repeats. */
  backoffMs: number[];
}

/** Only transient failures (network blips, busy engines, 5xx) are worth running again. */
export function shouldRetry(error: PipelineError, retriesDone: number, policy: RetryPolicy): boolean {
  return error.transient && retriesDone < policy.attempts;
}

/** The wait before retry `retry` (1-based). */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const list = policy.backoffMs;
  if (list.length === 0) return 0;
  return list[Math.min(retry, list.length) - 1]!;
}

/** Waits `ms`, or less when the signal aborts (it never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
