import { setTimeout as delay } from 'node:timers/promises';
import { ApiError } from '@movie-generator/api-contract';
import { PipelineError } from '@movie-generator/pipeline/errors';
import { assertUrlAllowed } from '@movie-generator/pipeline/url-policy';

export interface UrlCheckOptions {
  allowPrivateNetwork: boolean;
  /** How long job.create waits for DNS before accepting the URL anyway. */
  dnsTimeoutMs?: number;
}

/**
 * job.create's URL check: scheme, credentials, length and refused address ranges (literal
 * addresses, refused names, and names that resolve into refused ranges) throw ApiError
 * INVALID_URL or BLOCKED_ADDRESS.
 *
 * A name that does not resolve, or a resolver that is slow, is let through: the worker's fetch
 * resolves again and checks the address of every connection, and reports its own error, so
 * the API never waits long on DNS and a DNS hiccup does not refuse a good URL.
 */
export function createUrlCheck(options: UrlCheckOptions): (url: string) => Promise<void> {
  const dnsTimeoutMs = options.dnsTimeoutMs ?? 2000;
  return async (url) => {
    const abort = new AbortController();
    try {
      await Promise.race([
        assertUrlAllowed(url, { allowPrivateNetwork: options.allowPrivateNetwork }),
        delay(dnsTimeoutMs, undefined, { signal: abort.signal }),
      ]);
    } catch (error) {
      if (
        error instanceof PipelineError &&
        (error.code === 'INVALID_URL' || error.code === 'BLOCKED_ADDRESS')
      ) {
        throw new ApiError(error.code);
      }
      if (error instanceof PipelineError) return;
      throw error;
    } finally {
      abort.abort();
    }
  };
}
