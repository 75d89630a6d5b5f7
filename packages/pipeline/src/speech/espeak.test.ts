import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { createEspeakProvider } from './espeak.ts';
import { characterPitches, ffprobeDurationSec, makeContext, medianPitchHz, semitones } from './testing.ts';
import { readWavInfo } from './wav.ts';

describe('espeak-ng provider (real espeak-ng)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir('mg-espeak-')));
  afterAll(() => cleanup());

  it('speaks an English sentence into a 22.05 kHz mono WAV whose length ffprobe confirms', async () => {
    const outPath = join(dir, 'en.wav');
    const clip = await createEspeakProvider().synthesize(
      { text: 'The quick brown fox jumps over the lazy dog.', speaker: 'narrator', language: 'en', outPath },
      makeContext(dir),
    );
    expect(clip.durationSec).toBeGreaterThan(1.5);
    expect(await readWavInfo(outPath)).toMatchObject({ formatTag: 1, sampleRate: 22_050, channels: 1 });
    expect(Math.abs(clip.durationSec - (await ffprobeDurationSec(outPath)))).toBeLessThan(0.01);
  });

  it('reads text that looks like options, and speaks slower at a lower rate', async () => {
    const ctx = makeContext(dir);
    const text = '--help -w nothing: this must be spoken, not parsed.';
    const fast = await createEspeakProvider({ wordsPerMinute: 260 }).synthesize(
      { text, speaker: 'a', language: 'en', outPath: join(dir, 'fast.wav') },
      ctx,
    );
    const slow = await createEspeakProvider({ wordsPerMinute: 130 }).synthesize(
      { text, speaker: 'a', language: 'en', outPath: join(dir, 'slow.wav') },
      ctx,
    );
    expect(fast.durationSec).toBeGreaterThan(1);
    expect(slow.durationSec).toBeGreaterThan(fast.durationSec * 1.5);
  });

  it('gives the asker and the explainer variants at least 3 semitones apart; the narrator keeps en-us', async () => {
    const ctx = makeContext(dir);
    const text = 'The quick brown fox jumps over the lazy dog. Let us take a walk in the park today.';
    const speak = (speaker: string, options = {}) =>
      createEspeakProvider(options).synthesize(
        {
          text,
          speaker,
          language: 'en',
          outPath: join(dir, `voice-${speaker}-${JSON.stringify(options)}.wav`),
        },
        ctx,
      );
    const narrator = await speak('narrator');
    // The narrator is what the plain voice says, as any speaker without a voice of its own.
    expect(await readFile(narrator.path)).toEqual(await readFile((await speak('someone')).path));
    const asker = await speak('asker');
    const explainer = await speak('explainer');
    const { hz, apart } = await characterPitches('espeak-ng', {
      narrator: narrator.path,
      asker: asker.path,
      explainer: explainer.path,
    });
    expect(apart).toBeGreaterThanOrEqual(3);
    expect(semitones(hz.narrator, hz.explainer)).toBeGreaterThan(3);

    // Configured voices replace the defaults: an explainer on en-us+m3 speaks at a man's pitch.
    const m3 = await speak('explainer', { voices: { explainer: { variant: 'm3' } } });
    expect(Math.abs(semitones(hz.narrator, await medianPitchHz(m3.path)))).toBeLessThan(2);
    expect(await readFile(m3.path)).not.toEqual(await readFile(narrator.path));
  });

  it('turns an unspeakable narration into a short pause and credits nothing', async () => {
    const provider = createEspeakProvider();
    const ctx = makeContext(dir);
    const clip = await provider.synthesize(
      { text: '🎉 ***', speaker: 'a', language: 'en', outPath: join(dir, 'silent.wav') },
      ctx,
    );
    expect(clip.durationSec).toBeCloseTo(0.5, 3);
    expect(await provider.credits(['a'], ctx)).toEqual([]);
  });

  it.each([
    ['is missing', join('/nonexistent', 'espeak-ng'), /ENOENT/],
    ['exits 0 without writing audio', 'true', /wrote no audio/],
  ])('fails with AUDIO_FAILED when the engine %s', async (_case, binary, detail) => {
    const error = await createEspeakProvider({ binary })
      .synthesize(
        { text: 'Hello.', speaker: 'a', language: 'en', outPath: join(dir, 'x.wav') },
        makeContext(dir),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe('AUDIO_FAILED');
    expect((error as PipelineError).detail).toMatch(detail);
  });
});
