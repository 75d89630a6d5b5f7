import { startTestMongo, type TestMongo } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  averageStageSeconds,
  DEFAULT_STAGE_SECONDS,
  defaultStageSeconds,
  expectedTotalSec,
  overallPercent,
  progressBands,
  recordStageSeconds,
  TIMED_STAGES,
} from './stage-timings.ts';

const key = { size: '720p', vertical: false, renderer: 'fast' };

describe('stage timings on MongoDB', () => {
  let mongo: TestMongo;
  beforeAll(async () => {
    mongo = await startTestMongo();
  });
  afterAll(async () => {
    await mongo.stop();
  });

  it('gives the defaults before any job, then the running average per kind of job', async () => {
    expect(await averageStageSeconds(mongo.db, key)).toEqual(DEFAULT_STAGE_SECONDS);
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
    // Other sizes, orientations and renderers keep their own figures.
    // Other sizes, orientations and renderers keep their own figures (their defaults until measured).
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
    // Nothing shared is changed by scaling.
    defaultStageSeconds({ size: '1080p', vertical: false, renderer: 'full' });
    expect(DEFAULT_STAGE_SECONDS.render).toBe(28);
  });
});

/**
 * The largest gap between the percent shown with `bands` and the elapsed share of a job whose
 * stages really took `real` seconds, each stage reporting its own percent evenly over its time.
 */
function maxDeviation(
  real: Record<(typeof TIMED_STAGES)[number], number>,
  bands: ReturnType<typeof progressBands>,
) {
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
  // `npm run bench:progress`: the Japanese sample at load 1.3 and 6.9, the English article at 3.1.
  const measured = {
    japanese: {
      fetch: 0.02,
      extract: 0.11,
      script: 0.02,
      audio: 3.37,
      slides: 0.67,
      render: 27.61,
      store: 0.2,
    },
    japaneseLoaded: {
      fetch: 0.03,
      extract: 0.2,
      script: 0.02,
      audio: 5.03,
      slides: 0.4,
      render: 36.6,
      store: 0.36,
    },
    english: {
      fetch: 0.03,
      extract: 0.22,
      script: 0.04,
      audio: 0.69,
      slides: 0.29,
      render: 31.16,
      store: 0.1,
    },
  };

  it('shows a percent within 15 points of the elapsed share at every moment', () => {
    const bands = progressBands(DEFAULT_STAGE_SECONDS);
    for (const [name, real] of Object.entries(measured)) {
      expect(maxDeviation(real, bands), name).toBeLessThanOrEqual(15);
    }
  });

  it('fails that with the earlier defaults (speech and slides weighed 4× and 10× too much)', () => {
    const earlier = { fetch: 0.5, extract: 0.3, script: 0.5, audio: 8, slides: 4, render: 30, store: 0.5 };
    expect(maxDeviation(measured.english, progressBands(earlier))).toBeGreaterThan(15);
    expect(maxDeviation(measured.japanese, progressBands(earlier))).toBeGreaterThan(15);
  });

  it('expects a total close to the measured ones, for the ETA before the job’s own pace is known', () => {
    const expected = expectedTotalSec(DEFAULT_STAGE_SECONDS);
    // Within 3 % on a machine at load 1–3; the job at load 6.9 took a third longer.
    expect(Math.abs(expectedTotalSec(measured.japanese) - expected)).toBeLessThan(1);
    expect(Math.abs(expectedTotalSec(measured.english) - expected)).toBeLessThan(1);
    expect(expectedTotalSec(measured.japaneseLoaded) / expected).toBeLessThan(1.35);
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
