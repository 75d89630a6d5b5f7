// Load, bounded and on localhost only: job.get polling and video downloads against the real
// server process, and 100 concurrent creates from 100 client IPs against the queue cap.
// Correctness (no errors, exactly the cap accepted, nothing half-made) is asserted; latency is
// measured and reported, with a warning past the target, since this machine is shared.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { API_ERRORS, type ApiErrorData } from '@movie-generator/api-contract';
import { connectMongo, createJobRuns, GridFsVideoStore, jobCollections } from '@movie-generator/jobs';
import { freePort, makeTempDir, makeTestVideo } from '@movie-generator/test-helpers';
import autocannon from 'autocannon';
import type { Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, expectApiError, raw } from './support/api.ts';
import { constantRate } from './support/constant-rate.ts';
import { recordFigures } from './support/figures.ts';
import {
  deprioritize,
  type Niceness,
  niceness,
  prioritize,
  type ServiceProcess,
  startMongoProcess,
  startServerProcess,
} from './support/processes.ts';
import { residue } from './support/residue.ts';

const MAX_PENDING = 10;
/** The target: job.get answered within 20 ms at the 99th percentile while polled 500 times a second. */
const JOB_GET_RATE = 500;
const JOB_GET_P99_TARGET_MS = 20;
const JOB_GET_WARMUP_SEC = 2;
const JOB_GET_SEC = 8;

const figures: Record<string, unknown> = {};

/** A 10 s 640×360 H.264/AAC MP4 made by ffmpeg (about a megabyte). */
function makeMp4(dir: string): Promise<string> {
  return makeTestVideo(join(dir, 'load.mp4'), {
    width: 640,
    height: 360,
    durationSec: 10,
    fps: 30,
    preset: 'ultrafast',
  });
}

function summary(result: autocannon.Result) {
  return {
    durationSec: result.duration,
    requests: result.requests.total,
    requestsPerSec: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: Math.round(result.latency.mean * 100) / 100,
    },
    throughputMBps: Math.round((result.throughput.average / 1e6) * 100) / 100,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Runs a measurement and notes the machine's load average around it (others share the cores). */
async function measured<T>(
  work: () => Promise<T>,
): Promise<T & { loadAverage: { before: number; after: number } }> {
  const before = loadavg()[0]!;
  const result = await work();
  return Object.assign(result as object, { loadAverage: { before, after: loadavg()[0]! } }) as T & {
    loadAverage: { before: number; after: number };
  };
}

function softTarget(name: string, p99: number, target: number): void {
  if (p99 > target) {
    console.warn(
      `[hardening] WARNING: ${name} p99 ${p99} ms is over the ${target} ms target (shared 2-core machine)`,
    );
  }
}

describe('load against the real server process', () => {
  let mongoProcess: ServiceProcess & { uri: string };
  let server: ServiceProcess & { url: string };
  let serverEnv: Record<string, string>;
  let priorities: Niceness;
  let client: MongoClient;
  let db: Db;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let processingId: string;
  let pendingId: string;
  let completedId: string;
  let videoBytes: number;

  beforeAll(async () => {
    temp = await makeTempDir('mg-hardening-load-');
    mongoProcess = await startMongoProcess();
    const dbName = 'mg_hardening_load';
    ({ client, db } = await connectMongo(mongoProcess.uri, dbName));
    serverEnv = {
      MONGODB_URI: mongoProcess.uri,
      MONGODB_DB: dbName,
      TRUST_PROXY: 'loopback',
      MAX_PENDING_JOBS: String(MAX_PENDING),
      DAILY_JOB_LIMIT: '5',
      // The load comes from one address: the per-client API rate limit is off to measure capacity.
      API_RATE_LIMIT_PER_MIN: '0',
      // The default level, as deployed: polls log at debug, downloads and creates at info.
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: join(temp.dir, 'no-web-app'),
    };
    server = await startServerProcess({ ...serverEnv, PORT: String(await freePort()) });
    priorities = prioritize(server.process.pid!);

    // Three jobs to poll and download, in the states a worker would leave them.
    // A worker's run side: the jobs are created through the server's API.
    const store = createJobRuns(jobCollections(db), { retentionMs: 24 * 3600_000 });
    const create = async (n: number) => {
      const res = await raw(`${server.url}/trpc/job.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${n}` },
        body: JSON.stringify({ url: `http://93.184.215.14/load-${n}` }),
      });
      return (res.json as { result: { data: { id: string } } }).result.data.id;
    };
    [processingId, pendingId, completedId] = [await create(1), await create(2), await create(3)];
    await store.start(processingId, 'w-load');
    await store.progress(processingId, {
      progress: 42,
      step: 'audio',
      message: { ja: '音声を生成中 (3/8)', en: 'Generating audio (3/8)' },
    });
    await store.start(completedId, 'w-load');
    const saved = await new GridFsVideoStore(db).save(completedId, await makeMp4(temp.dir));
    videoBytes = saved.size;
    await store.complete(completedId, { video: saved.video, videoSize: saved.size, durationSec: 10 });
  });

  afterAll(async () => {
    await recordFigures('load', {
      ...figures,
      setup: `server (apps/server/src/main.ts, niceness ${priorities?.service}), embedded MongoDB, and the load generators (niceness ${priorities?.generator}) in three processes on ${cpus().length} shared cores`,
    });
    await server?.stop();
    await client?.close();
    await mongoProcess?.stop();
    await temp?.cleanup();
  });

  /**
   * Polls job.get at JOB_GET_RATE on a steady schedule, after a warm-up at the same rate (a
   * fresh process compiles its hot paths during its first second of traffic; a serving replica
   * has long done so), and checks every answer.
   */
  async function pollJobGet(baseUrl: string, id: string) {
    const input = encodeURIComponent(JSON.stringify({ id }));
    const url = `${baseUrl}/trpc/job.get?input=${input}`;
    const first = await raw(url);
    expect(first.status).toBe(200);
    expect((first.json as { result: { data: { id: string } } }).result.data.id).toBe(id);
    await constantRate({ url, rate: JOB_GET_RATE, durationSec: JOB_GET_WARMUP_SEC, connections: 20 });
    const result = await measured(() =>
      constantRate({ url, rate: JOB_GET_RATE, durationSec: JOB_GET_SEC, connections: 20 }),
    );
    expect(result.errors).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.requests).toBe(JOB_GET_RATE * JOB_GET_SEC);
    return result;
  }

  it.each([
    ['a processing job', () => processingId],
    ['a pending job (with its queue position)', () => pendingId],
  ])(`job.get polling of %s at ${JOB_GET_RATE} requests/s: no errors`, async (label, idOf) => {
    const result = await pollJobGet(server.url, idOf());
    figures[`job.get ${label} @${JOB_GET_RATE}/s`] = { ...result, niceness: priorities };
    softTarget(`job.get ${label}`, result.latencyMs.p99, JOB_GET_P99_TARGET_MS);
  });

  it(`job.get of a pending job at ${JOB_GET_RATE} requests/s with the view cache off (JOB_VIEW_CACHE_MS=0), for comparison`, async () => {
    // A second replica on the same database that reads MongoDB on every poll.
    const uncached = await startServerProcess({
      ...serverEnv,
      PORT: String(await freePort()),
      JOB_VIEW_CACHE_MS: '0',
    });
    try {
      const uncachedNiceness = prioritize(uncached.process.pid!);
      const result = await pollJobGet(uncached.url, pendingId);
      figures[`job.get a pending job @${JOB_GET_RATE}/s, view cache off`] = {
        ...result,
        niceness: uncachedNiceness,
      };
    } finally {
      await uncached.stop();
    }
  });

  it(`job.get of a processing job at ${JOB_GET_RATE} requests/s with the server at the load generator's priority, for comparison`, async () => {
    deprioritize(server.process.pid!);
    try {
      const result = await pollJobGet(server.url, processingId);
      figures[`job.get a processing job @${JOB_GET_RATE}/s, server not prioritized`] = {
        ...result,
        niceness: niceness(server.process.pid!),
      };
    } finally {
      priorities = prioritize(server.process.pid!);
    }
  });

  it('job.get at the highest rate it sustains (10 connections): no errors', async () => {
    const input = encodeURIComponent(JSON.stringify({ id: processingId }));
    const result = await measured(() =>
      autocannon({ url: `${server.url}/trpc/job.get?input=${input}`, connections: 10, duration: 6 }),
    );
    const s = summary(result);
    figures['job.get processing job, unthrottled'] = { ...s, loadAverage: result.loadAverage };
    expect(s.errors + s.timeouts + s.non2xx).toBe(0);
  });

  it('video Range requests (64 KiB seeks) at 200/s: all 206 with the right length', async () => {
    const url = `${server.url}/videos/${completedId}.mp4`;
    const check = await fetch(url, { headers: { range: 'bytes=65536-131071' } });
    expect(check.status).toBe(206);
    expect(check.headers.get('content-range')).toBe(`bytes 65536-131071/${videoBytes}`);
    expect((await check.arrayBuffer()).byteLength).toBe(65536);

    const result = await measured(() =>
      constantRate({
        url,
        rate: 200,
        durationSec: 6,
        connections: 8,
        headers: { range: 'bytes=0-65535' },
        verify: (answer) =>
          answer.statusCode === 206 &&
          answer.bytes === 65536 &&
          answer.headers['content-range'] === `bytes 0-65535/${videoBytes}`,
      }),
    );
    figures['video Range 64 KiB @200/s'] = result;
    expect(result.errors + result.non2xx).toBe(0);
    expect(result.statusCodes).toEqual({ 206: 1200 });
    expect(result.mismatches).toBe(0);
  });

  it('whole-video downloads, 4 at a time: throughput, no errors', async () => {
    const result = await measured(() =>
      autocannon({ url: `${server.url}/videos/${completedId}.mp4`, connections: 4, duration: 6 }),
    );
    const s = summary(result);
    figures[`video download ${Math.round(videoBytes / 1024)} KiB, 4 connections`] = {
      ...s,
      loadAverage: result.loadAverage,
    };
    expect(s.errors + s.timeouts + s.non2xx).toBe(0);
    expect(s.requests).toBeGreaterThan(0);
  });

  it(`100 concurrent creates from 100 client IPs: exactly the queue cap (${MAX_PENDING}) accepted, the rest refused cleanly`, async () => {
    // Free the queue: the pending job above holds a place.
    const cancel = await raw(`${server.url}/trpc/job.cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: pendingId }),
    });
    expect(cancel.status).toBe(200);
    const before = await residue(db);
    expect(before.slotsHeld).toBe(0);

    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        raw(`${server.url}/trpc/job.create`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
          body: JSON.stringify({ url: `http://93.184.215.14/burst-${i}` }),
        }),
      ),
    );
    const elapsedMs = Math.round(performance.now() - started);
    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(accepted).toHaveLength(MAX_PENDING);
    expect(refused).toHaveLength(100 - MAX_PENDING);
    for (const answer of refused) {
      expect(answer.status).toBe(503);
      expectApiError(errorsOf(answer.json)[0] as ApiErrorData, 'QUEUE_FULL');
    }
    expect(errorsOf(refused[0]!.json)[0]?.messages.ja).toBe(API_ERRORS.QUEUE_FULL.ja);

    // Nothing half-made: exactly the accepted jobs exist, are queued, hold a place and a quota.
    const ids = accepted.map((a) => (a.json as { result: { data: { id: string } } }).result.data.id);
    const pending = await db.collection('jobs').find({ status: 'pending' }).toArray();
    expect(pending.map((j) => j.jobId).sort()).toEqual([...ids].sort());
    const after = await residue(db);
    expect(after.jobs).toBe(before.jobs + MAX_PENDING);
    expect(after.slotsHeld).toBe(MAX_PENDING);
    expect(after.quotaUsed).toBe(before.quotaUsed + MAX_PENDING);
    const queued = await db
      .collection('agendaJobs')
      .find({ 'data.jobId': { $in: ids } })
      .toArray();
    expect(queued).toHaveLength(MAX_PENDING);
    const refusedIps = await db
      .collection('quotas')
      .find({ ip: { $regex: '^203\\.0\\.113\\.' }, count: { $gt: 0 } })
      .toArray();
    expect(refusedIps).toHaveLength(MAX_PENDING);
    figures['100 concurrent creates'] = {
      accepted: accepted.length,
      refusedQueueFull: refused.length,
      elapsedMs,
      halfMadeRecords: 0,
    };
  });

  it('the server stayed healthy throughout', async () => {
    expect((await raw(`${server.url}/readyz`)).status).toBe(200);
    // Expected refusals (the queue is full) are not logged as errors.
    const errorLines = server
      .output()
      .split('\n')
      .filter((l) => /"level":(50|60)/.test(l));
    expect(errorLines.slice(0, 3)).toEqual([]);
  });
});
