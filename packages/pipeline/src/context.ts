import type { LocalizedText } from '@movie-generator/api-contract';
import type { Logger } from 'pino';

export type { LocalizedText };

export type StageName = 'fetch' | 'extract' | 'script' | 'audio' | 'slides' | 'render';

export interface StageProgress {
  stage: StageName;
  /** 0–100 within the stage. */
  percent: number;
  message: LocalizedText;
}

/** What every stage receives besides its own input. */
export interface StageContext {
  signal: AbortSignal;
  /** Called with 0–100 within the current stage. */
  onProgress: (percent: number, message: LocalizedText) => void;
  log: Logger;
  /** The job's work directory, which the stage may write to; removed when the run ends. */
  workDir: string;
}

/** Throws the signal's reason (a PipelineError 'CANCELLED' by default) when aborted. */
export function throwIfAborted(signal: AbortSignal): void {
  signal.throwIfAborted();
}
