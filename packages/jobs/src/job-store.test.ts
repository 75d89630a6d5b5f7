import { ApiError } from '@movie-generator/api-contract';
import { startTestMongo, type TestMongo } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobCollections } from './collections.ts';
import { JobStore, type JobStoreConfig } from './job-store.ts';

const config: JobStoreConfig = {
  dailyLimit: 5,
  maxPending: 10,
  retentionMs: 24 * 3600_000,
  totalConcurrency: 2,
  typicalJobSec: 60,
};
const request = { url: 'https://example.com/a', size: '720p' as const, vertical: false };

describe('JobStore on MongoDB', () => {
  let mongo: TestMongo;
  let store: JobStore;
  const enqueued: string[] = [];
  const enqueue = async (id: string) => {
    enqueued.push(id);
  };

  beforeAll(async () => {
    mongo = await startTestMongo();
  });
  afterAll(async () => {
    await mongo.stop();
  });
  beforeEach(async () => {
    await mongo.db.dropDatabase();
    store = new JobStore(jobCollections(mongo.db), config);
    await store.init();
    enqueued.length = 0;
  });

  it('creates a pending job with an unguessable id, enqueues it, and never shows the client IP', async () => {
    const { id } = await store.create(request, '203.0.113.7', enqueue);
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(enqueued).toEqual([id]);
    const view = await store.view(id);
    expect(view).toMatchObject({ id, status: 'pending', progress: 0, queuePosition: 1, videoUrl: null });
    expect(JSON.stringify(view)).not.toContain('203.0.113.7');
    expect(view!.etaSec).toBeGreaterThan(0);
  });

  it('counts the daily quota atomically under concurrent requests from one IP', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => store.create(request, '198.51.100.1', enqueue)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(5);
    expect(refused.every((r) => r.reason instanceof ApiError && r.reason.code === 'QUOTA_EXCEEDED')).toBe(
      true,
    );
    expect(await mongo.db.collection('jobs').countDocuments()).toBe(5);
    const quota = await store.quota('198.51.100.1');
    expect(quota.used).toBe(5);
    expect(new Date(quota.resetsAt).getUTCHours()).toBe(0);
    expect((await store.quota('198.51.100.2')).used).toBe(0);
  });

  it('accepts exactly the queue cap from many IPs at once, refunds the quota of the refused', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => store.create(request, `192.0.2.${i}`, enqueue)),
    );
    const accepted = results.filter((r) => r.status === 'fulfilled');
    expect(accepted).toHaveLength(10);
    const reasons = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as ApiError).code ?? String(r.reason)] : [],
    );
    expect(new Set(reasons)).toEqual(new Set(['QUEUE_FULL']));
    expect(await mongo.db.collection('jobs').countDocuments({ status: 'pending' })).toBe(10);
    const usedTotal = (await mongo.db.collection('quotas').find().toArray()).reduce((n, q) => n + q.count, 0);
    expect(usedTotal).toBe(10);
  });

  it('frees the queue place when a job starts or is cancelled', async () => {
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push((await store.create(request, `192.0.2.${i}`, enqueue)).id);
    await expect(store.create(request, '192.0.2.99', enqueue)).rejects.toMatchObject({ code: 'QUEUE_FULL' });
    await store.start(ids[0]!, 'w1');
    await store.cancel(ids[1]!);
    await store.create(request, '192.0.2.100', enqueue);
    await store.create(request, '192.0.2.101', enqueue);
    await expect(store.create(request, '192.0.2.102', enqueue)).rejects.toMatchObject({ code: 'QUEUE_FULL' });
  });

  it('makes the queue places again when they are gone (a database restarted or restored empty)', async () => {
    await mongo.db.collection('queue_slots').deleteMany({});
    const { id } = await store.create(request, '192.0.2.60', enqueue);
    expect((await store.view(id))?.status).toBe('pending');
    expect(await mongo.db.collection('queue_slots').countDocuments()).toBe(config.maxPending);
    for (let i = 1; i < config.maxPending; i++) await store.create(request, `192.0.2.${60 + i}`, enqueue);
    await expect(store.create(request, '192.0.2.99', enqueue)).rejects.toMatchObject({ code: 'QUEUE_FULL' });
  });

  it('undoes the quota, slot and document when enqueueing fails', async () => {
    await expect(
      store.create(request, '192.0.2.50', async () => {
        throw new Error('queue down');
      }),
    ).rejects.toThrow('queue down');
    expect(await mongo.db.collection('jobs').countDocuments()).toBe(0);
    expect((await store.quota('192.0.2.50')).used).toBe(0);
    expect(await mongo.db.collection('queue_slots').countDocuments({ holder: { $ne: null } })).toBe(0);
  });

  it('runs the worker lifecycle: start, progress, complete, and stops progress after a cancel', async () => {
    const { id } = await store.create(request, '192.0.2.1', enqueue);
    const started = await store.start(id, 'worker-a');
    expect(started).toMatchObject({ status: 'processing', attempts: 1, workerId: 'worker-a' });
    expect(await store.progress(id, { progress: 30, step: 'audio', message: { ja: 'a', en: 'b' } })).toBe(
      true,
    );
    expect(await store.view(id)).toMatchObject({
      status: 'processing',
      progress: 30,
      step: 'audio',
      queuePosition: null,
    });

    const cancelled = await store.cancel(id);
    expect(cancelled?.status).toBe('cancelled');
    expect(await store.progress(id, { progress: 40, step: 'audio', message: { ja: 'a', en: 'b' } })).toBe(
      false,
    );
    await expect(store.cancel(id)).rejects.toMatchObject({ code: 'NOT_CANCELLABLE' });

    const second = await store.create(request, '192.0.2.1', enqueue);
    await store.start(second.id, 'worker-a');
    const done = await store.complete(second.id, {
      video: { kind: 'fs', path: '/tmp/x.mp4' },
      videoSize: 1234,
      durationSec: 42.5,
    });
    expect(done).toBe(true);
    expect(await store.view(second.id)).toMatchObject({
      status: 'completed',
      progress: 100,
      videoUrl: `/videos/${second.id}.mp4`,
      videoSize: 1234,
      durationSec: 42.5,
    });
  });

  it('refuses the writes of a worker that lost its job to another: progress, result and failure', async () => {
    const { id } = await store.create(request, '192.0.2.1', enqueue);
    await store.start(id, 'worker-stalled');
    // Its lock expired and the queue gave the job to another worker.
    await store.start(id, 'worker-next');
    const audio = { progress: 30, step: 'audio' as const, message: { ja: 'a', en: 'b' } };
    const video = { video: { kind: 'fs' as const, path: '/tmp/late.mp4' }, videoSize: 1, durationSec: 1 };
    const failure = { code: 'RENDER_FAILED', message: { ja: '失敗', en: 'failed' } };

    expect(await store.progress(id, audio, { workerId: 'worker-stalled' })).toBe(false);
    expect(await store.complete(id, video, { workerId: 'worker-stalled' })).toBe(false);
    expect(await store.fail(id, failure, { workerId: 'worker-stalled' })).toBe(false);
    expect(await store.find(id)).toMatchObject({
      status: 'processing',
      workerId: 'worker-next',
      progress: 0,
      video: null,
      errorCode: null,
    });

    expect(await store.progress(id, { ...audio, progress: 50 }, { workerId: 'worker-next' })).toBe(true);
    expect(await store.complete(id, video, { workerId: 'worker-next' })).toBe(true);
    expect(await store.find(id)).toMatchObject({ status: 'completed', workerId: 'worker-next', attempts: 2 });
  });

  it('answers null for unknown and expired jobs', async () => {
    const { id } = await store.create(request, '192.0.2.1', enqueue);
    expect(await store.view('nope-nope-nope-nope-nope')).toBeNull();
    expect(await store.view(id, new Date(Date.now() + config.retentionMs + 1000))).toBeNull();
    expect(await store.cancel(id, new Date(Date.now() + config.retentionMs + 1000))).toBeNull();
  });

  it('gives queue positions in creation order', async () => {
    const a = await store.create(request, '192.0.2.1', enqueue, new Date(Date.now() - 2000));
    const b = await store.create(request, '192.0.2.2', enqueue, new Date(Date.now() - 1000));
    expect((await store.view(a.id))?.queuePosition).toBe(1);
    expect((await store.view(b.id))?.queuePosition).toBe(2);
  });
});
