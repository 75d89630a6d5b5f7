import { useTestMongo, waitUntil } from '@movie-generator/test-helpers';
import { type CommandStartedEvent, MongoClient } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobCollections, prepareJobCollections } from './collections.ts';
import { createJobIntake, type JobIntake, type JobIntakeSettings } from './job-intake.ts';
import { createJobRuns, type JobRuns } from './job-runs.ts';
import { createJobViewCache } from './job-view-cache.ts';

const settings: JobIntakeSettings = {
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
  const mongo = useTestMongo();
  // A client of its own that reports every command, so the test counts real reads on the wire.
  let watched: MongoClient;
  let intake: JobIntake;
  let runs: JobRuns;
  const jobReads: CommandStartedEvent[] = [];

  const cacheWith = (ttlMs: number) => createJobViewCache(intake, { ttlMs });

  beforeAll(async () => {
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
  });
  beforeEach(async () => {
    const c = jobCollections(watched.db(mongo.dbName));
    await prepareJobCollections(c, settings);
    intake = createJobIntake(c, settings);
    runs = createJobRuns(c, { retentionMs: settings.retentionMs });
    jobReads.length = 0;
  });

  async function processingJob(ip: string) {
    const { id } = await intake.create(request, ip, async () => {});
    await runs.start(id, 'w-1');
    await runs.progress(id, progress(10));
    jobReads.length = 0;
    return id;
  }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('answers many polls, concurrent ones included, from one read', async () => {
    const jobs = cacheWith(1000);
    const id = await processingJob('203.0.113.1');
    const views = await Promise.all(Array.from({ length: 20 }, () => jobs.view(id)));
    expect(views.every((v) => v?.progress === 10 && v.status === 'processing')).toBe(true);
    await runs.progress(id, progress(55));
    // Within half the TTL the poll may lag by design, and nothing is read again.
    expect((await jobs.view(id))?.progress).toBe(10);
    expect(jobReads).toHaveLength(1);
  });

  it('past half the TTL answers at once and reads ahead, so busy pollers never wait for MongoDB', async () => {
    const jobs = cacheWith(1000);
    const id = await processingJob('203.0.113.6');
    await jobs.view(id);
    await runs.progress(id, progress(55));
    await sleep(600);
    expect((await jobs.view(id))?.progress).toBe(10);
    await waitUntil(() => jobReads.length === 2, 5000, 'the read-ahead');
    await waitUntil(async () => (await jobs.view(id))?.progress === 55, 5000, 'the fresh view');
    expect(jobReads).toHaveLength(2);
  });

  it('never answers from a read older than the TTL', async () => {
    const jobs = cacheWith(200);
    const id = await processingJob('203.0.113.7');
    expect((await jobs.view(id))?.progress).toBe(10);
    await runs.progress(id, progress(55));
    await sleep(250);
    expect((await jobs.view(id))?.progress).toBe(55);
    expect(jobReads).toHaveLength(2);
  });

  it('shows a change this process made and forgot at once, even inside the TTL', async () => {
    const jobs = cacheWith(60_000);
    const { id } = await intake.create(request, '203.0.113.2', async () => {});
    expect((await jobs.view(id))?.status).toBe('pending');
    expect((await intake.cancel(id))?.status).toBe('cancelled');
    expect((await jobs.view(id))?.status).toBe('pending'); // cached, as designed
    jobs.forget(id);
    expect(await jobs.view(id)).toMatchObject({ status: 'cancelled', errorCode: 'CANCELLED' });
  });

  it('keeps the queue position in the cached snapshot and the ETA in step with the clock', async () => {
    const jobs = cacheWith(60_000);
    const first = await intake.create(request, '203.0.113.3', async () => {});
    const second = await intake.create(request, '203.0.113.4', async () => {});
    expect(await jobs.view(second.id)).toMatchObject({ status: 'pending', queuePosition: 2 });
    expect((await jobs.view(first.id))?.queuePosition).toBe(1);
  });

  it('remembers unknown ids briefly: polling made-up ids costs one read per id, not one per poll', async () => {
    const jobs = cacheWith(1000);
    const ids = Array.from({ length: 10 }, (_, i) => `not-a-job-not-a-job-000${i}`);
    for (let poll = 0; poll < 5; poll++) {
      expect(await Promise.all(ids.map((id) => jobs.view(id)))).toEqual(ids.map(() => null));
    }
    expect(jobReads).toHaveLength(10);
    // A real job is still found: its id was never polled before it existed.
    const { id } = await intake.create(request, '203.0.113.6', async () => {});
    expect((await jobs.view(id))?.status).toBe('pending');
  });

  it('with a TTL of 0 reads MongoDB on every poll', async () => {
    const jobs = cacheWith(0);
    const { id } = await intake.create(request, '203.0.113.5', async () => {});
    jobReads.length = 0;
    await jobs.view(id);
    await jobs.view(id);
    await runs.start(id, 'w-1');
    await runs.progress(id, progress(30));
    expect((await jobs.view(id))?.progress).toBe(30);
    expect(jobReads).toHaveLength(3);
  });
});
