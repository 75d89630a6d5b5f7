import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fadeOpacity } from '@movie-generator/remotion/fade';
import { TimelineSchema } from '@movie-generator/remotion/props';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkHolds, ffconcatScript, planFrames } from './frame-plan.ts';

const run = promisify(execFile);
const fixture = TimelineSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/timeline-ja-short.json', import.meta.url), 'utf8')),
);

describe('chunkHolds', () => {
  const holds = [
    { frame: 0, durationInFrames: 1 },
    { frame: 1, durationInFrames: 1 },
    { frame: 2, durationInFrames: 700 },
    { frame: 702, durationInFrames: 300 },
    { frame: 1002, durationInFrames: 400 },
    { frame: 1402, durationInFrames: 5 },
  ];

  it('cuts at hold boundaries once a run reaches the minimum, keeping order and every hold', () => {
    const chunks = chunkHolds(holds, 600);
    expect(chunks.map((c) => c.map((h) => h.frame))).toEqual([[0, 1, 2], [702, 1002], [1402]]);
    expect(chunks.flat()).toEqual(holds);
  });

  it('gives one chunk when the whole video is shorter than the minimum', () => {
    expect(chunkHolds(holds, 10_000)).toEqual([holds]);
    expect(chunkHolds([], 600)).toEqual([]);
  });
});

describe('planFrames', () => {
  it('renders one picture per static span and every frame of animated spans', () => {
    const plan = planFrames({
      durationInFrames: 20,
      spans: [
        { kind: 'animated', startFrame: 0, endFrame: 3 },
        { kind: 'static', startFrame: 3, endFrame: 10 },
        { kind: 'static', startFrame: 10, endFrame: 20 },
      ],
    });
    expect(plan.frames).toEqual([0, 1, 2, 3, 10]);
    expect(plan.holds).toEqual([
      { frame: 0, durationInFrames: 1 },
      { frame: 1, durationInFrames: 1 },
      { frame: 2, durationInFrames: 1 },
      { frame: 3, durationInFrames: 7 },
      { frame: 10, durationInFrames: 10 },
    ]);
  });

  it('covers the sample timeline exactly with one picture per static span', () => {
    const plan = planFrames(fixture);
    const held = plan.holds.reduce((n, h) => n + h.durationInFrames, 0);
    expect(held).toBe(fixture.durationInFrames);
    // 10 static spans; the 2 fades blend pictures drawn anyway.
    expect(plan.frames).toEqual(fixture.spans.map((s) => s.startFrame));
    expect(plan.holds.filter((h) => h.blend)).toHaveLength(2 * 15);
  });

  it('blends each frame of a fade over the picture before it, then holds the new picture', () => {
    const plan = planFrames({
      durationInFrames: 20,
      spans: [
        { kind: 'static', startFrame: 0, endFrame: 5 },
        { kind: 'static', startFrame: 5, endFrame: 8 },
        { kind: 'static', startFrame: 8, endFrame: 20 },
      ],
      fades: [{ startFrame: 5, durationInFrames: 4 }],
    });
    expect(plan.frames).toEqual([0, 5, 8]);
    const opacity = (k: number) => fadeOpacity(k, 4);
    expect(plan.holds).toEqual([
      { frame: 0, durationInFrames: 5 },
      { frame: 5, durationInFrames: 1, blend: { under: 0, opacity: opacity(0) } },
      { frame: 5, durationInFrames: 1, blend: { under: 0, opacity: opacity(1) } },
      { frame: 5, durationInFrames: 1, blend: { under: 0, opacity: opacity(2) } },
      // A cut inside the fade changes the picture on top, not the one underneath.
      { frame: 8, durationInFrames: 1, blend: { under: 0, opacity: opacity(3) } },
      { frame: 8, durationInFrames: 11 },
    ]);
    const opacities = plan.holds.flatMap((h) => (h.blend ? [h.blend.opacity] : []));
    expect(opacities).toEqual([...opacities].sort((a, b) => a - b));
    expect(opacities[0]).toBeGreaterThan(0);
    expect(opacities.at(-1)).toBeLessThan(1);
  });

  it('rejects fades that overlap, start the video or run past its end', () => {
    const spans = [{ kind: 'static' as const, startFrame: 0, endFrame: 20 }];
    const plan = (fades: { startFrame: number; durationInFrames: number }[]) => () =>
      planFrames({ durationInFrames: 20, spans, fades });
    expect(plan([{ startFrame: 0, durationInFrames: 3 }])).toThrow(/overlaps/);
    expect(plan([{ startFrame: 18, durationInFrames: 3 }])).toThrow(/overlaps/);
    expect(
      plan([
        { startFrame: 5, durationInFrames: 3 },
        { startFrame: 7, durationInFrames: 3 },
      ]),
    ).toThrow(/overlaps/);
    expect(plan([{ startFrame: 17, durationInFrames: 3 }])).not.toThrow();
  });

  it('rejects spans with a gap, an overlap or a wrong end', () => {
    const gap = { durationInFrames: 10, spans: [{ kind: 'static' as const, startFrame: 1, endFrame: 10 }] };
    const short = { durationInFrames: 12, spans: [{ kind: 'static' as const, startFrame: 0, endFrame: 10 }] };
    const overlap = {
      durationInFrames: 10,
      spans: [
        { kind: 'static' as const, startFrame: 0, endFrame: 6 },
        { kind: 'static' as const, startFrame: 5, endFrame: 10 },
      ],
    };
    expect(() => planFrames(gap)).toThrow(/continue at 0/);
    expect(() => planFrames(short)).toThrow(/end at 10/);
    expect(() => planFrames(overlap)).toThrow(/continue at 6/);
  });
});

describe('ffconcatScript', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('quotes paths and repeats the last file', () => {
    const script = ffconcatScript([{ frame: 0, durationInFrames: 2 }], 30, () => "it's.png");
    expect(script).toBe(
      "ffconcat version 1.0\nfile 'it'\\''s.png'\noption framerate 30\nduration 66667us\nfile 'it'\\''s.png'\noption framerate 30\n",
    );
  });

  it('makes ffmpeg cut between pictures on exactly the planned frames', async () => {
    const tmp = await makeTempDir('mg-ffconcat-');
    cleanup = tmp.cleanup;
    // Grey levels tell the pictures apart after encoding.
    const greys = { 0: 0x00, 15: 0xff, 16: 0x40, 17: 0x80, 47: 0xc0 } as Record<number, number>;
    for (const [frame, grey] of Object.entries(greys)) {
      const hex = grey.toString(16).padStart(2, '0').repeat(3);
      await run('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        `color=0x${hex}:s=64x36`,
        '-frames:v',
        '1',
        join(tmp.dir, `${frame}.png`),
      ]);
    }
    const holds = [
      { frame: 0, durationInFrames: 15 },
      { frame: 15, durationInFrames: 1 },
      { frame: 16, durationInFrames: 1 },
      { frame: 17, durationInFrames: 30 },
      { frame: 47, durationInFrames: 13 },
    ];
    const list = join(tmp.dir, 'list.ffconcat');
    await writeFile(
      list,
      ffconcatScript(holds, 30, (h) => `${h.frame}.png`),
    );
    const out = join(tmp.dir, 'out.mkv');
    await run('ffmpeg', [
      '-v',
      'error',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      '-vf',
      'fps=30,format=gray',
      '-frames:v',
      '60',
      '-c:v',
      'ffv1',
      out,
    ]);
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-f',
      'lavfi',
      `movie=${out},signalstats`,
      '-show_entries',
      'frame_tags=lavfi.signalstats.YAVG',
      '-of',
      'csv=p=0',
    ]);
    const levels = stdout
      .trim()
      .split('\n')
      .map((line) => Math.round(Number(line)));
    const expected = holds.flatMap((h) => Array<number>(h.durationInFrames).fill(greys[h.frame]!));
    expect(levels).toEqual(expected);
  });
});
