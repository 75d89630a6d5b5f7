import { startTestMongo, type TestMongo, waitUntil } from '@movie-generator/test-helpers';
import { type CommandStartedEvent, MongoClient } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobCollections } from './collections.ts';
import { createJobService } from './job-service.ts';
import { JobStore, type JobStoreConfig } from './job-store.ts';

const config: JobStoreConfig = {
  dailyLimit: 50,
  maxPending: 10,
  retentionMs: 24 * 3600_000,
  totalConcurrency: 2,
  typicalJobSec: 60,
};
const request = { url: 'https://example.com/a', size: '720p' as const, vertical: false };
const progress = (n: number) => ({
  progress: n,
  step: 'audio' as const,
  message: { ja: `音声 ${n}`, en: `Audio ${n}` },
});

describe('job views cached for polling', () => {
  let mongo: TestMongo;
  // A client of its own that reports every command, so the test counts real reads on the wire.
  let watched: MongoClient;
  let store: JobStore;
  const jobReads: CommandStartedEvent[] = [];

  const serviceWith = (viewCacheMs: number) =>
    createJobService({
      store,
      enqueue: async () => {},
      urlCheck: { checkSyntax: () => {}, checkHost: async () => {} },
      info: {
        version: 'test',
        limits: {
          dailyJobsPerIp: 50,
          maxPendingJobs: 10,
          workerConcurrency: 2,
          retentionHours: 24,
          maxUrlLength: 2048,
        },
      },
      viewCacheMs,
    });

  beforeAll(async () => {
    mongo = await startTestMongo();
    watched = await MongoClient.connect(mongo.uri, { serverMonitoringMode: 'poll', monitorCommands: true });
    watched.on('commandStarted', (event) => {
      // A view's read: a find of one job by its id (the store's writes and other reads differ).
      const filter = event.command.filter as Record<string, unknown> | undefined;
      const byIdOnly = filter !== undefined && Object.keys(filter).join() === 'jobId';
      if (event.commandName === 'find' && event.command.find === 'jobs' && byIdOnly) jobReads.push(event);
    });
  });
  afterAll(async () => {
    await watched.close();
    await mongo.stop();
  });
  beforeEach(async () => {
    await mongo.db.dropDatabase();
    store = new JobStore(jobCollections(watched.db(mongo.dbName)), config);
    await store.init();
    jobReads.length = 0;
  });

  async function processingJob(ip: string) {
    const { id } = await store.create(request, ip, async () => {});
    await store.start(id, 'w-1');
    await store.progress(id, progress(10));
    jobReads.length = 0;
    return id;
  }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('answers many polls, concurrent ones included, from one read', async () => {
    const jobs = serviceWith(1000);
    const id = await processingJob('203.0.113.1');
    const views = await Promise.all(Array.from({ length: 20 }, () => jobs.get(id)));
    expect(views.every((v) => v?.progress === 10 && v.status === 'processing')).toBe(true);
    await store.progress(id, progress(55));
    // Within half the TTL the poll may lag by design, and nothing is read again.
    expect((await jobs.get(id))?.progress).toBe(10);
    expect(jobReads).toHaveLength(1);
  });

  it('past half the TTL answers at once and reads ahead, so busy pollers never wait for MongoDB', async () => {
    const jobs = serviceWith(1000);
    const id = await processingJob('203.0.113.6');
    await jobs.get(id);
    await store.progress(id, progress(55));
    await sleep(600);
    expect((await jobs.get(id))?.progress).toBe(10);
    await waitUntil(() => jobReads.length === 2, 5000, 'the read-ahead');
    await waitUntil(async () => (await jobs.get(id))?.progress === 55, 5000, 'the fresh view');
    expect(jobReads).toHaveLength(2);
  });

  it('never answers from a read older than the TTL', async () => {
    const jobs = serviceWith(200);
    const id = await processingJob('203.0.113.7');
    expect((await jobs.get(id))?.progress).toBe(10);
    await store.progress(id, progress(55));
    await sleep(250);
    expect((await jobs.get(id))?.progress).toBe(55);
    expect(jobReads).toHaveLength(2);
  });

  it('shows a cancel made through the service at once, even inside the TTL', async () => {
    const jobs = serviceWith(60_000);
    const { id } = await store.create(request, '203.0.113.2', async () => {});
    expect((await jobs.get(id))?.status).toBe('pending');
    expect((await jobs.cancel(id))?.status).toBe('cancelled');
    expect(await jobs.get(id)).toMatchObject({ status: 'cancelled', errorCode: 'CANCELLED' });
  });

  it('keeps the queue position in the cached snapshot and the ETA in step with the clock', async () => {
    const jobs = serviceWith(60_000);
    const first = await store.create(request, '203.0.113.3', async () => {});
    const second = await store.create(request, '203.0.113.4', async () => {});
    expect(await jobs.get(second.id)).toMatchObject({ status: 'pending', queuePosition: 2 });
    expect((await jobs.get(first.id))?.queuePosition).toBe(1);
  });

  it('remembers unknown ids briefly: polling made-up ids costs one read per id, not one per poll', async () => {
    const jobs = serviceWith(1000);
    const ids = Array.from({ length: 10 }, (_, i) => `not-a-job-not-a-job-000${i}`);
    for (let poll = 0; poll < 5; poll++) {
      expect(await Promise.all(ids.map((id) => jobs.get(id)))).toEqual(ids.map(() => null));
    }
    expect(jobReads).toHaveLength(10);
    // A real job is still found: its id was never polled before it existed.
    const { id } = await store.create(request, '203.0.113.6', async () => {});
    expect((await jobs.get(id))?.status).toBe('pending');
  });

  it('with a TTL of 0 reads MongoDB on every poll', async () => {
    const jobs = serviceWith(0);
    const { id } = await store.create(request, '203.0.113.5', async () => {});
    jobReads.length = 0;
    await jobs.get(id);
    await jobs.get(id);
    await store.start(id, 'w-1');
    await store.progress(id, progress(30));
    expect((await jobs.get(id))?.progress).toBe(30);
    expect(jobReads).toHaveLength(3);
  });
});
