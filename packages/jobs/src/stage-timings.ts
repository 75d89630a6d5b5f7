import type { Collection, Db } from 'mongodb';

/** The pipeline's stages in order, then the worker's own step of storing the video. */
export const TIMED_STAGES = ['fetch', 'extract', 'script', 'audio', 'slides', 'render', 'store'] as const;
export type TimedStage = (typeof TIMED_STAGES)[number];
export type StageSeconds = Record<TimedStage, number>;

/**
 * Stage times before anything was measured: a short article at 720p with the fast renderer on
 * two cores (measured in the web end-to-end run). Rendering and speech dominate.
 */
export const DEFAULT_STAGE_SECONDS: StageSeconds = {
  fetch: 0.5,
  extract: 0.3,
  script: 0.5,
  audio: 8,
  slides: 4,
  render: 30,
  store: 0.5,
};

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
  style?: 'narration' | 'dialogue';
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

/** The measured average time of each stage for this kind of job, or the defaults before any job. */
export async function averageStageSeconds(db: Db, key: TimingKey): Promise<StageSeconds> {
  const doc = await timings(db).findOne({ key: keyOf(key) });
  if (!doc || doc.n < 1) return { ...DEFAULT_STAGE_SECONDS };
  const averages = { ...DEFAULT_STAGE_SECONDS };
  for (const stage of TIMED_STAGES) {
    const total = doc.sec[stage];
    if (typeof total === 'number') averages[stage] = total / doc.n;
  }
  return averages;
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
