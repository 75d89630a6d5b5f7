import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createJobIntake,
  createJobRuns,
  createQueue,
  GENERATE_VIDEO,
  GridFsVideoStore,
  type JobDocument,
  type JobIntake,
  type JobRuns,
  jobCollections,
  prepareJobCollections,
} from '@movie-generator/jobs';
import { makeTempDir, useTestMongo } from '@movie-generator/test-helpers';
import type { Agenda } from 'agenda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OpsRun, runOps } from './testing/run-ops.ts';

const VIDEO_BYTES = 300_000;

describe('mg-ops, the real CLI against the MongoDB-wire server', () => {
  const mongo = useTestMongo();
  let intake: JobIntake;
  let runs: JobRuns;
  let videos: GridFsVideoStore;
  let queue: Agenda;
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  let videoFile: string;
  let ipCounter = 0;

  /** Runs `mg-ops <args>` as a child process with the test database in its environment. */
  function ops(...args: string[]): Promise<OpsRun> {
    return runOps({ MONGODB_URI: mongo.uri, MONGODB_DB: mongo.dbName, MAX_PENDING_JOBS: '10' }, ...args);
  }

  async function opsJson<T>(...args: string[]): Promise<T> {
    const run = await ops(...args, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as T;
  }

  /** A job created the way the server creates it (quota, queue place), without a queue entry. */
  async function pendingJob(url = 'https://example.com/article'): Promise<string> {
    ipCounter += 1;
    const { id } = await intake.create(
      { url, size: '720p', vertical: false },
      `203.0.113.${ipCounter}`,
      async () => {},
    );
    return id;
  }

  async function failedJob(attempts = 1): Promise<string> {
    const id = await pendingJob('https://example.com/failing');
    await runs.start(id, 'worker-a');
    await runs.fail(id, { code: 'RENDER_FAILED', message: { ja: '失敗', en: 'failed' } });
    await intake.c.jobs.updateOne({ jobId: id }, { $set: { attempts } });
    return id;
  }

  async function completedJob(): Promise<{ id: string; job: JobDocument }> {
    const id = await pendingJob('https://example.com/done');
    await runs.start(id, 'worker-a');
    const saved = await videos.save(id, videoFile);
    await runs.complete(id, { video: saved.video, videoSize: saved.size, durationSec: 12 });
    return { id, job: (await intake.c.jobs.findOne({ jobId: id }))! };
  }

  const doc = (jobId: string) => intake.c.jobs.findOne({ jobId });
  const queueEntries = (jobId: string) =>
    mongo.db.collection('agendaJobs').find({ name: GENERATE_VIDEO, 'data.jobId': jobId }).toArray();

  beforeAll(async () => {
    tmp = await makeTempDir('mg-ops-');
    videoFile = join(tmp.dir, 'video.mp4');
    await writeFile(videoFile, Buffer.alloc(VIDEO_BYTES, 7));
  });
  afterAll(async () => {
    await tmp?.cleanup();
  });
  beforeEach(async () => {
    const c = jobCollections(mongo.db);
    const settings = {
      dailyLimit: 100,
      maxPending: 10,
      retentionMs: 24 * 3600_000,
      totalConcurrency: 2,
      typicalJobSec: 60,
    };
    await prepareJobCollections(c, settings);
    intake = createJobIntake(c, settings);
    runs = createJobRuns(c, settings);
    videos = new GridFsVideoStore(mongo.db);
    queue = createQueue(mongo.db);
    await queue.ready;
  });

  it('lists jobs newest first, filtered by status, as a table or JSON', async () => {
    const pending = await pendingJob();
    const failed = await failedJob();
    const { id: completed } = await completedJob();

    const all = await opsJson<JobDocument[]>('list');
    expect(all.map((j) => j.jobId)).toEqual([completed, failed, pending]);
    const onlyFailed = await opsJson<JobDocument[]>('list', '--status', 'failed');
    expect(onlyFailed.map((j) => [j.jobId, j.status, j.errorCode])).toEqual([
      [failed, 'failed', 'RENDER_FAILED'],
    ]);
    expect((await opsJson<JobDocument[]>('list', '--limit', '2')).length).toBe(2);

    const table = await ops('list');
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^JOB ID\s+STATUS\s+PROGRESS/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      [completed, 'completed'],
      [failed, 'failed'],
      [pending, 'pending'],
    ]);

    const bad = await ops('list', '--status', 'sleeping');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('sleeping');
  });

  it('shows the whole document, client IP included, with its queue entries', async () => {
    const id = await pendingJob('https://example.com/shown');
    await queue.now(GENERATE_VIDEO, { jobId: id });

    const details = await opsJson<{ job: JobDocument; expired: boolean; queueEntries: { state: string }[] }>(
      'show',
      id,
    );
    expect(details.job).toMatchObject({ jobId: id, url: 'https://example.com/shown', status: 'pending' });
    expect(details.job.clientIp).toMatch(/^203\.0\.113\.\d+$/);
    expect(details.expired).toBe(false);
    expect(details.queueEntries).toHaveLength(1);

    const human = await ops('show', id);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`clientIp\\s+${details.job.clientIp.replaceAll('.', '\\.')}`));
    expect(human.stdout).toContain('queue entries:');

    const missing = await ops('show', 'no-such-job-id-000000');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('not found');
  });

  it('retries a failed job: back to pending, start count reset, and a new queue entry', async () => {
    // Failed for too many starts: without the reset the worker would fail it again at once.
    const id = await failedJob(3);
    expect(await queueEntries(id)).toHaveLength(0);

    const run = await ops('retry', id);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pending again');
    expect(await doc(id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      progress: 0,
      errorCode: null,
      errorMessage: null,
      completedAt: null,
      workerId: null,
    });
    const entries = await queueEntries(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.nextRunAt).toBeInstanceOf(Date);

    const again = await ops('retry', id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('only failed or cancelled');
    expect(await queueEntries(id)).toHaveLength(1);
    expect((await ops('retry', 'no-such-job-id-000000')).code).toBe(1);
  });

  it('cancels a pending job once; finished jobs are refused', async () => {
    const id = await pendingJob();
    const held = () => intake.c.queueSlots.countDocuments({ holder: id });
    expect(await held()).toBe(1);

    const result = await opsJson<{ outcome: string }>('cancel', id);
    expect(result).toEqual({ outcome: 'cancelled' });
    expect(await doc(id)).toMatchObject({ status: 'cancelled', errorCode: 'CANCELLED' });
    expect(await held()).toBe(0);

    const again = await ops('cancel', id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is cancelled');

    // ...and a cancelled job can be retried.
    expect((await ops('retry', id)).code).toBe(0);
    expect((await doc(id))?.status).toBe('pending');
  });

  it('purges expired jobs with their GridFS videos, then every finished job with --finished', async () => {
    const expired = await completedJob();
    await intake.c.jobs.updateOne(
      { jobId: expired.id },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    await queue.now(GENERATE_VIDEO, { jobId: expired.id });
    const fresh = await completedJob();
    const failed = await failedJob();
    const pending = await pendingJob();
    const gridFiles = () => mongo.db.collection('videos.files').countDocuments();
    const gridChunks = () => mongo.db.collection('videos.chunks').countDocuments();
    const video = (job: JobDocument) =>
      job.video?.kind === 'gridfs' ? job.video.fileId : expect.fail('expected a GridFS video');
    expect(await gridFiles()).toBe(2);

    const first = await opsJson<{
      jobsRemoved: number;
      videosRemoved: number;
      bytesFreed: number;
      jobIds: string[];
    }>('purge');
    expect(first).toEqual({
      jobsRemoved: 1,
      videosRemoved: 1,
      bytesFreed: VIDEO_BYTES,
      jobIds: [expired.id],
    });
    expect(await doc(expired.id)).toBeNull();
    expect(await queueEntries(expired.id)).toHaveLength(0);
    expect(await mongo.db.collection('videos.files').countDocuments({ _id: video(expired.job) })).toBe(0);
    expect(await mongo.db.collection('videos.chunks').countDocuments({ files_id: video(expired.job) })).toBe(
      0,
    );
    expect(await gridFiles()).toBe(1);

    const second = await ops('purge', '--finished');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/removed 2 job\(s\) and 1 video\(s\), freed 293\.0 KiB/);
    expect(await doc(fresh.id)).toBeNull();
    expect(await doc(failed)).toBeNull();
    expect((await doc(pending))?.status).toBe('pending');
    expect(await gridFiles()).toBe(0);
    expect(await gridChunks()).toBe(0);
  });

  it('stats: counts by status, queue depth and bytes stored', async () => {
    await pendingJob();
    const queued = await pendingJob();
    await queue.now(GENERATE_VIDEO, { jobId: queued });
    await failedJob();
    await completedJob();
    await completedJob();
    const cancelled = await pendingJob();
    await intake.cancel(cancelled);

    const s = await opsJson<{
      jobs: Record<string, number>;
      queue: {
        pending: number;
        slotsHeld: number;
        slotsCap: number;
        entries: { total: number };
        oldestPendingSec: number;
      };
      storage: { kind: string; videos: number; bytes: number };
    }>('stats');
    expect(s.jobs).toEqual({ pending: 2, processing: 0, completed: 2, failed: 1, cancelled: 1, total: 6 });
    expect(s.queue).toMatchObject({ pending: 2, slotsHeld: 2, slotsCap: 10, entries: { total: 1 } });
    expect(s.queue.oldestPendingSec).toBeGreaterThanOrEqual(0);
    expect(s.storage).toEqual({ kind: 'gridfs', videos: 2, bytes: 2 * VIDEO_BYTES });

    const human = await ops('stats');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('pending 2, processing 0, completed 2, failed 1, cancelled 1');
    expect(human.stdout).toContain('2 pending, 2/10 places taken');
    expect(human.stdout).toContain('2 video(s), 585.9 KiB in gridfs');
  });

  it('lists and cancels the jobs of one client IP or prefix (trouble case 6)', async () => {
    const a = await pendingJob(); // 203.0.113.n
    const b = await pendingJob();
    const other = await intake.create(
      { url: 'https://example.com/x', size: '720p', vertical: false },
      '198.51.100.9',
      async () => {},
    );
    const ipOfA = (await doc(a))!.clientIp;
    expect((await opsJson<JobDocument[]>('list', '--ip', ipOfA)).map((j) => j.jobId)).toEqual([a]);
    expect((await opsJson<JobDocument[]>('list', '--ip', '203.0.113.0/24')).map((j) => j.jobId)).toEqual([
      b,
      a,
    ]);

    const cancel = await ops('cancel', '--ip', '203.0.113.0/24');
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toMatch(/^cancelled 2 job\(s\) of 203\.0\.113\.0\/24/);
    expect((await doc(a))!.status).toBe('cancelled');
    expect((await doc(b))!.status).toBe('cancelled');
    expect((await doc(other.id))!.status).toBe('pending');

    const bad = await ops('list', '--ip', 'not-an-ip');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not an IP address or prefix');
    expect((await ops('cancel')).code).toBe(1);
  });

  it('block, blocks and unblock manage the list job.create refuses', async () => {
    const block = await ops('block', '198.51.100.0/24', '--reason', 'flood on 12-02');
    expect(block).toMatchObject({ code: 0, stdout: '198.51.100.0/24 blocked\n' });
    expect((await ops('block', '198.51.100.0/24')).stdout).toBe('198.51.100.0/24 was already blocked\n');
    await ops('block', '2001:db8::7');
    const list = await ops('blocks');
    expect(list.stdout).toMatch(/^198\.51\.100\.0\/24\s+\S+Z\s+flood on 12-02\n2001:db8::7\/128\s+\S+Z\n$/);
    await expect(
      intake.create(
        { url: 'https://example.com/x', size: '720p', vertical: false },
        '198.51.100.77',
        async () => {},
      ),
    ).resolves.toBeDefined(); // the store itself does not check: job.create does (JobService)
    expect((await ops('unblock', '198.51.100.0/24')).stdout).toBe('198.51.100.0/24 unblocked\n');
    const again = await ops('unblock', '198.51.100.0/24');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not on the block list');
    expect((await opsJson<{ prefix: string }[]>('blocks')).map((b) => b.prefix)).toEqual(['2001:db8::7/128']);
    expect((await ops('block', 'example.com')).code).toBe(1);
  });

  it('explains a missing MONGODB_URI instead of crashing', async () => {
    const run = await runOps({ MONGODB_URI: undefined }, 'stats');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('MONGODB_URI is required');
  });
});
