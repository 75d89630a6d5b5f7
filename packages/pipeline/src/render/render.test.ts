import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LocalizedText } from '@movie-generator/api-contract';
import type { Timeline } from '@movie-generator/remotion/props';
import { ffprobe, frameStats, makeTempDir, makeTone } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageContext } from '../context.ts';
import { PipelineError } from '../errors.ts';
import { silentLogger } from '../logger.ts';
import { ScriptSchema } from '../schema/script.ts';
import { buildTimeline } from '../timeline/index.ts';
import {
  browserStats,
  bundleStats,
  closeRenderer,
  getBrowser,
  getBundle,
  meanSsim,
  planFrames,
  posterFrame,
  type RendererKind,
  type RenderResult,
  renderVideo,
} from './index.ts';

const run = promisify(execFile);

type Progress = { percent: number; message: LocalizedText };

interface Run {
  result: RenderResult;
  progress: Progress[];
}

// The sample script with short made-up clips: 3 slides, 7.7 s (231 frames) at 720p. Its body slide
// shows a key point, revealed when its second narration starts.
const sample = ScriptSchema.parse(
  JSON.parse(await readFile(new URL('../../fixtures/script-ja-short.json', import.meta.url), 'utf8')),
);
const script = {
  ...sample,
  sections: sample.sections.map((section) =>
    section.kind === 'body'
      ? {
          ...section,
          layout: 'keypoint' as const,
          keyPoint: { text: '速さは専用の線路が支える', narration: 1 },
        }
      : section,
  ),
};
const timeline: Timeline = buildTimeline(script, [0.8, 1.0, 0.6, 0.8], { credits: ['音声: テスト'] });

let tmp: { dir: string; cleanup: () => Promise<void> };
let audioPath: string;
const runs = {} as Record<RendererKind, Run>;

function context(
  workDir: string,
  signal = new AbortController().signal,
  onProgress?: StageContext['onProgress'],
) {
  return {
    signal,
    log: silentLogger,
    workDir,
    onProgress: onProgress ?? (() => undefined),
  } satisfies StageContext;
}

async function renderRecorded(renderer: RendererKind): Promise<Run> {
  const progress: Run['progress'] = [];
  const ctx = context(join(tmp.dir, `work-${renderer}`), undefined, (percent, message) =>
    progress.push({ percent, message }),
  );
  const result = await renderVideo(
    timeline,
    audioPath,
    join(tmp.dir, `out-${renderer}.mp4`),
    { renderer },
    ctx,
  );
  return { result, progress };
}

/** Files left in a directory tree (empty dirs do not count). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Share of the frame's pixels with luma above 180 (text is near-white on a dark slide); a still
 * image when `atSec` is omitted.
 */
async function brightShare(video: string, atSec?: number): Promise<number> {
  const { stderr } = await run('ffmpeg', [
    '-v',
    'info',
    ...(atSec === undefined ? [] : ['-ss', String(atSec)]),
    '-i',
    video,
    '-frames:v',
    '1',
    '-vf',
    "lutyuv=y='if(gt(val,180),255,0)',signalstats,metadata=print:key=lavfi.signalstats.YAVG",
    '-f',
    'null',
    '-',
  ]);
  const m = /YAVG=([0-9.]+)/.exec(stderr);
  if (!m) throw new Error('ffmpeg printed no YAVG');
  return Number(m[1]) / 255;
}

/**
 * SSIM ("All") of each listed frame of video A against video B's frame `offset` frames later
 * (the same frame by default); `crop` (an ffmpeg crop, e.g. "iw:ih/2:0:0") compares that part only.
 */
async function ssimAt(
  videoA: string,
  videoB: string,
  frames: number[],
  offset = 0,
  crop?: string,
): Promise<number[]> {
  const pick = (shift: number) =>
    `select='${frames.map((f) => `eq(n\\,${f + shift})`).join('+')}',setpts=N/TB${crop ? `,crop=${crop}` : ''}`;
  const { stdout } = await run('ffmpeg', [
    '-v',
    'error',
    '-i',
    videoA,
    '-i',
    videoB,
    '-lavfi',
    `[0:v]${pick(0)}[a];[1:v]${pick(offset)}[b];[a][b]ssim=stats_file=-`,
    '-f',
    'null',
    '-',
  ]);
  const values = [...stdout.matchAll(/All:([0-9.]+)/g)].map((m) => Number(m[1]));
  expect(values).toHaveLength(frames.length);
  return values;
}

/** A tone of exactly the timeline's length (the speech stage mixes narration to it). */
const toneFor = (t: Timeline, path: string) =>
  makeTone(path, { sec: t.durationInFrames / t.fps, channels: 1 });

beforeAll(async () => {
  tmp = await makeTempDir('mg-render-');
  audioPath = await toneFor(timeline, join(tmp.dir, 'narration.wav'));
  runs.fast = await renderRecorded('fast');
  runs.full = await renderRecorded('full');
});

afterAll(async () => {
  await closeRenderer();
  await tmp?.cleanup();
});

describe('renderVideo', () => {
  it('writes H.264 + AAC of exactly the timeline length with both renderers', async () => {
    expect(timeline.durationInFrames).toBe(231);
    for (const renderer of ['fast', 'full'] as const) {
      const { result } = runs[renderer];
      expect(result).toMatchObject({
        renderer,
        frames: 231,
        videoPath: join(tmp.dir, `out-${renderer}.mp4`),
      });
      const probe = await ffprobe(result.videoPath);
      const video = probe.streams.find((s) => s.codec_type === 'video')!;
      const audio = probe.streams.find((s) => s.codec_type === 'audio')!;
      expect(video).toMatchObject({
        codec_name: 'h264',
        width: 1280,
        height: 720,
        pix_fmt: 'yuv420p',
        r_frame_rate: '30/1',
      });
      expect(Number(video.nb_frames)).toBe(231);
      expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '48000' });
      expect(Math.abs(Number(audio.duration) - 7.7)).toBeLessThan(0.03);
      expect(Math.abs(Number(probe.format.duration) - 7.7)).toBeLessThan(0.03);
      // Limited range, BT.709 tagged, like browsers expect for HD.
      const { stdout } = await run('ffprobe', [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=color_range,color_space',
        '-of',
        'csv=p=0',
        result.videoPath,
      ]);
      expect(stdout.trim()).toBe('tv,bt709');
      // faststart: the index (moov) comes before the media data (mdat).
      const head = (await readFile(result.videoPath)).subarray(0, 64 * 1024).toString('latin1');
      expect(head.indexOf('moov')).toBeGreaterThan(-1);
      expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat'));
    }
    // Nothing but the two videos and their sidecars is left: no partial files, no frames.
    const left = (await filesUnder(tmp.dir)).map((f) => f.slice(tmp.dir.length + 1)).sort();
    expect(left).toEqual(
      [
        'narration.wav',
        ...['fast', 'full'].flatMap((r) => ['mp4', 'jpg', 'vtt', 'srt'].map((e) => `out-${r}.${e}`)),
      ].sort(),
    );
  });

  it('writes the title slide as a 1280×720 JPEG poster beside each video', async () => {
    for (const renderer of ['fast', 'full'] as const) {
      const { result } = runs[renderer];
      expect(result.posterPath).toBe(join(tmp.dir, `out-${renderer}.jpg`));
      const probe = await ffprobe(result.posterPath);
      expect(probe.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 1280, height: 720 });
      const head = await readFile(result.posterPath);
      expect([...head.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      // The title slide: it has text, and it is the video's frame at the poster frame.
      expect(await brightShare(result.posterPath)).toBeGreaterThan(0.005);
    }
    const frame = posterFrame(timeline);
    expect(frame).toBe(0);
    const still = join(tmp.dir, 'poster-check.png');
    await run('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      runs.fast.result.videoPath,
      '-vf',
      `select=eq(n\\,${frame})`,
      '-frames:v',
      '1',
      still,
    ]);
    const { stdout } = await run('ffmpeg', [
      '-v',
      'error',
      '-i',
      runs.fast.result.posterPath,
      '-i',
      still,
      '-lavfi',
      '[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];[a][b]ssim=stats_file=-',
      '-f',
      'null',
      '-',
    ]);
    await run('rm', ['-f', still]);
    expect(Number(/All:([0-9.]+)/.exec(stdout)?.[1])).toBeGreaterThan(0.97);
  });

  it('writes WebVTT and SRT whose cues are the timeline subtitles, to the millisecond', async () => {
    const ms = (frame: number) => Math.round((frame * 1000) / timeline.fps);
    const stamp = (total: number, sep: string) =>
      `${new Date(total).toISOString().slice(11, 19)}${sep}${String(total % 1000).padStart(3, '0')}`;
    expect(timeline.subtitles.length).toBeGreaterThan(2);
    for (const renderer of ['fast', 'full'] as const) {
      const { result } = runs[renderer];
      expect(result.vttPath).toBe(join(tmp.dir, `out-${renderer}.vtt`));
      expect(result.srtPath).toBe(join(tmp.dir, `out-${renderer}.srt`));
      const vtt = await readFile(result.vttPath, 'utf8');
      const srt = await readFile(result.srtPath, 'utf8');
      expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
      const vttBlocks = vtt.slice('WEBVTT\n\n'.length).trimEnd().split('\n\n');
      const srtBlocks = srt.trimEnd().split('\n\n');
      expect(vttBlocks).toHaveLength(timeline.subtitles.length);
      expect(srtBlocks).toHaveLength(timeline.subtitles.length);
      timeline.subtitles.forEach((sub, i) => {
        const start = ms(sub.startFrame);
        const end = ms(sub.startFrame + sub.durationInFrames);
        expect(vttBlocks[i]!.split('\n')).toEqual([
          `${stamp(start, '.')} --> ${stamp(end, '.')}`,
          ...sub.lines,
        ]);
        expect(srtBlocks[i]!.split('\n')).toEqual([
          String(i + 1),
          `${stamp(start, ',')} --> ${stamp(end, ',')}`,
          ...sub.lines,
        ]);
      });
      // ffmpeg parses both as subtitle files with the same number of cues.
      for (const file of [result.vttPath, result.srtPath]) {
        const { stdout } = await run('ffprobe', [
          '-v',
          'error',
          '-count_packets',
          '-show_entries',
          'stream=codec_name,nb_read_packets',
          '-of',
          'csv=p=0',
          file,
        ]);
        expect(stdout.trim()).toBe(
          `${file.endsWith('.vtt') ? 'webvtt' : 'subrip'},${timeline.subtitles.length}`,
        );
      }
    }
  });

  it('the fast video looks like the full one (SSIM) and is not blank', async () => {
    const similarity = await meanSsim(runs.fast.result.videoPath, runs.full.result.videoPath, {
      samples: 24,
    });
    expect(similarity.framesCompared).toBeGreaterThanOrEqual(20);
    expect(similarity.mean).toBeGreaterThanOrEqual(0.98);
    expect(similarity.min).toBeGreaterThanOrEqual(0.95);
    // The section slide, with its bullets and a subtitle card showing.
    const stats = await frameStats(runs.fast.result.videoPath, 3.3);
    expect(stats.yhigh - stats.ylow).toBeGreaterThan(10);
    // Text is there: a blank or background-only frame has no near-white pixels at all.
    expect(await brightShare(runs.fast.result.videoPath, 3.3)).toBeGreaterThan(0.01);
  });

  it('shows the key point when its narration starts, in both renderers alike', async () => {
    const slide = timeline.slides.find((s) => s.layout === 'keypoint')!;
    expect(slide.keyPoint?.text).toBe('速さは専用の線路が支える');
    const reveal = slide.startFrame + slide.keyPointReveal!;
    expect(slide.keyPointReveal).toBeGreaterThan(0);
    // The fast renderer draws the slide again at the reveal: the slide above the subtitles (where
    // the panel is) differs before and after it.
    for (const video of [runs.fast.result.videoPath, runs.full.result.videoPath]) {
      const [toAfter] = await ssimAt(video, video, [reveal - 2], 4, 'iw:ih*3/4:0:0');
      expect(toAfter).toBeLessThan(0.99);
    }
    const same = await ssimAt(runs.fast.result.videoPath, runs.full.result.videoPath, [
      reveal - 2,
      reveal + 2,
    ]);
    expect(Math.min(...same)).toBeGreaterThanOrEqual(0.98);
  });

  it('crossfades into each later slide, the fast renderer frame for frame like the full one', async () => {
    expect(timeline.fades.map((f) => f.startFrame)).toEqual(
      timeline.slides.slice(1).map((s) => s.startFrame),
    );
    for (const fade of timeline.fades) {
      const before = fade.startFrame - 1;
      const after = fade.startFrame + fade.durationInFrames;
      const inside = Array.from({ length: fade.durationInFrames }, (_, k) => fade.startFrame + k);
      // Every frame of the fade, in both renderers.
      const same = await ssimAt(runs.fast.result.videoPath, runs.full.result.videoPath, inside);
      expect(Math.min(...same)).toBeGreaterThanOrEqual(0.97);
      // The middle of the fade is a mix, far less like the pictures before and after it than
      // the two renderers' middles are like each other.
      const mid = fade.startFrame + Math.floor(fade.durationInFrames / 2);
      const sameMid = same[mid - fade.startFrame]!;
      for (const video of [runs.fast.result.videoPath, runs.full.result.videoPath]) {
        const [toBefore] = await ssimAt(video, video, [mid], before - mid);
        const [toAfter] = await ssimAt(video, video, [mid], after - mid);
        expect(toBefore).toBeLessThan(sameMid - 0.015);
        expect(toAfter).toBeLessThan(sameMid - 0.015);
      }
    }
  });

  it('the fast renderer draws only the planned pictures', () => {
    const plan = planFrames(timeline);
    expect(runs.fast.result.stats.framesRendered).toBe(plan.frames.length);
    expect(plan.frames.length).toBeLessThan(timeline.durationInFrames / 3);
    expect(runs.full.result.stats.framesRendered).toBe(231);
  });

  it('reports progress from 0 to 100 in order, with bundling, rendering and encoding messages', () => {
    for (const renderer of ['fast', 'full'] as const) {
      const { progress } = runs[renderer];
      const percents = progress.map((p) => p.percent);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(percents[0]).toBe(0);
      expect(percents.at(-1)).toBe(100);
      const english = progress.map((p) => p.message.en);
      expect(english[0]).toBe('Preparing the video template');
      const total = renderer === 'fast' ? runs.fast.result.stats.framesRendered : 231;
      expect(english).toContain(`Rendering video (${total}/${total} frames)`);
      expect(progress.some((p) => p.message.ja === `動画を書き出し中 (${total}/${total} フレーム)`)).toBe(
        true,
      );
      expect(english.at(-1)).toBe('Encoding the video');
    }
  });

  it('reuses one bundle and one browser across renders', async () => {
    // Built once, or found in the disk cache that an earlier process filled.
    expect(bundleStats.builds + bundleStats.cacheHits).toBe(1);
    expect(browserStats.launches).toBe(1);
    const first = await getBrowser();
    expect(await getBrowser()).toBe(first);
    expect(browserStats.launches).toBe(1);
    // A prebuilt bundle dir is used as is; a dir without a bundle falls back to the shared one.
    const shared = await getBundle();
    expect(await getBundle({ bundleDir: shared })).toBe(shared);
    expect(await getBundle({ bundleDir: join(tmp.dir, 'no-bundle-here') })).toBe(shared);
    expect(bundleStats.builds + bundleStats.cacheHits).toBe(1);
  });

  // Same pictures as `timeline`, held 5× longer: the encode lasts long enough to be caught.
  const slowEncode = buildTimeline(script, [4, 5, 3, 4], { credits: ['音声: テスト'] });

  it.each([
    [
      'while drawing frames',
      (p: Progress, encodingSeen: number) =>
        p.message.en.startsWith('Rendering video (5/') && encodingSeen === 0,
    ],
    // The first encoding message comes before ffmpeg starts; later ones from ffmpeg's progress.
    [
      'while ffmpeg encodes',
      (p: Progress, encodingSeen: number) =>
        p.message.en === 'Encoding the video' && encodingSeen >= 1 && p.percent < 99,
    ],
  ])('cancelling %s rejects with CANCELLED and leaves no files', async (_when, trigger) => {
    const controller = new AbortController();
    const workDir = join(tmp.dir, 'work-cancel');
    const outPath = join(tmp.dir, 'cancel', 'out.mp4');
    const wav = await toneFor(slowEncode, join(tmp.dir, 'slow-encode.wav'));
    let encodingSeen = 0;
    let abortedAt: number | undefined;
    const ctx = context(workDir, controller.signal, (percent, message) => {
      if (abortedAt === undefined && trigger({ percent, message }, encodingSeen)) {
        abortedAt = percent;
        controller.abort();
      }
      if (message.en === 'Encoding the video') encodingSeen += 1;
    });
    const error = await renderVideo(slowEncode, wav, outPath, { renderer: 'fast' }, ctx).catch(
      (e: unknown) => e,
    );
    expect(abortedAt).toBeDefined();
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe('CANCELLED');
    expect(await filesUnder(join(tmp.dir, 'cancel'))).toEqual([]);
    expect(await filesUnder(workDir)).toEqual([]);
  });

  it('turns a missing narration file into RENDER_FAILED before rendering', async () => {
    const workDir = join(tmp.dir, 'work-missing');
    const outPath = join(tmp.dir, 'missing', 'out.mp4');
    const progress: number[] = [];
    const ctx = context(workDir, undefined, (percent) => progress.push(percent));
    const error = await renderVideo(timeline, join(tmp.dir, 'missing.wav'), outPath, {}, ctx).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe('RENDER_FAILED');
    expect((error as PipelineError).detail).toMatch(/missing\.wav/);
    expect(progress).toEqual([]);
    expect(await filesUnder(join(tmp.dir, 'missing'))).toEqual([]);
  });

  it('turns an ffmpeg failure into RENDER_FAILED and leaves no files', async () => {
    const workDir = join(tmp.dir, 'work-fail');
    const outPath = join(tmp.dir, 'fail', 'out.mp4');
    const notAudio = join(tmp.dir, 'not-audio.wav');
    await writeFile(notAudio, 'this is not a WAV file');
    const error = await renderVideo(timeline, notAudio, outPath, {}, context(workDir)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe('RENDER_FAILED');
    expect((error as PipelineError).detail).toMatch(/^ffmpeg exited with 1/);
    expect(await filesUnder(join(tmp.dir, 'fail'))).toEqual([]);
    expect(await filesUnder(workDir)).toEqual([]);
  });

  it('replaces a browser that went away', async () => {
    const before = browserStats.launches;
    const old = await getBrowser();
    await old.close({ silent: true });
    const fresh = await getBrowser();
    expect(fresh).not.toBe(old);
    expect(browserStats.launches).toBe(before + 1);
  });

  it('leaves signals to the process: opening a browser adds no SIGTERM, SIGINT or SIGHUP handler', async () => {
    const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
    const counts = () => signals.map((signal) => process.listenerCount(signal));
    const before = counts();
    const old = await getBrowser();
    await old.close({ silent: true });
    // A fresh launch, after which a SIGTERM must leave the browser running (the worker drains).
    const fresh = await getBrowser();
    expect(counts()).toEqual(before);
    process.emit('SIGTERM', 'SIGTERM');
    expect(await getBrowser()).toBe(fresh);
  });
});
