import {
  defaultStageSeconds,
  expectedTotalSec,
  type JobDocument,
  type JobRuns,
  measuredStageSeconds,
  overallPercent,
  type ProgressBands,
  progressBands,
  recordStageSeconds,
  type StageSeconds,
  type TimedStage,
  type TimingKey,
} from '@movie-generator/jobs';
import type { Language, Script, StageName } from '@movie-generator/pipeline';
import type { Logger } from 'pino';
import type { ProcessJobConfig } from './process-job.ts';

/**
 * How far along a job is, in time: each stage's share of the progress bar is its measured
 * average time for this kind of job (size, orientation, renderer, style), so the percent tracks
 * elapsed ÷ total. Before the first job of its kind, the defaults stand, with the speech time of
 * the narration language once the script says which (the offline voices differ 5×). Also writes
 * what the job learns as it runs (title, language, expected time) and adds the finished job's
 * stage times to the averages.
 */
export class JobPace {
  private readonly key: TimingKey;
  private bands: ProgressBands;
  /** The averages of this kind of job; null before its first job (or when they could not be read). */
  private measured: StageSeconds | null = null;
  private language: Language | null;

  constructor(
    private readonly doc: JobDocument,
    private readonly store: JobRuns,
    private readonly config: Pick<ProcessJobConfig, 'workerId' | 'pipeline'>,
    private readonly log: Logger,
  ) {
    this.key = {
      size: doc.size,
      vertical: doc.vertical,
      renderer: config.pipeline.render?.renderer ?? 'fast',
      style: doc.style,
    };
    this.language = doc.language;
    this.bands = progressBands(defaultStageSeconds(this.key, this.language));
  }

  /** Reads the averages; without them (a database hiccup) the defaults stand. */
  async load(): Promise<void> {
    try {
      this.measured = await measuredStageSeconds(this.store.c.db, this.key);
    } catch (error) {
      this.log.warn({ err: error }, 'job: stage averages unavailable; using defaults');
    }
    await this.annotate({ expectedSec: this.weigh() });
  }

  percent(stage: StageName | TimedStage, stagePercent: number): number {
    return overallPercent(this.bands, stage, stagePercent);
  }

  /**
   * The script's title and language, for the job page and the recent-jobs list. Before any
   * measurement, a language the job did not name weighs the speech anew: the script comes before
   * the speech, so the bar has not gone past anything that moves.
   */
  describe(script: Script): void {
    const reweigh = !this.measured && script.language !== this.language;
    this.language = script.language;
    void this.annotate({
      title: script.title,
      language: script.language,
      ...(reweigh ? { expectedSec: this.weigh() } : {}),
    });
  }

  /** Sets the bands from the averages or the defaults; returns the expected total, rounded. */
  private weigh(): number {
    const seconds = this.measured ?? defaultStageSeconds(this.key, this.language);
    this.bands = progressBands(seconds);
    return Math.round(expectedTotalSec(seconds) * 10) / 10;
  }

  async record(stageSeconds: Partial<Record<StageName, number>>, storeSec: number): Promise<void> {
    try {
      await recordStageSeconds(this.store.c.db, this.key, { ...stageSeconds, store: storeSec });
    } catch (error) {
      this.log.warn({ err: error }, 'job: could not record stage times');
    }
  }

  private async annotate(facts: Parameters<JobRuns['annotate']>[1]): Promise<void> {
    try {
      await this.store.annotate(this.doc.jobId, facts, { workerId: this.config.workerId });
    } catch (error) {
      this.log.warn({ err: error }, 'job: could not write job facts');
    }
  }
}
