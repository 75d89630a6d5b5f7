/**
 * `npm run bench [-- --renderer fast|full|both] [--size 720p|1080p] [--style narration|dialogue]
 *   [--article ja|en|<file.html>] [--cold] [--runs N] [--throughput N]`
 * Runs the offline pipeline on a bundled article (default: the ~1,500-character Japanese one) and
 * prints (and writes to bench-results/) seconds per stage and per part (start-up, fetch/extract/
 * script, speech, slides, renderer setup, drawing, encode), wall time, video duration,
 * real-time factor, render frames per second and peak RSS of the process tree; with both
 * renderers it adds the fast/full speed-up and the mean SSIM between the two videos.
 *
 * Default (warm): the worker's path, one bundle and Chromium opened before the job.
 * `--cold`: `--runs` fresh CLI processes (`node bin/movie-generator.js`), start-up included.
 * `--throughput N [--concurrency C]`: N jobs back to back through `runPipeline` in this process,
 * C at a time (default 2, the worker's), after warming the renderer; reports videos per hour.
 * Every result carries the machine's load average at its start and end (the cores are shared).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type PipelineResult, runPipeline } from '../src/pipeline.ts';
import { closeRenderer, meanSsim, warmRenderer } from '../src/render/index.ts';
import type { RendererKind } from '../src/render/types.ts';
import { DEFAULT_VIDEO_SIZE, ScriptStyleSchema, VideoSizeSchema } from '../src/schema/index.ts';
import { coldRun } from './cold.ts';
import { splitParts } from './parts.ts';
import { startMemorySampler } from './process-tree-rss.ts';

const { values } = parseArgs({
  options: {
    renderer: { type: 'string', default: 'both' },
    size: { type: 'string', default: DEFAULT_VIDEO_SIZE },
    style: { type: 'string', default: 'narration' },
    article: { type: 'string', default: 'ja' },
    cold: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    throughput: { type: 'string' },
    concurrency: { type: 'string', default: '2' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  // The usage is this file's opening comment.
  const source = await readFile(fileURLToPath(import.meta.url), 'utf8');
  console.log(
    /\/\*\*([\s\S]*?)\*\//u
      .exec(source)?.[1]
      ?.replace(/^ \* ?/gmu, '')
      .trim(),
  );
  process.exit(0);
}
const style = ScriptStyleSchema.parse(values.style);
const renderers: RendererKind[] =
  values.renderer === 'both' ? ['fast', 'full'] : [values.renderer as RendererKind];
const size = VideoSizeSchema.parse(values.size);

const pkgRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(pkgRoot, '../../bench-results');
await mkdir(outDir, { recursive: true });

// `ja`, `en` (the bundled articles) or the path of any HTML file (its pictures are not served).
const articlePath =
  values.article === 'ja' || values.article === 'en'
    ? join(pkgRoot, 'fixtures/articles', values.article === 'en' ? 'en.html' : 'ja-utf8.html')
    : values.article;
const html = await readFile(articlePath);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article`;

const memory = startMemorySampler();
const round = (n: number, d = 2) => Number(n.toFixed(d));
const load = () => loadavg().map((x) => round(x));
const machine = { cpus: cpus().length, model: cpus()[0]?.model, node: process.version };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function writeReport(name: string, report: Record<string, unknown>): Promise<void> {
  const json = JSON.stringify(report, null, 2);
  console.log(json);
  await writeFile(join(outDir, `${name}.json`), `${json}\n`);
  await writeFile(join(outDir, `${name}-${Date.now()}.json`), `${json}\n`);
}

if (values.cold) {
  const runs: Record<string, unknown>[] = [];
  const extra = ['--size', size, '--style', style, '--renderer', renderers[0] ?? 'fast'];
  for (let i = 0; i < Number(values.runs); i++) {
    memory.reset();
    const loadBefore = load();
    const run = await coldRun(pkgRoot, url, join(outDir, `bench-cold-${i}.mp4`), extra);
    runs.push({
      ...run,
      realTimeFactor: round(run.wallSec / run.videoDurationSec, 3),
      peakRssMB: round(memory.peak().rss / 1e6, 0),
      peakPssMB: round(memory.peak().pss / 1e6, 0),
      loadBefore,
      loadAfter: load(),
    });
    console.error(`[bench] cold ${i + 1}: ${round(run.wallSec)} s for ${run.videoDurationSec} s of video`);
  }
  const walls = runs.map((r) => r.wallSec as number);
  await writeReport('cold', {
    date: new Date().toISOString(),
    machine,
    mode: 'cold CLI',
    article: values.article,
    size,
    style,
    meanWallSec: round(mean(walls)),
    meanRealTimeFactor: round(mean(runs.map((r) => r.realTimeFactor as number)), 3),
    runs,
  });
  memory.stop();
  server.close();
  process.exit(0);
}

// A worker builds the bundle and opens Chromium once at start; measure that apart from a job.
const warmStart = performance.now();
await warmRenderer();
const warmupSec = (performance.now() - warmStart) / 1000;

if (values.throughput) {
  const jobs = Number(values.throughput);
  const loadBefore = load();
  memory.reset();
  const started = performance.now();
  let next = 0;
  const done: { durationSec: number; wallSec: number }[] = [];
  const lane = async () => {
    while (next < jobs) {
      const i = next++;
      const t = performance.now();
      const result = await runPipeline(url, {
        outPath: join(outDir, `bench-throughput-${i}.mp4`),
        size,
        fetch: { allowPrivateNetwork: true },
        render: { renderer: renderers[0] ?? 'fast' },
        script: { style },
      });
      done.push({ durationSec: result.durationSec, wallSec: (performance.now() - t) / 1000 });
    }
  };
  await Promise.all(Array.from({ length: Number(values.concurrency) }, lane));
  const wallSec = (performance.now() - started) / 1000;
  const videoSec = done.reduce((a, d) => a + d.durationSec, 0);
  await writeReport('throughput', {
    date: new Date().toISOString(),
    machine,
    mode: `throughput: runPipeline in process, concurrency ${values.concurrency}, renderer warmed first`,
    article: values.article,
    size,
    jobs,
    wallSec: round(wallSec),
    meanJobWallSec: round(mean(done.map((d) => d.wallSec))),
    meanVideoSec: round(videoSec / jobs),
    videosPerHour: round((jobs * 3600) / wallSec, 1),
    threeMinuteVideosPerHour: round((videoSec * 3600) / wallSec / 180, 1),
    peakRssMB: round(memory.peak().rss / 1e6, 0),
    peakPssMB: round(memory.peak().pss / 1e6, 0),
    loadBefore,
    loadAfter: load(),
  });
  memory.stop();
  server.close();
  await closeRenderer();
  process.exit(0);
}

const runs: Record<string, unknown>[] = [];
const results: Partial<Record<RendererKind, PipelineResult>> = {};
for (const renderer of renderers) {
  memory.reset();
  const loadBefore = load();
  const started = performance.now();
  const result = await runPipeline(url, {
    outPath: join(outDir, `bench-${renderer}.mp4`),
    size,
    fetch: { allowPrivateNetwork: true },
    render: { renderer },
    script: { style },
  });
  const wallSec = (performance.now() - started) / 1000;
  results[renderer] = result;
  const renderSec = result.stageSeconds.render ?? 0;
  runs.push({
    renderer,
    stageSeconds: Object.fromEntries(Object.entries(result.stageSeconds).map(([k, v]) => [k, round(v)])),
    parts: splitParts(result.stageSeconds, result.renderStats),
    wallSec: round(wallSec),
    videoDurationSec: round(result.durationSec),
    realTimeFactor: round(wallSec / result.durationSec, 3),
    renderRealTimeFactor: round(renderSec / result.durationSec, 3),
    renderFps: round(result.timeline.durationInFrames / renderSec, 1),
    frames: result.timeline.durationInFrames,
    sizeBytes: result.sizeBytes,
    // RSS summed over the process tree counts Chromium's shared pages once per process; PSS
    // splits them, so it is the job's real memory footprint.
    peakRssMB: round(memory.peak().rss / 1e6, 0),
    peakPssMB: round(memory.peak().pss / 1e6, 0),
    narrationChars: result.script.sections
      .flatMap((s) => s.narrations)
      .reduce((n, x) => n + x.text.length, 0),
    sections: result.script.sections.length,
    framesRendered: result.renderStats.framesRendered,
    loadBefore,
    loadAfter: load(),
  });
  console.error(`[bench] ${renderer}: ${round(wallSec)} s for ${round(result.durationSec)} s of video`);
}

const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine,
  mode: 'warm worker path',
  article: values.article,
  size,
  style,
  warmupSec: round(warmupSec),
  runs,
};
if (results.fast && results.full) {
  const fastRun = runs.find((r) => r.renderer === 'fast')!;
  const fullRun = runs.find((r) => r.renderer === 'full')!;
  report.speedup = {
    endToEnd: round((fullRun.wallSec as number) / (fastRun.wallSec as number), 2),
    render: round((results.full.stageSeconds.render ?? 0) / (results.fast.stageSeconds.render ?? 1), 2),
  };
  report.ssim = await meanSsim(results.fast.videoPath, results.full.videoPath, { samples: 24 });
}
memory.stop();
server.close();
await closeRenderer();

await writeReport('latest', report);
