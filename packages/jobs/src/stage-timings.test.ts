import { startTestMongo, type TestMongo } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  averageStageSeconds,
  DEFAULT_STAGE_SECONDS,
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
    // A narration's figures are those of a job without a style (the key is unchanged).
    expect(await averageStageSeconds(mongo.db, { ...key, style: 'narration' })).toMatchObject({ audio: 15 });
    // Other sizes, orientations, renderers and a dialogue keep their own figures.
    expect(await averageStageSeconds(mongo.db, { ...key, size: '1080p' })).toEqual(DEFAULT_STAGE_SECONDS);
    expect(await averageStageSeconds(mongo.db, { ...key, vertical: true })).toEqual(DEFAULT_STAGE_SECONDS);
    expect(await averageStageSeconds(mongo.db, { ...key, renderer: 'full' })).toEqual(DEFAULT_STAGE_SECONDS);
    expect(await averageStageSeconds(mongo.db, { ...key, style: 'dialogue' })).toEqual(DEFAULT_STAGE_SECONDS);
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
