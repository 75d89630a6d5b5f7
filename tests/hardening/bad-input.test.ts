// Hostile URLs, pages and API calls: each gets a specific, clear error (the stable code and the
// exact ja/en text of its table) and leaves nothing half-made behind.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { API_ERRORS } from '@movie-generator/api-contract';
import { apiErrorOf } from '@movie-generator/api-contract/client';
import { GridFsVideoStore } from '@movie-generator/jobs';
import {
  closeRenderer,
  getBundle,
  PIPELINE_ERRORS,
  PipelineError,
  type PipelineErrorCode,
  type PipelineOptions,
  type PipelineResult,
  runPipeline,
} from '@movie-generator/pipeline';
import { startTestServer, type TestServer } from '@movie-generator/server/src/testing/test-server.ts';
import { ffprobe, launchChromium, startTestMongo, type TestMongo } from '@movie-generator/test-helpers';
import type { RunPipeline } from '@movie-generator/worker/src/process-job.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiFailure, errorsOf, expectApiError, raw } from './support/api.ts';
import { recordFigures } from './support/figures.ts';
import {
  EMOJI,
  GZIP_BOMB_MB,
  type HostileSite,
  LONG_TITLE,
  LONG_WORD,
  RTL_ARABIC,
  RTL_HEBREW,
  startHostileSite,
  XSS_TITLE,
} from './support/hostile-site.ts';
import { WEB_DIST_DIR } from './support/paths.ts';
import {
  type Article,
  displayWidth,
  extractArticle,
  fetchPageInternal,
  generateScript,
  makeTestContext,
  subtitleCards,
  treat127001AsPublic,
} from './support/pipeline-internals.ts';
import { residue } from './support/residue.ts';
import { ACCEPTED_URLS, IDN_URLS, REFUSED_URLS } from './support/url-cases.ts';
import {
  type InProcessWorker,
  startInProcessWorker,
  stopInProcessWorker,
  waitUntil,
} from './support/workers.ts';

const NOTHING_LEFT = {
  jobs: 0,
  queueEntries: 0,
  slotsHeld: 0,
  quotaUsed: 0,
  videoFiles: 0,
  videoChunks: 0,
  workDirs: [],
};

const FINAL = ['completed', 'failed', 'cancelled'];
/**
 * The fetch stage's 5 MB body cap, plus what the two kernel socket buffers of a loopback
 * connection hold when the client hangs up (measured: 8.26 MB reached the socket in all).
 */
const ENDLESS_BOUND_BYTES = 5 * 1024 * 1024 + 4 * 1024 * 1024;
const cases: { group: string; input: string; outcome: string }[] = [];
const note = (group: string, input: string, outcome: string) => cases.push({ group, input, outcome });

/** Each refused create comes from an IP of its own, so its quota can be checked alone. */
let ipCounter = 0;
const nextIp = () => {
  ipCounter += 1;
  return `198.18.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};

let mongo: TestMongo;

beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await recordFigures('badInput', {
    cases: cases.length,
    byGroup: cases.reduce<Record<string, number>>((acc, c) => {
      acc[c.group] = (acc[c.group] ?? 0) + 1;
      return acc;
    }, {}),
    table: cases,
  });
  await mongo?.stop();
  await closeRenderer();
});

describe('job.create refuses hostile URLs, leaving nothing behind', () => {
  let server: TestServer;
  const db = () => mongo.client.db('mg_hardening_urls');

  beforeAll(async () => {
    // No private network; the proxy on loopback is trusted so each case has its own client IP.
    server = await startTestServer(db(), { TRUST_PROXY: 'loopback', DAILY_JOB_LIMIT: '5' });
  });
  afterAll(async () => {
    await server?.close();
    await db().dropDatabase();
  });

  it.each(REFUSED_URLS)('$label: $url → $code', async ({ label, url, code }) => {
    const ip = nextIp();
    const client = server.clientWith({ 'x-forwarded-for': ip });
    expectApiError(await apiFailure(client.job.create.mutate({ url })), code);
    expect(await residue(db())).toEqual(NOTHING_LEFT);
    expect((await client.quota.get.query()).used).toBe(0);
    note(
      code === 'INVALID_URL' || code === 'INCOMPLETE_HOST' ? 'URL form and scheme' : 'refused address',
      `${label}: ${url.slice(0, 80)}`,
      code,
    );
  });

  it.each(ACCEPTED_URLS)('accepts $label (the check does not refuse everything)', async ({ url, label }) => {
    const client = server.clientWith({ 'x-forwarded-for': nextIp() });
    const { id } = await client.job.create.mutate({ url });
    expect((await client.job.get.query({ id })).status).toBe('pending');
    expect((await client.job.cancel.mutate({ id })).status).toBe('cancelled');
    expect((await residue(db())).slotsHeld).toBe(0);
    await db().collection('jobs').deleteMany({});
    await db().collection('agendaJobs').deleteMany({});
    await db().collection('quotas').deleteMany({});
    note('control', `${label}: ${url}`, 'accepted');
  });
});

describe('IDN look-alikes: accepted as public names, then a clear fetch failure', () => {
  let server: TestServer;
  let worker: InProcessWorker | undefined;
  let workDir: string;
  const db = () => mongo.client.db('mg_hardening_idn');

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'mg-hardening-idn-'));
    // job.create's resolver fails (nothing answers on that port), which lets a URL through: the
    // worker's fetch decides. (A resolver that answers NXDOMAIN refuses it at once: HOST_NOT_FOUND.)
    server = await startTestServer(db(), {}, { overrides: { urlCheck: { dnsServers: ['127.0.0.1:9'] } } });
    // A worker that refuses private networks, as in production.
    worker = await startInProcessWorker(
      db(),
      { uri: mongo.uri, dbName: db().databaseName, workDir, bundleDir: 'unused', maxPending: 10 },
      { ALLOW_PRIVATE_NETWORK: 'false', WORKER_CONCURRENCY: '2' },
    );
  });
  afterAll(async () => {
    await stopInProcessWorker(worker);
    await server?.close();
    await db().dropDatabase();
    await rm(workDir, { recursive: true, force: true });
  });

  it.each(IDN_URLS)('$label: $url', async ({ label, url }) => {
    const { id } = await server.client.job.create.mutate({ url });
    const view = await waitUntil(
      async () => {
        const v = await server.client.job.get.query({ id });
        return FINAL.includes(v.status) ? v : undefined;
      },
      60_000,
      `job ${id} to finish`,
    );
    expect(view).toMatchObject({
      status: 'failed',
      errorCode: 'FETCH_FAILED',
      errorMessage: PIPELINE_ERRORS.FETCH_FAILED,
      videoUrl: null,
    });
    const doc = await db().collection('jobs').findOne({ jobId: id });
    // Unknown host (ENOTFOUND) is not worth a retry.
    expect(doc?.attempts).toBe(1);
    note('IDN look-alike', `${label}: ${url}`, 'accepted; job failed FETCH_FAILED');
  });

  it('leaves no queue entry, queue place, video or work directory behind', async () => {
    await waitUntil(
      async () => (await residue(db(), workDir)).queueEntries === 0,
      10_000,
      'queue entries to go',
    );
    expect(await residue(db(), workDir)).toMatchObject({
      jobs: IDN_URLS.length,
      queueEntries: 0,
      slotsHeld: 0,
      videoFiles: 0,
      workDirs: [],
    });
  });
});

describe('API abuse over raw HTTP', () => {
  let server: TestServer;
  let proxied: TestServer;
  const db = () => mongo.client.db('mg_hardening_api');
  const callWithId = (path: 'job.get' | 'job.cancel', id: unknown) =>
    path === 'job.get'
      ? raw(`${server.url}/trpc/job.get?input=${encodeURIComponent(JSON.stringify({ id }))}`)
      : raw(`${server.url}/trpc/job.cancel`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id }),
        });
  const create = (body: string, headers: Record<string, string> = {}) =>
    raw(`${server.url}/trpc/job.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  beforeAll(async () => {
    server = await startTestServer(db(), { DAILY_JOB_LIMIT: '5' });
    proxied = await startTestServer(db(), { DAILY_JOB_LIMIT: '5', TRUST_PROXY: 'loopback' });
  });
  // Each case starts from an empty queue and unused quotas (the ones that create jobs clean up here).
  beforeEach(async () => {
    await Promise.all([
      db().collection('jobs').deleteMany({}),
      db().collection('agendaJobs').deleteMany({}),
      db().collection('quotas').deleteMany({}),
      db()
        .collection('queue_slots')
        .updateMany({}, { $set: { holder: null } }),
    ]);
  });
  afterAll(async () => {
    await server?.close();
    await proxied?.close();
    await db().dropDatabase();
  });

  it.each([
    [
      'a body over the 16 KB cap',
      JSON.stringify({ url: `http://93.184.215.14/${'a'.repeat(100_000)}` }),
      413,
    ],
    [
      'a 10 MB body',
      JSON.stringify({ url: 'http://93.184.215.14/', pad: 'x'.repeat(10 * 1024 * 1024) }),
      413,
    ],
  ])('refuses %s with 413 INVALID_INPUT, fast', async (label, body, status) => {
    const started = performance.now();
    const res = await create(body);
    const ms = performance.now() - started;
    expect(res.status).toBe(status);
    expectApiError(errorsOf(res.json)[0], 'INVALID_INPUT');
    expect(ms).toBeLessThan(5000);
    expect(await residue(db())).toEqual(NOTHING_LEFT);
    note('API abuse', label, 'INVALID_INPUT (413)');
  });

  it.each([
    ['malformed JSON', '{"url": "http://93.184.215.14/"', 'INVALID_INPUT'],
    ['a JSON string instead of an object', '"http://93.184.215.14/"', 'INVALID_INPUT'],
    ['null', 'null', 'INVALID_INPUT'],
    ['url as a number', '{"url": 123}', 'INVALID_URL'],
    ['url as an array', '{"url": ["http://93.184.215.14/"]}', 'INVALID_URL'],
    ['url as a MongoDB operator', '{"url": {"$gt": ""}}', 'INVALID_URL'],
    ['an unknown video size', '{"url": "http://93.184.215.14/", "size": "4k"}', 'INVALID_INPUT'],
    ['vertical as a string', '{"url": "http://93.184.215.14/", "vertical": "yes"}', 'INVALID_INPUT'],
    ['an unsupported language', '{"url": "http://93.184.215.14/", "language": "fr"}', 'INVALID_INPUT'],
    ['an unknown style', '{"url": "http://93.184.215.14/", "style": "duet"}', 'INVALID_INPUT'],
  ] as const)('refuses %s with 400 %s', async (label, body, code) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expectApiError(errorsOf(res.json)[0], code);
    expect(await residue(db())).toEqual(NOTHING_LEFT);
    note('API abuse', `job.create with ${label}`, `${code} (400)`);
  });

  it('takes no settings from a __proto__ key: the job keeps its defaults and nothing is polluted', async () => {
    // Settings smuggled through __proto__ would take effect if any layer merged the body into an
    // object (Object.assign, a deep merge) before validating it: size and vertical would change.
    const res = await create(
      '{"url": "http://93.184.215.14/proto", "__proto__": {"size": "1080p", "vertical": true, "language": "en"}}',
    );
    expect(res.status).toBe(200);
    const { id } = (res.json as { result: { data: { id: string } } }).result.data;
    expect(await server.client.job.get.query({ id })).toMatchObject({
      size: '720p',
      vertical: false,
      language: null,
    });
    const doc = await db().collection('jobs').findOne({ jobId: id });
    expect(doc).toMatchObject({ size: '720p', vertical: false, language: null });
    expect(Object.keys(doc ?? {})).not.toContain('__proto__');
    for (const key of ['size', 'vertical', 'language']) {
      expect((Object.prototype as Record<string, unknown>)[key], key).toBeUndefined();
    }
    note(
      'API abuse',
      'job.create with settings under a __proto__ key',
      'created with the defaults; nothing polluted',
    );
  });

  it.each([
    [
      'GET on a mutation',
      'GET',
      '/trpc/job.create?input=%7B%22url%22%3A%22http%3A%2F%2F93.184.215.14%2F%22%7D',
      undefined,
      undefined,
      405,
    ],
    ['a text/plain body', 'POST', '/trpc/job.create', 'text/plain', '{"url":"http://93.184.215.14/"}', 415],
    ['an unknown procedure', 'POST', '/trpc/admin.deleteAll', 'application/json', '{}', 404],
    [
      'a batch whose input is an array',
      'POST',
      '/trpc/job.create,job.create?batch=1',
      'application/json',
      '[1,2]',
      400,
    ],
    [
      'a batch mixing a query and a mutation',
      'POST',
      '/trpc/job.get,job.create?batch=1',
      'application/json',
      '{}',
      400,
    ],
  ] as const)(
    'answers %s with %i INVALID_INPUT, never a server error',
    async (label, method, path, type, body, status) => {
      const res = await raw(`${server.url}${path}`, {
        method,
        headers: type ? { 'content-type': type } : {},
        body,
      });
      expect(res.status).toBe(status);
      for (const error of errorsOf(res.json)) expectApiError(error, 'INVALID_INPUT');
      expect(await residue(db())).toEqual(NOTHING_LEFT);
      note('API abuse', label, `INVALID_INPUT (${status})`);
    },
  );

  it('refuses a batch of 1,000 calls in one request at once, without running them', async () => {
    const paths = Array.from({ length: 1000 }, () => 'quota.get').join(',');
    const started = performance.now();
    const res = await raw(`${server.url}/trpc/${paths}?batch=1`);
    expect(res.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(2000);
    const errors = errorsOf(res.json);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expectApiError(error, 'INVALID_INPUT');
    note('API abuse', 'a tRPC batch of 1,000 calls in one request', 'INVALID_INPUT (400), none run');
  });

  it('answers a batch of up to 10 calls (the web app batches its polls), and refuses 11', async () => {
    const paths = (n: number) => Array.from({ length: n }, () => 'system.info').join(',');
    const res = await raw(`${server.url}/trpc/${paths(10)}?batch=1`);
    expect(res.status).toBe(200);
    expect((res.json as unknown[]).length).toBe(10);
    const over = await raw(`${server.url}/trpc/${paths(11)}?batch=1`);
    expect(over.status).toBe(400);
    note('API abuse', 'a tRPC batch of 11 calls', 'INVALID_INPUT (400), none run');
  });

  it("answers another person's, unknown and expired job ids alike: 404 NOT_FOUND, nothing to learn", async () => {
    const mine = await server.client.job.create.mutate({ url: 'http://93.184.215.14/mine' });
    const view = await server.client.job.get.query({ id: mine.id });
    expect(JSON.stringify(view)).not.toMatch(/127\.0\.0\.1|clientIp|workerId|attempts/);
    const expired = await server.client.job.create.mutate({ url: 'http://93.184.215.14/expired' });
    await db()
      .collection('jobs')
      .updateOne({ jobId: expired.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });

    const bodies = new Set<string>();
    for (const id of [
      'AAAAAAAAAAAAAAAAAAAAAAAA',
      mine.id.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      expired.id,
    ]) {
      for (const path of ['job.get', 'job.cancel'] as const) {
        const res = await callWithId(path, id);
        expect(res.status, `${path} ${id}`).toBe(404);
        expectApiError(errorsOf(res.json)[0], 'NOT_FOUND');
        // The same answer whatever the id was: no oracle for probing.
        bodies.add(`${path}:${res.text}`);
      }
    }
    expect(bodies.size).toBe(2);
    // The expired job stays unchanged: a cancel of an expired id does nothing.
    expect((await db().collection('jobs').findOne({ jobId: expired.id }))?.status).toBe('pending');
    note(
      'API abuse',
      "another person's (well-formed, unknown) and an expired job id",
      'NOT_FOUND (404), identical answers',
    );
  });

  it.each([
    ['a path traversal', '../../etc/passwd'],
    ['a MongoDB operator', { $ne: null }],
    ['a regex operator', { $regex: '.*' }],
    ['5,000 characters', 'x'.repeat(5000)],
    ['an empty string', ''],
    ['a number', 42],
  ] as const)(
    'answers a job id that is %s with NOT_FOUND, never a match or a server error',
    async (label, id) => {
      await server.client.job.create.mutate({ url: 'http://93.184.215.14/someone-else' });
      for (const path of ['job.get', 'job.cancel'] as const) {
        const res = await callWithId(path, id);
        expect([400, 404]).toContain(res.status);
        expectApiError(errorsOf(res.json)[0], 'NOT_FOUND');
      }
      expect(await db().collection('jobs').countDocuments({ status: 'pending' })).toBe(1);
      note('API abuse', `job id as ${label}`, 'NOT_FOUND');
    },
  );

  it.each([
    { label: 'encoded ../../etc/passwd', path: '/videos/..%2F..%2Fetc%2Fpasswd.mp4' },
    { label: 'encoded dots and slashes', path: '/videos/%2e%2e%2f%2e%2e%2fpackage.json' },
    { label: 'double-encoded dots', path: '/videos/%252e%252e%252fpackage.json' },
    { label: 'backslashes', path: '/videos/..%5C..%5Cwindows%5Cwin.ini.mp4' },
    { label: 'a NUL byte', path: '/videos/AAAAAAAAAAAAAAAAAAAAAAAA%00.mp4' },
    { label: 'overlong UTF-8 dots', path: '/videos/%c0%ae%c0%ae%2fetc%2fpasswd.mp4' },
    { label: 'a 5,000-character id', path: `/videos/${'A'.repeat(5000)}.mp4` },
    { label: 'traversal in ?download', path: '/videos/AAAAAAAAAAAAAAAAAAAAAAAA.mp4?download=../../x' },
    { label: 'no id at all', path: '/videos/' },
  ])('GET a video with $label → 404, never a file outside the store', async ({ label, path }) => {
    const res = await raw(`${server.url}${path}`);
    // A path whose percent-encoding does not decode is a bad request; anything else is not found.
    expect(res.status).toBe(label === 'overlong UTF-8 dots' ? 400 : 404);
    expect(res.text).toBe(res.status === 400 ? 'Bad request' : 'Not found');
    note('API abuse', `video path with ${label}`, String(res.status));
  });

  it('a spoofed X-Forwarded-For buys no quota when no proxy is trusted', async () => {
    const results: string[] = [];
    for (let i = 0; i < 7; i++) {
      const client = server.clientWith({ 'x-forwarded-for': `203.0.113.${i + 1}` });
      try {
        const { id } = await client.job.create.mutate({ url: `http://93.184.215.14/spoof-${i}` });
        await client.job.cancel.mutate({ id });
        results.push('ok');
      } catch (error) {
        const data = apiErrorOf(error);
        results.push(data?.appCode ?? 'other');
        if (data?.appCode === 'QUOTA_EXCEEDED') expectApiError(data, 'QUOTA_EXCEEDED');
      }
    }
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
    const quotas = await db().collection('quotas').find().toArray();
    expect(quotas.map((q) => [q.ip, q.count])).toEqual([['127.0.0.1', 5]]);
    note('API abuse', 'spoofed X-Forwarded-For, no trusted proxy', 'ignored; 6th create QUOTA_EXCEEDED');
  });

  it('behind a trusted proxy, a forged left-most X-Forwarded-For entry buys no quota either', async () => {
    const results: string[] = [];
    for (let i = 0; i < 7; i++) {
      // The client forged "10.0.0.i"; the trusted proxy appended the real client address.
      const client = proxied.clientWith({ 'x-forwarded-for': `10.0.0.${i + 1}, 198.51.100.77` });
      try {
        const { id } = await client.job.create.mutate({ url: `http://93.184.215.14/forged-${i}` });
        await client.job.cancel.mutate({ id });
        results.push('ok');
      } catch (error) {
        results.push(apiErrorOf(error)?.appCode ?? 'other');
      }
    }
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
    const quotas = await db().collection('quotas').find().toArray();
    expect(quotas.map((q) => [q.ip, q.count])).toEqual([['198.51.100.77', 5]]);
    note(
      'API abuse',
      'forged left-most X-Forwarded-For behind a trusted proxy',
      'right-most untrusted hop counted; 6th QUOTA_EXCEEDED',
    );
  });

  it('answers a garbage X-Forwarded-For from a trusted proxy without a server error', async () => {
    for (const value of ['<script>alert(1)</script>', 'not-an-ip', ', , ,', '999.999.999.999', '::ffff:zz']) {
      const res = await raw(`${proxied.url}/trpc/quota.get`, { headers: { 'x-forwarded-for': value } });
      expect(res.status, value).toBe(200);
    }
    note('API abuse', 'garbage X-Forwarded-For from a trusted proxy', 'answered (200), no server error');
  });
});

describe('hostile pages, end to end through job.create and a real worker', () => {
  let site: HostileSite;
  let server: TestServer;
  let worker: InProcessWorker | undefined;
  let workDir: string;
  let bundleDir: string;
  const db = () => mongo.client.db('mg_hardening_pages');
  /** Results of the real pipeline runs, by job URL (the script and timeline are not stored). */
  const results = new Map<string, PipelineResult>();

  beforeAll(async () => {
    [site, bundleDir, workDir] = await Promise.all([
      startHostileSite(),
      getBundle(),
      mkdtemp(join(tmpdir(), 'mg-hardening-pages-')),
    ]);
    if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) {
      throw new Error(
        `the built web app is missing at ${WEB_DIST_DIR}: run npm run build -w @movie-generator/web`,
      );
    }
    // A trusted-intranet deployment (private network allowed) so the pages can live on 127.0.0.1.
    server = await startTestServer(db(), {
      ALLOW_PRIVATE_NETWORK: 'true',
      WEB_DIST_DIR,
      MAX_PENDING_JOBS: '30',
      DAILY_JOB_LIMIT: '100',
      // The tests poll every 100 ms, far more than a browser (every 2 s).
      API_RATE_LIMIT_PER_MIN: '0',
    });
    // The worker's own fetch time limit is 20 s; a shorter one keeps the trickle case quick. The
    // Unicode page gets a longer script, so its emoji and right-to-left sentences are narrated.
    const run: RunPipeline = async (url: string, options: PipelineOptions) => {
      const script = url.endsWith('/unicode')
        ? { ...options.script, maxSections: 4, charBudget: 600 }
        : options.script;
      const result = await runPipeline(url, {
        ...options,
        script,
        fetch: { ...options.fetch, timeoutMs: 1500 },
      });
      results.set(url, result);
      return result;
    };
    worker = await startInProcessWorker(
      db(),
      { uri: mongo.uri, dbName: db().databaseName, workDir, bundleDir, maxPending: 30 },
      { WORKER_CONCURRENCY: '2' },
      run,
    );
  });
  afterAll(async () => {
    await stopInProcessWorker(worker);
    await server?.close();
    await site?.close();
    await db().dropDatabase();
    await rm(workDir, { recursive: true, force: true });
  });

  async function finished(id: string, timeoutMs = 120_000) {
    return waitUntil(
      async () => {
        const v = await server.client.job.get.query({ id });
        return FINAL.includes(v.status) ? v : undefined;
      },
      timeoutMs,
      `job ${id} to finish`,
    );
  }

  const FAILING: { path: string; code: PipelineErrorCode; label: string }[] = [
    { path: '/pdf', code: 'NOT_HTML', label: 'a PDF' },
    { path: '/image', code: 'NOT_HTML', label: 'a PNG image' },
    { path: '/json', code: 'NOT_HTML', label: 'JSON' },
    { path: '/binary-untyped', code: 'NOT_HTML', label: 'binary bytes without a Content-Type' },
    { path: '/empty-article', code: 'TOO_LITTLE_TEXT', label: 'an empty article' },
    { path: '/zero-bytes', code: 'TOO_LITTLE_TEXT', label: 'a zero-byte page' },
    { path: '/scripts-and-iframes', code: 'TOO_LITTLE_TEXT', label: 'a page of only scripts and iframes' },
    { path: '/gzip-bomb', code: 'TOO_LARGE', label: `a gzip bomb (${GZIP_BOMB_MB} MB of markup)` },
    { path: '/endless', code: 'TOO_LARGE', label: 'a body that never ends' },
    { path: '/ten-mb', code: 'TOO_LARGE', label: 'a 10 MB HTML page' },
    { path: '/trickle', code: 'FETCH_TIMEOUT', label: 'a server that trickles a byte every 100 ms' },
    { path: '/loop-a', code: 'TOO_MANY_REDIRECTS', label: 'a redirect loop' },
    { path: '/chain?n=8', code: 'TOO_MANY_REDIRECTS', label: 'eight redirects' },
  ];

  it('fails each with its own code and message; retries only the transient one, a bounded number of times', async () => {
    const jobs = await Promise.all(
      FAILING.map(async (c) => ({
        ...c,
        id: (await server.client.job.create.mutate({ url: `${site.url}${c.path}` })).id,
      })),
    );
    for (const job of jobs) {
      const view = await finished(job.id);
      expect(view, job.label).toMatchObject({
        status: 'failed',
        errorCode: job.code,
        errorMessage: PIPELINE_ERRORS[job.code],
        videoUrl: null,
        videoSize: null,
      });
      const doc = await db().collection('jobs').findOne({ jobId: job.id });
      // A job runs once; the transient time-out is run again RETRY_ATTEMPTS (2) times, then fails.
      const runs = site.requests.filter((r) => r.url === job.path || r.url.startsWith(`${job.path}?`)).length;
      if (job.code === 'FETCH_TIMEOUT') expect(runs).toBe(3);
      else if (job.code !== 'TOO_MANY_REDIRECTS') expect(runs, job.label).toBe(1);
      expect(doc?.attempts).toBe(1);
      note('page content (worker)', job.label, `failed ${job.code}`);
    }
    // Nothing a hostile page refers to was ever loaded.
    expect(site.requests.filter((r) => r.url.startsWith('/beacon/'))).toEqual([]);
    // The endless body was cut off at the 5 MB cap (plus what the socket buffers held), the trickle
    // within its time limit.
    expect(site.written.get('/endless') ?? 0).toBeLessThan(ENDLESS_BOUND_BYTES);
    expect(site.written.get('/trickle') ?? 0).toBeLessThan(200);

    await waitUntil(
      async () => (await residue(db(), workDir)).queueEntries === 0,
      10_000,
      'queue entries to go',
    );
    expect(await residue(db(), workDir)).toMatchObject({
      jobs: FAILING.length,
      queueEntries: 0,
      slotsHeld: 0,
      videoFiles: 0,
      videoChunks: 0,
      workDirs: [],
    });
  });

  it('renders a page whose title and text carry HTML/JS as literal text, in the video and the web app', async () => {
    const url = `${site.url}/xss?q=${encodeURIComponent('"><img src=x onerror=alert(5)>')}&raw=<script>alert(6)</script>`;
    const { id } = await server.client.job.create.mutate({ url });
    const view = await finished(id, 240_000);
    expect(view.status).toBe('completed');

    // The video: its script and timeline carry the title exactly as text.
    const result = results.get(url);
    expect(result?.script.title).toBe(XSS_TITLE);
    expect(result?.timeline.title).toBe(XSS_TITLE);
    expect(result?.timeline.slides[0]?.title).toBe(XSS_TITLE);
    const narration = result!.script.sections.flatMap((s) => s.narrations.map((n) => n.text)).join(' ');
    expect(narration).not.toMatch(/onerror|<img/);
    const doc = await db().collection('jobs').findOne({ jobId: id });
    const file = join(workDir, 'xss.mp4');
    await pipeline(new GridFsVideoStore(db()).open(doc!.video), createWriteStream(file));
    const probe = await ffprobe(file);
    expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    await rm(file);

    // The web app: the job page shows the hostile URL as text, and no dialog ever opens.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const consoleErrors: string[] = [];
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(`${server.url}/jobs/${id}`);
      const link = page.locator('.job-source-url');
      await link.waitFor({ timeout: 30_000 });
      expect(await link.textContent()).toBe(url);
      expect(await link.getAttribute('href')).toBe(url);
      await page.locator('video').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
      expect(consoleErrors).toEqual([]);
    } finally {
      await browser.close();
    }
    note(
      'HTML/JS in title and text',
      `title ${XSS_TITLE}`,
      'literal text in script, timeline and video; web app: text, no dialog',
    );
  });

  it('renders very long words, emoji and right-to-left text into a real video', async () => {
    const url = `${site.url}/unicode`;
    const { id } = await server.client.job.create.mutate({ url, language: 'en' });
    const view = await finished(id, 240_000);
    expect(view).toMatchObject({ status: 'completed', errorCode: null });
    const result = results.get(url)!;
    expect(result.timeline.slides[0]?.title).toContain(EMOJI);
    const text = result.timeline.subtitles.flatMap((s) => s.lines).join(' ');
    expect(text).toContain(RTL_ARABIC.slice(0, 10));
    expect(text).toContain(RTL_HEBREW.slice(0, 10));
    expect(text).toContain(EMOJI);
    expectWholeGraphemes(result.timeline.subtitles.flatMap((s) => s.lines));
    expect(
      result.timeline.subtitles.every((s) =>
        s.lines.every((l) => displayWidth(l) <= result.timeline.subtitleCharsPerLine),
      ),
    ).toBe(true);
    expect(await residue(db(), workDir)).toMatchObject({ workDirs: [], slotsHeld: 0 });
    note(
      'long words, emoji, RTL',
      'English article with a 200-letter word, ZWJ emoji, Arabic and Hebrew',
      'rendered; lines fit, no grapheme split',
    );
  });
});

/** No line starts or ends inside a grapheme (a ZWJ emoji, a flag, a skin tone). */
function expectWholeGraphemes(lines: string[]): void {
  const joiners = /^[\u200d\u{1f3fb}-\u{1f3ff}\ufe0f]|\u200d$/u;
  for (const line of lines) expect(line, line).not.toMatch(joiners);
  // Regional-indicator pairs (flags) stay whole: each line has an even number of them.
  for (const line of lines) {
    const indicators = [...line].filter((ch) => /[\u{1f1e6}-\u{1f1ff}]/u.test(ch)).length;
    expect(indicators % 2, line).toBe(0);
  }
}

describe('the fetch stage directly: redirects to refused addresses, caps, charsets', () => {
  let site: HostileSite;
  /** Servers on other loopback addresses: a redirect must never reach them. */
  const decoys: { host: string; hits: number; close(): Promise<void>; port: number }[] = [];

  async function decoy(host: string) {
    const entry = { host, hits: 0, port: 0, close: async () => {} };
    const s = createServer((_req, res) => {
      entry.hits += 1;
      res.end('secret');
    });
    await new Promise<void>((resolve) => s.listen(0, host, resolve));
    entry.port = (s.address() as AddressInfo).port;
    entry.close = () => new Promise<void>((resolve) => s.close(() => resolve()));
    decoys.push(entry);
    return entry;
  }

  beforeAll(async () => {
    site = await startHostileSite();
    await decoy('127.0.0.2');
    await decoy('::1');
  });
  afterAll(async () => {
    await site?.close();
    await Promise.all(decoys.map((d) => d.close()));
  });

  const fetchPublic = (path: string, options: { timeoutMs?: number } = {}) =>
    fetchPageInternal(`${site.url}${path}`, options, makeTestContext(), {
      isBlockedAddressForTests: treat127001AsPublic,
    });

  async function expectPipelineError(promise: Promise<unknown>, code: PipelineErrorCode) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe(code);
    expect((error as PipelineError).userMessage).toEqual(PIPELINE_ERRORS[code]);
  }

  it.each([
    ['another loopback address (127.0.0.2)', () => `http://127.0.0.2:${decoys[0]!.port}/`],
    ['IPv6 loopback', () => `http://[::1]:${decoys[1]!.port}/`],
    ['127.0.0.2 as a decimal number', () => `http://2130706434:${decoys[0]!.port}/`],
    ['localhost', () => `http://localhost:${decoys[0]!.port}/`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/iam/'],
    ['a private IPv4 (10.0.0.1)', () => 'http://10.0.0.1/'],
    ['an IPv4-mapped private address', () => 'http://[::ffff:192.168.0.1]/'],
  ])(
    'a public-looking URL that redirects to %s → BLOCKED_ADDRESS, nothing sent there',
    async (label, target) => {
      await expectPipelineError(
        fetchPublic(`/redirect?to=${encodeURIComponent(target())}`),
        'BLOCKED_ADDRESS',
      );
      expect(decoys.map((d) => d.hits)).toEqual([0, 0]);
      note('redirect (fetch stage)', `redirect to ${label}`, 'BLOCKED_ADDRESS');
    },
  );

  /** A lookup that answers for names of our own, and refuses the rest like an unknown name. */
  const fakeDns = (names: Record<string, string[]>) => async (host: string) => {
    const answer = names[host];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return answer;
  };

  it.each([
    ['127.0.0.2', ['127.0.0.2']],
    ['::1', ['::1']],
    ['a public address and 127.0.0.2', ['93.184.215.14', '127.0.0.2']],
  ])(
    'a redirect to a name that resolves to %s → BLOCKED_ADDRESS at connect time, nothing sent there',
    async (label, addresses) => {
      const lookupForTests = fakeDns({ 'news.attacker.example': addresses });
      const port = addresses.includes('::1') ? decoys[1]!.port : decoys[0]!.port;
      const target = `http://news.attacker.example:${port}/`;
      // Control: with the address checks off, this very redirect reaches the decoy.
      await fetchPageInternal(
        `${site.url}/redirect?to=${encodeURIComponent(target)}`,
        {},
        makeTestContext(),
        {
          isBlockedAddressForTests: () => false,
          lookupForTests,
        },
      ).catch(() => undefined);
      expect(decoys.reduce((n, d) => n + d.hits, 0)).toBe(1);
      for (const d of decoys) d.hits = 0;

      await expectPipelineError(
        fetchPageInternal(`${site.url}/redirect?to=${encodeURIComponent(target)}`, {}, makeTestContext(), {
          isBlockedAddressForTests: treat127001AsPublic,
          lookupForTests,
        }),
        'BLOCKED_ADDRESS',
      );
      expect(decoys.map((d) => d.hits)).toEqual([0, 0]);
      note('redirect (fetch stage)', `redirect to a name that resolves to ${label}`, 'BLOCKED_ADDRESS');
    },
  );

  it('cuts a body that never ends at the 5 MB cap', async () => {
    await expectPipelineError(fetchPublic('/endless'), 'TOO_LARGE');
    // The site records what it wrote when the connection closes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(site.written.get('/endless')).toBeLessThan(ENDLESS_BOUND_BYTES);
    note('page content (fetch stage)', 'a body that never ends', 'TOO_LARGE, cut at the cap');
  });

  it.each([
    ['file:///etc/passwd', 'INVALID_URL'],
    ['http://user:secret@127.0.0.1/', 'INVALID_URL'],
    ['javascript:alert(1)', 'INVALID_URL'],
  ] as const)('a redirect to %s → %s', async (target, code) => {
    await expectPipelineError(fetchPublic(`/redirect?to=${encodeURIComponent(target)}`), code);
    note('redirect (fetch stage)', `redirect to ${target}`, code);
  });

  it.each([
    ['a loop of two', '/loop-a'],
    ['a page that redirects to itself', '/self'],
    ['six redirects in a row', '/chain?n=6'],
  ])('%s → TOO_MANY_REDIRECTS', async (label, path) => {
    await expectPipelineError(fetchPublic(path), 'TOO_MANY_REDIRECTS');
    note('redirect (fetch stage)', label, 'TOO_MANY_REDIRECTS');
  });

  it('follows five redirects to a real page', async () => {
    const page = await fetchPublic('/chain?n=4');
    expect(page.url).toBe(`${site.url}/article`);
    note('control', 'five redirects to an article', 'fetched');
  });

  it('cuts a 10 MB page without Content-Length at the cap, and a trickle at the time limit', async () => {
    await expectPipelineError(fetchPublic('/ten-mb-chunked'), 'TOO_LARGE');
    const started = performance.now();
    await expectPipelineError(fetchPublic('/trickle', { timeoutMs: 1000 }), 'FETCH_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(3000);
    note('page content (fetch stage)', '10 MB page without Content-Length', 'TOO_LARGE');
    note('page content (fetch stage)', 'trickling server, 1 s limit', 'FETCH_TIMEOUT');
  });

  it('inflates a gzip bomb only up to the cap, without the memory blowing up', async () => {
    const before = process.memoryUsage().rss;
    await expectPipelineError(fetchPublic('/gzip-bomb'), 'TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it.each([
    ['Shift_JIS without any declaration', '/sjis-undeclared', 'shift_jis', 'ごみはどこへ行くのか'],
    ['EUC-JP without any declaration', '/eucjp-undeclared', 'euc-jp', '梅雨はなぜ毎年やってくるのか'],
    ['Shift_JIS served as charset=utf-8', '/sjis-declared-utf8', 'shift_jis', 'ごみはどこへ行くのか'],
  ])('reads %s as Japanese text', async (label, path, charset, title) => {
    const page = await fetchPublic(path);
    expect(page.charset).toBe(charset);
    const article = await extractArticle(page, makeTestContext());
    expect(article.title).toContain(title);
    expect(article.paragraphs.join('')).not.toContain('\ufffd');
    expect(article.language).toBe('ja');
    note('charset', label, `decoded as ${charset}`);
  });

  it('keeps an overlong title within the script limits', async () => {
    const page = await fetchPublic('/long-title');
    const article = await extractArticle(page, makeTestContext());
    expect(article.title.length).toBeGreaterThan(1000);
    const script = await generateScript(article, { language: 'en' }, makeTestContext());
    expect(script.title.length).toBeLessThanOrEqual(200);
    expect(LONG_TITLE.startsWith(script.title.replace(/…$/, '').trim())).toBe(true);
    note(
      'page content (script)',
      `a ${LONG_TITLE.length}-character title`,
      'shortened to the 200-character limit',
    );
  });
});

describe('long words, emoji and right-to-left text through the offline script and line breaking', () => {
  const article: Article = {
    url: 'https://example.com/unicode',
    title: `Tides ${EMOJI}`,
    siteName: 'Example',
    language: 'en',
    blocks: [],
    headings: ['Why two tides', 'Words from other places'],
    paragraphs: [
      `The tide rises and falls twice a day because the Moon pulls on the oceans. ${EMOJI.repeat(15)} was the reaction.`,
      `The longest word here is ${LONG_WORD} and it does not fit on one line at all.`,
      `${RTL_ARABIC} ${RTL_HEBREW} Both sentences say the same thing in two right-to-left scripts.`,
      'Water facing the Moon bulges towards it, and on the far side a second bulge is left behind.',
    ],
    textLength: 900,
    images: [],
  };

  it('breaks every subtitle line within the width, keeping graphemes whole and text in order', async () => {
    const script = await generateScript(
      article,
      { language: 'en', maxSections: 6, charBudget: 2000 },
      makeTestContext(),
    );
    const narrations = script.sections.flatMap((s) => s.narrations.map((n) => n.text));
    const all = narrations.join(' ');
    expect(all).toContain(RTL_HEBREW.slice(0, 12));
    for (const text of narrations) {
      for (const width of [18, 26, 42]) {
        const cards = subtitleCards(text, 'en', width);
        const lines = cards.flat();
        expect(
          lines.every((l) => displayWidth(l) <= width),
          `${width}: ${lines.join(' | ')}`,
        ).toBe(true);
        expectWholeGraphemes(lines);
        // Nothing lost: the lines put back together are the narration (spaces aside).
        expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }
    }
    // The 200-letter word is cut into pieces that each fit.
    const longCards = subtitleCards(`A ${LONG_WORD} word.`, 'en', 21).flat();
    expect(longCards.join('').replace(/\s+/g, '')).toBe(`A${LONG_WORD}word.`);
    note(
      'long words, emoji, RTL',
      'offline script + line breaking at 3 widths',
      'every line fits; graphemes whole',
    );
  });

  it('keeps emoji sequences whole even when a line is made only of them', () => {
    const lines = subtitleCards(EMOJI.repeat(30), 'en', 9).flat();
    expect(lines.length).toBeGreaterThan(2);
    expectWholeGraphemes(lines);
    expect(lines.join('')).toBe(EMOJI.repeat(30));
    note('long words, emoji, RTL', 'a line of 120 ZWJ/flag/skin-tone emoji', 'broken between graphemes only');
  });
});

// The suite's own check that the table of refusals is big enough to mean something.
it('tries at least 60 refused cases', () => {
  expect(REFUSED_URLS.length).toBeGreaterThanOrEqual(60);
  expect(Object.keys(API_ERRORS)).toContain('INVALID_INPUT');
});
