import type { LookupAddresses, UrlPolicy } from '@movie-generator/url-policy';
import { type Dispatcher, request } from 'undici';
import { createGuardedAgent } from '../fetch/guarded-agent.ts';
import { readCappedBody } from '../fetch/read-body.ts';
import { parseAllowedUrl } from '../fetch/url-policy.ts';

/** Why a picture was not used; logged, never shown as a job failure. */
export class ImageRejected extends Error {
  override name = 'ImageRejected';
}

const REQUEST_HEADERS = {
  'user-agent': 'movie-generator/0.1 (article-to-video; +https://github.com/movie-generator)',
  accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1',
  'accept-encoding': 'gzip, deflate, br',
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface DownloadLimits {
  maxBytes: number;
  maxRedirects: number;
}

/**
 * One picture's bytes, fetched like the page is: http(s) only, every hop's URL checked, every
 * connection made by `agent` (a guarded agent, so each resolved address is checked at connect
 * time), redirects followed by hand, the body capped on the wire and after decoding.
 */
export async function downloadImage(
  url: string,
  agent: Dispatcher,
  policy: UrlPolicy,
  limits: DownloadLimits,
  signal: AbortSignal,
): Promise<Buffer> {
  let current = parseAllowedUrl(url, policy);
  for (let redirects = 0; ; redirects++) {
    const response = await request(current, {
      method: 'GET',
      headers: REQUEST_HEADERS,
      dispatcher: agent,
      signal,
    });
    if (REDIRECT_STATUSES.has(response.statusCode)) {
      discard(response.body);
      const location = header(response.headers, 'location');
      if (!location) throw new ImageRejected('redirect without Location');
      if (redirects >= limits.maxRedirects)
        throw new ImageRejected(`more than ${limits.maxRedirects} redirects`);
      current = parseAllowedUrl(new URL(location, current).href, policy);
      continue;
    }
    if (response.statusCode < 200 || response.statusCode > 299) {
      discard(response.body);
      throw new ImageRejected(`HTTP ${response.statusCode}`);
    }
    const declared = Number(header(response.headers, 'content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      discard(response.body);
      throw new ImageRejected(`Content-Length ${declared} is over ${limits.maxBytes} bytes`);
    }
    return readCappedBody(
      response.body,
      header(response.headers, 'content-encoding'),
      limits.maxBytes,
      signal,
    );
  }
}

/** The guarded agent for a batch of picture downloads (same policy as the page's fetch). */
export const createImageAgent = (policy: UrlPolicy, lookup?: LookupAddresses) =>
  createGuardedAgent(policy.isBlocked, lookup ? { lookup } : {});

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}
