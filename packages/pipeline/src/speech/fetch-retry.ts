import { setTimeout as delay } from 'node:timers/promises';
import type { StageContext } from '../context.ts';
import { cancelledError, PipelineError } from '../errors.ts';

export interface RetryOptions {
  /** Per attempt, covering the response body too. */
  timeoutMs: number;
  /** Attempts after the first one. */
  retries: number;
  /** Delay before the first retry, doubled for each next one. */
  retryDelayMs: number;
  /** Names the request in error details, e.g. "VOICEVOX /synthesis". */
  what: string;
}

/**
 * Fetches `url` and reads the response with `read`, retrying (with exponential backoff) on network
 * errors, timeouts, 429 and 5xx. Other HTTP errors fail at once. Failures are AUDIO_FAILED (transient
 * when retrying later may help); aborting `ctx.signal` rejects with CANCELLED.
 */
export async function fetchWithRetry<T>(
  url: string,
  init: RequestInit,
  read: (response: Response) => Promise<T>,
  ctx: StageContext,
  options: RetryOptions,
): Promise<T> {
  let lastError: PipelineError | undefined;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) {
      const wait = options.retryDelayMs * 2 ** (attempt - 1);
      ctx.log.warn(
        { what: options.what, attempt, wait, error: lastError?.detail },
        'retrying speech request',
      );
      try {
        await delay(wait, undefined, { signal: ctx.signal });
      } catch {
        throw cancelledError(ctx.signal);
      }
    }
    if (ctx.signal.aborted) throw cancelledError(ctx.signal);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.any([ctx.signal, timeout]) });
      if (response.ok) return await read(response);
      const body = (await response.text().catch(() => '')).slice(0, 300);
      const detail = `${options.what}: HTTP ${response.status} ${body}`.trim();
      const transient = response.status >= 500 || response.status === 429;
      lastError = new PipelineError('AUDIO_FAILED', { detail, transient });
      if (!transient) throw lastError;
    } catch (error) {
      if (ctx.signal.aborted) throw cancelledError(ctx.signal);
      if (error instanceof PipelineError && !error.transient) throw error;
      const detail = timeout.aborted
        ? `${options.what}: no answer within ${options.timeoutMs} ms`
        : `${options.what}: ${error instanceof Error ? error.message : String(error)}`;
      lastError = new PipelineError('AUDIO_FAILED', { detail, transient: true, cause: error });
    }
  }
  throw lastError!;
}
