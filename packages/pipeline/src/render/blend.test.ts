import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBlends } from './blend.ts';

const run = promisify(execFile);

/** A full-range JPEG of one grey level, as Chromium's stills decode (yuvj420p). */
async function greyJpeg(path: string, grey: number): Promise<string> {
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
    '-pix_fmt',
    'yuvj420p',
    '-q:v',
    '2',
    path,
  ]);
  return path;
}

/** Mean luma (0–255) of an image, and its pixel format. */
async function probe(path: string): Promise<{ luma: number; pixFmt: string }> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-f',
    'lavfi',
    `movie=${path},signalstats`,
    '-show_entries',
    'frame_tags=lavfi.signalstats.YAVG:frame=pix_fmt',
    '-of',
    'csv=p=0',
  ]);
  const [pixFmt, luma] = stdout.trim().split(',');
  return { luma: Number(luma), pixFmt: pixFmt! };
}

describe('writeBlends', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('writes opacity × over + (1 − opacity) × under for each blend, in one run', async () => {
    const tmp = await makeTempDir('mg-blend-');
    cleanup = tmp.cleanup;
    const dark = await greyJpeg(join(tmp.dir, 'dark.jpeg'), 0x20);
    const light = await greyJpeg(join(tmp.dir, 'light.jpeg'), 0xe0);
    const opacities = [0.1, 0.5, 0.9];
    const outs = opacities.map((_, i) => join(tmp.dir, `b${i}.jpeg`));
    await writeBlends(
      [
        ...opacities.map((opacity, i) => ({ under: dark, over: light, opacity, out: outs[i]! })),
        // The same stills again, the other way round.
        { under: light, over: dark, opacity: 0.25, out: join(tmp.dir, 'back.jpeg') },
      ],
      { signal: new AbortController().signal, workDir: tmp.dir },
    );
    for (const [i, opacity] of opacities.entries()) {
      const { luma, pixFmt } = await probe(outs[i]!);
      expect(pixFmt).toBe('yuvj420p');
      expect(luma).toBeCloseTo(0x20 + opacity * (0xe0 - 0x20), -0.5);
    }
    expect((await probe(join(tmp.dir, 'back.jpeg'))).luma).toBeCloseTo(0xe0 - 0.25 * (0xe0 - 0x20), -0.5);
  });
});
