import type { AddressInfo } from 'node:net';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorOf, createClient } from './client.ts';
import type { JobService } from './context.ts';
import { ApiError } from './errors.ts';
import { appRouter, createCaller } from './router.ts';
import { sampleJobView } from './testing/sample-job-view.ts';

const view = sampleJobView({ etaSec: 60, style: 'dialogue' });

/** A JobService that records what the router passes it. */
function recordingService() {
  const calls: unknown[][] = [];
  const service: JobService = {
    async create(input, clientIp) {
      calls.push(['create', input, clientIp]);
      if (input.url.includes('quota'))
        throw new ApiError('QUOTA_EXCEEDED', { resetsAt: '2026-11-24T00:00:00.000Z' });
      if (input.url.includes('boom')) throw new Error('database exploded at 10.0.0.7');
      return { id: view.id };
    },
    async get(id) {
      calls.push(['get', id]);
      return id === view.id ? view : null;
    },
    async cancel(id) {
      calls.push(['cancel', id]);
      return null;
    },
    async quota(clientIp) {
      calls.push(['quota', clientIp]);
      return { limit: 5, used: 2, resetsAt: '2026-11-24T00:00:00.000Z' };
    },
    async info() {
      return {
        version: '1',
        limits: {
          dailyJobsPerIp: 5,
          maxPendingJobs: 10,
          workerConcurrency: 2,
          retentionHours: 24,
          maxUrlLength: 2048,
        },
      };
    },
  };
  return { service, calls };
}

describe('appRouter in process', () => {
  it('passes validated input with defaults and the client IP to the service', async () => {
    const { service, calls } = recordingService();
    const caller = createCaller({ jobs: service, clientIp: '203.0.113.9' });
    await expect(caller.job.create({ url: '  https://example.com/a ' })).resolves.toEqual({ id: view.id });
    expect(calls[0]).toEqual([
      'create',
      { url: 'https://example.com/a', size: '720p', vertical: false, style: 'narration' },
      '203.0.113.9',
    ]);
    await expect(caller.quota.get()).resolves.toMatchObject({ limit: 5, used: 2 });
    expect(calls[1]).toEqual(['quota', '203.0.113.9']);
  });

  it('refuses non-http schemes before the service is called', async () => {
    const { service, calls } = recordingService();
    const caller = createCaller({ jobs: service, clientIp: '203.0.113.9' });
    await expect(caller.job.create({ url: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(calls).toEqual([]);
  });
});

describe('appRouter over HTTP with the typed client', () => {
  const { service, calls } = recordingService();
  const server = createHTTPServer({
    basePath: '/trpc/',
    router: appRouter,
    createContext: () => ({ jobs: service, clientIp: '198.51.100.4' }),
  });
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = createClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function errorOf(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    return apiErrorOf(error);
  }

  it('returns the job view and NOT_FOUND for unknown or malformed ids', async () => {
    await expect(client.job.get.query({ id: view.id })).resolves.toEqual(view);
    expect(await errorOf(client.job.get.query({ id: 'zzzzzzzzzzzzzzzzzzzzzzzz' }))).toMatchObject({
      appCode: 'NOT_FOUND',
    });
    // A malformed id is answered like an unknown one, and never reaches the service.
    const before = calls.length;
    const malformed = await errorOf(client.job.get.query({ id: '../../etc/passwd' }));
    expect(malformed?.appCode).toBe('NOT_FOUND');
    expect(malformed?.messages.ja).toContain('ジョブが見つかりません');
    expect(calls.length).toBe(before);
  });

  it('carries stable codes, ja/en messages and extra fields of ApiErrors', async () => {
    const quota = await errorOf(client.job.create.mutate({ url: 'https://example.com/quota' }));
    expect(quota).toMatchObject({
      appCode: 'QUOTA_EXCEEDED',
      messages: { ja: expect.stringContaining('1日の利用制限'), en: expect.stringContaining('Daily limit') },
      extra: { resetsAt: '2026-11-24T00:00:00.000Z' },
    });
    const invalid = await errorOf(client.job.create.mutate({ url: 'ftp://example.com/file' }));
    expect(invalid?.appCode).toBe('INVALID_URL');
  });

  it('passes the chosen style to the service, and names a refused field', async () => {
    const before = calls.length;
    await client.job.create.mutate({ url: 'https://example.com/d', style: 'dialogue' });
    expect(calls.at(-1)).toEqual([
      'create',
      { url: 'https://example.com/d', size: '720p', vertical: false, style: 'dialogue' },
      '198.51.100.4',
    ]);
    const refused = await errorOf(
      client.job.create.mutate({ url: 'https://example.com/d', style: 'duet' as 'dialogue' }),
    );
    expect(refused).toMatchObject({
      appCode: 'INVALID_INPUT',
      messages: { en: expect.stringContaining('not valid') },
      extra: { fields: 'style' },
    });
    // A bad style next to a bad URL is not "check the URL": both fields are named.
    const both = await errorOf(client.job.create.mutate({ url: 'ftp://x', style: 'duet' as 'dialogue' }));
    expect(both).toMatchObject({ appCode: 'INVALID_INPUT', extra: { fields: 'url,style' } });
    expect(calls.length).toBe(before + 1);
  });

  it('hides internal error details from clients', async () => {
    const error = await client.job.create
      .mutate({ url: 'https://example.com/boom' })
      .catch((e: unknown) => e);
    expect(apiErrorOf(error)?.appCode).toBe('INTERNAL');
    expect(JSON.stringify(error)).not.toContain('10.0.0.7');
    expect((error as Error).message).not.toContain('exploded');
  });
});
