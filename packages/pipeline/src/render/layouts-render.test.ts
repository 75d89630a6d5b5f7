import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Timeline } from '@movie-generator/remotion/props';
import {
  ffprobe,
  makeTempDir,
  makeTone,
  startHttpServer,
  type TestHttpServer,
} from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageContext } from '../context.ts';
import { localImageSources } from '../images/fetch-images.ts';
import { prepareImage } from '../images/prepare.ts';
import { silentLogger } from '../logger.ts';
import { ScriptSchema } from '../schema/script.ts';
import { buildTimeline } from '../timeline/index.ts';
import { closeRenderer, meanSsim, type RenderResult, renderVideo, sanitizeTimeline } from './index.ts';

const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);
const script = ScriptSchema.parse(JSON.parse(await readFile(fixture('script-layouts-ja.json'), 'utf8')));
const clips = script.sections.flatMap((s) => s.narrations.map(() => 0.5));

let tmp: { dir: string; cleanup: () => Promise<void> };
let timeline: Timeline;
const runs = {} as Record<'fast' | 'full', RenderResult>;

const context = (workDir: string): StageContext => ({
  signal: new AbortController().signal,
  log: silentLogger,
  workDir,
  onProgress: () => undefined,
});

const toneFor = (t: Timeline, path: string) =>
  makeTone(path, { sec: t.durationInFrames / t.fps, channels: 1 });

beforeAll(async () => {
  tmp = await makeTempDir('mg-layouts-');
  // The article's pictures, as the pipeline hands them over: re-encoded, then data: URLs.
  const photo = join(tmp.dir, 'photo.jpg');
  const prepared = await prepareImage(await readFile(fixture('images/sample-photo.jpg')), photo, {
    maxDimension: 8000,
    outputMaxSide: 1280,
  });
  const urls = [script.leadImage!.url, ...script.sections.flatMap((s) => (s.image ? [s.image.url] : []))];
  const images = await localImageSources(new Map(urls.map((u) => [u, { path: photo, ...prepared }])));
  // Half of 720p keeps the full renderer's every-frame pass short on a busy 2-core machine.
  timeline = buildTimeline(script, clips, {
    images,
    credits: ['音声: テスト'],
    frame: { width: 640, height: 360 },
  });
  const audio = await toneFor(timeline, join(tmp.dir, 'narration.wav'));
  for (const renderer of ['fast', 'full'] as const) {
    runs[renderer] = await renderVideo(
      timeline,
      audio,
      join(tmp.dir, `layouts-${renderer}.mp4`),
      { renderer },
      context(join(tmp.dir, `work-${renderer}`)),
    );
  }
}, 600_000);

afterAll(async () => {
  await closeRenderer();
  await tmp?.cleanup();
});

describe('slide layouts', () => {
  it('renders every layout, a lead picture, bullet reveals, numbered steps and list reveals with both renderers alike', async () => {
    expect(timeline.slides.map((s) => s.layout ?? s.kind)).toEqual([
      'title',
      'picture',
      'figure',
      'quote',
      'bullets',
      'list',
      'list',
      'closing',
    ]);
    // The ingredients table and the tool list show their items as they are said.
    expect(timeline.slides[5]!.listReveals).toEqual([
      0,
      0,
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    expect(timeline.slides[6]!.listReveals?.filter((r) => r > 0)).toHaveLength(5);
    expect(timeline.slides[0]!.image).toBeDefined();
    expect(timeline.slides.some((s) => s.bulletReveals?.some((r) => r > 0))).toBe(true);
    // The steps slide draws number badges; the other slides keep their markers.
    expect(timeline.slides.map((s) => s.steps)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      [1, 2, 3],
      undefined,
      undefined,
      undefined,
    ]);
    for (const result of Object.values(runs)) {
      const video = (await ffprobe(result.videoPath)).streams.find((s) => s.codec_type === 'video')!;
      expect(Number(video.nb_frames)).toBe(timeline.durationInFrames);
    }
    const similarity = await meanSsim(runs.fast.videoPath, runs.full.videoPath, { samples: 48 });
    console.info(
      `layouts fast vs full SSIM: mean ${similarity.mean.toFixed(4)}, min ${similarity.min.toFixed(4)}`,
    );
    expect(similarity.framesCompared).toBeGreaterThanOrEqual(40);
    expect(similarity.mean).toBeGreaterThanOrEqual(0.98);
    expect(similarity.min).toBeGreaterThanOrEqual(0.95);
  });
});

describe('no network in the renderer', () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    const jpeg = await readFile(fixture('images/sample-photo.jpg'));
    server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    });
  });
  afterAll(() => server?.close());

  it('drops picture sources that are not local data: URLs before rendering', () => {
    const smuggled = (src: string) => ({
      ...timeline,
      slides: timeline.slides.map((s) => (s.image ? { ...s, image: { ...s.image, src } } : s)),
    });
    for (const src of [
      `${server.url}/photo.jpg`,
      'file:///etc/passwd',
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      `data:image/jpeg;base64,AAAA" onerror="fetch('${server.url}')`,
    ]) {
      const { timeline: clean, dropped } = sanitizeTimeline(smuggled(src));
      expect(dropped).toBe(2);
      expect(clean.slides.every((s) => s.image === undefined)).toBe(true);
      expect(clean.slides[1]!.layout).toBe('bullets');
    }
    expect(sanitizeTimeline(timeline).dropped).toBe(0);
  });

  it('renders a timeline whose picture points at a web server without the server seeing a request', async () => {
    const small = buildTimeline(script, clips, { frame: { width: 320, height: 180 } });
    const image = { src: `${server.url}/photo.jpg`, width: 960, height: 640, caption: 'smuggled' };
    const smuggled: Timeline = {
      ...small,
      slides: small.slides.map((s, i) =>
        i === 0 ? { ...s, image } : i === 1 ? { ...s, layout: 'picture' as const, image } : s,
      ),
    };
    const audio = await toneFor(smuggled, join(tmp.dir, 'smuggled.wav'));
    const result = await renderVideo(
      smuggled,
      audio,
      join(tmp.dir, 'smuggled.mp4'),
      { renderer: 'fast' },
      context(join(tmp.dir, 'work-smuggled')),
    );
    const video = (await ffprobe(result.videoPath)).streams.find((s) => s.codec_type === 'video')!;
    expect(Number(video.nb_frames)).toBe(smuggled.durationInFrames);
    expect(server.requests).toEqual([]);
  });
});
