import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dialogueLayoutFor } from '@movie-generator/remotion/dialogue-layout';
import type { Language } from '@movie-generator/remotion/props';
import { ffprobe, makeTempDir, startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { type PipelineResult, renderScript } from '../pipeline.ts';
import { CHARACTERS } from '../speakers.ts';
import { closeRenderer, meanSsim, planFrames, renderVideo } from './index.ts';

// Two short dialogues (掛け合い), Japanese and English, made into MP4s by the real pipeline from
// their scripts: the offline voices (Open JTalk, espeak-ng) speak each character in its own voice,
// and the fast renderer draws the video. The article's pictures come from a local server.

const run = promisify(execFile);
const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);
/** The frames looked at, kept for a person to see (test-artifacts/ is not committed). */
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/dialogue/', import.meta.url));

let tmp: { dir: string; cleanup: () => Promise<void> };
let server: TestHttpServer;
const videos = {} as Record<Language, { result: PipelineResult; workDir: string }>;

beforeAll(async () => {
  tmp = await makeTempDir('mg-dialogue-');
  const jpeg = await readFile(fixture('images/sample-photo.jpg'));
  server = await startHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
  });
  for (const language of ['ja', 'en'] as const) {
    const text = await readFile(fixture(`script-dialogue-${language}.json`), 'utf8');
    const script: unknown = JSON.parse(text.replaceAll('https://example.com/images/', `${server.url}/`));
    const workDir = join(tmp.dir, `work-${language}`);
    await mkdir(workDir, { recursive: true });
    const result = await renderScript(script, {
      outPath: join(tmp.dir, `dialogue-${language}.mp4`),
      // The caller's work directory keeps the mixed narration for the full render below.
      workDir,
      fetch: { allowPrivateNetwork: 'loopback' },
      render: { renderer: 'fast' },
      log: silentLogger,
    });
    videos[language] = { result, workDir };
  }
}, 600_000);

afterAll(async () => {
  await closeRenderer();
  await server?.close();
  await tmp?.cleanup();
});

/** The frames of a video at these indexes, as RGB (full range) pixels, in index order. */
async function framesRgb(video: string, indexes: readonly number[], width: number, height: number) {
  const select = indexes.map((n) => `eq(n\\,${n})`).join('+');
  const { stdout } = await run(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      video,
      '-vf',
      `select='${select}',scale=in_color_matrix=bt709:in_range=tv:out_range=pc,format=rgb24`,
      '-fps_mode',
      'passthrough',
      '-f',
      'rawvideo',
      '-',
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  const size = width * height * 3;
  expect(stdout.length).toBe(size * indexes.length);
  return indexes.map((_, i) => stdout.subarray(i * size, (i + 1) * size));
}

/** Mean RGB of a 5×5 box centred on (x, y). */
function sample(rgb: Buffer, width: number, x: number, y: number): [number, number, number] {
  const sum = [0, 0, 0];
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      const at = ((Math.round(y) + dy) * width + Math.round(x) + dx) * 3;
      for (let c = 0; c < 3; c++) sum[c]! += rgb[at + c]!;
    }
  }
  return sum.map((v) => v / 25) as [number, number, number];
}

const hexRgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));
const luma = ([r, g, b]: readonly number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;

describe.each(['ja', 'en'] as const)('a %s dialogue, script to MP4', (language) => {
  it('is H.264 + AAC at 1280×720 of exactly the timeline length, with both characters', async () => {
    const { result } = videos[language];
    const { timeline } = result;
    const probe = await ffprobe(result.videoPath);
    const video = probe.streams.find((s) => s.codec_type === 'video')!;
    const audio = probe.streams.find((s) => s.codec_type === 'audio')!;
    expect(video).toMatchObject({ codec_name: 'h264', width: 1280, height: 720, pix_fmt: 'yuv420p' });
    expect(Number(video.nb_frames)).toBe(timeline.durationInFrames);
    expect(audio.codec_name).toBe('aac');
    expect(Math.abs(Number(probe.format.duration) - timeline.durationInFrames / 30)).toBeLessThan(0.05);
    expect(timeline.speakers).toEqual([
      { id: 'asker', name: CHARACTERS.asker.name[language], color: CHARACTERS.asker.color },
      { id: 'explainer', name: CHARACTERS.explainer.name[language], color: CHARACTERS.explainer.color },
    ]);
    expect(timeline.turns.length).toBeGreaterThanOrEqual(6);
    expect(new Set(timeline.subtitles.map((s) => s.speaker))).toEqual(new Set(['asker', 'explainer']));
    // The fast renderer drew a held picture for each turn.
    expect(result.renderer).toBe('fast');
    expect(planFrames(timeline).frames).toEqual(
      expect.arrayContaining(timeline.turns.map((t) => t.startFrame)),
    );
  });

  it("highlights the speaker's badge at each change of turn", async () => {
    const { result } = videos[language];
    const { timeline } = result;
    const { width, height } = timeline;
    const { badges } = dialogueLayoutFor(width, height, timeline.speakers.length);
    // Three changes of speaker: the frame before each and its first frame.
    const changes = timeline.turns.slice(1, 4);
    const indexes = changes.flatMap((turn) => [turn.startFrame - 1, turn.startFrame]);
    const frames = await framesRgb(result.videoPath, indexes, width, height);
    await mkdir(artifacts, { recursive: true });
    const activeAt = changes.flatMap((turn, i) => [timeline.turns[i]!.speaker, turn.speaker]);
    for (const [i, rgb] of frames.entries()) {
      const active = activeAt[i]!;
      // Kept for looking at: each frame as a PNG.
      const png = join(artifacts, `${language}-frame${String(indexes[i]).padStart(4, '0')}-${active}.png`);
      const raw = join(tmp.dir, 'frame.rgb');
      await writeFile(raw, rgb);
      await run('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-f',
        'rawvideo',
        '-pix_fmt',
        'rgb24',
        '-s',
        `${width}x${height}`,
        '-i',
        raw,
        png,
      ]);
      const seen = timeline.speakers.map((speaker, b) => {
        const badge = badges[b]!;
        // Left of the initial, well inside the circle even when it is shrunk.
        const colour = sample(rgb, width, badge.cx - 0.3 * badge.diameter, badge.cy);
        return { speaker, colour, off: distance(colour, hexRgb(speaker.color)) };
      });
      for (const { speaker, colour, off } of seen) {
        const where = `${language} frame ${indexes[i]}, ${speaker.id} badge ${colour.map(Math.round)}`;
        if (speaker.id === active) {
          expect(off, where).toBeLessThan(40);
        } else {
          expect(off, where).toBeGreaterThan(80);
          expect(luma(colour), where).toBeLessThan(0.6 * luma(hexRgb(speaker.color)));
        }
      }
    }
  });

  it('names the speakers in the WebVTT and SRT files', async () => {
    const { result } = videos[language];
    const vtt = await readFile(result.vttPath, 'utf8');
    const srt = await readFile(result.srtPath, 'utf8');
    const asker = CHARACTERS.asker.name[language];
    const explainer = CHARACTERS.explainer.name[language];
    const vttCues = vtt.slice('WEBVTT\n\n'.length).trimEnd().split('\n\n');
    const srtCues = srt.trimEnd().split('\n\n');
    expect(vttCues).toHaveLength(result.timeline.subtitles.length);
    result.timeline.subtitles.forEach((sub, i) => {
      const name = sub.speaker === 'asker' ? asker : explainer;
      expect(vttCues[i]!.split('\n')[1]).toBe(`<v ${name}>${sub.lines[0]}`);
      expect(srtCues[i]!.split('\n')[2]).toBe(`${name}: ${sub.lines[0]}`);
    });
  });
});

describe('the fast renderer on a dialogue', () => {
  it('looks like the full renderer (SSIM)', async () => {
    const { result, workDir } = videos.ja;
    // The same video at half of 720p: the full renderer draws every frame, which takes minutes at
    // 720p on a busy 2-core machine. Every size on screen follows the frame size.
    const timeline = { ...result.timeline, width: 640, height: 360 };
    const ctx = {
      signal: new AbortController().signal,
      log: silentLogger,
      workDir,
      onProgress: () => undefined,
    };
    const narration = join(workDir, 'narration.wav');
    const [fast, full] = [
      await renderVideo(timeline, narration, join(tmp.dir, 'small-fast.mp4'), { renderer: 'fast' }, ctx),
      await renderVideo(timeline, narration, join(tmp.dir, 'small-full.mp4'), { renderer: 'full' }, ctx),
    ];
    expect(fast.stats.framesRendered).toBeLessThan(timeline.durationInFrames / 3);
    const similarity = await meanSsim(fast.videoPath, full.videoPath, { samples: 48 });
    console.info(
      `dialogue fast vs full SSIM: mean ${similarity.mean.toFixed(4)}, min ${similarity.min.toFixed(4)} (frame ${similarity.minFrame}), ${similarity.framesCompared} frames of ${timeline.durationInFrames}; fast drew ${fast.stats.framesRendered}`,
    );
    expect(similarity.framesCompared).toBeGreaterThanOrEqual(40);
    expect(similarity.mean).toBeGreaterThanOrEqual(0.98);
    expect(similarity.min).toBeGreaterThanOrEqual(0.95);
  }, 600_000);
});
