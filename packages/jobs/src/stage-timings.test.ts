import { useTestMongo } from '@movie-generator/test-helpers';
import { describe, expect, it } from 'vitest';
import {
  averageStageSeconds,
  DEFAULT_AUDIO_SECONDS,
  DEFAULT_STAGE_SECONDS,
  defaultStageSeconds,
  expectedTotalSec,
  measuredStageSeconds,
  overallPercent,
  progressBands,
  recordStageSeconds,
  type StageSeconds,
  TIMED_STAGES,
} from './stage-timings.ts';

const key = { size: '720p', vertical: false, renderer: 'fast' };

describe('stage timings on MongoDB', () => {
  const mongo = useTestMongo({ emptyBeforeEach: false });

  it('gives the defaults before any job, then the running average per kind of job', async () => {
    expect(await averageStageSeconds(mongo.db, key)).toEqual(DEFAULT_STAGE_SECONDS);
    expect(await measuredStageSeconds(mongo.db, key)).toBeNull();
    // Before any job the narration language sets the speech time (eSpeak is ~5× faster).
    expect(await averageStageSeconds(mongo.db, key, 'en')).toEqual({ ...DEFAULT_STAGE_SECONDS, audio: 0.8 });
    // Two workers finishing at once: both count (one atomic update each).
    await Promise.all([
      recordStageSeconds(mongo.db, key, {
        fetch: 1,
        extract: 1,
        script: 1,
        audio: 10,
        slides: 2,
        render: 20,
        store: 1,
      }),
      recordStageSeconds(mongo.db, key, {
        fetch: 3,
        extract: 1,
        script: 1,
        audio: 20,
        slides: 4,
        render: 40,
        store: 1,
      }),
    ]);
    expect(await averageStageSeconds(mongo.db, key)).toEqual({
      fetch: 2,
      extract: 1,
      script: 1,
      audio: 15,
      slides: 3,
      render: 30,
      store: 1,
    });
    // Once measured, the measurement stands whatever the language.
    expect(await averageStageSeconds(mongo.db, key, 'en')).toEqual(await measuredStageSeconds(mongo.db, key));
    // A narration's figures are those of a job without a style (the key is unchanged).
    expect(await averageStageSeconds(mongo.db, { ...key, style: 'narration' })).toMatchObject({ audio: 15 });
    // Other sizes, orientations, renderers and a dialogue keep their own figures (their defaults until measured).
    expect(await averageStageSeconds(mongo.db, { ...key, style: 'dialogue' })).toEqual(DEFAULT_STAGE_SECONDS);
    const big = { ...key, size: '1080p' };
    expect(await averageStageSeconds(mongo.db, big)).toEqual(defaultStageSeconds(big));
    expect(await averageStageSeconds(mongo.db, { ...key, vertical: true })).toEqual(DEFAULT_STAGE_SECONDS);
    const full = { ...key, renderer: 'full' };
    expect(await averageStageSeconds(mongo.db, full)).toEqual(defaultStageSeconds(full));
  });

  it('scales the defaults where only the render (and the file to store) grows', () => {
    const big = defaultStageSeconds({ ...key, size: '1080p' });
    expect(big.render).toBeCloseTo(DEFAULT_STAGE_SECONDS.render * 1.8);
    expect(big.store).toBeCloseTo(DEFAULT_STAGE_SECONDS.store * 2);
    expect(big.audio).toBe(DEFAULT_STAGE_SECONDS.audio);
    const full = defaultStageSeconds({ ...key, renderer: 'full' });
    expect(full.render).toBeCloseTo(DEFAULT_STAGE_SECONDS.render * 18);
    expect(full.script).toBe(DEFAULT_STAGE_SECONDS.script);
    expect(defaultStageSeconds({ ...key, vertical: true })).toEqual(DEFAULT_STAGE_SECONDS);
    expect(defaultStageSeconds(key)).toEqual(DEFAULT_STAGE_SECONDS);
    expect(defaultStageSeconds(key, 'ja')).toEqual(DEFAULT_STAGE_SECONDS);
    expect(defaultStageSeconds({ ...key, size: '1080p' }, 'en').audio).toBe(DEFAULT_AUDIO_SECONDS.en);
    // Nothing shared is changed by scaling.
    defaultStageSeconds({ size: '1080p', vertical: false, renderer: 'full' });
    expect(DEFAULT_STAGE_SECONDS.render).toBe(28);
  });
});

/**
 * The largest gap between the percent shown with `bands` and the elapsed share of a job whose
 * stages really took `real` seconds, each stage reporting its own percent evenly over its time.
 */
function maxDeviation(real: StageSeconds, bands: ReturnType<typeof progressBands>) {
  const total = expectedTotalSec(real);
  let worst = 0;
  let start = 0;
  for (const stage of TIMED_STAGES) {
    for (let i = 0; i <= 100; i++) {
      const elapsed = start + (real[stage] * i) / 100;
      worst = Math.max(worst, Math.abs(overallPercent(bands, stage, i) - (100 * elapsed) / total));
    }
    start += real[stage];
  }
  return worst;
}

describe('the first job, before anything was measured', () => {
  // First jobs of a fresh install through the worker (720p, fast renderer, offline voices), from
  // `npm run bench:progress`: stage seconds of the Japanese sample and the English article, on a
  // quiet machine and on a busy one (load average before the job), and at 1080p.
  /** Seconds of fetch, extract, script, audio, slides, render, store. */
  const stages = (...seconds: number[]) =>
    Object.fromEntries(TIMED_STAGES.map((stage, i) => [stage, seconds[i]!])) as StageSeconds;
  const measured = {
    ja: {
      'load 1.3': stages(0.02, 0.11, 0.02, 3.37, 0.67, 27.61, 0.2),
      'load 10': stages(0.08, 0.6, 0.14, 16.1, 0.38, 52.97, 1.41),
      'load 11.5': stages(0.08, 1.28, 0.35, 25.39, 1.22, 66.81, 0.29),
      '1080p, load 6': stages(0.04, 0.43, 0.03, 11.26, 0.7, 64.03, 0.65),
    },
    en: {
      'load 3.1': stages(0.03, 0.22, 0.04, 0.69, 0.29, 31.16, 0.1),
      'load 8.3': stages(0.04, 0.97, 0.17, 2.6, 0.99, 59.52, 0.42),
      'load 11': stages(0.05, 0.67, 0.06, 1.32, 0.55, 45.51, 0.86),
    },
  };
  const size = (name: string) => (name.startsWith('1080p') ? '1080p' : '720p');

  it('shows a percent within 12 points of the elapsed share at every moment (the goal is 15)', () => {
    for (const language of ['ja', 'en'] as const) {
      for (const [name, real] of Object.entries(measured[language])) {
        const bands = progressBands(defaultStageSeconds({ ...key, size: size(name) }, language));
        expect(maxDeviation(real, bands), `${language}, ${name}`).toBeLessThanOrEqual(12);
      }
    }
  });

  it('fails that with the earlier defaults (speech and slides weighed up to 10× too much)', () => {
    const earlier = progressBands({
      fetch: 0.5,
      extract: 0.3,
      script: 0.5,
      audio: 8,
      slides: 4,
      render: 30,
      store: 0.5,
    });
    expect(maxDeviation(measured.ja['load 1.3'], earlier)).toBeGreaterThan(15);
    expect(maxDeviation(measured.en['load 3.1'], earlier)).toBeGreaterThan(15);
  });

  it('fails it without the language: Japanese speech weighed for an English job', () => {
    expect(maxDeviation(measured.en['load 3.1'], progressBands(DEFAULT_STAGE_SECONDS))).toBeGreaterThan(
      maxDeviation(measured.en['load 3.1'], progressBands(defaultStageSeconds(key, 'en'))) + 5,
    );
  });

  it('expects a total close to a quiet machine’s, for the ETA before the job’s own pace is known', () => {
    // A busy machine takes longer (up to 2× at load 10); the ETA follows the job's pace then.
    const ja = expectedTotalSec(DEFAULT_STAGE_SECONDS);
    expect(Math.abs(expectedTotalSec(measured.ja['load 1.3']) - ja) / ja).toBeLessThan(0.1);
    const en = expectedTotalSec(defaultStageSeconds(key, 'en'));
    expect(Math.abs(expectedTotalSec(measured.en['load 3.1']) - en) / en).toBeLessThan(0.1);
    const big = expectedTotalSec(defaultStageSeconds({ ...key, size: '1080p' }, 'ja'));
    expect(expectedTotalSec(measured.ja['1080p, load 6']) / big).toBeLessThan(1.5);
  });
});

describe('progress bands', () => {
  const seconds = { fetch: 1, extract: 1, script: 2, audio: 16, slides: 4, render: 24, store: 2 };
  const bands = progressBands(seconds);

  it('gives each stage its share of the time, in order, from 0 to 100', () => {
    expect(bands.fetch[0]).toBe(0);
    expect(bands.store[1]).toBe(100);
    for (let i = 1; i < TIMED_STAGES.length; i++) {
      expect(bands[TIMED_STAGES[i]!][0]).toBeCloseTo(bands[TIMED_STAGES[i - 1]!][1]);
    }
    expect(bands.audio[1] - bands.audio[0]).toBeCloseTo(32);
    expect(bands.render[1] - bands.render[0]).toBeCloseTo(48);
    expect(expectedTotalSec(seconds)).toBe(50);
  });

  it('maps a stage’s own percent into its band, so the percent tracks elapsed time', () => {
    // Halfway through rendering, 1 + 1 + 2 + 16 + 4 + 12 = 36 s of 50 s have passed: 72 %.
    expect(overallPercent(bands, 'render', 50)).toBeCloseTo(72);
    expect(overallPercent(bands, 'audio', 0)).toBeCloseTo(8);
    expect(overallPercent(bands, 'render', 150)).toBeCloseTo(bands.render[1]);
  });
});
