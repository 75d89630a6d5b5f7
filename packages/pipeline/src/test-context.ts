import { tmpdir } from 'node:os';
import type { LocalizedText } from '@movie-generator/api-contract';
import type { StageContext } from './context.ts';
import { silentLogger } from './logger.ts';

export interface TestContext extends StageContext {
  /** Every progress report, in order. */
  progress: Array<{ percent: number; message: LocalizedText }>;
}

/** A StageContext for tests (silent log) that records every progress report. */
export function makeTestContext(
  signal: AbortSignal = new AbortController().signal,
  workDir: string = tmpdir(),
): TestContext {
  const progress: TestContext['progress'] = [];
  return {
    signal,
    onProgress: (percent, message) => progress.push({ percent, message }),
    log: silentLogger,
    workDir,
    progress,
  };
}
