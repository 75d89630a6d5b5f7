import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  addBlock,
  createJobIntake,
  createJobRuns,
  createVideoStore,
  GENERATE_VIDEO,
  GridFsVideoStore,
  jobCollections,
  listBlocks,
  prepareJobCollections,
} from '@movie-generator/jobs';
import { ffprobe, makeTempDir, makeTestVideo, useTestMongo } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOps } from './testing/run-ops.ts';

/** `mg-ops <args>` as a child process against database `db` with the given video store. */
const ops = runOps;

describe('mg-ops backup and restore (any MongoDB, either video store)', () => {
  const mongo = useTestMongo({ emptyBeforeEach: false });
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    tmp = await makeTempDir('mg-backup-');
  });
  afterAll(async () => {
    await mongo.client.db(`${mongo.dbName}_restored`).dropDatabase();
    await tmp?.cleanup();
  });

  it('backs up jobs and GridFS videos, restores them into an empty database with fs storage, idempotently; the restored video plays', async () => {
    const source = { MONGODB_URI: mongo.uri, MONGODB_DB: mongo.dbName, STORAGE: 'gridfs' };
    const c = jobCollections(mongo.db);
    const settings = {
      dailyLimit: 100,
      maxPending: 10,
      retentionMs: 24 * 3600_000,
      totalConcurrency: 1,
      typicalJobSec: 60,
    };
    await prepareJobCollections(c, settings);
    const intake = createJobIntake(c, settings);
    const runs = createJobRuns(c, settings);
    const request = { url: 'https://example.com/a', size: '720p' as const, vertical: false };
    const { id: done } = await intake.create(request, '203.0.113.1', async () => {});
    await runs.start(done, 'worker-a');
    const mp4 = await makeTestVideo(join(tmp.dir, 'in.mp4'), {
      width: 320,
      height: 240,
      durationSec: 2,
      fps: 10,
    });
    const saved = await new GridFsVideoStore(mongo.db).save(done, mp4);
    await runs.complete(done, { video: saved.video, videoSize: saved.size, durationSec: 2 });
    const { id: waiting } = await intake.create(request, '203.0.113.2', async () => {});
    await addBlock(mongo.db, '198.51.100.0/24', 'flood');

    const dir = join(tmp.dir, 'backup');
    const made = await ops(source, 'backup', '--out', dir);
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^backed up 2 job\(s\), 1 video\(s\), 1 block\(s\) to /);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'movie-generator-backup',
      jobs: 2,
      videos: 1,
      storage: 'gridfs',
    });
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      'jobs.jsonl',
      'blocks.jsonl',
      `videos/${done}.mp4`,
    ]);
    expect((await ops(source, 'backup', '--out', dir)).stderr).toContain('already holds a backup');

    // An empty database with the other video store.
    const dataDir = join(tmp.dir, 'data');
    const target = {
      MONGODB_URI: mongo.uri,
      MONGODB_DB: `${mongo.dbName}_restored`,
      STORAGE: 'fs',
      DATA_DIR: dataDir,
    };
    const first = await ops(target, 'restore', dir, '--json');
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual({
      jobsRestored: 2,
      jobsUnchanged: 0,
      videosRestored: 1,
      videosUnchanged: 0,
      blocks: 1,
      requeued: [waiting],
    });
    const again = JSON.parse((await ops(target, 'restore', dir, '--json')).stdout);
    expect(again).toMatchObject({ jobsRestored: 0, jobsUnchanged: 2, videosRestored: 0, videosUnchanged: 1 });

    const restoredDb = mongo.client.db(target.MONGODB_DB);
    const restored = await restoredDb.collection('jobs').findOne({ jobId: done });
    expect(restored).toMatchObject({ status: 'completed', clientIp: '203.0.113.1', video: { kind: 'fs' } });
    expect(restored!.createdAt).toBeInstanceOf(Date);
    const out = join(tmp.dir, 'restored.mp4');
    await pipeline(createVideoStore('fs', restoredDb, dataDir).open(restored!.video), createWriteStream(out));
    const probe = await ffprobe(out);
    expect(Number(probe.format.duration)).toBeCloseTo(2, 0);
    expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    // The unfinished job is pending with exactly one queue entry; the block list is back.
    expect((await restoredDb.collection('jobs').findOne({ jobId: waiting }))!.status).toBe('pending');
    expect(
      await restoredDb
        .collection('agendaJobs')
        .countDocuments({ name: GENERATE_VIDEO, 'data.jobId': waiting }),
    ).toBe(1);
    expect((await listBlocks(restoredDb)).map((b) => b.prefix)).toEqual(['198.51.100.0/24']);

    // A damaged backup is refused before anything is written.
    await writeFile(join(dir, 'jobs.jsonl'), 'tampered\n');
    const bad = await ops({ ...target, MONGODB_DB: `${mongo.dbName}_other` }, 'restore', dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('jobs.jsonl does not match its checksum');
  });

  it('refuses, before writing anything, a backup whose job documents do not match the job schema', async () => {
    const source = { MONGODB_URI: mongo.uri, MONGODB_DB: `${mongo.dbName}_shape`, STORAGE: 'gridfs' };
    const db = mongo.client.db(source.MONGODB_DB);
    const c = jobCollections(db);
    const settings = {
      dailyLimit: 100,
      maxPending: 10,
      retentionMs: 24 * 3600_000,
      totalConcurrency: 1,
      typicalJobSec: 60,
    };
    await prepareJobCollections(c, settings);
    const request = { url: 'https://example.com/a', size: '720p' as const, vertical: false };
    const { id: first } = await createJobIntake(c, settings).create(request, '203.0.113.1', async () => {});
    const { id: odd } = await createJobIntake(c, settings).create(request, '203.0.113.2', async () => {});
    // A document written by hand (or by a version that stored a field differently).
    await c.jobs.updateOne({ jobId: odd }, { $set: { size: '4k' as never } });
    const dir = join(tmp.dir, 'backup-odd');
    expect((await ops(source, 'backup', '--out', dir)).code).toBe(0);

    const target = { ...source, MONGODB_DB: `${mongo.dbName}_shape_restored` };
    const refused = await ops(target, 'restore', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`job document ${odd} does not match its schema: size`);
    // Not even the good job before it was restored.
    expect(await mongo.client.db(target.MONGODB_DB).collection('jobs').countDocuments({ jobId: first })).toBe(
      0,
    );
    await db.dropDatabase();
  });
});
