import { useTestMongo } from '@movie-generator/test-helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import { jobCollections, prepareJobCollections } from './collections.ts';
import { isJobRefused, JobRefusedError } from './errors.ts';
import { createJobAdmin, type JobAdmin } from './job-admin.ts';
import { createJobIntake, type JobIntake, type JobIntakeSettings } from './job-intake.ts';
import { createJobRuns, type JobRuns } from './job-runs.ts';

const settings: JobIntakeSettings = {
  dailyLimit: 5,
  maxPending: 10,
  retentionMs: 24 * 3600_000,
  totalConcurrency: 2,
  typicalJobSec: 60,
};
const request = { url: 'https://example.com/a', size: '720p' as const, vertical: false };

describe('jobs on MongoDB: intake, runs and admin', () => {
  const mongo = useTestMongo();
  let intake: JobIntake;
  let runs: JobRuns;
  let admin: JobAdmin;
  const enqueued: string[] = [];
  const enqueue = async (id: string) => {
    enqueued.push(id);
  };

  beforeEach(async () => {
    const c = jobCollections(mongo.db);
    await prepareJobCollections(c, settings);
    intake = createJobIntake(c, settings);
    runs = createJobRuns(c, { retentionMs: settings.retentionMs });
    admin = createJobAdmin(c, { retentionMs: settings.retentionMs });
    enqueued.length = 0;
  });

  it('creates a pending job with an unguessable id, enqueues it, and never shows the client IP', async () => {
    const { id } = await intake.create(request, '203.0.113.7', enqueue);
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(enqueued).toEqual([id]);
    const view = await intake.view(id);
    expect(view).toMatchObject({ id, status: 'pending', progress: 0, queuePosition: 1, videoUrl: null });
    expect(JSON.stringify(view)).not.toContain('203.0.113.7');
    expect(view!.etaSec).toBeGreaterThan(0);
  });

  it('stores the style; a document from before styles existed reads as narration', async () => {
    const { id } = await intake.create({ ...request, style: 'dialogue' }, '203.0.113.7', enqueue);
    expect((await mongo.db.collection('jobs').findOne({ jobId: id }))?.style).toBe('dialogue');
    const plain = await intake.create(request, '203.0.113.7', enqueue);
    expect((await mongo.db.collection('jobs').findOne({ jobId: plain.id }))?.style).toBe('narration');
    expect((await intake.view(id))?.style).toBe('dialogue');
    expect((await runs.find(id))?.style).toBe('dialogue');

    await mongo.db.collection('jobs').updateOne({ jobId: id }, { $unset: { style: '' } });
    expect((await intake.view(id))?.style).toBe('narration');
    expect((await runs.find(id))?.style).toBe('narration');
    // Any other value is a document of another shape.
    await mongo.db.collection('jobs').updateOne({ jobId: id }, { $set: { style: 'duet' } });
    await expect(intake.view(id)).rejects.toThrow(new RegExp(`job document ${id} .*style`));
  });

  it('counts the daily quota atomically under concurrent requests from one IP', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => intake.create(request, '198.51.100.1', enqueue)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(5);
    expect(refused.every((r) => isJobRefused(r.reason, 'QUOTA_EXCEEDED'))).toBe(true);
    // The refusal says when the limit resets: the next 00:00 UTC.
    const resetsAt = (refused[0]!.reason as JobRefusedError).resetsAt!;
    expect(resetsAt.getTime()).toBeGreaterThan(Date.now());
    expect(resetsAt.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(await mongo.db.collection('jobs').countDocuments()).toBe(5);
    const quota = await intake.quota('198.51.100.1');
    expect(quota.used).toBe(5);
    expect(new Date(quota.resetsAt).getUTCHours()).toBe(0);
    expect((await intake.quota('198.51.100.2')).used).toBe(0);
  });

  it('accepts exactly the queue cap from many IPs at once, refunds the quota of the refused', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => intake.create(request, `192.0.2.${i}`, enqueue)),
    );
    const accepted = results.filter((r) => r.status === 'fulfilled');
    expect(accepted).toHaveLength(10);
    const reasons = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as JobRefusedError).code ?? String(r.reason)] : [],
    );
    expect(new Set(reasons)).toEqual(new Set(['QUEUE_FULL']));
    expect(await mongo.db.collection('jobs').countDocuments({ status: 'pending' })).toBe(10);
    const usedTotal = (await mongo.db.collection('quotas').find().toArray()).reduce((n, q) => n + q.count, 0);
    expect(usedTotal).toBe(10);
  });

  it('frees the queue place when a job starts or is cancelled', async () => {
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push((await intake.create(request, `192.0.2.${i}`, enqueue)).id);
    await expect(intake.create(request, '192.0.2.99', enqueue)).rejects.toMatchObject({ code: 'QUEUE_FULL' });
    await runs.start(ids[0]!, 'w1');
    await intake.cancel(ids[1]!);
    await intake.create(request, '192.0.2.100', enqueue);
    await intake.create(request, '192.0.2.101', enqueue);
    await expect(intake.create(request, '192.0.2.102', enqueue)).rejects.toMatchObject({
      code: 'QUEUE_FULL',
    });
  });

  it('makes the queue places again when they are gone (a database restarted or restored empty)', async () => {
    await mongo.db.collection('queue_slots').deleteMany({});
    const { id } = await intake.create(request, '192.0.2.60', enqueue);
    expect((await intake.view(id))?.status).toBe('pending');
    expect(await mongo.db.collection('queue_slots').countDocuments()).toBe(settings.maxPending);
    for (let i = 1; i < settings.maxPending; i++) await intake.create(request, `192.0.2.${60 + i}`, enqueue);
    await expect(intake.create(request, '192.0.2.99', enqueue)).rejects.toMatchObject({ code: 'QUEUE_FULL' });
  });

  it('undoes the quota, slot and document when enqueueing fails', async () => {
    await expect(
      intake.create(request, '192.0.2.50', async () => {
        throw new Error('queue down');
      }),
    ).rejects.toThrow('queue down');
    expect(await mongo.db.collection('jobs').countDocuments()).toBe(0);
    expect((await intake.quota('192.0.2.50')).used).toBe(0);
    expect(await mongo.db.collection('queue_slots').countDocuments({ holder: { $ne: null } })).toBe(0);
  });

  it('runs the worker lifecycle: start, progress, complete, and stops progress after a cancel', async () => {
    const { id } = await intake.create(request, '192.0.2.1', enqueue);
    const started = await runs.start(id, 'worker-a');
    expect(started).toMatchObject({ status: 'processing', attempts: 1, workerId: 'worker-a' });
    expect(await runs.progress(id, { progress: 30, step: 'audio', message: { ja: 'a', en: 'b' } })).toBe(
      true,
    );
    expect(await intake.view(id)).toMatchObject({
      status: 'processing',
      progress: 30,
      step: 'audio',
      queuePosition: null,
    });

    const cancelled = await intake.cancel(id);
    expect(cancelled?.status).toBe('cancelled');
    expect(await runs.progress(id, { progress: 40, step: 'audio', message: { ja: 'a', en: 'b' } })).toBe(
      false,
    );
    await expect(intake.cancel(id)).rejects.toBeInstanceOf(JobRefusedError);
    await expect(intake.cancel(id)).rejects.toMatchObject({ code: 'NOT_CANCELLABLE' });

    const second = await intake.create(request, '192.0.2.1', enqueue);
    await runs.start(second.id, 'worker-a');
    const done = await runs.complete(second.id, {
      video: { kind: 'fs', path: '/tmp/x.mp4' },
      videoSize: 1234,
      durationSec: 42.5,
    });
    expect(done).toBe(true);
    expect(await intake.view(second.id)).toMatchObject({
      status: 'completed',
      progress: 100,
      videoUrl: `/videos/${second.id}.mp4`,
      videoSize: 1234,
      durationSec: 42.5,
    });
  });

  it('refuses the writes of a worker that lost its job to another: progress, result and failure', async () => {
    const { id } = await intake.create(request, '192.0.2.1', enqueue);
    await runs.start(id, 'worker-stalled');
    // Its lock expired and the queue gave the job to another worker.
    await runs.start(id, 'worker-next');
    const audio = { progress: 30, step: 'audio' as const, message: { ja: 'a', en: 'b' } };
    const video = { video: { kind: 'fs' as const, path: '/tmp/late.mp4' }, videoSize: 1, durationSec: 1 };
    const failure = { code: 'RENDER_FAILED' as const, message: { ja: '失敗', en: 'failed' } };

    expect(await runs.progress(id, audio, { workerId: 'worker-stalled' })).toBe(false);
    expect(await runs.complete(id, video, { workerId: 'worker-stalled' })).toBe(false);
    expect(await runs.fail(id, failure, { workerId: 'worker-stalled' })).toBe(false);
    expect(await runs.find(id)).toMatchObject({
      status: 'processing',
      workerId: 'worker-next',
      progress: 0,
      video: null,
      errorCode: null,
    });

    expect(await runs.progress(id, { ...audio, progress: 50 }, { workerId: 'worker-next' })).toBe(true);
    expect(await runs.complete(id, video, { workerId: 'worker-next' })).toBe(true);
    expect(await runs.find(id)).toMatchObject({ status: 'completed', workerId: 'worker-next', attempts: 2 });
  });

  it('answers null for unknown and expired jobs', async () => {
    const { id } = await intake.create(request, '192.0.2.1', enqueue);
    expect(await intake.view('nope-nope-nope-nope-nope')).toBeNull();
    expect(await intake.view(id, new Date(Date.now() + settings.retentionMs + 1000))).toBeNull();
    expect(await intake.cancel(id, new Date(Date.now() + settings.retentionMs + 1000))).toBeNull();
  });

  it('gives queue positions in creation order', async () => {
    const a = await intake.create(request, '192.0.2.1', enqueue, new Date(Date.now() - 2000));
    const b = await intake.create(request, '192.0.2.2', enqueue, new Date(Date.now() - 1000));
    expect((await intake.view(a.id))?.queuePosition).toBe(1);
    expect((await intake.view(b.id))?.queuePosition).toBe(2);
  });

  it('admin: lists newest first, cancels to the document, retries with a new expiry, counts by status', async () => {
    const t0 = Date.now();
    const a = await intake.create(request, '192.0.2.1', enqueue, new Date(t0 - 2000));
    const b = await intake.create(request, '192.0.2.2', enqueue, new Date(t0 - 1000));
    expect((await admin.list()).map((j) => j.jobId)).toEqual([b.id, a.id]);
    expect((await admin.list({ status: 'pending', limit: 1 })).map((j) => j.jobId)).toEqual([b.id]);

    const cancelled = await admin.cancel(a.id);
    expect(cancelled).toMatchObject({ jobId: a.id, status: 'cancelled', errorCode: 'CANCELLED' });
    await expect(admin.cancel(a.id)).rejects.toMatchObject({ code: 'NOT_CANCELLABLE' });
    expect(await admin.cancel('nope-nope-nope-nope-nope')).toBeNull();
    expect(await mongo.db.collection('queue_slots').countDocuments({ holder: a.id })).toBe(0);

    const later = new Date(t0 + 3600_000);
    expect(await admin.resetForRetry(a.id, later)).toBe(true);
    expect(await admin.resetForRetry(b.id, later)).toBe(false); // pending: nothing to retry
    expect(await runs.find(a.id)).toMatchObject({
      status: 'pending',
      errorCode: null,
      attempts: 0,
      expiresAt: new Date(later.getTime() + settings.retentionMs),
    });
    await runs.start(b.id, 'w-1');
    await runs.fail(b.id, { code: 'RENDER_FAILED', message: { ja: '失敗', en: 'failed' } });
    expect(await admin.countsByStatus()).toEqual({
      pending: 1,
      processing: 0,
      completed: 0,
      failed: 1,
      cancelled: 0,
    });
  });

  it('admin: finds expired jobs (or every finished one) to purge, and removes a job with its queue place', async () => {
    const { id: waiting } = await intake.create(request, '192.0.2.1', enqueue);
    const { id: failed } = await intake.create(request, '192.0.2.2', enqueue);
    await runs.fail(failed, { code: 'RENDER_FAILED', message: { ja: '失敗', en: 'failed' } });
    expect(await admin.findPurgeable()).toEqual([]);
    expect((await admin.findPurgeable({ finished: true })).map((j) => j.jobId)).toEqual([failed]);
    const afterExpiry = new Date(Date.now() + settings.retentionMs + 1000);
    expect((await admin.findPurgeable({}, afterExpiry)).map((j) => j.jobId).sort()).toEqual(
      [waiting, failed].sort(),
    );
    await admin.remove(waiting);
    expect(await runs.find(waiting)).toBeNull();
    expect(await mongo.db.collection('queue_slots').countDocuments({ holder: { $ne: null } })).toBe(0);
  });

  it('checks a job document against its schema when the API or a worker reads it', async () => {
    const { id } = await intake.create(request, '192.0.2.1', enqueue);
    // A field a newer version added is kept, not dropped.
    await mongo.db.collection('jobs').updateOne({ jobId: id }, { $set: { priority: 3 } });
    expect(await runs.find(id)).toMatchObject({ jobId: id, priority: 3 });
    // A field of the wrong shape is refused, naming the job and the field.
    await mongo.db.collection('jobs').updateOne({ jobId: id }, { $set: { progress: 'half' } });
    await expect(intake.view(id)).rejects.toThrow(new RegExp(`job document ${id} .*progress`));
    await expect(runs.find(id)).rejects.toThrow(/progress/);
    // The admin side still sees and removes it: an operator must be able to clean it up.
    expect((await admin.list()).map((j) => j.jobId)).toEqual([id]);
    await admin.remove(id);
    expect(await admin.list()).toEqual([]);
  });
});
