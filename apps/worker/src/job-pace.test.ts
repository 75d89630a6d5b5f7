import {
  createJobIntake,
  createJobRuns,
  DEFAULT_AUDIO_SECONDS,
  defaultStageSeconds,
  expectedTotalSec,
  type JobIntake,
  type JobRuns,
  jobCollections,
  prepareJobCollections,
  progressBands,
  recordStageSeconds,
} from '@movie-generator/jobs';
import { type Language, type Script, silentLogger, type VideoSize } from '@movie-generator/pipeline';
import { useTestMongo, waitUntil } from '@movie-generator/test-helpers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobPace } from './job-pace.ts';
import { SERVER_JOBS } from './test-support/harness.ts';

const key = { size: '720p', vertical: false, renderer: 'fast' };
const config = { workerId: 'w-pace', pipeline: { render: { renderer: 'fast' as const } } };
const rounded = (sec: number) => Math.round(sec * 10) / 10;

describe('JobPace on MongoDB', () => {
  const mongo = useTestMongo({ emptyBeforeEach: false });
  let store: JobIntake;
  let runs: JobRuns;
  let n = 0;

  beforeAll(async () => {
    const c = jobCollections(mongo.db);
    await prepareJobCollections(c, SERVER_JOBS);
    store = createJobIntake(c, SERVER_JOBS);
    runs = createJobRuns(c, SERVER_JOBS);
  });
  beforeEach(async () => {
    await mongo.db.collection('stage_timings').deleteMany({});
  });

  /** A job as the server creates it, taken by this worker, and its pace loaded. */
  async function paceFor(options: { language?: Language; size?: VideoSize } = {}) {
    n += 1;
    const { id } = await store.create(
      {
        url: `https://example.com/${n}`,
        size: options.size ?? '720p',
        vertical: false,
        language: options.language,
      },
      `192.0.2.${n}`,
      async () => {},
    );
    const pace = new JobPace((await runs.start(id, config.workerId))!, runs, config, silentLogger);
    await pace.load();
    return { id, pace };
  }
  const script = (language: 'ja' | 'en') => ({ title: 'A title', language }) as Script;
  const expectedOf = async (id: string) => (await store.find(id))?.expectedSec;

  it('weighs a fresh install’s first job by the defaults, and the speech by the script’s language', async () => {
    const { id, pace } = await paceFor();
    const ja = defaultStageSeconds(key);
    expect(await expectedOf(id)).toBe(rounded(expectedTotalSec(ja)));
    expect(pace.percent('render', 0)).toBeCloseTo(progressBands(ja).render[0]);

    // The script says English: eSpeak's speech time, before the speech starts.
    const before = pace.percent('script', 100);
    pace.describe(script('en'));
    const en = defaultStageSeconds(key, 'en');
    expect(en.audio).toBe(DEFAULT_AUDIO_SECONDS.en);
    expect(pace.percent('render', 0)).toBeCloseTo(progressBands(en).render[0]);
    expect(Math.abs(pace.percent('audio', 0) - before)).toBeLessThan(0.2);
    await waitUntil(
      async () => (await expectedOf(id)) === rounded(expectedTotalSec(en)),
      5000,
      'expectedSec',
    );
    expect(await store.find(id)).toMatchObject({ title: 'A title', language: 'en' });
  });

  it('keeps the weights of a job whose language was chosen, and scales the defaults at 1080p', async () => {
    const { id, pace } = await paceFor({ language: 'en', size: '1080p' });
    const en = defaultStageSeconds({ ...key, size: '1080p' }, 'en');
    expect(await expectedOf(id)).toBe(rounded(expectedTotalSec(en)));
    const at = pace.percent('render', 0);
    pace.describe(script('en'));
    expect(pace.percent('render', 0)).toBe(at);
  });

  it('weighs by the measured averages once a job of its kind finished, whatever the language', async () => {
    const measured = { fetch: 1, extract: 1, script: 1, audio: 10, slides: 2, render: 20, store: 1 };
    await recordStageSeconds(mongo.db, key, measured);
    const { id, pace } = await paceFor();
    expect(await expectedOf(id)).toBe(36);
    expect(pace.percent('render', 0)).toBeCloseTo(progressBands(measured).render[0]);
    pace.describe(script('en'));
    expect(pace.percent('render', 0)).toBeCloseTo(progressBands(measured).render[0]);
  });
});
