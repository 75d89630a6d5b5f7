import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ffprobe, makeTempDir, makeTone } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { buildMixArgs, buildMixPlan, mixNarration } from './mix.ts';
import { makeContext } from './testing.ts';
import type { SpeechClip } from './types.ts';
import { readWavInfo } from './wav.ts';

const execFileAsync = promisify(execFile);

/** What ffmpeg logs while running the audio filter chain `filter` over the file (and discarding the output). */
async function audioFilterLog(path: string, filter: string): Promise<string> {
  const { stderr } = await execFileAsync('ffmpeg', [
    '-v',
    'info',
    '-nostdin',
    '-i',
    path,
    '-af',
    filter,
    '-f',
    'null',
    '-',
  ]);
  return stderr;
}

/** Silent intervals [start, end] found by ffmpeg's silencedetect (a trailing one ends at `totalSec`). */
async function silences(path: string, totalSec: number): Promise<[number, number][]> {
  const stderr = await audioFilterLog(path, 'silencedetect=n=-60dB:d=0.05');
  const starts = [...stderr.matchAll(/silence_start: ([\d.]+)/g)].map((m) => Number(m[1]));
  const ends = [...stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]));
  return starts.map((start, i) => [start, ends[i] ?? totalSec]);
}

/** Per-channel RMS level (dB) of [startSec, startSec + durationSec), via astats. */
async function rmsLevels(path: string, startSec: number, durationSec: number): Promise<number[]> {
  const stderr = await audioFilterLog(
    path,
    `atrim=start=${startSec}:duration=${durationSec},astats=measure_overall=none`,
  );
  return [...stderr.matchAll(/RMS level dB: (-?[\d.]+)/g)].map((m) => Number(m[1]));
}

const clip = (path: string, durationSec: number): SpeechClip => ({ path, durationSec });

describe('buildMixPlan', () => {
  const clips = [clip('/a.wav', 0.5), clip('/b.wav', 0.3)];
  const segmentLengths = (filter: string) =>
    [...filter.matchAll(/(?:atrim=end_sample=(\d+)(?:,apad=whole_len=\d+)?)/g)].map((m) => Number(m[1]));

  it('lays out leading silence, then each clip padded to the next start, in start order', () => {
    const plan = buildMixPlan(
      clips,
      [
        { clipIndex: 1, startSec: 1.5 },
        { clipIndex: 0, startSec: 0.25 },
      ],
      2,
    );
    expect(plan.totalSamples).toBe(96_000);
    expect(plan.inputs).toEqual(['/a.wav', '/b.wav']);
    expect(plan.filter).toContain('anullsrc=r=48000:cl=stereo,atrim=end_sample=12000[s0]');
    expect(plan.filter).toContain('[0:a]aresample=48000,');
    expect(plan.filter).toContain('channel_layouts=stereo,atrim=end_sample=60000,apad=whole_len=60000[c0]');
    expect(plan.filter).toContain('[1:a]aresample=48000,');
    expect(plan.filter).toContain('atrim=end_sample=24000,apad=whole_len=24000[c1]');
    expect(plan.filter).toMatch(/\[s0\]\[c0\]\[c1\]concat=n=3:v=0:a=1\[mix\]$/);
    expect(segmentLengths(plan.filter).reduce((a, b) => a + b, 0)).toBe(plan.totalSamples);
  });

  it('has no leading silence for a clip at 0, and cuts a clip that runs into the next one', () => {
    const plan = buildMixPlan(
      clips,
      [
        { clipIndex: 0, startSec: 0 },
        { clipIndex: 1, startSec: 0.3 },
      ],
      1,
    );
    expect(plan.filter).not.toContain('anullsrc');
    expect(segmentLengths(plan.filter)).toEqual([14_400, 33_600]);
  });

  it('drops clips that start at the very end or at the same time as another', () => {
    const plan = buildMixPlan(
      clips,
      [
        { clipIndex: 0, startSec: 0.5 },
        { clipIndex: 1, startSec: 0.5 },
        { clipIndex: 1, startSec: 9 },
      ],
      1,
    );
    expect(plan.inputs).toHaveLength(1);
    expect(segmentLengths(plan.filter)).toEqual([24_000, 24_000]);
  });

  it('is all silence without clips, and refuses bad input', () => {
    const plan = buildMixPlan([], [], 3);
    expect(plan.inputs).toEqual([]);
    expect(plan.filter).toBe(
      'anullsrc=r=48000:cl=stereo,atrim=end_sample=144000[s0];\n[s0]concat=n=1:v=0:a=1[mix]',
    );
    expect(() => buildMixPlan(clips, [{ clipIndex: 5, startSec: 0 }], 1)).toThrow(/missing clip 5/);
    expect(() => buildMixPlan(clips, [{ clipIndex: 0, startSec: -1 }], 1)).toThrow(/invalid start/);
    expect(() => buildMixPlan(clips, [], 0)).toThrow(/invalid total/);
  });

  it('copies mono clips to both channels with pan, and lets ffmpeg convert other layouts', () => {
    const plan = buildMixPlan(
      [
        { ...clips[0]!, channels: 1 },
        { ...clips[1]!, channels: 2 },
      ],
      [
        { clipIndex: 0, startSec: 0 },
        { clipIndex: 1, startSec: 0.5 },
      ],
      1,
    );
    expect(plan.filter).toContain(
      '[0:a]aresample=48000,aformat=sample_fmts=s16:sample_rates=48000:channel_layouts=mono,pan=stereo|c0=c0|c1=c0,atrim',
    );
    expect(plan.filter).toContain(
      '[1:a]aresample=48000,aformat=sample_fmts=s16:sample_rates=48000:channel_layouts=stereo,atrim',
    );
  });

  it('passes the graph as a script file and every clip as an input', () => {
    const plan = buildMixPlan(clips, [{ clipIndex: 0, startSec: 0 }], 1);
    const args = buildMixArgs(plan, '/tmp/f.txt', '/tmp/out.wav');
    expect(args).toEqual(expect.arrayContaining(['-filter_complex_script', '/tmp/f.txt', '-map', '[mix]']));
    expect(args.slice(args.indexOf('-i'), args.indexOf('-i') + 2)).toEqual(['-i', '/a.wav']);
    expect(args.at(-1)).toBe('/tmp/out.wav');
    expect(args).toEqual(expect.arrayContaining(['-c:a', 'pcm_s16le']));
  });
});

describe('mixNarration (real ffmpeg)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let clips: SpeechClip[];
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('mg-mix-'));
    // Different rates and layouts, as different engines write them.
    const specs = [
      { sec: 0.5, sampleRate: 24_000, channels: 1 },
      { sec: 0.3, sampleRate: 48_000, channels: 1 },
      { sec: 0.7, sampleRate: 22_050, channels: 2 },
    ];
    clips = [];
    for (const [i, spec] of specs.entries()) {
      const path = join(dir, `clip${i}.wav`);
      await makeTone(path, { ...spec, frequency: 440 + 220 * i });
      clips.push(clip(path, spec.sec));
    }
  });
  afterAll(() => cleanup());

  it('puts each clip at its start, silence elsewhere, exactly totalSec of 48 kHz stereo PCM', async () => {
    const outPath = join(dir, 'narration.wav');
    const ctx = makeContext(dir);
    const result = await mixNarration(
      clips,
      [
        { clipIndex: 2, startSec: 2.5 },
        { clipIndex: 0, startSec: 0.2 },
        { clipIndex: 1, startSec: 1.5 },
      ],
      4,
      outPath,
      ctx,
    );
    expect(result).toBe(outPath);
    const probe = await ffprobe(outPath);
    expect(probe.streams[0]).toMatchObject({ codec_name: 'pcm_s16le', sample_rate: '48000', channels: 2 });
    expect(Math.abs(Number(probe.format.duration) - 4)).toBeLessThan(0.02);
    expect((await readWavInfo(outPath)).dataSize).toBe(4 * 48_000 * 4); // to the sample

    const expected: [number, number][] = [
      [0, 0.2],
      [0.7, 1.5],
      [1.8, 2.5],
      [3.2, 4],
    ];
    const found = await silences(outPath, 4);
    expect(found).toHaveLength(expected.length);
    found.forEach(([start, end], i) => {
      expect(Math.abs(start - expected[i]![0])).toBeLessThan(0.02);
      expect(Math.abs(end - expected[i]![1])).toBeLessThan(0.02);
    });
    // Mono and stereo clips keep their level on both channels.
    for (const [i, startSec] of [
      [0, 0.2],
      [2, 2.5],
    ] as const) {
      const source = await rmsLevels(clips[i]!.path, 0, clips[i]!.durationSec);
      const mixed = await rmsLevels(outPath, startSec, clips[i]!.durationSec);
      expect(mixed).toHaveLength(2);
      for (const level of mixed) expect(Math.abs(level - source[0]!)).toBeLessThan(0.2);
    }
    // The filter script is cleaned up.
    await expect(access(`${outPath}.filter.txt`)).rejects.toThrow();
  });

  it('handles ~150 clips without drift (the graph goes through a script file)', async () => {
    const outPath = join(dir, 'many.wav');
    const placements = Array.from({ length: 150 }, (_, i) => ({ clipIndex: 1, startSec: i * 0.4 + 0.05 }));
    await mixNarration(clips, placements, 60, outPath, makeContext(dir));
    expect((await readWavInfo(outPath)).durationSec).toBe(60);
    const found = await silences(outPath, 60);
    expect(found).toHaveLength(151);
    // The last clip (0.3 s) starts at 59.65 s: silence from 59.95 s to the end.
    expect(Math.abs(found.at(-1)![0] - 59.95)).toBeLessThan(0.02);
  });

  it('writes pure silence when there are no clips', async () => {
    const outPath = join(dir, 'silent.wav');
    await mixNarration([], [], 1.5, outPath, makeContext(dir));
    expect((await readWavInfo(outPath)).durationSec).toBe(1.5);
    expect(await silences(outPath, 1.5)).toEqual([[0, 1.5]]);
  });

  it('fails with AUDIO_FAILED for a missing clip file, and CANCELLED when aborted', async () => {
    const missing = [clip(join(dir, 'nope.wav'), 1)];
    await expect(
      mixNarration(missing, [{ clipIndex: 0, startSec: 0 }], 2, join(dir, 'x.wav'), makeContext(dir)),
    ).rejects.toMatchObject({ code: 'AUDIO_FAILED' });
    await expect(
      mixNarration(clips, [{ clipIndex: 7, startSec: 0 }], 2, join(dir, 'y.wav'), makeContext(dir)),
    ).rejects.toBeInstanceOf(PipelineError);
    const ctx = makeContext(dir);
    ctx.controller.abort();
    await expect(mixNarration(clips, [], 2, join(dir, 'z.wav'), ctx)).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});
