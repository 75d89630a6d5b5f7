import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { holdPictures, nalUnits } from './h264-holds.ts';

const run = promisify(execFile);

/** x264 as the fast renderer runs it, on `count` changing pictures, one frame each. */
async function encodePictures(dir: string, count: number, keyframes: string): Promise<Uint8Array> {
  const out = join(dir, 'pictures.h264');
  await run('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=320x180:r=30',
    '-frames:v',
    String(count),
    '-vf',
    'format=yuv420p',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'stillimage',
    '-crf',
    '20',
    '-force_key_frames',
    keyframes,
    '-forced-idr',
    '1',
    '-f',
    'h264',
    out,
  ]);
  return readFile(out);
}

/** MD5 of each decoded frame, decoding strictly (any error or warning fails). */
async function frameHashes(input: string[]): Promise<string[]> {
  const { stdout, stderr } = await run('ffmpeg', [
    '-v',
    'warning',
    '-err_detect',
    'crccheck+bitstream+buffer+explode',
    '-xerror',
    ...input,
    '-map',
    '0:v:0',
    '-f',
    'framemd5',
    '-',
  ]);
  expect(stderr).toBe('');
  return stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').at(-1)!.trim());
}

describe('holdPictures', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('shows each picture for its frames, exactly, in a stream that decodes without a warning', async () => {
    const tmp = await makeTempDir('mg-h264-');
    cleanup = tmp.cleanup;
    // Long holds wrap frame_num (16 values here), 1-frame ones follow each other, and an IDR
    // in the middle restarts the numbering.
    const holds = [40, 1, 1, 3, 17, 1, 2, 33];
    const pictures = await encodePictures(tmp.dir, holds.length, '0,0.15');
    const held = holdPictures(pictures, holds);
    await writeFile(join(tmp.dir, 'pictures.h264'), pictures);
    await writeFile(join(tmp.dir, 'held.h264'), held);
    const own = await frameHashes(['-i', join(tmp.dir, 'pictures.h264')]);
    expect(own).toHaveLength(holds.length);
    expect(new Set(own).size).toBe(holds.length);
    const shown = await frameHashes(['-f', 'h264', '-framerate', '30', '-i', join(tmp.dir, 'held.h264')]);
    expect(shown).toEqual(holds.flatMap((n, i) => Array<string>(n).fill(own[i]!)));
    // A skipped frame is a dozen bytes: the pictures cost what they did.
    const skipped = holds.reduce((a, b) => a + b, 0) - holds.length;
    expect(held.length - pictures.length).toBeLessThan(16 * skipped);
    expect(nalUnits(held).length).toBe(nalUnits(pictures).length + skipped);
  });

  it('muxes into an MP4 at a constant 30 frames per second', async () => {
    const tmp = await makeTempDir('mg-h264-');
    cleanup = tmp.cleanup;
    const holds = [45, 15, 30];
    await writeFile(join(tmp.dir, 'held.h264'), holdPictures(await encodePictures(tmp.dir, 3, '0'), holds));
    const mp4 = join(tmp.dir, 'held.mp4');
    // The raw stream's timestamps are in 1/1200000 s: the MP4 track counts in 1/15360 s (as
    // x264 in MP4 does at 30 fps), where every frame lasts exactly 512.
    await run('ffmpeg', [
      '-v',
      'error',
      '-f',
      'h264',
      '-framerate',
      '30',
      '-i',
      join(tmp.dir, 'held.h264'),
      '-c',
      'copy',
      '-video_track_timescale',
      '15360',
      mp4,
    ]);
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_frames',
      '-show_entries',
      'stream=r_frame_rate,avg_frame_rate,nb_read_frames,duration',
      '-of',
      'csv=p=0',
      mp4,
    ]);
    expect(stdout.trim()).toBe('30/1,30/1,3.000000,90');
  });

  it('refuses a stream with fewer or more pictures than holds', async () => {
    const tmp = await makeTempDir('mg-h264-');
    cleanup = tmp.cleanup;
    const pictures = await encodePictures(tmp.dir, 3, '0');
    expect(() => holdPictures(pictures, [5, 5])).toThrow(/3 pictures for 2 holds|no hold/);
    expect(() => holdPictures(pictures, [5, 5, 5, 5])).toThrow(/3 pictures for 4 holds/);
  });
});
