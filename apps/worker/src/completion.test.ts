import { writeFile } from 'node:fs/promises';
import { type EmbeddedMongo, startEmbeddedMongo } from '@movie-generator/embedded-mongo';
import {
  createJobIntake,
  createJobRuns,
  FsVideoStore,
  jobCollections,
  prepareJobCollections,
} from '@movie-generator/jobs';
import type { PipelineResult } from '@movie-generator/pipeline';
import { silentLogger } from '@movie-generator/pipeline';
import { makeTempDir } from '@movie-generator/test-helpers';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { type ProcessJobConfig, processJob, type RunPipeline } from './process-job.ts';
import { SERVER_JOBS } from './test-support/harness.ts';

/**
 * The real embedded MongoDB-wire server, stopped just as a job finishes rendering and started
 * again (with its data) later: the outage is longer than server selection, so the completion
 * write fails until MongoDB is back.
 */
describe('a MongoDB outage when a job completes', () => {
  let mongo: EmbeddedMongo | undefined;
  let client: MongoClient | undefined;
  let temp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  afterEach(async () => {
    await client?.close().catch(() => undefined);
    await mongo?.stop();
    await temp?.cleanup();
  });

  async function setUp() {
    mongo = await startEmbeddedMongo();
    // Server selection gives up after 300 ms, so each write during the outage fails quickly.
    client = await MongoClient.connect(mongo.uri, {
      serverMonitoringMode: 'poll',
      serverSelectionTimeoutMS: 300,
    });
    const c = jobCollections(client.db('outage'));
    await prepareJobCollections(c, SERVER_JOBS);
    const store = createJobRuns(c, SERVER_JOBS);
    temp = await makeTempDir('mg-completion-');
    const videoStore = new FsVideoStore(temp.dir);
    const { id } = await createJobIntake(c, SERVER_JOBS).create(
      { url: 'http://127.0.0.1:9/article', size: '720p', vertical: false },
      '198.51.100.1',
      async () => {},
    );
    return { store, videoStore, id, dir: temp.dir };
  }

  /** A pipeline that "renders" a small file, and takes MongoDB down for `downMs` as it returns. */
  function renderThenOutage(downMs: number): { run: RunPipeline; restarted: () => Promise<void> } {
    let restart: Promise<void> = Promise.resolve();
    return {
      run: async (_url, options) => {
        await writeFile(options.outPath, Buffer.alloc(4096, 7));
        restart = mongo!.restart({ downMs });
        return {
          videoPath: options.outPath,
          durationSec: 1,
          sizeBytes: 4096,
          renderer: 'fast',
          stageSeconds: {},
        } as unknown as PipelineResult;
      },
      restarted: () => restart,
    };
  }

  const config = (dir: string, deadlineMs: number): ProcessJobConfig => ({
    workerId: 'w-outage',
    workDir: dir,
    pipeline: {},
    retry: { attempts: 0, backoffMs: [100] },
    maxJobStarts: 3,
    progressIntervalMs: 1000,
    cancelPollMs: 60_000,
    heartbeatMs: 60_000,
    completionRetry: { deadlineMs, backoffMs: [200, 400, 800] },
  });

  it('retries the completion write until MongoDB is back, and keeps the video', async () => {
    const { store, videoStore, id, dir } = await setUp();
    const pipeline = renderThenOutage(2500);
    const outcome = await processJob(id, {
      store,
      videoStore,
      runPipeline: pipeline.run,
      config: config(dir, 20_000),
      log: silentLogger,
    });
    await pipeline.restarted();
    expect(outcome).toBe('completed');
    const doc = await store.find(id);
    expect(doc).toMatchObject({ status: 'completed', videoSize: 4096 });
    expect(await videoStore.size(doc!.video!)).toBe(4096);
  });

  it('when MongoDB stays away past the retries, hands the job back and keeps the video', async () => {
    const { store, videoStore, id, dir } = await setUp();
    const pipeline = renderThenOutage(4000);
    let handedBack = false;
    const outcome = await processJob(
      id,
      { store, videoStore, runPipeline: pipeline.run, config: config(dir, 1500), log: silentLogger },
      { onHandBack: () => (handedBack = true) },
    );
    expect(outcome).toBe('interrupted');
    expect(handedBack).toBe(true);
    await pipeline.restarted();
    // Not failed, not left for the 30-minute sweep: still this worker's, for the queue to give to another.
    expect((await store.find(id))?.status).toBe('processing');
    const kept = [];
    for await (const entry of videoStore.listStoredBefore(new Date(Date.now() + 60_000))) kept.push(entry);
    expect(kept.map((k) => k.jobId)).toEqual([id]);
  });
});
