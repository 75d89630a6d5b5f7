/**
 * `npm run bench [-- --renderer fast|full|both] [--size 720p|1080p] [--style narration|dialogue]`
 * Runs the offline pipeline on the bundled ~1,500-character Japanese article and prints (and
 * writes to bench-results/) seconds per stage, wall time, video duration, real-time factor,
 * render frames per second and peak RSS of the process tree; with both renderers it adds the
 * fast/full speed-up and the mean SSIM between the two videos.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type PipelineResult, runPipeline } from '../src/pipeline.ts';
import { closeRenderer, meanSsim, warmRenderer } from '../src/render/index.ts';
import type { RendererKind } from '../src/render/types.ts';
import { DEFAULT_VIDEO_SIZE, ScriptStyleSchema, VideoSizeSchema } from '../src/schema/index.ts';
import { startMemorySampler } from './process-tree-rss.ts';

const { values } = parseArgs({
  options: {
    renderer: { type: 'string', default: 'both' },
    size: { type: 'string', default: DEFAULT_VIDEO_SIZE },
    style: { type: 'string', default: 'narration' },
  },
});
const style = ScriptStyleSchema.parse(values.style);
const renderers: RendererKind[] =
  values.renderer === 'both' ? ['fast', 'full'] : [values.renderer as RendererKind];
const size = VideoSizeSchema.parse(values.size);

const pkgRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(pkgRoot, '../../bench-results');
await mkdir(outDir, { recursive: true });

const html = await readFile(join(pkgRoot, 'fixtures/articles/ja-utf8.html'));
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article`;

const memory = startMemorySampler();
const round = (n: number, d = 2) => Number(n.toFixed(d));

// A worker builds the bundle and opens Chromium once at start; measure that apart from a job.
const warmStart = performance.now();
await warmRenderer();
const warmupSec = (performance.now() - warmStart) / 1000;

const runs: Record<string, unknown>[] = [];
const results: Partial<Record<RendererKind, PipelineResult>> = {};
for (const renderer of renderers) {
  memory.reset();
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
  });
  console.error(`[bench] ${renderer}: ${round(wallSec)} s for ${round(result.durationSec)} s of video`);
}

const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
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

const json = JSON.stringify(report, null, 2);
console.log(json);
await writeFile(join(outDir, 'latest.json'), `${json}\n`);
await writeFile(join(outDir, `bench-${Date.now()}.json`), `${json}\n`);
