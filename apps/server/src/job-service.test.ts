import { ApiError, type JobService } from '@movie-generator/api-contract';
import {
  addBlock,
  createJobIntake,
  type JobIntake,
  JobRefusedError,
  jobCollections,
  prepareJobCollections,
  removeBlock,
} from '@movie-generator/jobs';
import { useTestMongo } from '@movie-generator/test-helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJobService, toApiError } from './job-service.ts';

const input = { url: 'https://example.com/a', size: '720p' as const, vertical: false };

describe('the JobService over the jobs intake', () => {
  const mongo = useTestMongo();
  let intake: JobIntake;
  const enqueued: string[] = [];
  const serviceWith = (viewCacheMs = 0): JobService =>
    createJobService({
      intake,
      enqueue: async (id) => {
        enqueued.push(id);
      },
      urlCheck: { checkSyntax: () => {}, checkHost: async () => {} },
      info: { version: 'test' } as never,
      viewCacheMs,
    });

  beforeEach(async () => {
    const c = jobCollections(mongo.db);
    const settings = {
      dailyLimit: 2,
      maxPending: 10,
      retentionMs: 3600_000,
      totalConcurrency: 1,
      typicalJobSec: 60,
    };
    await prepareJobCollections(c, settings);
    intake = createJobIntake(c, settings);
    enqueued.length = 0;
  });

  it('refuses a blocked client with ApiError CLIENT_BLOCKED before anything is counted or queued', async () => {
    const service = serviceWith();
    await addBlock(mongo.db, '198.51.100.0/24', null);
    const refused = await service.create(input, '198.51.100.7').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('CLIENT_BLOCKED');
    expect(await intake.c.jobs.countDocuments()).toBe(0);
    expect(await intake.c.quotas.countDocuments()).toBe(0);
    const { id } = await service.create(input, '198.51.101.7');
    expect(enqueued).toEqual([id]);
    await removeBlock(mongo.db, '198.51.100.0/24');
    await expect(service.create(input, '198.51.100.7')).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("turns the store's refusals into the API's errors: the daily limit with its reset, a finished job", async () => {
    const service = serviceWith();
    await service.create(input, '203.0.113.1');
    const { id } = await service.create(input, '203.0.113.1');
    const overQuota = await service.create(input, '203.0.113.1').catch((e: unknown) => e);
    expect(overQuota).toBeInstanceOf(ApiError);
    expect(overQuota).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      extra: { resetsAt: expect.stringMatching(/T00:00:00\.000Z$/) },
    });
    expect((await service.cancel(id))?.status).toBe('cancelled');
    const again = await service.cancel(id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ApiError);
    expect((again as ApiError).code).toBe('NOT_CANCELLABLE');
    expect(await service.cancel('nope-nope-nope-nope-nope')).toBeNull();
  });

  it('shows a cancel made through the service at once, even inside the view cache TTL', async () => {
    const service = serviceWith(60_000);
    const { id } = await service.create(input, '203.0.113.2');
    expect((await service.get(id))?.status).toBe('pending');
    expect((await service.cancel(id))?.status).toBe('cancelled');
    expect(await service.get(id)).toMatchObject({ status: 'cancelled', errorCode: 'CANCELLED' });
  });

  it('passes errors that are no refusal through unchanged', () => {
    const other = new Error('mongo down');
    expect(toApiError(other)).toBe(other);
    expect(toApiError(new JobRefusedError('QUEUE_FULL'))).toMatchObject({ code: 'QUEUE_FULL', extra: {} });
  });
});
