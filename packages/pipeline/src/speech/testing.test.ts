import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir, makeTone } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { medianPitchHz, semitones } from './testing.ts';

const execFileAsync = promisify(execFile);

describe('medianPitchHz (the pitch measure of the voice tests)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir('mg-pitch-')));
  afterAll(() => cleanup());

  it('finds the pitch of a sine and of a sawtooth (all harmonics: no octave error) at 48 and 22.05 kHz', async () => {
    const sine = join(dir, 'sine.wav');
    await makeTone(sine, { sec: 1, sampleRate: 48_000, frequency: 220 });
    expect(Math.abs(semitones(220, await medianPitchHz(sine)))).toBeLessThan(0.2);

    const sawtooth = join(dir, 'saw.wav');
    await execFileAsync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      "aevalsrc='0.4*(2*mod(130*t,1)-1)':s=22050:d=1",
      '-c:a',
      'pcm_s16le',
      sawtooth,
    ]);
    const measured = await medianPitchHz(sawtooth);
    expect(Math.abs(semitones(130, measured))).toBeLessThan(0.3);
  });

  it('says so when there is no voiced sound', async () => {
    const silence = join(dir, 'silence.wav');
    await execFileAsync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'anoisesrc=d=1:r=22050:a=0.3',
      '-c:a',
      'pcm_s16le',
      silence,
    ]);
    await expect(medianPitchHz(silence)).rejects.toThrow(/no voiced frames/);
  });
});
