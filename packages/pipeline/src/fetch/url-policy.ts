// The URL and address policy live in @movie-generator/url-policy (the server needs them without
// the pipeline). The pipeline reports their refusals as PipelineErrors with the same codes; a
// name that does not resolve is FETCH_FAILED.
import {
  assertUrlAllowed as assertAllowed,
  parseAllowedUrl as parseAllowed,
  toLookupError as policyLookupError,
  type UrlAllowedOptions,
  type UrlPolicy,
  UrlPolicyError,
} from '@movie-generator/url-policy';
import { PipelineError } from '../errors.ts';

/** A UrlPolicyError as the pipeline's error (LOOKUP_FAILED is FETCH_FAILED); anything else as is. */
export function asPipelineError(error: unknown): unknown {
  if (!(error instanceof UrlPolicyError)) return error;
  return new PipelineError(error.code === 'LOOKUP_FAILED' ? 'FETCH_FAILED' : error.code, {
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
    transient: error.transient,
    cause: error.cause,
  });
}

/** The checks that need no network; throws INVALID_URL or BLOCKED_ADDRESS. */
export function parseAllowedUrl(raw: string, policy: UrlPolicy): URL {
  try {
    return parseAllowed(raw, policy);
  } catch (error) {
    throw asPipelineError(error);
  }
}

/**
 * Validates a URL the way the fetch stage will, including a DNS lookup of its host. Throws
 * INVALID_URL, BLOCKED_ADDRESS, or FETCH_FAILED (unknown host). The fetch stage checks again on
 * every connection, so a later DNS change cannot slip through.
 */
export async function assertUrlAllowed(url: string, options: UrlAllowedOptions = {}): Promise<URL> {
  try {
    return await assertAllowed(url, options);
  } catch (error) {
    throw asPipelineError(error);
  }
}

/** Maps DNS failures to FETCH_FAILED; a temporary resolver failure is worth a retry. */
export function toLookupError(error: unknown): PipelineError {
  return asPipelineError(policyLookupError(error)) as PipelineError;
}
