import type { Readable } from 'node:stream';
import { type UrlPolicy, type UrlPolicyInternals, urlPolicyFor } from '@movie-generator/url-policy';
import { type Dispatcher, request } from 'undici';
import type { StageContext } from '../context.ts';
import { cancelledError, PipelineError } from '../errors.ts';
import { msg } from '../i18n/messages.ts';
import { decodeHtml } from './charset.ts';
import { isHtmlMediaType, parseContentType, sniffsAsHtml } from './content-type.ts';
import { createGuardedAgent } from './guarded-agent.ts';
import { readCappedBody } from './read-body.ts';
import type { FetchedPage, FetchOptions } from './types.ts';
import { asPipelineError, parseAllowedUrl, toLookupError } from './url-policy.ts';

export const FETCH_DEFAULTS = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 20_000,
  maxRedirects: 5,
} as const;

const REQUEST_HEADERS = {
  'user-agent': 'movie-generator/0.1 (article-to-video; +https://github.com/movie-generator)',
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  'accept-language': 'ja,en;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Downloads an article page: http(s) only, every connection (each redirect hop included) checked
 * against the address policy at connect time, redirects followed by hand up to `maxRedirects`,
 * the body capped (also after decompression), the whole thing bounded by `timeoutMs`, and the
 * bytes decoded to text with the page's charset.
 */
export async function fetchPage(url: string, options: FetchOptions, ctx: StageContext): Promise<FetchedPage> {
  return fetchPageInternal(url, options, ctx, {});
}

/** fetchPage with internal knobs (tests substitute the address policy here). */
export async function fetchPageInternal(
  url: string,
  options: FetchOptions,
  ctx: StageContext,
  internals: UrlPolicyInternals,
): Promise<FetchedPage> {
  if (ctx.signal.aborted) throw cancelledError(ctx.signal);
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const policy = urlPolicyFor(options, internals);
  const agent = createGuardedAgent(policy.isBlocked, {
    ...(internals.lookupForTests ? { lookup: internals.lookupForTests } : {}),
  });

  ctx.onProgress(0, msg.fetching);
  try {
    let current = parseAllowedUrl(url, policy);
    const visited = new Set([current.href]);
    for (let redirects = 0; ; redirects++) {
      const response = await request(current, {
        method: 'GET',
        headers: REQUEST_HEADERS,
        dispatcher: agent,
        signal,
      });
      ctx.log.debug({ url: current.href, status: response.statusCode }, 'fetch response');

      if (REDIRECT_STATUSES.has(response.statusCode)) {
        await discard(response.body);
        const next = nextHop(current, header(response.headers, 'location'), policy);
        if (redirects >= maxRedirects) {
          throw new PipelineError('TOO_MANY_REDIRECTS', { detail: `more than ${maxRedirects} redirects` });
        }
        if (visited.has(next.href)) {
          throw new PipelineError('TOO_MANY_REDIRECTS', { detail: `redirect loop at ${next.href}` });
        }
        visited.add(next.href);
        current = next;
        continue;
      }

      const page = await readPage(response, current, url, maxBytes, signal);
      ctx.onProgress(100, msg.fetched);
      return page;
    }
  } catch (error) {
    throw toFetchError(error, ctx.signal, timeout);
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}

/** The next URL of a redirect, checked like the first one (scheme, credentials, host). */
function nextHop(current: URL, location: string | undefined, policy: UrlPolicy): URL {
  if (!location) throw new PipelineError('FETCH_FAILED', { detail: 'redirect without Location' });
  let target: string;
  try {
    target = new URL(location, current).href;
  } catch (cause) {
    throw new PipelineError('INVALID_URL', { detail: 'unparseable redirect Location', cause });
  }
  return parseAllowedUrl(target, policy);
}

async function readPage(
  response: Dispatcher.ResponseData,
  url: URL,
  requestedUrl: string,
  maxBytes: number,
  signal: AbortSignal,
): Promise<FetchedPage> {
  const status = response.statusCode;
  if (status < 200 || status > 299) {
    await discard(response.body);
    const transient = status >= 500 || status === 408 || status === 429;
    throw new PipelineError('FETCH_FAILED', { detail: `HTTP ${status}`, transient, httpStatus: status });
  }

  const contentType = parseContentType(header(response.headers, 'content-type'));
  if (contentType && !isHtmlMediaType(contentType.mediaType)) {
    await discard(response.body);
    throw new PipelineError('NOT_HTML', { detail: `Content-Type ${contentType.mediaType}` });
  }
  const encoding = header(response.headers, 'content-encoding');
  const declaredLength = Number(header(response.headers, 'content-length'));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    await discard(response.body);
    throw new PipelineError('TOO_LARGE', { detail: `Content-Length ${declaredLength}` });
  }

  const bytes = await readCappedBody(response.body, encoding, maxBytes, signal);
  if (!contentType && !sniffsAsHtml(bytes)) {
    throw new PipelineError('NOT_HTML', { detail: 'no Content-Type and the body does not look like HTML' });
  }
  const { html, charset } = decodeHtml(bytes, contentType?.charset);
  return {
    requestedUrl,
    url: url.href,
    html,
    charset,
    contentType: contentType?.mediaType ?? 'text/html',
  };
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Drops a body we will not read, without waiting for a slow or endless sender. */
async function discard(body: Readable): Promise<void> {
  body.on('error', () => undefined); // destroying undici's body emits an AbortError nobody needs
  body.destroy();
}

/** Maps anything thrown while fetching to the stage's error, cancellation and timeout first. */
function toFetchError(error: unknown, stageSignal: AbortSignal, timeout: AbortSignal): PipelineError {
  if (stageSignal.aborted) return cancelledError(stageSignal);
  const known = asPipelineError(error);
  if (known instanceof PipelineError) return known;
  if (timeout.aborted) {
    return new PipelineError('FETCH_TIMEOUT', {
      detail: 'fetch took too long',
      transient: true,
      cause: error,
    });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return toLookupError(error);
  const detail = error instanceof Error ? `${code ?? error.name}: ${error.message}` : String(error);
  return new PipelineError('FETCH_FAILED', { detail, transient: true, cause: error });
}
