import { GENERATE_VIDEO } from '@movie-generator/jobs';
import { waitUntil } from '@movie-generator/test-helpers';
import { describe, expect, it } from 'vitest';
import { failure } from './testing/api-failure.ts';
import { serverPerTest } from './testing/server-per-test.ts';
import { PUBLIC_URL } from './testing/test-server.ts';

describe('tRPC job API over HTTP (real app, MongoDB, Agenda)', () => {
  const ctx = serverPerTest();

  it('creates a job, shows it without the client IP, and puts it on the Agenda queue', async () => {
    const proxied = await ctx.serverWith({ TRUST_PROXY: 'loopback' });
    const { id } = await proxied.clientWith({ 'x-forwarded-for': '203.0.113.9' }).job.create.mutate({
      url: PUBLIC_URL,
      language: 'ja',
      size: '1080p',
      vertical: true,
      style: 'dialogue',
    });
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const view = await ctx.server.client.job.get.query({ id });
    expect(view).toMatchObject({
      id,
      url: PUBLIC_URL,
      status: 'pending',
      progress: 0,
      queuePosition: 1,
      videoUrl: null,
      language: 'ja',
      size: '1080p',
      vertical: true,
      style: 'dialogue',
    });
    expect(view.etaSec).toBeGreaterThan(0);

    // The address is stored for the quota, and never sent back: not by get, not by cancel.
    expect((await ctx.mongo.db.collection('jobs').findOne({ jobId: id }))?.clientIp).toBe('203.0.113.9');
    const raw = await (
      await fetch(`${ctx.server.url}/trpc/job.get?input=${encodeURIComponent(JSON.stringify({ id }))}`)
    ).text();
    expect(raw).toContain(id);
    expect(raw).not.toMatch(/203\.0\.113\.9|clientIp/);

    const queued = await ctx.mongo.db.collection('agendaJobs').findOne({ 'data.jobId': id });
    expect(queued).toMatchObject({ name: GENERATE_VIDEO, data: { jobId: id } });
    expect(queued?.nextRunAt).toBeInstanceOf(Date);

    const cancelled = await fetch(`${ctx.server.url}/trpc/job.cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id }),
    });
    const cancelledText = await cancelled.text();
    expect(cancelledText).toContain('"cancelled"');
    expect(cancelledText).not.toMatch(/203\.0\.113\.9|clientIp/);
  });

  it('makes a narration unless asked for a dialogue, and refuses an unknown style naming the field', async () => {
    const { id } = await ctx.server.client.job.create.mutate({ url: PUBLIC_URL });
    expect((await ctx.server.client.job.get.query({ id })).style).toBe('narration');
    expect((await ctx.mongo.db.collection('jobs').findOne({ jobId: id }))?.style).toBe('narration');

    // Over plain HTTP, as any client would send it.
    const res = await fetch(`${ctx.server.url}/trpc/job.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: PUBLIC_URL, style: 'duet' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.data).toMatchObject({
      appCode: 'INVALID_INPUT',
      messages: { ja: expect.stringContaining('形式'), en: expect.stringContaining('not valid') },
      extra: { fields: 'style' },
    });
    expect(body.error.message).not.toMatch(/narration|dialogue|zod|at /);
    // Refused before anything was stored or counted.
    expect(await ctx.mongo.db.collection('jobs').countDocuments()).toBe(1);
    expect((await ctx.server.client.quota.get.query()).used).toBe(1);
  });

  it.each([
    ['ftp scheme', 'ftp://example.com/file'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['too long', `https://example.com/${'a'.repeat(2100)}`],
    ['credentials', 'https://user:secret@example.com/article'],
    ['not a URL', 'just words'],
  ])('refuses an invalid URL (%s) with INVALID_URL, before using any quota', async (_name, url) => {
    const error = await failure(ctx.server.client.job.create.mutate({ url }));
    expect(error.appCode).toBe('INVALID_URL');
    expect(error.messages.ja).toContain('URL');
    expect(error.messages.en).toContain('URL');
    expect(await ctx.mongo.db.collection('jobs').countDocuments()).toBe(0);
    expect((await ctx.server.client.quota.get.query()).used).toBe(0);
  });

  it.each([
    'http://127.0.0.1/',
    'http://[::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost/',
    'http://2130706433/',
    'http://10.0.0.5:8080/admin',
    'http://printer.local/',
  ])('refuses %s with BLOCKED_ADDRESS', async (url) => {
    const error = await failure(ctx.server.client.job.create.mutate({ url }));
    expect(error.appCode).toBe('BLOCKED_ADDRESS');
    expect(error.messages.en).toMatch(/private or internal/);
    expect(await ctx.mongo.db.collection('jobs').countDocuments()).toBe(0);
  });

  it('lets private addresses through when ALLOW_PRIVATE_NETWORK is set (local testing)', async () => {
    const open = await ctx.serverWith({ ALLOW_PRIVATE_NETWORK: 'true' });
    const { id } = await open.client.job.create.mutate({ url: 'http://127.0.0.1:8080/article' });
    expect((await open.client.job.get.query({ id })).status).toBe('pending');
    // The scheme rules still apply.
    expect((await failure(open.client.job.create.mutate({ url: 'ftp://127.0.0.1/' }))).appCode).toBe(
      'INVALID_URL',
    );
  });

  it('refuses a host name that does not exist with HOST_NOT_FOUND, using no daily job', async () => {
    const error = await failure(
      ctx.server.client.job.create.mutate({ url: 'https://no-such-host.invalid/article' }),
    );
    expect(error.appCode).toBe('HOST_NOT_FOUND');
    expect((await ctx.server.client.quota.get.query()).used).toBe(0);
  });

  it('refuses the 6th job of the day from one IP, and a spoofed X-Forwarded-For buys nothing', async () => {
    for (let i = 0; i < 5; i++) await ctx.server.client.job.create.mutate({ url: `${PUBLIC_URL}?n=${i}` });
    const error = await failure(ctx.server.client.job.create.mutate({ url: PUBLIC_URL }));
    expect(error.appCode).toBe('QUOTA_EXCEEDED');
    expect(error.messages.ja).toContain('1日の利用制限');
    const now = new Date();
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
    expect(error.extra?.resetsAt).toBe(midnight.toISOString());

    for (const spoofed of ['198.51.100.1', '198.51.100.2, 127.0.0.1']) {
      const again = await failure(
        ctx.server.clientWith({ 'x-forwarded-for': spoofed }).job.create.mutate({ url: PUBLIC_URL }),
      );
      expect(again.appCode).toBe('QUOTA_EXCEEDED');
    }
    expect(await ctx.server.client.quota.get.query()).toEqual({
      limit: 5,
      used: 5,
      resetsAt: midnight.toISOString(),
    });
    expect(await ctx.mongo.db.collection('jobs').distinct('clientIp')).toEqual(['127.0.0.1']);
  });

  it('with TRUST_PROXY=loopback, each forwarded client gets its own quota', async () => {
    const proxied = await ctx.serverWith({ TRUST_PROXY: 'loopback' });
    const a = proxied.clientWith({ 'x-forwarded-for': '198.51.100.7' });
    const b = proxied.clientWith({ 'x-forwarded-for': '198.51.100.8' });
    for (let i = 0; i < 5; i++) await a.job.create.mutate({ url: PUBLIC_URL });
    expect((await failure(a.job.create.mutate({ url: PUBLIC_URL }))).appCode).toBe('QUOTA_EXCEEDED');
    await b.job.create.mutate({ url: PUBLIC_URL });
    expect((await a.quota.get.query()).used).toBe(5);
    expect((await b.quota.get.query()).used).toBe(1);
    expect((await ctx.mongo.db.collection('jobs').distinct('clientIp')).sort()).toEqual([
      '198.51.100.7',
      '198.51.100.8',
    ]);
  });

  it('stores an IPv4 client of a dual-stack socket as plain IPv4', async () => {
    const dual = await ctx.serverWith({}, { host: '::' });
    await dual.client.job.create.mutate({ url: PUBLIC_URL });
    expect(await ctx.mongo.db.collection('jobs').distinct('clientIp')).toEqual(['127.0.0.1']);
    expect((await dual.client.quota.get.query()).used).toBe(1);
  });

  it('refuses new jobs with QUEUE_FULL when the pending cap is reached', async () => {
    const small = await ctx.serverWith({ MAX_PENDING_JOBS: '2' });
    await small.client.job.create.mutate({ url: PUBLIC_URL });
    await small.client.job.create.mutate({ url: PUBLIC_URL });
    const error = await failure(small.client.job.create.mutate({ url: PUBLIC_URL }));
    expect(error.appCode).toBe('QUEUE_FULL');
    expect(error.messages.ja).toContain('キューが満杯');
    // The refused request did not count against the quota.
    expect((await small.client.quota.get.query()).used).toBe(2);
  });

  it('cancels a pending job; unknown and malformed ids are NOT_FOUND; finished jobs are NOT_CANCELLABLE', async () => {
    const { id } = await ctx.server.client.job.create.mutate({ url: PUBLIC_URL });
    const cancelled = await ctx.server.client.job.cancel.mutate({ id });
    expect(cancelled).toMatchObject({ id, status: 'cancelled', queuePosition: null, errorCode: 'CANCELLED' });
    expect((await ctx.server.client.job.get.query({ id })).status).toBe('cancelled');
    expect((await failure(ctx.server.client.job.cancel.mutate({ id }))).appCode).toBe('NOT_CANCELLABLE');

    const unknown = 'AAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await failure(ctx.server.client.job.cancel.mutate({ id: unknown }))).appCode).toBe('NOT_FOUND');
    expect((await failure(ctx.server.client.job.get.query({ id: unknown }))).appCode).toBe('NOT_FOUND');
    for (const malformed of ['../../etc/passwd', 'x', '']) {
      expect((await failure(ctx.server.client.job.get.query({ id: malformed }))).appCode).toBe('NOT_FOUND');
      expect((await failure(ctx.server.client.job.cancel.mutate({ id: malformed }))).appCode).toBe(
        'NOT_FOUND',
      );
    }
  });

  it('answers quota.get and system.info from the configuration', async () => {
    const configured = await ctx.serverWith({
      DAILY_JOB_LIMIT: '3',
      MAX_PENDING_JOBS: '7',
      RETENTION_HOURS: '12',
      WORKER_CONCURRENCY: '2',
      WORKER_REPLICAS: '3',
      APP_VERSION: '9.9.9-test',
    });
    expect(await configured.client.system.info.query()).toEqual({
      version: '9.9.9-test',
      limits: {
        dailyJobsPerIp: 3,
        maxPendingJobs: 7,
        workerConcurrency: 6,
        retentionHours: 12,
        maxUrlLength: 2048,
      },
    });
    const quota = await configured.client.quota.get.query();
    expect(quota).toMatchObject({ limit: 3, used: 0 });
    expect(new Date(quota.resetsAt).getTime()).toBeGreaterThan(Date.now());
    expect((await ctx.server.client.system.info.query()).version).toBe('0.1.0');
  });

  it('logs polls at debug, and creates, failures and cancels at info or above', async () => {
    const logged = await ctx.serverWith({ LOG_LEVEL: 'debug' });
    const { id } = await logged.client.job.create.mutate({ url: PUBLIC_URL });
    await logged.client.job.get.query({ id });
    await logged.client.quota.get.query();
    await failure(logged.client.job.get.query({ id: 'x'.repeat(24) }));
    await logged.client.job.cancel.mutate({ id });
    await waitUntil(() => logged.logs.length >= 5, 5000, 'the access log lines');

    const levelOf = (procedure: string, status: number) =>
      logged.logs.find((l) => {
        const req = l.req as { url?: string } | undefined;
        const res = l.res as { statusCode?: number } | undefined;
        return req?.url?.startsWith(`/trpc/${procedure}`) && res?.statusCode === status;
      })?.level;
    expect(levelOf('job.create', 200)).toBe(30);
    expect(levelOf('job.get', 200)).toBe(20);
    expect(levelOf('quota.get', 200)).toBe(20);
    expect(levelOf('job.get', 404)).toBe(30);
    expect(levelOf('job.cancel', 200)).toBe(30);
  });
});
