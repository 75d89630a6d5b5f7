import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { createOpenJTalkProvider, NIT_ATR503_CREDIT, OPEN_JTALK_DEFAULTS } from './openjtalk.ts';
import { characterPitches, ffprobeDurationSec, makeContext, semitones } from './testing.ts';
import { readWavInfo } from './wav.ts';

const execFileAsync = promisify(execFile);

describe('Open JTalk provider (real open_jtalk)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir('mg-ojt-')));
  afterAll(() => cleanup());

  it('speaks a Japanese sentence into a 48 kHz mono WAV whose length ffprobe confirms', async () => {
    const provider = createOpenJTalkProvider();
    const outPath = join(dir, 'ja.wav');
    const clip = await provider.synthesize(
      {
        text: '今日はとても良い天気ですね。散歩に出かけましょう。',
        speaker: 'narrator',
        language: 'ja',
        outPath,
      },
      makeContext(dir),
    );
    expect(clip.path).toBe(outPath);
    expect(clip.durationSec).toBeGreaterThan(2);
    const info = await readWavInfo(outPath);
    expect(info).toMatchObject({ formatTag: 1, sampleRate: 48_000, channels: 1, bitsPerSample: 16 });
    expect(Math.abs(clip.durationSec - (await ffprobeDurationSec(outPath)))).toBeLessThan(0.01);
  });

  it('says all of a text longer than the ~1 KB Open JTalk reads at once', async () => {
    const provider = createOpenJTalkProvider();
    const ctx = makeContext(dir);
    const sentence = '新しい技術は私たちの暮らしを少しずつ変えています。'; // 25 chars, 75 bytes
    const one = await provider.synthesize(
      { text: sentence, speaker: 'a', language: 'ja', outPath: join(dir, 'one.wav') },
      ctx,
    );
    const long = await provider.synthesize(
      { text: sentence.repeat(16), speaker: 'a', language: 'ja', outPath: join(dir, 'long.wav') }, // 1200 bytes
      ctx,
    );
    // Read in one go, Open JTalk stops after 1 KB: 12.2x one sentence (measured). Split into chunks it says
    // all 16: 14.3x (one sentence alone carries more edge silence than each of 16 in a row).
    const ratio = long.durationSec / one.durationSec;
    expect(ratio).toBeGreaterThan(13.5);
    expect(ratio).toBeLessThan(16);
    expect(Math.abs(long.durationSec - (await ffprobeDurationSec(long.path)))).toBeLessThan(0.01);
  });

  it('copes with emoji and full-width text, and turns an unspeakable narration into a short pause', async () => {
    const provider = createOpenJTalkProvider();
    const ctx = makeContext(dir);
    const emoji = await provider.synthesize(
      { text: 'ＡＩの時代🚀です！', speaker: 'a', language: 'ja', outPath: join(dir, 'emoji.wav') },
      ctx,
    );
    expect(emoji.durationSec).toBeGreaterThan(0.8);
    const silent = await provider.synthesize(
      { text: '🎉🎉', speaker: 'a', language: 'ja', outPath: join(dir, 'silent.wav') },
      ctx,
    );
    expect(silent.durationSec).toBeCloseTo(0.5, 3);
    // Letters Open JTalk has no reading for: it exits 1 ("No phoneme"); the clip becomes a pause.
    const hangul = await provider.synthesize(
      { text: '안녕하세요', speaker: 'a', language: 'ja', outPath: join(dir, 'hangul.wav') },
      ctx,
    );
    expect(hangul.durationSec).toBeCloseTo(0.5, 3);
  });

  it('gives the asker and the explainer voices at least 3 semitones apart; the narrator keeps the plain voice', async () => {
    const provider = createOpenJTalkProvider();
    const ctx = makeContext(dir);
    const text = '今日はとても良い天気ですね。散歩に出かけましょう。';
    const speak = (speaker: string, p = provider) =>
      p.synthesize({ text, speaker, language: 'ja', outPath: join(dir, `voice-${speaker}.wav`) }, ctx);

    const narrator = await speak('narrator');
    // The narrator's clip is byte for byte what open_jtalk makes with no voice options.
    const plainPath = join(dir, 'voice-plain.wav');
    const { dictionaryDir, voicePath } = OPEN_JTALK_DEFAULTS;
    const child = execFileAsync('open_jtalk', ['-x', dictionaryDir, '-m', voicePath, '-ow', plainPath]);
    child.child.stdin!.end(`${text}\n`);
    await child;
    expect(await readFile(narrator.path)).toEqual(await readFile(plainPath));

    const asker = await speak('asker');
    const explainer = await speak('explainer');
    const { hz, apart } = await characterPitches('Open JTalk', {
      narrator: narrator.path,
      asker: asker.path,
      explainer: explainer.path,
    });
    expect(apart).toBeGreaterThanOrEqual(3);
    // Both differ from the narrator too, and the asker speaks faster (-r 1.1).
    expect(semitones(hz.narrator, hz.explainer)).toBeGreaterThan(1);
    expect(asker.durationSec).toBeLessThan(narrator.durationSec * 0.95);

    // A configured voice replaces the default one: an asker with no adjustments is the narrator's voice.
    const plainAsker = await speak('asker', createOpenJTalkProvider({ voices: { asker: {} } }));
    expect(await readFile(plainAsker.path)).toEqual(await readFile(plainPath));
  });

  it('credits the CC BY voice, but not a voice it does not know', async () => {
    const ctx = makeContext(dir);
    expect(await createOpenJTalkProvider().credits(['narrator'], ctx)).toEqual([NIT_ATR503_CREDIT]);
    expect(
      await createOpenJTalkProvider({ voicePath: '/other.htsvoice' }).credits(['narrator'], ctx),
    ).toEqual([]);
    expect(createOpenJTalkProvider().concurrency).toBe(2);
  });

  it('fails with AUDIO_FAILED when the voice file is missing', async () => {
    const provider = createOpenJTalkProvider({ voicePath: join(dir, 'missing.htsvoice') });
    const error = await provider
      .synthesize(
        { text: 'テスト', speaker: 'a', language: 'ja', outPath: join(dir, 'x.wav') },
        makeContext(dir),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe('AUDIO_FAILED');
  });
});

describe('Open JTalk pacing', () => {
  it('says a long sentence at a normal pace (its duration model drags on a long run without a pause)', async () => {
    const { dir, cleanup } = await makeTempDir('mg-ojt-pace-');
    try {
      const clip = await createOpenJTalkProvider().synthesize(
        {
          text: 'かつて北浜は鰊漁で栄え、明治から大正にかけては春になると湾が毎年のように白くなったと伝えられている。',
          speaker: 'narrator',
          language: 'ja',
          outPath: join(dir, 'pace.wav'),
        },
        makeContext(dir),
      );
      // Unpaced, Open JTalk takes 23.8 s for these 49 characters; paced, about 9.6 s.
      expect(await ffprobeDurationSec(clip.path)).toBeLessThan(13);
    } finally {
      await cleanup();
    }
  });
});
