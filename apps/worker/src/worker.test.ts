import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  closeRenderer,
  httpStatusMessage,
  PIPELINE_ERRORS,
  PipelineError,
  type PipelineOptions,
  runPipeline,
  type Script,
} from '@movie-generator/pipeline';
import { ffprobe, waitUntil } from '@movie-generator/test-helpers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunPipeline } from './process-job.ts';
import { type Harness, startHarness } from './test-support/harness.ts';

/** The real runPipeline, recording when each URL's runs started and how many ran at once. */
function recordRuns() {
  const starts = new Map<string, number[]>();
  let now = 0;
  const record = {
    maxAtOnce: 0,
    startsOf: (url: string) => starts.get(url) ?? [],
    run: (async (url, options) => {
      starts.set(url, [...(starts.get(url) ?? []), performance.now()]);
      now += 1;
      record.maxAtOnce = Math.max(record.maxAtOnce, now);
      try {
        return await runPipeline(url, options);
      } finally {
        now -= 1;
      }
    }) as RunPipeline,
  };
  return record;
}

const JOB_STEPS = ['fetch', 'script', 'audio', 'slides', 'render'];
const finished = (status: string) => ['completed', 'failed', 'cancelled'].includes(status);

describe('worker: real queue, real pipeline, real MongoDB', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.reset();
  });
  afterAll(async () => {
    await h?.close();
    await closeRenderer();
  });

  const counter = async (metric: { get(): Promise<{ values: { value: number; labels: object }[] }> }) =>
    (await metric.get()).values.reduce((n, v) => n + v.value, 0);

  it('runs a job end to end: processing → completed, throttled progress through every step, an MP4 in GridFS', async () => {
    const { store, metrics } = await h.startWorker({ WORKER_ID: 'w-e2e' });
    const { id, url } = await h.createJob('/en');
    const statuses: string[] = [];
    const started = performance.now();
    const doc = await h.waitForJob(id, (d) => {
      if (statuses.at(-1) !== d.status) statuses.push(d.status);
      return finished(d.status);
    });
    const elapsedSec = (performance.now() - started) / 1000;

    expect(doc).toMatchObject({
      status: 'completed',
      progress: 100,
      attempts: 1,
      workerId: 'w-e2e',
      errorCode: null,
    });
    expect(statuses.at(-1)).toBe('completed');
    expect(statuses).toContain('processing');
    expect(['pending', 'processing', 'completed'].filter((s) => statuses.includes(s))).toEqual(statuses);
    expect(h.articles.requestsTo(url)).toHaveLength(1);

    // Progress: accepted writes only increase, visit every step in order, and are throttled.
    const writes = store.writesOf(id);
    expect(writes.every((w) => w.accepted)).toBe(true);
    const progress = writes.map((w) => w.update.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Where in 0–100 the last throttled write lands depends on the measured stage times that
    // weight the bands (other tests' jobs add to them); what holds is that it was the last step.
    expect(writes.at(-1)?.update.step).toBe('render');
    const steps = writes.map((w) => w.update.step).filter((s, i, all) => i === 0 || all[i - 1] !== s);
    expect(steps).toEqual(JOB_STEPS);
    for (let i = 1; i < writes.length; i++) {
      if (writes[i]!.update.step === writes[i - 1]!.update.step) {
        expect(writes[i]!.at - writes[i - 1]!.at).toBeGreaterThanOrEqual(950);
      }
    }
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(elapsedSec) + JOB_STEPS.length + 1);
    expect(writes.some((w) => /audio/i.test(w.update.message.en))).toBe(true);

    // The video: in GridFS, H.264 + AAC at the test frame size, as long as the job says.
    expect(doc.video?.kind).toBe('gridfs');
    const file = join(h.workDir, 'downloaded.mp4');
    await h.download(doc.video!, file);
    const probe = await ffprobe(file);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const audio = probe.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: 320, height: 180 });
    expect(audio?.codec_name).toBe('aac');
    expect(Number(probe.format.size)).toBe(doc.videoSize);
    expect(Math.abs(Number(probe.format.duration) - doc.durationSec!)).toBeLessThan(0.3);
    expect(doc.durationSec).toBeGreaterThan(5);

    // What the job learnt on the way: the script's title and language, the expected time.
    expect(doc.title).toEqual(expect.any(String));
    expect(doc.title!.length).toBeGreaterThan(3);
    expect(doc.language).toBe('en');
    expect(doc.expectedSec).toBeGreaterThan(0);
    // The poster and subtitles, stored beside the video.
    const artifact = async (kind: 'poster' | 'vtt' | 'srt') => {
      const stored = doc.artifacts?.[kind];
      expect(stored?.kind, kind).toBe('gridfs');
      const path = join(h.workDir, `downloaded.${kind}`);
      await h.download(stored!, path);
      return readFile(path);
    };
    expect((await artifact('poster')).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await artifact('vtt')).toString('utf8')).toMatch(/^WEBVTT/);
    expect((await artifact('srt')).toString('utf8')).toMatch(/^1\r?\n00:00:/);
    // Its stage times now weigh the progress bands of the next job of its kind.
    const timing = await h.mongo.db.collection('stage_timings').findOne({ key: '720p:landscape:fast' });
    expect(timing?.n).toBe(1);
    for (const stage of ['fetch', 'extract', 'script', 'audio', 'slides', 'render', 'store']) {
      expect(timing?.sec[stage], stage).toBeGreaterThan(0);
    }
    // Each write of a step lies in that step's band: the percent is time-weighted, not the fixed seed bands.
    const firstRender = writes.find((w) => w.update.step === 'render')!;
    expect(firstRender.update.progress).toBeLessThan(80);

    expect(await h.leftoverWorkDirs()).toEqual([]);
    expect(await counter(metrics.completed)).toBe(1);
    const stages = (await metrics.stageDuration.get()).values.filter(
      (v) => v.metricName === 'stage_duration_seconds_count',
    );
    expect(stages.map((v) => v.labels.stage).sort()).toEqual([
      'audio',
      'extract',
      'fetch',
      'render',
      'script',
      'slides',
    ]);
    // Agenda's entry is gone once the handler returned.
    expect(await h.mongo.db.collection('agendaJobs').countDocuments({ name: 'generate-video' })).toBe(0);
  });

  it("makes a dialogue job's video as a dialogue: the style reaches the pipeline and its script", async () => {
    const seen: { options?: PipelineOptions; script?: Script } = {};
    const run: RunPipeline = (url, options) => {
      seen.options = options;
      return runPipeline(url, {
        ...options,
        onScript: (script) => {
          seen.script = script;
          options.onScript?.(script);
        },
      });
    };
    await h.startWorker({ WORKER_ID: 'w-dialogue' }, run);
    const { id } = await h.createJob('/ja', { style: 'dialogue' });
    const doc = await h.waitForJob(id, (d) => finished(d.status));
    expect(doc).toMatchObject({ status: 'completed', style: 'dialogue', errorCode: null });

    // The worker's own script settings stay; the job adds its style.
    expect(seen.options?.script).toMatchObject({ style: 'dialogue', maxSections: 3, charBudget: 100 });
    expect(seen.script?.style).toBe('dialogue');
    const speakers = new Set(seen.script?.sections.flatMap((s) => s.narrations.map((n) => n.speaker)));
    expect([...speakers].sort()).toEqual(['asker', 'explainer']);
    // A dialogue's stage times are its own.
    const timing = await h.mongo.db
      .collection('stage_timings')
      .findOne({ key: '720p:landscape:fast:dialogue' });
    expect(timing?.n).toBe(1);
    expect(await h.mongo.db.collection('stage_timings').countDocuments({ key: '720p:landscape:fast' })).toBe(
      0,
    );
  });

  it('aborts a job cancelled while it renders within 5 s, stores nothing and removes its files', async () => {
    const { worker, metrics } = await h.startWorker();
    const { id } = await h.createJob('/en');
    await h.waitForJob(id, (d) => d.currentStep === 'render' || finished(d.status));
    expect((await h.job(id)).status).toBe('processing');

    const cancelledAt = performance.now();
    await h.intake.cancel(id);
    await waitUntil(() => worker.runningJobs() === 0, 5000, 'the worker to let the job go');
    const abortSec = (performance.now() - cancelledAt) / 1000;
    expect(abortSec).toBeLessThan(5);

    await new Promise((r) => setTimeout(r, 1500)); // nothing may overwrite the cancel afterwards
    const doc = await h.job(id);
    expect(doc).toMatchObject({ status: 'cancelled', errorCode: 'CANCELLED', video: null });
    expect(await h.mongo.db.collection('videos.files').countDocuments()).toBe(0);
    expect(await h.leftoverWorkDirs()).toEqual([]);
    expect(await counter(metrics.cancelled)).toBe(1);
    expect(await counter(metrics.completed)).toBe(0);
  });

  it('removes the stored video again when the job is cancelled while the video is being saved', async () => {
    const jobOfUrl = new Map<string, string>();
    // The cancel lands right after rendering, before the worker's next status check.
    const cancelAfterRender: RunPipeline = async (url, options) => {
      const result = await runPipeline(url, options);
      await h.intake.cancel(jobOfUrl.get(url)!);
      return result;
    };
    const { metrics } = await h.startWorker({ CANCEL_POLL_MS: '5000' }, cancelAfterRender);
    const { id, url } = await h.createJob('/en');
    jobOfUrl.set(url, id);
    await waitUntil(
      async () => (await metrics.cancelled.get()).values[0]?.value === 1,
      120_000,
      'the cancel',
    );
    expect(await h.job(id)).toMatchObject({ status: 'cancelled', video: null });
    expect(await h.mongo.db.collection('videos.files').countDocuments()).toBe(0);
    expect(await h.mongo.db.collection('videos.chunks').countDocuments()).toBe(0);
    expect(await counter(metrics.completed)).toBe(0);
    expect(await h.leftoverWorkDirs()).toEqual([]);
  });

  it('notices a cancel while the pipeline is silent (the page never answers)', async () => {
    const { worker, store } = await h.startWorker({ CANCEL_POLL_MS: '500' });
    const { id } = await h.createJob('/hang');
    await waitUntil(
      () => store.writesOf(id).some((w) => /Fetching/.test(w.update.message.en)),
      10_000,
      'the fetch',
    );
    await new Promise((r) => setTimeout(r, 1500)); // no progress write is pending any more: only the poll can notice
    const writesBefore = store.writesOf(id).length;
    const cancelledAt = performance.now();
    await h.intake.cancel(id);
    await waitUntil(() => worker.runningJobs() === 0, 5000, 'the worker to let the job go');
    expect((performance.now() - cancelledAt) / 1000).toBeLessThan(5);
    expect(store.writesOf(id)).toHaveLength(writesBefore);
    expect((await h.job(id)).status).toBe('cancelled');
    expect(await h.leftoverWorkDirs()).toEqual([]);
  });

  it('fails a page with too little text with TOO_LITTLE_TEXT and its ja/en message, without retrying', async () => {
    const { metrics } = await h.startWorker();
    const { id, url } = await h.createJob('/short');
    const doc = await h.waitForJob(id, (d) => finished(d.status), 60_000);
    expect(doc).toMatchObject({
      status: 'failed',
      errorCode: 'TOO_LITTLE_TEXT',
      errorMessage: { ja: PIPELINE_ERRORS.TOO_LITTLE_TEXT.ja, en: PIPELINE_ERRORS.TOO_LITTLE_TEXT.en },
      video: null,
      attempts: 1,
    });
    expect(h.articles.requestsTo(url)).toHaveLength(1);
    // The job is marked failed before the worker counts it: wait for the count.
    await expect
      .poll(async () => (await metrics.failed.get()).values, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ labels: { code: 'TOO_LITTLE_TEXT' }, value: 1 })]);
    expect(await h.leftoverWorkDirs()).toEqual([]);
  });

  it('a page that cannot be read gives its daily job back and says why (the site answered 403)', async () => {
    await h.startWorker();
    const forbidden = await h.createJob('/forbidden');
    const short = await h.createJob('/short');
    const failedForbidden = await h.waitForJob(forbidden.id, (d) => finished(d.status), 60_000);
    expect(failedForbidden).toMatchObject({
      status: 'failed',
      errorCode: 'FETCH_FAILED',
      dailyJobReturned: true,
    });
    expect(failedForbidden.errorMessage?.en).toMatch(/^The site answered 403 \(access denied\)/);
    expect(failedForbidden.errorMessage?.ja).toContain('サイトが 403');
    const failedShort = await h.waitForJob(short.id, (d) => finished(d.status), 60_000);
    expect(failedShort.dailyJobReturned).toBe(true);
    for (const doc of [failedForbidden, failedShort]) {
      const quota = await h.intake.c.quotas.findOne({ ip: doc.clientIp });
      expect(quota).toMatchObject({ count: 0, failed: 1 });
    }
  });

  it('fails a stage that runs past its time limit with TIMEOUT, without retrying', async () => {
    await h.startWorker({ STAGE_TIMEOUT_FETCH_MS: '1000' });
    const { id, url } = await h.createJob('/hang');
    const doc = await h.waitForJob(id, (d) => finished(d.status), 30_000);
    expect(doc).toMatchObject({
      status: 'failed',
      errorCode: 'TIMEOUT',
      errorMessage: { ja: PIPELINE_ERRORS.TIMEOUT.ja, en: PIPELINE_ERRORS.TIMEOUT.en },
      currentStep: 'fetch',
    });
    expect(doc.completedAt!.getTime() - doc.startedAt!.getTime()).toBeLessThan(5000);
    expect(h.articles.requestsTo(url)).toHaveLength(1);
    expect(await h.leftoverWorkDirs()).toEqual([]);
  });

  it('fails a job whose workers kept dying with the error of the step they died in, without running it again', async () => {
    const { id, url } = await h.createJob('/en');
    for (const workerId of ['w-1', 'w-2', 'w-3']) await h.runs.start(id, workerId);
    await h.runs.progress(id, {
      step: 'render',
      progress: 85,
      message: { ja: '書き出し中', en: 'Rendering' },
    });
    const { metrics } = await h.startWorker();
    const doc = await h.waitForJob(id, (d) => finished(d.status), 30_000);
    expect(doc).toMatchObject({
      status: 'failed',
      errorCode: 'RENDER_FAILED',
      errorMessage: { ja: PIPELINE_ERRORS.RENDER_FAILED.ja, en: PIPELINE_ERRORS.RENDER_FAILED.en },
      attempts: 3,
    });
    expect(h.articles.requestsTo(url)).toHaveLength(0);
    expect(await counter(metrics.failed)).toBe(1);
  });

  it('hands a job that fails during the shutdown back to the queue instead of failing it', async () => {
    // Ctrl-C or systemd signal the whole process group: the job's ffmpeg dies with the worker's
    // SIGTERM. Stand-in: a run that fails once the worker has begun to stop.
    let runStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      runStarted = resolve;
    });
    let failNow!: () => void;
    const gate = new Promise<void>((resolve) => {
      failNow = resolve;
    });
    const dying: RunPipeline = async () => {
      runStarted();
      await gate;
      throw new PipelineError('AUDIO_FAILED', { detail: 'ffmpeg exited with SIGTERM' });
    };
    const { worker } = await h.startWorker({ WORKER_ID: 'w-leaving' }, dying);
    const { id } = await h.createJob('/en');
    await started;
    const stopped = worker.stop(60_000);
    failNow();
    await stopped;
    expect(await h.job(id)).toMatchObject({ status: 'processing', workerId: 'w-leaving', errorCode: null });

    // Another worker takes it up at once (no lock to wait for) and runs it to its real end.
    await h.startWorker({ WORKER_ID: 'w-after' });
    const doc = await h.waitForJob(id, (d) => d.workerId === 'w-after', 10_000);
    expect(doc.attempts).toBe(2);
  });

  it('retries a transient failure with backoff and then succeeds; gives up after 3 runs in all', async () => {
    const runs = recordRuns();
    const { store, metrics } = await h.startWorker({ RETRY_BACKOFF_MS: '300,600' }, runs.run);
    const flaky = await h.createJob('/flaky');
    const down = await h.createJob('/down');

    const failedDoc = await h.waitForJob(down.id, (d) => finished(d.status), 60_000);
    expect(failedDoc).toMatchObject({
      status: 'failed',
      errorCode: 'FETCH_FAILED',
      errorMessage: httpStatusMessage(503),
      attempts: 1,
    });
    expect(failedDoc.errorMessage?.en).toMatch(/^The site answered 503/);
    const downRequests = h.articles.requestsTo(down.url);
    expect(downRequests).toHaveLength(3);

    const doneDoc = await h.waitForJob(flaky.id, (d) => finished(d.status));
    expect(doneDoc).toMatchObject({ status: 'completed', attempts: 1 });
    expect(h.articles.requestsTo(flaky.url)).toHaveLength(3);

    // While waiting the job stayed processing and said it was retrying: "(1/2)", then "(2/2)".
    for (const jobId of [flaky.id, down.id]) {
      const retrying = store
        .writesOf(jobId)
        .filter((w) => w.accepted && /retrying/.test(w.update.message.en))
        .map((w) => w.update.message.en);
      expect(retrying).toEqual([expect.stringContaining('(1/2)'), expect.stringContaining('(2/2)')]);
    }
    // Three pipeline runs each, the waits between them following the backoff (300 ms, then 600 ms).
    for (const url of [down.url, flaky.url]) {
      const starts = runs.startsOf(url);
      expect(starts).toHaveLength(3);
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(300);
      expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(600);
    }

    expect(await counter(metrics.retries)).toBe(4);
    await expect
      .poll(async () => (await metrics.failed.get()).values, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ labels: { code: 'FETCH_FAILED' }, value: 1 })]);
    expect(await counter(metrics.completed)).toBe(1);
  });

  it('runs each job exactly once with two workers sharing the queue', async () => {
    const runsA = recordRuns();
    const runsB = recordRuns();
    const a = await h.startWorker({ WORKER_ID: 'w-a' }, runsA.run);
    const b = await h.startWorker({ WORKER_ID: 'w-b' }, runsB.run);
    const jobs = [];
    for (let i = 0; i < 4; i++) jobs.push(await h.createJob('/en'));

    const docs = await Promise.all(jobs.map((j) => h.waitForJob(j.id, (d) => finished(d.status), 200_000)));
    for (const [i, doc] of docs.entries()) {
      expect(doc).toMatchObject({ status: 'completed', attempts: 1 });
      expect(runsA.startsOf(jobs[i]!.url).length + runsB.startsOf(jobs[i]!.url).length).toBe(1);
      expect(h.articles.requestsTo(jobs[i]!.url)).toHaveLength(1);
    }
    // Both workers took part, and neither ever ran more than its concurrency (1) at once.
    expect(new Set(docs.map((d) => d.workerId))).toEqual(new Set(['w-a', 'w-b']));
    expect(runsA.maxAtOnce).toBe(1);
    expect(runsB.maxAtOnce).toBe(1);
    expect((await counter(a.metrics.completed)) + (await counter(b.metrics.completed))).toBe(4);
    // Four videos, each with its poster, VTT and SRT.
    const files = h.mongo.db.collection('videos.files');
    expect(await files.countDocuments({ 'metadata.artifact': { $exists: false } })).toBe(4);
    expect(await files.countDocuments({ 'metadata.artifact': { $in: ['poster', 'vtt', 'srt'] } })).toBe(12);
  });
});
