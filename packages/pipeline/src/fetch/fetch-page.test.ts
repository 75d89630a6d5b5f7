import type { ServerResponse } from 'node:http';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';
import { isBlockedAddress } from '@movie-generator/url-policy';
import iconv from 'iconv-lite';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { msg } from '../i18n/messages.ts';
import { makeTestContext } from '../test-context.ts';
import { fetchPage, fetchPageInternal } from './fetch-page.ts';
import { createGuardedAgent } from './guarded-agent.ts';

const HTML = '<!doctype html><html><head><title>Hello</title></head><body><p>本文です。</p></body></html>';
const JA = '東海道新幹線は一九六四年十月一日に開業しました。';
const jaPage = (meta = '') =>
  `<html><head>${meta}<title>新幹線</title></head><body><p>${JA}</p></body></html>`;

/** Lets 127.0.0.1 stand in for a public host, while every other blocked address stays blocked. */
const treat127001AsPublic = (address: string) => address !== '127.0.0.1' && isBlockedAddress(address);

let server: TestHttpServer;
let base: string;
const open = new Set<ServerResponse>();

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body?: Buffer | string,
) {
  res.writeHead(status, headers);
  res.end(body);
}

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    const n = Number(url.searchParams.get('n') ?? 0);
    if (path === '/page') return send(res, 200, { 'content-type': 'text/html; charset=utf-8' }, HTML);
    if (path === '/no-type-html') return send(res, 200, {}, Buffer.from(HTML));
    if (path === '/no-type-png')
      return send(res, 200, {}, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    if (path === '/pdf') return send(res, 200, { 'content-type': 'application/pdf' }, '%PDF-1.7\n');
    if (path === '/png') return send(res, 200, { 'content-type': 'image/png' }, Buffer.alloc(64));
    if (path === '/json') return send(res, 200, { 'content-type': 'application/json' }, '{"a":1}');
    if (path === '/xhtml') return send(res, 200, { 'content-type': 'application/xhtml+xml' }, HTML);
    if (path === '/404') return send(res, 404, { 'content-type': 'text/html' }, 'missing');
    if (path === '/503') return send(res, 503, { 'content-type': 'text/html' }, 'busy');
    // redirects: /chain?n=3 → /chain?n=2 → … → /page
    if (path === '/chain') return send(res, 302, { location: n > 0 ? `/chain?n=${n - 1}` : '/page' });
    if (path === '/loop-a') return send(res, 301, { location: '/loop-b' });
    if (path === '/loop-b') return send(res, 307, { location: `${base}/loop-a` });
    if (path === '/to') return send(res, 302, { location: url.searchParams.get('location')! });
    if (path === '/no-location') return send(res, 302, {});
    // charsets
    if (path === '/sjis-header') {
      return send(
        res,
        200,
        { 'content-type': 'text/html; charset=Shift_JIS' },
        iconv.encode(jaPage(), 'Shift_JIS'),
      );
    }
    if (path === '/sjis-meta') {
      const body = iconv.encode(jaPage('<meta charset="Shift_JIS">'), 'Shift_JIS');
      return send(res, 200, { 'content-type': 'text/html' }, body);
    }
    if (path === '/eucjp-header') {
      return send(
        res,
        200,
        { 'content-type': 'text/html; charset=EUC-JP' },
        iconv.encode(jaPage(), 'EUC-JP'),
      );
    }
    if (path === '/eucjp-meta') {
      const meta = '<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">';
      return send(res, 200, { 'content-type': 'text/html' }, iconv.encode(jaPage(meta), 'EUC-JP'));
    }
    if (path === '/sjis-undeclared') {
      return send(res, 200, { 'content-type': 'text/html' }, iconv.encode(jaPage(), 'Shift_JIS'));
    }
    if (path === '/utf8-undeclared') return send(res, 200, { 'content-type': 'text/html' }, jaPage());
    // encodings
    if (path === '/gzip')
      return send(res, 200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync(HTML));
    if (path === '/br') {
      return send(
        res,
        200,
        { 'content-type': 'text/html', 'content-encoding': 'br' },
        brotliCompressSync(HTML),
      );
    }
    if (path === '/deflate') {
      return send(
        res,
        200,
        { 'content-type': 'text/html', 'content-encoding': 'deflate' },
        deflateSync(HTML),
      );
    }
    if (path === '/deflate-raw') {
      return send(
        res,
        200,
        { 'content-type': 'text/html', 'content-encoding': 'deflate' },
        deflateRawSync(HTML),
      );
    }
    if (path === '/gzip-bomb') {
      return send(res, 200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipBomb);
    }
    if (path === '/br-bomb') {
      return send(res, 200, { 'content-type': 'text/html', 'content-encoding': 'br' }, brotliBomb);
    }
    if (path === '/unknown-encoding') {
      return send(res, 200, { 'content-type': 'text/html', 'content-encoding': 'zstd' }, 'x');
    }
    // size and time
    if (path === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': 50 * 1024 * 1024 });
      open.add(res);
      res.write('<html>');
      return;
    }
    if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'text/html' });
      open.add(res);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {
          /* keep writing until backpressure */
        }
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    if (path === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/html' });
      open.add(res);
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('<p>.</p>')), 100);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (path === '/hang') {
      open.add(res); // never answers
      return;
    }
    send(res, 404, { 'content-type': 'text/plain' }, 'not found');
  });
  base = server.url;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await server.close();
});

// 64 MiB of zeros is ~64 KB gzipped and ~50 bytes as brotli.
const gzipBomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
const brotliBomb = brotliCompressSync(Buffer.alloc(64 * 1024 * 1024));

const allowLocal = { allowPrivateNetwork: true } as const;

function requestsTo(path: string): number {
  return server.requests.filter((r) => new URL(r.url, 'http://x').pathname === path).length;
}

async function fetchError(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

describe('fetchPage: address policy', () => {
  it('refuses the local server without the opt-in, before sending anything', async () => {
    const before = server.requests.length;
    const error = await fetchError(fetchPage(`${base}/page`, {}, makeTestContext()));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(server.requests.length).toBe(before);
  });

  it('fetches it with allowPrivateNetwork, reporting progress', async () => {
    const ctx = makeTestContext();
    const page = await fetchPage(`${base}/page`, allowLocal, ctx);
    expect(page).toEqual({
      requestedUrl: `${base}/page`,
      url: `${base}/page`,
      html: HTML,
      charset: 'utf-8',
      contentType: 'text/html',
    });
    expect(ctx.progress).toEqual([
      { percent: 0, message: msg.fetching },
      { percent: 100, message: msg.fetched },
    ]);
    const received = server.requests.at(-1)!;
    expect(received.method).toBe('GET');
    expect(received.url).toBe('/page');
    expect(received.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(received.headers.accept).toMatch(/^text\/html/);
    expect(received.headers['user-agent']).toMatch(/^movie-generator\//);
  });

  it('still refuses other schemes with allowPrivateNetwork', async () => {
    const error = await fetchError(fetchPage('file:///etc/passwd', allowLocal, makeTestContext()));
    expect(error.code).toBe('INVALID_URL');
  });

  it('checks the address at connect time: a name resolving to loopback is refused by the agent', async () => {
    // The name list is bypassed here on purpose: this is the check that DNS rebinding meets.
    const blocking = createGuardedAgent(isBlockedAddress);
    const before = server.requests.length;
    await expect(
      request(`http://localhost:${server.port}/page`, { dispatcher: blocking }),
    ).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
    await blocking.destroy();
    expect(server.requests.length).toBe(before);

    // With 127.0.0.1 treated as public, the same name connects: to the address that was checked.
    const permissive = createGuardedAgent(treat127001AsPublic);
    const response = await request(`http://localhost:${server.port}/page`, { dispatcher: permissive });
    expect(await response.body.text()).toBe(HTML);
    expect(server.requests.at(-1)!.headers.host).toBe(`localhost:${server.port}`);
    await permissive.destroy();
  });
});

describe('fetchPage: redirects', () => {
  it('follows up to 5 redirects, re-requesting each hop', async () => {
    const before = requestsTo('/chain');
    const page = await fetchPage(`${base}/chain?n=4`, allowLocal, makeTestContext());
    expect(page.url).toBe(`${base}/page`);
    expect(page.requestedUrl).toBe(`${base}/chain?n=4`);
    expect(page.html).toBe(HTML);
    expect(requestsTo('/chain') - before).toBe(5);
  });

  it('stops after the 6th redirect with TOO_MANY_REDIRECTS', async () => {
    const before = requestsTo('/chain');
    const error = await fetchError(fetchPage(`${base}/chain?n=5`, allowLocal, makeTestContext()));
    expect(error.code).toBe('TOO_MANY_REDIRECTS');
    expect(requestsTo('/chain') - before).toBe(6);
  });

  it('honours a smaller maxRedirects', async () => {
    const error = await fetchError(
      fetchPage(`${base}/chain?n=1`, { ...allowLocal, maxRedirects: 1 }, makeTestContext()),
    );
    expect(error.code).toBe('TOO_MANY_REDIRECTS');
  });

  it('detects a redirect loop', async () => {
    const before = requestsTo('/loop-a');
    const error = await fetchError(fetchPage(`${base}/loop-a`, allowLocal, makeTestContext()));
    expect(error.code).toBe('TOO_MANY_REDIRECTS');
    expect(error.detail).toMatch(/loop/);
    expect(requestsTo('/loop-a') - before).toBe(1);
  });

  it('refuses a redirect without Location and one to another scheme', async () => {
    expect((await fetchError(fetchPage(`${base}/no-location`, allowLocal, makeTestContext()))).code).toBe(
      'FETCH_FAILED',
    );
    const toFile = `${base}/to?location=${encodeURIComponent('file:///etc/passwd')}`;
    expect((await fetchError(fetchPage(toFile, allowLocal, makeTestContext()))).code).toBe('INVALID_URL');
  });

  it('lets the injected policy pass 127.0.0.1 as if public (so the next tests mean something)', async () => {
    const page = await fetchPageInternal(`${base}/page`, {}, makeTestContext(), {
      isBlockedAddressForTests: treat127001AsPublic,
    });
    expect(page.html).toBe(HTML);
  });

  it.each([
    ['127.0.0.2', (port: number) => `http://127.0.0.2:${port}/page`],
    ['the metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['its decimal form', () => 'http://2852039166/latest/meta-data/'],
    ['[::1]', (port: number) => `http://[::1]:${port}/page`],
    ['[::ffff:127.0.0.2]', (port: number) => `http://[::ffff:127.0.0.2]:${port}/page`],
    ['localhost', (port: number) => `http://localhost:${port}/page`],
    ['metadata.google.internal', () => 'http://metadata.google.internal/computeMetadata/v1/'],
    ['10.0.0.1', () => 'http://10.0.0.1/'],
  ])('refuses a redirect from an allowed host to %s on that hop', async (_name, target) => {
    const start = server.requests.length;
    const url = `${base}/to?location=${encodeURIComponent(target(server.port))}`;
    const error = await fetchError(
      fetchPageInternal(url, {}, makeTestContext(), { isBlockedAddressForTests: treat127001AsPublic }),
    );
    expect(error.code).toBe('BLOCKED_ADDRESS');
    // Only the first hop reached the server.
    expect(server.requests.slice(start).map((r) => new URL(r.url, 'http://x').pathname)).toEqual(['/to']);
  });
});

describe('fetchPage: responses', () => {
  it.each([
    ['/pdf', 'application/pdf'],
    ['/png', 'image/png'],
    ['/json', 'application/json'],
  ])('refuses %s as NOT_HTML', async (path, type) => {
    const error = await fetchError(fetchPage(`${base}${path}`, allowLocal, makeTestContext()));
    expect(error.code).toBe('NOT_HTML');
    expect(error.detail).toContain(type);
  });

  it('sniffs a body without Content-Type', async () => {
    const page = await fetchPage(`${base}/no-type-html`, allowLocal, makeTestContext());
    expect(page.html).toBe(HTML);
    expect(page.contentType).toBe('text/html');
    const error = await fetchError(fetchPage(`${base}/no-type-png`, allowLocal, makeTestContext()));
    expect(error.code).toBe('NOT_HTML');
  });

  it('accepts application/xhtml+xml', async () => {
    const page = await fetchPage(`${base}/xhtml`, allowLocal, makeTestContext());
    expect(page.contentType).toBe('application/xhtml+xml');
  });

  it('maps 4xx to FETCH_FAILED and 5xx to a transient FETCH_FAILED', async () => {
    const notFound = await fetchError(fetchPage(`${base}/404`, allowLocal, makeTestContext()));
    expect(notFound).toMatchObject({ code: 'FETCH_FAILED', transient: false, detail: 'HTTP 404' });
    const busy = await fetchError(fetchPage(`${base}/503`, allowLocal, makeTestContext()));
    expect(busy).toMatchObject({ code: 'FETCH_FAILED', transient: true, detail: 'HTTP 503' });
  });

  it('names the HTTP status in the message the user sees (ja/en)', async () => {
    const notFound = await fetchError(fetchPage(`${base}/404`, allowLocal, makeTestContext()));
    expect(notFound.httpStatus).toBe(404);
    expect(notFound.userMessage.en).toMatch(/^The site answered 404 \(page not found\)/);
    expect(notFound.userMessage.ja).toContain('サイトが 404');
    const busy = await fetchError(fetchPage(`${base}/503`, allowLocal, makeTestContext()));
    expect(busy.userMessage.en).toContain('The site answered 503');
  });

  it('maps a refused connection to a transient FETCH_FAILED', async () => {
    const closed = await startHttpServer(() => undefined);
    const url = `${closed.url}/page`;
    await closed.close();
    const error = await fetchError(fetchPage(url, allowLocal, makeTestContext()));
    expect(error).toMatchObject({ code: 'FETCH_FAILED', transient: true });
    expect(error.detail).toMatch(/ECONNREFUSED/);
  });

  it.each(['/gzip', '/br', '/deflate', '/deflate-raw'])('decodes Content-Encoding %s', async (path) => {
    const page = await fetchPage(`${base}${path}`, allowLocal, makeTestContext());
    expect(page.html).toBe(HTML);
  });

  it('refuses an unknown Content-Encoding', async () => {
    const error = await fetchError(fetchPage(`${base}/unknown-encoding`, allowLocal, makeTestContext()));
    expect(error.code).toBe('FETCH_FAILED');
  });
});

describe('fetchPage: caps', () => {
  it('stops an endless body at maxBytes', async () => {
    const started = Date.now();
    const error = await fetchError(
      fetchPage(`${base}/endless`, { ...allowLocal, maxBytes: 1_000_000 }, makeTestContext()),
    );
    expect(error.code).toBe('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    const error = await fetchError(fetchPage(`${base}/big-declared`, allowLocal, makeTestContext()));
    expect(error).toMatchObject({ code: 'TOO_LARGE', detail: `Content-Length ${50 * 1024 * 1024}` });
  });

  it.each(['/gzip-bomb', '/br-bomb'])('stops the decompression bomb %s at the decoded cap', async (path) => {
    const rssBefore = process.memoryUsage().rss;
    const error = await fetchError(fetchPage(`${base}${path}`, allowLocal, makeTestContext()));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.detail).toContain('decoded body exceeds 5242880 bytes');
    // Far less than the 64 MiB the bomb expands to was held.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(40 * 1024 * 1024);
  });

  it('times out a server that trickles bytes', async () => {
    const started = Date.now();
    const error = await fetchError(
      fetchPage(`${base}/trickle`, { ...allowLocal, timeoutMs: 1500 }, makeTestContext()),
    );
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ code: 'FETCH_TIMEOUT', transient: true });
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(4000);
  });

  it('times out a server that never answers', async () => {
    const error = await fetchError(
      fetchPage(`${base}/hang`, { ...allowLocal, timeoutMs: 800 }, makeTestContext()),
    );
    expect(error.code).toBe('FETCH_TIMEOUT');
  });
});

describe('fetchPage: cancellation', () => {
  it('aborts a pending fetch with CANCELLED when the stage signal fires', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 300);
    const error = await fetchError(
      fetchPage(`${base}/trickle`, allowLocal, makeTestContext(controller.signal)),
    );
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('keeps a PipelineError abort reason, and never starts when already aborted', async () => {
    const controller = new AbortController();
    const reason = new PipelineError('TIMEOUT');
    controller.abort(reason);
    const before = server.requests.length;
    const error = await fetchError(fetchPage(`${base}/page`, allowLocal, makeTestContext(controller.signal)));
    expect(error).toBe(reason);
    expect(server.requests.length).toBe(before);
  });
});

describe('fetchPage: charsets', () => {
  it.each([
    ['/sjis-header', 'shift_jis'],
    ['/sjis-meta', 'shift_jis'],
    ['/eucjp-header', 'euc-jp'],
    ['/eucjp-meta', 'euc-jp'],
    ['/sjis-undeclared', 'shift_jis'],
    ['/utf8-undeclared', 'utf-8'],
  ])('%s decodes as %s', async (path, charset) => {
    const page = await fetchPage(`${base}${path}`, allowLocal, makeTestContext());
    expect(page.charset).toBe(charset);
    expect(page.html).toContain(JA);
    expect(page.html).toContain('<title>新幹線</title>');
  });
});
