import {
  averageStageSeconds,
  defaultStageSeconds,
  expectedTotalSec,
  type JobDocument,
  type JobStore,
  overallPercent,
  type ProgressBands,
  progressBands,
  recordStageSeconds,
  type StageSeconds,
  type TimedStage,
  type TimingKey,
} from '@movie-generator/jobs';
import type { Script, StageName } from '@movie-generator/pipeline';
import type { Logger } from 'pino';
import type { ProcessJobConfig } from './process-job.ts';

/**
 * How far along a job is, in time: each stage's share of the progress bar is its measured
 * average time for this kind of job (size, orientation, renderer), so the percent tracks
 * elapsed ÷ total. Also writes what the job learns as it runs (title, language, expected time)
 * and adds the finished job's stage times to the averages.
 */
export class JobPace {
  private readonly key: TimingKey;
  private bands: ProgressBands;

  constructor(
    private readonly doc: JobDocument,
    private readonly store: JobStore,
    private readonly config: Pick<ProcessJobConfig, 'workerId' | 'pipeline'>,
    private readonly log: Logger,
  ) {
    this.key = {
      size: doc.size,
      vertical: doc.vertical,
      renderer: config.pipeline.render?.renderer ?? 'fast',
    };
    this.bands = progressBands(defaultStageSeconds(this.key));
  }

  /** Reads the averages; without them (a database hiccup) the defaults stand. */
  async load(): Promise<void> {
    let seconds: StageSeconds = defaultStageSeconds(this.key);
    try {
      seconds = await averageStageSeconds(this.store.c.db, this.key);
    } catch (error) {
      this.log.warn({ err: error }, 'job: stage averages unavailable; using defaults');
    }
    this.bands = progressBands(seconds);
    await this.annotate({ expectedSec: Math.round(expectedTotalSec(seconds) * 10) / 10 });
  }

  percent(stage: StageName | TimedStage, stagePercent: number): number {
    return overallPercent(this.bands, stage, stagePercent);
  }

  /** The script's title and language, for the job page and the recent-jobs list. */
  describe(script: Script): void {
    void this.annotate({ title: script.title, language: script.language });
  }

  async record(stageSeconds: Partial<Record<StageName, number>>, storeSec: number): Promise<void> {
    try {
      await recordStageSeconds(this.store.c.db, this.key, { ...stageSeconds, store: storeSec });
    } catch (error) {
      this.log.warn({ err: error }, 'job: could not record stage times');
    }
  }

  private async annotate(facts: Parameters<JobStore['annotate']>[1]): Promise<void> {
    try {
      await this.store.annotate(this.doc.jobId, facts, { workerId: this.config.workerId });
    } catch (error) {
      this.log.warn({ err: error }, 'job: could not write job facts');
    }
  }
}
