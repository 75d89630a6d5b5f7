import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiErrorOf } from '@movie-generator/api-contract/client';
import { startEmbeddedMongo } from '@movie-generator/embedded-mongo';
import { connectMongo } from '@movie-generator/jobs';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverPerTest } from './testing/server-per-test.ts';
import { PUBLIC_URL, startTestServer } from './testing/test-server.ts';

/** The value of one sample line of the Prometheus text, e.g. `jobs_created_total 2`. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

describe('operations endpoints and HTTP hardening', () => {
  const ctx = serverPerTest();

  it.each(['/healthz', '/health'])('GET %s answers 200 while the process lives', async (path) => {
    const res = await fetch(`${ctx.server.url}${path}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('exports Prometheus metrics: counters of this server, gauges read from MongoDB, request durations', async () => {
    const first = await ctx.server.client.job.create.mutate({ url: PUBLIC_URL });
    await ctx.server.client.job.create.mutate({ url: PUBLIC_URL });
    await ctx.server.client.job.create.mutate({ url: `${PUBLIC_URL}?3` });
    await ctx.server.client.job.cancel.mutate({ id: first.id });
    await ctx.server.client.job.create.mutate({ url: 'http://127.0.0.1/' }).catch(() => {});
    // A job another replica created is still counted by the gauges (they come from MongoDB).
    const other = await ctx.serverWith({});
    const moved = await other.client.job.create.mutate({ url: PUBLIC_URL });
    await other.runs.start(moved.id, 'worker-1');

    const res = await fetch(`${ctx.server.metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'jobs_created_total')).toBe(3);
    expect(sample(text, 'jobs_cancelled_total')).toBe(1);
    expect(sample(text, 'jobs_rejected_total{code="BLOCKED_ADDRESS"}')).toBe(1);
    expect(sample(text, 'jobs_by_status{status="pending"}')).toBe(2);
    expect(sample(text, 'jobs_by_status{status="cancelled"}')).toBe(1);
    expect(sample(text, 'jobs_by_status{status="processing"}')).toBe(1);
    expect(sample(text, 'jobs_by_status{status="completed"}')).toBe(0);
    expect(sample(text, 'jobs_by_status{status="failed"}')).toBe(0);
    expect(sample(text, 'jobs_queue_depth')).toBe(2);
    expect(sample(text, 'jobs_processing')).toBe(1);
    expect(sample(text, 'videos_stored_bytes')).toBe(0);
    // Three creates and a cancel answered 200 (the refused create is a 400).
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="POST",route="\/trpc",status="200"\} 4$/m,
    );
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');

    // Probed paths do not become series of their own.
    await fetch(`${ctx.server.url}/some/probe/${'x'.repeat(40)}`);
    const after = await (await fetch(`${ctx.server.metricsUrl}/metrics`)).text();
    expect(after).not.toContain('xxxxxxxx');
    expect(after).toMatch(/route="web",status="404"/);
  });

  it('serves /metrics on the metrics port only, and reads the job counts at most every 15 s', async () => {
    const publicPort = await fetch(`${ctx.server.url}/metrics`);
    expect(publicPort.status).toBe(404);
    expect(await publicPort.text()).not.toContain('jobs_by_status');

    await ctx.server.client.job.create.mutate({ url: PUBLIC_URL });
    const first = await (await fetch(`${ctx.server.metricsUrl}/metrics`)).text();
    expect(sample(first, 'jobs_by_status{status="pending"}')).toBe(1);
    // Scrapes in quick succession (Prometheus replicas, a curious visitor) share that read.
    await ctx.server.client.job.create.mutate({ url: `${PUBLIC_URL}?2` });
    const scrapes = await Promise.all(
      Array.from({ length: 20 }, async () => (await fetch(`${ctx.server.metricsUrl}/metrics`)).text()),
    );
    for (const text of scrapes) {
      expect(sample(text, 'jobs_by_status{status="pending"}')).toBe(1);
      expect(sample(text, 'jobs_created_total')).toBe(2);
    }
  });

  it('sets security headers with a CSP that lets the web app load its own scripts, styles and media', async () => {
    const res = await fetch(`${ctx.server.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("media-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('sends no CORS headers unless CORS_ORIGIN names the origin', async () => {
    const origin = 'https://web.example.com';
    const preflight = (url: string, from: string) =>
      fetch(`${url}/trpc/job.create`, {
        method: 'OPTIONS',
        headers: {
          origin: from,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const plain = await fetch(`${ctx.server.url}/trpc/system.info`, { headers: { origin } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(ctx.server.url, origin)).headers.get('access-control-allow-origin')).toBeNull();

    const open = await ctx.serverWith({ CORS_ORIGIN: `${origin},http://localhost:5173` });
    const allowed = await fetch(`${open.url}/trpc/system.info`, { headers: { origin } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    const pre = await preflight(open.url, origin);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const other = await fetch(`${open.url}/trpc/system.info`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // The configured origin may also play the videos.
    expect(allowed.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('refuses a request body over 16 kB with 413 and a clean API error', async () => {
    const res = await fetch(`${ctx.server.url}/trpc/job.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `https://example.com/${'a'.repeat(20_000)}` }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { data: { appCode: string }; message: string } };
    expect(body.error.data.appCode).toBe('INVALID_INPUT');
    expect(body.error.message).not.toMatch(/at |stack/);

    const viaClient = await ctx.server.client.job.create
      .mutate({ url: `https://example.com/${'b'.repeat(20_000)}` })
      .then(() => null, apiErrorOf);
    expect(viaClient?.appCode).toBe('INVALID_INPUT');
    expect(await ctx.mongo.db.collection('jobs').countDocuments()).toBe(0);
  });

  it('answers 404 for unknown paths when no web app is built', async () => {
    const res = await fetch(`${ctx.server.url}/`);
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });

  describe('with a built web app', () => {
    let web: Awaited<ReturnType<typeof makeTempDir>>;
    beforeAll(async () => {
      web = await makeTempDir('mg-web-');
      await mkdir(join(web.dir, 'assets'));
      await writeFile(
        join(web.dir, 'index.html'),
        '<!doctype html><div id="root"></div><script src="/assets/app-1a2b.js"></script>',
      );
      await writeFile(join(web.dir, 'assets', 'app-1a2b.js'), 'console.log("app")');
      await writeFile(join(web.dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    });
    afterAll(() => web.cleanup());

    it('serves its files, falls back to index.html for client routes, and keeps API 404s', async () => {
      const app = await ctx.serverWith({ WEB_DIST_DIR: web.dir });
      const get = async (path: string) => {
        const res = await fetch(`${app.url}${path}`);
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          cache: res.headers.get('cache-control'),
          body: await res.text(),
        };
      };
      const home = await get('/');
      expect(home).toMatchObject({ status: 200, cache: 'no-cache' });
      expect(home.type).toMatch(/^text\/html/);
      expect(home.body).toContain('<div id="root">');
      // A job's page is 200 while the job exists; unknown jobs and routes are 404, still with
      // the app (it renders its own not-found page).
      const { id } = await app.client.job.create.mutate({ url: PUBLIC_URL });
      const route = await get(`/jobs/${id}`);
      expect(route.status).toBe(200);
      expect(route.body).toBe(home.body);
      for (const path of ['/jobs/AAAAAAAAAAAAAAAAAAAAAAAA', '/jobs/not-an-id', '/nowhere', '/jobs']) {
        const missing = await get(path);
        expect(missing, path).toMatchObject({ status: 404, cache: 'no-cache' });
        expect(missing.body, path).toBe(home.body);
      }

      const script = await get('/assets/app-1a2b.js');
      expect(script).toMatchObject({
        status: 200,
        body: 'console.log("app")',
        cache: 'public, max-age=31536000, immutable',
      });
      expect(script.type).toMatch(/javascript/);
      expect((await get('/favicon.svg')).type).toMatch(/^image\/svg\+xml/);

      expect((await get('/assets/missing-9z.js')).status).toBe(404);
      expect((await get('/videos/AAAAAAAAAAAAAAAAAAAAAAAA.mp4')).status).toBe(404);
      expect((await get('/videos/nothing/here')).body).not.toContain('root');
      const unknownProcedure = await get('/trpc/nope.nothing');
      expect(unknownProcedure.status).toBe(404);
      expect(unknownProcedure.body).not.toContain('root');
      expect((await get('/%2e%2e/%2e%2e/etc/passwd')).body).not.toContain('root:');
    });
  });
});

describe('GET /readyz', () => {
  it('answers 200 while MongoDB answers a ping, 503 within ~2 s once it stops', async () => {
    const embedded = await startEmbeddedMongo();
    const { client, db } = await connectMongo(embedded.uri, 'mg_readyz');
    const server = await startTestServer(db);
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });

      await embedded.stop();
      const started = Date.now();
      const down = await fetch(`${server.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'mongodb unavailable' });
      expect(Date.now() - started).toBeLessThan(3000);
      // Liveness does not depend on MongoDB.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
      await client.close(true);
    }
  });
});
