import { tmpdir } from 'node:os';
import type { LocalizedMessage, StageContext } from '../context.ts';
import { silentLogger } from '../logger.ts';

/** A StageContext for tests that records every progress report. */
export function makeTestContext(signal: AbortSignal = new AbortController().signal): StageContext & {
  progress: Array<{ percent: number; message: LocalizedMessage }>;
} {
  const progress: Array<{ percent: number; message: LocalizedMessage }> = [];
  return {
    signal,
    onProgress: (percent, message) => progress.push({ percent, message }),
    log: silentLogger,
    workDir: tmpdir(),
    progress,
  };
}
