import { request as httpRequest } from 'node:http';
import { apiErrorOf } from '@movie-generator/api-contract/client';
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from './testing/api-failure.ts';
import { startTestDns, type TestDns, type TestDnsAnswer } from './testing/dns-server.ts';
import { serverPerTest } from './testing/server-per-test.ts';
import { PUBLIC_URL } from './testing/test-server.ts';

/** A raw HTTP request over a socket of the given family, e.g. to reach the server from ::1. */
function rawRequest(
  url: string,
  options: { method?: string; body?: string; host?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest(
      {
        host: options.host ?? target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: options.body ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('try-out safety: cloud metadata and the loopback opt-in', () => {
  const ctx = serverPerTest();

  it.each(['true', 'loopback'])(
    'with ALLOW_PRIVATE_NETWORK=%s refuses cloud metadata and link-local URLs',
    async (allow) => {
      const server = await ctx.serverWith({ ALLOW_PRIVATE_NETWORK: allow });
      for (const url of [
        'http://169.254.169.254/latest/meta-data/',
        'http://2852039166/latest/meta-data/',
        'http://[::ffff:a9fe:a9fe]/',
        'http://[fe80::1]/',
        'http://100.100.100.200/latest/meta-data/',
        'http://168.63.129.16/',
        'http://[fd00:ec2::254]/',
        'http://metadata.google.internal/computeMetadata/v1/',
        'http://metadata/computeMetadata/v1/',
      ]) {
        expect((await failure(server.client.job.create.mutate({ url }))).appCode, url).toBe(
          'BLOCKED_ADDRESS',
        );
      }
      expect(await ctx.mongo.db.collection('jobs').countDocuments()).toBe(0);
    },
  );

  it('with ALLOW_PRIVATE_NETWORK=loopback accepts this machine only', async () => {
    const server = await ctx.serverWith({ ALLOW_PRIVATE_NETWORK: 'loopback' });
    await server.client.job.create.mutate({ url: 'http://127.0.0.1:8080/article' });
    await server.client.job.create.mutate({ url: 'http://localhost:8080/article' });
    for (const url of [
      'http://10.0.0.5/',
      'http://192.168.1.1/',
      'http://[fd12::1]/',
      'http://printer.local/',
    ]) {
      expect((await failure(server.client.job.create.mutate({ url }))).appCode, url).toBe('BLOCKED_ADDRESS');
    }
  });
});

describe('port policy', () => {
  const ctx = serverPerTest();

  it('allows 80 and 443 only in production; ALLOWED_PORTS widens it; the refusal reveals nothing', async () => {
    for (const url of [
      'http://93.184.215.14:25/',
      'http://93.184.215.14:6379/',
      'https://93.184.215.14:8443/',
    ]) {
      const error = await failure(ctx.server.client.job.create.mutate({ url }));
      // The same code as a refused address, and no connection is tried, so open and closed ports look alike.
      expect(error.appCode, url).toBe('BLOCKED_ADDRESS');
    }
    await ctx.server.client.job.create.mutate({ url: 'http://93.184.215.14:80/a' });
    await ctx.server.client.job.create.mutate({ url: 'https://93.184.215.14:443/a' });
    const widened = await ctx.serverWith({ ALLOWED_PORTS: '8080, 8443' });
    await widened.client.job.create.mutate({ url: 'http://93.184.215.14:8080/a' });
    expect(
      (await failure(widened.client.job.create.mutate({ url: 'http://93.184.215.14:25/' }))).appCode,
    ).toBe('BLOCKED_ADDRESS');
  });
});

describe('quota keys: IPv6 clients by their /64', () => {
  const ctx = serverPerTest();

  it('behind a trusted proxy, addresses of one /64 share a quota; another /64 has its own', async () => {
    const proxied = await ctx.serverWith({ TRUST_PROXY: 'loopback', DAILY_JOB_LIMIT: '3' });
    const from = (ip: string) => proxied.clientWith({ 'x-forwarded-for': ip });
    for (let i = 1; i <= 3; i++) await from(`2001:db8:1:2::${i}`).job.create.mutate({ url: PUBLIC_URL });
    const error = await failure(
      from('2001:db8:1:2:ffff:ffff:ffff:ffff').job.create.mutate({ url: PUBLIC_URL }),
    );
    expect(error.appCode).toBe('QUOTA_EXCEEDED');
    await from('2001:db8:1:3::1').job.create.mutate({ url: PUBLIC_URL });
    expect((await from('2001:db8:1:2:abcd::9').quota.get.query()).used).toBe(3);
    expect((await ctx.mongo.db.collection('jobs').distinct('clientIp')).sort()).toEqual([
      '2001:db8:1:2::/64',
      '2001:db8:1:3::/64',
    ]);
  });

  it('an IPv4-mapped address is the IPv4 client; QUOTA_IPV6_PREFIX=128 keys each address', async () => {
    const proxied = await ctx.serverWith({ TRUST_PROXY: 'loopback', QUOTA_IPV6_PREFIX: '128' });
    await proxied
      .clientWith({ 'x-forwarded-for': '::ffff:198.51.100.7' })
      .job.create.mutate({ url: PUBLIC_URL });
    expect((await proxied.clientWith({ 'x-forwarded-for': '198.51.100.7' }).quota.get.query()).used).toBe(1);
    await proxied.clientWith({ 'x-forwarded-for': '2001:db8::1' }).job.create.mutate({ url: PUBLIC_URL });
    expect((await proxied.clientWith({ 'x-forwarded-for': '2001:db8::2' }).quota.get.query()).used).toBe(0);
  });

  it('direct sockets: an IPv6 client is keyed by its /64, an IPv4 one on a dual-stack socket as IPv4', async () => {
    const dual = await ctx.serverWith({}, { host: '::' });
    const create = JSON.stringify({ url: PUBLIC_URL });
    const v6 = await rawRequest(`${dual.url}/trpc/job.create`, { method: 'POST', body: create, host: '::1' });
    expect(v6.status).toBe(200);
    const v4 = await rawRequest(`${dual.url}/trpc/job.create`, {
      method: 'POST',
      body: create,
      host: '127.0.0.1',
    });
    expect(v4.status).toBe(200);
    expect((await ctx.mongo.db.collection('jobs').distinct('clientIp')).sort()).toEqual([
      '127.0.0.1',
      '::/64',
    ]);
  });
});

describe('job.create: syntax, then quota and queue, then DNS (bounded)', () => {
  const ctx = serverPerTest();
  let dns: TestDns | undefined;
  afterEach(async () => {
    await dns?.close();
    dns = undefined;
  });

  const zone: Record<string, TestDnsAnswer> = {
    'news.example.com': { a: ['93.184.215.14'] },
    'internal.example.com': { a: ['10.1.2.3'] },
    'imds.example.com': { a: ['169.254.169.254'] },
    'slow.example.com': 'silent',
    'slow2.example.com': 'silent',
    'slow3.example.com': 'silent',
  };

  async function serverWithDns(vars: Record<string, string> = {}, dnsTimeoutMs = 300) {
    dns = await startTestDns({ ...zone });
    return ctx.serverWith(vars, { overrides: { urlCheck: { dnsServers: [dns.server], dnsTimeoutMs } } });
  }

  it('refuses a single-label host with INCOMPLETE_HOST before using any quota, in every mode', async () => {
    for (const allow of ['false', 'true', 'loopback']) {
      const server = await ctx.serverWith({ ALLOW_PRIVATE_NETWORK: allow });
      const error = await failure(server.client.job.create.mutate({ url: 'https://example/article' }));
      expect(error.appCode, allow).toBe('INCOMPLETE_HOST');
      expect(error.messages.en).toMatch(/\.com/);
      expect(error.messages.ja).toContain('ドメイン');
      expect((await server.client.quota.get.query()).used).toBe(0);
    }
  });

  it('refuses a name that does not exist with HOST_NOT_FOUND, and gives the daily job back', async () => {
    const server = await serverWithDns();
    const error = await failure(
      server.client.job.create.mutate({ url: 'https://no-such-site.example.com/a' }),
    );
    expect(error.appCode).toBe('HOST_NOT_FOUND');
    expect(error.messages.en).toMatch(/spelling/);
    expect(dns?.queries).toContain('no-such-site.example.com');
    expect((await server.client.quota.get.query()).used).toBe(0);
    expect(await ctx.mongo.db.collection('jobs').countDocuments()).toBe(0);
  });

  it('refuses names that resolve to private or metadata addresses; accepts public ones', async () => {
    const server = await serverWithDns();
    for (const host of ['internal.example.com', 'imds.example.com']) {
      const error = await failure(server.client.job.create.mutate({ url: `https://${host}/a` }));
      expect(error.appCode, host).toBe('BLOCKED_ADDRESS');
    }
    await server.client.job.create.mutate({ url: 'https://news.example.com/a' });
    expect((await server.client.quota.get.query()).used).toBe(1);
  });

  it('a client over its quota makes no DNS query', async () => {
    const server = await serverWithDns({ DAILY_JOB_LIMIT: '1' });
    await server.client.job.create.mutate({ url: PUBLIC_URL });
    const over = await failure(
      server.client.job.create.mutate({ url: 'https://attacker-chosen.example.com/' }),
    );
    expect(over.appCode).toBe('QUOTA_EXCEEDED');
    expect(dns?.queries).toEqual([]);
  });

  it('a full queue makes no DNS query', async () => {
    const server = await serverWithDns({ MAX_PENDING_JOBS: '1' });
    await server.client.job.create.mutate({ url: PUBLIC_URL });
    const full = await failure(
      server.client.job.create.mutate({ url: 'https://attacker-chosen.example.com/' }),
    );
    expect(full.appCode).toBe('QUEUE_FULL');
    expect(dns?.queries).toEqual([]);
  });

  it('a black-holed name is given up after the DNS timeout and the job accepted (the worker checks again)', async () => {
    const server = await serverWithDns({}, 300);
    const started = performance.now();
    const { id } = await server.client.job.create.mutate({ url: 'https://slow.example.com/a' });
    const tookMs = performance.now() - started;
    expect(tookMs).toBeLessThan(1500);
    expect((await server.client.job.get.query({ id })).status).toBe('pending');
  });

  it('caps the DNS checks one client has under way; others are not held up', async () => {
    const server = await serverWithDns({ TRUST_PROXY: 'loopback' }, 800);
    const attacker = server.clientWith({ 'x-forwarded-for': '198.51.100.66' });
    const results = await Promise.allSettled(
      ['slow', 'slow2', 'slow3'].map((name) =>
        attacker.job.create.mutate({ url: `https://${name}.example.com/` }),
      ),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? apiErrorOf(r.reason)?.appCode : 'ok'));
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(1);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(2);
    // The refused one used no daily job.
    expect((await attacker.quota.get.query()).used).toBe(2);
  });
});

describe('failed jobs give their daily job back, within a cap of their own', () => {
  const ctx = serverPerTest();
  const unreadable = {
    code: 'FETCH_FAILED' as const,
    message: { ja: 'サイトが 403 を返しました', en: 'The site answered 403' },
  };

  it('a job failed before speech or rendering returns its daily job, once; DAILY_FAILED_JOB_LIMIT caps failures', async () => {
    const server = await ctx.serverWith({ DAILY_JOB_LIMIT: '5', DAILY_FAILED_JOB_LIMIT: '2' });
    const first = await server.client.job.create.mutate({ url: PUBLIC_URL });
    expect((await server.client.quota.get.query()).used).toBe(1);
    await server.runs.start(first.id, 'w-1');
    expect(await server.runs.fail(first.id, unreadable, { returnDailyJob: true })).toBe(true);
    expect((await server.client.quota.get.query()).used).toBe(0);
    // An ops retry that fails again does not give it back twice.
    await server.admin.resetForRetry(first.id);
    await server.runs.start(first.id, 'w-1');
    await server.runs.fail(first.id, unreadable, { returnDailyJob: true });
    expect((await server.client.quota.get.query()).used).toBe(0);

    const second = await server.client.job.create.mutate({ url: PUBLIC_URL });
    await server.runs.fail(second.id, unreadable, { returnDailyJob: true });
    const error = await failure(server.client.job.create.mutate({ url: PUBLIC_URL }));
    expect(error.appCode).toBe('FAILED_JOB_LIMIT');
    expect(error.messages.ja).toContain('0:00 UTC');
    expect((await server.client.quota.get.query()).used).toBe(0);
  });

  it('a job that failed later (speech, rendering) keeps its daily job used', async () => {
    const { id } = await ctx.server.client.job.create.mutate({ url: PUBLIC_URL });
    await ctx.server.runs.fail(id, { code: 'RENDER_FAILED', message: unreadable.message });
    expect((await ctx.server.client.quota.get.query()).used).toBe(1);
  });
});

describe('DAILY_JOB_LIMIT=0', () => {
  const ctx = serverPerTest();

  it('means unlimited, as .env.example says', async () => {
    const server = await ctx.serverWith({ DAILY_JOB_LIMIT: '0', MAX_PENDING_JOBS: '20' });
    for (let i = 0; i < 8; i++) await server.client.job.create.mutate({ url: `${PUBLIC_URL}?n=${i}` });
    expect(await server.client.quota.get.query()).toMatchObject({ limit: 0, used: 8 });
  });
});

describe('API rate limit and batches', () => {
  const ctx = serverPerTest();

  it('answers RATE_LIMITED (429, ja/en) past API_RATE_LIMIT_PER_MIN, per client, for single calls and batches', async () => {
    const server = await ctx.serverWith({ API_RATE_LIMIT_PER_MIN: '5', TRUST_PROXY: 'loopback' });
    const a = server.clientWith({ 'x-forwarded-for': '2001:db8:5:5::1' });
    for (let i = 0; i < 5; i++) await a.system.info.query();
    const error = await failure(a.system.info.query());
    expect(error.appCode).toBe('RATE_LIMITED');
    expect(error.messages.ja).toContain('数秒');
    // Another address of the same /64 is the same client; another client is not affected.
    const sameNet = await failure(
      server.clientWith({ 'x-forwarded-for': '2001:db8:5:5::2' }).quota.get.query(),
    );
    expect(sameNet.appCode).toBe('RATE_LIMITED');
    await server.clientWith({ 'x-forwarded-for': '198.51.100.1' }).system.info.query();

    const batch = await fetch(`${server.url}/trpc/system.info,quota.get?batch=1&input={}`, {
      headers: { 'x-forwarded-for': '2001:db8:5:5::3' },
    });
    expect(batch.status).toBe(429);
    const body = (await batch.json()) as { error: { data: { appCode: string } } }[];
    expect(body.map((b) => b.error.data.appCode)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('polling every 2 s from three tabs for a minute stays well inside the default limit', async () => {
    const { id } = await ctx.server.client.job.create.mutate({ url: PUBLIC_URL });
    // 3 tabs x 30 polls, each a batch of job.get and quota.get.
    const polls = Array.from({ length: 90 }, () =>
      fetch(
        `${ctx.server.url}/trpc/job.get,quota.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { id } }))}`,
      ),
    );
    const statuses = (await Promise.all(polls)).map((r) => r.status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(Number(ctx.server.env.API_RATE_LIMIT_PER_MIN)).toBeGreaterThanOrEqual(2 * 91);
  });

  it('refuses a batch of more than 10 calls without running any', async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `unknown-id-unknown-id-${String(i).padStart(2, '0')}`);
    const paths = ids.map(() => 'job.get').join(',');
    const input = Object.fromEntries(ids.map((id, i) => [i, { id }]));
    const res = await fetch(
      `${ctx.server.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
    );
    expect(res.status).toBe(400);
  });
});
