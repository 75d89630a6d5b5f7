import { existsSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createJobAdmin,
  createJobRuns,
  GENERATE_VIDEO,
  type JobAdmin,
  type JobRuns,
  jobCollections,
  type StoredVideo,
} from '@movie-generator/jobs';
import { closeRenderer, PIPELINE_ERRORS, runPipeline } from '@movie-generator/pipeline';
import { waitUntil } from '@movie-generator/test-helpers';
import { Binary, ObjectId } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CleanupDeps, runCleanup } from './cleanup.ts';
import { type Harness, quietLog, startHarness } from './test-support/harness.ts';
import { createWorker } from './worker.ts';

const HOUR = 3600_000;

describe('cleanup', () => {
  let h: Harness;
  let runs: JobRuns;
  let admin: JobAdmin;

  beforeAll(async () => {
    h = await startHarness();
  });
  beforeEach(async () => {
    await h.reset();
    const { jobs } = h.config();
    runs = createJobRuns(jobCollections(h.mongo.db), jobs);
    admin = createJobAdmin(jobCollections(h.mongo.db), jobs);
  });
  afterAll(async () => {
    await h?.close();
    await closeRenderer();
  });

  /** One cleanup run with the default ages (6 h for leftovers, 30 min for stuck jobs). */
  function cleanup(extra: Partial<CleanupDeps> = {}) {
    return runCleanup({
      admin,
      runs,
      videoStore: h.videoStore,
      log: quietLog,
      workDir: h.workDir,
      workDirMaxAgeMs: 6 * HOUR,
      stuckJobMs: 30 * 60_000,
      ...extra,
    });
  }

  /** A job that completed at `at` with a small stored "video" and a poster beside it. */
  async function completedJob(at: Date) {
    const { id } = await h.createJob('/en', { now: at });
    const file = join(h.workDir, `${id}.bin`);
    await writeFile(file, Buffer.alloc(4096, 7));
    const saved = await h.videoStore.save(id, file);
    const poster = await h.videoStore.saveArtifact(id, 'poster', file);
    await runs.start(id, 'w-old', at);
    expect(
      await runs.complete(
        id,
        { video: saved.video, videoSize: saved.size, durationSec: 12, artifacts: { poster } },
        { now: at },
      ),
    ).toBe(true);
    return { id, video: saved.video, poster };
  }

  async function workDir(name: string, ageMs: number) {
    const path = join(h.workDir, name);
    await mkdir(join(path, 'inner'), { recursive: true });
    const when = new Date(Date.now() - ageMs);
    await utimes(path, when, when);
    return path;
  }

  it('removes expired jobs with their GridFS videos and queue entries, stuck jobs, stale slots and old work dirs', async () => {
    const longAgo = new Date(Date.now() - 25 * HOUR);
    const expired = await completedJob(longAgo);
    const expiredFailed = await h.createJob('/short', { now: longAgo });
    await runs.fail(
      expiredFailed.id,
      { code: 'TOO_LITTLE_TEXT', message: PIPELINE_ERRORS.TOO_LITTLE_TEXT },
      { now: longAgo },
    );
    const fresh = await completedJob(new Date());
    const stuck = await h.createJob('/en');
    await runs.start(stuck.id, 'w-vanished', new Date(Date.now() - 40 * 60_000));
    const live = await h.createJob('/en');
    await runs.start(live.id, 'w-alive');
    const pending = await h.createJob('/en');
    // A place in the queue still held by a job that is no longer pending (a crash between two writes).
    await h.intake.c.queueSlots.updateOne(
      { n: 19 },
      { $set: { holder: 'ghost-job', claimedAt: new Date(Date.now() - HOUR) } },
    );

    const oldDir = await workDir('mg-job-dead-abc', 7 * HOUR);
    const youngDir = await workDir('mg-job-young-abc', 10 * 60_000);
    const activeDir = await workDir('mg-job-active-abc', 7 * HOUR);
    const otherDir = await workDir('not-ours', 7 * HOUR);

    const report = await cleanup({
      activeWorkDirs: () => [activeDir],
      removeQueueEntries: async (jobId) => {
        await h.client.cancel({ name: GENERATE_VIDEO, data: { jobId } });
      },
    });

    expect(report).toEqual({
      jobsRemoved: 2,
      videosRemoved: 1,
      slotsReleased: 1,
      stuckJobsFailed: 1,
      workDirsRemoved: 1,
      orphanedVideosRemoved: 0,
    });
    const jobs = h.mongo.db.collection('jobs');
    expect(await jobs.countDocuments({ jobId: { $in: [expired.id, expiredFailed.id] } })).toBe(0);
    expect((await h.job(fresh.id)).status).toBe('completed');
    expect(await h.job(stuck.id)).toMatchObject({
      status: 'failed',
      errorCode: 'TIMEOUT',
      errorMessage: { ja: PIPELINE_ERRORS.TIMEOUT.ja, en: PIPELINE_ERRORS.TIMEOUT.en },
    });
    expect((await h.job(live.id)).status).toBe('processing');
    expect((await h.job(pending.id)).status).toBe('pending');

    // GridFS: the expired job's files (video and poster) and chunks are gone, the fresh one's are intact.
    expect(await h.videoStore.size(expired.poster)).toBeNull();
    expect(await h.videoStore.size(fresh.poster)).toBe(4096);
    await h.videoStore.remove(fresh.poster);
    const files = await h.mongo.db.collection('videos.files').find().toArray();
    expect(files.map((f) => String(f._id))).toEqual([
      String(fresh.video.kind === 'gridfs' && fresh.video.fileId),
    ]);
    expect(await h.videoStore.size(expired.video)).toBeNull();
    expect(await h.videoStore.size(fresh.video)).toBe(4096);
    expect(
      await h.mongo.db.collection('videos.chunks').countDocuments({ files_id: files[0]!._id }),
    ).toBeGreaterThan(0);
    expect(
      await h.mongo.db.collection('videos.chunks').countDocuments({ files_id: { $ne: files[0]!._id } }),
    ).toBe(0);

    // Queue entries of the removed jobs are gone, the others stay.
    const queued = await h.mongo.db.collection('agendaJobs').find({ name: GENERATE_VIDEO }).toArray();
    expect(queued.map((q) => q.data.jobId).sort()).toEqual([fresh.id, stuck.id, live.id, pending.id].sort());
    expect(await h.intake.c.queueSlots.countDocuments({ holder: 'ghost-job' })).toBe(0);

    expect((await h.leftoverWorkDirs()).sort()).toEqual(['mg-job-active-abc', 'mg-job-young-abc']);
    expect(existsSync(oldDir)).toBe(false);
    expect(existsSync(youngDir)).toBe(true);
    expect(existsSync(otherDir)).toBe(true);
  });

  it('removes old stored videos no job refers to and the chunks of interrupted uploads, and keeps the rest', async () => {
    const files = h.mongo.db.collection('videos.files');
    const chunks = h.mongo.db.collection('videos.chunks');
    const file = join(h.workDir, 'orphan.bin');
    await writeFile(file, Buffer.alloc(4096, 3));
    const age = async (video: StoredVideo, ms: number) => {
      if (video.kind !== 'gridfs') throw new Error('expected GridFS');
      await files.updateOne({ _id: video.fileId }, { $set: { uploadDate: new Date(Date.now() - ms) } });
    };

    const kept = await completedJob(new Date());
    await age(kept.video, 7 * HOUR);
    await age(kept.poster, 7 * HOUR);
    // Subtitles left by a job that is gone.
    const joblessSubtitles = await h.videoStore.saveArtifact('job-that-is-gone-000000', 'srt', file);
    await age(joblessSubtitles, 7 * HOUR);
    // A worker killed between saving and completing: the job started over and completed with a
    // second copy, the first stays behind. And a video whose job is gone altogether.
    const firstCopy = (await h.videoStore.save(kept.id, file)).video;
    await age(firstCopy, 7 * HOUR);
    const jobless = (await h.videoStore.save('job-that-is-gone-000000', file)).video;
    await age(jobless, 7 * HOUR);
    // Too young to judge: its job may be completing right now.
    const young = (await h.videoStore.save('job-saving-right-now-0000', file)).video;
    // An upload killed midway: chunks, no file document. One old, one young.
    const sevenHoursAgo = () => ObjectId.createFromTime(Math.floor((Date.now() - 7 * HOUR) / 1000));
    const deadUpload = sevenHoursAgo();
    const youngUpload = new ObjectId();
    await chunks.insertMany([
      {
        _id: sevenHoursAgo(),
        files_id: deadUpload,
        n: 0,
        data: new Binary(Buffer.alloc(10)),
      },
      { files_id: youngUpload, n: 0, data: new Binary(Buffer.alloc(10)) },
    ]);

    const report = await cleanup();

    expect(report.orphanedVideosRemoved).toBe(4);
    expect(await h.videoStore.size(joblessSubtitles)).toBeNull();
    // A job's poster is its own, not an orphan.
    expect(await h.videoStore.size(kept.poster)).toBe(4096);
    expect(await h.videoStore.size(firstCopy)).toBeNull();
    expect(await h.videoStore.size(jobless)).toBeNull();
    expect(await chunks.countDocuments({ files_id: deadUpload })).toBe(0);
    expect(await h.videoStore.size(kept.video)).toBe(4096);
    expect((await h.job(kept.id)).status).toBe('completed');
    expect(await h.videoStore.size(young)).toBe(4096);
    expect(await chunks.countDocuments({ files_id: youngUpload })).toBe(1);
  });

  it('is scheduled by the worker as a repeating Agenda job that runs at start', async () => {
    const expired = await completedJob(new Date(Date.now() - 25 * HOUR));
    const config = h.config({ CLEANUP_INTERVAL: '1 hour' });
    const worker = createWorker({
      runs,
      admin,
      videoStore: h.videoStore,
      runPipeline,
      config,
      log: quietLog,
    });
    await worker.start();
    try {
      await waitUntil(
        async () => (await h.mongo.db.collection('jobs').countDocuments({ jobId: expired.id })) === 0,
        20_000,
        'the scheduled cleanup',
      );
      expect(await h.videoStore.size(expired.video)).toBeNull();
      const schedule = await h.mongo.db.collection('agendaJobs').findOne({ name: 'cleanup' });
      expect(schedule).toMatchObject({ type: 'single', repeatInterval: '1 hour' });
      expect(schedule?.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    } finally {
      await worker.stop(0);
    }
  });
});
