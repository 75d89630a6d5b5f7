import type { Language, VideoStyle } from '@movie-generator/api-contract';
import type { Collection, Db } from 'mongodb';

/** The pipeline's stages in order, then the worker's own step of storing the video. */
export const TIMED_STAGES = ['fetch', 'extract', 'script', 'audio', 'slides', 'render', 'store'] as const;
export type TimedStage = (typeof TIMED_STAGES)[number];
export type StageSeconds = Record<TimedStage, number>;

/**
 * Stage times before anything was measured: a fresh install's first job at 720p with the fast
 * renderer and the offline voices, measured through the real worker path on two shared cores
 * (`npm run bench:progress`, the bundled ~1,500-character Japanese sample article → a 161 s video,
 * 16 first jobs at load average 1.3–12.7): fetch 0.02–0.1 s, extract 0.1–1.3 s, script
 * 0.02–0.35 s, slides 0.26–2.1 s, render 26.4–36.6 s at load 1.3–7 (53–67 s at 10–13), store
 * 0.1–1.4 s. The worker opens Chromium and builds the bundle before it takes its first job, so
 * the first job pays neither. Speech: see DEFAULT_AUDIO_SECONDS; these are the Japanese figures.
 */
export const DEFAULT_STAGE_SECONDS: StageSeconds = {
  fetch: 0.03,
  extract: 0.2,
  script: 0.03,
  audio: 5.5,
  slides: 0.4,
  render: 28,
  store: 0.3,
};

/**
 * Speech before anything was measured, by narration language (the offline voices). Open JTalk's
 * share of a Japanese job grows with the machine's load, as its two single-threaded processes
 * lose out to the many threads of Chromium and ffmpeg: 10–15% at load 1–7, 20–31% at 10–13
 * (3.4 s of 32 s quiet, 31 s of 99 s at load 12.7). 5.5 s is the median share (~16%): within 6
 * points of a quiet machine, 12 points of load 11. eSpeak takes 1.4–4% of an English job of the
 * same length (0.5–2.6 s). A job's language is known once its script is, before the speech starts.
 */
export const DEFAULT_AUDIO_SECONDS: Record<Language, number> = { ja: 5.5, en: 0.8 };

/**
 * How much longer a stage takes than at 720p with the fast renderer, before anything was
 * measured. 1080p: the same article's render took 51.4 s against 26.4–30.2 s at 720p (about 1.8×;
 * the shares of the stages stay the same, only the expected total grows). The full renderer draws
 * every frame: 18× the fast renderer's render time on this machine (README, Benchmark). A vertical
 * frame has as many pixels as a landscape one: no scale.
 */
const DEFAULT_SCALE = {
  size: { '1080p': { render: 1.8, store: 2 } } as Record<string, Partial<StageSeconds>>,
  renderer: { full: { render: 18 } } as Record<string, Partial<StageSeconds>>,
};

/**
 * The stage times assumed for a kind of job before any job of that kind was measured; the
 * narration language, when known, sets the speech time (else the Japanese figure).
 */
export function defaultStageSeconds(key: TimingKey, language?: Language | null): StageSeconds {
  const seconds = { ...DEFAULT_STAGE_SECONDS };
  if (language) seconds.audio = DEFAULT_AUDIO_SECONDS[language];
  for (const scale of [DEFAULT_SCALE.size[key.size], DEFAULT_SCALE.renderer[key.renderer]]) {
    for (const stage of TIMED_STAGES) seconds[stage] *= scale?.[stage] ?? 1;
  }
  return seconds;
}

/** Running totals per kind of job; the average of a stage is `sec[stage] / n`. */
export interface StageTimingDocument {
  /** Size, orientation and renderer, e.g. "720p:landscape:fast"; ":dialogue" after a dialogue's. */
  key: string;
  n: number;
  sec: Partial<StageSeconds>;
  updatedAt: Date;
}

export interface TimingKey {
  size: string;
  vertical: boolean;
  renderer: string;
  /** A dialogue speaks more lines in two voices: its own figures (a narration keeps the old key). */
  style?: VideoStyle;
}

function keyOf(key: TimingKey): string {
  const dialogue = key.style === 'dialogue' ? ':dialogue' : '';
  return `${key.size}:${key.vertical ? 'vertical' : 'landscape'}:${key.renderer}${dialogue}`;
}

function timings(db: Db): Collection<StageTimingDocument> {
  return db.collection<StageTimingDocument>('stage_timings');
}

/**
 * Adds one finished job's stage times to the running totals, in one atomic update (workers
 * finishing at the same time both count).
 */
export async function recordStageSeconds(
  db: Db,
  key: TimingKey,
  seconds: Partial<StageSeconds>,
  now = new Date(),
): Promise<void> {
  const inc: Record<string, number> = { n: 1 };
  for (const stage of TIMED_STAGES) inc[`sec.${stage}`] = Math.max(0, seconds[stage] ?? 0);
  await timings(db).updateOne({ key: keyOf(key) }, { $inc: inc, $set: { updatedAt: now } }, { upsert: true });
}

/** The measured average time of each stage for this kind of job; null before its first job. */
export async function measuredStageSeconds(db: Db, key: TimingKey): Promise<StageSeconds | null> {
  const doc = await timings(db).findOne({ key: keyOf(key) });
  if (!doc || doc.n < 1) return null;
  const averages = defaultStageSeconds(key);
  for (const stage of TIMED_STAGES) {
    const total = doc.sec[stage];
    if (typeof total === 'number') averages[stage] = total / doc.n;
  }
  return averages;
}

/** The measured average time of each stage for this kind of job, or the defaults before any job. */
export async function averageStageSeconds(
  db: Db,
  key: TimingKey,
  language?: Language | null,
): Promise<StageSeconds> {
  return (await measuredStageSeconds(db, key)) ?? defaultStageSeconds(key, language);
}

export type ProgressBands = Record<TimedStage, readonly [number, number]>;

/** Each stage's share of 0–100, in proportion to its time: percent then tracks elapsed time. */
export function progressBands(seconds: StageSeconds): ProgressBands {
  const floor = (s: number) => Math.max(0.05, s);
  const total = TIMED_STAGES.reduce((sum, stage) => sum + floor(seconds[stage]), 0);
  let from = 0;
  const bands = {} as Record<TimedStage, readonly [number, number]>;
  for (const stage of TIMED_STAGES) {
    const to = from + (100 * floor(seconds[stage])) / total;
    bands[stage] = [from, to];
    from = to;
  }
  bands.store = [bands.store[0], 100];
  return bands;
}

/** Overall percent for `stagePercent` (0–100) of `stage`. */
export function overallPercent(bands: ProgressBands, stage: TimedStage, stagePercent: number): number {
  const [from, to] = bands[stage];
  return from + ((to - from) * Math.max(0, Math.min(100, stagePercent))) / 100;
}

/** Total expected seconds of a job. */
export function expectedTotalSec(seconds: StageSeconds): number {
  return TIMED_STAGES.reduce((sum, stage) => sum + seconds[stage], 0);
}
